/**
 * Named entities of a text: people, organizations and places, each with one
 * canonical name, its mentions (offsets into `text`) and the forms it is written
 * in. A learned tagger (tagger.ts, weights in model.json, read through data.ts, trained by
 * scripts/train-entities.ts) marks the mentions; resolve.ts turns them into
 * entities. Pure and linear in the length of the text.
 */
import type { Entity, Span } from '../types';
import { DocContextBuilder, isCapitalized, TAGS, wordInfo, wordInfoAt, type Tag, type WordInfo } from './features';
import { gazetteer } from './gazetteer';
import { decodeModel, type SparseModel } from './model-codec';
import { ENTITY_DATA } from './data';
import { NEVER_ALONE } from './lexicon';
import { looksLikePerson, resolveEntities, type MentionToken, type MentionType, type RawMention } from './resolve';
import { tagWords } from './tagger';
import { scanned, scanTokens, type Token } from './tokenize';

let weights: SparseModel | null = null;
/** The shipped weights, decoded once on first use. */
export function modelWeights(): SparseModel {
  weights ??= decodeModel(ENTITY_DATA.model);
  return weights;
}

// Regular expressions used per token or per mention, made once: a literal in a function makes a new RegExp each time it is reached.
const OPENS_WITH_DIGIT = /^\p{N}/u;
const OPENS_LOWER = /^\p{Ll}/u;
const OPENS_WITH_LETTER = /^\p{L}/u;
const OPENS_UPPER = /^\p{Lu}/u;
const CAPITALS_ONLY = /^\p{Lu}+$/u;
const CAPS_WORD = /^\p{Lu}[\p{Lu}.'’-]*$/u;
const TWO_CAPITALS = /\p{Lu}.*\p{Lu}/u;
const ORDINARY_CASE = /^\p{Lu}?\p{Ll}/u;
const BRANCH_NUMBER = /^\d{1,5}$/;
const OPENS_CAP_OR_DIGIT = /^[\p{Lu}\p{N}]/u;
const NAME_CONNECTOR = /^(of|the|and|for|de|van|von|al)$/;

/** A token after which a sentence splitter may have cut wrongly: an initial or a title ("S. Waugh", "Mr. Smith"). */
const ABBREVIATION = /^(?:\p{Lu}|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Prof|Rev|Jr|Sr|Maj|Adm|Sgt|Ft|Mt|No|Inc|Corp|Co|Ltd|Bros|vs)\.$/u;

/**
 * The text's tokens, flat: token k is text[start[k], end[k]), its word (norm)
 * words[k], its tag (tagLines; an index into TAGS) tags[k]. Line l is tokens
 * lineStart[l] up to lineStart[l + 1]. No object or array per token or per
 * line: an article has thousands of tokens, all alive until its mentions are found.
 */
interface TextTokens {
  count: number;
  start: Int32Array;
  end: Int32Array;
  words: WordInfo[];
  tags: Uint8Array;
  lines: number;
  lineStart: Int32Array;
  /** The document facts of its words (features.ts docContext). */
  doc: DocContextBuilder;
}

/**
 * Sentences as lines of tokens: a line break always ends one (headlines and
 * datelines have no full stop), and a cut right after an initial or a title is
 * undone so a name is never split in two.
 */
function scanLines(text: string, sentences: Span[]): TextTokens {
  const spans = sentences.length ? sentences : [{ start: 0, end: text.length }];
  let start = kept.start;
  let end = kept.end;
  let lineStart = kept.lineStart;
  const words: WordInfo[] = [];
  const doc = new DocContextBuilder();
  let count = 0;
  let lines = 0;
  // Imported bindings read once: each read can cost a getter call under some loaders (tsx, which the bench runs on).
  const at = wordInfoAt;
  const info = wordInfo;
  const scan = scanTokens;
  const out = scanned;
  let lastLineBreak = -1;
  // The first line break at or after `from`, found again only once `from` has passed it.
  let nl = -1;
  let nlFrom = Infinity;
  for (const s of spans) {
    let from = s.start;
    while (from < s.end) {
      if (from < nlFrom || (nl >= 0 && from > nl)) {
        nl = text.indexOf('\n', from);
        nlFrom = from;
      }
      const to = nl < 0 || nl >= s.end ? s.end : nl;
      const n = scan(text, from, to);
      if (n) {
        // The line goes on the previous one when that ends with an initial or a title on the same line of the text.
        if (!(lines > 0 && from > lastLineBreak && isAbbreviation(words[count - 1]) && text.lastIndexOf('\n', from) < start[count - 1])) {
          if (lines + 2 > lineStart.length) lineStart = grown(lineStart, lines + 2, 'lineStart');
          lineStart[lines++] = count;
        }
        if (count + n > start.length) {
          start = grown(start, count + n, 'start');
          end = grown(end, count + n, 'end');
        }
        const { start: s0, end: e0, norm, hash } = out;
        for (let k = 0; k < n; k++) {
          const a = s0[k];
          const b = e0[k];
          const w = norm[k];
          start[count] = a;
          end[count] = b;
          const x = w === null ? at(text, a, b, hash[k]) : info(w);
          words.push(x);
          doc.add(x, count === lineStart[lines - 1]);
          count++;
        }
      }
      if (to < s.end || (nl >= 0 && nl === s.end)) lastLineBreak = to;
      from = to + 1;
    }
  }
  lineStart[lines] = count;
  return { count, start, end, words, tags: keptBytes('tags', count), lines, lineStart, doc };
}

/**
 * The buffers of TextTokens, reused from text to text (nothing the stage returns
 * refers to them): a typed array's backing store is costly to allocate, more so
 * amid the garbage of a whole analysis. Grown as texts need, up to KEEP numbers;
 * a text with more tokens or lines gets buffers of its own, dropped after it.
 */
const KEEP = 1 << 15;
const kept = {
  start: new Int32Array(4096),
  end: new Int32Array(4096),
  lineStart: new Int32Array(1024),
  tags: new Uint8Array(4096),
  /** findEntities()' kinds of lines. */
  kinds: new Uint8Array(1024),
};

/** A copy of the kept array `name`, `a`, with room for `need` numbers at least; kept in its place up to KEEP numbers. */
function grown(a: Int32Array<ArrayBuffer>, need: number, name: 'start' | 'end' | 'lineStart'): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(need, 2 * a.length));
  b.set(a);
  if (b.length <= KEEP) kept[name] = b;
  return b;
}

