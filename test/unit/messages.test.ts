import { describe, expect, it, vi } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { DEFAULT_MAX_CHARS, analyze } from '@/lib/analyze';
import { parseHtmlDocument } from '@/cli/dom';
import {
  dispatch,
  isTrustedSender,
  keySentenceSpans,
  REPLY_LIMITS,
  validateReply,
  validateRequest,
  type Handlers,
} from '@/lib/messages';
import type { Analysis } from '@/lib/types';

const sampleHtml = readFileSync(new URL('../fixtures/sample/article.html', import.meta.url), 'utf8');

function sampleAnalysis(): { ok: true } & Analysis {
  const result = analyze(parseHtmlDocument(sampleHtml), { sentences: 5 });
  if (!result.ok) throw new Error(`sample article not read: ${result.message}`);
  return result;
}

/** The reply the content script sends for `result`: its anchoring counts the reading's own passages. */
function analysisReply(result: unknown): any {
  const r = result as { ok?: boolean; summary?: unknown[]; quotes?: unknown[] };
  const ok = r?.ok === true && Array.isArray(r.summary) && Array.isArray(r.quotes);
  const keys = ok ? r.summary!.length : 0;
  const quotes = ok ? r.quotes!.length : 0;
  return {
    type: 'analysis',
    result,
    anchoring: { keySentences: { found: keys, anchored: keys }, quotes: { found: quotes, anchored: quotes }, painted: true, supported: true },
    timing: { analyzeMs: 12, totalMs: 20, cached: false },
  };
}

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');

describe('validateRequest', () => {
  it('accepts each well-formed request', () => {
    for (const m of [
      { type: 'analyze', sentences: 'auto', source: 'article', highlights: true },
      { type: 'analyze', sentences: 7, source: 'selection', highlights: false },
      { type: 'setSentences', sentences: 3 },
      { type: 'highlights', on: false },
      { type: 'focus', kind: 'quote', index: 0 },
      { type: 'highlightEntity', index: null },
      { type: 'highlightEntity', index: 4 },
      { type: 'styled', colours: { keySentence: '#ffe066', quote: '#9FD3FF', entity: '#b8f0b0' } },
      { type: 'styled', colours: null },
    ]) {
      expect(validateRequest(m), JSON.stringify(m)).toEqual({ ok: true, value: m });
    }
  });

  it('drops unknown, malformed and out-of-range requests with a reason', () => {
    const bad: unknown[] = [
      null,
      'analyze',
      [],
      {},
      { type: 'eval', code: 'alert(1)' },
      { type: '__proto__' },
      { type: 'toString' },
      { type: 'analyze', sentences: 4, source: 'article', highlights: true },
      { type: 'analyze', sentences: 'auto', source: 'innerHTML', highlights: true },
      { type: 'analyze', sentences: 'auto', source: 'article' },
      { type: 'analyze', sentences: 'auto', source: 'article', highlights: true, html: '<b>' },
      { type: 'focus', kind: 'entity', index: 0 },
      { type: 'focus', kind: 'quote', index: -1 },
      { type: 'focus', kind: 'quote', index: 1.5 },
      { type: 'focus', kind: 'quote', index: '0' },
      { type: 'highlights', on: 'yes' },
      { type: 'highlightEntity', index: Number.NaN },
      // Only #rrggbb reaches a style sheet, and exactly the three colours.
      { type: 'styled', colours: { keySentence: 'red; } body { display: none', quote: '#9fd3ff', entity: '#b8f0b0' } },
      { type: 'styled', colours: { keySentence: '#ffe066', quote: '#9fd3ff' } },
      { type: 'styled', colours: { keySentence: '#ffe066', quote: '#9fd3ff', entity: '#b8f0b0', flash: '#000000' } },
      { type: 'styled' },
    ];
    for (const m of bad) {
      const v = validateRequest(m);
      expect(v.ok, JSON.stringify(m)).toBe(false);
      if (!v.ok) expect(v.problem.length).toBeGreaterThan(0);
    }
  });
});

