/**
 * Painting with the CSS Custom Highlight API (lib/highlight.ts) and the helpers
 * that keep highlights true to a changing page (lib/anchor/watch.ts).
 *
 * happy-dom has Ranges and MutationObserver but no `CSS.highlights`, so painting
 * is checked against a small registry installed on the test's own window, the
 * way a browser exposes it; real painting is covered by the e2e suite.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  HIGHLIGHT_NAMES,
  anchorPassages,
  clearHighlights,
  flashRange,
  highlightsSupported,
  paintHighlights,
  rangeStillMatches,
  rangeText,
  scrollToRange,
  watchForChanges,
  watchUrlChanges,
} from '../../lib/highlight';
import { highlightCss, sameColours } from '../../lib/highlight-style';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { happyPage, type HappyPage } from '../support/happy-page';

const ARTICLE =
  '<body><article><h1>Storm closes the coast road</h1>' +
  '<p id="a">The coast road was closed on Sunday after <a href="/storm">a storm</a> washed away part of the sea wall.</p>' +
  '<p id="b">“It will take weeks,” said <b>Anna Price</b>, who leads the repair team.</p>' +
  '<p id="c">Buses will run <em>inland</em> until the road reopens.</p></article></body>';
const TEXT =
  'Storm closes the coast road\n\nThe coast road was closed on Sunday after a storm washed away part of the sea wall.\n\n' +
  '“It will take weeks,” said Anna Price, who leads the repair team.\n\nBuses will run inland until the road reopens.';

/** A stand-in for the browser's Highlight: a set of ranges with a priority. */
class FakeHighlight extends Set<Range> {
  priority = 0;
  constructor(...ranges: Range[]) {
    super(ranges);
  }
}

let page: HappyPage;
afterEach(() => page?.close());

function withHighlightApi(p: HappyPage): Map<string, FakeHighlight> {
  const registry = new Map<string, FakeHighlight>();
  // happy-dom's window.CSS is a getter: shadow it with one that has a registry.
  Object.defineProperty(p.win, 'CSS', { value: { highlights: registry }, configurable: true });
  Object.defineProperty(p.win, 'Highlight', { value: FakeHighlight, configurable: true });
  return registry;
}

function rangesOf(phrases: string[]): Range[] {
  return anchorPassages(
    page.doc.body,
    TEXT,
    phrases.map((p) => ({ start: TEXT.indexOf(p), end: TEXT.indexOf(p) + p.length })),
  ).map((r) => r.range!);
}

describe('paintHighlights / clearHighlights', () => {
  it('registers one highlight per kind, nested ones on top, and adds nothing to the page', () => {
    page = happyPage(ARTICLE);
    const registry = withHighlightApi(page);
    const before = page.doc.documentElement.outerHTML;
    const [sentence, quote, entity] = rangesOf([
      'The coast road was closed on Sunday after a storm washed away part of the sea wall.',
      'It will take weeks,',
      'Anna Price',
    ]);
    const result = paintHighlights(page.doc, { keySentence: [sentence], quote: [quote], entity: [entity] });
    expect(result).toEqual({ supported: true, painted: 3 });
    expect([...registry.keys()].sort()).toEqual([HIGHLIGHT_NAMES.entity, HIGHLIGHT_NAMES.keySentence, HIGHLIGHT_NAMES.quote]);
    expect([...registry.get(HIGHLIGHT_NAMES.keySentence)!][0].toString()).toContain('a storm washed away');
    expect([...registry.get(HIGHLIGHT_NAMES.entity)!][0].toString()).toBe('Anna Price');
    const p = (name: string) => registry.get(name)!.priority;
    expect(p(HIGHLIGHT_NAMES.entity)).toBeGreaterThan(p(HIGHLIGHT_NAMES.quote));
    expect(p(HIGHLIGHT_NAMES.quote)).toBeGreaterThan(p(HIGHLIGHT_NAMES.keySentence));

    // The page itself is untouched: no style element (the popup inserts the colours), no wrapper elements.
    expect(page.doc.documentElement.outerHTML).toBe(before);
    expect(page.doc.querySelectorAll('style, mark, [data-lede]').length).toBe(0);
    expect(page.doc.getElementById('a')!.innerHTML).toContain('The coast road was closed on Sunday after <a href="/storm">a storm</a>');
  });

  it('repaints in place and clears without a trace', () => {
    page = happyPage(ARTICLE);
    const registry = withHighlightApi(page);
    const before = page.doc.documentElement.outerHTML;
    const [sentence] = rangesOf(['Buses will run inland until the road reopens.']);
    paintHighlights(page.doc, { keySentence: [sentence], quote: [], entity: [] });
    paintHighlights(page.doc, { keySentence: [sentence], quote: [], entity: [] });
    expect(registry.get(HIGHLIGHT_NAMES.keySentence)!.size).toBe(1);
    // An empty kind is not registered at all.
    expect(registry.has(HIGHLIGHT_NAMES.quote)).toBe(false);

    clearHighlights(page.doc);
    expect(registry.size).toBe(0);
    expect(page.doc.documentElement.outerHTML).toBe(before);
  });
});

