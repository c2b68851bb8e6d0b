/**
 * Features of the entity tagger, shared by training (scripts/train-entities.ts)
 * and inference (tagger.ts) so both see exactly the same thing. Every feature is
 * a string hashed into a fixed number of buckets: the model needs no feature
 * dictionary, only one weight row per bucket.
 */
import { GazetteerIndex, type GazetteerPhrase } from './gazetteer';
import { ORG_WORDS, TITLES } from './lexicon';
import { NO_HASH, textHash } from './tokenize';

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
/**
 * A feature: its template name's hash mixed with one, two or three value hashes
 * (mix(mix(mix(tpl, a), b), c)), reduced to a bucket. The mixes that involve
 * one word only are done once per word (WordInfo).
 */
const feat1 = (tpl: number, a: number) => mix(tpl, a) & MASK;
const feat2 = (tpl: number, a: number, b: number) => mix(mix(tpl, a), b) & MASK;

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
      const kind = docKindOf(w);
      if (kind === LOWER_FIRST) lowerSeen.add(w);
      else if (kind === CAP_MID && i > 0) capMidSeen.add(w.toLowerCase());
    }
  }
  return { lowerSeen, capMidSeen };
}

/** The word opens with a lower-case letter: lowerSeen holds it. */
const LOWER_FIRST = 1;
/** Two characters or more, the first upper-case, the second not: capMidSeen holds it (lower-cased) when met mid-sentence. */
const CAP_MID = 2;
function docKindOf(w: string): number {
  const c = w.charCodeAt(0);
  // ASCII letters decided by their codes; anything else by the case-mapping tests.
  if (c < 0x80 ? c >= 97 && c <= 122 : isLower(w[0])) return LOWER_FIRST;
  if (w.length > 1 && (c < 0x80 ? c >= 65 && c <= 90 : isUpper(w[0]))) {
    const c1 = w.charCodeAt(1);
    if (!(c1 < 0x80 ? c1 >= 65 && c1 <= 90 : isUpper(w[1]))) return CAP_MID;
  }
  return 0;
}

let lastContextNo = 0;
/**
 * docContext() built word by word as the text's words (wordInfo()) are met in
 * order: the same sets, each word added once per document rather than once per
 * occurrence. The builder is the document's DocContext.
 */
export class DocContextBuilder implements DocContext {
  readonly lowerSeen = new Set<string>();
  readonly capMidSeen = new Set<string>();
  private readonly no = ++lastContextNo;

  /** The next word of the text; `opensLine` when it is the first of its sentence. */
  add(x: WordInfo, opensLine: boolean): void {
    if (x.docKind === LOWER_FIRST) {
      if (x.lowerMark !== this.no) {
        this.lowerSeen.add(x.word);
        x.lowerMark = this.no;
      }
    } else if (x.docKind === CAP_MID && !opensLine && x.capMidMark !== this.no) {
      this.capMidSeen.add(x.lower);
      x.capMidMark = this.no;
    }
  }
}

/**
 * What a word contributes on its own, computed once per distinct word. A class
 * with every field set in the constructor, so all of them share one hidden
 * class and the hot loops read them as fixed slots.
 */
