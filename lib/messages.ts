/**
 * The one message protocol between the popup and the content script.
 *
 * Every message has a `type`. Both ends check each message on arrival with the
 * validators below (shape, types, ranges): a message that fails the check is
 * dropped and logged, never acted on. The content script is reached from a web
 * page's tab, so it treats its input as untrusted; the popup treats replies the
 * same way because they carry page text.
 *
 * Pure: no extension APIs here. The entrypoints own `browser.*` and pass
 * messages through `dispatch` / `validateReply`.
 */
import { isColour, type HighlightColours } from './settings';
import type { AnalyzeResult, Analysis, Span } from './types';

export const SUMMARY_LENGTHS = [3, 5, 7, 'auto'] as const;
export type SummaryLength = (typeof SUMMARY_LENGTHS)[number];

/** What to read: the extracted article, the user's selection, or all visible text of the page. */
export const TEXT_SOURCES = ['article', 'selection', 'visible'] as const;
export type TextSource = (typeof TEXT_SOURCES)[number];

export const FOCUS_KINDS = ['keySentence', 'quote'] as const;
export type FocusKind = (typeof FOCUS_KINDS)[number];

export type Request =
  /** Analyze (or reuse the cached analysis of) the page, paint highlights when `highlights` is on. */
  | { type: 'analyze'; sentences: SummaryLength; source: TextSource; highlights: boolean }
  /** Recompute only the key sentences of the cached analysis. */
  | { type: 'setSentences'; sentences: SummaryLength }
  /** Show or hide all page highlights. */
  | { type: 'highlights'; on: boolean }
  /** Scroll to the index-th key sentence or quote and flash it. */
  | { type: 'focus'; kind: FocusKind; index: number }
  /** Highlight every mention of the index-th entity; null clears the entity highlight. */
  | { type: 'highlightEntity'; index: number | null }
  /**
   * The popup has put the style sheet for these colours into the tab (scripting.insertCSS; null: none). The
   * content script remembers them for as long as its document lives and answers with the ones before, so the
   * popup inserts a sheet only when the colours changed and removes the old one.
   */
  | { type: 'styled'; colours: HighlightColours | null };

export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** How many passages of each kind the analysis found and how many were found again in the live page. */
export interface AnchorCount {
  found: number;
  anchored: number;
}

export interface AnchorReport {
  keySentences: AnchorCount;
  quotes: AnchorCount;
  /** Whether highlights were painted for this reply. */
  painted: boolean;
  /** False when the page's browser cannot paint highlights at all (no CSS Custom Highlight API). */
  supported: boolean;
  /** Set when the page is too large to colour without freezing it (lib/highlight.ts, tooLargeToPaint): nothing painted. */
  tooLarge?: true;
}

export interface ReplyTiming {
  /** Time spent in the analysis (0 when the cached analysis was reused). */
  analyzeMs: number;
  /** From the request's arrival to highlights painted (or to the reply when not painting). */
  totalMs: number;
  /** True when the analysis came from the content script's cache. */
  cached: boolean;
}

export type Reply =
  | { type: 'analysis'; result: AnalyzeResult; anchoring: AnchorReport; timing: ReplyTiming }
  | { type: 'ok' }
  /** `tooLarge`: the page is too large to colour (lib/highlight.ts): the popup puts no style sheet in. */
  | { type: 'styled'; previous: HighlightColours | null; tooLarge?: true }
  | { type: 'error'; message: string };

export type ReplyOf<T extends Reply['type']> = Extract<Reply, { type: T }>;

export type Validation<T> = { ok: true; value: T } | { ok: false; problem: string };

// ---------------------------------------------------------------------------
// Small checks

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isIndex(v: unknown, below = Number.MAX_SAFE_INTEGER): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < below;
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function oneOf<T>(values: readonly T[], v: unknown): v is T {
  return values.includes(v as T);
}

function hasOnlyKeys(o: Obj, keys: string[]): boolean {
  return Object.keys(o).every((k) => keys.includes(k));
}

const COLOUR_KEYS = ['keySentence', 'quote', 'entity'];

/** Exactly the three highlight colours, each #rrggbb (nothing else may reach a style sheet). */
function coloursOk(v: unknown): v is HighlightColours {
  return isObj(v) && Object.keys(v).length === COLOUR_KEYS.length && COLOUR_KEYS.every((k) => isColour(v[k]));
}