describe('highlightCss (the sheet the popup inserts with scripting.insertCSS)', () => {
  it('styles each of Lede\'s highlight names, in the user\'s colours, and nothing else', () => {
    const css = highlightCss({ keySentence: '#123456', quote: '#ABCDEF', entity: '#00ff00' });
    for (const name of Object.values(HIGHLIGHT_NAMES)) expect(css).toContain(`::highlight(${name})`);
    expect(css).toContain('#12345680');
    expect(css).toContain('underline 3px #abcdef');
    expect(css).toContain('color: inherit');
    // Every rule is a ::highlight() rule: no selector of the page's elements.
    for (const line of css.split('\n')) expect(line).toMatch(/^::highlight\(lede-[a-z-]+\) \{[^{}]*\}$/);
    expect(highlightCss()).toBe(highlightCss(DEFAULT_SETTINGS.colours));
  });

  it('keeps a quote inside a key sentence apart from a selected entity: the quote is underlined, only sentences and entities are filled', () => {
    const rule = (name: string) => highlightCss().split('\n').find((l) => l.startsWith(`::highlight(${name})`))!;
    const c = DEFAULT_SETTINGS.colours;
    // A fill of the quote's colour over the key sentence's would mix into a third colour, near the entity's.
    expect(rule(HIGHLIGHT_NAMES.quote)).toContain('background-color: transparent');
    expect(rule(HIGHLIGHT_NAMES.quote)).toContain(`text-decoration: underline 3px ${c.quote}`);
    expect(rule(HIGHLIGHT_NAMES.keySentence)).toContain(`background-color: ${c.keySentence}80`);
    expect(rule(HIGHLIGHT_NAMES.keySentence)).not.toContain('text-decoration');
    expect(rule(HIGHLIGHT_NAMES.entity)).toContain(`background-color: ${c.entity}99`);
  });

  it('lets only #rrggbb colours into the style sheet', () => {
    const evil = '#fff; } body { display: none } ::highlight(x) { color: red';
    const css = highlightCss({ keySentence: evil, quote: '#00ff00' } as never);
    expect(css).not.toContain('display: none');
    expect(css).toContain('#00ff00');
    expect(css).toContain(DEFAULT_SETTINGS.colours.keySentence);
  });

  it('compares colours as the sheet would use them', () => {
    expect(sameColours(DEFAULT_SETTINGS.colours, { ...DEFAULT_SETTINGS.colours })).toBe(true);
    expect(sameColours({ ...DEFAULT_SETTINGS.colours, quote: '#ABCDEF' }, { ...DEFAULT_SETTINGS.colours, quote: '#abcdef' })).toBe(true);
    expect(sameColours(DEFAULT_SETTINGS.colours, { ...DEFAULT_SETTINGS.colours, entity: '#000000' })).toBe(false);
  });

  it('says unsupported, and changes nothing, where the browser has no CSS.highlights', () => {
    page = happyPage(ARTICLE);
    expect(highlightsSupported(page.doc)).toBe(false);
    const [sentence] = rangesOf(['Buses will run inland until the road reopens.']);
    const result = paintHighlights(page.doc, { keySentence: [sentence], quote: [], entity: [] });
    expect(result.supported).toBe(false);
    expect(result.supported === false && result.reason).toMatch(/highlight/i);
    expect(flashRange(page.doc, sentence).supported).toBe(false);
    clearHighlights(page.doc); // harmless
  });
});

