import type { Entity, Span, SummarySentence } from './types';

export interface KeySentenceOptions {
  count: number;
  title: string | null;
  nonBody: Span[];
  entities: Entity[];
}

export function autoSummaryLength(_text: string, sentences: Span[], _nonBody: Span[]): number {
  return Math.min(sentences.length, sentences.length > 40 ? 7 : sentences.length > 15 ? 5 : 3);
}

export function keySentences(_text: string, sentences: Span[], opts: KeySentenceOptions): SummarySentence[] {
  return sentences.slice(0, opts.count).map((_, i) => ({ sentence: i, score: 1 - i / 100 }));
}
