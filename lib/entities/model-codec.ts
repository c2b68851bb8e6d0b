/**
 * The tagger's weights in a compact, bundle-friendly form: a dense table of
 * BUCKETS × NTAGS weights is mostly zeros after pruning, so only the non-zero
 * cells are stored, as base64 streams: the gaps between cell indices (varints),
 * the weights in steps of `step` as int8, and, for the few weights beyond ±127
 * steps, an escape code with the value in a wide int16 stream. The precision
 * must be absolute, not relative: scores are sums of large weights that cancel,
 * so a few per cent of error on a large weight flips decisions.
 */
import { BUCKET_BITS, NTAGS, TAGS } from './features';

export interface EncodedModel {
  version: 2;
  bucketBits: number;
  tags: string[];
  /** Weight of one quantization step. */
  step: number;
  cells: number;
  gaps: string;
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

/** Quantize to steps of `step`; cells that round to 0 are dropped. */
export function encodeModel(dense: Float64Array, step: number): EncodedModel {
  const gaps: number[] = [];
  const weights: number[] = [];
  const wide: number[] = [];
  let last = -1;
  for (let i = 0; i < dense.length; i++) {
    const q = Math.max(-32767, Math.min(32767, Math.round(dense[i] / step)));
    if (q === 0) continue;
    let gap = i - last;
    last = i;
    while (gap >= 0x80) {
      gaps.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    gaps.push(gap);
    if (q >= -127 && q <= 127) weights.push(q & 0xff);
    else {
      weights.push(ESCAPE & 0xff);
      wide.push(q & 0xff, (q >> 8) & 0xff);
    }
  }
  return {
    version: 2,
    bucketBits: BUCKET_BITS,
    tags: [...TAGS],
    step,
    cells: weights.length,
    gaps: toBase64(Uint8Array.from(gaps)),
    weights: toBase64(Uint8Array.from(weights)),
    wide: toBase64(Uint8Array.from(wide)),
  };
}

/**
 * The shipped weights as a sparse table: only buckets with a non-zero weight
 * have a row (a dense table of 2^20 buckets would take megabytes of memory in
 * the content script). `slots` is an open-addressing hash from bucket id to row.
 */
export interface SparseModel {
  /** Bucket id per slot, -1 when empty; size a power of two, at least twice the rows. */
  slots: Int32Array;
  /** Row index per slot. */
  slotRow: Int32Array;
  /** NTAGS weights (in steps) per row. */
  rows: Int16Array;
  slotMask: number;
}

export function slotOf(bucket: number, mask: number): number {
  return (Math.imul(bucket, 0x9e3779b1) >>> 7) & mask;
}

export function decodeModel(m: EncodedModel): SparseModel {
  if (m.version !== 2 || m.bucketBits !== BUCKET_BITS || m.tags.join() !== TAGS.join() || m.tags.length !== NTAGS) {
    throw new Error('entity model does not match the feature set (retrain with npm run train:entities)');
  }
  const gaps = fromBase64(m.gaps);
  const weights = new Int8Array(fromBase64(m.weights).buffer);
  const wideBytes = fromBase64(m.wide);
  const wide = new Int16Array(wideBytes.length >> 1);
  for (let k = 0; k < wide.length; k++) wide[k] = wideBytes[2 * k] | (wideBytes[2 * k + 1] << 8);
  // Cell positions and values, in order.
  const cellPos = new Int32Array(m.cells);
  const cellVal = new Int16Array(m.cells);
  let pos = -1;
  let g = 0;
  let x = 0;
  let buckets = 0;
  let lastBucket = -1;
  for (let k = 0; k < m.cells; k++) {
    let gap = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = gaps[g++];
      gap += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    pos += gap;
    cellPos[k] = pos;
    cellVal[k] = weights[k] === ESCAPE ? wide[x++] : weights[k];
    const b = Math.floor(pos / NTAGS);
    if (b !== lastBucket) {
      buckets++;
      lastBucket = b;
    }
  }
  let size = 1;
  while (size < buckets * 2) size <<= 1;
  const slots = new Int32Array(size).fill(-1);
  const slotRow = new Int32Array(size);
  const rows = new Int16Array(buckets * NTAGS);
  const slotMask = size - 1;
  let row = -1;
  lastBucket = -1;
  for (let k = 0; k < m.cells; k++) {
    const b = Math.floor(cellPos[k] / NTAGS);
    if (b !== lastBucket) {
      row++;
      lastBucket = b;
      let s = slotOf(b, slotMask);
      while (slots[s] !== -1) s = (s + 1) & slotMask;
      slots[s] = b;
      slotRow[s] = row;
    }
    rows[row * NTAGS + (cellPos[k] % NTAGS)] = cellVal[k];
  }
  return { slots, slotRow, rows, slotMask };
}
