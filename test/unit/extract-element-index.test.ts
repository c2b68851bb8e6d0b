/**
 * lib/extract/element-index.ts stands in for DOM queries in boilerplate
 * removal, so it must answer exactly as the DOM does: the element list as
 * querySelectorAll lists it (Readability's content included, whose "DIV"s
 * linkedom keeps in capitals), which are still in the tree, what is inside
 * each, each one's textContent length, count of non-spaces and squashed text,
 * before and after removals, and the link density and text length before. Checked on the team's fixture pages and on
 * Readability's 130 test pages (../shared, skipped when absent).
 */
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../cli/dom';
import { elementText } from '../../lib/extract/dom-text';
import { descendants, ElementIndex, squash } from '../../lib/extract/element-index';
import { linkDensity } from '../../lib/extract/no-article';
import { teaserShape } from '../../lib/extract/teaser-list';
import { happyPage } from '../support/happy-page';
import { fixturePages, READABILITY_PAGES, readabilityPages } from '../support/pages';
import { hasShared } from '../support/shared';

/** Readability's content element for a page, as extraction gets it. */
function readabilityContent(html: string): Element | null {
  return contentOf(parseHtmlDocument(html));
}

function contentOf(doc: Document): Element | null {
  const parsed = new Readability<Node>(doc, { serializer: (el: Node) => el, keepClasses: true }).parse();
  return (parsed?.content as Element | undefined) ?? null;
}

/** Every way the index answers, compared with the DOM's own answer now. */
function expectLikeTheDom(index: ElementIndex, root: Element, where: string): void {
  const all = Array.from(root.querySelectorAll('*'));
  expect(index.elements[0], where).toBe(root);
  const under = index.elements.slice(1);
  under.forEach((el, i) => {
    expect(index.inTree(i + 1), `${where}: element ${i + 1} in the tree`).toBe(root.contains(el));
    expect(index.rawLengthAt(i + 1), `${where}: element ${i + 1}`).toBe((el.textContent ?? '').length);
    if (i % 3 === 0) expect(index.textAt(i + 1), `${where}: element ${i + 1}`).toBe(squash(el.textContent));
  });
  expect(under.filter((el) => root.contains(el)), where).toEqual(all);
  for (const tag of ['div', 'p', 'span', 'a', 'li', 'figcaption']) {
    const byTag = under.filter((el, i) => index.tags[i + 1] === tag && index.inTree(i + 1));
    expect(byTag, `${where}: ${tag}`).toEqual(Array.from(root.querySelectorAll(tag)));
  }
  expect(index.inside(root, (tag) => tag === 'a'), where).toEqual(Array.from(root.querySelectorAll('a')));
  expect(index.rawLength(root), where).toBe((root.textContent ?? '').length);
  expect(index.text(root), where).toBe(squash(root.textContent));
  all.forEach((el, i) => {
    expect(index.rawLength(el), `${where}: element ${i}`).toBe((el.textContent ?? '').length);
    expect(index.nonSpaceLength(el), `${where}: element ${i}`).toBe((el.textContent ?? '').replace(/\s+/g, '').length);
    if (i % 5 === 0) expect(index.text(el), `${where}: element ${i}`).toBe(squash(el.textContent));
    if (i % 7 === 0) {
      const links = Array.from(el.querySelectorAll('a'));
      expect(descendants(el, (tag) => tag === 'a'), `${where}: links in element ${i}`).toEqual(links);
      expect(index.inside(el, (tag) => tag === 'a'), `${where}: links in element ${i}`).toEqual(links);
      expect(index.inside(el, (tag) => tag === 'p' || tag === 'img', true), `${where}: element ${i}`).toEqual(
        [el.querySelector('p, img')].filter(Boolean),
      );
    }
  });
}

/**
 * The passes that read the tree from the index (its `nodes`) give what their
 * walk of the DOM gives: the text with its non-body spans (some headings and
 * paragraphs marked), and the teaser shape.
 */
function expectWalksLikeTheDom(index: ElementIndex, root: Element, where: string): void {
  const marked = new Set<Node>(index.elements.filter((el, i) => index.inTree(i) && /^(?:h\d|p)$/.test(index.tags[i]) && i % 4 === 1));
  expect(elementText(root, marked, index), `${where}: elementText`).toEqual(elementText(root, marked));
  expect(teaserShape(root, index), `${where}: teaserShape`).toEqual(teaserShape(root));
}

