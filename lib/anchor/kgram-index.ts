/**
 * An index of every K-character window of a (folded) page text, so that finding
 * a passage costs about the number of places its rarest K-gram occurs instead
 * of a scan of the page: hundreds of passages on a multi-megabyte page stay cheap.
 *
 * Positions hash into buckets; each bucket is a chain of positions in ascending
 * order (two Int32Arrays, no per-position objects). Buckets can collide, so a
 * hit is a candidate to verify, never a match by itself.
 */

export const K = 4;

export interface KgramIndex {
  readonly text: string;
  readonly shift: number;
  /** First position of each bucket's chain, -1 when empty. */
  readonly head: Int32Array;
  /** Next position in the same bucket, -1 at the end. */
  readonly next: Int32Array;
  /** Positions in each bucket: how costly walking its chain is. */
  readonly count: Int32Array;
}

function hashAt(s: string, i: number): number {
  let h = s.charCodeAt(i);
  h = Math.imul(h, 0x01000193) ^ s.charCodeAt(i + 1);
  h = Math.imul(h, 0x01000193) ^ s.charCodeAt(i + 2);
  h = Math.imul(h, 0x01000193) ^ s.charCodeAt(i + 3);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

export function buildKgramIndex(text: string): KgramIndex {
  const positions = Math.max(0, text.length - K + 1);
  // About one bucket per position, between 2^8 and 2^20 (4 MB of heads at most).
  let bits = 8;
  while (bits < 20 && 1 << bits < positions) bits++;
  const shift = 32 - bits;
  const head = new Int32Array(1 << bits).fill(-1);
  const count = new Int32Array(1 << bits);
  const next = new Int32Array(positions);
  // Filled from the end so every chain runs in ascending order.
  for (let p = positions - 1; p >= 0; p--) {
    const b = hashAt(text, p) >>> shift;
    next[p] = head[b];
    head[b] = p;
    count[b]++;
  }
  return { text, shift, head, next, count };
}

/** The bucket of the K-gram of `s` starting at `i` (s must hold K characters from i). */
export function bucketOf(index: KgramIndex, s: string, i: number): number {
  return hashAt(s, i) >>> index.shift;
}

/** Most occurrences collected for one needle: beyond that the passage is boilerplate-like and context decides among these. */
export const MAX_OCCURRENCES = 2000;

/** Every position where `needle` occurs in the indexed text (up to MAX_OCCURRENCES), ascending. */
export function occurrences(index: KgramIndex, needle: string): number[] {
  const text = index.text;
  const found: number[] = [];
  if (!needle) return found;
  if (needle.length < K) {
    for (let at = text.indexOf(needle); at >= 0 && found.length < MAX_OCCURRENCES; at = text.indexOf(needle, at + 1)) {
      found.push(at);
    }
    return found;
  }
  // Walk the chain of the needle's rarest K-gram, checking each hit in place.
  let bestJ = 0;
  let bestCount = Infinity;
  for (let j = 0; j + K <= needle.length; j++) {
    const c = index.count[bucketOf(index, needle, j)];
    if (c < bestCount) {
      bestCount = c;
      bestJ = j;
      if (c === 0) return found;
    }
  }
  for (let p = index.head[bucketOf(index, needle, bestJ)]; p >= 0 && found.length < MAX_OCCURRENCES; p = index.next[p]) {
    const q = p - bestJ;
    if (q >= 0 && text.startsWith(needle, q)) found.push(q);
  }
  return found;
}

/**
 * Where `needle` might lie approximately: its rarer K-grams vote for the
 * alignment (page position minus needle offset) they imply, and the best-voted
 * alignments come back, most votes first. Used to bound the costly edit-distance
 * search to a few small windows.
 */
export function likelyAlignments(index: KgramIndex, needle: string, limit = 3): number[] {
  if (needle.length < K) return [];
  const grams: Array<{ j: number; bucket: number; count: number }> = [];
  for (let j = 0; j + K <= needle.length; j++) {
    const bucket = bucketOf(index, needle, j);
    const count = index.count[bucket];
    if (count > 0) grams.push({ j, bucket, count });
  }
  grams.sort((a, b) => a.count - b.count);
  // The 48 rarest K-grams, skipping those so common they would only add noise.
  const RAREST = 48;
  const COMMON = 512;
  const votes = new Map<number, number>();
  const BAND = 32; // alignments within a band vote together (edits shift them a little)
  for (let g = 0; g < grams.length && g < RAREST; g++) {
    const { j, bucket, count } = grams[g];
    if (count > COMMON && g >= 3) break;
    const gram = needle.slice(j, j + K);
    for (let p = index.head[bucket]; p >= 0; p = index.next[p]) {
      if (!index.text.startsWith(gram, p)) continue;
      const band = Math.floor((p - j) / BAND);
      votes.set(band, (votes.get(band) ?? 0) + 1);
    }
  }
  const chosen: number[] = [];
  for (const [band] of [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])) {
    // A neighbouring band is the same place, split by the edits; its window covers it.
    if (chosen.some((c) => Math.abs(c - band) <= 1)) continue;
    chosen.push(band);
    if (chosen.length === limit) break;
  }
  return chosen.map((band) => band * BAND);
}
