/**
 * Content-word terms of a sentence, for key-sentence statistics: lower-cased
 * words without stop words, possessives and plural endings folded ("talks" and
 * "talk", "Hamas's" and "hamas") so repeated topics count together. A light
 * stemmer is enough here: terms are only compared with each other. Chinese and
 * Japanese runs become overlapping character bigrams.
 */
import { STOPWORDS } from '../text/stopwords';
import * as chars from '../text/char-classes';
import { lowerInPlace, wholePairs } from '../text/lower';

const WORD = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu;
/** Han, kana and Hangul: written without spaces, so a "word" run is a whole clause. */
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/u;

const LETTER_OR_NUMBER = chars.LETTER | chars.NUMBER;
// Called for every character: taken out of the module once (a bundler or tsx may
// otherwise read an imported name through a getter on each call).
const { classesOf, codePointIn, nextWithClasses, ASCII_CLASSES } = chars;
const NUMBER = chars.NUMBER;

/** Fold one lower-cased word: possessive and plural endings off. */
export function foldTerm(w: string): string {
  return foldedAt(w, 0, w.length);
}

/**
 * foldTerm(apostrophes(s.slice(from, to))) for a lower-cased word, with one
 * string made: the endings are found on `s` itself (’ read as ').
 */
function foldedAt(s: string, from: number, to: number): string {
  let end = to;
  if (end - from >= 2 && unitAt(s, end - 1) === 0x73 /* s */ && unitAt(s, end - 2) === 0x27 /* ' */) end -= 2;
  const n = end - from;
  const c1 = unitAt(s, end - 1);
  const c2 = unitAt(s, end - 2);
  const c3 = unitAt(s, end - 3);
  // Compared by character code (the same tests as `/ies$/`, `/(?:ss|sh|ch|x)es$/` and `/(?:ss|us|is|ys)$/`): this runs once a word.
  if (n > 4 && c1 === 0x73 /* s */ && c2 === 0x65 /* e */ && c3 === 0x69 /* i */) return apostrophes(s.slice(from, end - 3)) + 'y';
  if (n > 4 && c1 === 0x73 /* s */ && c2 === 0x65 /* e */) {
    const c4 = unitAt(s, end - 4);
    if (c3 === 0x78 /* x */ || ((c3 === 0x73 || c3 === 0x68) /* s, h */ && (c4 === 0x73 || c4 === 0x63) /* s, c */ && !(c3 === 0x73 && c4 === 0x63))) {
      return apostrophes(s.slice(from, end - 2));
    }
  }
  if (n > 3 && c1 === 0x73 /* s */) {
    if (c2 !== 0x73 && c2 !== 0x75 && c2 !== 0x69 && c2 !== 0x79 /* ss us is ys */) return apostrophes(s.slice(from, end - 1));
  }
  return apostrophes(s.slice(from, end));
}

export interface SentenceWords {
  /** Content terms, in order (repeats kept). */
  terms: string[];
  /** Number of words, stop words included. */
  words: number;
  /** Number of words that contain a digit ("2024", "£40m", "3.5"). */
  figures: number;
}

const DIGIT = /[0-9\p{N}]/u;

/** Whether a word contains a digit: ASCII is checked by code, anything else by the Unicode class. */
function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return true;
    if (c >= 0x80) return DIGIT.test(w);
  }
  return false;
}

/** Count one lower-cased word into `out`. */
function addWord(w: string, cjk: boolean, out: SentenceWords): void {
  out.words++;
  if (cjk && CJK.test(w)) {
    // Character bigrams stand in for words in scripts without spaces.
    for (let i = 0; i + 1 < w.length; i++) out.terms.push(w.slice(i, i + 2));
    if (w.length === 1) out.terms.push(w);
    return;
  }
  const figure = hasDigit(w);
  if (figure) out.figures++;
  if (STOPWORDS.has(w)) return;
  if (w.length < 2 && !figure) return;
  out.terms.push(foldTerm(w));
}

/** The words of a lower-cased string, all of it. */
function addAll(lower: string, cjk: boolean, out: SentenceWords): SentenceWords {
  for (const m of lower.matchAll(WORD)) addWord(m[0], cjk, out);
  return out;
}

const lowered = (s: string) => s.toLowerCase().replace(/’/g, "'");

/** Words of text[start, end): its content terms and counts, in one pass. */
export function sentenceWords(text: string, start = 0, end = text.length): SentenceWords {
  return addAll(lowered(text.slice(start, end)), true, { terms: [], words: 0, figures: 0 });
}

