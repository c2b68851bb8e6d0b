/**
 * Articles inside same-origin frames and open shadow roots (lib/frames.ts), in
 * happy-dom: it loads srcdoc frames (and gives no document for frames of another
 * origin, as browsers do), and has attachShadow and slots. It has no declarative
 * shadow DOM, so the hostile shadow-root page's <template shadowrootmode> is
 * attached here the way a browser's parser attaches it.
 *
 * Pages: the robustness engineer's test/fixtures/hostile/ (team-written).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { analyze } from '../../lib/analyze';
import { extractArticle } from '../../lib/extract';
import {
  CROSS_ORIGIN_FRAME_MESSAGE,
  anchorIntoOpenShadowRoots,
  cloneWithOpenShadowRoots,
  documentForExtraction,
  hasOpenShadowRoots,
  openShadowRoots,
  readArticle,
  readableDocuments,
  surveyFrames,
} from '../../lib/frames';
import { anchorPassages } from '../../lib/highlight';
import type { ExtractedArticle, NoArticle } from '../../lib/types';
import { dispatch, keySentenceSpans, type Reply } from '../../lib/messages';
import { createFrameHighlighter } from '../../entrypoints/content/frame-highlighter';
import { createHandlers } from '../../entrypoints/content/handlers';
import { createPageHighlighter, type HighlightEngine } from '../../entrypoints/content/page-highlighter';
import { ReadingSession } from '../../entrypoints/content/session';
import { PROJECT_ROOT } from '../support/shared';
import { happyWindow } from '../support/happy-page';
import { parseHtmlDocument } from '../../cli/dom';

const hostile = (name: string) => readFileSync(resolve(PROJECT_ROOT, 'test/fixtures/hostile', name), 'utf8');
const ARTICLE = hostile('article-base.html');
const SHADOW_PAGE = hostile('shadow-root.html');
const IFRAME_PAGE = hostile('iframe-article.html');
const NAV_ONLY = hostile('navigation-only.html');

let win: Window | null = null;
afterEach(async () => {
  await win?.happyDOM.close();
  win = null;
});

/** A page in its own happy-dom window; frames given by srcdoc load (no network), scripts never run. */
async function page(html: string, url = 'https://ledger.example/news/night-ferry'): Promise<Document> {
  win = happyWindow(url);
  win.document.write(html);
  await win.happyDOM.waitUntilComplete();
  return win.document as unknown as Document;
}

/** What a browser's parser does with <template shadowrootmode>: the template's content becomes the host's shadow root. */
function attachDeclarativeShadowRoots(doc: Document): void {
  for (const t of Array.from(doc.querySelectorAll('template[shadowrootmode]')) as HTMLTemplateElement[]) {
    const host = t.parentElement!;
    const root = host.attachShadow({ mode: t.getAttribute('shadowrootmode') as ShadowRootMode });
    root.append(t.content.cloneNode(true));
    t.remove();
  }
}

/** The hostile shadow-root page as a browser holds it: declarative root attached, and its script's root too. */
async function shadowPage(): Promise<Document> {
  const doc = await page(SHADOW_PAGE);
  attachDeclarativeShadowRoots(doc);
  const scripted = doc.getElementById('scripted-host')!.attachShadow({ mode: 'open' });
  const p = doc.createElement('p');
  p.textContent = 'Related: Pier 9 terminal opens fourteen months late.';
  scripted.append(p);
  return doc;
}

function expectArticle(a: ExtractedArticle | NoArticle): ExtractedArticle {
  if ('ok' in a && a.ok === false) throw new Error(`expected an article, got NoArticle: ${a.message}`);
  return a as ExtractedArticle;
}

/** An iframe whose document is `html`, as the srcdoc attribute carries it. */
function srcdocFrame(html: string, attrs = ''): string {
  return `<iframe ${attrs} srcdoc="${html.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></iframe>`;
}

