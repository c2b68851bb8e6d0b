import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyze } from '@/lib/analyze';
import { parseHtmlDocument } from '@/cli/dom';
import {
  dispatch,
  isTrustedSender,
  keySentenceSpans,
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

function analysisReply(result: unknown): unknown {
  return {
    type: 'analysis',
    result,
    anchoring: { keySentences: { found: 5, anchored: 5 }, quotes: { found: 0, anchored: 0 }, painted: true, supported: true },
    timing: { analyzeMs: 12, totalMs: 20, cached: false },
  };
}

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

describe('dispatch', () => {
  const handlers: Handlers = {
    analyze: () => ({ type: 'error', message: 'not here' }),
    setSentences: () => ({ type: 'ok' }),
    highlights: (m) => (m.on ? { type: 'ok' } : { type: 'error', message: 'off' }),
    focus: () => {
      throw new Error('boom');
    },
    highlightEntity: async () => ({ type: 'ok' }),
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
