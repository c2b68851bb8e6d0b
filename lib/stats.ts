import { segmentInChunks } from './segment';
import * as chars from './text/char-classes';
import type { Stats } from './types';

/** Words per minute for an adult reading news prose on a screen. */
const WORDS_PER_MINUTE = 230;
/** CJK text is read by character: about 500 a minute. */
const CJK_CHARS_PER_MINUTE = 500;
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/g;

/** Scripts written without spaces between words: only these need a dictionary segmenter. */
export const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

const WORD_PART = chars.LETTER | chars.MARK | chars.NUMBER;
const NUMBER = chars.NUMBER;
// Called for every character: taken out of the module once (a bundler or tsx may
// otherwise read an imported name through a getter on each call).
const { classesOf, codePointIn, nextWithClasses, ASCII_CLASSES } = chars;
/** Every character of UNSPACED's scripts is at or past U+0E00 (test/unit/stats.test.ts checks all below it). */
export const FIRST_UNSPACED = 0x0e00;

/**
 * Words in the text. A word is a run of letters, marks and digits, with inner
 * apostrophes, dots, hyphens ("don't", "U.S", "e-mail") and digit commas
 * ("2,000"): the matches of
 * `[\p{L}\p{M}\p{N}]+(?:(?:['’.\-]|(?<=\p{N}),(?=\p{N}))[\p{L}\p{M}\p{N}]+)*` (flags g and u),
 * found by a scan of character classes (lib/text/char-classes.ts), so a word
 * with no character from U+0E00 on is counted without making its string. The Intl.Segmenter word
 * iterator costs ~3 µs a word even in small chunks (about 1 s for a 300k-word
 * article), so it is used only on runs of unspaced scripts (Chinese, Japanese,
 * Thai…), where it knows the dictionary words.
 */
export function countWords(text: string): number {
  let n = 0;
  const end = text.length;
  for (let i = 0; i < end; ) {
    i = nextWithClasses(text, i, end, WORD_PART);
    if (i === end) break;
    const start = i;
    // Whether the word has a code point from U+0E00 on: every unspaced script's are (Thai is the first).
    let high = false;
    let last = 0; // the classes of the word's last code point
    for (;;) {
      // A run of letters, marks and digits.
      while (i < end) {
        const c = text.charCodeAt(i);
        if (c < 0x80) {
          const k = ASCII_CLASSES[c];
          if (!(k & WORD_PART)) break;
          last = k;
          i++;
        } else {
          const cp = codePointIn(text, i, end);
          const k = classesOf(cp);
          if (!(k & WORD_PART)) break;
          if (cp >= FIRST_UNSPACED) high = true;
          last = k;
          i += cp > 0xffff ? 2 : 1;
        }
      }
      // Joined to the next run by ' ’ . - or, between digits, a comma.
      if (i + 1 >= end) break;
      const c = text.charCodeAt(i);
      const joiner = c === 0x27 || c === 0x2019 || c === 0x2e || c === 0x2d || (c === 0x2c && (last & NUMBER) !== 0);
      if (!joiner) break;
      const next = classesOf(codePointIn(text, i + 1, end));
      if (!(next & (c === 0x2c ? NUMBER : WORD_PART))) break;
      i++;
    }
    if (!high) {
      n++;
      continue;
    }
    const word = text.slice(start, i);
    if (!UNSPACED.test(word)) {
      n++;
      continue;
    }
    // Chunked: one long Intl.Segmenter iteration is quadratic (see segment.ts).
    for (const seg of segmentInChunks(wordSegmenter, word)) if (seg.isWordLike) n++;
  }
  return n;
}

export function textStats(text: string): Stats {
  const words = countWords(text);
  const cjk = text.match(CJK)?.length ?? 0;
  const minutes = cjk > words ? cjk / CJK_CHARS_PER_MINUTE : words / WORDS_PER_MINUTE;
  return { words, readingMinutes: words === 0 ? 0 : Math.max(1, Math.round(minutes)) };
}
