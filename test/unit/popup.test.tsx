// @vitest-environment happy-dom
/**
 * The popup's components, rendered with Preact into happy-dom from a real
 * analysis of the sample article (and of hostile text, to show page text is
 * rendered as text only).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { analyze } from '@/lib/analyze';
import { parseHtmlDocument } from '@/cli/dom';
import { keySentenceSpans } from '@/lib/messages';
import { Popup } from '@/components/Popup';
import type { PopupProps, PopupView } from '@/components/view';
import type { Analysis } from '@/lib/types';

const sampleHtml = readFileSync(resolve(__dirname, '../fixtures/sample/article.html'), 'utf8');

function sample(sentences: 3 | 5 | 7 = 5): Analysis {
  const r = analyze(parseHtmlDocument(sampleHtml), { sentences });
  if (!r.ok) throw new Error(r.message);
  return r;
}

const anchoring = { keySentences: { found: 0, anchored: 0 }, quotes: { found: 0, anchored: 0 }, painted: true, supported: true };

function props(view: PopupView, over: Partial<PopupProps> = {}): PopupProps {
  return {
    view,
    summaryLength: 5,
    highlightsOn: true,
    selectedEntity: null,
    shortcut: 'Alt+Shift+L',
    notice: null,
    onLength: vi.fn(),
    onHighlights: vi.fn(),
    onFocus: vi.fn(),
    onEntity: vi.fn(),
    onCopy: vi.fn(),
    onAnalyze: vi.fn(),
    onOptions: vi.fn(),
    ...over,
  };
}

let host: HTMLElement;
function mount(p: PopupProps): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  act(() => render(<Popup {...p} />, host));
  return host;
}

afterEach(() => {
  render(null, host);
  host.remove();
});

const texts = (root: ParentNode, sel: string) => [...root.querySelectorAll(sel)].map((e) => e.textContent ?? '');

describe('Popup with an analysis of the sample article', () => {
  it('shows the header, numbered key sentences in document order, quotes with speakers and grouped entities', () => {
    const a = sample(5);
    const root = mount(props({ kind: 'analysis', analysis: a, anchoring, source: 'article' }));
    expect(root.querySelector('h1')?.textContent).toBe(a.title);
    expect(root.querySelector('.article-meta')?.textContent).toContain('min read');

    const expected = keySentenceSpans(a).map((s) => a.text.slice(s.start, s.end));
    expect(expected.length).toBeGreaterThan(0);
    expect(texts(root, '.key-sentences li .passage')).toEqual(expected);

    // Statements, each with its speaker (the list's bound and the folded phrases: quotes-list.test.tsx).
    const quoteItems = [...root.querySelectorAll<HTMLElement>('.quotes .passage')];
    expect(quoteItems.length).toBeGreaterThan(0);
    for (const item of quoteItems) {
      const q = a.quotes[Number(item.dataset.quote)];
      expect(item.querySelector('q')?.textContent).toBe(q.text);
      expect(item.querySelector('.speaker')?.textContent).toBe(`— ${q.speaker ?? 'unattributed'}`);
    }

    // Each group lists its entities most-mentioned first, with counts.
    for (const [type, label] of [
      ['person', 'People'],
      ['organization', 'Organizations'],
      ['place', 'Places'],
    ] as const) {
      const ofType = a.entities.filter((e) => e.type === type);
      const group = [...root.querySelectorAll('.entity-group')].find((g) => g.querySelector('h3')?.textContent?.startsWith(label));
      if (ofType.length === 0) {
        expect(group).toBeUndefined();
        continue;
      }
      const counts = [...group!.querySelectorAll('.entity .count')].map((c) => Number(c.textContent));
      expect(counts).toHaveLength(ofType.length);
      expect([...counts].sort((x, y) => y - x)).toEqual(counts);
    }
    expect(root.querySelector('kbd')?.textContent).toBe('Alt+Shift+L');
  });

  it('calls back with the document-order index when a key sentence, quote or entity is clicked', () => {
    const a = sample(5);
    const p = props({ kind: 'analysis', analysis: a, anchoring, source: 'article' });
    const root = mount(p);
    const keys = root.querySelectorAll<HTMLButtonElement>('.key-sentences .passage');
    act(() => keys[keys.length - 1].click());
    expect(p.onFocus).toHaveBeenCalledWith('keySentence', keys.length - 1);
    const quotes = root.querySelectorAll<HTMLButtonElement>('.quotes .passage');
    if (quotes.length) {
      act(() => quotes[0].click());
      expect(p.onFocus).toHaveBeenCalledWith('quote', 0);
    }
    const entity = root.querySelector<HTMLButtonElement>('.entity');
    if (entity) {
      act(() => entity.click());
      const name = entity.getAttribute('aria-label')!.split(',')[0];
      expect(p.onEntity).toHaveBeenCalledWith(a.entities.findIndex((e) => e.name === name));
    }
  });

  it('switches summary length, highlights and copy through the callbacks', () => {
    const a = sample(5);
    const p = props({ kind: 'analysis', analysis: a, anchoring, source: 'article' });
    const root = mount(p);
    const seven = [...root.querySelectorAll<HTMLInputElement>('input[name="summary-length"]')].find((i) => i.value === '7')!;
    act(() => seven.click());
    expect(p.onLength).toHaveBeenCalledWith(7);
    const sw = root.querySelector<HTMLInputElement>('input[role="switch"]')!;
    expect(sw.checked).toBe(true);
    act(() => sw.click());
    expect(p.onHighlights).toHaveBeenCalledWith(false);
    const copy = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Copy as Markdown')!;
    act(() => copy.click());
    expect(p.onCopy).toHaveBeenCalledOnce();
  });

  it('says when the browser cannot highlight, and when passages were not found in the page', () => {
    const a = sample(3);
    let root = mount(props({ kind: 'analysis', analysis: a, anchoring: { ...anchoring, painted: false, supported: false }, source: 'article' }));
    expect(root.querySelector('.anchor-note')?.textContent).toContain("can't highlight");
    render(null, host);
    const partial = { keySentences: { found: 3, anchored: 2 }, quotes: { found: 2, anchored: 1 }, painted: true, supported: true };
    root = mount(props({ kind: 'analysis', analysis: a, anchoring: partial, source: 'article' }));
    expect(root.querySelector('.anchor-note')?.textContent).toContain('2 passages');
    render(null, host);
    const none = { keySentences: { found: 3, anchored: 0 }, quotes: { found: 2, anchored: 0 }, painted: false, supported: true, tooLarge: true as const };
    root = mount(props({ kind: 'analysis', analysis: a, anchoring: none, source: 'article' }));
    expect(root.querySelector('.anchor-note')?.textContent).toContain('too large to highlight');
  });

  it('says names are recognised in English only when the reading limits entities by language, and not otherwise', () => {
    const germanHtml = readFileSync(resolve(__dirname, '../fixtures/hostile/german.html'), 'utf8');
    const de = analyze(parseHtmlDocument(germanHtml));
    if (!de.ok) throw new Error(de.message);
    let root = mount(props({ kind: 'analysis', analysis: de, anchoring, source: 'article' }));
    const section = root.querySelector('section[aria-labelledby="entities-heading"]')!;
    const note = section.querySelector('.entity-limit');
    expect(note?.textContent).toBe('Names are recognised in English articles only.');
    expect(note?.getAttribute('role')).toBe('note');
    // The kept names stay listed and selectable.
    expect(texts(section, 'button.entity')).toEqual(de.entities.map((e) => `${e.name} ${e.count}`));
    render(null, host);
    host.remove();
    root = mount(props({ kind: 'analysis', analysis: sample(3), anchoring, source: 'article' }));
    expect(root.querySelector('.entity-limit')).toBeNull();
    expect(root.textContent).not.toContain('English articles only');
  });

  it('notes a truncated article', () => {
    const a = { ...sample(3), truncated: { originalChars: 3_000_000, analyzedChars: 2_000_000 } };
    const root = mount(props({ kind: 'analysis', analysis: a, anchoring, source: 'article' }));
    expect(root.querySelector('[role="note"]')?.textContent).toContain('2,000,000 of 3,000,000');
  });
});

describe('Popup states', () => {
  it('loading is a busy status, restricted and error say why', () => {
    let root = mount(props({ kind: 'loading' }));
    expect(root.querySelector('[aria-busy="true"]')).not.toBeNull();
    render(null, host);
    root = mount(props({ kind: 'restricted', message: "This is one of the browser's own pages." }));
    expect(root.textContent).toContain("Lede can't read this page");
    expect(root.textContent).toContain("browser's own pages");
    expect(root.querySelector('.spinner')).toBeNull();
  });

  it('no article offers to read the selection or the visible text', () => {
    const p = props({ kind: 'no-article', message: 'No article found on this page.', title: 'Search', source: 'article' });
    const root = mount(p);
    expect(root.textContent).toContain('No article found');
    const [sel, visible] = root.querySelectorAll<HTMLButtonElement>('.actions button');
    act(() => sel.click());
    act(() => visible.click());
    expect(p.onAnalyze).toHaveBeenNthCalledWith(1, 'selection');
    expect(p.onAnalyze).toHaveBeenNthCalledWith(2, 'visible');
  });
});

describe('page text is rendered as text', () => {
  it('never turns markup in titles, sentences, quotes or names into elements', () => {
    const hostile = '<img src=x onerror="window.pwned=1"> said <b>bold</b>';
    const text = `He met <script>alert(1)</script> today. "${hostile}," said Ann Lee of <i>Acme</i> Corp. The end came later in the day.`;
    const a = analyze(text, { sentences: 3 });
    if (!a.ok) throw new Error(a.message);
    const withTitle = { ...a, title: '<h5>Injected</h5>', byline: '<a href="javascript:alert(1)">x</a>' };
    const root = mount(props({ kind: 'analysis', analysis: withTitle, anchoring, source: 'visible' }));
    expect(root.querySelector('img, script, b, i, h5, a[href]')).toBeNull();
    expect(root.querySelector('h1')?.textContent).toBe('<h5>Injected</h5>');
    expect(root.textContent).toContain('<script>alert(1)</script>');
  });
});

describe('keyboard and screen readers', () => {
  it('every control is a native button or input with an accessible name', () => {
    const a = sample(5);
    const root = mount(props({ kind: 'analysis', analysis: a, anchoring, source: 'article' }));
    const controls = [...root.querySelectorAll('button, input')];
    expect(controls.length).toBeGreaterThan(5);
    for (const c of controls) {
      expect(c.getAttribute('tabindex')).not.toBe('-1');
      const name =
        c.getAttribute('aria-label') ?? (c.closest('label')?.textContent || c.textContent || '').trim();
      expect(name, c.outerHTML.slice(0, 80)).not.toBe('');
    }
    // Sections are labelled by their headings.
    for (const s of root.querySelectorAll('section')) {
      const id = s.getAttribute('aria-labelledby');
      expect(id && root.querySelector(`#${id}`)?.textContent).toBeTruthy();
    }
    expect(root.querySelector('fieldset legend')?.textContent).toBe('Number of key sentences');
  });
});
