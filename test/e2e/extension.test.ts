/**
 * Lede end to end in Debian's Chromium: what a user does. Opens an article in a
 * tab, opens the popup for that tab, and checks what the popup shows and what is
 * highlighted in the live page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { HIGHLIGHT_NAMES, HIGHLIGHT_STYLE_ID } from '@/lib/highlight';
import { hasShared, sharedPath } from '../support/shared';
import { e2eExtensionDir, projectRoot } from './support/build';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { startServer, type TestServer } from './support/server';

const SCREENSHOTS = resolve(projectRoot, 'build/screenshots');
const CORPUS_PAGES = ['bbc-1', 'guardian-1', 'nytimes-1'];
const corpusAvailable = hasShared('corpora/readability-pages');

let b: ExtensionBrowser;
let server: TestServer;

beforeAll(async () => {
  const routes: Record<string, string> = {
    '/article.html': resolve(projectRoot, 'test/fixtures/sample/article.html'),
    '/no-article.html': resolve(projectRoot, 'test/fixtures/no-article/index.html'),
  };
  if (corpusAvailable) {
    for (const name of CORPUS_PAGES) routes[`/corpus/${name}.html`] = sharedPath('corpora/readability-pages', name, 'source.html');
  }
  server = await startServer(routes);
  b = await launchWithExtension(e2eExtensionDir, { allowOrigin: server.origin });
});

afterAll(async () => {
  await b?.close();
  await server?.close();
});

const squash = (s: string) => s.replace(/[\u00ad\u200b]/g, '').replace(/\s+/g, ' ').trim();

/** Texts of the ranges in one of Lede's highlights in the page, in document order. */
async function highlightTexts(page: Page, name: string): Promise<string[] | null> {
  return page.evaluate((n) => {
    const h = CSS.highlights.get(n);
    if (!h) return null;
    const ranges = [...(h as unknown as Set<Range>)];
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((r) => r.toString());
  }, name);
}

async function openArticle(path: string) {
  const { page, tabId } = await b.openTab(server.url(path));
  const popup = await b.openPopup(tabId);
  await popup.locator('.content:not(:has([aria-busy="true"]))').waitFor({ timeout: 60_000 });
  return { page, tabId, popup };
}

