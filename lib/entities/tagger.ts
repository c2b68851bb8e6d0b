/**
 * Greedy left-to-right averaged-perceptron tagger over BIO tags: each token's
 * tag is the best-scoring one allowed after the previous tag, given the token's
 * static features and the two tags already chosen. Linear in the number of
 * tokens.
 */
import * as F from './features';
import type { Tag } from './features';
import { slotOf, type SparseModel } from './model-codec';

// Local copies: module bindings read in the hot loops cost a getter call under some loaders.
const { allowed, historyFeatures } = F;
const NTAGS = F.NTAGS;
const TAGS = F.TAGS;
const N_HISTORY = F.N_HISTORY;

/**
 * Scores are sums of weight cells, row = feature bucket, column = tag: a dense
 * Float64Array while training, the shipped sparse table (model-codec) otherwise.
 */
export type WeightTable = Float64Array | SparseModel;

export function scoreInto(weights: WeightTable, ids: ArrayLike<number>, scores: Float64Array): void {
  if (weights instanceof Float64Array) {
    for (let k = 0; k < ids.length; k++) {
      const row = ids[k] * NTAGS;
      for (let t = 0; t < NTAGS; t++) scores[t] += weights[row + t];
    }
    return;
  }
  const { slots, slotRow, rows, slotMask } = weights;
  for (let k = 0; k < ids.length; k++) {
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
  features: Int32Array[],
  weights: WeightTable,
  onStep?: (i: number, stat: Int32Array, hist: Int32Array, predicted: number) => void,
  gold?: Tag[],
): Tag[] {
  const out: Tag[] = new Array(words.length);
  const scores = new Float64Array(NTAGS);
  const hist = new Int32Array(N_HISTORY);
  let prev: Tag | '<s>' = '<s>';
  let prev2: Tag | '<s>' = '<s>';
  for (let i = 0; i < words.length; i++) {
    scores.fill(0);
    historyFeatures(words[i], prev, prev2, hist);
    scoreInto(weights, features[i], scores);
    scoreInto(weights, hist, scores);
    let best = 0;
    let bestScore = -Infinity;
    for (let t = 0; t < NTAGS; t++) {
      if (!allowed(prev, TAGS[t])) continue;
      if (scores[t] > bestScore) {
        bestScore = scores[t];
        best = t;
      }
    }
    if (onStep) onStep(i, features[i], hist, best);
    out[i] = TAGS[best];
    prev2 = prev;
    // In training the history follows the gold tags only when asked to; by default it is the prediction.
    prev = gold ? gold[i] : TAGS[best];
  }
  return out;
}