/** The iframe page with its frame's article inlined by srcdoc (happy-dom loads no src). */
function iframePage(frames: string): string {
  return IFRAME_PAGE.replace(/<iframe[^>]*><\/iframe>/, frames);
}

describe('open shadow roots', () => {
  it('the light DOM alone has no article; the composed copy reads the story from the shadow root', async () => {
    const doc = await shadowPage();
    expect(hasOpenShadowRoots(doc)).toBe(true);
    expect(openShadowRoots(doc)).toHaveLength(2);
    const light = extractArticle(doc);
    expect(light).toMatchObject({ ok: false });

    const article = expectArticle(extractArticle(cloneWithOpenShadowRoots(doc)));
    expect(article.text).toContain('said board member Luis Ortega');
    expect(article.text).toContain('The first restored crossing is scheduled for May 4.');
    // The shadow root's <style> is content of the copy but never text.
    expect(article.text).not.toContain('line-height');
  });

  it('readArticle reads the shadow-root page and names the page itself as its document', async () => {
    const doc = await shadowPage();
    const { article, document } = readArticle(doc, { url: 'https://ledger.example/news/night-ferry' });
    expect(document).toBe(doc);
    expect(expectArticle(article).text).toContain('Carol Whitfield and Ben Adair');
  });

  it('leaves the page as it was: hosts keep their shadow roots and light children', async () => {
    const doc = await shadowPage();
    const host = doc.querySelector('ledger-story')!;
    const before = doc.body.innerHTML;
    const copy = cloneWithOpenShadowRoots(doc);
    expect(doc.body.innerHTML).toBe(before);
    expect(host.shadowRoot?.querySelector('article')).not.toBeNull();
    expect(host.querySelector('article')).toBeNull();
    // In the copy the host holds the shadow content itself.
    expect(copy.querySelector('ledger-story > article > h1')?.textContent).toBe("Night ferry to return after riders' petition");
    expect(copy.querySelector('#scripted-host > p')?.textContent).toContain('Pier 9');
  });

  it('puts slotted light children in their slots, fallback content in empty slots, and drops unassigned children', async () => {
    const doc = await page(
      '<body><main><x-story><span slot="byline">By Hannah Okafor</span><p>Light paragraph one.</p>' +
        '<span slot="nowhere">never shown</span><p>Light paragraph two.</p></x-story></main></body>',
    );
    const host = doc.querySelector('x-story')!;
    host.attachShadow({ mode: 'open' }).innerHTML =
      '<article><header><slot name="byline">No byline</slot></header><slot></slot>' +
      '<footer><slot name="credit">Staff report</slot></footer></article>';
    const copy = cloneWithOpenShadowRoots(doc);
    const article = copy.querySelector('x-story > article')!;
    expect(article.querySelector('header')?.textContent).toBe('By Hannah Okafor');
    expect(article.querySelector('footer')?.textContent).toBe('Staff report');
    expect(Array.from(article.querySelectorAll(':scope > p')).map((p) => p.textContent)).toEqual([
      'Light paragraph one.',
      'Light paragraph two.',
    ]);
    expect(copy.body.textContent).not.toContain('never shown');
    expect(copy.querySelector('slot')).toBeNull();
  });

  it('inlines shadow roots nested in shadow trees; a closed shadow root cannot be read and stays as it is', async () => {
    const doc = await page('<body><outer-el></outer-el><closed-el><p>Closed host light text.</p></closed-el></body>');
    const outer = doc.querySelector('outer-el')!.attachShadow({ mode: 'open' });
    outer.innerHTML = '<section><inner-el></inner-el></section>';
    outer.querySelector('inner-el')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Inner shadow text.</p>';
    doc.querySelector('closed-el')!.attachShadow({ mode: 'closed' }).innerHTML = '<p>Closed shadow text.</p>';
    const copy = cloneWithOpenShadowRoots(doc);
    expect(copy.querySelector('outer-el > section > inner-el > p')?.textContent).toBe('Inner shadow text.');
    expect(copy.body.textContent).toContain('Closed host light text.');
    expect(copy.body.textContent).not.toContain('Closed shadow text.');
  });

  it('costs nothing on a page without shadow roots: extraction reads the page itself', async () => {
    const doc = await page(ARTICLE);
    expect(hasOpenShadowRoots(doc)).toBe(false);
    expect(documentForExtraction(doc)).toBe(doc);
  });

  it('copies a page nested 10,000 elements deep with a shadow root at the bottom without overflowing the stack', async () => {
    const depth = 10_000;
    const doc = await page('<body><main></main></body>');
    // Built node by node: happy-dom's own parser and selectors recurse and overflow at this depth.
    const chain: Element[] = [];
    let parent: Element = doc.querySelector('main')!;
    for (let i = 0; i < depth; i++) chain.push((parent = parent.appendChild(doc.createElement('div'))));
    const host = parent.appendChild(doc.createElement('x-deep'));
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>Found at the bottom.</p>';

    const copy = cloneWithOpenShadowRoots(doc);
    let el: Element = copy.body.firstElementChild!;
    let divs = 0;
    while (el.localName === 'main' || el.localName === 'div') {
      if (el.localName === 'div') divs++;
      el = el.firstElementChild!;
    }
    expect(divs).toBe(depth);
    expect(el.localName).toBe('x-deep');
    expect(el.firstElementChild?.textContent).toBe('Found at the bottom.');
    // Take both chains apart from the bottom, so closing the window does not recurse through them.
    for (let i = chain.length - 1; i >= 0; i--) chain[i].remove();
    for (let n: Element | null = el; n && n.localName !== 'body'; ) {
      const up: Element | null = n.parentElement;
      n.remove();
      n = up;
    }
  });

  it('anchors key sentences and quotes inside the shadow root, where anchoring the page alone finds none', async () => {
    const doc = await shadowPage();
    const { article } = readArticle(doc);
    const analysis = analyze(expectArticle(article), { sentences: 3 });
    if (!analysis.ok) throw new Error(analysis.message);
    const passages = [...keySentenceSpans(analysis), ...analysis.quotes];
    expect(passages.length).toBeGreaterThanOrEqual(4);
    expect(anchorPassages(doc.body, analysis.text, passages).every((r) => r.range === null)).toBe(true);

    const anchored = anchorIntoOpenShadowRoots(anchorPassages)(doc.body, analysis.text, passages);
    const storyRoot = doc.querySelector('ledger-story')!.shadowRoot;
    for (const [i, r] of anchored.entries()) {
      expect(r.range, `passage ${i}`).not.toBeNull();
      expect(r.range!.startContainer.getRootNode()).toBe(storyRoot);
      const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
      expect(squash(r.range!.toString())).toBe(squash(analysis.text.slice(passages[i].start, passages[i].end)));
    }
  });

  it('leaves passages found in the light DOM where they are', async () => {
    const doc = await page(ARTICLE);
    const article = expectArticle(extractArticle(doc));
    const spans = [{ start: 0, end: 40 }];
    const plain = anchorPassages(doc.body, article.text, spans);
    const wrapped = anchorIntoOpenShadowRoots(anchorPassages)(doc.body, article.text, spans);
    expect(wrapped[0].range?.toString()).toBe(plain[0].range?.toString());
    expect(wrapped[0].range?.startContainer.getRootNode()).toBe(doc);
  });
});

