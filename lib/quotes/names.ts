/**
 * Reading the speaker's name next to a speech verb: the capitalised words right
 * before it ("Karoline Leavitt said") or right after it ("said Mayor Jane Doe"),
 * without the title in front, or a pronoun. A lowercase noun phrase ("the
 * mayor", "a source") is not a name: the speaker stays unknown.
 */
import type { Span } from '../types';
import * as chars from '../text/char-classes';
import { ABBREVIATIONS, BASE_FORMS, BETWEEN_SUBJECT_AND_VERB, NAME_PARTICLES, NOT_NAME_WORDS, PRONOUNS, SPEECH_CUES, TITLES } from './cues';

export interface Word extends Span {
  text: string;
  /** The word without a trailing full stop, for looking it up in the word lists. */
  key: string;
}

const LETTER_OR_NUMBER = chars.LETTER | chars.NUMBER;
const WORD_PART = chars.LETTER | chars.NUMBER | chars.MARK;
// Called for every character: taken out of the module once (a bundler or tsx may
// otherwise read an imported name through a getter on each call).
const { classesOf, codePointIn, nextWithClasses, ASCII_CLASSES } = chars;

/**
 * The words of text[from, to), in order. A word: letters, digits, inner
 * apostrophes, hyphens and dots (initials, U.S.), as the pattern
 * /[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}'’.\-]*[\p{L}\p{M}\p{N}.])?/gu matches them in
 * the slice: a letter or digit, then the longest run of letters, marks, digits
 * and ' ’ . - that ends in a letter, mark, digit or dot. Scanned by character
 * class (lib/text/char-classes.ts): this runs on every window an attribution is
 * looked for in, and a scan makes no slice and no match objects.
 */
export function wordsIn(text: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  // The bounds as text.slice(from, to) takes them (a negative one counts from the end).
  const lo = from < 0 ? Math.max(text.length + from, 0) : Math.min(from, text.length);
  to = to < 0 ? Math.max(text.length + to, 0) : Math.min(to, text.length);
  // Offsets are reported relative to `from`, as they were when the slice was matched.
  const shift = from - lo;
  for (let i = lo; i < to; ) {
    const start = nextWithClasses(text, i, to, LETTER_OR_NUMBER);
    if (start === to) break;
    const end = wordEnd(text, start, to);
    i = end;
    const t = text.slice(start, end);
    out.push({ text: t, key: t.endsWith('.') ? t.slice(0, -1) : t, start: start + shift, end: end + shift });
  }
  return out;
}

/** End of the word that starts at i (a letter or digit): the longest run of letters, marks, digits and ' ’ . - that ends in one of them or a dot. */
function wordEnd(text: string, i: number, to: number): number {
  let end = i;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c < 0x80 && ASCII_CLASSES[c] & WORD_PART) end = ++i;
    else if (c === 0x27 || c === 0x2019 || c === 0x2d) i++; // may not end the word
    else if (c === 0x2e) end = ++i;
    else if (c < 0x80) break;
    else {
      const next = codePointIn(text, i, to);
      if (!(classesOf(next) & WORD_PART)) break;
      end = i += next > 0xffff ? 2 : 1;
    }
  }
  return end;
}

/** What a quote's length and letters come to, word by word (see wordFacts). */
export interface WordFacts {
  /** Words, as wordsIn finds them. */
  count: number;
  /** Whether a word's key holds a letter (\p{L}). */
  letter: boolean;
  /** The words' keys' lengths, added up. */
  keyChars: number;
}

/**
 * Adds the words of text[from, to) (0 <= from <= to <= text.length) to `facts`:
 * what wordsIn's list would tell, without making the list.
 */
export function wordFacts(text: string, from: number, to: number, facts: WordFacts): WordFacts {
  for (let i = from; i < to; ) {
    const start = nextWithClasses(text, i, to, LETTER_OR_NUMBER);
    if (start === to) break;
    const end = wordEnd(text, start, to);
    i = end;
    const keyEnd = text.charCodeAt(end - 1) === 0x2e ? end - 1 : end;
    facts.count++;
    facts.keyChars += keyEnd - start;
    if (!facts.letter) {
      for (let j = start; j < keyEnd; ) {
        const cp = codePointIn(text, j, keyEnd);
        if (classesOf(cp) & chars.LETTER) {
          facts.letter = true;
          break;
        }
        j += cp > 0xffff ? 2 : 1;
      }
    }
  }
  return facts;
}