describe('validateReply', () => {
  it('accepts a real analysis of the sample article and a no-article result', () => {
    const a = sampleAnalysis();
    const json = JSON.parse(JSON.stringify(a)); // as it arrives over structured clone
    expect(validateReply(analysisReply(json)).ok).toBe(true);
    const none = analyze(parseHtmlDocument('<html><body><nav><a href="/">Home</a></nav></body></html>'));
    expect(none.ok).toBe(false);
    expect(validateReply(analysisReply(none)).ok).toBe(true);
    expect(validateReply({ type: 'ok' })).toEqual({ ok: true, value: { type: 'ok' } });
    expect(validateReply({ type: 'error', message: 'x' }).ok).toBe(true);
  });

  it('rejects replies whose offsets point outside the text or whose shapes are wrong', () => {
    const a = JSON.parse(JSON.stringify(sampleAnalysis()));
    const cases: Array<(x: any) => void> = [
      (x) => (x.sentences[0].end = x.text.length + 1),
      (x) => (x.summary = [{ sentence: x.sentences.length, score: 1 }]),
      (x) => (x.title = 42),
      (x) => (x.entities = [{ name: 'X', type: 'thing', mentions: [], count: 0, aliases: [] }]),
      (x) => (x.quotes = [{ start: 5, end: 2, text: 'a', speaker: null, speakerMention: null }]),
      (x) => (x.stats = null),
      (x) => (x.text = null),
    ];
    for (const mutate of cases) {
      const copy = structuredClone(a);
      mutate(copy);
      expect(validateReply(analysisReply(copy)).ok, mutate.toString()).toBe(false);
    }
    expect(validateReply(undefined).ok).toBe(false);
    expect(validateReply({ type: 'analysis', result: a }).ok).toBe(false);
    expect(validateReply({ type: 'error' }).ok).toBe(false);
    expect(validateReply({ type: 'html', html: '<img>' }).ok).toBe(false);
    expect(validateReply({ type: 'styled', previous: null })).toEqual({ ok: true, value: { type: 'styled', previous: null } });
    expect(validateReply({ type: 'styled', previous: null, tooLarge: true })).toEqual({ ok: true, value: { type: 'styled', previous: null, tooLarge: true } });
    expect(validateReply({ type: 'styled', previous: null, tooLarge: 1 }).ok).toBe(false);
    expect(validateReply({ type: 'styled', previous: null, css: 'body{}' }).ok).toBe(false);
    expect(validateReply({ type: 'styled', previous: { keySentence: 'url(x)', quote: '#000000', entity: '#000000' } }).ok).toBe(false);
  });

  it('carries the limits of a real German reading, and drops a reply whose limits are malformed or unknown', () => {
    const german = readFileSync(new URL('../fixtures/hostile/german.html', import.meta.url), 'utf8');
    const de = analyze(parseHtmlDocument(german));
    if (!de.ok) throw new Error(de.message);
    const json = JSON.parse(JSON.stringify(de));
    expect(json.limits).toEqual({ entities: 'language' });
    const checked = validateReply(analysisReply(json));
    expect(checked.ok && checked.value.type === 'analysis' && checked.value.result.ok && checked.value.result.limits).toEqual({
      entities: 'language',
    });
    // No limits at all (an English reading) is valid too.
    expect(validateReply(analysisReply(JSON.parse(JSON.stringify(sampleAnalysis())))).ok).toBe(true);
    for (const limits of [null, 'language', [], { entities: 'script' }, { entities: true }, { entities: 'language', quotes: 'language' }]) {
      expect(validateReply(analysisReply({ ...json, limits })), JSON.stringify(limits)).toEqual({ ok: false, problem: 'analysis: bad limits' });
    }
  });
});

