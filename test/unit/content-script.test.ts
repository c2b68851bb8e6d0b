// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"disableCSSFileLoading":true,"disableJavaScriptFileLoading":true,"disableJavaScriptEvaluation":true,"disableIframePageLoading":true,"handleDisabledFileLoadingAsSuccess":true}}
/**
 * The content script's handlers and reading session on the sample article in
 * happy-dom: the cache, instant re-summarizing, selection and visible text,
 * anchoring counts, and the guards on focus / entity indices.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyze } from '@/lib/analyze';
import { createHandlers } from '@/entrypoints/content/handlers';
import * as engine from '@/lib/highlight';
import { createPageHighlighter, type HighlightEngine } from '@/entrypoints/content/page-highlighter';
import { ReadingSession, resummarize } from '@/entrypoints/content/session';
import { dispatch, keySentenceSpans, type Handlers, type Reply, type ReplyOf } from '@/lib/messages';

const sampleHtml = readFileSync(resolve(__dirname, '../fixtures/sample/article.html'), 'utf8');

let doc: Document;
let selection: string;
let handlers: Handlers;
let painted: Array<{ keySentence: number; quote: number; entity: number }>;
let cleared: number;

/**
 * The page goes into happy-dom's own window document: its Ranges only work
 * there (in a DOMParser document every Range collapses), and the content script
 * works on the window's document anyway.
 */
function loadPage(html: string): Document {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.replaceChildren(...[...parsed.head.childNodes].map((n) => document.importNode(n, true)));
  document.body.replaceWith(document.importNode(parsed.body, true));
  document.documentElement.lang = parsed.documentElement.lang;
  return document;
}

function setup(): void {
  doc = loadPage(sampleHtml);
  selection = '';
  painted = [];
  cleared = 0;
  // Real anchoring in happy-dom; painting recorded (happy-dom has no CSS.highlights).
  const recording: HighlightEngine = {
    anchorPassages: engine.anchorPassages,
    paintHighlights: (_d, r) => void painted.push({ keySentence: r.keySentence.length, quote: r.quote.length, entity: r.entity.length }),
    clearHighlights: () => void cleared++,
    scrollToRange: engine.scrollToRange,
  };
  const now = () => performance.now();
  handlers = createHandlers({
    session: new ReadingSession({
      document: doc,
      url: () => 'https://courier.example/rail',
      selectionText: () => selection,
      visibleText: () => doc.body.textContent ?? '',
      now,
    }),
    highlighter: createPageHighlighter(doc, recording),
    tooLargeToPaint: () => engine.tooLargeToPaint(doc),
    now,
  });
}

async function ask(message: unknown): Promise<Reply> {
  const reply = await dispatch(handlers, message, () => {});
  if (!reply) throw new Error('dropped');
  return reply;
}

async function analysis(message: unknown): Promise<ReplyOf<'analysis'>> {
  const r = await ask(message);
  if (r.type !== 'analysis') throw new Error(`expected analysis, got ${JSON.stringify(r)}`);
  return r;
}

beforeEach(setup);

