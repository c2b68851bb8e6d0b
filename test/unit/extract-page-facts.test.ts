/**
 * pageFacts (lib/extract/metadata.ts) walks the page node by node, counting
 * its visible text in the same walk. It must find what the walk from element
 * to element found before (kept below as the reference: the same <meta>
 * contents, <h1> texts, <time>, and the same elements visited in the same
 * order, none inside a <template>), and count what visibleTextLength counts,
 * on every fixture page in linkedom and happy-dom (which answers a
 * <template>'s firstChild from its content) and on the corpus pages (../shared,
 * skipped when absent).
 */
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../cli/dom';
import { pageFacts } from '../../lib/extract/metadata';
import { visibleTextLength } from '../../lib/extract/visible-text';
import { happyPage } from '../support/happy-page';
import { EXTRACTION_PAGES, extractionPages, fixturePages, READABILITY_PAGES, readabilityPages } from '../support/pages';
import { hasShared } from '../support/shared';

/** The walk pageFacts made before: element to element (firstElementChild, nextElementSibling). */
function referenceWalk(doc: Document) {
  const visited: Element[] = [];
  const metas: Element[] = [];
  const h1: string[] = [];
  let time: string | null = null;
  for (const top of Array.from(doc.childNodes)) {
    if (top.nodeType !== 1) continue;
    const start = top as Element;
    let el: Element | null = start;
    let templates = 0;
    while (el) {
      const name = el.localName;
      if (!templates) visited.push(el);
      if (name === 'meta') metas.push(el);
      else if (name === 'h1') {
        if (h1.length < 3) h1.push(el.textContent ?? '');
      } else if (name === 'time' && time === null) time = el.getAttribute('datetime')?.trim() || null;
      let next: Element | null = el.firstElementChild;
      if (next) {
        if (name === 'template') templates++;
      } else {
        while (el !== start && !el.nextElementSibling) {
          el = el.parentElement!;
          if (el.localName === 'template') templates--;
        }
        next = el === start ? null : el.nextElementSibling;
      }
      el = next;
    }
  }
  return { visited, metas, h1, time };
}

function expectLikeBefore(doc: Document, where: string): void {
  // linkedom makes a missing <head> when asked for the title: extraction asks first, so does this.
  void doc.title;
  const ref = referenceWalk(doc);
  for (const cap of [50, 400, Infinity]) {
    const visited: Element[] = [];
    const page = pageFacts(doc, (el) => visited.push(el), { visibleCap: cap });
    expect(page.visible, `${where}: visible text up to ${cap}`).toBe(visibleTextLength(doc, cap));
    expect(visited, `${where}: elements visited`).toEqual(ref.visited);
    expect(page.h1, `${where}: h1`).toEqual(ref.h1);
    expect(page.time, `${where}: time`).toBe(ref.time);
    // Every <meta> with content is read, in order: the first content of each key wins.
    const keys = new Map<string, string>();
    for (const m of ref.metas) {
      const content = m.getAttribute('content')?.trim();
      if (!content) continue;
      for (const attr of ['property', 'name', 'itemprop']) {
        const key = m.getAttribute(attr);
        if (key && !keys.has(`${attr}:${key}`)) keys.set(`${attr}:${key}`, content);
      }
      const equiv = m.getAttribute('http-equiv')?.toLowerCase();
      if (equiv && !keys.has(`http-equiv:${equiv}`)) keys.set(`http-equiv:${equiv}`, content);
    }
    expect(page.meta, `${where}: meta`).toEqual(keys);
    expect(page, `${where}: the same facts without the count`).toEqual({ ...pageFacts(doc), visible: page.visible });
  }
}

describe('pageFacts walks the page as before, counting its visible text', () => {
  it('on pages written for the corners: text in a <template>, in scripts and the head, elements inside a template', () => {
    const doc = parseHtmlDocument(
      '<html><head><title>T</title><meta name="a" content="1"><style>p{}</style></head><body>' +
        '<template><h1>in a template</h1><meta name="b" content="2"></template><h1>One</h1><script>x = 1</script>' +
        '<noscript>no</noscript><p>visible <time datetime=" 2020-01-01 ">then</time></p><h1>Two</h1></body></html>',
    );
    expectLikeBefore(doc, 'corners');
    expect(pageFacts(doc, undefined, { visibleCap: 400 }).visible).toBe('OnevisiblethenTwo'.length);
    expect(pageFacts(doc).visible).toBe(0);
  });

  it('on every fixture page, in linkedom and in happy-dom', () => {
    const fixtures = fixturePages();
    expect(fixtures.length).toBeGreaterThan(10);
    for (const { name, html } of fixtures) {
      expectLikeBefore(parseHtmlDocument(html), name);
      const page = happyPage(html);
      try {
        expectLikeBefore(page.doc, `${name} (happy-dom)`);
      } finally {
        page.close();
      }
    }
  }, 60_000);
});

describe.skipIf(!hasShared(READABILITY_PAGES))('pageFacts on Readability’s test pages (../shared)', () => {
  it('walks every page as before', () => {
    for (const { name, html } of readabilityPages()) expectLikeBefore(parseHtmlDocument(html), name);
  }, 120_000);
});

describe.skipIf(!hasShared(EXTRACTION_PAGES))('pageFacts on the extraction pages (../shared)', () => {
  it('walks every page as before', () => {
    for (const { name, html } of extractionPages()) expectLikeBefore(parseHtmlDocument(html), name);
  }, 120_000);
});
