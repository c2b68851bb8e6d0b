/**
 * lib/sentences.ts as it was at commit 397e252, before shouldJoin's fast paths
 * (a code-unit class instead of patterns, and an early answer for long words):
 * kept, unchanged but for its imports, only so test/unit/sentences-join.test.ts
 * can check that the fast version cuts every text where this one does. It
 * guards rewrites for speed, whole-output (the segmenter's pieces, spaces, the
 * join rules), not the rules themselves, which test/unit/sentences.test.ts
 * states: a change meant to cut differently retires this file and that test.
 */
/**
 * Sentence splitting for news text.
 *
 * `Intl.Segmenter` (ICU's sentence rules) proposes the boundaries; it already
 * keeps decimals ("3.5", "$1.2bn") whole, keeps `."`/`.”` with the sentence they
 * close, does not break before a lower-case word ("p.m. on Friday", `," she
 * said`) and splits Chinese/Japanese text on 。！？. What it gets wrong in news
 * is repaired here by joining neighbouring pieces: titles ("Mr.", "Gen."),
 * initials ("George W. Bush"), "U.S."/"Inc." in the middle of a sentence,
 * "No. 10" / "Jan. 5", list markers ("1."), `"Why?" he asked`, German ordinal
 * dates ("am 2. April") and Japanese quotes the sentence goes on after
 * (「…！」と話した). ICU also leaves an opening bracket after 。 with the
 * sentence before (…話した。「週末は…」); it is moved to the sentence it opens.
 *
 * A line break always ends a sentence: headlines, decks and list items carry no
 * final punctuation, and two lines are never joined into one sentence.
 *
 * Most lines never reach the segmenter: a line made of characters whose
 * sentence-break class is known (lib/text/sentence-breaks.ts: ASCII, Latin-1
 * letters, curly quotes, dashes) is cut by the same Unicode rules in a scan,
 * and a line with nothing that can end a sentence inside it stays whole; both
 * give the segmenter's own boundaries, at a fraction of its cost.
 *
 * Linear in the text's length: V8's segmenter slows down quadratically on very
 * long strings, so it is run line by line, and lines longer than WINDOW are cut
 * at a likely boundary first (the join rules then see that cut like any other).
 */
import { sentenceEnds } from '../../../lib/text/sentence-breaks';
import type { Span } from '../../../lib/types';

/** Longest string handed to the segmenter at once (it is fast up to ~8k chars). */
const WINDOW = 4000;

const segmenters = new Map<string, Intl.Segmenter>();
function segmenterFor(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(locale, s);
  }
  return s;
}

/** Abbreviations that come before a name or a noun and never end a sentence. */
const ALWAYS_JOIN = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'mme', 'dr', 'prof', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'sgt', 'capt', 'cmdr',
  'adm', 'maj', 'rev', 'hon', 'pres', 'supt', 'det', 'insp', 'fr', 'cpl', 'pvt', 'brig', 'atty', 'vs', 'v', 'e.g',
  'i.e', 'cf', 'approx', 'ca', 'viz', 'mt', 'ft',
]);

/** Abbreviations that are followed by a number: "No. 10", "Jan. 5", "Art. 50", "p. 4". */
const BEFORE_NUMBER = new Set([
  'no', 'nos', 'art', 'fig', 'vol', 'p', 'pp', 'ch', 'sec', 'op', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec',
]);

/**
 * Abbreviations that may end a sentence ("... sold to the U.S." / "... Acme Inc.")
 * or sit inside one ("U.S. officials", "Acme Inc. said"): joined unless the next
 * word is one that typically opens a sentence.
 */
const CONTEXTUAL = new Set([
  'u.s', 'u.k', 'u.n', 'e.u', 'u.s.a', 'inc', 'corp', 'ltd', 'co', 'plc', 'llc', 'jr', 'sr', 'bros', 'st', 'ave',
  'a.m', 'p.m', 'etc', 'dept', 'univ', 'assn', 'est', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'nov', 'dec',
]);

/** Capitalised words that usually open a sentence rather than continue a name. */
const SENTENCE_OPENERS = new Set([
  'a', 'an', 'the', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'its', 'their', 'our', 'my', 'your',
  'this', 'that', 'these', 'those', 'there', 'here', 'then', 'but', 'and', 'or', 'so', 'yet', 'nor', 'in', 'on',
  'at', 'for', 'from', 'to', 'of', 'by', 'with', 'as', 'if', 'when', 'while', 'after', 'before', 'since', 'although',
  'though', 'because', 'however', 'meanwhile', 'also', 'some', 'many', 'most', 'all', 'both', 'each', 'one', 'two',
  'no', 'not', 'now', 'last', 'next', 'what', 'why', 'how', 'who', 'where', 'which', 'whether', 'still', 'such',
  'other', 'others', 'even', 'only', 'just', 'more', 'mr', 'mrs', 'ms', 'dr', 'officials', 'according', 'despite',
  'during', 'under', 'over', 'about', 'earlier', 'later', 'instead', 'indeed', 'thus', 'yes', 'asked', 'experts',
  'analysts', 'critics', 'shares', 'sales', 'police', 'people', 'much', 'initially', 'so-called',
]);

