/**
 * What every result of `analyze` must satisfy, whatever the input: a typed
 * NoArticle, or an Analysis whose offsets all lie inside its text. Returns the
 * problems found (empty when valid), so property tests can use it as a
 * predicate and example tests can print what went wrong.
 */
import type { AnalyzeResult, Entity, Quote, Span, SummarySentence } from '../../lib/types';

const REASONS = new Set(['empty', 'not-readerable', 'too-short']);
const TYPES = new Set(['person', 'organization', 'place']);
const isIndex = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

export function spanProblem(s: Span | null | undefined, length: number): string | null {
  if (!s || !isIndex(s.start) || !isIndex(s.end)) return `not a span: ${JSON.stringify(s)}`;
  if (s.start > s.end || s.end > length) return `span ${s.start}-${s.end} outside text of ${length}`;
  return null;
}

/** Sentences: non-empty, inside the text, in order, not overlapping. */
export function sentenceProblems(sentences: Span[], length: number): string[] {
  const out: string[] = [];
  let last = 0;
  sentences.forEach((s, i) => {
    const p = spanProblem(s, length);
    if (p) out.push(`sentence ${i}: ${p}`);
    else if (s.start === s.end) out.push(`sentence ${i} is empty`);
    else if (s.start < last) out.push(`sentence ${i} (${s.start}) starts before the previous one ends (${last})`);
    else last = s.end;
  });
  return out;
}

export function summaryProblems(summary: SummarySentence[], sentenceCount: number): string[] {
  const out: string[] = [];
  summary.forEach((s, i) => {
    if (!isIndex(s.sentence) || s.sentence >= sentenceCount) out.push(`summary ${i}: no sentence ${s.sentence} (of ${sentenceCount})`);
    else if (i > 0 && s.sentence <= summary[i - 1].sentence) out.push(`summary ${i}: not in document order`);
    if (!Number.isFinite(s.score)) out.push(`summary ${i}: score ${s.score}`);
  });
  return out;
}

export function entityProblems(entities: Entity[], length: number): string[] {
  const out: string[] = [];
  for (const e of entities) {
    if (!e.name || !TYPES.has(e.type)) out.push(`entity ${JSON.stringify(e.name)}: bad name or type ${e.type}`);
    if (e.mentions.length === 0 || e.count !== e.mentions.length) out.push(`entity ${e.name}: count ${e.count} vs ${e.mentions.length} mentions`);
    for (const m of e.mentions) {
      const p = spanProblem(m, length);
      if (p) out.push(`entity ${e.name} mention: ${p}`);
    }
  }
  return out;
}

export function quoteProblems(quotes: Quote[], text: string): string[] {
  const out: string[] = [];
  quotes.forEach((q, i) => {
    const p = spanProblem(q, text.length) ?? (q.speakerMention ? spanProblem(q.speakerMention, text.length) : null);
    if (p) out.push(`quote ${i}: ${p}`);
    else if (q.text !== text.slice(q.start, q.end)) out.push(`quote ${i}: text differs from text.slice(start, end)`);
    else if (spanProblem(q.span, text.length) || q.span.start > q.start || q.end > q.span.end) out.push(`quote ${i}: span does not hold the quote`);
  });
  return out;
}

export function analysisProblems(r: AnalyzeResult): string[] {
  if (!r || typeof r !== 'object') return ['not an object'];
  if (!r.ok) {
    const out: string[] = [];
    if (!REASONS.has(r.reason)) out.push(`unknown reason ${r.reason}`);
    if (typeof r.message !== 'string' || !r.message) out.push('no message');
    return out;
  }
  const { text } = r;
  if (typeof text !== 'string') return ['text is not a string'];
  const out = [
    ...sentenceProblems(r.sentences, text.length),
    ...summaryProblems(r.summary, r.sentences.length),
    ...entityProblems(r.entities, text.length),
    ...quoteProblems(r.quotes, text),
  ];
  if (!isIndex(r.stats.words) || !(r.stats.readingMinutes >= 0)) out.push(`bad stats ${JSON.stringify(r.stats)}`);
  if (r.truncated && (r.truncated.analyzedChars !== text.length || r.truncated.originalChars <= text.length)) {
    out.push(`bad truncated ${JSON.stringify(r.truncated)} for text of ${text.length}`);
  }
  for (const [k, v] of Object.entries(r.timingMs)) if (!(Number.isFinite(v) && v >= 0)) out.push(`timing ${k} = ${v}`);
  return out;
}