function isSpanIn(v: unknown, length: number): v is Span {
  return isObj(v) && isIndex(v.start, length + 1) && isIndex(v.end, length + 1) && v.start <= v.end;
}

// ---------------------------------------------------------------------------
// Requests

const requestChecks: { [K in RequestType]: (m: Obj) => string | null } = {
  analyze: (m) =>
    !oneOf(SUMMARY_LENGTHS, m.sentences)
      ? 'sentences must be 3, 5, 7 or "auto"'
      : !oneOf(TEXT_SOURCES, m.source)
        ? 'source must be article, selection or visible'
        : typeof m.highlights !== 'boolean'
          ? 'highlights must be a boolean'
          : null,
  setSentences: (m) => (oneOf(SUMMARY_LENGTHS, m.sentences) ? null : 'sentences must be 3, 5, 7 or "auto"'),
  highlights: (m) => (typeof m.on === 'boolean' ? null : 'on must be a boolean'),
  focus: (m) =>
    !oneOf(FOCUS_KINDS, m.kind)
      ? 'kind must be keySentence or quote'
      : !isIndex(m.index, 100_000)
        ? 'index must be a non-negative integer'
        : null,
  highlightEntity: (m) => (m.index === null || isIndex(m.index, 100_000) ? null : 'index must be an integer or null'),
  styled: (m) => (m.colours === null || coloursOk(m.colours) ? null : 'colours must be three #rrggbb colours or null'),
};

const requestKeys: { [K in RequestType]: string[] } = {
  analyze: ['type', 'sentences', 'source', 'highlights'],
  setSentences: ['type', 'sentences'],
  highlights: ['type', 'on'],
  focus: ['type', 'kind', 'index'],
  highlightEntity: ['type', 'index'],
  styled: ['type', 'colours'],
};

export function validateRequest(raw: unknown): Validation<Request> {
  if (!isObj(raw)) return { ok: false, problem: 'not an object' };
  const type = raw.type;
  if (typeof type !== 'string' || !Object.hasOwn(requestChecks, type)) {
    return { ok: false, problem: `unknown type ${JSON.stringify(type)}` };
  }
  const t = type as RequestType;
  if (!hasOnlyKeys(raw, requestKeys[t])) return { ok: false, problem: `unexpected fields in ${t}` };
  const problem = requestChecks[t](raw);
  return problem ? { ok: false, problem: `${t}: ${problem}` } : { ok: true, value: raw as unknown as Request };
}

// ---------------------------------------------------------------------------
// Replies

const ENTITY_TYPES = ['person', 'organization', 'place'];
const NO_ARTICLE_REASONS = ['empty', 'not-readerable', 'too-short'];
const ENTITY_LIMITS = ['language'];

/**
 * The most a reply may carry. Every array is bounded by the text it indexes
 * (sentences, mentions and quotes are non-empty, apart, inside it), and the text
 * by the analysis limit: `analyze` reads at most DEFAULT_MAX_CHARS (lib/analyze.ts,
 * 2,000,000) characters, and test/unit/messages.test.ts keeps the two equal.
 */
export const REPLY_LIMITS = {
  /** Characters of analysed text (DEFAULT_MAX_CHARS). */
  textChars: 2_000_000,
  /** Key sentences: the longest summary length the popup asks for (7, also the most 'auto' picks). */
  summary: 7,
  /** Characters of a title, byline, site name, language or date. */
  metaChars: 100_000,
  /** Characters of an entity's name or alias, and of a quote's speaker. */
  nameChars: 1_000,
  /** Characters of an error or no-article message. */
  messageChars: 10_000,
  /** Timing fields of an analysis. */
  timings: 20,
} as const;

/** The fields an Analysis has, and the ones it may have (lib/types.ts). */
const ANALYSIS_KEYS = ['ok', 'title', 'byline', 'siteName', 'lang', 'publishedTime', 'text', 'sentences', 'summary', 'entities', 'quotes', 'stats', 'truncated', 'timingMs'];
const ANALYSIS_OPTIONAL_KEYS = ['limits'];
const ENTITY_KEYS = ['name', 'type', 'mentions', 'count', 'aliases'];
const QUOTE_KEYS = ['start', 'end', 'text', 'span', 'speaker', 'speakerMention'];
const SPAN_KEYS = ['start', 'end'];