describe('same-origin frames', () => {
  it('lists the page, then its visible frames largest first; hidden frames are left out', async () => {
    const doc = await page(
      iframePage(
        srcdocFrame('<p>small</p>', 'id="small" width="320" height="200"') +
          srcdocFrame('<p>hidden</p>', 'id="hidden" hidden width="900" height="900"') +
          srcdocFrame('<p>none</p>', 'id="none" style="display: none" width="900" height="900"') +
          srcdocFrame('<p>large</p>', 'id="large" width="800" height="1200"'),
      ),
    );
    const docs = readableDocuments(doc);
    expect(docs[0]).toBe(doc);
    expect(docs.slice(1).map((d) => d.body.textContent)).toEqual(['large', 'small']);
  });

  it('reads the story from the frame when the page itself has none, and names the frame document', async () => {
    const doc = await page(iframePage(srcdocFrame(ARTICLE, 'title="Article" width="800" height="1200"')));
    // The page around the frame is no article by itself.
    expect(extractArticle(doc)).toMatchObject({ ok: false });
    const frameDoc = (doc.querySelector('iframe') as HTMLIFrameElement).contentDocument!;
    const { article, document } = readArticle(doc, { url: 'https://ledger.example/news/night-ferry' });
    expect(document).toBe(frameDoc);
    const text = expectArticle(article).text;
    expect(text).toContain('said board member Luis Ortega');
    expect(text).not.toContain('The Harbor Ledger (embedded)');
  });

  it('prefers the page itself when it has an article, even with a frame that has one too', async () => {
    const doc = await page(ARTICLE.replace('</main>', `${srcdocFrame(hostile('german.html'), 'width="800" height="1200"')}</main>`));
    const { article, document } = readArticle(doc);
    expect(document).toBe(doc);
    expect(expectArticle(article).text).toContain('Luis Ortega');
  });

  it('reads a frame inside a frame', async () => {
    const inner = iframePage(srcdocFrame(ARTICLE, 'width="800" height="1200"'));
    const doc = await page(iframePage(srcdocFrame(inner, 'width="900" height="1400"')));
    const outerFrame = (doc.querySelector('iframe') as HTMLIFrameElement).contentDocument!;
    const innerFrame = (outerFrame.querySelector('iframe') as HTMLIFrameElement).contentDocument!;
    expect(innerFrame.body.textContent).toContain('Luis Ortega');
    const { document } = readArticle(doc);
    expect(document).toBe(innerFrame);
  });

  it('keeps the page\'s NoArticle when no frame holds an article', async () => {
    const doc = await page(iframePage(srcdocFrame(NAV_ONLY, 'width="800" height="1200"')));
    const { article, document } = readArticle(doc);
    expect(document).toBe(doc);
    expect(article).toMatchObject({ ok: false });
    expect((article as NoArticle).message).not.toBe(CROSS_ORIGIN_FRAME_MESSAGE);
  });

  it('says the article may be in a frame of another site, which it cannot read (no throw)', async () => {
    const doc = await page(iframePage('<iframe src="https://embed.other.example/story" width="800" height="1200"></iframe>'));
    expect(surveyFrames(doc)).toEqual({ documents: [doc], unreadable: 1 });
    const { article, document } = readArticle(doc);
    expect(document).toBe(doc);
    expect(article).toMatchObject({ ok: false, message: CROSS_ORIGIN_FRAME_MESSAGE });
  });

  it('does not blame a small cross-origin frame (an ad, a video) for a missing article', async () => {
    const doc = await page(iframePage('<iframe src="https://ads.other.example/slot" width="300" height="250"></iframe>'));
    expect(surveyFrames(doc).unreadable).toBe(0);
    expect((readArticle(doc).article as NoArticle).message).not.toBe(CROSS_ORIGIN_FRAME_MESSAGE);
  });
});

