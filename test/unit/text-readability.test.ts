/**
 * lib/extract/text-readability.ts runs Readability without its rewriting of
 * addresses. Everything else of the article must be the library's own: the
 * same elements, attributes and text, `javascript:` links replaced the same
 * way, and each link's address, once resolved as boilerplate.ts resolves it,
 * the one the library writes. Checked on every fixture page, on small pages
 * made for the corner cases, and on Readability's test pages and the
 * extraction benchmark's pages (../shared, skipped when absent).
 */
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../cli/dom';
import { resolvedHref, TextReadability } from '../../lib/extract/text-readability';
import { EXTRACTION_PAGES, extractionPages, fixturePages, READABILITY_PAGES, readabilityPages } from '../support/pages';
import { hasShared } from '../support/shared';

const URL_OF_PAGE = 'http://fakehost/test/page.html';
/** Addresses the library resolves and Lede leaves as written (it reads none but links', resolved where needed). */
const ADDRESS_ATTRS = new Set(['href', 'src', 'srcset', 'poster']);

interface Counts {
  articles: number;
  links: number;
  /** Links whose address the library changed (so resolution was really left to Lede). */
  resolved: number;
}

/** Walks both articles side by side and fails on the first difference that is not an address left unresolved. */
function sameArticle(name: string, html: string, url: string | undefined, counts: Counts): void {
  const libDoc = parseHtmlDocument(html, url);
  const ourDoc = parseHtmlDocument(html, url);
  const lib = new Readability<Node>(libDoc, { serializer: (el: Node) => el, keepClasses: true }).parse();
  const ours = new TextReadability(ourDoc).parse();
  expect(ours === null, name).toBe(lib === null);
  if (!lib || !ours) return;
  counts.articles++;
  const { content: libRoot, ...libRest } = lib;
  const { content: ourRoot, ...ourRest } = ours;
  expect(ourRest, name).toEqual(libRest);
  const a: Node[] = [libRoot as Node];
  const b: Node[] = [ourRoot as Node];
  while (a.length) {
    const x = a.pop()!;
    const y = b.pop()!;
    expect(y.nodeType, name).toBe(x.nodeType);
    if (x.nodeType !== 1) {
      expect(y.nodeValue, name).toBe(x.nodeValue);
      continue;
    }
    const ex = x as Element;
    const ey = y as Element;
    expect(ey.tagName, name).toBe(ex.tagName);
    const attrs = (e: Element) => Object.fromEntries(Array.from(e.attributes, (at) => [at.name, at.value]).filter(([n]) => !ADDRESS_ATTRS.has(n)));
    expect(attrs(ey), `${name} <${ex.tagName}>`).toEqual(attrs(ex));
    if (ex.tagName === 'A' && ex.hasAttribute('href')) {
      counts.links++;
      const href = ey.getAttribute('href')!;
      expect(href ? resolvedHref(href, ourDoc) : href, `${name}: ${href}`).toBe(ex.getAttribute('href'));
      if (href !== ex.getAttribute('href')) counts.resolved++;
    }
    expect(y.childNodes.length, `${name} <${ex.tagName}> children`).toBe(x.childNodes.length);
    for (let i = 0; i < x.childNodes.length; i++) {
      a.push(x.childNodes[i]);
      b.push(y.childNodes[i]);
    }
  }
}

function compareAll(pages: { name: string; html: string }[]): Counts {
  const counts: Counts = { articles: 0, links: 0, resolved: 0 };
  for (const { name, html } of pages) {
    sameArticle(name, html, URL_OF_PAGE, counts);
    // A file read with no address: the library cannot resolve relative links either.
    sameArticle(`${name} (no address)`, html, undefined, counts);
  }
  return counts;
}

const para = (n: number) => `${'Words of a sentence that goes on, and on. '.repeat(n)}`;

describe('TextReadability reads the article the library reads', () => {
  it('does not rewrite addresses: the method it replaces is still the library’s', () => {
    expect(typeof (Readability.prototype as unknown as Record<string, unknown>)._fixRelativeUris).toBe('function');
    const doc = parseHtmlDocument(`<body><article><p>${para(20)}<a href="/story">a story</a> <img src="a.jpg"></p></article></body>`, URL_OF_PAGE);
    const root = new TextReadability(doc).parse()!.content as Element;
    expect(root.querySelector('a')!.getAttribute('href')).toBe('/story');
    expect(resolvedHref('/story', doc)).toBe('http://fakehost/story');
  });

  it('on every fixture page', () => {
    const counts = compareAll(fixturePages());
    expect(counts.articles).toBeGreaterThan(10);
    expect(counts.resolved).toBeGreaterThan(0);
  });

  it('on the corner cases: javascript: links, fragments, <base>, protocol-relative and malformed addresses', () => {
    const cases = [
      `<body><article><p>${para(20)}<a href="javascript:void(0)">only text</a> and <a href="javascript:go()"><b>bold</b> and text</a> and <a href="JavaScript:x()">upper case</a>.</p></article></body>`,
      `<body><article><p>${para(20)}<a href="#notes">notes</a> <a href="//other.example/x">elsewhere</a> <a href="http://[bad">bad</a> <a href="">empty</a> <a href="mailto:a@b.c">mail</a></p></article></body>`,
      `<head><base href="http://elsewhere.example/dir/"></head><body><article><p>${para(20)}<a href="page">relative</a> <a href="#top">top</a></p></article></body>`,
      `<body><article><p>${para(20)}<a href="javascript:a()"><a href="/inner">nested</a></a><video poster="p.jpg"><source src="v.mp4" srcset="a.jpg 1x, b.jpg 2x"></video></p></article></body>`,
    ];
    const counts = compareAll(cases.map((html, i) => ({ name: `case ${i}`, html })));
    expect(counts.articles).toBe(cases.length * 2);
    expect(counts.resolved).toBeGreaterThan(3);
  });
});

describe.skipIf(!hasShared(READABILITY_PAGES))('TextReadability on Readability’s test pages (../shared)', () => {
  it('reads the article the library reads on all of them', () => {
    const pages = readabilityPages();
    expect(pages.length).toBeGreaterThan(100);
    const counts = compareAll(pages);
    expect(counts.articles).toBeGreaterThan(200);
    expect(counts.resolved).toBeGreaterThan(1000);
  }, 120_000);
});

describe.skipIf(!hasShared(EXTRACTION_PAGES))('TextReadability on the extraction benchmark’s pages (../shared)', () => {
  it('reads the article the library reads on all of them', () => {
    const pages = extractionPages();
    expect(pages.length).toBeGreaterThan(50);
    compareAll(pages);
  }, 120_000);
});
