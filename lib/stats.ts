import type { Stats } from './types';

/** Words per minute for an adult reading news prose on a screen. */
const WORDS_PER_MINUTE = 230;
/** CJK text is read by character: about 500 a minute. */
const CJK_CHARS_PER_MINUTE = 500;
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/g;

const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

export function countWords(text: string): number {
  let n = 0;
  for (const seg of wordSegmenter.segment(text)) if (seg.isWordLike) n++;
  return n;
}

export function textStats(text: string): Stats {
  const words = countWords(text);
  const cjk = text.match(CJK)?.length ?? 0;
  const minutes = cjk > words ? cjk / CJK_CHARS_PER_MINUTE : words / WORDS_PER_MINUTE;
  return { words, readingMinutes: words === 0 ? 0 : Math.max(1, Math.round(minutes)) };
}
