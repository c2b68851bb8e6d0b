/**
 * Direct quotes and who said them. The quoted passages come from the quotation
 * marks (lib/quotes/marks.ts); scare quotes and titles are set aside; each quote
 * gets the speaker its attribution names (lib/quotes/speakers.ts).
 */
import type { Entity, Quote, Span } from './types';
import { findQuotePieces, type QuotePiece } from './quotes/marks';
import { attributeQuotes, cueNearby, sentenceStarts } from './quotes/speakers';
import { linesOf, type Lines } from './quotes/lines';
import { wordsIn } from './quotes/names';

/** Longer than this many words, a quoted passage is taken as speech without further evidence. */
const MIN_WORDS_WITHOUT_CUE = 3;

// Small words a title leaves in lower case: "The Art of the Deal".
const TITLE_SMALL = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'vs', 'as', 'is']);

/** Every word capitalised but the small ones, as in "Face the Nation" or "Morning Joe". */
function looksLikeTitle(words: string[]): boolean {
  if (words.length > 8 || /^(I|We|He|She|They|It|You)$/.test(words[0])) return false;
  return /^\p{Lu}/u.test(words[0]) && words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || TITLE_SMALL.has(w));
}

/** A title names a show, book or song: after "on", "in", a possessive ("CNN’s") or "the". */
function titlePosition(text: string, open: number): boolean {
  const before = text.slice(Math.max(0, open - 20), open);
  return /(\b(on|in|at|of|from|for|to|the|his|her|their|its|titled|entitled|called|named)|['’]s)\s*$/i.test(before);
}

/**
 * Whether a quote (its pieces: one, or several when it runs over lines) is speech:
 * three or more words, or a speech verb next to it; not scare quotes, not a title.
 */
function keep(text: string, lines: Lines, quote: QuotePiece[], sentenceStart: number): boolean {
  const first = quote[0];
  const last = quote[quote.length - 1];
  const words = quote.flatMap((p) => wordsIn(text, p.start, p.end).map((w) => w.key));
  // Nothing to say without letters: quoted numbers and symbols ("1382694045000").
  if (!words.some((w) => /\p{L}/u.test(w))) return false;
  if (/so-called\s*$/i.test(text.slice(Math.max(0, first.open - 12), first.open))) return false;
  const title = looksLikeTitle(words);
  if (title && titlePosition(text, first.open)) return false;
  // The verb may stand before the first piece or after the last.
  const whole: QuotePiece = { ...first, end: last.end, close: last.close };
  const cue = cueNearby(text, lines, whole, sentenceStart);
  if (title) return cue === 'adjacent';
  // A quoted string with no space in it (a URL, a code token) counts as one word.
  const spaced = quote.some((p) => /\s/.test(text.slice(p.start, p.end)));
  if (words.length < MIN_WORDS_WITHOUT_CUE || !spaced) return cue !== null;
  return true;
}

export function findQuotes(text: string, sentences: Span[], entities: Entity[]): Quote[] {
  const all = findQuotePieces(text);
  if (all.length === 0) return [];
  const sentenceStart = sentenceStarts(sentences);
  const lines = linesOf(text);
  // Pieces of one quote are consecutive and share a group: judge each quote as a whole.
  const pieces: QuotePiece[] = [];
  for (let i = 0; i < all.length; ) {
    let j = i + 1;
    while (j < all.length && all[j].group === all[i].group) j++;
    const quote = all.slice(i, j);
    if (keep(text, lines, quote, sentenceStart(quote[0].open))) pieces.push(...quote);
    i = j;
  }
  const speakers = attributeQuotes(text, lines, sentences, entities, pieces);
  return pieces.map((p, i) => ({
    start: p.start,
    end: p.end,
    text: text.slice(p.start, p.end),
    speaker: speakers[i].speaker,
    speakerMention: speakers[i].speakerMention,
  }));
}
