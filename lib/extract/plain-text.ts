/**
 * Article text that is already plain (a .txt file, a <pre> page, pasted text).
 * The text is kept EXACTLY as given: offsets index the input. Only the title is
 * detected, and the lines that are not body prose (the headline, a repeated
 * headline, a deck line) are marked as nonBody.
 */
import type { ExtractedArticle, Span } from '../types';
import { CALL_TO_ACTION, isBylineLine, isDateLine, STOCK_LINE } from './line-kinds';

interface Line extends Span {
  text: string;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m[0].length) {
    const raw = m[0].replace(/[\r\n]+$/, '');
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    lines.push({ start: m.index + lead, end: m.index + lead + trimmed.length, text: trimmed });
    if (re.lastIndex >= text.length) break;
  }
  return lines.filter((l) => l.text.length > 0);
}

const SENTENCE_END = /[.!?。！？…]["'”’)\]]*$/;

/** A headline: short, a few words, no final sentence punctuation. */
function looksLikeHeadline(line: string): boolean {
  const words = line.split(/\s+/).length;
  return line.length <= 150 && words >= 2 && words <= 25 && !SENTENCE_END.test(line) && /\p{L}/u.test(line);
}

/** A standalone one-sentence line (a deck): one sentence, not long. */
function looksLikeDeck(line: string): boolean {
  if (line.length > 300 || line.length < 20) return false;
  const inner = line.replace(SENTENCE_END, '');
  return !/[.!?]\s+["'“‘]?[A-Z]/.test(inner);
}

function key(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export function articleFromText(text: string): ExtractedArticle {
  const lines = linesOf(text);
  const nonBody: Span[] = [];
  let title: string | null = null;

  // The headline is the first headline-like line among the first few (a lead
  // paragraph may come first, as in copied pages). A repeat of it anywhere near
  // the top is also not body, and so is a one-sentence line right after it.
  const head = lines.slice(0, 6);
  // Byline and timestamp lines at the top ("By Jane Doe", "Updated March 3, 2026")
  // are not the headline and not body.
  for (const l of head) {
    if (isBylineLine(l.text) || isDateLine(l.text)) nonBody.push({ start: l.start, end: l.end });
  }
  const hi = head.findIndex((l) => looksLikeHeadline(l.text) && !isBylineLine(l.text) && !isDateLine(l.text));
  if (hi >= 0) {
    const h = head[hi];
    title = h.text;
    const k = key(h.text);
    let last = hi;
    for (let i = 0; i < Math.min(lines.length, hi + 8); i++) {
      if (key(lines[i].text) === k) {
        nonBody.push({ start: lines[i].start, end: lines[i].end });
        if (i > last) last = i;
      }
    }
    // Skip the byline and timestamp lines under the headline.
    const marked = (l: Line) => nonBody.some((sp) => sp.start === l.start);
    while (lines[last + 1] && marked(lines[last + 1])) last++;
    const next = lines[last + 1];
    const after = lines[last + 2];
    // A deck: one sentence on its own line right under the headline. Told apart
    // from a one-sentence lead paragraph (BBC texts: "Title", blank line, a
    // one-sentence first paragraph) by the layout: either the headline block
    // was repeated (copied web pages), or the deck sits directly under the
    // headline while the body starts after a blank line.
    const repeated = nonBody.filter((sp) => key(text.slice(sp.start, sp.end)) === k).length > 1;
    const tightUnderHeadline = next && !/\n\s*\n/.test(text.slice(lines[last].end, next.start));
    const bodyApart = next && after && /\n\s*\n/.test(text.slice(next.end, after.start));
    if (next && after && looksLikeDeck(next.text) && (repeated || (tightUnderHeadline && bodyApart))) {
      nonBody.push({ start: next.start, end: next.end });
    }
  }
  nonBody.sort((a, b) => a.start - b.start);
  return { title, byline: null, siteName: null, lang: null, publishedTime: null, text, nonBody };
}

/**
 * Words of a site's account and legal boxes: a short line holding one is the
 * page's furniture ("A password will be e-mailed to you.", "Remember me",
 * "Sign up for our newsletter"), not its story.
 */
const ACCOUNT_WORDS =
  /\b(?:password|username|log(?:ged)? ?in|log ?out|sign(?:ed)? ?(?:in|up|out)|register(?:ed)?|registration|forgot|remember me|e-?mail(?:ed)? (?:to you|address)|captcha|newsletter|cookies?|privacy policy|terms (?:of|and) (?:use|service|conditions)|all rights reserved)\b/iu;
/** Lines longer than this many words are read as prose, whatever their words. */
const FURNITURE_MAX_WORDS = 16;

/** A line of a page's own furniture by its words: a stock line, a call to action, a date, a byline, an account or legal line. */
function isFurnitureLine(line: string): boolean {
  if (line.split(/\s+/).length > FURNITURE_MAX_WORDS) return false;
  return STOCK_LINE.test(line) || CALL_TO_ACTION.test(line) || ACCOUNT_WORDS.test(line) || isDateLine(line) || isBylineLine(line);
}

/** A short line that is no sentence: a link, a label, a heading ("Remember me", "Sport"). */
function isLabelLine(line: string): boolean {
  return line.split(/\s+/).length <= FURNITURE_MAX_WORDS && !SENTENCE_END.test(line);
}

/**
 * A page's whole visible text (body.innerText) as an article: the text as
 * given, its furniture lines marked nonBody so no key sentence is picked from
 * a sign-in box or a footer, and its labels and links too while sentences are
 * left to read (a page of nothing but headlines is read from its headlines).
 * The page gave no article, so every line is suspect; a selection, which the
 * reader chose, is read as it is.
 */
export function articleFromVisibleText(text: string, meta: { title: string | null; lang: string | null }): ExtractedArticle {
  const lines = linesOf(text).filter((l) => !isFurnitureLine(l.text));
  const sentences = lines.filter((l) => !isLabelLine(l.text));
  const body = sentences.length > 0 ? sentences : lines;
  const nonBody: Span[] = [];
  let from = 0;
  for (const l of body) {
    if (l.start > from) nonBody.push({ start: from, end: l.start });
    from = l.end;
  }
  if (from < text.length) nonBody.push({ start: from, end: text.length });
  return { title: meta.title, byline: null, siteName: null, lang: meta.lang, publishedTime: null, text, nonBody };
}