/** The kept byte array `name` with room for `need` bytes (grown and kept up to KEEP), or one of its own beyond. */
function keptBytes(name: 'tags' | 'kinds', need: number): Uint8Array<ArrayBuffer> {
  if (kept[name].length >= need) return kept[name];
  const b = new Uint8Array(Math.max(need, 2 * kept[name].length));
  if (b.length <= KEEP) kept[name] = b;
  return b;
}

/** Tokens from..to-1 as tokens. */
function tokensOf(t: TextTokens, from: number, to: number): Token[] {
  const out: Token[] = [];
  for (let k = from; k < to; k++) out.push({ start: t.start[k], end: t.end[k], norm: t.words[k].word });
  return out;
}

/** Tokens from..to-1 as a mention's tokens. */
function mentionTokens(t: TextTokens, from: number, to: number): MentionToken[] {
  const out: MentionToken[] = [];
  for (let k = from; k < to; k++) {
    const x = t.words[k];
    out.push({ start: t.start[k], end: t.end[k], norm: x.word, lower: x.lower });
  }
  return out;
}

/**
 * What the line tests below need of a word, as bits of WordInfo.lineFacts:
 * computed once per word (the gazetteer's lists are fixed), not per occurrence.
 * The title-case facts are worked out only for words of lines that may be
 * headlines (TITLE_KNOWN), the others for every word (FACTS_KNOWN).
 */
const CAP_LONG = 1; // more than three characters, capitalised
const HAS_LETTERS = 2; // has a letter (its upper and lower case differ)
const ALL_UPPER = 4; // HAS_LETTERS and written in capitals
const FACTS_KNOWN = 8;
const DIGIT_FIRST = 16; // opens with a digit (\p{N})
const LOWER_FIRST = 32; // opens with a lower-case letter (\p{Ll})
const LONG_WORD = 64; // more than three characters, opens with a letter (\p{L}), not a known personal name
const TITLE_CAP = 128; // LONG_WORD, capitalised, not all capital letters (\p{Lu}+)
const TITLE_COMMON = 256; // TITLE_CAP and a common word
const TITLE_KNOWN = 512;
const ABBREVIATION_KNOWN = 1024;
const IS_ABBREVIATION = 2048; // ABBREVIATION matches the word
const UPPER_KNOWN = 4096;
const UPPER_FIRST = 8192; // opens with an upper-case letter (opensWithUpper)