describe('the sample article', () => {
  let page: Page;
  let popup: Page;
  let tabId: number;

  beforeAll(async () => {
    ({ page, popup, tabId } = await openArticle('/article.html'));
  });

  it('shows key sentences, entities and quotes with speakers in the popup', async () => {
    expect(await popup.locator('h1').first().textContent()).toMatch(/\w/);
    expect(await popup.locator('.key-sentences .passage').count()).toBeGreaterThanOrEqual(3);
    expect(await popup.locator('.entity').count()).toBeGreaterThan(0);
    const speakers = await popup.locator('.quotes .speaker').allTextContents();
    expect(speakers.length).toBeGreaterThan(0);
    expect(speakers.some((s) => !s.includes('unattributed'))).toBe(true);
    expect(await popup.locator('kbd').textContent()).toBe('Alt+Shift+L');
  });

  it('paints key sentences and quotes in the page; each range holds exactly its passage', async () => {
    const keys = (await popup.locator('.key-sentences .passage').allTextContents()).map(squash);
    const quotes = (await popup.locator('.quotes q').allTextContents()).map(squash);
    const paintedKeys = (await highlightTexts(page, HIGHLIGHT_NAMES.keySentence))?.map(squash);
    const paintedQuotes = (await highlightTexts(page, HIGHLIGHT_NAMES.quote))?.map(squash);
    expect(paintedKeys).toEqual(keys);
    expect(paintedQuotes).toEqual(quotes);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await popup.screenshot({ path: resolve(SCREENSHOTS, 'popup.png'), fullPage: true });
    await page.screenshot({ path: resolve(SCREENSHOTS, 'page-highlighted.png') });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot({ path: resolve(SCREENSHOTS, 'popup-dark.png') });
    await popup.emulateMedia({ colorScheme: 'light' });
  });

  it('finds the passages again when the site re-renders its article under the highlights', async () => {
    const keys = (await popup.locator('.key-sentences .passage').allTextContents()).map(squash);
    await page.evaluate(() => {
      // What a client-side framework does on hydration: the same article, all new nodes.
      const main = document.querySelector('article') ?? document.body;
      main.replaceWith(main.cloneNode(true));
    });
    // The old ranges collapse with their removed nodes; once the page settles the passages are found again.
    await expect
      .poll(async () => (await highlightTexts(page, HIGHLIGHT_NAMES.keySentence))?.map(squash), { timeout: 10_000 })
      .toEqual(keys);
    const quotes = (await popup.locator('.quotes q').allTextContents()).map(squash);
    expect((await highlightTexts(page, HIGHLIGHT_NAMES.quote))?.map(squash)).toEqual(quotes);
  });

  it('scrolls the page to a quote clicked in the popup, and flashes it', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const last = popup.locator('.quotes .passage').last();
    const quoteText = squash((await last.locator('q').textContent()) ?? '');
    await last.click();
    // The flash covers the quote (it lasts about a second)...
    await expect
      .poll(
        async () =>
          squash(await page.evaluate((n) => [...((CSS.highlights.get(n) as unknown as Set<Range>) ?? [])][0]?.toString() ?? '', HIGHLIGHT_NAMES.flash)),
        { timeout: 5_000, interval: 20 },
      )
      .toBe(quoteText);
    // ...and the page scrolls until the quote is in view.
    await expect
      .poll(
        () =>
          page.evaluate(
            ({ name, text }) => {
              const squashed = (s: string) => s.replace(/[\u00ad\u200b]/g, '').replace(/\s+/g, ' ').trim();
              const h = CSS.highlights.get(name) as unknown as Set<Range> | undefined;
              const range = [...(h ?? [])].find((r) => squashed(r.toString()) === text);
              if (!range) return null;
              const r = range.getBoundingClientRect();
              return { inView: r.top >= 0 && r.bottom <= innerHeight, scrolled: scrollY > 0 };
            },
            { name: HIGHLIGHT_NAMES.quote, text: quoteText },
          ),
        { timeout: 10_000 },
      )
      .toEqual({ inView: true, scrolled: true });
  });

  it('highlights every mention of an entity clicked in the popup', async () => {
    const entity = popup.locator('.entity').first();
    const count = Number(await entity.locator('.count').textContent());
    await entity.click();
    await expect.poll(async () => (await highlightTexts(page, HIGHLIGHT_NAMES.entity))?.length ?? 0).toBe(count);
    await expect(entity.getAttribute('aria-pressed')).resolves.toBe('true');
  });

  it('re-runs with another summary length at once, and remembers it', async () => {
    await popup.locator('label', { hasText: /^3$/ }).click();
    await expect.poll(() => popup.locator('.key-sentences .passage').count()).toBe(3);
    expect((await highlightTexts(page, HIGHLIGHT_NAMES.keySentence))?.length).toBe(3);
    // A second popup on the same page reuses the content script: same highlights, no duplicates.
    const again = await b.openPopup(tabId);
    await again.locator('.key-sentences .passage').first().waitFor();
    expect(await again.locator('input[name="summary-length"][value="3"]').isChecked()).toBe(true);
    expect(await again.locator('.key-sentences .passage').count()).toBe(3);
    expect((await highlightTexts(page, HIGHLIGHT_NAMES.keySentence))?.length).toBe(3);
    expect(await page.evaluate((id) => document.querySelectorAll(`#${id}`).length, HIGHLIGHT_STYLE_ID)).toBeLessThanOrEqual(1);
    await again.close();
    // The first popup, opened again, shows what the page now holds (the remembered length).
    await popup.reload();
    await popup.locator('.key-sentences .passage').first().waitFor();
    expect((await popup.locator('.key-sentences .passage').allTextContents()).map(squash)).toEqual(
      ((await highlightTexts(page, HIGHLIGHT_NAMES.keySentence)) ?? []).map(squash),
    );
  });

  it('is usable from the keyboard: Enter on a key sentence scrolls the page to it', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const items = popup.locator('.key-sentences .passage');
    const lastIndex = (await items.count()) - 1;
    const text = squash((await items.nth(lastIndex).textContent()) ?? '');
    await items.nth(lastIndex).focus();
    await popup.keyboard.press('Enter');
    await expect
      .poll(async () => squash(await page.evaluate((n) => [...((CSS.highlights.get(n) as unknown as Set<Range>) ?? [])][0]?.toString() ?? '', HIGHLIGHT_NAMES.flash)), {
        timeout: 5_000,
        interval: 20,
      })
      .toBe(text);
    // Tab order reaches the length control, the switch and the copy button.
    await popup.locator('input[role="switch"]').focus();
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Copy as Markdown');
  });

  it('copies title, link, key sentences and quotes as Markdown', async () => {
    // Chromium grants no clipboard permission to extension origins under automation: catch what is written.
    await popup.evaluate(() => {
      const w = window as unknown as { ledeCopied?: string };
      navigator.clipboard.writeText = async (text: string) => void (w.ledeCopied = text);
    });
    await popup.getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect.poll(() => popup.locator('.notice').textContent()).toBe('Copied as Markdown.');
    const md = await popup.evaluate(() => (window as unknown as { ledeCopied?: string }).ledeCopied ?? '');
    const title = (await popup.locator('.article-title').textContent()) ?? '';
    expect(md.split('\n')[0]).toContain(title.split(' ')[0]);
    expect(md).toContain(`<${server.url('/article.html')}>`);
    expect(md).toContain('## Key sentences');
    expect(md).toContain('## Quotes');
  });

  it('turns page highlights off and on with the switch', async () => {
    const sw = popup.locator('input[role="switch"]');
    await sw.uncheck();
    await expect.poll(() => highlightTexts(page, HIGHLIGHT_NAMES.keySentence)).toBeNull();
    await sw.check();
    await expect.poll(async () => (await highlightTexts(page, HIGHLIGHT_NAMES.keySentence))?.length ?? 0).toBeGreaterThan(0);
  });

  it('makes no network request of its own: every request went to the test server', () => {
    const foreign = b.requests.filter((u) => u.startsWith('http') && !u.startsWith(server.origin));
    expect(foreign).toEqual([]);
  });
});