/**
 * Month names that follow a day written as an ordinal with a full stop ("2. April",
 * "am 14. Februar"): German and Austrian forms, capitalised like any German noun.
 * Languages that write the month in lower case after an ordinal (Danish "2. april",
 * Czech "2. dubna") are kept whole by the lower-case rule.
 */
const MONTHS_AFTER_ORDINAL = new Set([
  'januar', 'jänner', 'februar', 'feber', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober',
  'november', 'dezember', 'okt', 'dez',
]);

/**
 * German words that stand before an ordinal but never before a number that ends a
 * sentence: "im 19. Jahrhundert", "zum 3. Mal", "der 2. Weltkrieg". Not "am", which is
 * English too ("I am 25. I'm…"); "am 3. Oktober" is kept whole by the month.
 */
const BEFORE_ORDINAL = new Set(['im', 'zum', 'vom', 'beim', 'der', 'den', 'dem', 'des']);

const SPACE = /\s/;
const OPENING_PUNCT = /^[("“‘'[«]+/;
const LETTER_UPPER = /\p{Lu}/u;
const LETTER_LOWER = /\p{Ll}/u;
const DIGIT = /\p{N}/u;
/** A piece that is only a list marker: "1.", "12)", "a.", "iv.", "(3)". */
const LIST_MARKER = /^(?:\(?\p{N}{1,3}[.)]|\(?[a-z][.)]|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)[.)]|\(\p{N}{1,3}\))$/u;
/** Sentence-final punctuation that ICU does not let close a sentence before a lower-case word. */
const STRONG_END = /[?!]["”'’»)\]]*$/;

/** The whitespace-delimited token that ends `text[start, end)` (at most 40 chars back). */
function lastToken(text: string, start: number, end: number): string {
  let i = end;
  const stop = Math.max(start, end - 40);
  while (i > stop && !SPACE.test(text[i - 1])) i--;
  return text.slice(i, end);
}

/** The first word of `text[start, end)` with opening punctuation removed (at most 40 chars). */
function firstWord(text: string, start: number, end: number): string {
  let i = start;
  const stop = Math.min(end, start + 40);
  while (i < stop && !SPACE.test(text[i])) i++;
  return text.slice(start, i).replace(OPENING_PUNCT, '');
}

/** True when the word reads like the first word of a new sentence. */
function opensSentence(word: string): boolean {
  const bare = word.replace(/[^\p{L}\p{N}'’-]+$/u, '').toLowerCase();
  return SENTENCE_OPENERS.has(bare) || word.startsWith('"') || word.startsWith('“');
}

/** Full-width opening brackets: they never end a sentence. */
const CJK_OPENERS = '「『（【〈《〔［｛〘〖';
/** Marks that end a CJK sentence or close a bracket after its end. */
const CJK_END = /[。！？．｡」』）】〉》〕］｝〙〗”’]/;
/**
 * A Japanese quote that the sentence goes on after: 「…！」と話した, 「…。」って.
 * と/って after the closing bracket is the particle that reports it.
 */
const QUOTE_GOES_ON = /[。！？][」』]+$/;
const QUOTE_PARTICLE = /^(?:と|って)/;

/**
 * ICU keeps opening brackets that follow a sentence end with that sentence
 * (`…話した。「` | `週末は…」`). Move them to the piece they open: full-width
 * brackets always, “ ‘ ( [ only after CJK punctuation (in German „…“ a “ after a
 * full stop closes the quote and stays where it is).
 */
function moveOpeningBrackets(text: string, pieces: Span[]): void {
  for (let i = 0; i + 1 < pieces.length; i++) {
    const p = pieces[i];
    let j = p.end;
    while (j > p.start && (CJK_OPENERS.includes(text[j - 1]) || '“‘(['.includes(text[j - 1]))) j--;
    if (j === p.end) continue;
    // Only the full-width run counts when the bracket before is not after CJK punctuation.
    if (j > p.start && !CJK_END.test(text[j - 1])) {
      j = p.end;
      while (j > p.start && CJK_OPENERS.includes(text[j - 1])) j--;
      if (j === p.end) continue;
    }
    const next = pieces[i + 1];
    next.start = j;
    const rest = trimmed(text, p.start, j);
    if (rest) p.end = rest.end;
    else pieces.splice(i--, 1);
  }
}

/** Whether the boundary between piece a and the following piece b is not a sentence end. */
function shouldJoin(text: string, a: Span, b: Span): boolean {
  const next = text.slice(b.start, Math.min(b.end, b.start + 40));
  const first = next[0];
  // `"Why?" he asked.`, "Yahoo! said", and any cut before a lower-case word
  // (unless it is a camel-cased name such as "iPhone" opening the sentence).
  if (LETTER_LOWER.test(first) && !/^\p{Ll}+\p{Lu}/u.test(next)) return true;
  if (QUOTE_PARTICLE.test(next) && QUOTE_GOES_ON.test(text.slice(Math.max(a.start, a.end - 8), a.end))) return true;

  const token = lastToken(text, a.start, a.end);
  if (a.end - a.start === token.length && LIST_MARKER.test(token)) return true;
  if (STRONG_END.test(token)) return false;
  if (!token.endsWith('.') || token.endsWith('..')) return false;

  const word = token.slice(0, -1).replace(OPENING_PUNCT, '');
  const lower = word.toLowerCase();
  const nextWord = firstWord(text, b.start, b.end);
  const nextIsNumber = DIGIT.test(nextWord[0] ?? '');

  // A day or ordinal ("2. April", "im 19. Jahrhundert"); a year ("in 2019. April was…") is never one.
  if (/^\p{N}{1,3}$/u.test(word) && LETTER_UPPER.test(nextWord[0] ?? '')) {
    const month = MONTHS_AFTER_ORDINAL.has(nextWord.replace(/[^\p{L}]+$/u, '').toLowerCase());
    if (month && Number(word) >= 1 && Number(word) <= 31) return true;
    const before = lastToken(text, a.start, a.end - token.length - 1).toLowerCase();
    if (BEFORE_ORDINAL.has(before) && !opensSentence(nextWord)) return true;
  }
  // An initial ("J.", "W.") before a name; checked first so "Henry V." can end a sentence.
  if (/^\p{Lu}$/u.test(word)) {
    // A chain of initials ("Trewick, S. A. (2009)", "J. K.") even where the next one looks like the article "A".
    if (/^\p{Lu}\.$/u.test(nextWord)) return true;
    return LETTER_UPPER.test(nextWord[0] ?? '') && !opensSentence(nextWord);
  }
  // All capitals is an acronym ending the sentence ("the FT."), not "Ft." or "Dr.".
  if (ALWAYS_JOIN.has(lower) && (word.length === 1 || word !== word.toUpperCase())) return true;
  if (BEFORE_NUMBER.has(lower) && nextIsNumber) return true;
  // "U.S." and the like, and dotted initials ("J.K.", "U.S.A."): joined before a name or number.
  if (CONTEXTUAL.has(lower) || /^(?:\p{Lu}\.)+\p{Lu}$/u.test(word)) {
    return !opensSentence(nextWord) && (nextIsNumber || LETTER_UPPER.test(nextWord[0] ?? ''));
  }
  return false;
}

/** Trimmed span of text[start, end), or null when it is all whitespace. */
function trimmed(text: string, start: number, end: number): Span | null {
  while (start < end && SPACE.test(text[start])) start++;
  while (end > start && SPACE.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

/** End of a window for a long line: after the last likely sentence end before `limit`. */
function windowEnd(text: string, start: number, lineEnd: number): number {
  if (lineEnd - start <= WINDOW) return lineEnd;
  const limit = start + WINDOW;
  for (let i = limit; i > start + WINDOW / 2; i--) {
    const c = text[i - 1];
    if (c === '。' || c === '！' || c === '？') return i;
    if (SPACE.test(text[i]) && /[.!?"”')]/.test(c)) return i;
  }
  for (let i = limit; i > start + WINDOW / 2; i--) if (SPACE.test(text[i])) return i;
  return limit;
}

/** A sentence end followed by a sentence that opens with a figure ("... year. 2004 was ..."). */
const NUMBER_START = /[.!?]["”’')\]]*(\s+)(?=["“]?\p{N})/gu;

/**
 * ICU does not end a sentence before one that opens with a figure, because a
 * digit may continue it ("No. 10", "Jan. 5"). Cut the piece there unless the
 * word before the full stop is such an abbreviation (the same rules as joining).
 */
function splitBeforeNumbers(text: string, span: Span, out: Span[]): void {
  const piece = text.slice(span.start, span.end);
  let from = span.start;
  NUMBER_START.lastIndex = 0;
  for (let m = NUMBER_START.exec(piece); m; m = NUMBER_START.exec(piece)) {
    const leftEnd = span.start + m.index + m[0].length - m[1].length;
    const rightStart = span.start + m.index + m[0].length;
    const left = { start: from, end: leftEnd };
    if (shouldJoin(text, left, { start: rightStart, end: span.end })) continue;
    out.push(left);
    from = rightStart;
  }
  out.push({ start: from, end: span.end });
}

/**
 * Where a sentence may end by Unicode's rules (UAX #29): after a Sentence_Terminal
 * or one of the other dots (ATerm). With no line break inside it, a stretch of
 * text without one of these is never cut.
 */
const TERMINAL = /[\p{Sentence_Terminal}\u2024\ufe52\uff0e]/gu;

/** The first TERMINAL at or after a position, asked for at rising positions: each stretch of text is searched once. */
function terminalFinder(text: string): (from: number) => number {
  let askedFrom = 0;
  let found = -1;
  return (from) => {
    if (found < 0 || from < askedFrom || from > found) {
      TERMINAL.lastIndex = from;
      found = TERMINAL.exec(text)?.index ?? text.length;
      askedFrom = from;
    }
    return found;
  };
}

/**
 * Whether the segmenter would return text[start, end) (a stretch without line
 * breaks) whole: it holds no TERMINAL, or only in a closing run of . ! ? then
 * closing quotes and brackets, then spaces ("…sentence.” "), after which the
 * only boundary is the end. Most headlines, captions and one-sentence
 * paragraphs are such a stretch, and asking the segmenter costs far more.
 */
function oneSegment(text: string, start: number, end: number, firstTerminal: number): boolean {
  if (firstTerminal >= end) return true;
  // (A search begun inside a surrogate pair may report the pair itself.)
  if (firstTerminal < start) return false;
  let i = firstTerminal;
  while (i < end && '.!?'.includes(text[i])) i++;
  while (i < end && `"'”’»)]`.includes(text[i])) i++;
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  return i === end;
}

/** Sentence ends of one window, reused. */
const ends: number[] = [];

/**
 * With the root rules, most windows are cut without the segmenter: by the rules
 * themselves where every character is one lib/text/sentence-breaks.ts knows, or
 * whole where nothing can cut them. The ends go to `ends`; false: ask the segmenter.
 */
function rootRuleEnds(text: string, start: number, end: number, nextTerminal: (from: number) => number): boolean {
  ends.length = 0;
  if (sentenceEnds(text, start, end, ends)) return true;
  if (!oneSegment(text, start, end, nextTerminal(start))) return false;
  ends.push(end);
  return true;
}

/** Raw segmenter pieces of one line, trimmed, in order. */
function linePieces(
  text: string,
  lineStart: number,
  lineEnd: number,
  segmenter: Intl.Segmenter,
  nextTerminal: ((from: number) => number) | null,
  out: Span[],
): void {
  let start = lineStart;
  while (start < lineEnd) {
    const end = windowEnd(text, start, lineEnd);
    if (nextTerminal && rootRuleEnds(text, start, end, nextTerminal)) {
      let from = start;
      for (const to of ends) {
        const span = trimmed(text, from, to);
        if (span) splitBeforeNumbers(text, span, out);
        from = to;
      }
      start = end;
      continue;
    }
    const chunk = text.slice(start, end);
    // Segment after segment by containing(): the same segments as iterating, for a
    // fraction of the cost (V8's segment iterator is slow per step).
    const segments = segmenter.segment(chunk);
    for (let i = 0; i < chunk.length; ) {
      const seg = segments.containing(i);
      if (!seg) break;
      const span = trimmed(text, start + seg.index, start + seg.index + seg.segment.length);
      if (span) splitBeforeNumbers(text, span, out);
      i = seg.index + seg.segment.length;
    }
    start = end;
  }
}

/**
 * Sentences of `text` as trimmed, ordered, non-overlapping spans. `locale` picks
 * the segmenter's rules ('en' by default; the punctuation rules are shared by
 * most languages, and CJK full stops split without spaces).
 */
export function splitSentences(text: string, locale = 'en'): Span[] {
  const segmenter = segmenterFor(locale);
  // Only the root rules are known here: a locale's own (tailored) rules always ask the segmenter.
  const nextTerminal = locale === 'en' ? terminalFinder(text) : null;
  const out: Span[] = [];
  const pieces: Span[] = [];
  const lineBreak = /\r\n|[\n\r\u2028\u2029\u0085]/g;
  let lineStart = 0;
  for (;;) {
    const m = lineBreak.exec(text);
    const lineEnd = m ? m.index : text.length;
    pieces.length = 0;
    linePieces(text, lineStart, lineEnd, segmenter, nextTerminal, pieces);
    moveOpeningBrackets(text, pieces);
    let cur: Span | null = null;
    for (const p of pieces) {
      if (cur && shouldJoin(text, cur, p)) cur.end = p.end;
      else {
        if (cur) out.push(cur);
        cur = { start: p.start, end: p.end };
      }
    }
    if (cur) out.push(cur);
    if (!m) break;
    lineStart = m.index + m[0].length;
  }
  return out;
}
