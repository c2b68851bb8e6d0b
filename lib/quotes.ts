/**
 * Direct quotes and who said them. The quoted passages come from the quotation
 * marks (lib/quotes/marks.ts); scare quotes and titles are set aside; each quote
 * gets the speaker its attribution names (lib/quotes/speakers.ts).
 */
import type { Entity, Quote, Span } from './types';
import { findQuotePieces, type QuotePiece } from './quotes/marks';
import { attributeQuotes, cueNearby, sentenceStarts } from './quotes/speakers';
import { linesOf, type Lines } from './quotes/lines';
import { wordFacts, wordsIn, type WordFacts } from './quotes/names';
import { statementSpans } from './quotes/statement';

/** Longer than this many words, a quoted passage is taken as speech without further evidence. */
const MIN_WORDS_WITHOUT_CUE = 3;

/**
 * Chinese and Japanese write no spaces between words, so a whole quote reads as
 * one word: their characters are counted instead. Six of them make a clause
 * (“现在终于有希望了！”); a quoted name or term (“青川绿水”) has fewer.
 */
const MIN_CJK_CHARS_WITHOUT_CUE = 6;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

function cjkChars(text: string, quote: QuotePiece[]): number {
  let n = 0;
  for (const p of quote) if (mayHoldCjk(text, p.start, p.end)) n += text.slice(p.start, p.end).match(CJK_CHAR)?.length ?? 0;
  return n;
}

/**
 * Whether text[start, end) has a code unit from U+2E80 on: every Han, Hiragana
 * and Katakana character is one (or a surrogate pair, higher still), so a quote
 * without one has no CJK_CHAR and is not matched at all.
 */
function mayHoldCjk(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) >= 0x2e80) return true;
  return false;
}

/**
 * Signs that a Chinese or Japanese quote is speech, where brackets also mark
 * titles, terms and menu labels (「ファイルの場所を開く」, 『…』 for a book): the
 * quote ends a sentence (。！？), the particle と or って reports it (「…」と話した;
 * not という or と題した, which name something), or a colon or a speech verb stands
 * right before it (说：“…”, 表示，“…”).
 */
const ENDS_SENTENCE = /[。！？!?…]$/;
const REPORTING_PARTICLE = /^\s*(?:って|と(?!いう|いった|題|称))/;
const SPEECH_BEFORE = /(?:[：:]|[说道称问]|表示|指出|强调|認め|述べ)[，,：:]?\s*$/;

/** Katakana alone spells names and loanwords (「ウイルスバスター モバイル」, a product), not speech. */
const HAN_OR_HIRAGANA = /[\p{Script=Han}\p{Script=Hiragana}]/u;

function cjkSpeech(text: string, first: QuotePiece, last: QuotePiece): boolean {
  if (!HAN_OR_HIRAGANA.test(text.slice(first.start, last.end))) return false;
  if (ENDS_SENTENCE.test(text.slice(last.start, last.end))) return true;
  if (last.close !== null && REPORTING_PARTICLE.test(text.slice(last.close + 1, last.close + 6))) return true;
  return SPEECH_BEFORE.test(text.slice(Math.max(0, first.open - 6), first.open));
}

const MAX_TITLE_WORDS = 8;

// Small words a title leaves in lower case: "The Art of the Deal".
const TITLE_SMALL = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'vs', 'as', 'is']);

/** Every word capitalised but the small ones, as in "Face the Nation" or "Morning Joe". */
function looksLikeTitle(words: string[]): boolean {
  if (words.length > MAX_TITLE_WORDS || /^(I|We|He|She|They|It|You)$/.test(words[0])) return false;
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
  // The words' count, letters and length, without making them (most quotes are long).
  const facts: WordFacts = { count: 0, letter: false, keyChars: 0 };
  for (const p of quote) wordFacts(text, p.start, p.end, facts);
  // Nothing to say without letters: quoted numbers and symbols ("1382694045000").
  if (!facts.letter) return false;
  if (/so-called\s*$/i.test(text.slice(Math.max(0, first.open - 12), first.open))) return false;
  // A title has at most 8 words: only then are they read.
  const title = facts.count <= MAX_TITLE_WORDS && looksLikeTitle(quote.flatMap((p) => wordsIn(text, p.start, p.end).map((w) => w.key)));
  if (title && titlePosition(text, first.open)) return false;
  // The speech verb is looked for only where the answer decides (it costs more than the rest).
  if (title) return cueBy(text, lines, first, last, sentenceStart) === 'adjacent';
  // A quote written mostly in Chinese or Japanese characters.
  const cjk = cjkChars(text, quote);
  if (cjk >= MIN_CJK_CHARS_WITHOUT_CUE && cjk * 2 >= facts.keyChars) return cjkSpeech(text, first, last);
  // A quoted string with no space in it (a URL, a code token) counts as one word.
  const spaced = quote.some((p) => /\s/.test(text.slice(p.start, p.end)));
  if (facts.count < MIN_WORDS_WITHOUT_CUE || !spaced) return cueBy(text, lines, first, last, sentenceStart) !== null;
  return true;
}


/** A speech verb by the quote from `first` to `last`: it may stand before the first piece or after the last. */
function cueBy(text: string, lines: Lines, first: QuotePiece, last: QuotePiece, sentenceStart: number) {
  return cueNearby(text, lines, { ...first, end: last.end, close: last.close }, sentenceStart);
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
  const spans = statementSpans(text, lines, sentenceStart, pieces);
  return pieces.map((p, i) => ({
    start: p.start,
    end: p.end,
    text: text.slice(p.start, p.end),
    span: spans[i],
    speaker: speakers[i].speaker,
    // A span only: the mention found may be a richer word object, which must not travel in the reading.
    speakerMention: spanOf(speakers[i].speakerMention),
  }));
}

function spanOf(s: Span | null): Span | null {
  return s ? { start: s.start, end: s.end } : null;
}
