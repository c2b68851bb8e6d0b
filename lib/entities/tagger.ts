/**
 * Greedy left-to-right averaged-perceptron tagger over BIO tags: each token's
 * tag is the best-scoring one allowed after the previous tag, given the token's
 * static features and the two tags already chosen. Linear in the number of
 * tokens. The paths give the same tags: a general one for training (float
 * weights, a callback per decision), and for the shipped integer weights, which
 * regroup the sums for speed, tagShipped() (on sentenceFeatures' ids) and
 * tagWords() (the product's, on the words themselves).
 */
import * as F from './features';
import type { DocContext, GazLabel, SentenceFeatures, Tag, WordInfo } from './features';
import type { GazetteerIndex } from './gazetteer';
import * as codec from './model-codec';
import type { SparseModel } from './model-codec';

// Local copies: module bindings read in the hot loops cost a getter call under some loaders.
const { historyFeaturesOf, ALLOWED } = F;
const WORD_ALONE_FEATURES = F.WORD_ALONE_FEATURES;
const START = F.START;
const NTAGS = F.NTAGS;
const TAGS = F.TAGS;
const N_HISTORY = F.N_HISTORY;
const slotOf = codec.slotOf;
const { contextIdsInto, prepareWords, SENTENCE_START, SENTENCE_END, FLAGS_SHIFT, IF_FIRST, IF_TITLE1, IF_TITLE2, IF_ORGW, IF_ORGW1, IF_ORGW2 } = F;
// tagShipped() keeps one local per tag.
if (NTAGS !== 9) throw new Error('tagShipped() is written for 9 tags');
// tagWords() scores only O, the B- tags and the one I- tag a tag allows after it (prev + (prev & 1)).
for (let prev = 0; prev <= NTAGS; prev++) {
  const iT = prev === 0 || prev === START ? -1 : prev + (prev & 1);
  for (let t = 0; t < NTAGS; t++) {
    if (ALLOWED[prev * NTAGS + t] !== (t === 0 || t % 2 === 1 || t === iT ? 1 : 0)) throw new Error('tagWords() is written for BIO tags O, B-X, I-X');
  }
}

/**
 * Scores are sums of weight cells, row = feature bucket, column = tag: a dense
 * Float64Array while training, the shipped sparse table (model-codec) otherwise.
 */
export type WeightTable = Float64Array | SparseModel;

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
  if (!features.complete) throw new Error('tagSentence: training and float weights need complete features');
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

/** Adds feature `id`'s weights to `into` from index `at`. */
function addRow(m: SparseModel, id: number, into: Int32Array | Int16Array, at: number): void {
  const r = rowOf(m.slots, m.slotMask, id);
  if (r >= 0) for (let t = 0; t < NTAGS; t++) into[at + t] += m.rows[r + t];
}

/**
 * The words' summed weights by role (wordScores) under one shipped model,
 * WORD_ROW 16-bit numbers per word (MAX_SUMMED), side by side in the order the
 * words are met: less memory than an array per word, and words met together are
 * read together.
 */
class ScoreArena {
  data: Int16Array;
  used = 0;
  constructor(words: number) {
    this.data = new Int16Array(Math.max(1024, words) * WORD_ROW);
  }
}
/**
 * A role's sum holds at most MAX_SUMMED weights (the word's own 10 features
 * and first&ss or title-1&ss), so with weights within ±(32767 / MAX_SUMMED) it
 * fits in 16 bits exactly: half the memory of 32, and the arena's rows are what
 * the tagger reads most. The shipped weights are within ±274 steps; a model
 * beyond the bound is refused rather than summed wrongly.
 */
const MAX_SUMMED = 11;
const checkedModels = new WeakSet<SparseModel>();
function checkScoreRange(m: SparseModel): void {
  if (checkedModels.has(m)) return;
  let max = 0;
  for (let i = 0; i < m.rows.length; i++) max = Math.max(max, Math.abs(m.rows[i]));
  if (max * MAX_SUMMED > 32767) throw new Error(`entity model: weights up to ${max} steps overflow the tagger's 16-bit word scores`);
  checkedModels.add(m);
}
/**
 * Words an arena holds before it is emptied (its words' scores are then made
 * again as they are met): some 3.5 MB, about as many words as the word cache
 * (features.ts) keeps.
 */
