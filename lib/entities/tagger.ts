/**
 * Greedy left-to-right averaged-perceptron tagger over BIO tags: each token's
 * tag is the best-scoring one allowed after the previous tag, given the token's
 * static features and the two tags already chosen. Linear in the number of
 * tokens.
 */
import * as F from './features';
import type { SentenceFeatures, Tag } from './features';
import { slotOf, type SparseModel } from './model-codec';

// Local copies: module bindings read in the hot loops cost a getter call under some loaders.
const { historyFeatures, ALLOWED } = F;
const START = F.START;
const NTAGS = F.NTAGS;
const TAGS = F.TAGS;
const N_HISTORY = F.N_HISTORY;

/**
 * Scores are sums of weight cells, row = feature bucket, column = tag: a dense
 * Float64Array while training, the shipped sparse table (model-codec) otherwise.
 */
export type WeightTable = Float64Array | SparseModel;

export function scoreInto(weights: WeightTable, ids: ArrayLike<number>, from: number, to: number, scores: Float64Array): void {
  if (weights instanceof Float64Array) {
    for (let k = from; k < to; k++) {
      const row = ids[k] * NTAGS;
      for (let t = 0; t < NTAGS; t++) scores[t] += weights[row + t];
    }
    return;
  }
  const { slots, slotRow, rows, slotMask } = weights;
  for (let k = from; k < to; k++) {
    const id = ids[k];
    let s = slotOf(id, slotMask);
    let b = slots[s];
    while (b !== id && b !== -1) {
      s = (s + 1) & slotMask;
      b = slots[s];
    }
    if (b === -1) continue;
    const row = slotRow[s] * NTAGS;
    for (let t = 0; t < NTAGS; t++) scores[t] += rows[row + t];
  }
}

/** Best tag per token; `onStep` (training) sees each decision's feature ids and the chosen tag. */
export function tagSentence(
  words: string[],
  features: SentenceFeatures,
  weights: WeightTable,
  onStep?: (i: number, stat: Int32Array, from: number, to: number, hist: Int32Array, predicted: number) => void,
  gold?: Tag[],
): Tag[] {
  const out: Tag[] = new Array(words.length);
  const scores = new Float64Array(NTAGS);
  const hist = new Int32Array(N_HISTORY);
  const goldIndex = gold?.map((g) => TAGS.indexOf(g));
  let prev = START;
  let prev2 = START;
  for (let i = 0; i < words.length; i++) {
    scores.fill(0);
    historyFeatures(words[i], prev, prev2, hist);
    const from = features.offsets[i];
    const to = features.offsets[i + 1];
    scoreInto(weights, features.ids, from, to, scores);
    scoreInto(weights, hist, 0, N_HISTORY, scores);
    let best = 0;
    let bestScore = -Infinity;
    const row = prev * NTAGS;
    for (let t = 0; t < NTAGS; t++) {
      if (ALLOWED[row + t] && scores[t] > bestScore) {
        bestScore = scores[t];
        best = t;
      }
    }
    if (onStep) onStep(i, features.ids, from, to, hist, best);
    out[i] = TAGS[best];
    prev2 = prev;
    // In training the history follows the gold tags only when asked to; by default it is the prediction.
    prev = goldIndex ? goldIndex[i] : best;
  }
  return out;
}
