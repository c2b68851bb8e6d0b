/**
 * The tagger's weights in a compact, bundle-friendly form: a dense table of
 * BUCKETS × NTAGS weights is mostly zeros after pruning, so only the non-zero
 * cells are stored, as base64 streams: per row, the gap to its bucket and a mask
 * of its non-zero tags (varints); the weights in steps of `step` as int8, and,
 * for the few weights beyond ±127
 * steps, an escape code with the value in a wide int16 stream. The precision
 * must be absolute, not relative: scores are sums of large weights that cancel,
 * so a few per cent of error on a large weight flips decisions.
 */
import { BUCKET_BITS, NTAGS, TAGS } from './features';

export interface EncodedModel {
  version: 3;
  bucketBits: number;
  tags: string[];
  /** Weight of one quantization step. */
  step: number;
  cells: number;
  rows: number;
  /** Varint gaps between the buckets that have a row. */
  gaps: string;
  /** Varint 9-bit mask of each row's non-zero tags. */
  masks: string;
  /** int8 weights of the non-zero cells, in order; -128 escapes to the next int16 of `wide`. */
  weights: string;
  wide: string;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    out += B64[a >> 2] + B64[((a & 3) << 4) | (b >> 4)];
    out += i + 1 < bytes.length ? B64[((b & 15) << 2) | (c >> 6)] : '=';
    out += i + 2 < bytes.length ? B64[c & 63] : '=';
  }
  return out;
}

function fromBase64(s: string): Uint8Array {
  const lookup = new Int16Array(128).fill(-1);
  for (let i = 0; i < B64.length; i++) lookup[B64.charCodeAt(i)] = i;
  const clean = s.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const a = lookup[clean.charCodeAt(i)];
    const b = lookup[clean.charCodeAt(i + 1)];
    const c = i + 2 < clean.length ? lookup[clean.charCodeAt(i + 2)] : 0;
    const d = i + 3 < clean.length ? lookup[clean.charCodeAt(i + 3)] : 0;
    out[o++] = (a << 2) | (b >> 4);
    if (o < out.length) out[o++] = ((b & 15) << 4) | (c >> 2);
    if (o < out.length) out[o++] = ((c & 3) << 6) | d;
  }
  return out;
}

const ESCAPE = -128;

function pushVarint(out: number[], n: number): void {
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
}

/**
 * Quantize to steps of `step`; cells that round to 0 are dropped. Stored by
 * row: the gap to the next bucket with any weight, a 9-bit mask of its non-zero
 * tags, then those weights.
 */
export function encodeModel(dense: Float64Array, step: number): EncodedModel {
  const gaps: number[] = [];
  const masks: number[] = [];
  const weights: number[] = [];
  const wide: number[] = [];
  let lastRow = -1;
  let cells = 0;
  const q = new Int32Array(NTAGS);
  for (let b = 0; b * NTAGS < dense.length; b++) {
    let mask = 0;
    for (let t = 0; t < NTAGS; t++) {
      q[t] = Math.max(-32767, Math.min(32767, Math.round(dense[b * NTAGS + t] / step)));
      if (q[t] !== 0) mask |= 1 << t;
    }
    if (!mask) continue;
    pushVarint(gaps, b - lastRow);
    lastRow = b;
    pushVarint(masks, mask);
    for (let t = 0; t < NTAGS; t++) {
      if (!q[t]) continue;
      cells++;
      if (q[t] >= -127 && q[t] <= 127) weights.push(q[t] & 0xff);
      else {
        weights.push(ESCAPE & 0xff);
        wide.push(q[t] & 0xff, (q[t] >> 8) & 0xff);
      }
    }
  }
  return {
    version: 3,
    bucketBits: BUCKET_BITS,
    tags: [...TAGS],
    step,
    cells,
    rows: masks.length && gaps.length ? countRows(gaps) : 0,
    gaps: toBase64(Uint8Array.from(gaps)),
    masks: toBase64(Uint8Array.from(masks)),
    weights: toBase64(Uint8Array.from(weights)),
    wide: toBase64(Uint8Array.from(wide)),
  };
}

function countRows(varints: number[]): number {
  return varints.filter((b) => b < 0x80).length;
}

function readVarint(bytes: Uint8Array, at: { i: number }): number {
  let n = 0;
  let mul = 1;
  let byte: number;
  do {
    byte = bytes[at.i++];
    n += (byte & 0x7f) * mul;
    mul *= 128;
  } while (byte & 0x80);
  return n;
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
  if (m.version !== 3 || m.bucketBits !== BUCKET_BITS || m.tags.join() !== TAGS.join() || m.tags.length !== NTAGS) {
    throw new Error('entity model does not match the feature set (retrain with npm run train:entities)');
  }
  const gaps = fromBase64(m.gaps);
  const masks = fromBase64(m.masks);
  const weights = new Int8Array(fromBase64(m.weights).buffer);
  const wideBytes = fromBase64(m.wide);
  const wide = new Int16Array(wideBytes.length >> 1);
  for (let k = 0; k < wide.length; k++) wide[k] = wideBytes[2 * k] | (wideBytes[2 * k + 1] << 8);
  let size = 1;
  while (size < m.rows * 2) size <<= 1;
  const slots = new Int32Array(2 * size).fill(-1);
  const rows = new Int16Array(m.rows * NTAGS);
  const slotMask = size - 1;
  const g = { i: 0 };
  const k = { i: 0 };
  let w = 0;
  let x = 0;
  let bucket = -1;
  for (let row = 0; row < m.rows; row++) {
    bucket += readVarint(gaps, g);
    const mask = readVarint(masks, k);
    let s = slotOf(bucket, slotMask);
    while (slots[2 * s] !== -1) s = (s + 1) & slotMask;
    slots[2 * s] = bucket;
    slots[2 * s + 1] = row * NTAGS;
    for (let t = 0; t < NTAGS; t++) {
      if (!(mask & (1 << t))) continue;
      const v = weights[w++];
      rows[row * NTAGS + t] = v === ESCAPE ? wide[x++] : v;
    }
  }
  return { slots, rows, slotMask };
}
