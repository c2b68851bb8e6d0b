/**
 * Approximate string search: where in a window of the page a passage occurs
 * with the fewest edits (insertions, deletions, substitutions), the passage
 * whole and the window free at both ends (semi-global edit distance). Only
 * ever run on small windows that lib/anchor/kgram-index.ts points at, so its
 * cost (passage length × window length) stays bounded.
 */

export interface ApproxMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * The best occurrence of `pattern` in text[from, to) with at most `maxErrors`
 * edits, or null. Among equally good matches, the first.
 */
export function approxSearch(pattern: string, text: string, from: number, to: number, maxErrors: number): ApproxMatch | null {
  const m = pattern.length;
  from = Math.max(0, from);
  to = Math.min(text.length, to);
  if (m === 0 || to <= from) return null;
  // One column of the table per text position: cost[i] = edits to match pattern[0, i)
  // ending here, start[i] = where in the text that alignment began.
  let cost = new Int32Array(m + 1);
  let start = new Int32Array(m + 1);
  let prevCost = new Int32Array(m + 1);
  let prevStart = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    prevCost[i] = i;
    prevStart[i] = from;
  }
  const codes = new Uint16Array(m);
  for (let i = 0; i < m; i++) codes[i] = pattern.charCodeAt(i);

  let best: ApproxMatch | null = prevCost[m] <= maxErrors ? { start: from, end: from, errors: prevCost[m] } : null;
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    cost[0] = 0;
    start[0] = j + 1;
    for (let i = 1; i <= m; i++) {
      // Match or substitute (diagonal), skip a text character (left), skip a pattern character (up).
      let v = prevCost[i - 1] + (codes[i - 1] === c ? 0 : 1);
      let s = prevStart[i - 1];
      const left = prevCost[i] + 1;
      if (left < v) {
        v = left;
        s = prevStart[i];
      }
      const up = cost[i - 1] + 1;
      if (up < v) {
        v = up;
        s = start[i - 1];
      }
      cost[i] = v;
      start[i] = s;
    }
    if (cost[m] <= maxErrors && (!best || cost[m] < best.errors)) {
      best = { start: start[m], end: j + 1, errors: cost[m] };
      if (best.errors === 0) break;
    }
    const c2 = prevCost;
    prevCost = cost;
    cost = c2;
    const s2 = prevStart;
    prevStart = start;
    start = s2;
  }
  return best;
}
