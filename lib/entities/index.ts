/**
 * Named entities of a text: people, organizations and places, each with one
 * canonical name, its mentions (offsets into `text`) and the forms it is written
 * in. A learned tagger (tagger.ts, weights in model.json trained by
 * scripts/train-entities.ts) marks the mentions; resolve.ts turns them into
 * entities. Pure and linear in the length of the text.
 */
import type { Entity, Span } from '../types';
import { docContextOf, isCapitalized, wordInfo, type Tag, type WordInfo } from './features';
import { gazetteer } from './gazetteer';
import { decodeModel, type EncodedModel, type SparseModel } from './model-codec';
import model from './model.json';
import { NEVER_ALONE } from './lexicon';
import { looksLikePerson, resolveEntities, type MentionType, type RawMention } from './resolve';
import { tagWords } from './tagger';
import { tokenize, type Token } from './tokenize';

let weights: SparseModel | null = null;
/** The shipped weights, decoded once on first use. */
export function modelWeights(): SparseModel {
  weights ??= decodeModel(model as EncodedModel);
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
 * Sentences as token lists: a line break always ends one (headlines and
 * datelines have no full stop), and a cut right after an initial or a title is
 * undone so a name is never split in two.
 */
function sentenceTokens(text: string, sentences: Span[]): Token[][] {
  const spans = sentences.length ? sentences : [{ start: 0, end: text.length }];
  const out: Token[][] = [];
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
      const toks = tokenize(text, from, to);
      const prev = out[out.length - 1];
      if (toks.length && prev && from > lastLineBreak && ABBREVIATION.test(prev[prev.length - 1].norm) && text.lastIndexOf('\n', from) < prev[prev.length - 1].start) {
        prev.push(...toks);
      } else if (toks.length) out.push(toks);
      if (to < s.end || (nl >= 0 && nl === s.end)) lastLineBreak = to;
      from = to + 1;
    }
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

function lineFacts(x: WordInfo): number {
  if (x.lineFacts) return x.lineFacts;
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
  x.lineFacts = f;
  return f;
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
function isTitleCase(words: WordInfo[]): boolean {
  // Fewer than three long capitalised words: not a headline (most lines end here, cheaply).
  let capitalised = 0;
  for (const x of words) if (lineFacts(x) & CAP_LONG) capitalised++;
  if (capitalised < 3) return false;
  // Long words (not personal names), the capitalised ones among them (not all capitals),
  // and those of these that are common words.
  let long = 0;
  let caps = 0;
  let commonCaps = 0;
  let someLower = false;
  for (const x of words) {
    const f = titleFacts(x);
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

/** Most words of the line in capitals. */
function isShouted(words: WordInfo[]): boolean {
  let letters = 0;
  let upper = 0;
  for (const x of words) {
    const f = lineFacts(x);
    if (!(f & HAS_LETTERS)) continue;
    letters++;
    if (f & ALL_UPPER) upper++;
  }
  return letters > 0 && upper / letters > 0.6;
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

/** A tagged sentence with the line facts the resolver needs, computed once. */
interface Line extends TaggedSentence {
  /** The tokens' words (WordInfo.lower is the lower-cased token). */
  words: WordInfo[];
  headline: boolean;
  shouted: boolean;
}

/** The tagger's BIO tags for every sentence of the text. */
export function tagText(text: string, sentences: Span[]): { tagged: TaggedSentence[]; lowerSeen: Set<string> } {
  const { tagged, lowerSeen } = tagLines(text, sentences);
  return { tagged, lowerSeen };
}

/** tagText() with each sentence's words (WordInfo) too. */
function tagLines(text: string, sentences: Span[]): { tagged: TaggedSentence[]; infos: WordInfo[][]; lowerSeen: Set<string> } {
  const sents = sentenceTokens(text, sentences);
  // Each token's word looked up once, for the document's facts and the tagger.
  const info = wordInfo; // once: an imported binding can cost a getter call per read under some loaders
  const infos = sents.map((s) => s.map((t) => info(t.norm)));
  const ctx = docContextOf(infos);
  const gaz = gazetteer();
  const w = modelWeights();
  const tagged = sents.map((tokens, i) => ({ tokens, tags: tagWords(infos[i], gaz, ctx, w) }));
  return { tagged, infos, lowerSeen: ctx.lowerSeen };
}

/**
 * Tokens that separate parts of one line the way a sentence end does: a date
 * and a snippet ("Dec. 19, 2025 · Boats will run ..."), items of a list of
 * links ("News | Sports"). A capital after one says no more than a capital
 * opening a sentence.
 */
const SEPARATOR = new Set(['·', '•', '|', '¦', '»', '›', '◦', '▪']);

/** The token opens its sentence, or a part of it after a separator. */
function opensSentence(tokens: Token[], i: number): boolean {
  return i === 0 || SEPARATOR.has(tokens[i - 1].norm);
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
function datelineLength(tokens: Token[], shouted: boolean): number {
  if (shouted) return 0;
  let k = 0;
  while (k < tokens.length && k < 4 && isCapsWord(tokens[k].norm)) k++;
  if (k === 0) return 0;
  let j = k;
  if (tokens[j]?.norm === ',') {
    j++;
    while (j < tokens.length && j < k + 4 && OPENS_UPPER.test(tokens[j].norm)) j++;
  } else if (tokens[j]?.norm === '(') {
    while (j < tokens.length && j < k + 5 && tokens[j].norm !== ')') j++;
    j++;
  }
  const next = tokens[j + 1]?.norm ?? '';
  return DASHES.has(tokens[j]?.norm ?? '') && ORDINARY_CASE.test(next) ? k : 0;
}

/** Mentions in the tagger's BIO tags (MISC dropped), with where each sits. */
function taggedMentions(tagged: Line[]): RawMention[] {
  const raws: RawMention[] = [];
  for (const { tokens, tags, headline, shouted } of tagged) {
    let i = 0;
    const dateline = datelineLength(tokens, shouted);
    if (dateline) {
      raws.push({ tokens: tokens.slice(0, dateline), type: 'LOC', sentenceInitial: true, headline, shouted, next: tokens[dateline]?.norm });
      i = dateline;
      // A tagged name running on past the dateline's capitals is cut where they end.
      while (i < tags.length && tags[i].startsWith('I-')) i++;
    }
    while (i < tags.length) {
      const tag = tags[i];
      if (tag === 'O' || tag.endsWith('MISC')) {
        i++;
        continue;
      }
      const type = tag.slice(2) as MentionType;
      let j = i + 1;
      while (j < tags.length && tags[j] === `I-${type}`) j++;
      // A numbered branch keeps its number: "Amalgamated Transit Union Local 1122", "American Legion Post 42".
      if (type === 'ORG' && j < tokens.length && NUMBERED_UNIT.has(tokens[j - 1].norm) && BRANCH_NUMBER.test(tokens[j].norm)) j++;
      raws.push({ tokens: tokens.slice(i, j), type, sentenceInitial: opensSentence(tokens, i), headline, shouted, next: tokens[j]?.norm });
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
function consistentMentions(tagged: Line[], found: RawMention[], lowerSeen: Set<string>): RawMention[] {
  const forms = new Map<string, { words: string[]; type: MentionType }[]>();
  const addForm = (words: string[], type: MentionType) => {
    if (words.length === 1 && (NEVER_ALONE.has(words[0]) || lowerSeen.has(words[0]))) return;
    const list = forms.get(words[0]) ?? [];
    if (!list.some((f) => f.words.join(' ') === words.join(' '))) list.push({ words, type });
    forms.set(words[0], list);
  };
  for (const m of found) {
    if (m.headline) continue;
    const words = m.tokens.map((t) => t.norm.toLowerCase());
    if (m.sentenceInitial && words.length === 1 && gazetteer().common.has(words[0])) continue;
    if (!m.tokens.every((t) => OPENS_CAP_OR_DIGIT.test(t.norm) || NAME_CONNECTOR.test(t.norm))) continue;
    const type = looksLikePerson(m.tokens, isFirstName) ? 'PER' : m.type;
    addForm(words, type);
    if (type === 'PER' && words.length > 1) addForm(words.slice(-1), 'PER');
  }
  for (const list of forms.values()) list.sort((a, b) => b.words.length - a.words.length);
  const out: RawMention[] = [];
  if (!forms.size) return out;
  for (const { tokens, tags, words, headline, shouted } of tagged) {
    for (let i = 0; i < tokens.length; i++) {
      if (tags[i] !== 'O' && !tags[i].endsWith('MISC')) continue;
      if (!opensWithUpper(tokens[i].norm)) continue;
      const list = forms.get(words[i].lower);
      if (!list) continue;
      const hit = list.find(
        (f) =>
          f.words.every((w, k) => i + k < tokens.length && words[i + k].lower === w && (tags[i + k] === 'O' || tags[i + k].endsWith('MISC'))) &&
          // Inside a longer MISC name ("U.S. Open") a form is not a mention of its own.
          (tags[i] !== 'I-MISC' && tags[i + f.words.length] !== 'I-MISC'),
      );
      if (!hit) continue;
      const end = i + hit.words.length;
      out.push({ tokens: tokens.slice(i, end), type: hit.type, sentenceInitial: opensSentence(tokens, i), headline, shouted, next: tokens[end]?.norm });
      i += hit.words.length - 1;
    }
  }
  return out;
}

export function findEntities(text: string, sentences: Span[]): Entity[] {
  const { tagged: sents, infos, lowerSeen } = tagLines(text, sentences);
  const tagged: Line[] = sents.map((s, i) => ({ tokens: s.tokens, tags: s.tags, words: infos[i], headline: isTitleCase(infos[i]), shouted: isShouted(infos[i]) }));
  const raws = taggedMentions(tagged);
  const more = consistentMentions(tagged, raws, lowerSeen);
  return resolveEntities([...raws, ...more], text, lowerSeen, { common: gazetteer().common, isPersonName, isFirstName });
}

// The gazetteer's name tests as plain functions, made once rather than per call or per mention.
function isPersonName(lower: string): boolean {
  return gazetteer().isPersonName(lower);
}
function isFirstName(lower: string): boolean {
  return gazetteer().isFirstName(lower);
}