describe('validateReply: bounded and consistent replies (issue 17)', () => {
  it('bounds the text by the analysis limit itself', () => {
    expect(REPLY_LIMITS.textChars).toBe(DEFAULT_MAX_CHARS);
  });

  it('accepts the real reading of every fixture page and text, and of a text of 50,000 one-word sentences', () => {
    const readings: Array<[string, unknown]> = [];
    for (const dir of ['hostile', 'pages', 'sample', 'no-article', 'anchoring']) {
      for (const name of readdirSync(new URL(`../fixtures/${dir}/`, import.meta.url)).filter((f) => f.endsWith('.html'))) {
        readings.push([`${dir}/${name}`, analyze(parseHtmlDocument(fixture(`${dir}/${name}`)), { sentences: 7 })]);
      }
    }
    for (const path of ['quotes/harbour-strike.txt', 'entities/harbour-deal.txt', 'pages/plain-text.txt']) readings.push([path, analyze(fixture(path))]);
    readings.push(['Go. ×50,000', analyze('Go. '.repeat(50_000))]);
    expect(readings.filter(([, r]) => (r as { ok: boolean }).ok).length).toBeGreaterThan(10);
    for (const [name, r] of readings) {
      expect(validateReply(analysisReply(JSON.parse(JSON.stringify(r)))), name).toEqual({ ok: true, value: expect.anything() });
    }
  });

  /** The sample article's real reading (20 entities, 16 quotes), as it arrives, tampered by `mutate`. */
  function tampered(mutate: (a: any, reply: any) => void): { ok: boolean; problem?: string } {
    const a = JSON.parse(JSON.stringify(sampleAnalysis()));
    expect(a.entities.length).toBeGreaterThan(3);
    expect(a.quotes.length).toBeGreaterThan(3);
    const reply = analysisReply(a);
    mutate(a, reply);
    return validateReply(reply) as { ok: boolean; problem?: string };
  }

  const rejections: Array<[string, (a: any, reply: any) => void, string | RegExp]> = [
    // Size
    ['a text over the analysis limit', (a) => (a.text += 'x'.repeat(REPLY_LIMITS.textChars)), 'text longer than'],
    ['a title of 100,001 characters', (a) => (a.title = 't'.repeat(REPLY_LIMITS.metaChars + 1)), 'title must be'],
    ['eight key sentences', (a) => (a.summary = [0, 1, 2, 3, 4, 5, 6, 7].map((sentence) => ({ sentence, score: 1 }))), 'bad summary'],
    ['more mentions, all entities together, than characters', (a) => (a.entities = Array.from({ length: a.text.length + 1 }, () => a.entities[0])), 'more mentions than characters'],
    ['more quotes than characters', (a, r) => {
      a.quotes = Array.from({ length: a.text.length + 1 }, () => a.quotes[0]);
      r.anchoring.quotes = { found: a.quotes.length, anchored: 0 };
    }, 'more quotes than characters'],
    ['more aliases than mentions and the name', (a) => (a.entities[0].aliases = [...a.entities[0].aliases, ...Array.from({ length: a.entities[0].count + 1 }, (_, i) => `alias ${i}`)]), 'aliases'],
    ['an entity name of 1,001 characters', (a) => (a.entities[0].name = 'N'.repeat(REPLY_LIMITS.nameChars + 1)), 'name'],
    ['a speaker of 1,001 characters', (a) => (a.quotes[0].speaker = 'S'.repeat(REPLY_LIMITS.nameChars + 1)), 'speaker'],
    ['an error message of 10,001 characters', (_a, r) => Object.assign(r, { type: 'error', message: 'e'.repeat(REPLY_LIMITS.messageChars + 1), result: undefined, anchoring: undefined, timing: undefined }), 'error: message'],
    ['21 timing fields', (a) => Object.assign(a.timingMs, Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`stage${i}`, 1]))), 'bad timingMs'],
    // Consistency
    ["an entity's count that is not its number of mentions", (a) => (a.entities[0].count += 1), 'count is not the number of mentions'],
    ['an entity without mentions, count 0', (a) => Object.assign(a.entities[0], { mentions: [], count: 0 }), 'mentions'],
    ["an entity's mentions out of text order", (a) => {
      const e = a.entities.find((x: { count: number }) => x.count > 1);
      e.mentions.reverse();
    }, 'mentions'],
    ['an entity mention past the end of the text', (a) => (a.entities[0].mentions[a.entities[0].count - 1].end = a.text.length + 1), 'mentions'],
    ['an empty entity mention', (a) => (a.entities[0].mentions[0].end = a.entities[0].mentions[0].start), 'mentions'],
    ['an alias given twice', (a) => a.entities[0].aliases.push(a.entities[0].aliases[0]), 'aliases repeat'],
    ["a quote's text that is not its slice of the text", (a) => (a.quotes[0].text = `${a.quotes[0].text} (and words never said)`), 'not the text it points at'],
    ["a quote's offsets moved off its text", (a) => {
      a.quotes[0].start += 1;
      a.quotes[0].end += 1;
    }, 'not the text it points at'],
    ['a quote past the end of the text', (a) => (a.quotes[0].end = a.text.length + 5), 'bad quotes'],
    ['a statement span that does not hold its quote', (a) => (a.quotes[0].span = { start: a.quotes[0].start + 1, end: a.quotes[0].end }), 'span does not hold'],
    ['a speaker mention outside the text', (a) => (a.quotes[0].speakerMention = { start: a.text.length, end: a.text.length + 3 }), 'speakerMention'],
    ['sentences out of order', (a) => ([a.sentences[0], a.sentences[1]] = [a.sentences[1], a.sentences[0]]), 'bad sentences'],
    ['overlapping sentences', (a) => (a.sentences[1].start = a.sentences[0].end - 1), 'bad sentences'],
    ['an empty sentence', (a) => (a.sentences[0].end = a.sentences[0].start), 'bad sentences'],
    ['a key sentence twice', (a) => (a.summary[1].sentence = a.summary[0].sentence), 'not distinct sentences in document order'],
    ['key sentences out of document order', (a) => a.summary.reverse(), 'not distinct sentences in document order'],
    ['more words than characters', (a) => (a.stats.words = a.text.length + 1), 'bad stats'],
    ['reading minutes beyond the words', (a) => (a.stats.readingMinutes = a.stats.words + 2), 'bad stats'],
    ['a truncation that is not the text analysed', (a) => (a.truncated = { originalChars: a.text.length * 2, analyzedChars: a.text.length - 1 }), 'bad truncated'],
    ['a truncation shorter than the text', (a) => (a.truncated = { originalChars: a.text.length - 1, analyzedChars: a.text.length }), 'bad truncated'],
    ['anchoring counts that are not the reading’s', (_a, r) => (r.anchoring.keySentences = { found: 99, anchored: 0 }), 'counts are not those of the reading'],
    ['quotes anchored that the reading does not have', (_a, r) => (r.anchoring.quotes = { found: 0, anchored: 0 }), 'counts are not those of the reading'],
    ['painted where the browser cannot paint', (_a, r) => Object.assign(r.anchoring, { painted: true, supported: false }), 'bad anchoring'],
    ['painted on a page too large to paint', (_a, r) => Object.assign(r.anchoring, { painted: true, tooLarge: true }), 'too large to paint'],
    ['a tooLarge that is not true', (_a, r) => Object.assign(r.anchoring, { painted: false, tooLarge: false }), 'too large to paint'],
    ['a negative time', (_a, r) => (r.timing.totalMs = -1), 'bad timing'],
    // Exact fields: nothing rides along
    ['an extra field in the analysis', (a) => (a.html = '<img src=x onerror=alert(1)>'), 'unexpected or missing fields in the analysis'],
    ['a missing field in the analysis', (a) => delete a.stats, 'unexpected or missing fields in the analysis'],
    ['an extra field in an entity', (a) => (a.entities[0].url = 'https://tracker.example/'), 'bad entities'],
    ['an extra field in a quote', (a) => (a.quotes[0].html = '<b>'), 'bad quotes'],
    ['an extra field in a span', (a) => (a.sentences[0].node = 'p'), 'bad sentences'],
    ['an extra field in the reply', (_a, r) => (r.extra = 1), 'unexpected or missing fields'],
  ];

  it.each(rejections)('rejects %s', (_name, mutate, problem) => {
    const checked = tampered(mutate);
    expect(checked.ok).toBe(false);
    if (typeof problem === 'string') expect(checked.problem).toContain(problem);
    else expect(checked.problem).toMatch(problem);
  });

  it('rejects a no-article result with a field of its own, or an over-long message or title', () => {
    const none = JSON.parse(JSON.stringify(analyze(parseHtmlDocument(fixture('hostile/navigation-only.html')))));
    expect(none.ok).toBe(false);
    expect(validateReply(analysisReply(none)).ok).toBe(true);
    for (const bad of [{ ...none, html: '<b>' }, { ...none, message: 'm'.repeat(REPLY_LIMITS.messageChars + 1) }, { ...none, title: 't'.repeat(REPLY_LIMITS.metaChars + 1) }]) {
      expect(validateReply(analysisReply(bad)).ok).toBe(false);
    }
    // Without an article, nothing was found to anchor.
    const reply = analysisReply(none);
    reply.anchoring.keySentences = { found: 1, anchored: 0 };
    expect(validateReply(reply)).toEqual({ ok: false, problem: 'analysis: bad anchoring: counts are not those of the reading' });
  });
});