export class WordInfo {
  /**
   * Where the tagger (tagger.ts) keeps the summed weights, under one shipped
   * model, of the features that depend on this word alone, by the role it plays
   * for the token being tagged (itself, the previous token, the next, ...):
   * offset `scoresAt` in the arena `scoresOf`. Filled in the first time the
   * tagger meets the word: exact, since those weights are integers.
   */
  scoresAt = 0;
  scoresOf: object | null = null;
  /** What the gazetteer and the document say of the word (COMMON, DOC_LOWER, DOC_CAP_MID), for document `flagsDoc` (docIdOf). */
  flags = 0;
  flagsDoc = 0;
  /** What the entity stage's line tests (headline, capitals; index.ts) make of the word, computed there on first use (0 until then). */
  lineFacts = 0;
  /** The last document (DocContextBuilder's number) whose lowerSeen / capMidSeen this word was added to: once per document is enough. */
  lowerMark = 0;
  capMidMark = 0;
  /**
   * What gazetteer `gazOf` says of the word when capitalised (prepareWords): the
   * phrases it opens, its label as one word (null for none). Looked up on first use.
   */
  gazOf: GazetteerIndex | null = null;
  gazPhrases: readonly GazetteerPhrase[] | null = null;
  gazLabel: GazLabel | null = null;
  // Features of the word's neighbours that depend only on this word, precomputed
  // (bucket ids, or a template already mixed with this word's hash for two- and three-part features).
  /** l-1, l+1, l-2, l+2, sh-1, sh+1 when this word is at that position. */
  readonly lm1: number;
  readonly lp1: number;
  readonly lm2: number;
  readonly lp2: number;
  readonly shm1: number;
  readonly shp1: number;
  /** mix(b-1, hl) as the previous word; mix(b+1, hl) as the current one; mix(ss3, hss) as the previous word. */
  readonly bm1: number;
  readonly bp1: number;
  readonly ss3: number;
  /** first&ss, title-1&ss of this word. */
  readonly firstSs: number;
  readonly title1Ss: number;

