/**
 * classAttr (lib/extract/class-attr.ts) reads the class attribute as written
 * where linkedom's getAttribute('class') joins its class list anew: both must
 * give the same string ('' for none) and so the same names, on every element
 * of the fixture pages and of Readability's content (which has read every
 * element's class list, as in extraction), and of Readability's test pages
 * (../shared, skipped when absent).
 */
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../cli/dom';
import { classAttr } from '../../lib/extract/class-attr';
import { fixturePages, READABILITY_PAGES, readabilityPages } from '../support/pages';
import { hasShared } from '../support/shared';

const names = (s: string | null) => [...new Set((s ?? '').split(/\s+/).filter(Boolean))].sort();

function expectSameNames(html: string, where: string): number {
  let n = 0;
  const doc = parseHtmlDocument(html);
  const check = (root: Element) => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      // In linkedom the attribute holds the list's own join (it is written through the list), '' read as none.
      expect(classAttr(el) ?? '', `${where}: <${el.localName} class="${classAttr(el)}">`).toBe(el.getAttribute('class') ?? '');
      expect(names(classAttr(el)), `${where}: <${el.localName} class="${classAttr(el)}">`).toEqual(names(el.getAttribute('class')));
      if (classAttr(el)) n++;
    }
  };
  check(doc.documentElement);
  const parsed = new Readability<Node>(doc, { serializer: (el: Node) => el, keepClasses: true }).parse();
  if (parsed?.content) check(parsed.content as Element);
  return n;
}

describe('classAttr holds the names getAttribute("class") holds', () => {
  it('on a class written with repeats and odd spacing', () => {
    const doc = parseHtmlDocument('<body><div class="  photo\tcaption  photo\n"></div><p></p></body>');
    const div = doc.querySelector('div')!;
    expect(names(classAttr(div))).toEqual(['caption', 'photo']);
    expect(names(classAttr(div))).toEqual(names(div.getAttribute('class')));
    expect(classAttr(doc.querySelector('p')!)).toBeNull();
  });

  it('on every element of every fixture page, before and after Readability', () => {
    let n = 0;
    for (const { name, html } of fixturePages()) n += expectSameNames(html, name);
    expect(n).toBeGreaterThan(100);
  });
});

describe.skipIf(!hasShared(READABILITY_PAGES))('classAttr on Readability’s test pages (../shared)', () => {
  it('holds the same names on every element', () => {
    for (const { name, html } of readabilityPages()) expectSameNames(html, name);
  }, 120_000);
});