function lineFacts(x: WordInfo): number {
  if (x.lineFacts & FACTS_KNOWN) return x.lineFacts;
  const w = x.word;
  let f = FACTS_KNOWN;
  const c = w.charCodeAt(0);
  if (w.length > 3 && (c < 0x80 ? c >= 65 && c <= 90 : isCapitalized(w))) f |= CAP_LONG;
  const ascii = asciiCase(w);
  if (ascii >= 0) {
    // Plain ASCII: its letters say it without case-mapping the word.
    if (ascii !== NO_LETTERS) f |= HAS_LETTERS | (ascii === ALL_UPPER_ASCII ? ALL_UPPER : 0);
  } else {
    const up = w.toUpperCase();
    if (up !== w.toLowerCase()) f |= HAS_LETTERS | (w === up ? ALL_UPPER : 0);
  }
  x.lineFacts |= f;
  return x.lineFacts;
}

/** ABBREVIATION.test(x.word), tested once per word. */
function isAbbreviation(x: WordInfo): boolean {
  if (!(x.lineFacts & ABBREVIATION_KNOWN)) x.lineFacts |= ABBREVIATION_KNOWN | (ABBREVIATION.test(x.word) ? IS_ABBREVIATION : 0);
  return (x.lineFacts & IS_ABBREVIATION) !== 0;
}

/** lineFacts() with the title-case facts. */
function titleFacts(x: WordInfo): number {
  let f = lineFacts(x);
  if (f & TITLE_KNOWN) return f;
  const w = x.word;
  const gaz = gazetteer();
  f |= TITLE_KNOWN;
  // ASCII first characters decided by their codes.
  const c = w.charCodeAt(0);
  if (c < 0x80 ? c >= 48 && c <= 57 : OPENS_WITH_DIGIT.test(w)) f |= DIGIT_FIRST;
  if (c < 0x80 ? c >= 97 && c <= 122 : OPENS_LOWER.test(w)) f |= LOWER_FIRST;
  if (w.length > 3 && (c < 0x80 ? (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : OPENS_WITH_LETTER.test(w)) && !gaz.isPersonName(w.toLowerCase())) {
    f |= LONG_WORD;
    if (isCapitalized(w) && !allCapitalLetters(w)) {
      f |= TITLE_CAP;
      if (gaz.common.has(w.toLowerCase())) f |= TITLE_COMMON;
    }
  }
  x.lineFacts = f;
  return f;
}

/** /^\p{Lu}+$/u: every character a capital letter (ASCII decided by the codes). */
function allCapitalLetters(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 0x80) return CAPITALS_ONLY.test(w);
    if (c < 65 || c > 90) return false;
  }
  return w.length > 0;
}

/**
 * A headline in title case ("US Engages in Rare Talks with Hamas"): most longer
 * words other than known personal names are capitalised, yet some small word is
 * in lower case or several capitalised words are common words, and there are no
 * figures (a line of names and scores, "France 2 Australia 1", is not a
 * headline; nor is "Michael Forrest Jones is the owner.").
 */
function isTitleCase(words: readonly WordInfo[], from: number, to: number): boolean {
  // (Asked by lineKind only of a line with three long capitalised words at least:
  // with fewer, it is not a headline, and most lines end there, cheaply.)
  // Long words (not personal names), the capitalised ones among them (not all capitals),
  // and those of these that are common words.
  let long = 0;
  let caps = 0;
  let commonCaps = 0;
  let someLower = false;
  for (let i = from; i < to; i++) {
    const f = titleFacts(words[i]);
    if (f & DIGIT_FIRST) return false;
    if (f & LOWER_FIRST) someLower = true;
    if (!(f & LONG_WORD)) continue;
    long++;
    if (!(f & TITLE_CAP)) continue;
    caps++;
    if (f & TITLE_COMMON) commonCaps++;
  }
  if (caps < 3 || caps / long < 0.75) return false;
  // Capitalised small words or capitalised common words: title case, not a list of names.
  return someLower || commonCaps >= 2;
}