  constructor(
    /** The word as written (the cache key). */
    readonly word: string,
    /** What docContext() makes of the word: LOWER_FIRST, CAP_MID (capitalised, second letter not upper) or 0. */
    readonly docKind: number,
    readonly lower: string,
    readonly cap: boolean,
    /** Capitalised as the gazetteer sees it (GazetteerIndex.label). */
    readonly gazCap: boolean,
    readonly orgWord: boolean,
    readonly title: boolean,
    /**
     * Hashes of the lower-cased word, shape and short shape, for context features.
     * Like bm1, bp1 and ss3 they are only mixed further (mix() reads int32), so they
     * are kept as int32: small integers are stored in the object, not boxed.
     */
    readonly hl: number,
    readonly hsh: number,
    readonly hss: number,
    /** Bucket ids of the word-only features. */
    readonly own: Int32Array,
  ) {
    this.lm1 = feat1(TPL.lm1, hl);
    this.lp1 = feat1(TPL.lp1, hl);
    this.lm2 = feat1(TPL.lm2, hl);
    this.lp2 = feat1(TPL.lp2, hl);
    this.shm1 = feat1(TPL.shm1, hsh);
    this.shp1 = feat1(TPL.shp1, hsh);
    this.bm1 = mix(TPL.bm1, hl) | 0;
    this.bp1 = mix(TPL.bp1, hl) | 0;
    this.ss3 = mix(TPL.ss3, hss) | 0;
    this.firstSs = feat1(TPL.firstSs, hss);
    this.title1Ss = feat1(TPL.title1Ss, hss);
  }
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

const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** hashString(s.slice(from)) without the slice. */
function hashFrom(s: string, from: number): number {
  let h = FNV_BASIS;
  for (let i = from < 0 ? 0 : from; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** What stands before the first and after the last token: no word, only '<s>' / '</s>' hashes. */
export const SENTENCE_START: WordInfo = padInfo(PAD_START);
export const SENTENCE_END: WordInfo = padInfo(PAD_END);
function padInfo(h: number): WordInfo {
  return new WordInfo('', 0, '', false, false, false, false, h | 0, h | 0, h | 0, new Int32Array(0));
}

/**
 * Hashes of the word's shape and short shape. ASCII words (nearly all) are
 * hashed as the shape is made, without building it; others take the string path,
 * whose code-point walk in shortShape must be kept as it is.
 */
function shapeHashes(w: string): { hsh: number; hss: number } {
  let hsh = FNV_BASIS;
  let hss = FNV_BASIS;
  let last = -1;
  const len = w.length < 8 ? w.length : 8;
  for (let i = 0; i < w.length; i++) {
    if (w.charCodeAt(i) >= 0x80) {
      const sh = shape(w);
      return { hsh: hashString(sh), hss: hashString(shortShape(sh)) };
    }
  }
  for (let i = 0; i < len; i++) {
    const c = w.charCodeAt(i);
    const m = c >= 65 && c <= 90 ? 88 /* X */ : c >= 97 && c <= 122 ? 120 /* x */ : c >= 48 && c <= 57 ? 100 /* d */ : c;
    hsh = Math.imul(hsh ^ m, FNV_PRIME);
    if (m !== last) {
      hss = Math.imul(hss ^ m, FNV_PRIME);
      last = m;
    }
  }
  return { hsh: hsh >>> 0, hss: hss >>> 0 };
}

const wordCache = new Map<string, WordInfo>();
/** What the word contributes on its own (cached, see the bound below). */
export function wordInfo(w: string): WordInfo {
  return info(w);
}
function info(w: string): WordInfo {
  let wi = wordCache.get(w);
  if (wi) return wi;
  const lower = w.toLowerCase();
  const { hsh, hss } = shapeHashes(w);
  const c0 = w.charCodeAt(0);
  const cap = c0 < 0x80 ? c0 >= 65 && c0 <= 90 : isCapitalized(w);
  const hl = hashString(lower);
  // The whole word and its first two and three characters in one pass (FNV is a running hash).
  let h = FNV_BASIS;
  let hp2 = 0;
  let hp3 = 0;
  for (let i = 0; i < w.length; i++) {
    h = Math.imul(h ^ w.charCodeAt(i), FNV_PRIME);
    if (i === 1) hp2 = h >>> 0;
    else if (i === 2) hp3 = h >>> 0;
  }
  const hw = h >>> 0;
  if (w.length < 2) hp2 = hw;
  if (w.length < 3) hp3 = hw;
  const n = lower.length;
  wi = new WordInfo(
    w,
    docKindOf(w),
    lower,
    cap,
    w[0] !== lower[0] || (c0 >= 0x41 && c0 <= 0x5a),
    cap && ORG_WORDS.has(lower),
    TITLES.has(lower),
    hl | 0,
    hsh | 0,
    hss | 0,
    Int32Array.of(
      TPL.bias & MASK,
      feat1(TPL.w, hw),
      feat1(TPL.l, hl),
      feat1(TPL.sh, hsh),
      feat1(TPL.ss, hss),
      feat1(TPL.p2, hp2),
      feat1(TPL.p3, hp3),
      feat1(TPL.s2, hashFrom(lower, n - 2)),
      feat1(TPL.s3, hashFrom(lower, n - 3)),
      feat1(TPL.s4, hashFrom(lower, n - 4)),
    ),
  );
  // Bounded: a long-running page or a batch of documents must not grow it without end.
  // With the tagger's scores (kept in its arena, tagger.ts) a word takes about 1.0 KB
  // (Node 20). The content script keeps this module alive as long as its tab: 20,000 words
  // (some 20 MB at most, an article's 1,000-3,000 words take 1-3 MB) hold a long article's
  // vocabulary without a tab keeping tens of megabytes after reading a huge page.
  if (wordCache.size > 20_000) {
    wordCache.clear();
    clearTextSlots();
  }
  wordCache.set(w, wi);
  return wi;
}

/**
 * wordInfo() of text[start, end) without cutting it out of the text: the words
 * met are also kept in an open-addressing table keyed by a hash of their
 * characters, so a word met before (most tokens) is found by reading the text
 * in place, with no string made and no Map lookup of a fresh string (which
 * hashes it in the engine and compares it with the key). Holds the same words
 * as the cache above, and is emptied with it.
 */
export function wordInfoAt(text: string, start: number, end: number, hash = NO_HASH): WordInfo {
  // textHash(), unless the scan has worked it out: 30 bits, a small integer for
  // every engine (stored unboxed in the array).
  const h = hash === NO_HASH ? textHash(text, start, end) : hash;
  const slots = textSlots;
  const mask = textSlotMask;
  let s = (h ^ (h >>> 15)) & mask;
  for (;;) {
    const at = s * 3;
    const key = slots[at + 1];
    if (key === undefined) break;
    if (slots[at] === h && sameText(key as string, text, start, end)) return slots[at + 2] as WordInfo;
    s = (s + 1) & mask;
  }
  const x = info(text.slice(start, end));
  // Placed afresh: info() may have emptied the table to keep its bound.
  placeText(h, x);
  return x;
}

/** Puts the word, of hash h, in the table, grown to twice its size when half full. */
function placeText(h: number, x: WordInfo): void {
  if (2 * (textWords + 1) > textSlotMask + 1) {
    const old = textSlots;
    textSlotMask = 2 * textSlotMask + 1;
    textSlots = emptySlots(textSlotMask + 1);
    for (let at = 0; at < old.length; at += 3) if (old[at + 1] !== undefined) putText(old[at] as number, old[at + 2] as WordInfo);
  }
  putText(h, x);
  textWords++;
}
function putText(h: number, x: WordInfo): void {
  let s = (h ^ (h >>> 15)) & textSlotMask;
  while (textSlots[s * 3 + 1] !== undefined) s = (s + 1) & textSlotMask;
  textSlots[s * 3] = h;
  textSlots[s * 3 + 1] = x.word;
  textSlots[s * 3 + 2] = x;
}
/**
 * Slot s is textSlots[3s, 3s + 3): the word's hash, the word, its WordInfo
 * (undefined when free), side by side so a lookup reads one place, not three.
 * A power of two of slots, at most half of them used: from 4,096 (a tab's first
 * article) up to 65,536 (the cache's 20,000 words).
 */
const FIRST_TEXT_SLOTS = 4096;
const emptySlots = (n: number): (number | string | WordInfo | undefined)[] => new Array(3 * n).fill(undefined);
let textSlots = emptySlots(FIRST_TEXT_SLOTS);
let textSlotMask = FIRST_TEXT_SLOTS - 1;
let textWords = 0;
/** Empties the table (with the word cache). */
function clearTextSlots(): void {
  textSlots = emptySlots(FIRST_TEXT_SLOTS);
  textSlotMask = FIRST_TEXT_SLOTS - 1;
  textWords = 0;
}

/** w === text.slice(start, end), without the slice. */
function sameText(w: string, text: string, start: number, end: number): boolean {
  if (w.length !== end - start) return false;
  for (let i = 0; i < w.length; i++) if (w.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/**
 * In complete features, every token's ids open with those that depend on one
 * word alone, this many: the word's own 10 (WordInfo.own), then l-1, l+1, l-2,
 * l+2 (lower-cased neighbours) and sh-1, sh+1 (their shapes).
 */
export const WORD_ALONE_FEATURES = 16;

/** Static feature ids of a sentence, flat: token i's are ids[offsets[i]] up to ids[offsets[i + 1]]. */
export interface SentenceFeatures {
  ids: Int32Array;
  offsets: Int32Array;
  /** Per token, its word's info (hashes, the features of the word alone). */
  words: WordInfo[];
  /**
   * Whether the ids hold every static feature (training needs them all), or
   * leave out the WORD_ALONE_FEATURES, which the shipped tagger sums once per
   * word from `words` (WordInfo.scoresAt).
   */
  complete: boolean;
}

/**
 * The gazetteer features of a label, numbered from 0 in the order met: as the
 * current token's label (gz), as the next token's (gz+1), as the previous
 * token's (gz-1).
 */
export class GazLabel {
  constructor(
    readonly id: number,
    readonly gz: number,
    readonly gzp1: number,
    readonly gzm1: number,
  ) {}
}
const labelFeatures = new Map<string, GazLabel>();
let noLabel: GazLabel | undefined;
/** Gazetteer labels are few ('-', 'city', 'Bcountry', ...): hash each once. */
export function labelFeature(label: string): GazLabel {
  let f = labelFeatures.get(label);
  if (f === undefined) {
    const h = hashString(label);
    f = new GazLabel(labelFeatures.size, feat1(TPL.gz, h), feat1(TPL.gzp1, h), feat1(TPL.gzm1, h));
    labelFeatures.set(label, f);
  }
  return f;
}
/** What stands before the first token and after the last as a neighbour's label: only gz-1 and gz+1 are read of them. */
export const PAD_GZ_START = new GazLabel(-1, 0, 0, feat1(TPL.gzm1, PAD_START));
export const PAD_GZ_END = new GazLabel(-2, 0, feat1(TPL.gzp1, PAD_END), 0);

/** The most features one token can have: 10 own, 12 of context, 2 + 2 + 1 + 3 + 2 + 1 + 1 conditional. */
const MAX_PER_TOKEN = 34;
/**
 * A sentence's ids and offsets are views into a shared chunk, not buffers of
 * their own: allocating a typed array's backing store per sentence cost more
 * than computing its features. A chunk is dropped from here when full and lives
 * on only as long as views into it do.
 */
const CHUNK = 1 << 15;
let chunk = new Int32Array(CHUNK);
let used = 0;
// Scratch buffer reused across sentences (grown as needed, never shrunk: it holds only
// the few label constants); nothing here is re-entrant.
const gzBuf: GazLabel[] = [];

/** WordInfo.flags: a capitalised word whose lower-cased form is a common word, written in lower case in the document, capitalised mid-sentence in it. */
const COMMON = 1;
const DOC_LOWER = 2;
const DOC_CAP_MID = 4;

/**
 * The conditional features whose id is the template alone, as bits, for the
 * shipped tagger (tagger.ts), which sums their weights once per combination:
 * first, title-1, title-2, orgw, orgw+1, orgw+2, then the word's flags shifted
 * (common with common&first or common&mid, doc-lower, doc-capmid).
 */
export const IF_FIRST = 1;
export const IF_TITLE1 = 2;
export const IF_TITLE2 = 4;
export const IF_ORGW = 8;
export const IF_ORGW1 = 16;
export const IF_ORGW2 = 32;
/** Where WordInfo.flags sit in the bits. */
export const FLAGS_SHIFT = 6;
export const N_CONDITION_BITS = 9;

/** The ids of the template-only conditional features that the bits say fire, as sentenceFeatures() writes them. */
export function conditionalIds(bits: number): number[] {
  const out: number[] = [];
  if (bits & IF_FIRST) out.push(TPL.first & MASK);
  if (bits & IF_TITLE1) out.push(TPL.title1 & MASK);
  if (bits & IF_TITLE2) out.push(TPL.title2 & MASK);
  if (bits & IF_ORGW) out.push(TPL.orgw & MASK);
  if (bits & IF_ORGW1) out.push(TPL.orgw1 & MASK);
  if (bits & IF_ORGW2) out.push(TPL.orgw2 & MASK);
  const flags = bits >> FLAGS_SHIFT;
  if (flags & COMMON) out.push(TPL.common & MASK, bits & IF_FIRST ? TPL.commonFirst & MASK : TPL.commonMid & MASK);
  if (flags & DOC_LOWER) out.push(TPL.docLower & MASK);
  if (flags & DOC_CAP_MID) out.push(TPL.docCapMid & MASK);
  return out;
}

function docFlags(x: WordInfo, gaz: GazetteerIndex, doc: DocContext): number {
  let flags = 0;
  if (x.cap) {
    if (gaz.common.has(x.lower)) flags |= COMMON;
    if (doc.lowerSeen.has(x.lower)) flags |= DOC_LOWER;
    if (doc.capMidSeen.has(x.lower)) flags |= DOC_CAP_MID;
  }
  return flags;
}

/**
 * A number per document (and gazetteer) met, from 1: a word's flags are
 * computed once per document and say which one they are for without holding on
 * to it (words repeat, their lookups need not).
 */
const docIds = new WeakMap<DocContext, { gaz: GazetteerIndex; id: number }>();
let lastDocId = 0;
function docIdOf(doc: DocContext, gaz: GazetteerIndex): number {
  let entry = docIds.get(doc);
  if (entry === undefined || entry.gaz !== gaz) {
    entry = { gaz, id: ++lastDocId };
    docIds.set(doc, entry);
  }
  return entry.id;
}

/**
 * The document's flags of the sentence's words (set on each WordInfo) and their
 * gazetteer labels: the parts of the features that need the whole sentence and
 * the document, for the n words from infos[from]. The labels' array is reused by the next call.
 */
export function prepareWords(infos: readonly WordInfo[], from: number, n: number, gaz: GazetteerIndex, doc: DocContext): GazLabel[] {
  const docId = docIdOf(doc, gaz);
  const gz = gzBuf;
  // Most tokens have no label ('-'): that one is kept at hand.
  const none = (noLabel ??= labelFeature('-'));
  // In one pass: each word's document flags, and the labels gaz.label() gives the words
  // (lower-cased, capitalised as gazCap says), from what is kept on each word.
  for (let i = 0; i < n; i++) {
    const x = infos[from + i];
    if (x.flagsDoc !== docId) setFlags(x, gaz, doc, docId);
    if (!x.gazCap) {
      gz[i] = none;
      continue;
    }
    if (x.gazOf !== gaz) {
      x.gazPhrases = gaz.phrasesOpenedBy(x.lower) ?? null;
      const cats = gaz.categoriesOf(x.lower);
      x.gazLabel = cats ? labelFeature(cats) : null;
      x.gazOf = gaz;
    }
    if (x.gazPhrases) {
      const hit = phraseAt(x.gazPhrases, infos, from + i, from + n);
      if (hit) {
        gz[i] = labelFeature(hit.begin);
        const inside = labelFeature(hit.inside);
        for (let k = 1; k < hit.words.length; k++) {
          const y = infos[from + i + k];
          if (y.flagsDoc !== docId) setFlags(y, gaz, doc, docId);
          gz[i + k] = inside;
        }
        i += hit.words.length - 1;
        continue;
      }
    }
    gz[i] = x.gazLabel ?? none;
  }
  return gz;
}

function setFlags(x: WordInfo, gaz: GazetteerIndex, doc: DocContext, docId: number): void {
  x.flags = docFlags(x, gaz, doc);
  x.flagsDoc = docId;
}

/** The first (longest) phrase of the list written at infos[at], before infos[end]. */
function phraseAt(list: readonly GazetteerPhrase[], infos: readonly WordInfo[], at: number, end: number): GazetteerPhrase | undefined {
  for (let j = 0; j < list.length; j++) {
    const words = list[j].words;
    let k = 0;
    while (k < words.length && at + k < end && infos[at + k].lower === words[k]) k++;
    if (k === words.length) return list[j];
  }
  return undefined;
}

const pair = new Int32Array(3);
/** The features of a token that involve two or three words: b-1 (previous and this lower-cased word), b+1 (this and the next), ss3 (three short shapes). */
export function contextIdsInto(p1: WordInfo, x: WordInfo, n1: WordInfo, out: Int32Array): void {
  out[0] = mix(p1.bm1, x.hl) & MASK;
  out[1] = mix(x.bp1, n1.hl) & MASK;
  out[2] = mix(mix(p1.ss3, x.hss), n1.hss) & MASK;
}

/** Static features of every token in a sentence, as bucket ids; all of them, or without those of a word alone (see SentenceFeatures). */
export function sentenceFeatures(words: string[], gaz: GazetteerIndex, doc: DocContext, complete = true): SentenceFeatures {
  const n = words.length;
  // Room for the offsets (n + 1) then at most MAX_PER_TOKEN ids per token.
  const room = n + 1 + n * MAX_PER_TOKEN;
  if (used + room > chunk.length) {
    chunk = new Int32Array(Math.max(CHUNK, room));
    used = 0;
  }
  const infos: WordInfo[] = new Array(n);
  for (let i = 0; i < n; i++) infos[i] = info(words[i]);
  const gz = prepareWords(infos, 0, n, gaz, doc);
  const f = chunk;
  const offsetsAt = used;
  const idsAt = used + n + 1;
  let k = idsAt;
  for (let i = 0; i < n; i++) {
    const x = infos[i];
    const p1 = i > 0 ? infos[i - 1] : SENTENCE_START;
    const p2 = i > 1 ? infos[i - 2] : SENTENCE_START;
    const n1 = i + 1 < n ? infos[i + 1] : SENTENCE_END;
    const n2 = i + 2 < n ? infos[i + 2] : SENTENCE_END;
    f[offsetsAt + i] = k - idsAt;
    if (complete) {
      const own = x.own;
      for (let j = 0; j < own.length; j++) f[k++] = own[j];
      f[k++] = p1.lm1;
      f[k++] = n1.lp1;
      f[k++] = p2.lm2;
      f[k++] = n2.lp2;
      f[k++] = p1.shm1;
      f[k++] = n1.shp1;
    }
    contextIdsInto(p1, x, n1, pair);
    f[k++] = pair[0];
    f[k++] = pair[1];
    f[k++] = pair[2];
    f[k++] = gz[i].gz;
    f[k++] = (i > 0 ? gz[i - 1] : PAD_GZ_START).gzm1;
    f[k++] = (i + 1 < n ? gz[i + 1] : PAD_GZ_END).gzp1;
    if (i === 0) {
      f[k++] = TPL.first & MASK;
      f[k++] = x.firstSs;
    }
    if (i > 0 && p1.title) {
      f[k++] = TPL.title1 & MASK;
      f[k++] = x.title1Ss;
    }
    if (i > 1 && p2.title) f[k++] = TPL.title2 & MASK;
    if (x.orgWord) f[k++] = TPL.orgw & MASK;
    if (i + 1 < n && n1.orgWord) f[k++] = TPL.orgw1 & MASK;
    if (i + 2 < n && n2.orgWord) f[k++] = TPL.orgw2 & MASK;
    const flags = x.flags;
    if (flags) {
      if (flags & COMMON) {
        f[k++] = TPL.common & MASK;
        f[k++] = i === 0 ? TPL.commonFirst & MASK : TPL.commonMid & MASK;
      }
      if (flags & DOC_LOWER) f[k++] = TPL.docLower & MASK;
      if (flags & DOC_CAP_MID) f[k++] = TPL.docCapMid & MASK;
    }
  }
  f[offsetsAt + n] = k - idsAt;
  used = k;
  return {
    ids: new Int32Array(f.buffer, idsAt * 4, k - idsAt),
    offsets: new Int32Array(f.buffer, offsetsAt * 4, n + 1),
    words: infos,
    complete,
  };
}

/** Tag hashes for history features, by tag index; index NTAGS is '<s>', before the first token. */
const TAG_HASH = Uint32Array.from([...TAGS, '<s>'].map((t) => hashString(t)));
export const START = 9;

// The history features with the tags already mixed in: t1 by previous tag, t2t1 by (tag before, previous tag),
// and the t1w / t1ss templates mixed with the previous tag, to be mixed with the word's hashes.
const T1 = Int32Array.from(TAG_HASH, (p) => feat1(TPL.t1, p));
const T2T1 = Int32Array.from({ length: (NTAGS + 1) * (NTAGS + 1) }, (_, k) =>
  feat2(TPL.t2t1, TAG_HASH[Math.floor(k / (NTAGS + 1))], TAG_HASH[k % (NTAGS + 1)]),
);
const T1W = Uint32Array.from(TAG_HASH, (p) => mix(TPL.t1w, p));
const T1SS = Uint32Array.from(TAG_HASH, (p) => mix(TPL.t1ss, p));

/** historyFeatures() from the word's hashes (WordInfo hl, hss), without a word lookup. */
export function historyFeaturesOf(hl: number, hss: number, prev: number, prev2: number, out: Int32Array): void {
  out[0] = T1[prev];
  out[1] = T2T1[prev2 * (NTAGS + 1) + prev];
  out[2] = mix(T1W[prev], hl) & MASK;
  out[3] = mix(T1SS[prev], hss) & MASK;
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
