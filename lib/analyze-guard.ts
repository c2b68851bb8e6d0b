/**
 * The last check before a reading leaves `analyze`: every offset inside the
 * text, sentences in order and apart, summary indices real and in document
 * order, quote text equal to its span. Each stage is built to give exactly
 * this; the check makes it a guarantee for the UI and the highlighter (a bad
 * offset would paint the wrong words), costs one pass, and returns its input
 * unchanged when nothing is wrong. The property tests check the stages
 * directly, so a stage that needs this net still shows up as a failing test.
 */
import type { Entity, Quote, Span, SummarySentence } from './types';

const isIndex = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

function spanOk(s: Span | null | undefined, length: number): boolean {
  return !!s && isIndex(s.start) && isIndex(s.end) && s.start <= s.end && s.end <= length;
}

/** Spans that lie inside a text of `length` characters (empty spans allowed). */
export function spansInside(spans: Span[], length: number): Span[] {
  return spans.every((s) => spanOk(s, length)) ? spans : spans.filter((s) => spanOk(s, length));
}

/** Non-empty spans inside the text, ordered, not overlapping (a later overlapping span is dropped). */
export function checkedSentences(spans: Span[], length: number): Span[] {
  let ok = true;
  let last = 0;
  for (const s of spans) {
    if (!spanOk(s, length) || s.start === s.end || s.start < last) {
      ok = false;
      break;
    }
    last = s.end;
  }
  if (ok) return spans;
  const out: Span[] = [];
  last = 0;
  for (const s of spans.filter((x) => spanOk(x, length) && x.start < x.end).sort((a, b) => a.start - b.start)) {
    if (s.start < last) continue;
    out.push(s);
    last = s.end;
  }
  return out;
}

export function checkedEntities(entities: Entity[], length: number): Entity[] {
  if (entities.every((e) => e.mentions.length > 0 && e.count === e.mentions.length && e.mentions.every((m) => spanOk(m, length)))) {
    return entities;
  }
  return entities
    .map((e) => {
      const mentions = e.mentions.filter((m) => spanOk(m, length));
      return { ...e, mentions, count: mentions.length };
    })
    .filter((e) => e.mentions.length > 0);
}

export function checkedQuotes(quotes: Quote[], text: string): Quote[] {
  const spanFits = (q: Quote) => spanOk(q.span, text.length) && q.span.start <= q.start && q.end <= q.span.end;
  const good = (q: Quote) =>
    spanOk(q, text.length) && q.text === text.slice(q.start, q.end) && spanFits(q) && (q.speakerMention === null || spanOk(q.speakerMention, text.length));
  if (quotes.every(good)) return quotes;
  return quotes
    .filter((q) => spanOk(q, text.length))
    .map((q) => ({
      ...q,
      text: text.slice(q.start, q.end),
      span: spanFits(q) ? q.span : { start: q.start, end: q.end },
      speakerMention: q.speakerMention && spanOk(q.speakerMention, text.length) ? q.speakerMention : null,
    }));
}

/** Distinct indices of real sentences, in document order. */
export function checkedSummary(summary: SummarySentence[], sentenceCount: number): SummarySentence[] {
  const valid = (s: SummarySentence) => isIndex(s.sentence) && s.sentence < sentenceCount && Number.isFinite(s.score);
  if (summary.every((s, i) => valid(s) && (i === 0 || s.sentence > summary[i - 1].sentence))) return summary;
  const seen = new Set<number>();
  return summary
    .filter((s) => valid(s) && !seen.has(s.sentence) && seen.add(s.sentence))
    .sort((a, b) => a.sentence - b.sentence);
}
