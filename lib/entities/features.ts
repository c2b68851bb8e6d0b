/**
 * Features of the entity tagger, shared by training (scripts/train-entities.ts)
 * and inference (tagger.ts) so both see exactly the same thing. Every feature is
 * a string hashed into a fixed number of buckets: the model needs no feature
 * dictionary, only one weight row per bucket.
 */
import { GazetteerIndex } from './gazetteer';
import { ORG_WORDS, TITLES } from './lexicon';

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type Tag = (typeof TAGS)[number];
export const NTAGS = 9;
export const BUCKET_BITS = 20;
export const BUCKETS = 1 << BUCKET_BITS;

/** FNV-1a, 32 bit. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Combine two hashes (a template and a value, or two values); murmur3's finalizer. */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const MASK = BUCKETS - 1;
/** A feature: its template name's hash mixed with one or two value hashes, reduced to a bucket. */
const feat1 = (tpl: number, a: number) => mix(tpl, a) & MASK;
const feat2 = (tpl: number, a: number, b: number) => mix(mix(tpl, a), b) & MASK;
const feat3 = (tpl: number, a: number, b: number, c: number) => mix(mix(mix(tpl, a), b), c) & MASK;

export function bucketOf(s: string): number {
  return hashString(s) & MASK;
}

function shape(w: string): string {
  let out = '';
  for (let i = 0; i < w.length && out.length < 8; i++) {
    const c = w[i];
    out += c >= 'A' && c <= 'Z' ? 'X' : c >= 'a' && c <= 'z' ? 'x' : c >= '0' && c <= '9' ? 'd' : isUpper(c) ? 'X' : isLower(c) ? 'x' : c;
  }
  return out;
}

function shortShape(long: string): string {
  let out = '';
  for (const c of long) if (out[out.length - 1] !== c) out += c;
  return out;
}

