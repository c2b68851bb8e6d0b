import { segmentInChunks } from './segment';
import type { Stats } from './types';

/** Words per minute for an adult reading news prose on a screen. */
const WORDS_PER_MINUTE = 230;
/** CJK text is read by character: about 500 a minute. */
const CJK_CHARS_PER_MINUTE = 500;
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/g;

/** A run of letters, marks and digits, with inner apostrophes, dots, hyphens ("don't", "U.S", "e-mail") and digit commas ("2,000"). */
const WORD_RUN = /[\p{L}\p{M}\p{N}]+(?:(?:['’.\-]|(?<=\p{N}),(?=\p{N}))[\p{L}\p{M}\p{N}]+)*/gu;
/** Scripts written without spaces between words: only these need a dictionary segmenter. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/**
 * Words in the text. Spaced scripts are counted by a regular expression: the
 * Intl.Segmenter word iterator costs ~3 µs a word even in small chunks (about
 * 1 s for a 300k-word article), so it is used only on runs of unspaced scripts
 * (Chinese, Japanese, Thai…), where it knows the dictionary words.
 */
export function countWords(text: string): number {
  let n = 0;
  for (const m of text.matchAll(WORD_RUN)) {
    if (!UNSPACED.test(m[0])) {
      n++;
      continue;
    }
    // Chunked: one long Intl.Segmenter iteration is quadratic (see segment.ts).
    for (const seg of segmentInChunks(wordSegmenter, m[0])) if (seg.isWordLike) n++;
  }
  return n;
}

export function textStats(text: string): Stats {
  const words = countWords(text);
  const cjk = text.match(CJK)?.length ?? 0;
  const minutes = cjk > words ? cjk / CJK_CHARS_PER_MINUTE : words / WORDS_PER_MINUTE;
  return { words, readingMinutes: words === 0 ? 0 : Math.max(1, Math.round(minutes)) };
}
