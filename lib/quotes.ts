/**
 * Direct quotes and who said them. The quoted passages come from the quotation
 * marks (lib/quotes/marks.ts); scare quotes and titles are set aside; each quote
 * gets the speaker its attribution names (lib/quotes/speakers.ts).
 */
import type { Entity, Quote, Span } from './types';
import { findQuotePieces, type QuotePiece } from './quotes/marks';
import { attributeQuotes, hasCueNearby, sentenceStarts } from './quotes/speakers';
import { wordsIn } from './quotes/names';

/** Longer than this many words, a quoted passage is taken as speech without further evidence. */
const MIN_WORDS_WITHOUT_CUE = 3;

/**
 * A quoted title ("The Art of the Deal"): every longer word capitalised and no
 * sentence punctuation. Without a speech verb nearby it is not speech.
 */
function looksLikeTitle(words: string[], quoted: string): boolean {
  if (/[.,!?;:]$/.test(quoted)) return false;
  const long = words.filter((w) => w.length > 3);
  return long.length > 0 && long.every((w) => /^\p{Lu}/u.test(w)) && /^\p{Lu}/u.test(words[0]);
}

function keep(text: string, piece: QuotePiece, sentenceStart: number, grouped: boolean): boolean {
  const quoted = text.slice(piece.start, piece.end);
  const words = wordsIn(text, piece.start, piece.end).map((w) => w.text);
  if (words.length === 0) return false;
  if (grouped) return true; // a piece of a longer quote (several paragraphs, or split by its attribution)
  const cue = hasCueNearby(text, piece, sentenceStart);
  if (words.length < MIN_WORDS_WITHOUT_CUE) return cue;
  if (looksLikeTitle(words, quoted)) return cue;
  return true;
}

export function findQuotes(text: string, sentences: Span[], entities: Entity[]): Quote[] {
  const all = findQuotePieces(text);
  const groupSize = new Map<number, number>();
  for (const p of all) groupSize.set(p.group, (groupSize.get(p.group) ?? 0) + 1);
  const sentenceStart = sentenceStarts(sentences);
  const pieces = all.filter((p) => keep(text, p, sentenceStart(p.open), (groupSize.get(p.group) ?? 0) > 1));
  const speakers = attributeQuotes(text, sentences, entities, pieces);
  return pieces.map((p, i) => ({
    start: p.start,
    end: p.end,
    text: text.slice(p.start, p.end),
    speaker: speakers[i].speaker,
    speakerMention: speakers[i].speakerMention,
  }));
}
