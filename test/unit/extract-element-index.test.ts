/**
 * lib/extract/element-index.ts stands in for DOM queries in boilerplate
 * removal, so it must answer exactly as the DOM does: the element list as
 * querySelectorAll lists it (Readability's content included, whose "DIV"s
 * linkedom keeps in capitals), each element's textContent length and squashed
 * text, before and after removals. Checked on the team's fixture pages and on
 * Readability's 130 test pages (../shared, skipped when absent).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../cli/dom';
import { descendants, ElementIndex, squash } from '../../lib/extract/element-index';
import { hasShared, PROJECT_ROOT, sharedPath } from '../support/shared';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []))
    .sort();
}

/** Readability's content element for a page, as extraction gets it. */
function readabilityContent(html: string): Element | null {
  const parsed = new Readability<Node>(parseHtmlDocument(html), { serializer: (el: Node) => el, keepClasses: true }).parse();
  return (parsed?.content as Element | undefined) ?? null;
}

/** Every way the index answers, compared with the DOM's own answer now. */
function expectLikeTheDom(index: ElementIndex, root: Element, where: string): void {
  const all = Array.from(root.querySelectorAll('*'));
  const live = index.elements.filter((el) => root.contains(el));
  expect(live, where).toEqual(all);
  for (const tag of ['div', 'p', 'span', 'a', 'li', 'figcaption']) {
    const byTag = index.elements.filter((el, i) => index.tags[i] === tag && root.contains(el));
    expect(byTag, `${where}: ${tag}`).toEqual(Array.from(root.querySelectorAll(tag)));
  }
  expect(index.rawLength(root), where).toBe((root.textContent ?? '').length);
  expect(index.text(root), where).toBe(squash(root.textContent));
  all.forEach((el, i) => {
    expect(index.rawLength(el), `${where}: element ${i}`).toBe((el.textContent ?? '').length);
    if (i % 5 === 0) expect(index.text(el), `${where}: element ${i}`).toBe(squash(el.textContent));
    if (i % 11 === 0) {
      expect(descendants(el, (tag) => tag === 'a'), `${where}: links in element ${i}`).toEqual(Array.from(el.querySelectorAll('a')));
    }
  });
}

/** Builds the index, checks it, removes every 9th element with a class (as boilerplate removal does) and checks again. */
function checkPage(root: Element, where: string): void {
  const index = new ElementIndex(root);
  expectLikeTheDom(index, root, where);
  // Texts asked for before the removals must not be served stale after them.
  for (const el of index.elements) index.text(el);
  let n = 0;
  for (const el of index.elements) {
    if (el.hasAttribute('class') && root.contains(el) && n++ % 9 === 0) index.remove(el);
  }
  expectLikeTheDom(index, root, `${where} after ${Math.ceil(n / 9)} removals`);
}

describe('ElementIndex answers as the DOM does', () => {
  const fixtures = htmlFiles(join(PROJECT_ROOT, 'test/fixtures'));

  it('on every fixture page, the whole body and Readability’s content', () => {
    expect(fixtures.length).toBeGreaterThan(10);
    for (const file of fixtures) {
      const html = readFileSync(file, 'utf8');
      const doc = parseHtmlDocument(html);
      checkPage(doc.body, `${file} body`);
      const content = readabilityContent(html);
      if (content) checkPage(content, `${file} content`);
    }
  });

  it('counts text inside a <template> as textContent does, but lists none of its elements', () => {
    const doc = parseHtmlDocument(
      '<body><div id="a"><p>One <b>two</b></p><template><p>hidden <a href="#">x</a></p></template><p>three</p></div></body>',
    );
    const root = doc.getElementById('a')!;
    const index = new ElementIndex(root);
    expect(index.tags).toEqual(['p', 'b', 'template', 'p']);
    expect(index.rawLength(root)).toBe((root.textContent ?? '').length);
    expect(descendants(root, (tag) => tag === 'a')).toEqual([]);
  });
});

const PAGES = 'corpora/readability-pages';
describe.skipIf(!hasShared(PAGES))('ElementIndex on Readability’s test pages (../shared)', () => {
  it('answers as the DOM does on every page’s Readability content', () => {
    const dir = sharedPath(PAGES);
    const names = readdirSync(dir).filter((d) => existsSync(join(dir, d, 'source.html'))).sort();
    expect(names.length).toBeGreaterThan(100);
    for (const name of names) {
      const content = readabilityContent(readFileSync(join(dir, name, 'source.html'), 'utf8'));
      if (content) checkPage(content, name);
    }
  }, 120_000);
});
