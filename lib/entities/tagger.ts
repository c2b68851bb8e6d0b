/**
 * Greedy left-to-right averaged-perceptron tagger over BIO tags: each token's
 * tag is the best-scoring one allowed after the previous tag, given the token's
 * static features and the two tags already chosen. Linear in the number of
 * tokens.
 */
import * as F from './features';
import type { SentenceFeatures, Tag, WordInfo } from './features';
import { slotOf, type SparseModel } from './model-codec';

// Local copies: module bindings read in the hot loops cost a getter call under some loaders.
const { historyFeaturesOf, ALLOWED } = F;
const OWN_FEATURES = F.OWN_FEATURES;
const START = F.START;
const NTAGS = F.NTAGS;
const TAGS = F.TAGS;
const N_HISTORY = F.N_HISTORY;
// tagShipped() keeps one local per tag.
if (NTAGS !== 9) throw new Error('tagShipped() is written for 9 tags');

/**
 * Scores are sums of weight cells, row = feature bucket, column = tag: a dense
 * Float64Array while training, the shipped sparse table (model-codec) otherwise.
 */
export type WeightTable = Float64Array | SparseModel;

export function scoreInto(weights: WeightTable, ids: ArrayLike<number>, from: number, to: number, scores: Float64Array): void {
  if (weights instanceof Float64Array) scoreDense(weights, ids, from, to, scores);
  else scoreSparse(weights, ids, from, to, scores);
}

// One function per kind of table, so each loop sees one array type (the decode loop below picks once per sentence).
function scoreDense(weights: Float64Array, ids: ArrayLike<number>, from: number, to: number, scores: Float64Array): void {
  for (let k = from; k < to; k++) {
    const row = ids[k] * NTAGS;
    for (let t = 0; t < NTAGS; t++) scores[t] += weights[row + t];
  }
}

function scoreSparse(weights: SparseModel, ids: ArrayLike<number>, from: number, to: number, scores: Float64Array): void {
  const { slots, rows, slotMask } = weights;
  for (let k = from; k < to; k++) {
    const row = rowOf(slots, slotMask, ids[k]);
    if (row < 0) continue;
    for (let t = 0; t < NTAGS; t++) scores[t] += rows[row + t];
  }
}

/** Where feature `id`'s weights start in the sparse model's rows, or -1 when it has none (open addressing). */
function rowOf(slots: Int32Array, slotMask: number, id: number): number {
  let s = slotOf(id, slotMask) << 1;
  let b = slots[s];
  while (b !== id && b !== -1) {
    s = (s + 2) & ((slotMask << 1) | 1);
    b = slots[s];
  }
  return b === -1 ? -1 : slots[s + 1];
}

// Per-call buffers, reused: tagging allocates only its result.
const scores = new Float64Array(NTAGS);
const hist = new Int32Array(N_HISTORY);

/** Best tag per token; `onStep` (training) sees each decision's feature ids and the chosen tag. */
export function tagSentence(
  words: string[],
  features: SentenceFeatures,
  weights: WeightTable,
  onStep?: (i: number, stat: Int32Array, from: number, to: number, hist: Int32Array, predicted: number) => void,
  gold?: Tag[],
): Tag[] {
  if (!onStep && !gold && !(weights instanceof Float64Array)) return tagShipped(features, weights);
  const n = words.length;
  const out: Tag[] = new Array(n);
  const goldIndex = gold?.map((g) => TAGS.indexOf(g));
  const dense = weights instanceof Float64Array ? weights : null;
  const { ids, offsets, words: infos } = features;
  let prev = START;
  let prev2 = START;
  for (let i = 0; i < n; i++) {
    const x = infos[i];
    scores.fill(0);
    historyFeaturesOf(x.hl, x.hss, prev, prev2, hist);
    const from = offsets[i];
    const to = offsets[i + 1];
    // Static features first, then history, in order: with float weights the order of the sums matters.
    if (dense) {
      scoreDense(dense, ids, from, to, scores);
      scoreDense(dense, hist, 0, N_HISTORY, scores);
    } else {
      scoreSparse(weights as SparseModel, ids, from, to, scores);
      scoreSparse(weights as SparseModel, hist, 0, N_HISTORY, scores);
    }
    const best = bestAllowed(prev);
    if (onStep) onStep(i, ids, from, to, hist, best);
    out[i] = TAGS[best];
    prev2 = prev;
    // In training the history follows the gold tags only when asked to; by default it is the prediction.
    prev = goldIndex ? goldIndex[i] : best;
  }
  return out;
}

