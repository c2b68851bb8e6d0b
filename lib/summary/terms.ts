/**
 * Content-word terms of a sentence, for key-sentence statistics: lower-cased
 * words without stop words, possessives and plural endings folded ("talks" and
 * "talk", "Hamas's" and "hamas") so repeated topics count together. A light
 * stemmer is enough here: terms are only compared with each other. Chinese and
 * Japanese runs become overlapping character bigrams.
 */
import { STOPWORDS } from '../text/stopwords';

const WORD = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu;
/** Han, kana and Hangul: written without spaces, so a "word" run is a whole clause. */
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/u;

/** Fold one lower-cased word: possessive and plural endings off. */
export function foldTerm(w: string): string {
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 4 && /(?:ss|sh|ch|x)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is|ys)$/.test(w)) return w.slice(0, -1);
  return w;
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

/** Words of text[start, end): its content terms and counts, in one pass. */
export function sentenceWords(text: string, start = 0, end = text.length): SentenceWords {
  const terms: string[] = [];
  let words = 0;
  let figures = 0;
  const slice = text.slice(start, end).toLowerCase().replace(/’/g, "'");
  for (const m of slice.matchAll(WORD)) {
    const w = m[0];
    words++;
    if (CJK.test(w)) {
      // Character bigrams stand in for words in scripts without spaces.
      for (let i = 0; i + 1 < w.length; i++) terms.push(w.slice(i, i + 2));
      if (w.length === 1) terms.push(w);
      continue;
    }
    const figure = DIGIT.test(w);
    if (figure) figures++;
    if (STOPWORDS.has(w)) continue;
    if (w.length < 2 && !figure) continue;
    terms.push(foldTerm(w));
  }
  return { terms, words, figures };
}

/** Content terms of text[start, end), in order (repeats kept). */
export function contentTerms(text: string, start = 0, end = text.length): string[] {
  return sentenceWords(text, start, end).terms;
}
