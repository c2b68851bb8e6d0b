/**
 * The tagger's weights in a compact, bundle-friendly form: a dense table of
 * BUCKETS × NTAGS weights is mostly zeros after pruning, so only the non-zero
 * cells are stored: per row, the gap to its bucket and a mask of its non-zero
 * tags; then the weights in steps of `step`, as signed integers. The precision
 * must be absolute, not relative: scores are sums of large weights that cancel,
 * so a few per cent of error on a large weight flips decisions.
 *
 * Numbers are written in a variable-length code of printable characters, one
 * character for every number under 43 (most gaps, masks and weights): gzip then
 * sees one symbol per number, where base64 spread each byte over characters it
 * shares with its neighbours. That makes the content script about 6 KB smaller
 * gzipped than version 3 (base64 streams) with the very same weights.
 */
import { BUCKET_BITS, NTAGS, TAGS } from './features';

export interface EncodedModel {
  version: 4;
  bucketBits: number;
  tags: string[];
  /** Weight of one quantization step. */
  step: number;
  cells: number;
  rows: number;
  /** Gaps between the buckets that have a row (the first from -1), in the number code. */
  gaps: string;
  /** The 9-bit mask of each row's non-zero tags, in the number code. */
  masks: string;
  /** The non-zero cells' weights in steps, zigzagged (0, -1, 1, -2, …), in the number code. */
  weights: string;
}

/**
 * The number code's digits: characters that need no escaping in JSON or in a
 * JavaScript string. The first HALF end a number, the others carry on to the
 * next digit; digits are little-endian in base HALF.
 */
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#%&()*+,-./:;=?@[]^_{|}';
const HALF = DIGITS.length / 2;

/** Non-negative integers in the number code. */
export function writeNumbers(values: ArrayLike<number>): string {
  let out = '';
  for (let k = 0; k < values.length; k++) {
    let n = values[k];
    if (!Number.isInteger(n) || n < 0) throw new Error(`not a non-negative integer: ${n}`);
    while (n >= HALF) {
      out += DIGITS[HALF + (n % HALF)];
      n = Math.floor(n / HALF);
    }
    out += DIGITS[n];
  }
  return out;
}

/** The numbers of a string in the number code, read one by one. */
export class NumberReader {
  private at = 0;
  constructor(private readonly s: string) {}
  next(): number {
    let n = 0;
    let mul = 1;
    for (;;) {
      if (this.at >= this.s.length) throw new Error('entity model: a number stream ends early');
      const d = DIGIT_VALUE[this.s.charCodeAt(this.at++)] ?? -1;
      if (d < 0) throw new Error('entity model: not a digit of the number code');
      if (d < HALF) return n + d * mul;
      n += (d - HALF) * mul;
      mul *= HALF;
    }
  }
  get done(): boolean {
    return this.at >= this.s.length;
  }
}
const DIGIT_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS.length; i++) DIGIT_VALUE[DIGITS.charCodeAt(i)] = i;

const zigzag = (n: number) => (n < 0 ? -2 * n - 1 : 2 * n);
const unzigzag = (z: number) => (z & 1 ? -(z + 1) / 2 : z / 2);

/**
 * Quantize to steps of `step`; cells that round to 0 are dropped. Stored by
 * row: the gap to the next bucket with any weight, a 9-bit mask of its non-zero
 * tags, then those weights.
 */
export function encodeModel(dense: Float64Array, step: number): EncodedModel {
  const gaps: number[] = [];
  const masks: number[] = [];
  const weights: number[] = [];
  let lastRow = -1;
  const q = new Int32Array(NTAGS);
  for (let b = 0; b * NTAGS < dense.length; b++) {
    let mask = 0;
    for (let t = 0; t < NTAGS; t++) {
      q[t] = Math.max(-32767, Math.min(32767, Math.round(dense[b * NTAGS + t] / step)));
      if (q[t] !== 0) mask |= 1 << t;
    }
    if (!mask) continue;
    gaps.push(b - lastRow);
    lastRow = b;
    masks.push(mask);
    for (let t = 0; t < NTAGS; t++) if (q[t]) weights.push(zigzag(q[t]));
  }
  return {
    version: 4,
    bucketBits: BUCKET_BITS,
    tags: [...TAGS],
    step,
    cells: weights.length,
    rows: masks.length,
    gaps: writeNumbers(gaps),
    masks: writeNumbers(masks),
    weights: writeNumbers(weights),
  };
}

/**
 * The shipped weights as a sparse table: only buckets with a non-zero weight
 * have a row (a dense table of 2^20 buckets would take megabytes of memory in
 * the content script). `slots` is an open-addressing hash from bucket id to row.
 */
export interface SparseModel {
  /**
   * Two ints per slot: the bucket id (-1 when empty) at 2s and where its weights
   * start in `rows` at 2s + 1, side by side so a lookup reads one cache line.
   * Slots are a power of two, at least twice the rows.
   */
  slots: Int32Array;
  /** NTAGS weights (in steps) per row. */
  rows: Int16Array;
  slotMask: number;
}

export function slotOf(bucket: number, mask: number): number {
  return (Math.imul(bucket, 0x9e3779b1) >>> 7) & mask;
}

export function decodeModel(m: EncodedModel): SparseModel {
  if (m.version !== 4 || m.bucketBits !== BUCKET_BITS || m.tags.join() !== TAGS.join() || m.tags.length !== NTAGS) {
    throw new Error('entity model does not match the feature set (retrain with npm run train:entities)');
  }
  const gaps = new NumberReader(m.gaps);
  const masks = new NumberReader(m.masks);
  const weights = new NumberReader(m.weights);
  let size = 1;
  while (size < m.rows * 2) size <<= 1;
  const slots = new Int32Array(2 * size).fill(-1);
  const rows = new Int16Array(m.rows * NTAGS);
  const slotMask = size - 1;
  let bucket = -1;
  for (let row = 0; row < m.rows; row++) {
    bucket += gaps.next();
    const mask = masks.next();
    let s = slotOf(bucket, slotMask);
    while (slots[2 * s] !== -1) s = (s + 1) & slotMask;
    slots[2 * s] = bucket;
    slots[2 * s + 1] = row * NTAGS;
    for (let t = 0; t < NTAGS; t++) if (mask & (1 << t)) rows[row * NTAGS + t] = unzigzag(weights.next());
  }
  if (!gaps.done || !masks.done || !weights.done) throw new Error('entity model: streams longer than its rows');
  return { slots, rows, slotMask };
}