const isCapitalised = (w: string) => /^\p{Lu}/u.test(w);
const bare = (w: string) => w.toLowerCase().replace(/[.’']s?$/, '').replace(/\.$/, '');

/** A trailing full stop that ends the sentence rather than an abbreviation or initial. */
export function endsSentence(w: string): boolean {
  if (!w.endsWith('.')) return false;
  const core = w.slice(0, -1);
  if (/^\p{Lu}$/u.test(core)) return false; // an initial: George W. Bush
  if (/\./.test(core)) return false; // U.S.
  return !ABBREVIATIONS.has(core.toLowerCase());
}

/**
 * What stands at a speech verb: a name, a pronoun, or a description ("the
 * announcer", "a White House official", "Clinton’s campaign") — a description
 * carries its span when it is a noun phrase, so the quote can say who spoke
 * without a name.
 */
export type Found =
  | { kind: 'name'; span: Span; name: string }
  | { kind: 'pronoun'; span: Span; pronoun: string }
  | { kind: 'nominal'; span?: Span; phrase?: string };

const NOMINAL: Found = { kind: 'nominal' };

// How a descriptive noun phrase for a speaker begins.
const DETERMINERS = new Set(['the', 'a', 'an', 'another', 'one', 'my', 'your', 'two', 'three', 'several', 'some', 'many', 'most', 'his', 'her', 'their', 'its', 'our', 'this', 'that', 'these', 'those', 'other', 'both', 'each', 'senior', 'top', 'local', 'federal', 'state']);
// Lower-case words that join the capitalised words of an organization's name.
const ORG_CONNECTORS = new Set(['of', 'on', 'and', 'for', 'the', '&']);
// The words that open a noun phrase for certain: a description ends there, reading backwards.
const ARTICLES = new Set(['the', 'a', 'an', 'another', 'his', 'her', 'their', 'its', 'my', 'your', 'our', 'this', 'these', 'those']);
// Words that open a verb's object, so never follow a subject directly ("Enjoyed your article").
const OBJECT_OPENERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'my', 'your', 'our']);
// Words a speaker's description does not run through.
const NP_STOP = new Set(['and', 'but', 'or', 'for', 'that', 'which', 'who', 'whom', 'whose', 'as', 'when', 'while', 'if', 'because', 'than', 'then', 'so', 'also', 'has', 'have', 'had', 'is', 'was', 'were', 'are', 'be', 'been', 'not', 'to', 'in', 'on', 'at', 'with', 'after', 'before', 'during', 'since', 'where']);