/** Content terms of text[start, end), in order (repeats kept): sentenceWords' terms, read by the scan. */
export function contentTerms(text: string, start = 0, end = text.length): string[] {
  return sentenceWordsReader(text)(start, end).terms;
}

/**
 * `sentenceWords` for many spans of one text: the same results, with the text
 * lower-cased once (lib/text/lower.ts says when that is exact; otherwise, and
 * for a span that cuts a surrogate pair, each span is read on its own as
 * before) and its words found by a scan that does what WORD does, without a
 * match object per word.
 */
export function sentenceWordsReader(text: string, lowerCase = lowerInPlace(text)): (start: number, end: number) => SentenceWords {
  if (lowerCase === null) return (start, end) => sentenceWords(text, start, end);
  // ’ to ' is one unit for one: positions stay.
  // The scan reads ’ as it reads ' (both join a word's parts); only the strings it
  // makes have their ’ turned to ', as lowered() turns them, which spares a copy
  // of the whole text.
  const lower = lowerCase;
  const cjk = CJK.test(lower);
  return (start, end) => {
    const out: SentenceWords = { terms: [], words: 0, figures: 0 };
    if (!wholePairs(text, start, end)) return addAll(apostrophes(lower.slice(start, end)), true, out);
    for (let i = start; i < end; ) {
      i = nextWithClasses(lower, i, end, LETTER_OR_NUMBER);
      if (i === end) break;
      let c: number;
      // The word WORD matches here (runs of letters and digits joined by one ' ’ . or -
      // each), and whether it holds a digit, as hasDigit would find, read on the way.
      const from = i;
      let figure = false;
      for (;;) {
        while (i < end) {
          c = lower.charCodeAt(i);
          let k: number;
          if (c < 0x80) {
            k = ASCII_CLASSES[c];
            if (!(k & LETTER_OR_NUMBER)) break;
            i++;
          } else {
            const cp = codePointIn(lower, i, end);
            k = classesOf(cp);
            if (!(k & LETTER_OR_NUMBER)) break;
            i += cp > 0xffff ? 2 : 1;
          }
          if (k & NUMBER) figure = true;
        }
        if (i + 1 >= end) break;
        c = lower.charCodeAt(i);
        if (c !== 0x27 && c !== 0x2019 && c !== 0x2e && c !== 0x2d) break;
        if (!(classesOf(codePointIn(lower, i + 1, end)) & LETTER_OR_NUMBER)) break;
        i++;
      }
      if (cjk) {
        addWord(apostrophes(lower.slice(from, i)), cjk, out);
        continue;
      }
      // addWord, with the digits seen by the scan and the stop words told by their
      // characters: a string is made only for a term.
      out.words++;
      if (figure) out.figures++;
      if (isStopwordAt(lower, from, i)) continue;
      if (i - from < 2 && !figure) continue;
      out.terms.push(foldedAt(lower, from, i));
    }
    return out;
  };
}

/**
 * The stop words by first letter and length (every stop word is ASCII and
 * shorter than 16 letters), with their last letters as bits (the code modulo
 * 32; a shared bit only lets a word through to the comparison).
 */
const STOP_SHAPES = new Uint32Array(0x80 * 16);
const STOP_LISTS: string[][] = Array.from({ length: 0x80 * 16 }, () => []);
for (const w of STOPWORDS) {
  const shape = w.charCodeAt(0) * 16 + w.length;
  STOP_SHAPES[shape] |= 1 << (w.charCodeAt(w.length - 1) & 31);
  STOP_LISTS[shape].push(w);
}

/** ’ as ' (one code unit for one). */
function apostrophes(w: string): string {
  return w.includes('’') ? w.replace(/’/g, "'") : w;
}

/** The code unit at i, with ’ read as '. */
function unitAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c === 0x2019 ? 0x27 : c;
}

/** `STOPWORDS.has(apostrophes(s.slice(from, to)))`, read off `s` without the slice. */
function isStopwordAt(s: string, from: number, to: number): boolean {
  const n = to - from;
  const first = unitAt(s, from);
  const last = unitAt(s, to - 1);
  if (n >= 16 || first >= 0x80 || last >= 0x80) return false;
  const shape = first * 16 + n;
  if ((STOP_SHAPES[shape] & (1 << (last & 31))) === 0) return false;
  for (const w of STOP_LISTS[shape]) {
    let j = 1;
    while (j < n && w.charCodeAt(j) === unitAt(s, from + j)) j++;
    if (j === n) return true;
  }
  return false;
}
