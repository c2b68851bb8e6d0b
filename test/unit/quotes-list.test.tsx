// @vitest-environment happy-dom
/**
 * The popup's quote list on real articles (issue 15, item 2): statements first
 * and bounded, with "Show all"; quoted words and phrases ("solace",
 * "flattening the curve") folded apart; every quote of the reading (each one
 * painted in the page) still reachable from the popup, and clicked by its index.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { parseHtmlDocument } from '@/cli/dom';
import { QUOTES_SHOWN, Quotes } from '@/components/Quotes';
import { analyze } from '@/lib/analyze';
import { isQuotedPhrase } from '@/lib/quotes/phrases';
import type { Analysis } from '@/lib/types';
import { hasShared, PROJECT_ROOT, sharedPath } from '../support/shared';

function read(html: string): Analysis {
  const r = analyze(parseHtmlDocument(html));
  if (!r.ok) throw new Error(r.message);
  return r;
}
const sample = () => read(readFileSync(join(PROJECT_ROOT, 'test/fixtures/sample/article.html'), 'utf8'));
const corpusAvailable = hasShared('corpora/readability-pages');
const corpusPage = (name: string) => read(readFileSync(sharedPath('corpora/readability-pages', name, 'source.html'), 'utf8'));

let host: HTMLElement | null = null;
afterEach(() => {
  if (host) render(null, host);
  host?.remove();
  host = null;
});

function mount(a: Analysis, onFocus = vi.fn()): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  act(() => render(<Quotes analysis={a} onFocus={onFocus} />, host!));
  return host;
}
const texts = (root: ParentNode, sel: string) => [...root.querySelectorAll(sel)].map((e) => e.textContent ?? '');
/** The quote indices the popup can reach, in the order it lists them. */
const reachable = (root: ParentNode) => [...root.querySelectorAll<HTMLElement>('[data-quote]')].map((e) => Number(e.dataset.quote));

describe('the quote list', () => {
  it('on the sample article: the first statements with speakers, "Show all" for the rest, the phrase folded apart', () => {
    const a = sample();
    const statements = a.quotes.filter((q) => !isQuotedPhrase(q));
    expect(statements.length).toBeGreaterThan(QUOTES_SHOWN);
    const root = mount(a);
    expect(texts(root, '.quotes q')).toEqual(statements.slice(0, QUOTES_SHOWN).map((q) => q.text));
    expect(texts(root, '.quoted-phrases q')).toEqual(['moderate to high']);
    expect(root.querySelector('.quoted-phrases')?.hasAttribute('open')).toBe(false);

    const more = root.querySelector<HTMLButtonElement>('.show-all')!;
    expect(more.textContent).toBe(`Show all ${statements.length} quotes`);
    act(() => more.click());
    expect(texts(root, '.quotes q')).toEqual(statements.map((q) => q.text));
    expect(reachable(root).sort((x, y) => x - y)).toEqual(a.quotes.map((_, i) => i));
    act(() => root.querySelector<HTMLButtonElement>('.show-all')!.click());
    expect(root.querySelectorAll('.quotes li')).toHaveLength(QUOTES_SHOWN);
  });

  it('calls back with the quote’s index in the reading, for a statement and for a phrase', () => {
    const a = sample();
    const onFocus = vi.fn();
    const root = mount(a, onFocus);
    const phrase = root.querySelector<HTMLButtonElement>('.quoted-phrases button')!;
    act(() => phrase.click());
    expect(onFocus).toHaveBeenLastCalledWith(a.quotes.findIndex((q) => q.text === 'moderate to high'));
    const statements = root.querySelectorAll<HTMLButtonElement>('.quotes .passage');
    act(() => statements[1].click());
    expect(onFocus).toHaveBeenLastCalledWith(a.quotes.indexOf(a.quotes.filter((q) => !isQuotedPhrase(q))[1]));
  });

  it.skipIf(!corpusAvailable)('on the BBC test page (../shared): Obama’s "distressing" and "bluntly" are folded, his statements listed', () => {
    const root = mount(corpusPage('bbc-1'));
    expect(texts(root, '.quoted-phrases q')).toEqual(['distressing', 'bluntly']);
    expect(texts(root, '.quotes q')[0]).toBe('common sense gun safety laws');
    for (const word of texts(root, '.quotes q')) expect(word.split(' ').length).toBeGreaterThan(3);
  });

  it.skipIf(!corpusAvailable)('on a page of 208 quotes (wikipedia-2, ../shared): five listed until "Show all", every one reachable', () => {
    const a = corpusPage('wikipedia-2');
    const root = mount(a);
    expect(root.querySelectorAll('.quotes li')).toHaveLength(QUOTES_SHOWN);
    act(() => root.querySelector<HTMLButtonElement>('.show-all')!.click());
    expect(new Set(reachable(root)).size).toBe(a.quotes.length);
  });

  it('says so when there is no quote', () => {
    const root = mount({ ...sample(), quotes: [] });
    expect(root.querySelector('.empty')?.textContent).toBe('No direct quotes.');
    expect(root.querySelector('.show-all, .quoted-phrases')).toBeNull();
  });
});