function hasExactKeys(o: Obj, keys: string[], optional: string[] = []): boolean {
  return keys.every((k) => Object.hasOwn(o, k)) && Object.keys(o).every((k) => keys.includes(k) || optional.includes(k));
}

function isShortString(v: unknown, max: number): v is string {
  return typeof v === 'string' && v.length <= max;
}

/** A span of exactly {start, end} inside a text of `length` characters. */
function isExactSpan(v: unknown, length: number): v is Span {
  return isSpanIn(v, length) && hasExactKeys(v as unknown as Obj, SPAN_KEYS);
}

/** Non-empty spans in text order, none overlapping the one before: so at most `length` of them. */
function spansInOrder(list: unknown[], length: number): list is Span[] {
  let last = 0;
  for (const s of list) {
    if (!isExactSpan(s, length) || s.start === s.end || s.start < last) return false;
    last = s.end;
  }
  return true;
}

/** `Analysis.limits`: absent, or an object whose only known field names a known reason. */
function limitsOk(l: unknown): boolean {
  return (
    l === undefined ||
    (isObj(l) && hasOnlyKeys(l, ['entities', 'page']) && (l.entities === undefined || oneOf(ENTITY_LIMITS, l.entities)) && pageLimitsOk(l.page))
  );
}

/** `limits.page` (issue 17): absent, or budgets that were applied, each a positive whole number. */
function pageLimitsOk(p: unknown): boolean {
  return p === undefined || (isObj(p) && hasOnlyKeys(p, ['fileBytes', 'htmlChars', 'elements', 'depth']) && Object.values(p).every((v) => Number.isSafeInteger(v) && (v as number) > 0));
}

function entitiesProblem(entities: unknown, len: number): string | null {
  if (!Array.isArray(entities)) return 'bad entities';
  let mentions = 0;
  for (const e of entities) {
    if (!isObj(e) || !hasExactKeys(e, ENTITY_KEYS) || !oneOf(ENTITY_TYPES, e.type)) return 'bad entities';
    if (!isShortString(e.name, REPLY_LIMITS.nameChars) || !e.name.trim()) return 'bad entities: name';
    if (!Array.isArray(e.mentions) || e.mentions.length === 0 || !spansInOrder(e.mentions, len)) return 'bad entities: mentions';
    if (e.count !== e.mentions.length) return 'bad entities: count is not the number of mentions';
    // Distinct surface forms, the canonical name first: never more than one per mention and the name.
    const aliases = e.aliases;
    if (!Array.isArray(aliases) || aliases.length > e.mentions.length + 1 || !aliases.every((x) => isShortString(x, REPLY_LIMITS.nameChars))) {
      return 'bad entities: aliases';
    }
    if (new Set(aliases).size !== aliases.length) return 'bad entities: aliases repeat';
    // A place in the text names one entity: all of them together cannot outnumber its characters.
    mentions += e.mentions.length;
    if (mentions > len) return 'bad entities: more mentions than characters';
  }
  return null;
}

function quotesProblem(quotes: unknown, text: string): string | null {
  const len = text.length;
  if (!Array.isArray(quotes)) return 'bad quotes';
  // Bounded by the text: no more quotes than characters (each points at its own words in it).
  if (quotes.length > len) return 'bad quotes: more quotes than characters';
  for (const q of quotes) {
    if (!isObj(q) || !hasExactKeys(q, QUOTE_KEYS) || !isSpanIn(q, len) || typeof q.text !== 'string') return 'bad quotes';
    if (q.text !== text.slice(q.start, q.end)) return "bad quotes: a quote's text is not the text it points at";
    if (!isExactSpan(q.span, len) || q.span.start > q.start || q.end > q.span.end) return "bad quotes: span does not hold the quote";
    if (!(q.speaker === null || isShortString(q.speaker, REPLY_LIMITS.nameChars))) return 'bad quotes: speaker';
    if (!(q.speakerMention === null || isExactSpan(q.speakerMention, len))) return 'bad quotes: speakerMention';
  }
  return null;
}

/**
 * Checks an Analysis deeply enough that the popup can index into it without
 * guarding every access, bounded in size (REPLY_LIMITS) and consistent in itself:
 * offsets inside the text, sentences and mentions in order and apart, summary
 * indices distinct and in order, each entity's count its number of mentions,
 * each quote's text the slice it points at.
 */
