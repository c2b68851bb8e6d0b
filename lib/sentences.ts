import type { Span } from './types';

// Placeholder splitter: replaced by the full news-aware splitter.
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  for (const seg of segmenter.segment(text)) {
    let start = seg.index;
    let end = seg.index + seg.segment.length;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) out.push({ start, end });
  }
  return out;
}
