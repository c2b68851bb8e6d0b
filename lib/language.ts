/**
 * Is a text English? Only English needs answering: Lede's entity tagger was
 * trained on English news (CoNLL-2003) and in other languages it reads words
 * as names (every German noun is capitalised), so the pipeline asks this before
 * trusting it. Two cheap signals on a sample of the text, then the declared
 * language (html lang, og:locale) for what they leave open:
 *
 *  - the script: a text whose letters are mostly not Latin (Chinese, Japanese,
 *    Arabic, Cyrillic…) is not English, whatever the page declares;
 *  - function words: in English prose about one word in six is one of the
 *    English words below, in other Latin-script languages almost none is. Many
 *    English ones make a text English; almost none, with many function words
 *    of the commonest other Latin-script languages, make it not English. This
 *    settles mislabelled pages both ways (a CMS template's lang="en" on a
 *    German story, an English story on a site declared "de"), while a page of
 *    English box scores or a table, with few function words of any language,
 *    keeps what it declares.
 *
 * With too few words to judge, the declared language decides, and a text that
 * declares none (pasted text, a selection) is taken as English, as before.
 */

import * as chars from './text/char-classes';

// Called for every character: taken out of the module once (a bundler or tsx may
// otherwise read an imported name through a getter on each call).
const { classesOf, codePointIn } = chars;
const { LETTER, LATIN } = chars;

/** English words that are not also common words of other Latin-script languages ("in", "a", "die", "was", "is", "of", "so" are left out). */
const ENGLISH_WORDS = new Set(
  'the and that with said she they their them were from have been this which would there its it his who are has than these those when what'.split(' '),
);

/**
 * Frequent function words of German, French, Spanish, Italian, Portuguese,
 * Dutch, Indonesian and Polish that are not also English words or English
 * abbreviations once lower-cased (so not "die", "in", "is", "a", "also", "war",
 * "will", "do", "per", "non", "os", "dem", "van", "al").
 */
const OTHER_WORDS = new Set(
  `der und das ist nicht mit sich des ein eine einer auf für von zu im auch wird werden sind wurde nach bei über
  le la les et est une du dans pour qui que pas sur avec sont au aux ce cette mais ont été
  el los las es del por con para se su y lo como más pero fue
  il di che è della sono gli nel alla
  é uma da dos das não foi
  de het een en dat te zijn voor niet aan maar ook als bij
  yang di ini itu dengan untuk tidak dari dalam akan pada juga
  że się nie jest`
    .split(/\s+/)
    .filter(Boolean),
);

/** Characters read at most: about a thousand words, enough to judge, and cheap whatever the article's length. */
const SAMPLE_CHARS = 6_000;
/** Fewer words than this and the function words do not overrule the declared language. */
const MIN_WORDS = 40;
/** Share of English function words above which a text is English whatever it declares. */
const ENGLISH_SHARE = 0.06;
/** Share below which a text is not English whatever it declares, when other languages' function words make up at least OTHER_SHARE. */
const FOREIGN_SHARE = 0.01;
const OTHER_SHARE = 0.08;

export interface LanguageEvidence {
  /** Letters in the sample, and the share of them that are Latin. */
  letters: number;
  latin: number;
  /** Words in the sample, and the shares of them that are English function words and other languages' ones. */
  words: number;
  englishShare: number;
  otherShare: number;
}

export function languageEvidence(text: string): LanguageEvidence {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  // Words are those of the lower-cased sample. Lower-casing keeps every character's length and
  // letterhood but for İ's (i and a combining dot): without one, the sample itself is read, in one pass.
  const c = sample.indexOf('\u0130') < 0 ? readInOnePass(sample) : readInTwoPasses(sample);
  return {
    letters: c.letters,
    latin: c.letters ? c.latin / c.letters : 0,
    words: c.words,
    englishShare: c.words ? c.english / c.words : 0,
    otherShare: c.words ? c.other / c.words : 0,
  };
}

interface Counts {
  letters: number;
  latin: number;
  words: number;
  english: number;
  other: number;
}

/**
 * Letters and Latin characters by code point, as /\p{L}/gu and /\p{Script=Latin}/gu
 * count them, and words as /\p{L}+(?:['’]\p{L}+)*​/gu finds them, all in one pass
 * over a sample without İ.
 */