function analysisProblem(a: Obj): string | null {
  if (!hasExactKeys(a, ANALYSIS_KEYS, ANALYSIS_OPTIONAL_KEYS)) return 'unexpected or missing fields in the analysis';
  for (const k of ['title', 'byline', 'siteName', 'lang', 'publishedTime']) {
    if (!(a[k] === null || isShortString(a[k], REPLY_LIMITS.metaChars))) return `${k} must be a string (at most ${REPLY_LIMITS.metaChars} characters) or null`;
  }
  if (typeof a.text !== 'string') return 'text must be a string';
  const text = a.text;
  const len = text.length;
  if (len > REPLY_LIMITS.textChars) return `text longer than ${REPLY_LIMITS.textChars} characters`;
  if (!Array.isArray(a.sentences) || !spansInOrder(a.sentences, len)) return 'bad sentences';
  const nSentences = a.sentences.length;
  if (!Array.isArray(a.summary) || a.summary.length > REPLY_LIMITS.summary) return 'bad summary';
  let last = -1;
  for (const s of a.summary) {
    if (!isObj(s) || !hasExactKeys(s, ['sentence', 'score']) || !isIndex(s.sentence, nSentences) || !isFiniteNumber(s.score)) return 'bad summary';
    if (s.sentence <= last) return 'bad summary: not distinct sentences in document order';
    last = s.sentence;
  }
  const entities = entitiesProblem(a.entities, len);
  if (entities) return entities;
  const quotes = quotesProblem(a.quotes, text);
  if (quotes) return quotes;
  const stats = a.stats;
  if (!isObj(stats) || !hasExactKeys(stats, ['words', 'readingMinutes']) || !isIndex(stats.words, len + 1)) return 'bad stats';
  if (!isFiniteNumber(stats.readingMinutes) || stats.readingMinutes < 0 || stats.readingMinutes > stats.words + 1) return 'bad stats';
  const tr = a.truncated;
  if (
    tr !== null &&
    !(isObj(tr) && hasExactKeys(tr, ['originalChars', 'analyzedChars']) && tr.analyzedChars === len && isIndex(tr.originalChars) && tr.originalChars >= len)
  ) {
    return 'bad truncated';
  }
  if (!limitsOk(a.limits)) return 'bad limits';
  const timing = a.timingMs;
  if (!isObj(timing) || Object.keys(timing).length > REPLY_LIMITS.timings || !Object.values(timing).every((v) => isFiniteNumber(v) && v >= 0)) {
    return 'bad timingMs';
  }
  return null;
}

function resultProblem(r: unknown): string | null {
  if (!isObj(r)) return 'result must be an object';
  if (r.ok === false) {
    if (!hasExactKeys(r, ['ok', 'reason', 'message', 'title'])) return 'unexpected or missing fields in the no-article result';
    if (!oneOf(NO_ARTICLE_REASONS, r.reason)) return 'bad no-article reason';
    if (!isShortString(r.message, REPLY_LIMITS.messageChars) || !(r.title === null || isShortString(r.title, REPLY_LIMITS.metaChars))) {
      return 'bad no-article message';
    }
    return null;
  }
  if (r.ok !== true) return 'result.ok must be a boolean';
  return analysisProblem(r);
}

function anchorCountOk(c: unknown, found: number): boolean {
  return isObj(c) && hasExactKeys(c, ['found', 'anchored']) && c.found === found && isIndex(c.anchored) && c.anchored <= c.found;
}

/** The anchoring report counts the reading's own passages: its key sentences and quotes (none without an article). */
function anchoringProblem(an: unknown, result: AnalyzeResult): string | null {
  const keys = result.ok ? result.summary.length : 0;
  const quotes = result.ok ? result.quotes.length : 0;
  if (!isObj(an) || !hasExactKeys(an, ['keySentences', 'quotes', 'painted', 'supported'], ['tooLarge'])) return 'bad anchoring';
  if ('tooLarge' in an && (an.tooLarge !== true || an.painted !== false)) return 'bad anchoring: a page too large to paint has nothing painted';
  if (!anchorCountOk(an.keySentences, keys) || !anchorCountOk(an.quotes, quotes)) return 'bad anchoring: counts are not those of the reading';
  if (typeof an.painted !== 'boolean' || typeof an.supported !== 'boolean' || (an.painted && !an.supported)) return 'bad anchoring';
  return null;
}

