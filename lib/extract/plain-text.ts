/**
 * Article text that is already plain (a .txt file, a <pre> page, pasted text).
 * The text is kept EXACTLY as given: offsets index the input. Only the title is
 * detected, and the lines that are not body prose (the headline, a repeated
 * headline, a deck line) are marked as nonBody.
 */
import type { ExtractedArticle, Span } from '../types';
import { isBylineLine, isDateLine } from './line-kinds';

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