/** Builds the index, checks it, removes every 9th element with a class (as boilerplate removal does) and checks again. */
function checkPage(root: Element, where: string): void {
  const index = new ElementIndex(root);
  expect(index.textLength, where).toBe(squash(root.textContent).length);
  expect(index.linkDensity, where).toBe(linkDensity(root));
  expectLikeTheDom(index, root, where);
  expectWalksLikeTheDom(index, root, where);
  // Texts asked for before the removals must not be served stale after them.
  for (const el of index.elements) index.text(el);
  let n = 0;
  index.elements.forEach((el, i) => {
    if (i > 0 && el.hasAttribute('class') && index.inTree(i) && n++ % 9 === 0) index.remove(el);
  });
  // An element inside one already removed, as boilerplate removal may take a caption inside a caption.
  const inner = index.elements.findIndex((el, i) => i > 0 && !index.inTree(i) && el.parentElement);
  if (inner > 0) index.remove(index.elements[inner]);
  expectLikeTheDom(index, root, `${where} after ${Math.ceil(n / 9)} removals`);
  expectWalksLikeTheDom(index, root, `${where} after ${Math.ceil(n / 9)} removals`);
}

describe('ElementIndex answers as the DOM does', () => {
  const fixtures = fixturePages();

  it('on every fixture page, the whole body and Readability’s content', () => {
    expect(fixtures.length).toBeGreaterThan(10);
    for (const { name, html } of fixtures) {
      const doc = parseHtmlDocument(html);
      checkPage(doc.body, `${name} body`);
      const content = readabilityContent(html);
      if (content) checkPage(content, `${name} content`);
    }
  });

  it('on every fixture page in happy-dom too (the DOM of the browser tests, which treats <template> its own way)', () => {
    for (const { name, html } of fixtures) {
      const page = happyPage(html);
      try {
        checkPage(page.doc.body, `${name} body (happy-dom)`);
        const content = contentOf(page.doc.cloneNode(true) as Document);
        if (content) checkPage(content, `${name} content (happy-dom)`);
      } finally {
        page.close();
      }
    }
  }, 60_000);

  it('counts text inside a <template> as textContent does, but lists none of its elements', () => {
    const doc = parseHtmlDocument(
      '<body><div id="a"><p>One <b>two</b></p><template><p>hidden <a href="#">x</a></p></template><p>three</p></div></body>',
    );
    const root = doc.getElementById('a')!;
    const index = new ElementIndex(root);
    expect(index.tags).toEqual(['div', 'p', 'b', 'template', 'p']);
    expect(index.rawLength(root)).toBe((root.textContent ?? '').length);
    expect(descendants(root, (tag) => tag === 'a')).toEqual([]);
  });

  it('walks for the text and the teaser shape as the DOM walk does: hidden, skipped and removed parts, <pre>, <br>, marked blocks', () => {
    const doc = parseHtmlDocument(
      '<body><div id="a"><h2><a href="/x">A linked heading</a></h2><p>Snippet one…</p><div hidden><p>not seen</p></div>' +
        '<pre>line one\n  line two<br>three</pre><template><p>inside a template</p></template><script>var x = 1;</script>' +
        '<ul><li><a href="/y">Title</a><p>Another snippet...</p></li><li class="gone">remove me <b>too</b></li></ul>' +
        '<p style="display: none">hidden by style</p><p>Last <span class="gone"></span>words<!-- a comment -->here.</p></div></body>',
    );
    const root = doc.getElementById('a')!;
    const index = new ElementIndex(root);
    expectWalksLikeTheDom(index, root, 'before removals');
    for (const el of Array.from(root.querySelectorAll('.gone'))) index.remove(el);
    expectWalksLikeTheDom(index, root, 'after removals');
    expect(elementText(root, new Set(), index).text).toBe(
      'A linked heading\n\nSnippet one…\n\nline one\n  line two\nthree\n\nTitle\n\nAnother snippet...\n\nLast wordshere.',
    );
  });

  it('still answers as the DOM does after removing an element it does not list', () => {
    const doc = parseHtmlDocument(
      '<body><div id="a"><p class="x">One <b>two</b></p><template><p>hidden text</p></template><p>three <a href="#">four</a></p></div></body>',
    );
    const root = doc.getElementById('a')!;
    const index = new ElementIndex(root);
    index.text(root);
    // linkedom keeps a template's content in the tree; the index does not list it.
    const unlisted = root.querySelector('template')!.firstElementChild!;
    expect(index.elements).not.toContain(unlisted);
    index.remove(unlisted);
    expectLikeTheDom(index, root, 'after removing an unlisted element');
    index.remove(root.querySelector('b')!);
    expectLikeTheDom(index, root, 'after a removal that follows');
    expect(index.text(root)).toBe('One three four');
  });
});

describe.skipIf(!hasShared(READABILITY_PAGES))('ElementIndex on Readability’s test pages (../shared)', () => {
  it('answers as the DOM does on every page’s Readability content', () => {
    const pages = readabilityPages();
    expect(pages.length).toBeGreaterThan(100);
    for (const { name, html } of pages) {
      const content = readabilityContent(html);
      if (content) checkPage(content, name);
    }
  }, 120_000);
});