describe('the content script on a framed article', () => {
  /** The content script's wiring (entrypoints/content/index.ts) with painting recorded: happy-dom has no CSS.highlights. */
  function contentScript(doc: Document) {
    const painted: Array<{ doc: Document; keys: string[] }> = [];
    const cleared: Document[] = [];
    const engine: HighlightEngine = {
      anchorPassages: anchorIntoOpenShadowRoots(anchorPassages),
      paintHighlights: (d, r) => void painted.push({ doc: d, keys: r.keySentence.map((x) => x.toString()) }),
      clearHighlights: (d) => void cleared.push(d),
    };
    const now = () => performance.now();
    const session = new ReadingSession({ document: doc, url: () => doc.URL, selectionText: () => '', visibleText: () => doc.body.textContent ?? '', now });
    const highlighter = createFrameHighlighter(
      (d) => createPageHighlighter(d, engine),
      () => session.current?.document ?? doc,
    );
    const handlers = createHandlers({ session, highlighter, tooLargeToPaint: () => false, now });
    const ask = async (message: unknown): Promise<Reply> => (await dispatch(handlers, message, () => {}))!;
    return { ask, painted, cleared };
  }

  it('reads the frame, anchors every key sentence in the frame document and paints there', async () => {
    const doc = await page(iframePage(srcdocFrame(ARTICLE, 'width="800" height="1200"')));
    const frameDoc = (doc.querySelector('iframe') as HTMLIFrameElement).contentDocument!;
    const { ask, painted } = contentScript(doc);
    const reply = await ask({ type: 'analyze', source: 'article', sentences: 3, highlights: true });
    if (reply.type !== 'analysis' || !reply.result.ok) throw new Error(`no reading: ${JSON.stringify(reply)}`);
    expect(reply.anchoring).toMatchObject({ keySentences: { found: 3, anchored: 3 } });
    const last = painted.at(-1)!;
    expect(last.doc).toBe(frameDoc);
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    const result = reply.result;
    expect(last.keys.map(squash)).toEqual(keySentenceSpans(result).map((s) => squash(result.text.slice(s.start, s.end))));
    expect(painted.some((p) => p.doc === doc)).toBe(false);
  });

  it('reads again when the frame it read from has gone, instead of reusing the reading of a dead document', async () => {
    const doc = await page(iframePage(srcdocFrame(ARTICLE, 'width="800" height="1200"')));
    const { ask } = contentScript(doc);
    const first = await ask({ type: 'analyze', source: 'article', sentences: 3, highlights: true });
    expect(first).toMatchObject({ type: 'analysis', result: { ok: true } });
    doc.querySelector('iframe')!.remove();
    const again = await ask({ type: 'analyze', source: 'article', sentences: 3, highlights: true });
    expect(again).toMatchObject({ type: 'analysis', result: { ok: false }, timing: { cached: false } });
  });

  it('reading the visible text afterwards moves the highlights back to the page and clears the frame', async () => {
    const doc = await page(iframePage(srcdocFrame(ARTICLE, 'width="800" height="1200"')));
    const frameDoc = (doc.querySelector('iframe') as HTMLIFrameElement).contentDocument!;
    const { ask, painted, cleared } = contentScript(doc);
    await ask({ type: 'analyze', source: 'article', sentences: 3, highlights: true });
    expect(painted.at(-1)!.doc).toBe(frameDoc);
    const paintedBefore = painted.length;
    const reply = await ask({ type: 'analyze', source: 'visible', sentences: 3, highlights: true });
    expect(reply.type).toBe('analysis');
    expect(cleared).toContain(frameDoc);
    expect(painted.slice(paintedBefore).filter((p) => p.doc === frameDoc)).toEqual([]);
  });
});

describe('in Node (the CLI\'s linkedom: no frames loaded, no shadow DOM)', () => {
  it('reads the iframe page as the page alone: no article, and no blame on a frame it never loaded', () => {
    const doc = parseHtmlDocument(IFRAME_PAGE);
    expect(hasOpenShadowRoots(doc)).toBe(false);
    const { article, document } = readArticle(doc);
    expect(document).toBe(doc);
    expect(article).toMatchObject({ ok: false });
    expect((article as NoArticle).message).not.toBe(CROSS_ORIGIN_FRAME_MESSAGE);
  });

  it('reads an ordinary article exactly as extractArticle does', () => {
    const doc = parseHtmlDocument(ARTICLE);
    expect(readArticle(doc).article).toEqual(extractArticle(parseHtmlDocument(ARTICLE)));
  });
});
