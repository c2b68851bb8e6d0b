/**
 * ROUGE-1, ROUGE-2 and ROUGE-L F1, following Google's `rouge-score` package
 * (rouge_score/tokenize.py and rouge_scorer.py) with use_stemmer=True:
 *
 * - tokens: lower-case, every run of characters outside [a-z0-9] becomes a
 *   space, split on whitespace; tokens longer than 3 characters are stemmed
 *   with Porter's stemmer; empty tokens are dropped.
 * - ROUGE-N: clipped n-gram overlap (min of the two counts per n-gram);
 *   precision = overlap / candidate n-grams, recall = overlap / reference
 *   n-grams, F1 = 2PR / (P + R) (0 when both are 0).
 * - ROUGE-L: the "rougeL" key, i.e. the longest common subsequence of the two
 *   whole token sequences (sentence-level, newlines ignored), not "rougeLsum"
 *   (the union-LCS over sentences).
 *
 * How it may differ from the Python package: the stemmer is the `stemmer` npm
 * package (Porter's original algorithm), whereas rouge-score calls NLTK's
 * PorterStemmer in its default NLTK_EXTENSIONS mode, which differs on a few
 * words (e.g. "-ly" and "-ies" endings, some irregular forms); non-ASCII letters
 * are dropped as in the Python code, which lower-cases first and keeps only
 * [a-z0-9]. Scores are averaged per document (macro), as the package's
 * aggregators report mid values of the per-document scores without bootstrap.
 */
import { stemmer } from 'stemmer';

export interface Prf {
  p: number;
  r: number;
  f: number;
}

const stemCache = new Map<string, string>();
function stem(token: string): string {
  let s = stemCache.get(token);
  if (s === undefined) {
    s = stemmer(token);
    stemCache.set(token, s);
  }
  return s;
}

export function rougeTokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .map((t) => (t.length > 3 ? stem(t) : t));
}

function prf(overlap: number, candidate: number, reference: number): Prf {
  const p = candidate > 0 ? overlap / candidate : 0;
  const r = reference > 0 ? overlap / reference : 0;
  return { p, r, f: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

function ngramCounts(tokens: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const g = n === 1 ? tokens[i] : tokens.slice(i, i + n).join(' ');
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return counts;
}

export function rougeN(candidate: string[], reference: string[], n: number): Prf {
  const c = ngramCounts(candidate, n);
  const r = ngramCounts(reference, n);
  let overlap = 0;
  for (const [g, k] of c) overlap += Math.min(k, r.get(g) ?? 0);
  return prf(overlap, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1));
}

/** Length of the longest common subsequence, O(|a|·|b|) time, O(|b|) memory. */
export function lcsLength(a: string[], b: string[]): number {
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = ai === b[j - 1] ? prev[j - 1] + 1 : cur[j - 1] > prev[j] ? cur[j - 1] : prev[j];
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

export function rougeL(candidate: string[], reference: string[]): Prf {
  return prf(lcsLength(candidate, reference), candidate.length, reference.length);
}

export interface RougeScores {
  rouge1: Prf;
  rouge2: Prf;
  rougeL: Prf;
}

export function rouge(candidateText: string, referenceText: string): RougeScores {
  const c = rougeTokens(candidateText);
  const r = rougeTokens(referenceText);
  return { rouge1: rougeN(c, r, 1), rouge2: rougeN(c, r, 2), rougeL: rougeL(c, r) };
}
