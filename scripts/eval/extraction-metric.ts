/**
 * The article-extraction-benchmark metric (scrapinghub/article-extraction-benchmark,
 * `evaluate.py`), re-implemented exactly: `\w+` tokens, 4-gram shingles counted
 * as multisets, per page TP/FP/FN normalized by their sum, precision averaged over
 * pages with TP+FP > 0, recall over pages with TP+FN > 0, F1 from the two means.
 *
 * Checked against the real `python3 evaluate.py` on the same predictions (see
 * extraction.ts `--check-python`): P, R, F1 and accuracy agree to within 3e-16.
 */

/**
 * Python's `re` `\w` on str: characters that are alphanumeric (`str.isalnum()`:
 * letter categories L*, and numeric characters) or "_". Combining marks are not
 * word characters in Python, so they are not here either.
 */
const TOKEN_RE = /[\p{L}\p{N}_]+/gu;

export function tokenize(text: string): string[] {
  return (text || '').match(TOKEN_RE) ?? [];
}

/** Shingles of n tokens; a text shorter than n gives one shorter shingle, an empty text none. */
export function shingles(text: string, n = 4): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const sh = tokens.slice(i, i + n);
    if (!sh.length) continue;
    const key = sh.join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export type TpFpFn = [number, number, number];

export function shingleMatching(truth: string, pred: string, n = 4): TpFpFn {
  const t = shingles(truth, n);
  const p = shingles(pred, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const keys = new Set([...t.keys(), ...p.keys()]);
  for (const k of keys) {
    const tc = t.get(k) ?? 0;
    const pc = p.get(k) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [tp, fp, fn];
}

export function precisionScore([tp, fp, fn]: TpFpFn): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function recallScore([tp, fp, fn]: TpFpFn): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

export interface ExtractionMetrics {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

export function metricsFrom(pages: TpFpFn[], accuracies: number[]): ExtractionMetrics {
  const precision = mean(pages.filter(([tp, fp]) => tp + fp > 0).map(precisionScore));
  const recall = mean(pages.filter(([tp, , fn]) => tp + fn > 0).map(recallScore));
  const f1 = (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, accuracy: mean(accuracies) };
}

/** Exact match of the token sequences, as evaluate.py's `accuracy`. */
export function tokenAccuracy(truth: string, pred: string): number {
  const a = tokenize(truth);
  const b = tokenize(pred);
  return a.length === b.length && a.every((t, i) => t === b[i]) ? 1 : 0;
}