describe('flashRange / scrollToRange', () => {
  it('flashes a range above the other highlights and takes the flash away after its time', async () => {
    page = happyPage(ARTICLE);
    const registry = withHighlightApi(page);
    const [quote] = rangesOf(['It will take weeks,']);
    expect(flashRange(page.doc, quote, { durationMs: 20 })).toEqual({ supported: true, painted: 1 });
    const flash = registry.get(HIGHLIGHT_NAMES.flash)!;
    expect([...flash][0].toString()).toBe('It will take weeks,');
    expect(flash.priority).toBeGreaterThan(3);
    await new Promise((r) => setTimeout(r, 80));
    expect(registry.has(HIGHLIGHT_NAMES.flash)).toBe(false);
  });

  it('a new flash replaces the last, and clearing cancels it', async () => {
    page = happyPage(ARTICLE);
    const registry = withHighlightApi(page);
    const [a, b] = rangesOf(['It will take weeks,', 'Anna Price']);
    flashRange(page.doc, a, { durationMs: 30 });
    flashRange(page.doc, b, { durationMs: 1000 });
    await new Promise((r) => setTimeout(r, 80));
    expect([...registry.get(HIGHLIGHT_NAMES.flash)!][0].toString()).toBe('Anna Price');
    clearHighlights(page.doc);
    expect(registry.has(HIGHLIGHT_NAMES.flash)).toBe(false);
  });

  it('scrolls the element holding the range into the middle of the view', () => {
    page = happyPage(ARTICLE);
    const [entity] = rangesOf(['Anna Price']);
    const calls: unknown[] = [];
    const holder = entity.startContainer.parentElement!;
    holder.scrollIntoView = (arg?: unknown) => void calls.push(arg);
    expect(scrollToRange(entity, { behavior: 'auto' })).toBe(true);
    expect(holder.tagName).toBe('B');
    expect(calls).toEqual([{ block: 'center', inline: 'nearest', behavior: 'auto' }]);
  });
});

describe('rangeStillMatches', () => {
  it('holds while the text is there, whatever its whitespace or markup, and fails once it changes or goes', () => {
    page = happyPage(ARTICLE);
    const passage = 'The coast road was closed on Sunday after a storm washed away part of the sea wall.';
    const [range] = rangesOf([passage]);
    expect(rangeStillMatches(range, passage)).toBe(true);
    expect(rangeStillMatches(range, 'The  coast road was closed on Sunday after a storm washed\naway part of the sea wall.')).toBe(true);
    const link = page.doc.querySelector('#a a')!;
    link.firstChild!.textContent = 'a gale';
    expect(rangeStillMatches(range, passage)).toBe(false);

    const [other] = rangesOf(['Buses will run inland until the road reopens.']);
    page.doc.getElementById('c')!.remove();
    expect(rangeStillMatches(other, 'Buses will run inland until the road reopens.')).toBe(false);
  });
});

describe('rangeText', () => {
  it('reads a range as anchoring reads the page: a formula, a script or a hidden note inside it does not count', () => {
    page = happyPage(
      '<body><p>Before.</p><p id="f">The sum <math><mi>x</mi><mo>+</mo><mi>y</mi></math> is <span hidden>(note)</span>even<script>var z = 1;</script>, she said.</p></body>',
    );
    const text = 'Before.\n\nThe sum is even, she said.';
    const passage = 'The sum is even, she said.';
    const [result] = anchorPassages(page.doc.body, text, [{ start: text.indexOf(passage), end: text.length }]);
    expect(result.method).toBe('exact');
    expect(result.range!.toString()).toContain('var z');
    expect(rangeText(result.range!)).toBe(passage);
    expect(rangeStillMatches(result.range!, passage)).toBe(true);
  });
});

