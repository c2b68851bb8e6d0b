/**
 * Finding the quoted passages of a text from its quotation marks: straight `"`,
 * curly “ ”, single curly ‘ ’ (British style, or a quote standing alone),
 * guillemets « » (French, Swiss, Arabic) or » « (German and Danish books and
 * papers: the direction is the one the text's first guillemet takes), German
 * low marks „…“ and ‚…‘, and the corner brackets 「…」 and 『…』 of Japanese
 * and traditional Chinese. Nested marks of another kind inside a quote are part of it.
 *
 * Each line is treated as a paragraph: a quote never runs on past its line,
 * except in the two ways news text really continues one —
 *  - the multi-paragraph quote: the next paragraph opens with the same mark
 *    again and the earlier one is never closed;
 *  - the wrapped quote: the next line closes the mark before it opens another.
 * An opening mark that is neither closed nor continued is dropped, so one stray
 * mark cannot swallow the rest of the article.
 */
import type { Span } from '../types';
import * as lineSearch from './lines';
import { isSpace as isSpaceCode } from '../extract/spaces';

export type MarkKind =
  | 'double'
  | 'straight'
  | 'single'
  | 'guillemet'
  | 'guillemet-reversed'
  | 'low'
  | 'low-single'
  | 'corner'
  | 'white-corner';

/** Marks that open a quote with only one possible closing mark: no context needed. */
const PLAIN_OPENERS: Record<string, MarkKind> = { '„': 'low', '「': 'corner', '『': 'white-corner' };

export interface QuotePiece extends Span {
  /** Index of the opening mark. */
  open: number;
  /** Index of the closing mark, or null when the piece ends at a paragraph break (multi-paragraph quotes). */
  close: number | null;
  kind: MarkKind;
  /** Pieces of one quote (continued across paragraphs) share a group number. */
  group: number;
}

/**
 * Whether a character code is one of the marks this file reads (" “ ” ‘ ’ ‚ „ « » 「 」 『 』,
 * and ‛ with them in one range): every other character neither opens nor closes a
 * quote, so the scans skip it by its code without looking further.
 */
