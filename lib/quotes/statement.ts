/**
 * The statement a quote belongs to: for a partial quote, the reported clause
 * that carries it (`Tapper said Brazile’s actions were “unethical”` → `Brazile’s
 * actions were “unethical”`); for a quote split by its attribution (“…,” she
 * said. “…”) or running over several paragraphs, all of its pieces. Marks included.
 */
import type { Span } from '../types';
import { NAMING_VERBS, SPEECH_CUES } from './cues';
import type { Lines } from './lines';
import type { QuotePiece } from './marks';
import { wordsIn } from './names';

const isCue = (w: string) => SPEECH_CUES.has(w) || NAMING_VERBS.has(w);

/** Where a piece's marks end: after its closing mark, or at its end when it runs on to the next paragraph. */
const outerEnd = (p: QuotePiece) => (p.close === null ? p.end : p.close + 1);

/**
 * Where the statement holding a quote that opens at `open` starts, in the clause
 * from `from`: after the outermost speech or naming verb before it (and a "that"
 * after the verb's object), or the clause's start when the attribution comes
 * after the quote; the quote's own mark when nothing but the quote is there.
 */
function statementStart(text: string, from: number, open: number, attributedAfter: boolean): number {
  const words = wordsIn(text, from, open);
  if (words.length === 0) return open;
  // The outermost verb: "said she appreciated … what she calls a “…”" reports all of it.
  // …unless a later one opens a clause of its own: "said as much, arguing that …".
  let k = -1;
  for (let j = 0; j < words.length; j++) {
    if (isCue(words[j].key) && (k < 0 || /,\s*$/.test(text.slice(words[j - 1].end, words[j].start)))) k = j;
  }
  if (k < 0) return attributedAfter ? words[0].start : open;
  // "told reporters that …", "said Friday that …": the clause starts after "that".
  const that = words.slice(k + 1, k + 5).findIndex((w) => w.key === 'that');
  let i = that >= 0 ? words[k + 1 + that].end : words[k].end;
  while (i < open && /[\s,:]/.test(text[i])) i++;
  return i === open || introducesQuote(text.slice(i, open)) ? open : i;
}

/** Only a colon, or a name and a comma, between the verb and the quote: "said Ellis: “…”", "According to Jane Doe, “…”". */
function introducesQuote(between: string): boolean {
  if (/:\s*$/.test(between)) return true;
  return /,\s*$/.test(between) && between.split(/\s+/).every((w) => !w || /^[\p{Lu}\d]/u.test(w));
}

/** The end of the clause a quote ends: its closing mark, or the sentence's end when the clause runs on without an attribution. */
function statementEnd(text: string, end: number, to: number): number {
  const words = wordsIn(text, end, to);
  if (words.length === 0 || words.slice(0, 6).some((w) => isCue(w.key))) return end;
  // “…,” signaling …: a comma closing the quote closes its clause.
  if (/,\s*["”»“'’]*$/.test(text.slice(end - 3, end))) return end;
  // A new quote, a new clause after a semicolon or dash, or the narrator's ", signaling …", ", which …" is not the statement.
  const rest = text.slice(end, to);
  const stop = rest.search(/["“”«»;\u2014]|\s[\u2013-]\s|[.!?]\s|,\s+(?:\p{Ll}+ing|which|who|while|but)\b/u);
  let e = stop >= 0 ? end + stop : to;
  while (e > end && /[\s.,:!?]/.test(text[e - 1])) e--;
  return Math.max(e, end);
}

/**
 * Groups consecutive quotes into statements: pieces of one quote (same group),
 * and quotes that continue one another. Each entry: the index of the first and last piece.
 */
function statements(text: string, lines: Lines, pieces: QuotePiece[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < pieces.length; i++) {
    const last = out[out.length - 1];
    const prev = last && pieces[last[1]];
    if (prev && (prev.group === pieces[i].group || continues(text, lines, prev, pieces[i]))) last[1] = i;
    else out.push([i, i]);
  }
  return out;
}

/**
 * `cur` goes on with `prev`'s statement in the same paragraph: after a short
 * attribution (“…,” she said. “…”, but not “…,” Obama said. He called it a “…”),
 * or listed in one clause (“nasty guy,” an “anchor baby,” “unstable” and “sick.”).
 */
function continues(text: string, lines: Lines, prev: QuotePiece, cur: QuotePiece): boolean {
  if (prev.close === null || lines.start(prev.open) !== lines.start(cur.open)) return false;
  const between = text.slice(prev.close + 1, cur.open);
  const words = wordsIn(text, prev.close + 1, cur.open);
  if (words.some((w) => isCue(w.key))) return between.length <= 80 && words.length <= 10 && !/[.!?]\s*\S/.test(between.replace(/[.!?]\s*$/, ''));
  return between.length <= 30 && !/[.!?;:]/.test(between) && !/[.!?]$/.test(text.slice(prev.start, prev.end)) && words.every((w) => /^\p{Ll}/u.test(w.text));
}

/**
 * The statement span of every piece (pieces of one statement share it).
 */
export function statementSpans(text: string, lines: Lines, sentenceStart: (pos: number) => number, pieces: QuotePiece[]): Span[] {
  const out: Span[] = new Array(pieces.length);
  for (const [a, b] of statements(text, lines, pieces)) {
    const first = pieces[a];
    const last = pieces[b];
    const from = Math.max(sentenceStart(first.open), lines.start(first.open), a > 0 ? outerEnd(pieces[a - 1]) : 0);
    const e = outerEnd(last);
    // Up to the paragraph's end or the next quote; statementEnd stops at the sentence's end.
    const to = Math.min(lines.end(last.open), b + 1 < pieces.length ? pieces[b + 1].open : text.length);
    // The clause may go on after the quote (“…” to drive up the stock price) unless its attribution follows.
    const end = statementEnd(text, e, to);
    const attributedAfter = end === e && wordsIn(text, e, to).length > 0;
    const span = { start: statementStart(text, from, first.open, attributedAfter), end };
    for (let i = a; i <= b; i++) out[i] = span;
  }
  return out;
}