function isUpper(c: string): boolean {
  return c !== c.toLowerCase() && c === c.toUpperCase();
}
function isLower(c: string): boolean {
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

export function isCapitalized(w: string): boolean {
  return w.length > 0 && isUpper(w[0]);
}

/** Per-document facts: which lower-cased words the document also writes in lower case or capitalized mid-sentence. */
export interface DocContext {
  lowerSeen: Set<string>;
  capMidSeen: Set<string>;
}

/** Gather the document facts from all its sentences (token texts). */
export function docContext(sentences: string[][]): DocContext {
  const lowerSeen = new Set<string>();
  const capMidSeen = new Set<string>();
  for (const s of sentences) {
    for (let i = 0; i < s.length; i++) {
      const w = s[i];
      const c0 = w[0];
      if (isLower(c0)) lowerSeen.add(w);
      else if (i > 0 && isUpper(c0) && w.length > 1 && !isUpper(w[1])) capMidSeen.add(w.toLowerCase());
    }
  }
  return { lowerSeen, capMidSeen };
}

/** What a word contributes on its own, computed once per distinct word. */
interface WordInfo {
  lower: string;
  cap: boolean;
  orgWord: boolean;
  title: boolean;
  /** Hashes of the lower-cased word, shape and short shape, for context features. */
  hl: number;
  hsh: number;
  hss: number;
  /** Bucket ids of the word-only features. */
  own: number[];
}

const T = (name: string) => hashString(name);
const TPL = {
  bias: T('b'), w: T('w'), l: T('l'), sh: T('sh'), ss: T('ss'), p2: T('p2'), p3: T('p3'), s2: T('s2'), s3: T('s3'),
  s4: T('s4'), lm1: T('l-1'), lp1: T('l+1'), lm2: T('l-2'), lp2: T('l+2'), shm1: T('sh-1'), shp1: T('sh+1'),
  bm1: T('b-1'), bp1: T('b+1'), ss3: T('ss3'), gz: T('gz'), gzm1: T('gz-1'), gzp1: T('gz+1'), first: T('first'),
  firstSs: T('first&ss'), title1: T('title-1'), title1Ss: T('title-1&ss'), title2: T('title-2'), orgw: T('orgw'),
  orgw1: T('orgw+1'), orgw2: T('orgw+2'), docLower: T('doc-lower'), docCapMid: T('doc-capmid'), t1: T('t1'),
  t2t1: T('t2t1'), t1w: T('t1w'), t1ss: T('t1ss'), common: T('common'), commonFirst: T('common&first'),
  commonMid: T('common&mid'),
};
const PAD_START = T('<s>');
const PAD_END = T('</s>');

const wordCache = new Map<string, WordInfo>();
function info(w: string): WordInfo {
  let wi = wordCache.get(w);
  if (wi) return wi;
  const lower = w.toLowerCase();
  const sh = shape(w);
  const ss = shortShape(sh);
  const cap = isCapitalized(w);
  const hl = hashString(lower);
  const hsh = hashString(sh);
  const hss = hashString(ss);
  wi = {
    lower,
    cap,
    orgWord: cap && ORG_WORDS.has(lower),
    title: TITLES.has(lower),
    hl,
    hsh,
    hss,
    own: [
      TPL.bias & MASK,
      feat1(TPL.w, hashString(w)),
      feat1(TPL.l, hl),
      feat1(TPL.sh, hsh),
      feat1(TPL.ss, hss),
      feat1(TPL.p2, hashString(w.slice(0, 2))),
      feat1(TPL.p3, hashString(w.slice(0, 3))),
      feat1(TPL.s2, hashString(lower.slice(-2))),
      feat1(TPL.s3, hashString(lower.slice(-3))),
      feat1(TPL.s4, hashString(lower.slice(-4))),
    ],
  };
  // Bounded: a long-running page or a training run must not grow it without end.
  if (wordCache.size > 200_000) wordCache.clear();
  wordCache.set(w, wi);
  return wi;
}

/** Static feature ids of a sentence, flat: token i's are ids[offsets[i]] up to ids[offsets[i + 1]]. */
export interface SentenceFeatures {
  ids: Int32Array;
  offsets: Int32Array;
}

const labelHashes = new Map<string, number>();
/** Gazetteer labels are few ('-', 'city', 'Bcountry', ...): hash each once. */
function labelHash(label: string): number {
  let h = labelHashes.get(label);
  if (h === undefined) {
    h = hashString(label);
    labelHashes.set(label, h);
  }
  return h;
}

/** Static features of every token in a sentence, as bucket ids. */
export function sentenceFeatures(words: string[], gaz: GazetteerIndex, doc: DocContext): SentenceFeatures {
  const n = words.length;
  const infos = words.map(info);
  const gz = gaz.label(
    words,
    infos.map((x) => x.lower),
  ).map(labelHash);
  const offsets = new Int32Array(n + 1);
  // Context hashes padded by two on each side, so position i of the sentence is index i + 2.
  const hl = new Uint32Array(n + 4);
  const hsh = new Uint32Array(n + 4);
  const hss = new Uint32Array(n + 4);
  const hgz = new Uint32Array(n + 4);
  hl[0] = hl[1] = hsh[0] = hsh[1] = hss[0] = hss[1] = hgz[0] = hgz[1] = PAD_START;
  hl[n + 2] = hl[n + 3] = hsh[n + 2] = hsh[n + 3] = hss[n + 2] = hss[n + 3] = hgz[n + 2] = hgz[n + 3] = PAD_END;
  for (let i = 0; i < n; i++) {
    hl[i + 2] = infos[i].hl;
    hsh[i + 2] = infos[i].hsh;
    hss[i + 2] = infos[i].hss;
    hgz[i + 2] = gz[i];
  }
  const f: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = infos[i];
    const c = i + 2;
    offsets[i] = f.length;
    for (const id of x.own) f.push(id);
    f.push(
      feat1(TPL.lm1, hl[c - 1]),
      feat1(TPL.lp1, hl[c + 1]),
      feat1(TPL.lm2, hl[c - 2]),
      feat1(TPL.lp2, hl[c + 2]),
      feat1(TPL.shm1, hsh[c - 1]),
      feat1(TPL.shp1, hsh[c + 1]),
      feat2(TPL.bm1, hl[c - 1], x.hl),
      feat2(TPL.bp1, x.hl, hl[c + 1]),
      feat3(TPL.ss3, hss[c - 1], x.hss, hss[c + 1]),
      feat1(TPL.gz, hgz[c]),
      feat1(TPL.gzm1, hgz[c - 1]),
      feat1(TPL.gzp1, hgz[c + 1]),
    );
    if (i === 0) f.push(TPL.first & MASK, feat1(TPL.firstSs, x.hss));
    if (i > 0 && infos[i - 1].title) f.push(TPL.title1 & MASK, feat1(TPL.title1Ss, x.hss));
    if (i > 1 && infos[i - 2].title) f.push(TPL.title2 & MASK);
    if (x.orgWord) f.push(TPL.orgw & MASK);
    if (i + 1 < n && infos[i + 1].orgWord) f.push(TPL.orgw1 & MASK);
    if (i + 2 < n && infos[i + 2].orgWord) f.push(TPL.orgw2 & MASK);
    if (x.cap) {
      if (gaz.common.has(x.lower)) f.push(TPL.common & MASK, i === 0 ? TPL.commonFirst & MASK : TPL.commonMid & MASK);
      if (doc.lowerSeen.has(x.lower)) f.push(TPL.docLower & MASK);
      if (doc.capMidSeen.has(x.lower)) f.push(TPL.docCapMid & MASK);
    }
  }
  offsets[n] = f.length;
  return { ids: Int32Array.from(f), offsets };
}

/** Tag hashes for history features, by tag index; index NTAGS is '<s>', before the first token. */
const TAG_HASH = Uint32Array.from([...TAGS, '<s>'].map((t) => hashString(t)));
export const START = 9;

/** Features that depend on the tags already chosen to the left (greedy decoding); tags by index. */
export function historyFeatures(word: string, prev: number, prev2: number, out: Int32Array): void {
  const x = info(word);
  const p = TAG_HASH[prev];
  out[0] = feat1(TPL.t1, p);
  out[1] = feat2(TPL.t2t1, TAG_HASH[prev2], p);
  out[2] = feat2(TPL.t1w, p, x.hl);
  out[3] = feat2(TPL.t1ss, p, x.hss);
}
export const N_HISTORY = 4;

/** BIO validity: I-X only after B-X or I-X. */
export function allowed(prev: Tag | '<s>', tag: Tag): boolean {
  if (tag[0] !== 'I') return true;
  return prev !== '<s>' && prev !== 'O' && prev.slice(2) === tag.slice(2);
}

/** allowed() by index: ALLOWED[prev * NTAGS + tag], prev = START before the first token. */
export const ALLOWED = Uint8Array.from(
  [...TAGS, '<s>' as const].flatMap((p) => TAGS.map((t) => (allowed(p, t) ? 1 : 0))),
);