describe('dispatch', () => {
  const handlers: Handlers = {
    analyze: () => ({ type: 'error', message: 'not here' }),
    setSentences: () => ({ type: 'ok' }),
    highlights: (m) => (m.on ? { type: 'ok' } : { type: 'error', message: 'off' }),
    focus: () => {
      throw new Error('boom');
    },
    highlightEntity: async () => ({ type: 'ok' }),
    styled: () => ({ type: 'styled', previous: null }),
  };

  it('runs the handler for the message type and turns a thrown error into an error reply', async () => {
    const log = vi.fn();
    await expect(dispatch(handlers, { type: 'highlights', on: false }, log)).resolves.toEqual({ type: 'error', message: 'off' });
    await expect(dispatch(handlers, { type: 'highlightEntity', index: 2 }, log)).resolves.toEqual({ type: 'ok' });
    await expect(dispatch(handlers, { type: 'focus', kind: 'quote', index: 0 }, log)).resolves.toEqual({
      type: 'error',
      message: 'boom',
    });
    expect(log).not.toHaveBeenCalled();
  });

  it('drops and logs an invalid message without calling any handler', () => {
    const log = vi.fn();
    const spy = vi.fn(() => ({ type: 'ok' }) as const);
    expect(dispatch({ ...handlers, highlights: spy }, { type: 'highlights', on: 1 }, log)).toBeUndefined();
    expect(spy).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledOnce();
    expect(log.mock.calls[0][0]).toMatch(/highlights/);
  });
});