const MAX_ARENA_WORDS = 24_576;
const arenas = new WeakMap<SparseModel, ScoreArena>();
/** The model's arena with room for `words` more words, grown or emptied as needed; no word's offset changes while it is in use. */
function arenaWithRoom(m: SparseModel, words: number): ScoreArena {
  let a = arenas.get(m);
  if (!a) checkScoreRange(m);
  const need = (a ? a.used : 0) + words * WORD_ROW;
  if (!a || need > MAX_ARENA_WORDS * WORD_ROW) {
    // A new arena: the words scored in the old one no longer match it (WordInfo.scoresOf).
    a = new ScoreArena(words);
    arenas.set(m, a);
  } else if (need > a.data.length) {
    let size = a.data.length;
    while (size < need) size *= 2;
    const data = new Int16Array(Math.min(size, MAX_ARENA_WORDS * WORD_ROW));
    data.set(a.data.subarray(0, a.used));
    a.data = data;
  }
  return a;
}

/** Where the word's summed weights by role start in the arena, computed on first use (there must be room: arenaWithRoom). */
function wordScores(x: WordInfo, a: ScoreArena, m: SparseModel): number {
  if (x.scoresOf === a) return x.scoresAt;
  const at = a.used;
  a.used += WORD_ROW;
  const s = a.data;
  for (const id of x.own) addRow(m, id, s, at);
  addRow(m, x.lm1, s, at + AS_PREVIOUS);
  addRow(m, x.shm1, s, at + AS_PREVIOUS);
  addRow(m, x.lp1, s, at + AS_NEXT);
  addRow(m, x.shp1, s, at + AS_NEXT);
  addRow(m, x.lm2, s, at + AS_SECOND_BEFORE);
  addRow(m, x.lp2, s, at + AS_SECOND_AFTER);
  // The own role again, with first&ss (the word opens the sentence) or title-1&ss (a title before it).
  for (let t = 0; t < NTAGS; t++) s[at + OWN_FIRST + t] = s[at + OWN_AFTER_TITLE + t] = s[at + t];
  addRow(m, x.firstSs, s, at + OWN_FIRST);
  addRow(m, x.title1Ss, s, at + OWN_AFTER_TITLE);
  // t1w and t1ss after an O, the commonest tag before a word.
  historyFeaturesOf(x.hl, x.hss, 0, 0, wordHist);
  addRow(m, wordHist[2], s, at + AFTER_O);
  addRow(m, wordHist[3], s, at + AFTER_O);
  x.scoresAt = at;
  x.scoresOf = a;
  return at;
}
const wordHist = new Int32Array(N_HISTORY);
/** Where each role's scores start in a word's row of the arena (the word's own role at 0). */
const AS_PREVIOUS = NTAGS;
const AS_NEXT = 2 * NTAGS;
const AS_SECOND_BEFORE = 3 * NTAGS;
const AS_SECOND_AFTER = 4 * NTAGS;
/** Roles only tagWords() reads: the own role with first&ss, with title-1&ss; the history features t1w, t1ss after O. */
const OWN_FIRST = 5 * NTAGS;
const OWN_AFTER_TITLE = 6 * NTAGS;
const AFTER_O = 7 * NTAGS;
const ROLES = 8;
const WORD_ROW = ROLES * NTAGS;

/**
 * tagSentence() with the shipped weights, the product's path. Its weights are
 * integers (steps), so every sum is exact whatever the grouping, and the work is
 * regrouped: the features of a word alone are summed once per word and kept on
 * it (wordScores), the tag-only history features come from a table, and
 * the rest are summed in locals rather than in an array.
 */