/** The best-scoring tag in `scores` allowed after `prev`; the first of equal scores. */
function bestAllowed(prev: number): number {
  let best = 0;
  let bestScore = -Infinity;
  const row = prev * NTAGS;
  for (let t = 0; t < NTAGS; t++) {
    if (ALLOWED[row + t] && scores[t] > bestScore) {
      bestScore = scores[t];
      best = t;
    }
  }
  return best;
}

/**
 * Scores of the two history features that depend on the tags alone (t1, t2t1),
 * summed per (tag before, previous tag): PAIRS[(prev2 * (NTAGS + 1) + prev) * NTAGS + t].
 */
const pairScores = new WeakMap<SparseModel, Float64Array>();
function historyPairScores(m: SparseModel): Float64Array {
  let table = pairScores.get(m);
  if (table) return table;
  table = new Float64Array((NTAGS + 1) * (NTAGS + 1) * NTAGS);
  const h = new Int32Array(N_HISTORY);
  for (let prev2 = 0; prev2 <= NTAGS; prev2++) {
    for (let prev = 0; prev <= NTAGS; prev++) {
      historyFeaturesOf(0, 0, prev, prev2, h);
      scores.fill(0);
      scoreSparse(m, h, 0, 2, scores);
      table.set(scores, (prev2 * (NTAGS + 1) + prev) * NTAGS);
    }
  }
  pairScores.set(m, table);
  return table;
}

/** The summed weights of the word's own features (WordInfo.own), kept on the word. */
function ownScores(x: WordInfo, m: SparseModel): Int32Array {
  const { slots, rows, slotMask } = m;
  // Integers (steps) in a small on-heap array: exact, and cheap to allocate.
  const own = new Int32Array(NTAGS);
  for (const id of x.own) {
    const r = rowOf(slots, slotMask, id);
    if (r < 0) continue;
    for (let t = 0; t < NTAGS; t++) own[t] += rows[r + t];
  }
  x.ownScores = own;
  x.ownScoresOf = m;
  return own;
}

/**
 * tagSentence() with the shipped weights, the product's path. Its weights are
 * integers (steps), so every sum is exact whatever the grouping, and the work is
 * regrouped: a word's own features are summed once and kept on the word
 * (WordInfo.ownScores), the tag-only history features come from a table, and
 * the rest are summed in locals rather than in an array.
 */
function tagShipped(features: SentenceFeatures, m: SparseModel): Tag[] {
  const { ids, offsets, words: infos } = features;
  const n = infos.length;
  const out: Tag[] = new Array(n);
  const { slots, rows, slotMask } = m;
  const pairs = historyPairScores(m);
  let prev = START;
  let prev2 = START;
  for (let i = 0; i < n; i++) {
    const x = infos[i];
    const from = offsets[i];
    const own = x.ownScoresOf === m ? x.ownScores! : ownScores(x, m);
    const p = (prev2 * (NTAGS + 1) + prev) * NTAGS;
    let s0 = own[0] + pairs[p];
    let s1 = own[1] + pairs[p + 1];
    let s2 = own[2] + pairs[p + 2];
    let s3 = own[3] + pairs[p + 3];
    let s4 = own[4] + pairs[p + 4];
    let s5 = own[5] + pairs[p + 5];
    let s6 = own[6] + pairs[p + 6];
    let s7 = own[7] + pairs[p + 7];
    let s8 = own[8] + pairs[p + 8];
    historyFeaturesOf(x.hl, x.hss, prev, prev2, hist);
    // The token's other static features, then the two history features that involve the word.
    const to = offsets[i + 1];
    for (let k = from + OWN_FEATURES; k < to + 2; k++) {
      const r = rowOf(slots, slotMask, k < to ? ids[k] : hist[k - to + 2]);
      if (r < 0) continue;
      s0 += rows[r];
      s1 += rows[r + 1];
      s2 += rows[r + 2];
      s3 += rows[r + 3];
      s4 += rows[r + 4];
      s5 += rows[r + 5];
      s6 += rows[r + 6];
      s7 += rows[r + 7];
      s8 += rows[r + 8];
    }
    scores[0] = s0;
    scores[1] = s1;
    scores[2] = s2;
    scores[3] = s3;
    scores[4] = s4;
    scores[5] = s5;
    scores[6] = s6;
    scores[7] = s7;
    scores[8] = s8;
    const best = bestAllowed(prev);
    out[i] = TAGS[best];
    prev2 = prev;
    prev = best;
  }
  return out;
}
