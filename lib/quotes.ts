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

function keep(text: string, lines: Lines, piece: QuotePiece, sentenceStart: number, grouped: boolean): boolean {
  const words = wordsIn(text, piece.start, piece.end).map((w) => w.key);
  if (words.length === 0) return false;
  if (grouped) return true; // a piece of a longer quote (several paragraphs, or split by its attribution)
  if (/so-called\s*$/i.test(text.slice(Math.max(0, piece.open - 12), piece.open))) return false;
  const title = looksLikeTitle(words);
  if (title && titlePosition(text, piece.open)) return false;
  const cue = cueNearby(text, lines, piece, sentenceStart);
  if (title) return cue === 'adjacent';
  if (words.length < MIN_WORDS_WITHOUT_CUE) return cue !== null;
  return true;
}

export function findQuotes(text: string, sentences: Span[], entities: Entity[]): Quote[] {
  const all = findQuotePieces(text);
  if (all.length === 0) return [];
  const groupSize = new Map<number, number>();
  for (const p of all) groupSize.set(p.group, (groupSize.get(p.group) ?? 0) + 1);
  const sentenceStart = sentenceStarts(sentences);
  const lines = linesOf(text);
  const pieces = all.filter((p) => keep(text, lines, p, sentenceStart(p.open), (groupSize.get(p.group) ?? 0) > 1));
  const speakers = attributeQuotes(text, lines, sentences, entities, pieces);
  return pieces.map((p, i) => ({
    start: p.start,
    end: p.end,
    text: text.slice(p.start, p.end),
    speaker: speakers[i].speaker,
    speakerMention: speakers[i].speakerMention,
  }));
}
