/**
 * The one entry point of the analysis core: a Document, a text, or an already
 * extracted article in; a serializable reading (`Analysis`) or a typed
 * "no article" out. Pure: no globals, no extension APIs, runs in the content
 * script and in Node alike.
 *
 * It never throws and never returns an invalid reading: whatever a page holds
 * (see test/fixtures/hostile/ and test/unit/properties.test.ts), the caller
 * gets an `Analysis` whose offsets lie inside its text, or a `NoArticle`.
 * Text beyond `maxChars` is not read, and `truncated` says so; entities of a
 * text that is not English are limited, and `limits.entities` says so; a page
 * over the budget of lib/extract/budget.ts is read in part, and `limits.page`
 * says what was left out.
 */
import { extractArticle, articleFromText } from './extract';
import { splitSentences } from './sentences';
import { keySentences, autoSummaryLength } from './summarize';
import { findEntities } from './entities';
import { entitiesForOtherLanguages } from './entities/other-languages';
import { isEnglishText } from './language';
import { findQuotes } from './quotes';
import { textStats } from './stats';
import { mergePageLimits, pageLimitNotes } from './limits';
import { checkedEntities, checkedQuotes, checkedSentences, checkedSummary, spansInside } from './analyze-guard';
import type {
  AnalyzeOptions,
  AnalyzeResult,
  Entity,
  ExtractedArticle,
  NoArticle,
  Quote,
  Span,
  Stats,
  SummarySentence,
  TimingMs,
} from './types';

/** Characters of article text analyzed at most (about 300k words); the rest is reported as truncated. */
export const DEFAULT_MAX_CHARS = 2_000_000;

export type AnalyzeInput = Document | string | ExtractedArticle;

function isDocument(input: unknown): input is Document {
  return typeof input === 'object' && input !== null && 'documentElement' in input;
}

