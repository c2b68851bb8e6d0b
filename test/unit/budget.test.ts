/**
 * The page budget (issue 17): lib/extract/budget.ts on the DOM, cli/html-budget.ts
 * on the HTML before it is parsed. A page within budget is read as it is; one
 * over it is read in part, without recursion, and the reading says what was left out.
 */
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../cli/dom';
import { boundHtml, flattenDeep } from '../../cli/html-budget';
import { analyze } from '../../lib/analyze';
import { boundedCopy, MAX_DEPTH, MAX_ELEMENTS, measurePage } from '../../lib/extract/budget';
import { pageLimitNotes } from '../../lib/limits';
import { validateReply } from '../../lib/messages';
import { pageNestedDeep, pageWithManyElements, readHostile } from '../fixtures/hostile/generate';
import { analysisProblems } from '../support/valid-analysis';

const STORY = 'The late-night ferry between Harbor City and Gull Island will return in May';

describe('on the DOM', () => {
  it('a page within budget is measured as such and read as before', () => {
    const doc = parseHtmlDocument(readHostile('article-base.html'));
    const m = measurePage(doc);
    expect(m.overElements || m.overDepth).toBe(false);
    expect(m.elements).toBeGreaterThan(10);
    const r = analyze(doc);
    expect(r.ok && r.limits?.page).toBeFalsy();
  });

  it('a DOM nested 2,000 deep (parsed whole: no HTML budget) is read flat below 512 levels, and says so', () => {
    const doc = parseHtmlDocument(pageNestedDeep(2_000));
    const m = measurePage(doc);
    expect(m.overDepth).toBe(true);
    const copy = boundedCopy(doc, { ...m });
    expect(measurePage(copy).depth).toBeLessThanOrEqual(MAX_DEPTH + 1);
    const r = analyze(doc, { ownsDocument: true });
    expect(analysisProblems(r)).toEqual([]);
    if (!r.ok) throw new Error(r.message);
    expect(r.text).toContain(STORY);
    expect(r.limits?.page).toEqual({ depth: MAX_DEPTH });
  });

  it('a DOM of 120,000 elements is read up to the element budget, story first', () => {
    const doc = parseHtmlDocument(pageWithManyElements(120_000));
    const m = measurePage(doc);
    expect(m.overElements).toBe(true);
    expect(measurePage(boundedCopy(doc, { ...m })).elements).toBeLessThanOrEqual(MAX_ELEMENTS);
    const r = analyze(doc);
    if (!r.ok) throw new Error(r.message);
    expect(r.text).toContain(STORY);
    expect(r.limits?.page).toEqual({ elements: MAX_ELEMENTS });
  });
});

describe('on the HTML, before parsing', () => {
  it('leaves a page within budget as it is', () => {
    const html = readHostile('article-base.html');
    expect(boundHtml(html)).toEqual({ html });
  });

  it('flattens nesting past the limit, keeping the text in order and apart, and counts no <p> or void element', () => {
    const html = `<html><body>${'<div>'.repeat(10)}one<p>two<p>three<br>four${'</div>'.repeat(10)}after</body></html>`;
    const flat = flattenDeep(html, 4);
    expect(flat.flattened).toBe(true);
    const doc = parseHtmlDocument(flat.html);
    // The levels past 4 are gone, their text in order; <p> and <br> (never counted) stay elements.
    expect(doc.body.textContent!.replace(/\s+/g, ' ').trim()).toBe('onetwothreefour after');
    expect(doc.querySelectorAll('div').length).toBe(4);
    expect(doc.querySelectorAll('p').length).toBe(2);
    expect(flattenDeep(`<body>${'<p>x'.repeat(1000)}${'<img>'.repeat(1000)}</body>`, 4).flattened).toBe(false);
    // Tags inside a script are not tags.
    expect(flattenDeep(`<script>${'"<div>"'.repeat(50)}</script><div>x</div>`, 4).flattened).toBe(false);
  });

  it('cuts past the element budget and past the character budget, script bodies dropped first', () => {
    const many = boundHtml(pageWithManyElements(200_000));
    expect(many.limits).toEqual({ elements: MAX_ELEMENTS });
    expect(many.html).toContain(STORY);
    const script = `<script>${'x'.repeat(3_000_000)}</script>`;
    const page = readHostile('article-base.html').replace('<head>', `<head>${script}`);
    const b = boundHtml(page);
    expect(b.limits).toBeUndefined();
    expect(b.html).toContain(STORY);
    expect(b.html.length).toBeLessThan(page.length - 2_900_000);
  });
});

describe('what the reading says', () => {
  it('a sentence per limit, and the popup accepts readings that carry them', () => {
    expect(pageLimitNotes({ fileBytes: 16_777_216, htmlChars: 2_500_000, elements: 50_000, depth: 512 })).toEqual([
      'The file is very large: Lede read only its first 16.8 MB.',
      'The page is very large: Lede read only the first 2,500,000 characters of its HTML.',
      'The page has more than 50,000 elements: Lede read only the first 50,000.',
      'The page is nested more than 512 levels deep: Lede read what lies deeper as flat text.',
    ]);
    const r = analyze(parseHtmlDocument(pageNestedDeep(600)), { ownsDocument: true });
    if (!r.ok) throw new Error(r.message);
    const count = (n: number) => ({ found: n, anchored: n });
    const anchoring = { keySentences: count(r.summary.length), quotes: count(r.quotes.length), painted: true, supported: true };
    const reply = { type: 'analysis', result: r, anchoring, timing: { analyzeMs: 1, totalMs: 1, cached: false } };
    expect(validateReply(reply).ok).toBe(true);
    expect(validateReply({ ...reply, result: { ...r, limits: { page: { depth: -1 } } } }).ok).toBe(false);
  });
});