export function validateReply(raw: unknown): Validation<Reply> {
  if (!isObj(raw)) return { ok: false, problem: 'no reply' };
  switch (raw.type) {
    case 'ok':
      return { ok: true, value: { type: 'ok' } };
    case 'styled': {
      if (!hasExactKeys(raw, ['type', 'previous'], ['tooLarge']) || ('tooLarge' in raw && raw.tooLarge !== true)) {
        return { ok: false, problem: 'styled: unexpected or missing fields' };
      }
      if (raw.previous !== null && !coloursOk(raw.previous)) return { ok: false, problem: 'styled: previous must be three #rrggbb colours or null' };
      const previous = raw.previous === null ? null : { ...raw.previous };
      return { ok: true, value: raw.tooLarge ? { type: 'styled', previous, tooLarge: true } : { type: 'styled', previous } };
    }
    case 'error':
      return isShortString(raw.message, REPLY_LIMITS.messageChars)
        ? { ok: true, value: { type: 'error', message: raw.message } }
        : { ok: false, problem: `error: message must be a string of at most ${REPLY_LIMITS.messageChars} characters` };
    case 'analysis': {
      if (!hasExactKeys(raw, ['type', 'result', 'anchoring', 'timing'])) return { ok: false, problem: 'analysis: unexpected or missing fields' };
      const problem = resultProblem(raw.result);
      if (problem) return { ok: false, problem: `analysis: ${problem}` };
      const anchoring = anchoringProblem(raw.anchoring, raw.result as AnalyzeResult);
      if (anchoring) return { ok: false, problem: `analysis: ${anchoring}` };
      const t = raw.timing;
      if (
        !isObj(t) ||
        !hasExactKeys(t, ['analyzeMs', 'totalMs', 'cached']) ||
        !isFiniteNumber(t.analyzeMs) ||
        !isFiniteNumber(t.totalMs) ||
        t.analyzeMs < 0 ||
        t.totalMs < 0 ||
        typeof t.cached !== 'boolean'
      ) {
        return { ok: false, problem: 'analysis: bad timing' };
      }
      return { ok: true, value: raw as unknown as Reply };
    }
    default:
      return { ok: false, problem: `unknown reply type ${JSON.stringify(raw.type)}` };
  }
}

// ---------------------------------------------------------------------------
// Dispatch

/** One handler per request type: adding a message is adding one entry. */
export type Handlers = { [K in RequestType]: (message: RequestOf<K>) => Reply | Promise<Reply> };

export interface Sender {
  /** The sending extension's id. */
  id?: string;
  /** Set when the sender lives in a tab: a content script, or one of our pages opened as a tab. */
  tab?: unknown;
  /** The sending document's URL, when the browser reports it. */
  url?: string;
}

/**
 * Only our own extension pages may drive the content script: not other
 * extensions, not content scripts (ours or another's) in web pages. `ownOrigin`
 * is our pages' origin, e.g. "chrome-extension://<id>/".
 */
export function isTrustedSender(sender: Sender, ownId: string, ownOrigin: string): boolean {
  if (sender.id !== ownId) return false;
  if (sender.url !== undefined) return sender.url.startsWith(ownOrigin);
  return sender.tab === undefined;
}

export type Log = (problem: string, message: unknown) => void;

/**
 * Validates a raw message and runs its handler. Returns undefined, and logs,
 * when the message is dropped, so the listener sends no reply at all.
 */
export function dispatch(handlers: Handlers, raw: unknown, log: Log): Promise<Reply> | undefined {
  const checked = validateRequest(raw);
  if (!checked.ok) {
    log(`dropped message: ${checked.problem}`, raw);
    return undefined;
  }
  const message = checked.value;
  const handler = handlers[message.type] as (m: Request) => Reply | Promise<Reply>;
  return Promise.resolve()
    .then(() => handler(message))
    .catch((err: unknown) => ({ type: 'error', message: err instanceof Error ? err.message : String(err) }) as const);
}

/** Narrow a validated analysis reply to the article case. */
export function isArticle(result: AnalyzeResult): result is { ok: true } & Analysis {
  return result.ok === true;
}

/**
 * Key sentences in document order: the order the popup numbers them in and the
 * order `focus {kind: 'keySentence', index}` counts in.
 */
export function keySentenceSpans(a: Pick<Analysis, 'sentences' | 'summary'>): Span[] {
  return [...a.summary].sort((x, y) => x.sentence - y.sentence).map((s) => a.sentences[s.sentence]);
}
