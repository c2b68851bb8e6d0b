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

/** Content terms of text[start, end), in order (repeats kept). */
export function contentTerms(text: string, start = 0, end = text.length): string[] {
  const out: string[] = [];
  const slice = text.slice(start, end).toLowerCase().replace(/’/g, "'");
  for (const m of slice.matchAll(WORD)) {
    const w = m[0];
    if (CJK.test(w)) {
      // Character bigrams stand in for words in scripts without spaces.
      for (let i = 0; i + 1 < w.length; i++) out.push(w.slice(i, i + 2));
      if (w.length === 1) out.push(w);
      continue;
    }
    if (STOPWORDS.has(w)) continue;
    if (w.length < 2 && !/\p{N}/u.test(w)) continue;
    out.push(foldTerm(w));
  }
  return out;
}