describe('watchForChanges', () => {
  const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('calls back once after a burst of text changes has settled', async () => {
    page = happyPage(ARTICLE);
    let calls = 0;
    const stop = watchForChanges(page.doc, () => calls++, { debounceMs: 30 });
    const p = page.doc.getElementById('c')!;
    p.append(page.doc.createTextNode(' More buses at weekends.'));
    (p.firstChild as Text).data = 'Coaches will run ';
    page.doc.getElementById('a')!.remove();
    await settle(10);
    expect(calls).toBe(0);
    await settle(80);
    expect(calls).toBe(1);
    stop();
  });

  it('still calls back on a page that never stops changing, once the longest wait has passed', async () => {
    page = happyPage(ARTICLE);
    let calls = 0;
    const stop = watchForChanges(page.doc, () => calls++, { debounceMs: 40, maxWaitMs: 120 });
    const p = page.doc.getElementById('c')!;
    // A change every 10 ms, as a page that re-renders on a timer: the debounce alone would never settle.
    for (let i = 0; i < 25; i++) {
      (p.firstChild as Text).data = `Coaches will run ${i} `;
      await settle(10);
    }
    expect(calls).toBeGreaterThanOrEqual(1);
    stop();
  });

  it('calls back at once, before any timer, when the change is urgent (a painted passage lost its nodes)', async () => {
    page = happyPage(ARTICLE);
    let calls = 0;
    const [sentence] = rangesOf(['Buses will run inland until the road reopens.']);
    const broken = () => sentence.collapsed || !sentence.startContainer.isConnected;
    const stop = watchForChanges(page.doc, () => calls++, { debounceMs: 10_000, maxWaitMs: 10_000, urgent: broken });
    // An unrelated change is not urgent: the debounce applies.
    page.doc.getElementById('c')!.append(page.doc.createTextNode(' More buses at weekends.'));
    await settle(20);
    expect(calls).toBe(0);
    // The site replaces the sentence's paragraph with a copy: the range collapses, the callback runs right away.
    const p = sentence.startContainer.parentElement!;
    p.replaceWith(p.cloneNode(true));
    await settle(20);
    expect(calls).toBe(1);
    stop();
  });

  it('keeps urgent calls to a share of the time: a costly callback waits for the debounce once the budget is spent', async () => {
    page = happyPage(ARTICLE);
    let calls = 0;
    const costly = () => {
      calls++;
      const end = performance.now() + 60;
      while (performance.now() < end) {
        /* a re-anchoring that takes 60 ms */
      }
    };
    const stop = watchForChanges(page.doc, costly, { debounceMs: 10_000, maxWaitMs: 10_000, urgent: () => true });
    const p = page.doc.getElementById('c')!;
    for (let i = 0; i < 4; i++) {
      (p.firstChild as Text).data = `Coaches will run ${i} `;
      await settle(0);
    }
    // 100 ms of budget: two 60 ms calls at once, then the rest waits.
    expect(calls).toBe(2);
    stop();
  });

  it('ignores its own painting and script or style churn, and stops when told', async () => {
    page = happyPage(ARTICLE);
    withHighlightApi(page);
    let calls = 0;
    const stop = watchForChanges(page.doc, () => calls++, { debounceMs: 20 });
    const [sentence] = rangesOf(['Buses will run inland until the road reopens.']);
    paintHighlights(page.doc, { keySentence: [sentence], quote: [], entity: [] });
    paintHighlights(page.doc, { keySentence: [], quote: [sentence], entity: [] });
    page.doc.body.append(page.doc.createElement('script'));
    page.doc.head.append(page.doc.createElement('style'));
    clearHighlights(page.doc);
    await settle(60);
    expect(calls).toBe(0);

    stop();
    page.doc.getElementById('b')!.remove();
    await settle(60);
    expect(calls).toBe(0);
  });
});

describe('watchUrlChanges', () => {
  it('reports a history.pushState navigation and a hash change, with the URL left', async () => {
    page = happyPage(ARTICLE, 'https://example.com/news/one');
    const seen: Array<[string, string]> = [];
    const stop = watchUrlChanges(page.win as unknown as Window, (url, previous) => seen.push([url, previous]), { pollMs: 50 });
    page.win.history.pushState({}, '', '/news/two');
    await new Promise((r) => setTimeout(r, 120));
    expect(seen).toEqual([['https://example.com/news/two', 'https://example.com/news/one']]);
    page.win.location.hash = '#comments';
    await new Promise((r) => setTimeout(r, 120));
    expect(seen.at(-1)).toEqual(['https://example.com/news/two#comments', 'https://example.com/news/two']);
    expect(seen.length).toBe(2);
    stop();
    page.win.history.pushState({}, '', '/news/three');
    await new Promise((r) => setTimeout(r, 120));
    expect(seen.length).toBe(2);
  });
});