function phrase(text: string, words: Word[]): Found {
  const first = words[0];
  const last = words[words.length - 1];
  const lowerFirst = first.key.toLowerCase();
  // "Clinton’s campaign", "Gary Johnson’s doctor": a named owner, then what speaks.
  const possessiveLed = words.slice(0, -1).some((w) => /[’']s$/.test(w.text) && isCapitalised(w.text)) && words.length > 1;
  const plural = words.length <= 2 && /^[a-z]+s$/.test(last.key) && !/ss$/.test(last.key);
  if (!DETERMINERS.has(lowerFirst) && !possessiveLed && !plural) return NOMINAL;
  if (words.length === 1 && DETERMINERS.has(lowerFirst)) return NOMINAL;
  if (/^(of|in|on|at|to|from|with|by)$/.test(last.key)) return NOMINAL; // "a series of" tweets
  let end = last.end;
  if (text[end - 1] === '.' && endsSentence(last.text)) end--;
  return { kind: 'nominal', span: { start: first.start, end }, phrase: text.slice(first.start, end) };
}

/** A description right before a speech verb: "the announcer said", "a narrator in the Clinton ad asks". */
function phraseBefore(text: string, words: Word[], k: number): Found {
  const np: Word[] = [];
  for (let i = k; i >= 0 && np.length < 8; i--) {
    const w = words[i];
    if (np.length && !/^[ \u00a0]$/.test(text.slice(w.end, np[0].start))) break;
    if (NP_STOP.has(w.key.toLowerCase()) || endsSentence(w.text)) break;
    np.unshift(w);
    if (ARTICLES.has(w.key.toLowerCase())) break;
  }
  return np.length ? phrase(text, np) : NOMINAL;
}

/** A description right after a speech verb: "said the mayor", "said a spokesman for the company". */
function phraseAfter(text: string, words: Word[]): Found {
  const np: Word[] = [];
  for (const w of words) {
    if (np.length && !/^[ \u00a0]$/.test(text.slice(np[np.length - 1].end, w.start))) break;
    if (np.length && NP_STOP.has(w.key.toLowerCase())) break;
    // The phrase's verb, and an adverb before it: "The NTSB said …", "Some commentators say …",
    // "The decree signed by …", "The Kremlin vigorously denied …" (not "a slightly baffled visitor").
    if (np.length > 1 && ((SPEECH_CUES.has(w.key) && !BASE_FORMS.has(w.key)) || /^\p{Ll}+ed$/u.test(w.key))) {
      const adverb = /ly$/.test(np[np.length - 1].key) || BETWEEN_SUBJECT_AND_VERB.has(np[np.length - 1].key);
      if (!adverb) break;
      if (np.length > 2) {
        np.pop();
        break;
      }
    }
    np.push(w);
    if (np.length >= 8 || endsSentence(w.text)) break;
  }
  return np.length ? phrase(text, np) : NOMINAL;
}

/** Whether the phrase at `start` follows a preposition, so is no subject ("in Tulsa", "of France"). */
export function afterPreposition(text: string, start: number, floor: number): boolean {
  const before = text.slice(Math.max(floor, start - 30), start);
  return /\b(in|on|at|of|to|for|from|with|by|into|onto|over|under|about|against|between|through|during|without|within|toward|towards|across|behind|beyond|near|per|via|than|like|among|amid|outside|inside|around)\s+$/i.test(before);
}

/**
 * The subject at the start of a sentence, for a speech verb that has none of its
 * own: "Hillary Clinton spoke out Tuesday …, arguing that … “…”". `verbKnown`: a
 * speech verb in the sentence is this subject's, so a description after an opening
 * adverbial is taken too ("In August, several groups …, saying"); without one, such
 * a description is as often a thing as a speaker ("In practice, the function …").
 */
export function sentenceSubject(text: string, from: number, to: number, verbKnown = false): Found {
  let words = wordsIn(text, from, Math.min(to, from + 200));
  if (words.length === 0) return NOMINAL;
  // Past an opening adverbial: "In July, Gingrich …", "At a rally earlier in the day, Trump …".
  // "The Republican nominee also outlined …": a description as the subject.
  const describedSubject = (ws: Word[]) => {
    const np = phraseAfter(text, ws);
    return np.kind === 'nominal' && np.span && !/[’']s$/.test(np.phrase ?? '') ? np : NOMINAL;
  };
  const opensDescription = (w: Word) => ARTICLES.has(w.key.toLowerCase()) || /^(several|some|many|two|three)$/i.test(w.key);
  if (opensDescription(words[0])) return describedSubject(words);
  if (NOT_NAME_WORDS.has(words[0].key.toLowerCase()) && !PRONOUNS.has(words[0].key.toLowerCase())) {
    const comma = words.findIndex((w, i) => i < 12 && text[w.end] === ',');
    if (comma < 0 || comma + 1 >= words.length) return NOMINAL;
    words = words.slice(comma + 1);
    // "In August, several environmental groups granted …"
    if (opensDescription(words[0])) return verbKnown ? describedSubject(words) : NOMINAL;
  }
  if (PRONOUNS.has(words[0].key.toLowerCase())) return { kind: 'pronoun', span: words[0], pronoun: words[0].text };
  // The same reading as after a verb: "Democratic presidential nominee Hillary Clinton chimed in".
  if (NOT_NAME_WORDS.has(words[0].key.toLowerCase())) return NOMINAL;
  const found = nameAfter(text, words[0].start);
  if (found.kind !== 'name') return NOMINAL;
  const next = words.find((w) => w.start >= found.span.end);
  if (!next || NP_STOP.has(next.key) && !/^(has|had|is|was|also|who)$/.test(next.key)) return NOMINAL;
  // "Enjoyed your article, …": a capitalised word before an article or possessive is a verb, not a subject.
  if (/^\s+$/.test(text.slice(found.span.end, next.start)) && OBJECT_OPENERS.has(next.key.toLowerCase())) return NOMINAL;
  if (/^[’']s/.test(text.slice(found.span.end))) return NOMINAL; // "Clinton’s campaign"
  return found;
}

/** Only the separators a name's words may have between them. */
function joined(text: string, a: Word, b: Word): boolean {
  return /^[ \u00a0]$/.test(text.slice(a.end, b.start));
}

/** Strip the title words (and non-name capitalised words) from the front of a run of capitalised words. */
function nameFromRun(text: string, run: Word[]): Found {
  let i = 0;
  while (i < run.length - 1 && (TITLES.has(bare(run[i].text)) || NOT_NAME_WORDS.has(bare(run[i].text)))) i++;
  const words = run.slice(i);
  // A title word alone is no name ("the President said"), unless an honorific stood before it ("Mr. King").
  const honorific = run.slice(0, i).some((w) => /^(mr|mrs|ms|miss|dr|prof|sir|dame)$/.test(bare(w.text)));
  if (words.length === 1 && (NOT_NAME_WORDS.has(bare(words[0].text)) || (TITLES.has(bare(words[0].text)) && !honorific))) return NOMINAL;
  let end = words[words.length - 1].end;
  // "Leavitt." at the end of a sentence: the full stop is not part of the name.
  if (text[end - 1] === '.' && endsSentence(words[words.length - 1].text)) end--;
  // A possessive is not the name of the speaker ("Trump’s campaign" is not Trump).
  const start = words[0].start;
  return { kind: 'name', span: { start, end }, name: text.slice(start, end) };
}

/**
 * The speaker named right after a speech verb: "said Mayor Jane Doe",
 * "stated Leavitt", "said White House press secretary Karoline Leavitt", "said she".
 */
export function nameAfter(text: string, from: number): Found {
  const words = wordsIn(text, from, Math.min(text.length, from + 120));
  if (words.length === 0 || /[,;:.!?"“”]/.test(text.slice(from, words[0].start))) return NOMINAL;
  const first = words[0];
  if (PRONOUNS.has(first.key.toLowerCase())) return { kind: 'pronoun', span: first, pronoun: first.text };
  // Title words and capitalised words, up to the first lowercase non-title word or punctuation.
  const seq: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (i > 0 && !joined(text, words[i - 1], w)) break;
    const lower = !isCapitalised(w.text);
    // Lower-case words describing the speaker before the name: "said union leader Maria Castellano".
    const describing = lower && i < 4 && !NP_STOP.has(w.key) && !DETERMINERS.has(w.key) && seq.every((x) => !isCapitalised(x.text) || TITLES.has(bare(x.text)));
    if (lower && !describing && !TITLES.has(bare(w.text)) && !(NAME_PARTICLES.has(w.text) && seq.length > 0)) break;
    seq.push(w);
    if (endsSentence(w.text)) break;
    if (/[’']s$/.test(w.text)) return phraseAfter(text, words); // "said Trump’s spokesman": not Trump
  }
  // The name is the last run of capitalised words (titles in lower case come before it).
  let j = seq.length;
  while (j > 0 && !isCapitalised(seq[j - 1].text)) j--;
  let i = j;
  while (i > 0 && (isCapitalised(seq[i - 1].text) || NAME_PARTICLES.has(seq[i - 1].text))) i--;
  if (j === 0) return phraseAfter(text, words);
  return nameFromRun(text, seq.slice(i, j));
}

/**
 * The speaker named right before a speech verb at `to`: "Karoline Leavitt said",
 * "she said", "Leavitt also said", "Jane Doe, the city's mayor, said".
 */
export function nameBefore(text: string, to: number, floor: number): Found {
  // A parenthesis after the name: "Rep. Gwen Moore (D-Wis.) said".
  const paren = /\([^()\n]{1,40}\)\s*$/.exec(text.slice(Math.max(floor, to - 60), to));
  if (paren) to = to - paren[0].length;
  const words = wordsIn(text, Math.max(floor, to - 160), to);
  let k = words.length - 1;
  // Skip auxiliaries and adverbs: "Leavitt also said", "he has said".
  while (k >= 0 && BETWEEN_SUBJECT_AND_VERB.has(words[k].key)) k--;
  if (k < 0) return NOMINAL;
  // What stands between the subject and the verb (the skipped adverbs are words, not punctuation).
  const tail = text.slice(words[k].end, k + 1 < words.length ? words[k + 1].start : to);
  if (k + 1 < words.length && !/^[\s\p{L}’']*$/u.test(text.slice(words[k + 1].start, to))) return NOMINAL;
  // An appositive between commas: "Jane Doe, the city's mayor, said"; or two:
  // "Jean-Marc Ayrault, the foreign minister of France, a permanent member of the Council, said".
  if (/^\s*,\s*$/.test(tail)) {
    const before = text.slice(Math.max(floor, words[k].end - 200), words[k].end + 1);
    for (const re of [/,[^,"“”;:]{2,90},[^,"“”;:]{2,90},$/, /,[^,"“”;:]{2,90},$/]) {
      const m = re.exec(before);
      // Not across a sentence end (a word, then a full stop and a capital; initials like "H." are fine).
      if (!m || /\p{Ll}{2,}[.!?]\s+\p{Lu}/u.test(m[0])) continue;
      const apStart = words[k].end + 1 - before.length + m.index;
      const found = nameBefore(text, apStart, floor);
      if (found.kind === 'pronoun' || (found.kind === 'name' && !afterPreposition(text, found.span.start, floor))) return found;
      // "Another critic, Laurence H. Tribe, likened …": the name is the appositive.
      const inner = words.filter((w) => w.start > apStart && w.end <= words[k].end);
      if (inner.length && inner.every((w) => isCapitalised(w.text))) {
        const named = nameFromRun(text, inner);
        if (named.kind === 'name') return named;
      }
      if (found.kind === 'nominal' && found.span) return found;
    }
    return NOMINAL;
  }
  if (!/^\s*$/.test(tail)) return NOMINAL;
  const last = words[k];
  if (PRONOUNS.has(last.key.toLowerCase())) return { kind: 'pronoun', span: last, pronoun: last.text };
  // "He’s claiming", "It’s denouncing": the pronoun inside the contraction.
  const contracted = /^(he|she|it|they|we|i)(?:[’'](?:s|re|ve|d|ll|m))$/i.exec(last.key);
  if (contracted) return { kind: 'pronoun', span: { start: last.start, end: last.start + contracted[1].length }, pronoun: contracted[1] };
  if (!isCapitalised(last.text)) return phraseBefore(text, words, k);
  const run: Word[] = [last];
  for (let i = k - 1; i >= 0; i--) {
    const w = words[i];
    if (!joined(text, w, run[0])) break;
    // Small words inside a name: "Joint Committee on Intelligence and Security".
    const connector = ORG_CONNECTORS.has(w.text) && i > 0 && isCapitalised(words[i - 1].text) && joined(text, words[i - 1], w);
    if (!isCapitalised(w.text) && !NAME_PARTICLES.has(w.text) && !connector) break;
    if (endsSentence(w.text)) break;
    if (/[’']s$/.test(w.text)) break; // "Parliament’s Joint Committee": the owner is not the speaker
    run.unshift(w);
  }
  while (run.length > 1 && (NAME_PARTICLES.has(run[0].text) || ORG_CONNECTORS.has(run[0].text))) run.shift();
  const found = nameFromRun(text, run);
  return found.kind === 'nominal' ? phraseBefore(text, words, k) : found;
}
