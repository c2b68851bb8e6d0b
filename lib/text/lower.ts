/**
 * Lower-casing a whole text once instead of each of its sentences. That gives
 * the same characters at the same indices when every UTF-16 unit lower-cases
 * to exactly one unit and nothing depends on the letters around it: true unless
 * the text holds a capital sigma (Σ becomes ς at the end of a word) or a
 * character whose lower case is longer (İ becomes i and a combining dot; in
 * current Unicode the only one, and the only length change). A span that cuts
 * a surrogate pair is not lower-cased the same way as the pair: callers read
 * such a span on its own.
 */

/** `text.toLowerCase()` when it is position for position the lower case of every span, else null. */
export function lowerInPlace(text: string): string | null {
  const lower = text.toLowerCase();
  return lower.length === text.length && !text.includes('Σ') ? lower : null;
}

/** Whether text[start, end) keeps its surrogate pairs whole (so its lower case is the same slice of the text's). */
export function wholePairs(text: string, start: number, end: number): boolean {
  if (start >= end) return true;
  const a = text.charCodeAt(start);
  const b = text.charCodeAt(end - 1);
  return !(a >= 0xdc00 && a <= 0xdfff) && !(b >= 0xd800 && b <= 0xdbff);
}