/** opensWithUpper(x.word), worked out once per word. */
function opensUpper(x: WordInfo): boolean {
  if (!(x.lineFacts & UPPER_KNOWN)) x.lineFacts |= UPPER_KNOWN | (opensWithUpper(x.word) ? UPPER_FIRST : 0);
  return (x.lineFacts & UPPER_FIRST) !== 0;
}

/** Two lists of the same words. */
function sameWords(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * HEADLINE when isTitleCase(), SHOUTED when most words of the line are in
 * capitals: the words' line facts read in one pass, isTitleCase() run only on
 * lines with three long capitalised words at least (a line with fewer is no headline).
 */
function lineKind(words: readonly WordInfo[], from: number, to: number): number {
  let capitalised = 0;
  let letters = 0;
  let upper = 0;
  for (let i = from; i < to; i++) {
    const f = lineFacts(words[i]);
    if (f & CAP_LONG) capitalised++;
    if (!(f & HAS_LETTERS)) continue;
    letters++;
    if (f & ALL_UPPER) upper++;
  }
  const shouted = letters > 0 && upper / letters > 0.6;
  return (capitalised >= 3 && isTitleCase(words, from, to) ? HEADLINE : 0) | (shouted ? SHOUTED : 0);
}

/** Opens with an upper-case letter (/^\p{Lu}/u; ASCII decided by its code). */
function opensWithUpper(w: string): boolean {
  const c = w.charCodeAt(0);
  return c < 0x80 ? c >= 65 && c <= 90 : OPENS_UPPER.test(w);
}

const NO_LETTERS = 0;
const ALL_UPPER_ASCII = 1;
const SOME_LOWER = 2;
/** NO_LETTERS, ALL_UPPER_ASCII or SOME_LOWER for a word in ASCII; -1 for any other word. */
function asciiCase(w: string): number {
  let upper = false;
  let lower = false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 0x80) return -1;
    if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) upper = true;
  }
  return lower ? SOME_LOWER : upper ? ALL_UPPER_ASCII : NO_LETTERS;
}

export interface TaggedSentence {
  tokens: Token[];
  tags: Tag[];
}

/** The tagger's BIO tags for every sentence of the text. */
export function tagText(text: string, sentences: Span[]): { tagged: TaggedSentence[]; lowerSeen: Set<string> } {
  const { t, lowerSeen } = tagLines(text, sentences);
  const tagged: TaggedSentence[] = [];
  for (let l = 0; l < t.lines; l++) {
    const from = t.lineStart[l];
    const to = t.lineStart[l + 1];
    tagged.push({ tokens: tokensOf(t, from, to), tags: Array.from(t.tags.subarray(from, to), (k) => TAGS[k]) });
  }
  return { tagged, lowerSeen };
}

/** The text's tokens, tagged. */
function tagLines(text: string, sentences: Span[]): { t: TextTokens; lowerSeen: Set<string> } {
  // The lists and weights first: building the gazetteer tokenizes names, which must not happen amid the scan
  // (scanTokens' buffers are shared).
  const gaz = gazetteer();
  const w = modelWeights();
  const t = scanLines(text, sentences);
  const tag = tagWords; // once, as in scanLines
  for (let l = 0; l < t.lines; l++) tag(t.words, t.lineStart[l], t.lineStart[l + 1], gaz, t.doc, w, t.tags);
  return { t, lowerSeen: t.doc.lowerSeen };
}

// Tags by index (TAGS): O, then B- and I- of PER, ORG, LOC, MISC: a B- tag is odd, its I- tag the next (even) one.
const O = 0;
const FIRST_MISC = 7;
const I_MISC = 8;
/** The type of a B- or I- tag other than MISC. */
const TYPE_OF: MentionType[] = ['PER', 'PER', 'PER', 'ORG', 'ORG', 'LOC', 'LOC'];
/** O or MISC: no mention of a person, organization or place. */
const untyped = (tag: number) => tag === O || tag >= FIRST_MISC;
/** Per line (lineKind): a headline (isTitleCase), in capitals. */
const HEADLINE = 1;
const SHOUTED = 2;

/**
 * Tokens that separate parts of one line the way a sentence end does: a date
 * and a snippet ("Dec. 19, 2025 · Boats will run ..."), items of a list of
 * links ("News | Sports"). A capital after one says no more than a capital
 * opening a sentence.
 */