const isMarkCode = (c: number) => c === 0x22 || (c >= 0x2018 && c <= 0x201e) || c === 0xab || c === 0xbb || (c >= 0x300c && c <= 0x300f);
const MARK = /["\u2018-\u201e\u00ab\u00bb\u300c-\u300f]/g;

/** Positions of the characters isMarkCode accepts, in order: one pass over the text, so each line visits only its marks. */
function markPositions(text: string): number[] {
  const out: number[] = [];
  // test() with lastIndex: no match object per mark (every ’ is one).
  MARK.lastIndex = 0;
  while (MARK.test(text)) out.push(MARK.lastIndex - 1);
  return out;
}

// Called for every line: taken out of the module once (a bundler or tsx may
// otherwise read an imported name through a getter on each call).
const { firstAtOrAfter } = lineSearch;

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

// What may stand right before an opening mark / right after a closing one.
const BEFORE_OPEN = /[\s([{\u2014\u2013\-/:;,‘“'"«»„‚「『]/;
const AFTER_CLOSE = /[\s)\]}.,;:!?\u2014\u2013\-/’”'"»…]/;

function canOpenStraight(text: string, i: number, lineStart: number, lineEnd: number): boolean {
  const before = i > lineStart ? text[i - 1] : undefined;
  const after = i + 1 < lineEnd ? text[i + 1] : undefined;
  return (before === undefined || BEFORE_OPEN.test(before)) && after !== undefined && !isSpace(after);
}

/** A mark at a line start or after a space, before a letter or digit: where only an opening mark stands. */
function opensLikeStraight(text: string, i: number, lineStart: number, lineEnd: number): boolean {
  const before = i > lineStart ? text[i - 1] : undefined;
  return (before === undefined || isSpace(before)) && i + 1 < lineEnd && isLetter(text[i + 1]);
}

function canCloseStraight(text: string, i: number, lineStart: number, lineEnd: number): boolean {
  const before = i > lineStart ? text[i - 1] : undefined;
  const after = i + 1 < lineEnd ? text[i + 1] : undefined;
  return before !== undefined && !isSpace(before) && (after === undefined || AFTER_CLOSE.test(after));
}

/** ‘ opens a quote at a word start, but not in elisions like ‘90s, ‘em, rock ‘n’ roll. */
function canOpenSingle(text: string, i: number, lineStart: number, lineEnd: number): boolean {
  const before = i > lineStart ? text[i - 1] : undefined;
  if (before !== undefined && !BEFORE_OPEN.test(before)) return false;
  if (i + 1 >= lineEnd || isSpace(text[i + 1])) return false;
  const rest = text.slice(i + 1, i + 5);
  return !/^(\d\d|em\b|n’|n\b|til\b|cause\b|tis\b)/i.test(rest);
}

/** ’ closes a quote at a word end; between letters it is an apostrophe (don’t, O’Brien). */
function canCloseSingle(text: string, i: number, lineStart: number, lineEnd: number): boolean {
  const before = i > lineStart ? text[i - 1] : undefined;
  const after = i + 1 < lineEnd ? text[i + 1] : undefined;
  if (before === undefined || isSpace(before)) return false;
  if (isLetter(after)) return false;
  return after === undefined || AFTER_CLOSE.test(after);
}

interface Open {
  kind: MarkKind;
  pos: number;
  group: number;
}

/** Lines of the text as [start, end) ranges (starts[i], ends[i]), without the newline characters (each \n and each \r ends one). */
function lineRanges(text: string): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  let nextLf = text.indexOf('\n');
  let nextCr = text.indexOf('\r');
  for (let start = 0; ; ) {
    const i = nextLf < 0 ? (nextCr < 0 ? text.length : nextCr) : nextCr < 0 ? nextLf : Math.min(nextLf, nextCr);
    starts.push(start);
    ends.push(i);
    if (i === text.length) return { starts, ends };
    start = i + 1;
    if (nextLf === i) nextLf = text.indexOf('\n', start);
    if (nextCr === i) nextCr = text.indexOf('\r', start);
  }
}

/**
 * Whether the text's guillemets point inwards (»…«, German and Danish) rather
 * than outwards («…», French, Swiss, Arabic), judged on the whole text: the
 * mark right before a word opens the quote (»Wir…«, «Nous…», «&nbsp;Nous…»). A
 * » standing alone ("Next »", "Home » News") is no evidence either way.
 */
function reversedGuillemets(text: string): boolean {
  let inwards = 0;
  let outwards = 0;
  for (let i = text.indexOf('»'); i >= 0; i = text.indexOf('»', i + 1)) if (isLetter(text[i + 1])) inwards++;
  for (let i = text.indexOf('«'); i >= 0; i = text.indexOf('«', i + 1)) {
    if (isLetter(text[i + 1]) || text[i + 1] === '\u00a0' || text[i + 1] === '\u202f') outwards++;
  }
  return inwards > outwards;
}

/** The opening mark a quote of this kind starts with, if `c` is one. */
function opensKind(text: string, i: number, ls: number, le: number, reversed: boolean): MarkKind | null {
  const c = text[i];
  if (c === '“') return 'double';
  if (c === '"') return canOpenStraight(text, i, ls, le) ? 'straight' : null;
  // ” typed for “ (”Mr. Trump embodies …”, and the Swedish and Finnish usage): only where
  // no word ends before it and a word starts after it, so a closing ” never opens.
  if (c === '”') return opensLikeStraight(text, i, ls, le) ? 'double' : null;
  if (c === (reversed ? '»' : '«')) return reversed ? 'guillemet-reversed' : 'guillemet';
  if (c === '‘') return canOpenSingle(text, i, ls, le) ? 'single' : null;
  // ‚ (U+201A) opens like ‘ does: at a word start only.
  if (c === '‚') return canOpenSingle(text, i, ls, le) ? 'low-single' : null;
  return PLAIN_OPENERS[c] ?? null;
}

/** Position of the mark that closes an open quote of `kind` at i, or -1. */
function closesAt(text: string, i: number, kind: MarkKind, ls: number, le: number): boolean {
  const c = text[i];
  switch (kind) {
    case 'double':
      // A straight mark may close a curly quote when no curly closing mark follows (mixed typography).
      if (c === '”') return true;
      return c === '"' && canCloseStraight(text, i, ls, le) && !curlyCloseAhead(text, i + 1, le);
    case 'straight':
      if (c === '”') return canCloseStraight(text, i, ls, le) && !straightCloseAhead(text, i + 1, ls, le);
      return c === '"' && (canCloseStraight(text, i, ls, le) || !canOpenStraight(text, i, ls, le));
    case 'guillemet':
      return c === '»';
    case 'guillemet-reversed':
      return c === '«';
    case 'single':
      return c === '’' && canCloseSingle(text, i, ls, le);
    // „…“ in German, „…” in Polish, Czech or Dutch; a straight mark where the font had none.
    case 'low':
      return c === '“' || c === '”' || (c === '"' && canCloseStraight(text, i, ls, le));
    case 'low-single':
      return (c === '‘' || c === '’') && canCloseSingle(text, i, ls, le);
    case 'corner':
      return c === '」';
    case 'white-corner':
      return c === '』';
  }
}

// Look-aheads stop at the line's end and at most this far, so a long line stays linear.
const LOOKAHEAD = 2000;

function curlyCloseAhead(text: string, from: number, le: number): boolean {
  const stop = Math.min(le, from + LOOKAHEAD);
  for (let j = from; j < stop; j++) if (text.charCodeAt(j) === 0x201d) return true;
  return false;
}

/** Is there a straight mark that could close a quote in text[from, le)? */
function straightCloseAhead(text: string, from: number, ls: number, le: number): boolean {
  const stop = Math.min(le, from + LOOKAHEAD);
  for (let j = from; j < stop; j++) if (text.charCodeAt(j) === 0x22 && canCloseStraight(text, j, ls, le)) return true;
  return false;
}

/**
 * Whether a closing ’ is probably a plural possessive (the players’ union) inside
 * a single-quoted passage: it is followed by a letter word and another closing
 * candidate comes later on the line.
 */
function looksPossessive(text: string, i: number, ls: number, le: number): boolean {
  if (text[i - 1] !== 's' || text[i + 1] !== ' ' || !isLetter(text[i + 2])) return false;
  for (let j = i + 1; j < Math.min(le, i + LOOKAHEAD); j++) {
    const c = text.charCodeAt(j);
    if (c !== 0x2018 && c !== 0x2019) continue;
    if (text[j] === '‘' && canOpenSingle(text, j, ls, le)) return false;
    if (text[j] === '’' && canCloseSingle(text, j, ls, le)) return true;
  }
  return false;
}

/** Does a line continue a quote of `kind` left open at the end of the previous line? */
function continuation(text: string, ls: number, le: number, kind: MarkKind, reversed: boolean): 'reopen' | 'wrap' | null {
  let i = ls;
  while (i < le && isSpaceCode(text.charCodeAt(i))) i++;
  if (i >= le) return null;
  if (opensKind(text, i, ls, le, reversed) === kind) return 'reopen';
  // A wrapped quote: the line closes the mark before it opens any quote.
  for (let j = i; j < Math.min(le, i + LOOKAHEAD); j++) {
    if (!isMarkCode(text.charCodeAt(j))) continue;
    if (closesAt(text, j, kind, ls, le)) return 'wrap';
    if (opensKind(text, j, ls, le, reversed)) return null;
  }
  return null;
}

function trimmed(text: string, start: number, end: number): Span {
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** Every quoted passage of the text, in text order, without its marks. */
export function findQuotePieces(text: string): QuotePiece[] {
  const pieces: QuotePiece[] = [];
  const { starts, ends } = lineRanges(text);
  const reversed = reversedGuillemets(text);
  const marks = markPositions(text);
  let group = 0;
  let carried: Open | null = null; // a wrapped quote continued from the previous line
  let reopenGroup = -1; // a multi-paragraph quote whose next paragraph reopens the mark

  const emit = (o: Open, from: number, to: number, close: number | null) => {
    const s = trimmed(text, from, to);
    if (s.end > s.start) pieces.push({ start: s.start, end: s.end, open: o.pos, close, kind: o.kind, group: o.group });
  };

  for (let li = 0; li < starts.length; li++) {
    const ls = starts[li];
    const le = ends[li];
    if (ls === le) continue;
    let open: Open | null = carried;
    let from = carried ? ls : -1;
    const reopening = reopenGroup;
    reopenGroup = -1;
    let continuing = carried !== null || reopening >= 0;
    const firstOpen = firstNonSpace(text, ls, le);
    carried = null;
    // A stray opening mark (never closed or continued) is skipped and the rest of the
    // line read again, so the quotes after it are still found; a few retries per line.
    let start = ls;
    for (let retry = 0; ; retry++) {
      // Curly quotes opened inside a straight-quoted passage: their ” closes them, not the passage.
      let nested = 0;
      for (let k = firstAtOrAfter(marks, start); k < marks.length && marks[k] < le; k++) {
        const i = marks[k];
        const c = text[i];
        if (open) {
          if (open.kind === 'straight' && c === '“') nested++;
          else if (open.kind === 'straight' && c === '”' && nested > 0) {
            nested--;
            continue;
          }
          if (closesAt(text, i, open.kind, ls, le)) {
            if (open.kind === 'single' && looksPossessive(text, i, ls, le)) continue;
            emit(open, from, i, i);
            open = null;
            continue;
          }
          // A second opening mark of the same kind before any close: the first was stray.
          if (c !== '"' && open.kind !== 'single' && opensKind(text, i, ls, le, reversed) === open.kind) {
            open = { kind: open.kind, pos: i, group: ++group };
            from = i + 1;
            continuing = false;
          }
          continue;
        }
        const kind = opensKind(text, i, ls, le, reversed);
        if (kind) {
          nested = 0;
          const g = i === firstOpen && reopening >= 0 ? reopening : ++group;
          if (g !== reopening) continuing = false;
          open = { kind, pos: i, group: g };
          from = i + 1;
        }
      }
      if (!open) break;
      // The quote is still open at the end of the line: continued, or the end of a
      // continued quote whose closing mark is missing, or a stray mark.
      let next = li + 1;
      while (next < starts.length && starts[next] === ends[next]) next++;
      const how = next < starts.length ? continuation(text, starts[next], ends[next], open.kind, reversed) : null;
      if (how || continuing) {
        emit(open, from, le, null);
        if (how === 'wrap') carried = open;
        else if (how === 'reopen') reopenGroup = open.group;
        open = null;
        break;
      }
      if (retry >= 3 || open.pos < start) break;
      start = open.pos + 1;
      open = null;
    }
  }
  return pieces;
}

function firstNonSpace(text: string, ls: number, le: number): number {
  let i = ls;
  while (i < le && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}
