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
  | { type: 'highlightEntity'; index: number | null };

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

function isStringOrNull(v: unknown): v is string | null {
  return v === null || typeof v === 'string';
}

function oneOf<T>(values: readonly T[], v: unknown): v is T {
  return values.includes(v as T);
}

function hasOnlyKeys(o: Obj, keys: string[]): boolean {
  return Object.keys(o).every((k) => keys.includes(k));
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
};

const requestKeys: { [K in RequestType]: string[] } = {
  analyze: ['type', 'sentences', 'source', 'highlights'],
  setSentences: ['type', 'sentences'],
  highlights: ['type', 'on'],
  focus: ['type', 'kind', 'index'],
  highlightEntity: ['type', 'index'],
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

/** Checks an Analysis deeply enough that the popup can index into it without guarding every access. */
function analysisProblem(a: Obj): string | null {
  for (const k of ['title', 'byline', 'siteName', 'lang', 'publishedTime']) {
    if (!isStringOrNull(a[k])) return `${k} must be a string or null`;
  }
  if (typeof a.text !== 'string') return 'text must be a string';
  const len = a.text.length;
  if (!Array.isArray(a.sentences) || !a.sentences.every((s) => isSpanIn(s, len))) return 'bad sentences';
  const nSentences = a.sentences.length;
  if (!Array.isArray(a.summary) || !a.summary.every((s) => isObj(s) && isIndex(s.sentence, nSentences) && isFiniteNumber(s.score))) {
    return 'bad summary';
  }
  if (
    !Array.isArray(a.entities) ||
    !a.entities.every(
      (e) =>
        isObj(e) &&
        typeof e.name === 'string' &&
        oneOf(ENTITY_TYPES, e.type) &&
        Array.isArray(e.mentions) &&
        e.mentions.every((m) => isSpanIn(m, len)) &&
        isIndex(e.count) &&
        Array.isArray(e.aliases) &&
        e.aliases.every((x) => typeof x === 'string'),
    )
  ) {
    return 'bad entities';
  }
  if (
    !Array.isArray(a.quotes) ||
    !a.quotes.every(
      (q: unknown) =>
        isObj(q) &&
        isSpanIn(q, len) &&
        isSpanIn(q.span, len) &&
        q.span.start <= q.start &&
        q.end <= q.span.end &&
        typeof q.text === 'string' &&
        isStringOrNull(q.speaker) &&
        (q.speakerMention === null || isSpanIn(q.speakerMention, len)),
    )
  ) {
    return 'bad quotes';
  }
  const stats = a.stats;
  if (!isObj(stats) || !isIndex(stats.words) || !isFiniteNumber(stats.readingMinutes)) return 'bad stats';
  const tr = a.truncated;
  if (tr !== null && !(isObj(tr) && isIndex(tr.originalChars) && isIndex(tr.analyzedChars))) return 'bad truncated';
  if (!limitsOk(a.limits)) return 'bad limits';
  if (!isObj(a.timingMs) || !Object.values(a.timingMs).every(isFiniteNumber)) return 'bad timingMs';
  return null;
}

function resultProblem(r: unknown): string | null {
  if (!isObj(r)) return 'result must be an object';
  if (r.ok === false) {
    if (!oneOf(NO_ARTICLE_REASONS, r.reason)) return 'bad no-article reason';
    if (typeof r.message !== 'string' || !isStringOrNull(r.title)) return 'bad no-article message';
    return null;
  }
  if (r.ok !== true) return 'result.ok must be a boolean';
  return analysisProblem(r);
}

function anchorCountOk(c: unknown): boolean {
  return isObj(c) && isIndex(c.found) && isIndex(c.anchored) && c.anchored <= c.found;
}

export function validateReply(raw: unknown): Validation<Reply> {
  if (!isObj(raw)) return { ok: false, problem: 'no reply' };
  switch (raw.type) {
    case 'ok':
      return { ok: true, value: { type: 'ok' } };
    case 'error':
      return typeof raw.message === 'string'
        ? { ok: true, value: { type: 'error', message: raw.message } }
        : { ok: false, problem: 'error: message must be a string' };
    case 'analysis': {
      const problem = resultProblem(raw.result);
      if (problem) return { ok: false, problem: `analysis: ${problem}` };
      const an = raw.anchoring;
      if (!isObj(an) || !anchorCountOk(an.keySentences) || !anchorCountOk(an.quotes) || typeof an.painted !== 'boolean' || typeof an.supported !== 'boolean') {
        return { ok: false, problem: 'analysis: bad anchoring' };
      }
      const t = raw.timing;
      if (!isObj(t) || !isFiniteNumber(t.analyzeMs) || !isFiniteNumber(t.totalMs) || typeof t.cached !== 'boolean') {
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