const SEPARATOR = new Set(['·', '•', '|', '¦', '»', '›', '◦', '▪']);

/** Token k opens its line (which starts at token `from`), or a part of it after a separator. */
function opensSentence(words: readonly WordInfo[], from: number, k: number): boolean {
  return k === from || SEPARATOR.has(words[k - 1].word);
}

const DASHES = new Set(['—', '–', '-', '--']);
/** Words after which an organization's name goes on with a number. */
const NUMBERED_UNIT = new Set(['Local', 'Lodge', 'Post', 'Chapter', 'District', 'Precinct', 'Branch', 'Council']);
const isCapsWord = (w: string) => CAPS_WORD.test(w) && TWO_CAPITALS.test(w);

/**
 * Tokens of a dateline opening a sentence: "PORT ALDER —", "KYIV, Ukraine —",
 * "WASHINGTON (AP) —": up to four words in capitals, then (after an optional
 * comma part or parenthesised agency) a dash and words in ordinary case. The
 * capitals name a place; the tagger, reading them without case, often cuts or
 * mistypes them. 0 when the sentence opens with no dateline. A line in capitals
 * throughout (a wire headline, "RUGBY UNION - ENGLAND BEAT ...") is none.
 */
function datelineLength(words: readonly WordInfo[], from: number, to: number, shouted: boolean): number {
  if (shouted) return 0;
  const n = to - from;
  // The norm of the line's token j, undefined past its end.
  const norm = (j: number) => (j < n ? words[from + j].word : undefined);
  let k = 0;
  while (k < n && k < 4 && isCapsWord(words[from + k].word)) k++;
  if (k === 0) return 0;
  let j = k;
  if (norm(j) === ',') {
    j++;
    while (j < n && j < k + 4 && OPENS_UPPER.test(words[from + j].word)) j++;
  } else if (norm(j) === '(') {
    while (j < n && j < k + 5 && words[from + j].word !== ')') j++;
    j++;
  }
  const next = norm(j + 1) ?? '';
  return DASHES.has(norm(j) ?? '') && ORDINARY_CASE.test(next) ? k : 0;
}

/** Mentions in the tagger's BIO tags (MISC dropped), with where each sits; kinds[l]: HEADLINE, SHOUTED. */
function taggedMentions(t: TextTokens, kinds: Uint8Array): RawMention[] {
  const raws: RawMention[] = [];
  const { words, tags } = t;
  for (let l = 0; l < t.lines; l++) {
    const from = t.lineStart[l];
    const to = t.lineStart[l + 1];
    const headline = (kinds[l] & HEADLINE) !== 0;
    const shouted = (kinds[l] & SHOUTED) !== 0;
    let i = from;
    const dateline = datelineLength(words, from, to, shouted);
    if (dateline) {
      i = from + dateline;
      raws.push({ tokens: mentionTokens(t, from, i), type: 'LOC', sentenceInitial: true, headline, shouted, next: i < to ? words[i].word : undefined });
      // A tagged name running on past the dateline's capitals is cut where they end.
      while (i < to && tags[i] !== O && (tags[i] & 1) === 0) i++;
    }
    while (i < to) {
      const tag = tags[i];
      if (untyped(tag)) {
        i++;
        continue;
      }
      const type = TYPE_OF[tag];
      const inside = tag + (tag & 1);
      let j = i + 1;
      while (j < to && tags[j] === inside) j++;
      // A numbered branch keeps its number: "Amalgamated Transit Union Local 1122", "American Legion Post 42".
      if (type === 'ORG' && j < to && NUMBERED_UNIT.has(words[j - 1].word) && BRANCH_NUMBER.test(words[j].word)) j++;
      raws.push({ tokens: mentionTokens(t, i, j), type, sentenceInitial: opensSentence(words, from, i), headline, shouted, next: j < to ? words[j].word : undefined });
      i = j;
    }
  }
  return raws;
}

/**
 * The document is consistent where the tagger is not: a name tagged once is the
 * same name where the tagger missed it ("Holt emphasized" after "Karen Holt",
 * a sentence-opening "Axios" after "sources at Axios"). Every untagged
 * capitalised occurrence of a tagged form, or of the surname of a tagged full
 * name, becomes a mention of that type. Greedy longest match, linear.
 */