describe('pages Lede cannot or need not read', () => {
  it("says why on a browser page (chrome://version), without a spinner", async () => {
    const { tabId } = await b.openTab('chrome://version');
    const popup = await b.openPopup(tabId);
    await expect.poll(() => popup.locator('.status-title').textContent(), { timeout: 30_000 }).toBe("Lede can't read this page");
    expect(await popup.locator('.status p').textContent()).toContain("browser's own pages");
    expect(await popup.locator('.spinner').count()).toBe(0);
  });

  it('says how to allow local files on a file:// page', async () => {
    const { tabId } = await b.openTab(`file://${resolve(projectRoot, 'test/fixtures/sample/article.html')}`);
    const popup = await b.openPopup(tabId);
    await expect.poll(() => popup.locator('.status-title').textContent(), { timeout: 30_000 }).toBe("Lede can't read this page");
    expect(await popup.locator('.status p').textContent()).toContain('Allow access to file URLs');
  });

  it("says why on an extension page", async () => {
    const { tabId } = await b.openTab(`chrome-extension://${b.extensionId}/options.html`);
    const popup = await b.openPopup(tabId);
    await expect.poll(() => popup.locator('.status-title').textContent(), { timeout: 30_000 }).toBe("Lede can't read this page");
  });

  it('says there is no article and reads the visible text on request', async () => {
    const { popup } = await openArticle('/no-article.html');
    expect(await popup.locator('.status-title').textContent()).toBe('No article found');
    await popup.getByRole('button', { name: 'Analyze the whole visible text' }).click();
    await expect.poll(() => popup.locator('.note').first().textContent(), { timeout: 30_000 }).toContain('visible text');
    expect(await popup.locator('.key-sentences .passage').count()).toBeGreaterThan(0);
  });

  it('reads the text the user selected', async () => {
    const { page, tabId } = await b.openTab(server.url('/no-article.html'));
    const selected = await page.evaluate(() => {
      const list = document.querySelector('main ul')!;
      const range = document.createRange();
      range.selectNodeContents(list);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    });
    const popup = await b.openPopup(tabId);
    await popup.getByRole('button', { name: 'Analyze selected text' }).click();
    await expect.poll(() => popup.locator('.note').first().textContent(), { timeout: 30_000 }).toContain('selected text');
    const keys = (await popup.locator('.key-sentences .passage').allTextContents()).map(squash);
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect(squash(selected)).toContain(k);
  });
});

describe.skipIf(!corpusAvailable)('real pages from the Readability test corpus', () => {
  it.each(CORPUS_PAGES)('%s: the popup shows a reading and the page holds its highlights', async (name) => {
    const { page, popup } = await openArticle(`/corpus/${name}.html`);
    expect(await popup.locator('.status-title').count()).toBe(0);
    const keys = (await popup.locator('.key-sentences .passage').allTextContents()).map(squash);
    expect(keys.length).toBeGreaterThan(0);
    const painted = ((await highlightTexts(page, HIGHLIGHT_NAMES.keySentence)) ?? []).map(squash);
    // Every painted range is exactly one of the passages, and (almost) all passages are painted.
    for (const p of painted) expect(keys).toContain(p);
    expect(painted.length).toBeGreaterThanOrEqual(keys.length - 1);
    await page.close();
    await popup.close();
  });
});