function defaultNow(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** A sentence end: Latin/Arabic stops need a space after them, CJK full stops do not (no spaces between words). */
const SENTENCE_END = /[.!?؟…]["'”’»)\]]*\s|[。！？]["'”’」』)\]]*/g;

/** Never end a cut between the two halves of a surrogate pair. */
function safeCut(text: string, at: number): number {
  const c = text.charCodeAt(at - 1);
  return at > 0 && c >= 0xd800 && c <= 0xdbff ? at - 1 : at;
}

/**
 * Cut the text near `max` so no sentence is half-read: at the last paragraph
 * break in the final fifth of the window, else after the last sentence end,
 * else at the last whitespace, else (one endless word) at `max` itself.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const window = text.slice(0, safeCut(text, max));
  const floor = window.length * 0.8;
  const para = window.lastIndexOf('\n\n');
  if (para > floor) return window.slice(0, para);
  let stop = -1;
  // Only the last fifth is searched for sentence ends: one regex pass over it.
  const tailStart = Math.floor(floor);
  const tail = window.slice(tailStart);
  for (const m of tail.matchAll(SENTENCE_END)) stop = tailStart + m.index + m[0].length;
  if (stop > floor) return window.slice(0, stop).trimEnd();
  const space = Math.max(window.lastIndexOf(' '), window.lastIndexOf('\n'));
  return space > floor ? window.slice(0, space) : window;
}

function clipSpans(spans: Span[], limit: number): Span[] {
  return spans.filter((s) => s.start < limit).map((s) => ({ start: s.start, end: Math.min(s.end, limit) }));
}

function noArticle(reason: NoArticle['reason'], message: string, title: string | null): NoArticle {
  return { ok: false, reason, message, title };
}

/** Run one stage (and its check); if it throws, the reading goes on without it rather than failing whole. */
function attempt<T>(stage: () => T, fallback: T): T {
  try {
    return stage();
  } catch {
    return fallback;
  }
}

function validCount(n: unknown): number | null {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.floor(n) : null;
}

export function analyze(input: AnalyzeInput, options: AnalyzeOptions = {}): AnalyzeResult {
  const now = options.now ?? defaultNow;
  // A limit that is not a positive number (0, NaN, negative) means the default.
  const maxChars = validCount(options.maxChars) || DEFAULT_MAX_CHARS;
  const t0 = now();

  let precutFrom = 0; // the raw length, when a string input was cut before extraction
  let article: ExtractedArticle | NoArticle;
  try {
    if (isDocument(input)) article = extractArticle(input, { url: options.url, ownsDocument: options.ownsDocument });
    else if (typeof input === 'string') {
      // A huge plain text is cut before it is even split into lines; a little
      // slack leaves room for whitespace the text extraction folds away.
      const slack = Math.ceil(maxChars * 1.25) + 1024;
      if (input.length > slack) precutFrom = input.length;
      article = articleFromText(precutFrom ? input.slice(0, safeCut(input, slack)) : input);
    } else article = input;
  } catch {
    const title = isDocument(input) ? attempt(() => input.title || null, null) : null;
    return noArticle('not-readerable', 'This page could not be read.', title);
  }
  if ('ok' in article && article.ok === false) {
    // A refusal says what the caller had already left out too (a file cut before parsing).
    const notes = pageLimitNotes(options.inputLimits);
    return notes.length ? { ...article, message: [article.message, ...notes].join(' ') } : article;
  }
  const extracted = article as ExtractedArticle;
  const page = attempt(() => mergePageLimits(options.inputLimits, extracted.pageLimits), undefined);
  if (typeof extracted.text !== 'string' || !extracted.text.trim()) {
    return noArticle('empty', 'There is no text to read here.', extracted.title ?? null);
  }
  const t1 = now();

  const text = truncateText(extracted.text, maxChars);
  const truncated =
    precutFrom || text.length < extracted.text.length
      ? { originalChars: precutFrom || extracted.text.length, analyzedChars: text.length }
      : null;
  const nonBody = attempt(() => spansInside(clipSpans(extracted.nonBody ?? [], text.length), text.length), [] as Span[]);

  const sentences = attempt(() => checkedSentences(splitSentences(text), text.length), [] as Span[]);
  const t2 = now();
  // The entity model knows English only: elsewhere it reads capitalised nouns as
  // names, so only the names the lists vouch for are kept, and the reading says so.
  const english = attempt(() => isEnglishText(text, extracted.lang ?? null), true);
  const entities = attempt(() => {
    const found = checkedEntities(findEntities(text, sentences), text.length);
    return english ? found : entitiesForOtherLanguages(found);
  }, [] as Entity[]);
  const t3 = now();
  const quotes = attempt(() => checkedQuotes(findQuotes(text, sentences, entities), text), [] as Quote[]);
  const t4 = now();
  const asked = options.sentences === undefined || options.sentences === 'auto' ? null : validCount(options.sentences);
  const count = asked ?? attempt(() => autoSummaryLength(text, sentences, nonBody), Math.min(3, sentences.length));
  const summary = attempt(
    () => checkedSummary(keySentences(text, sentences, { count, title: extracted.title, nonBody, entities }), sentences.length),
    [] as SummarySentence[],
  );
  const t5 = now();
  const stats = attempt((): Stats => textStats(text), { words: 0, readingMinutes: 0 });
  const t6 = now();

  const timingMs: TimingMs = {
    extract: t1 - t0,
    sentences: t2 - t1,
    entities: t3 - t2,
    quotes: t4 - t3,
    summary: t5 - t4,
    // The whole call, word count included.
    total: t6 - t0,
  };
  return {
    ok: true,
    title: extracted.title ?? null,
    byline: extracted.byline ?? null,
    siteName: extracted.siteName ?? null,
    lang: extracted.lang ?? null,
    publishedTime: extracted.publishedTime ?? null,
    text,
    sentences,
    summary,
    entities,
    quotes,
    stats,
    truncated,
    ...(english && !page ? {} : { limits: { ...(english ? {} : { entities: 'language' as const }), ...(page ? { page } : {}) } }),
    timingMs,
  };
}
