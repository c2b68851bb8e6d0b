/**
 * Statements and quoted phrases. A quote of a few words ("solace", "flattening
 * the curve") is a word the writer borrows or holds at arm's length, not
 * something a person said at length: the popup lists statements and folds the
 * phrases apart, so they do not crowd the statements out. Every quote stays in
 * the reading and in the page's highlights; only where it is listed differs.
 */
import type { Quote } from '../types';

/** A quote of at most this many words is a quoted phrase. */
export const PHRASE_MAX_WORDS = 3;

export function isQuotedPhrase(quote: Pick<Quote, 'text'>): boolean {
  const words = quote.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words.length <= PHRASE_MAX_WORDS;
}

/** Indices into `quotes` of its statements and of its phrases, each in document order. */
export function quoteGroups(quotes: ReadonlyArray<Pick<Quote, 'text'>>): { statements: number[]; phrases: number[] } {
  const statements: number[] = [];
  const phrases: number[] = [];
  quotes.forEach((q, i) => (isQuotedPhrase(q) ? phrases : statements).push(i));
  return { statements, phrases };
}