function consistentMentions(t: TextTokens, kinds: Uint8Array, found: RawMention[], lowerSeen: Set<string>): RawMention[] {
  const forms = new Map<string, { words: string[]; type: MentionType }[]>();
  const addForm = (words: string[], type: MentionType) => {
    if (words.length === 1 && (NEVER_ALONE.has(words[0]) || lowerSeen.has(words[0]))) return;
    const list = forms.get(words[0]) ?? [];
    // Tokens hold no space, so the same words are the same form joined by spaces.
    if (!list.some((f) => sameWords(f.words, words))) list.push({ words, type });
    forms.set(words[0], list);
  };
  for (const m of found) {
    if (m.headline) continue;
    const words = m.tokens.map((t) => t.lower);
    if (m.sentenceInitial && words.length === 1 && gazetteer().common.has(words[0])) continue;
    if (!m.tokens.every((t) => OPENS_CAP_OR_DIGIT.test(t.norm) || NAME_CONNECTOR.test(t.norm))) continue;
    const type = looksLikePerson(m.tokens, isFirstName) ? 'PER' : m.type;
    addForm(words, type);
    if (type === 'PER' && words.length > 1) addForm(words.slice(-1), 'PER');
  }
  for (const list of forms.values()) list.sort((a, b) => b.words.length - a.words.length);
  const out: RawMention[] = [];
  if (!forms.size) return out;
  const { words, tags } = t;
  for (let l = 0; l < t.lines; l++) {
    const from = t.lineStart[l];
    const to = t.lineStart[l + 1];
    for (let i = from; i < to; i++) {
      if (!untyped(tags[i])) continue;
      if (!opensUpper(words[i])) continue;
      const list = forms.get(words[i].lower);
      if (!list) continue;
      const hit = formAt(list, words, tags, i, to);
      if (!hit) continue;
      const end = i + hit.words.length;
      const kind = kinds[l];
      out.push({
        tokens: mentionTokens(t, i, end),
        type: hit.type,
        sentenceInitial: opensSentence(words, from, i),
        headline: (kind & HEADLINE) !== 0,
        shouted: (kind & SHOUTED) !== 0,
        next: end < to ? words[end].word : undefined,
      });
      i += hit.words.length - 1;
    }
  }
  return out;
}

/**
 * The first (longest) form of the list written at token i, its words untagged
 * (O or MISC), within the line ending before token `to`.
 */
function formAt<F extends { words: string[] }>(list: F[], words: readonly WordInfo[], tags: Uint8Array, i: number, to: number): F | undefined {
  for (const f of list) {
    const n = f.words.length;
    let k = 0;
    while (k < n && i + k < to && words[i + k].lower === f.words[k] && untyped(tags[i + k])) k++;
    // Inside a longer MISC name ("U.S. Open") a form is not a mention of its own.
    if (k === n && tags[i] !== I_MISC && !(i + n < to && tags[i + n] === I_MISC)) return f;
  }
  return undefined;
}

export function findEntities(text: string, sentences: Span[]): Entity[] {
  const { t, lowerSeen } = tagLines(text, sentences);
  const kinds = keptBytes('kinds', t.lines);
  for (let l = 0; l < t.lines; l++) {
    const from = t.lineStart[l];
    const to = t.lineStart[l + 1];
    kinds[l] = lineKind(t.words, from, to);
  }
  const raws = taggedMentions(t, kinds);
  const more = consistentMentions(t, kinds, raws, lowerSeen);
  return resolveEntities([...raws, ...more], text, lowerSeen, { common: gazetteer().common, isPersonName, isFirstName, categoriesOf });
}

// The gazetteer's name tests as plain functions, made once rather than per call or per mention.
function isPersonName(lower: string): boolean {
  return gazetteer().isPersonName(lower);
}
function isFirstName(lower: string): boolean {
  return gazetteer().isFirstName(lower);
}
/** The gazetteer's categories of a lower-cased word, or of a phrase (words joined by spaces). */
function categoriesOf(lower: string): string | undefined {
  const space = lower.indexOf(' ');
  if (space < 0) return gazetteer().categoriesOf(lower);
  return gazetteer().phrasesOpenedBy(lower.slice(0, space))?.find((p) => p.words.join(' ') === lower)?.cat;
}
