/**
 * lib/extract/readerable.ts is a faster isProbablyReaderable: it must answer
 * exactly as @mozilla/readability's own, alone and fed by pageFacts' walk as
 * extraction runs it, on every page — every fixture page,
 * Readability's 130 test pages and the extraction benchmark's pages (../shared,
 * skipped when absent) — and on small pages made for the library's corner
 * cases (the <div>s with <br>, "li p", hidden nodes, <template>).
 */
import { isProbablyReaderable as libraryAnswer } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../cli/dom';
import { pageFacts } from '../../lib/extract/metadata';
import { isProbablyReaderable, ReaderableScore } from '../../lib/extract/readerable';
import { EXTRACTION_PAGES, extractionPages, fixturePages, READABILITY_PAGES, readabilityPages } from '../support/pages';
import { hasShared } from '../support/shared';

/** The answer fed by pageFacts' walk, as extraction gets it. */
function alongPageFacts(doc: Document): boolean {
  const score = new ReaderableScore();
  pageFacts(doc, (el) => score.visit(el));
  return score.answer();
}

/** The answers on the same page (one parse: all three only read it). */
function answers(html: string): { ours: boolean; fused: boolean; library: boolean } {
  const doc = parseHtmlDocument(html);
  return { library: libraryAnswer(doc), ours: isProbablyReaderable(doc), fused: alongPageFacts(doc) };
}

/** Compares on every page and returns how many pages each answer had, so a test can see both answers came up. */
function compareAll(pages: { name: string; html: string }[]): { yes: number; no: number } {
  let yes = 0;
  let no = 0;
  for (const { name, html } of pages) {
    const { ours, fused, library } = answers(html);
    expect(ours, name).toBe(library);
    expect(fused, `${name} (along pageFacts)`).toBe(library);
    if (library) yes++;
    else no++;
  }
  return { yes, no };
}

const para = (n: number) => `${'Words of a sentence that goes on. '.repeat(n)}`;

describe('isProbablyReaderable answers as the library does', () => {
  it('on every fixture page', () => {
    const { yes, no } = compareAll(fixturePages());
    expect(yes).toBeGreaterThan(3);
    expect(no).toBeGreaterThan(3);
  });

  it('on the corner cases of its rules', () => {
    const cases = [
      // Text only in <div>s broken by <br>: the score comes from the divs, after every <p>.
      `<body><div>${para(8)}<br><br>${para(8)}</div><p>${para(2)}</p></body>`,
      `<body><div>${para(5)}<br></div><div><div>${para(3)}<br>${para(3)}</div><br></div></body>`,
      // A paragraph in a list item does not count; one outside does.
      `<body><ul><li><p>${para(20)}</p></li></ul></body>`,
      `<body><ul><li><div><p>${para(20)}</p></div></li></ul><p>${para(6)}</p></body>`,
      // Hidden, aria-hidden (and its wikimedia exception), display:none.
      `<body><p hidden>${para(20)}</p><p style="display: none">${para(20)}</p></body>`,
      `<body><p aria-hidden="true">${para(20)}</p></body>`,
      `<body><p aria-hidden="true" class="fallback-image">${para(20)}</p></body>`,
      // Unlikely class names, and the words that save them.
      `<body><p class="sidebar">${para(20)}</p><p class="sidebar-content">${para(20)}</p></body>`,
      `<body><p id="comment-3">${para(20)}</p></body>`,
      // <template> content is not the page's; <pre> and <article> count.
      `<body><template><p>${para(20)}</p></template></body>`,
      `<body><pre>${para(20)}</pre></body>`,
      `<body><article>${para(20)}</article></body>`,
      // Just under and just over the thresholds: 140 characters, a score of 20.
      `<body><p>${'x'.repeat(139)}</p></body>`,
      `<body><p>${'x'.repeat(540)}</p></body>`,
      `<body><p>${'x'.repeat(541)}</p></body>`,
      `<body><p>${'x'.repeat(400)}</p><p>${'x'.repeat(240)}</p><div>${'y'.repeat(300)}<br></div></body>`,
    ];
    const { yes, no } = compareAll(cases.map((html, i) => ({ name: `case ${i}: ${html.slice(0, 80)}`, html })));
    expect(yes).toBeGreaterThan(3);
    expect(no).toBeGreaterThan(3);
  });
});

describe.skipIf(!hasShared(READABILITY_PAGES))('isProbablyReaderable on Readability’s test pages (../shared)', () => {
  it('answers as the library does on all of them', () => {
    const pages = readabilityPages();
    expect(pages.length).toBeGreaterThan(100);
    const { yes, no } = compareAll(pages);
    expect(yes).toBeGreaterThan(50);
    expect(no).toBeGreaterThan(0);
  }, 60_000);
});

describe.skipIf(!hasShared(EXTRACTION_PAGES))('isProbablyReaderable on the extraction benchmark’s pages (../shared)', () => {
  it('answers as the library does on all of them', () => {
    const pages = extractionPages();
    expect(pages.length).toBeGreaterThan(50);
    compareAll(pages);
  }, 60_000);
});
