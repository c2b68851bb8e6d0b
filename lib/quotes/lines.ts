/**
 * Line (paragraph) boundaries of a text, found once and then looked up by binary
 * search: every quote asks where its line starts and ends, and searching for the
 * newline each time would be quadratic on a text with one very long line.
 */
export interface Lines {
  /** Start of the line containing i. */
  start(i: number): number;
  /** End of the line containing i (the index of its newline, or the text's length). */
  end(i: number): number;
}

export function linesOf(text: string): Lines {
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i);
  /** Index of the first newline at or after i, or breaks.length. */
  const nextBreak = (i: number) => firstAtOrAfter(breaks, i);
  return {
    start(i) {
      const k = nextBreak(i) - 1;
      return k >= 0 ? breaks[k] + 1 : 0;
    },
    end(i) {
      const k = nextBreak(i);
      return k < breaks.length ? breaks[k] : text.length;
    },
  };
}

/** Index of the first position at or after i in ascending `positions` (positions.length when none): binary search. */
export function firstAtOrAfter(positions: readonly number[], i: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (positions[mid] < i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