function readInOnePass(s: string): Counts {
  const counts: Counts = { letters: 0, latin: 0, words: 0, english: 0, other: 0 };
  let letters = 0;
  let latin = 0;
  let start = -1; // where the word being read starts, -1 between words
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    let k: number;
    if (c < 0x80) {
      // In ASCII the letters are A-Z and a-z, all of them Latin, and nothing else is either.
      const l = c | 0x20;
      k = l >= 97 && l <= 122 ? LETTER | LATIN : 0;
    } else {
      const cp = codePointIn(s, i, s.length);
      k = classesOf(cp);
      if (k & LATIN) latin++;
      if (cp > 0xffff) {
        if (k & LETTER) {
          letters++;
          if (start < 0) start = i;
        } else if (start >= 0) {
          countWord(s, start, i, counts);
          start = -1;
        }
        i++;
        continue;
      }
      k &= LETTER;
    }
    if (k & LETTER) {
      letters++;
      if (k & LATIN) latin++;
      if (start < 0) start = i;
    } else if (start >= 0 && !((c === 0x27 || c === 0x2019) && letterLength(s, i + 1))) {
      // Not a letter, nor an apostrophe with a letter after it: the word ends.
      countWord(s, start, i, counts);
      start = -1;
    }
  }
  if (start >= 0) countWord(s, start, n, counts);
  counts.letters = letters;
  counts.latin += latin;
  return counts;
}

/** A word of the sample, s[start, end): counted, and looked up (lower-cased) when it may be a function word. */
function countWord(s: string, start: number, end: number, counts: Counts): void {
  counts.words++;
  if (end - start > LONGEST_FUNCTION_WORD) return;
  const first = s.charCodeAt(start);
  const last = s.charCodeAt(end - 1);
  // The signature of the lower-cased word, from ASCII ends; a word with other ends is always looked up.
  if (first < 0x80 && last < 0x80 && !LISTED_SIGNATURES[signature(end - start, asciiLower(first), asciiLower(last))]) return;
  const w = s.slice(start, end).toLowerCase();
  if (ENGLISH_WORDS.has(w)) counts.english++;
  else if (OTHER_WORDS.has(w)) counts.other++;
}
const asciiLower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

/** readInOnePass() of a sample with an İ: letters in the sample, then words in its lower-cased copy. */
function readInTwoPasses(sample: string): Counts {
  let letters = 0;
  let latin = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x80) {
      const l = c | 0x20;
      if (l >= 97 && l <= 122) {
        letters++;
        latin++;
      }
      continue;
    }
    const cp = codePointIn(sample, i, sample.length);
    const k = classesOf(cp);
    if (k & LETTER) letters++;
    if (k & LATIN) latin++;
    if (cp > 0xffff) i++;
  }
  const lower = sample.toLowerCase();
  let words = 0;
  let english = 0;
  let other = 0;
  let i = 0;
  while (i < lower.length) {
    let len = letterLength(lower, i);
    if (!len) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      while (len) {
        i += len;
        len = letterLength(lower, i);
      }
      const c = lower.charCodeAt(i);
      if ((c === 0x27 || c === 0x2019) && (len = letterLength(lower, i + 1))) i++;
      else break;
    }
    words++;
    if (i - start <= LONGEST_FUNCTION_WORD && LISTED_SIGNATURES[signature(i - start, lower.charCodeAt(start), lower.charCodeAt(i - 1))]) {
      const w = lower.slice(start, i);
      if (ENGLISH_WORDS.has(w)) english++;
      else if (OTHER_WORDS.has(w)) other++;
    }
  }
  return { letters, latin, words, english, other };
}

const LONGEST_FUNCTION_WORD = Math.max(...[...ENGLISH_WORDS, ...OTHER_WORDS].map((w) => w.length));

/**
 * A word's length and end characters folded into 16 bits: a word whose
 * signature no listed word has is on neither list, and is not cut out of the
 * text to be looked up (words that share a listed word's signature are).
 */
const signature = (length: number, first: number, last: number) => (length * 131 + first * 31 + last) & 0xffff;
const LISTED_SIGNATURES = new Uint8Array(0x10000);
for (const w of [...ENGLISH_WORDS, ...OTHER_WORDS]) LISTED_SIGNATURES[signature(w.length, w.charCodeAt(0), w.charCodeAt(w.length - 1))] = 1;

/** Code units of the letter at i (1 or 2), 0 when none is there. */
function letterLength(s: string, i: number): number {
  if (i >= s.length) return 0;
  const c = s.charCodeAt(i);
  if (c < 0x80) {
    const l = c | 0x20;
    return l >= 97 && l <= 122 ? 1 : 0;
  }
  const cp = codePointIn(s, i, s.length);
  return classesOf(cp) & LETTER ? (cp > 0xffff ? 2 : 1) : 0;
}

/** The primary subtag of a language tag, lower-cased: "en-GB" → "en", "de_DE" → "de"; null when absent. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const m = typeof tag === 'string' ? /^\s*([A-Za-z]{2,3})(?![A-Za-z])/.exec(tag) : null;
  return m ? m[1].toLowerCase() : null;
}

/** Whether the text is English prose, judged from the text and the language the page declares. */
export function isEnglishText(text: string, declared: string | null): boolean {
  const e = languageEvidence(text);
  if (e.letters > 0 && e.latin < 0.5) return false;
  if (e.words >= MIN_WORDS) {
    if (e.englishShare >= ENGLISH_SHARE) return true;
    if (e.englishShare < FOREIGN_SHARE && e.otherShare >= OTHER_SHARE) return false;
  }
  const lang = primaryLanguage(declared);
  return lang === null || lang === 'en';
}