describe('content script handlers', () => {
  it('reads the article, anchors every key sentence and quote, paints them, and caches the reading', async () => {
    const first = await analysis({ type: 'analyze', sentences: 5, source: 'article', highlights: true });
    if (!first.result.ok) throw new Error(first.result.message);
    expect(first.timing.cached).toBe(false);
    expect(first.anchoring.keySentences).toEqual({ found: 5, anchored: 5 });
    expect(first.anchoring.quotes.found).toBe(first.result.quotes.length);
    expect(first.anchoring.quotes.anchored).toBe(first.result.quotes.length);
    expect(painted.at(-1)).toEqual({ keySentence: 5, quote: first.result.quotes.length, entity: 0 });

    const second = await analysis({ type: 'analyze', sentences: 5, source: 'article', highlights: true });
    expect(second.timing.cached).toBe(true);
    expect(second.result).toEqual(first.result);
  });

  it('re-summarizes from the cache exactly as a fresh analysis would', async () => {
    const first = await analysis({ type: 'analyze', sentences: 7, source: 'article', highlights: false });
    expect(painted).toEqual([]);
    const three = await analysis({ type: 'setSentences', sentences: 3 });
    if (!three.result.ok || !first.result.ok) throw new Error('no article');
    expect(three.result.summary).toHaveLength(3);
    // Same text, sentences, entities and quotes: only the summary changed.
    expect({ ...three.result, summary: [] }).toEqual({ ...first.result, summary: [] });
    const fresh = analyze(new DOMParser().parseFromString(sampleHtml, 'text/html'), { sentences: 3, url: 'https://courier.example/rail' });
    if (!fresh.ok) throw new Error(fresh.message);
    expect(keySentenceSpans(three.result)).toEqual(keySentenceSpans(fresh));
    const auto = resummarize(first.result, [], 'auto');
    expect(auto.summary.length).toBeGreaterThan(0);
  });

  it('another summary length anchors only the sentences it had not anchored yet', async () => {
    const calls: Array<Array<{ start: number; end: number }>> = [];
    const counting: HighlightEngine = {
      anchorPassages: (root, text, passages) => (calls.push([...passages]), engine.anchorPassages(root, text, passages)),
      paintHighlights: () => {},
      clearHighlights: () => {},
    };
    const now = () => performance.now();
    handlers = createHandlers({
      session: new ReadingSession({ document: doc, url: () => 'https://courier.example/rail', selectionText: () => '', visibleText: () => '', now }),
      highlighter: createPageHighlighter(doc, counting),
      tooLargeToPaint: () => engine.tooLargeToPaint(doc),
      now,
    });
    const seven = await analysis({ type: 'analyze', sentences: 7, source: 'article', highlights: true });
    if (!seven.result.ok) throw new Error('no article');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toHaveLength(7 + seven.result.quotes.length);
    const three = await analysis({ type: 'setSentences', sentences: 3 });
    if (!three.result.ok) throw new Error('no article');
    expect(three.anchoring.keySentences).toEqual({ found: 3, anchored: 3 });
    const had = new Set(calls[0].map((s) => `${s.start}:${s.end}`));
    const added = keySentenceSpans(three.result).filter((s) => !had.has(`${s.start}:${s.end}`));
    // Quotes and the key sentences already anchored keep their ranges: only new sentences are looked for.
    expect(calls.slice(1).flat()).toEqual(added);
    // Back to seven: every one of them has been looked for already.
    const before = calls.length;
    await analysis({ type: 'setSentences', sentences: 7 });
    expect(calls.length).toBe(before);
  });

  it('reads the selection afresh each time and says so when nothing is selected', async () => {
    const empty = await analysis({ type: 'analyze', sentences: 'auto', source: 'selection', highlights: true });
    expect(empty.result.ok).toBe(false);
    if (!empty.result.ok) expect(empty.result.message).toMatch(/Select some text/);
    selection = 'The council voted late on Tuesday. "We will build it," said Elena Marquez. Work starts in the spring.';
    const read = await analysis({ type: 'analyze', sentences: 'auto', source: 'selection', highlights: true });
    if (!read.result.ok) throw new Error(read.result.message);
    expect(read.result.text).toBe(selection);
    expect(read.timing.cached).toBe(false);
  });

  it('focuses only passages that exist and highlights an entity’s mentions', async () => {
    expect(await ask({ type: 'focus', kind: 'quote', index: 0 })).toEqual({ type: 'error', message: 'Nothing has been read on this page yet.' });
    const r = await analysis({ type: 'analyze', sentences: 3, source: 'article', highlights: true });
    if (!r.result.ok) throw new Error('no article');
    expect(await ask({ type: 'focus', kind: 'keySentence', index: 2 })).toEqual({ type: 'ok' });
    expect((await ask({ type: 'focus', kind: 'keySentence', index: 3 })).type).toBe('error');
    const e = r.result.entities.findIndex((x) => x.count > 1);
    expect(e).toBeGreaterThanOrEqual(0);
    expect(await ask({ type: 'highlightEntity', index: e })).toEqual({ type: 'ok' });
    expect(painted.at(-1)?.entity).toBe(r.result.entities[e].count);
    expect((await ask({ type: 'highlightEntity', index: r.result.entities.length })).type).toBe('error');
    expect(await ask({ type: 'highlights', on: false })).toEqual({ type: 'ok' });
    expect(cleared).toBeGreaterThan(0);
  });

  it('reports when the browser cannot paint highlights at all', async () => {
    const now = () => performance.now();
    handlers = createHandlers({
      session: new ReadingSession({ document: doc, url: () => 'https://courier.example/rail', selectionText: () => '', visibleText: () => '', now }),
      // happy-dom has no CSS.highlights: the real lib/highlight says so.
      highlighter: createPageHighlighter(doc, engine),
      tooLargeToPaint: () => engine.tooLargeToPaint(doc),
      now,
    });
    const r = await analysis({ type: 'analyze', sentences: 3, source: 'article', highlights: true });
    expect(r.anchoring.supported).toBe(false);
    expect(r.anchoring.painted).toBe(false);
    expect(r.anchoring.keySentences.found).toBe(3);
  });

  it('on a page too large to restyle, reads the article but colours nothing, and says so', async () => {
    // The sample article with a long list after it, as a page built by script can be: past the paint budget.
    const list = doc.createElement('ul');
    for (let i = 0; i <= engine.PAINT_MAX_ELEMENTS; i++) list.appendChild(doc.createElement('li')).textContent = `item ${i}`;
    doc.body.appendChild(list);
    expect(engine.tooLargeToPaint(doc)).toBe(true);
    const colours = { keySentence: '#ffeb3b', quote: '#64b5f6', entity: '#81c784' };
    expect(await ask({ type: 'styled', colours })).toEqual({ type: 'styled', previous: null, tooLarge: true });
    const r = await analysis({ type: 'analyze', sentences: 3, source: 'article', highlights: true });
    if (!r.result.ok) throw new Error(r.result.message);
    expect(r.result.summary).toHaveLength(3);
    expect(r.anchoring).toMatchObject({ tooLarge: true, painted: false, keySentences: { found: 3, anchored: 0 } });
    expect(painted).toEqual([]);
    list.remove();
    expect(engine.tooLargeToPaint(doc)).toBe(false);
    expect(await ask({ type: 'styled', colours })).toEqual({ type: 'styled', previous: null });
    const after = await analysis({ type: 'analyze', sentences: 3, source: 'article', highlights: true });
    expect(after.anchoring.tooLarge).toBeUndefined();
    expect(after.anchoring.painted).toBe(true);
  });

  it('says there is no article on a page without one, and reads the visible text on request', async () => {
    doc = loadPage(readFileSync(resolve(__dirname, '../fixtures/no-article/index.html'), 'utf8'));
    const now = () => performance.now();
    handlers = createHandlers({
      session: new ReadingSession({ document: doc, url: () => 'https://courier.example/', selectionText: () => '', visibleText: () => doc.body.textContent ?? '', now }),
      highlighter: createPageHighlighter(doc, { ...engine, paintHighlights: () => {}, clearHighlights: () => {} }),
      tooLargeToPaint: () => engine.tooLargeToPaint(doc),
      now,
    });
    const none = await analysis({ type: 'analyze', sentences: 'auto', source: 'article', highlights: true });
    expect(none.result.ok).toBe(false);
    const visible = await analysis({ type: 'analyze', sentences: 'auto', source: 'visible', highlights: true });
    expect(visible.result.ok).toBe(true);
  });
});

describe('reading session', () => {
  it('reads afresh when a single-page site has moved to another URL', () => {
    const d = new DOMParser().parseFromString(sampleHtml, 'text/html');
    let url = 'https://courier.example/rail';
    const session = new ReadingSession({ document: d, url: () => url, selectionText: () => '', visibleText: () => '', now: () => performance.now() });
    expect(session.read('article', 3).cached).toBe(false);
    expect(session.read('article', 5).cached).toBe(true);
    url = 'https://courier.example/other';
    expect(session.read('article', 5).cached).toBe(false);
  });
});