describe('isTrustedSender', () => {
  it('accepts only our own extension pages', () => {
    const origin = 'chrome-extension://abc/';
    expect(isTrustedSender({ id: 'abc' }, 'abc', origin)).toBe(true);
    expect(isTrustedSender({ id: 'abc', url: 'chrome-extension://abc/popup.html' }, 'abc', origin)).toBe(true);
    // Our popup opened as a tab (as the e2e tests do) is still our page.
    expect(isTrustedSender({ id: 'abc', tab: { id: 3 }, url: 'chrome-extension://abc/popup.html?tabId=2' }, 'abc', origin)).toBe(true);
    expect(isTrustedSender({ id: 'other', url: 'chrome-extension://other/x.html' }, 'abc', origin)).toBe(false);
    expect(isTrustedSender({}, 'abc', origin)).toBe(false);
    // A content script (ours) in a web page.
    expect(isTrustedSender({ id: 'abc', tab: { id: 3 }, url: 'https://evil.example/' }, 'abc', origin)).toBe(false);
    expect(isTrustedSender({ id: 'abc', tab: { id: 3 } }, 'abc', origin)).toBe(false);
  });
});

describe('keySentenceSpans', () => {
  it('orders the key sentences as they appear in the article', () => {
    const a = sampleAnalysis();
    const spans = keySentenceSpans(a);
    expect(spans).toHaveLength(a.summary.length);
    for (let i = 1; i < spans.length; i++) expect(spans[i].start).toBeGreaterThan(spans[i - 1].start);
  });
});