function tagShipped(features: SentenceFeatures, m: SparseModel): Tag[] {
  const { ids, offsets, words: infos } = features;
  const n = infos.length;
  const out: Tag[] = new Array(n);
  const { slots, rows, slotMask } = m;
  const pairs = historyPairScores(m);
  // Complete features hold those of a word alone too: skipped, they are in the word scores.
  const skip = features.complete ? WORD_ALONE_FEATURES : 0;
  const arena = arenaWithRoom(m, n + 2);
  const d = arena.data;
  const start = wordScores(F.SENTENCE_START, arena, m);
  const end = wordScores(F.SENTENCE_END, arena, m);
  // Where the word scores of the tokens two before to two after the current one start in d.
  let b2 = start;
  let b1 = start;
  let c = n > 0 ? wordScores(infos[0], arena, m) : end;
  let a1 = n > 1 ? wordScores(infos[1], arena, m) : end;
  let a2 = n > 2 ? wordScores(infos[2], arena, m) : end;
  let prev = START;
  let prev2 = START;
  for (let i = 0; i < n; i++) {
    const x = infos[i];
    const p = (prev2 * (NTAGS + 1) + prev) * NTAGS;
    let s0 = pairs[p] + d[c] + d[b1 + AS_PREVIOUS] + d[a1 + AS_NEXT] + d[b2 + AS_SECOND_BEFORE] + d[a2 + AS_SECOND_AFTER];
    let s1 = pairs[p + 1] + d[c + 1] + d[b1 + AS_PREVIOUS + 1] + d[a1 + AS_NEXT + 1] + d[b2 + AS_SECOND_BEFORE + 1] + d[a2 + AS_SECOND_AFTER + 1];
    let s2 = pairs[p + 2] + d[c + 2] + d[b1 + AS_PREVIOUS + 2] + d[a1 + AS_NEXT + 2] + d[b2 + AS_SECOND_BEFORE + 2] + d[a2 + AS_SECOND_AFTER + 2];
    let s3 = pairs[p + 3] + d[c + 3] + d[b1 + AS_PREVIOUS + 3] + d[a1 + AS_NEXT + 3] + d[b2 + AS_SECOND_BEFORE + 3] + d[a2 + AS_SECOND_AFTER + 3];
    let s4 = pairs[p + 4] + d[c + 4] + d[b1 + AS_PREVIOUS + 4] + d[a1 + AS_NEXT + 4] + d[b2 + AS_SECOND_BEFORE + 4] + d[a2 + AS_SECOND_AFTER + 4];
    let s5 = pairs[p + 5] + d[c + 5] + d[b1 + AS_PREVIOUS + 5] + d[a1 + AS_NEXT + 5] + d[b2 + AS_SECOND_BEFORE + 5] + d[a2 + AS_SECOND_AFTER + 5];
    let s6 = pairs[p + 6] + d[c + 6] + d[b1 + AS_PREVIOUS + 6] + d[a1 + AS_NEXT + 6] + d[b2 + AS_SECOND_BEFORE + 6] + d[a2 + AS_SECOND_AFTER + 6];
    let s7 = pairs[p + 7] + d[c + 7] + d[b1 + AS_PREVIOUS + 7] + d[a1 + AS_NEXT + 7] + d[b2 + AS_SECOND_BEFORE + 7] + d[a2 + AS_SECOND_AFTER + 7];
    let s8 = pairs[p + 8] + d[c + 8] + d[b1 + AS_PREVIOUS + 8] + d[a1 + AS_NEXT + 8] + d[b2 + AS_SECOND_BEFORE + 8] + d[a2 + AS_SECOND_AFTER + 8];
    b2 = b1;
    b1 = c;
    c = a1;
    a1 = a2;
    a2 = i + 3 < n ? wordScores(infos[i + 3], arena, m) : end;
    historyFeaturesOf(x.hl, x.hss, prev, prev2, hist);
    // The token's other static features, then the two history features that involve the word.
    const from = offsets[i];
    const to = offsets[i + 1];
    for (let k = from + skip; k < to + 2; k++) {
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

/**
 * The weights of the features that do not depend on the words, summed once per
 * shipped model: the template-only conditional features per combination of
 * F.conditionalIds() bits, and the gazetteer label features per label
 * (GazLabel.id) by role: as the current token's label, the next one's, the
 * previous one's.
 */
interface FixedScores {
  conditions: Int32Array;
  labels: Int32Array[];
  padStart: Int32Array;
  padEnd: Int32Array;
}
const LABEL_AS_NEXT = NTAGS;
const LABEL_AS_PREVIOUS = 2 * NTAGS;
const fixedScores = new WeakMap<SparseModel, FixedScores>();
function fixedScoresOf(m: SparseModel): FixedScores {
  let f = fixedScores.get(m);
  if (f) return f;
  const conditions = new Int32Array((1 << F.N_CONDITION_BITS) * NTAGS);
  for (let bits = 0; bits < 1 << F.N_CONDITION_BITS; bits++) {
    for (const id of F.conditionalIds(bits)) addRow(m, id, conditions, bits * NTAGS);
  }
  const zeros = () => new Int32Array(3 * NTAGS);
  // The pads are only ever a neighbour: before the first token (gz-1), after the last (gz+1).
  const padStart = zeros();
  addRow(m, F.PAD_GZ_START.gzm1, padStart, LABEL_AS_PREVIOUS);
  const padEnd = zeros();
  addRow(m, F.PAD_GZ_END.gzp1, padEnd, LABEL_AS_NEXT);
  f = { conditions, labels: [], padStart, padEnd };
  fixedScores.set(m, f);
  return f;
}
function labelScores(f: FixedScores, m: SparseModel, g: GazLabel): Int32Array {
  let s = f.labels[g.id];
  if (s === undefined) {
    s = new Int32Array(3 * NTAGS);
    addRow(m, g.gz, s, 0);
    addRow(m, g.gzp1, s, LABEL_AS_NEXT);
    addRow(m, g.gzm1, s, LABEL_AS_PREVIOUS);
    f.labels[g.id] = s;
  }
  return s;
}

// Per-sentence scratch of tagWords(), reused.
const labelBuf: Int32Array[] = [];
const pairIds = new Int32Array(3);
/** t1w and t1ss after a tag other than O: two weights, 16 bits as the arena (the two are read alike). */
const afterTag = new Int16Array(NTAGS);

/**
 * The shipped tagger on a sentence given as its words' infos (F.wordInfo()),
 * words[from] up to words[to]: into out[from, to), the tags (indices into
 * TAGS) tagSentence() gives with sentenceFeatures(words, gaz, doc, false),
 * without writing the features out. Every feature's weights come summed: those
 * of the word alone and of its neighbours from the word (wordScores), those with
 * no word in them from fixedScoresOf(), the tag-only history from a table, t1w
 * and t1ss after an O from the word; only the features of two or three words
 * (b-1, b+1, ss3) and t1w, t1ss after another tag are looked up per token. The
 * weights are integers (steps), so the sums are exact in any grouping.
 */
export function tagWords(words: readonly WordInfo[], from: number, to: number, gaz: GazetteerIndex, doc: DocContext, m: SparseModel, out: Uint8Array): void {
  const n = to - from;
  const gz = prepareWords(words, from, n, gaz, doc);
  const fixed = fixedScoresOf(m);
  const cond = fixed.conditions;
  for (let i = 0; i < n; i++) labelBuf[i] = labelScores(fixed, m, gz[i]);
  const { slots, rows, slotMask } = m;
  const pairs = historyPairScores(m);
  const arena = arenaWithRoom(m, n + 2);
  const d = arena.data;
  const start = wordScores(SENTENCE_START, arena, m);
  const end = wordScores(SENTENCE_END, arena, m);
  let b2 = start;
  let b1 = start;
  let c = n > 0 ? wordScores(words[from], arena, m) : end;
  let a1 = n > 1 ? wordScores(words[from + 1], arena, m) : end;
  let a2 = n > 2 ? wordScores(words[from + 2], arena, m) : end;
  let prev = START;
  let prev2 = START;
  for (let i = 0; i < n; i++) {
    const w = from + i;
    const x = words[w];
    const p1 = i > 0 ? words[w - 1] : SENTENCE_START;
    const n1 = i + 1 < n ? words[w + 1] : SENTENCE_END;
    // Which template-only features fire (as in sentenceFeatures), and the word's own role to go with them.
    let bits = x.flags << FLAGS_SHIFT;
    let own = 0;
    if (i === 0) {
      bits |= IF_FIRST;
      own = OWN_FIRST;
    } else if (p1.title) {
      bits |= IF_TITLE1;
      own = OWN_AFTER_TITLE;
    }
    if (i > 1 && words[w - 2].title) bits |= IF_TITLE2;
    if (x.orgWord) bits |= IF_ORGW;
    if (i + 1 < n && n1.orgWord) bits |= IF_ORGW1;
    if (i + 2 < n && words[w + 2].orgWord) bits |= IF_ORGW2;
    const k = bits * NTAGS;
    const lc = labelBuf[i];
    const lp = i > 0 ? labelBuf[i - 1] : fixed.padStart;
    const ln = i + 1 < n ? labelBuf[i + 1] : fixed.padEnd;
    // t1w and t1ss: kept on the word after an O, looked up after any other tag.
    let h = d;
    let ho = c + AFTER_O;
    if (prev !== 0) {
      historyFeaturesOf(x.hl, x.hss, prev, prev2, hist);
      for (let t = 0; t < NTAGS; t++) afterTag[t] = 0;
      addRow(m, hist[2], afterTag, 0);
      addRow(m, hist[3], afterTag, 0);
      h = afterTag;
      ho = 0;
    }
    const p = (prev2 * (NTAGS + 1) + prev) * NTAGS;
    // Only the tags allowed after prev are scored: O and the four B- tags (0, 1, 3, 5, 7), and
    // after a B-X or I-X the one I-X (iT); the others would never be chosen (ALLOWED).
    const iT = prev === 0 || prev === START ? -1 : prev + (prev & 1);
    const co = c + own;
    const b1o = b1 + AS_PREVIOUS;
    const a1o = a1 + AS_NEXT;
    const b2o = b2 + AS_SECOND_BEFORE;
    const a2o = a2 + AS_SECOND_AFTER;
    const lpo = LABEL_AS_PREVIOUS;
    const lno = LABEL_AS_NEXT;
    let s0 = pairs[p] + d[co] + d[b1o] + d[a1o] + d[b2o] + d[a2o] + lc[0] + lp[lpo] + ln[lno] + cond[k] + h[ho];
    let s1 = pairs[p + 1] + d[co + 1] + d[b1o + 1] + d[a1o + 1] + d[b2o + 1] + d[a2o + 1] + lc[1] + lp[lpo + 1] + ln[lno + 1] + cond[k + 1] + h[ho + 1];
    let s3 = pairs[p + 3] + d[co + 3] + d[b1o + 3] + d[a1o + 3] + d[b2o + 3] + d[a2o + 3] + lc[3] + lp[lpo + 3] + ln[lno + 3] + cond[k + 3] + h[ho + 3];
    let s5 = pairs[p + 5] + d[co + 5] + d[b1o + 5] + d[a1o + 5] + d[b2o + 5] + d[a2o + 5] + lc[5] + lp[lpo + 5] + ln[lno + 5] + cond[k + 5] + h[ho + 5];
    let s7 = pairs[p + 7] + d[co + 7] + d[b1o + 7] + d[a1o + 7] + d[b2o + 7] + d[a2o + 7] + lc[7] + lp[lpo + 7] + ln[lno + 7] + cond[k + 7] + h[ho + 7];
    let sI =
      iT < 0
        ? 0
        : pairs[p + iT] + d[co + iT] + d[b1o + iT] + d[a1o + iT] + d[b2o + iT] + d[a2o + iT] + lc[iT] + lp[lpo + iT] + ln[lno + iT] + cond[k + iT] + h[ho + iT];
    // The features of two or three words: b-1, b+1, ss3.
    contextIdsInto(p1, x, n1, pairIds);
    for (let j = 0; j < 3; j++) {
      const r = rowOf(slots, slotMask, pairIds[j]);
      if (r < 0) continue;
      s0 += rows[r];
      s1 += rows[r + 1];
      s3 += rows[r + 3];
      s5 += rows[r + 5];
      s7 += rows[r + 7];
      if (iT >= 0) sI += rows[r + iT];
    }
    b2 = b1;
    b1 = c;
    c = a1;
    a1 = a2;
    a2 = i + 3 < n ? wordScores(words[w + 3], arena, m) : end;
    // The best allowed tag, the first of equal scores in tag order (as bestAllowed()).
    let best = 0;
    let top = s0;
    if (s1 > top) {
      best = 1;
      top = s1;
    }
    if (iT === 2 && sI > top) {
      best = 2;
      top = sI;
    }
    if (s3 > top) {
      best = 3;
      top = s3;
    }
    if (iT === 4 && sI > top) {
      best = 4;
      top = sI;
    }
    if (s5 > top) {
      best = 5;
      top = s5;
    }
    if (iT === 6 && sI > top) {
      best = 6;
      top = sI;
    }
    if (s7 > top) {
      best = 7;
      top = s7;
    }
    if (iT === 8 && sI > top) best = 8;
    out[w] = best;
    prev2 = prev;
    prev = best;
  }
}
