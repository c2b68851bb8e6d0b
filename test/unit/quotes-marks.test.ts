/**
 * Quotation marks as real web text types them (lib/quotes/marks.ts): short
 * team-written sentences in the forms met on news pages, no corpus text.
 */
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../lib/quotes';
import { splitSentences } from '../../lib/sentences';

const quotesOf = (text: string) => findQuotes(text, splitSentences(text), []);

describe('a closing mark typed for the opening one', () => {
  it('opens a quote with ” at a paragraph start or after a space, before a word', () => {
    const s = [
      '”The ferry is the only way my children get to school. Without it we would have to move.” ― Ana Matos',
      '“We rebuilt the pier twice in ten years.” ― Rui Costa',
      'A third reader wrote that ”nobody asked the people of the island what they wanted.”',
    ].join('\n');
    const quotes = quotesOf(s);
    expect(quotes.map((q) => q.text)).toEqual([
      'The ferry is the only way my children get to school. Without it we would have to move.',
      'We rebuilt the pier twice in ten years.',
      'nobody asked the people of the island what they wanted.',
    ]);
    expect(quotes[0].speaker).toBe('Ana Matos');
  });

  it('never opens one with ” after a word or before a space', () => {
    const s = 'The sign said “closed” and the ferry stayed in port ” for a week, she wrote.';
    expect(quotesOf(s).map((q) => q.text)).toEqual(['closed']);
  });
});
