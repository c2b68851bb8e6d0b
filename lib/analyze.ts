/**
 * The one entry point of the analysis core: a Document, a text, or an already
 * extracted article in; a serializable reading (`Analysis`) or a typed
 * "no article" out. Pure: no globals, no extension APIs, runs in the content
 * script and in Node alike.
 */
import { extractArticle, articleFromText } from './extract';
import { splitSentences } from './sentences';
import { keySentences, autoSummaryLength } from './summarize';
import { findEntities } from './entities';
import { findQuotes } from './quotes';
import { textStats } from './stats';
import type {
  AnalyzeOptions,
  AnalyzeResult,
  ExtractedArticle,
  NoArticle,
  Span,
  TimingMs,
} from './types';

export const DEFAULT_MAX_CHARS = 2_000_000;

export type AnalyzeInput = Document | string | ExtractedArticle;

function isDocument(input: unknown): input is Document {
  return typeof input === 'object' && input !== null && 'documentElement' in input;
}

function defaultNow(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** Cut the text at a paragraph or sentence boundary near `max` so no sentence is half-read. */
function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const window = text.slice(0, max);
  const para = window.lastIndexOf('\n\n');
  if (para > max * 0.8) return window.slice(0, para);
  const stop = Math.max(window.lastIndexOf('. '), window.lastIndexOf('\n'));
  return stop > max * 0.8 ? window.slice(0, stop + 1) : window;
}

function clipSpans(spans: Span[], limit: number): Span[] {
  return spans.filter((s) => s.start < limit).map((s) => ({ start: s.start, end: Math.min(s.end, limit) }));
}

export function analyze(input: AnalyzeInput, options: AnalyzeOptions = {}): AnalyzeResult {
  const now = options.now ?? defaultNow;
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const t0 = now();

  let article: ExtractedArticle | NoArticle;
  if (isDocument(input)) article = extractArticle(input, { url: options.url });
  else if (typeof input === 'string') article = articleFromText(input);
  else article = input;
  if ('ok' in article && article.ok === false) return article;
  const extracted = article as ExtractedArticle;
  const t1 = now();

  const originalChars = extracted.text.length;
  const text = truncateText(extracted.text, maxChars);
  const truncated = text.length < originalChars ? { originalChars, analyzedChars: text.length } : null;
  const nonBody = truncated ? clipSpans(extracted.nonBody, text.length) : extracted.nonBody;

  const sentences = splitSentences(text);
  const t2 = now();
  const entities = findEntities(text, sentences);
  const t3 = now();
  const quotes = findQuotes(text, sentences, entities);
  const t4 = now();
  const count =
    options.sentences === undefined || options.sentences === 'auto'
      ? autoSummaryLength(text, sentences, nonBody)
      : Math.max(0, Math.floor(options.sentences));
  const summary = keySentences(text, sentences, {
    count,
    title: extracted.title,
    nonBody,
    entities,
  });
  const t5 = now();

  const timingMs: TimingMs = {
    extract: t1 - t0,
    sentences: t2 - t1,
    entities: t3 - t2,
    quotes: t4 - t3,
    summary: t5 - t4,
    total: t5 - t0,
  };
  return {
    ok: true,
    title: extracted.title,
    byline: extracted.byline,
    siteName: extracted.siteName,
    lang: extracted.lang,
    publishedTime: extracted.publishedTime,
    text,
    sentences,
    summary,
    entities,
    quotes,
    stats: textStats(text),
    truncated,
    timingMs,
  };
}
