/**
 * Baselines for the key-sentence evaluation, run on the same sentences as Lede:
 *
 * - Lead-k: the first k body sentences.
 * - TextRank (Mihalcea & Tarau 2004): PageRank (d = 0.85) over the graph of
 *   body sentences, edge weight = number of shared words / (log|Si| + log|Sj|)
 *   (lower-cased word types, stop words kept as in the paper's summarization
 *   setup); the k best-ranked sentences, in document order.
 */
import type { Span } from '../../lib/types';

function inside(s: Span, spans: Span[]): boolean {
  return spans.some((n) => s.start >= n.start && s.end <= n.end);
}

/** Indices of the sentences that are body text (not inside a nonBody span). */
export function bodyIndices(sentences: Span[], nonBody: Span[]): number[] {
  const out: number[] = [];
  sentences.forEach((s, i) => {
    if (!inside(s, nonBody)) out.push(i);
  });
  return out;
}

export function leadK(sentences: Span[], nonBody: Span[], k: number): number[] {
  return bodyIndices(sentences, nonBody).slice(0, k);
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

export function textRank(text: string, sentences: Span[], nonBody: Span[], k: number): number[] {
  const ids = bodyIndices(sentences, nonBody);
  const n = ids.length;
  const bags = ids.map((i) => words(text.slice(sentences[i].start, sentences[i].end)));
  const w: Float64Array[] = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = bags[i];
      const b = bags[j];
      if (a.size < 2 || b.size < 2) continue; // log(1) + log(1) = 0: no defined similarity
      let shared = 0;
      for (const x of a) if (b.has(x)) shared++;
      const sim = shared / (Math.log(a.size) + Math.log(b.size));
      w[i][j] = sim;
      w[j][i] = sim;
    }
  }
  const out = w.map((row) => row.reduce((s, x) => s + x, 0));
  let score = new Float64Array(n).fill(1);
  const d = 0.85;
  for (let iter = 0; iter < 100; iter++) {
    const next = new Float64Array(n);
    let delta = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) if (w[j][i] > 0) s += (w[j][i] / out[j]) * score[j];
      next[i] = 1 - d + d * s;
      delta += Math.abs(next[i] - score[i]);
    }
    score = next;
    if (delta < 1e-6) break;
  }
  return [...ids.keys()]
    .sort((a, b) => score[b] - score[a] || a - b)
    .slice(0, k)
    .sort((a, b) => a - b)
    .map((x) => ids[x]);
}
