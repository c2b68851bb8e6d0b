/**
 * Lede end to end in each browser (Debian's Chromium and Firefox ESR, see
 * support/browser.ts): what a user does. Opens an article in a tab, opens the
 * popup for that tab, and checks what the popup shows and what is highlighted in
 * the live page. One set of cases, run in each browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HIGHLIGHT_NAMES } from '@/lib/highlight';
import { restriction } from '@/lib/restricted';
import { hasShared, sharedPath } from '../support/shared';
import { projectRoot, screenshotDir } from './support/build';
import { launchWithExtension, type ExtensionBrowser, type TestPage } from './support/browser';
import { inEachBrowser } from './support/each-browser';
import { highlightTexts, popupQuotes, squash } from './support/highlights';
import { startServer, type TestServer } from './support/server';

const CORPUS_PAGES = ['bbc-1', 'guardian-1', 'nytimes-1'];
const corpusAvailable = hasShared('corpora/readability-pages');
const goldenAvailable = hasShared('golden/us-hamas-talks.txt');

/** The first range of the flash highlight (what a click in the popup lights up), or ''. */
async function flashed(page: TestPage): Promise<string> {
  return squash(await page.evaluate((n) => [...((CSS.highlights.get(n) as unknown as Set<Range>) ?? [])][0]?.toString() ?? '', HIGHLIGHT_NAMES.flash));
}

/** Entity names as the popup lists them (without their counts), by type. */
function entityNames(popup: TestPage, type: string): Promise<string[]> {
  return popup.evaluate(
    (t) => [...document.querySelectorAll(`.entity-${t}`)].map((e) => (e.textContent ?? '').replace(e.querySelector('.count')?.textContent ?? '', '').trim()),
    type,
  );
}

const READY = '.content:not(:has([aria-busy="true"]))';

inEachBrowser((browserName) => {
  let b: ExtensionBrowser;
  let server: TestServer;

  beforeAll(async () => {
    const routes: Record<string, string> = {
      '/article.html': resolve(projectRoot, 'test/fixtures/sample/article.html'),
      '/no-article.html': resolve(projectRoot, 'test/fixtures/no-article/index.html'),
    };
    if (goldenAvailable) routes['/golden/us-hamas-talks.txt'] = sharedPath('golden/us-hamas-talks.txt');
    if (corpusAvailable) {
      for (const name of CORPUS_PAGES) routes[`/corpus/${name}.html`] = sharedPath('corpora/readability-pages', name, 'source.html');
    }
    server = await startServer(routes);
    b = await launchWithExtension(browserName, { allowOrigin: server.origin });
  });

  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  async function openArticle(path: string) {
    const { page, tabId } = await b.openTab(server.url(path));
    const popup = await b.openPopup(tabId);
    await popup.waitFor(READY, 60_000);
    return { page, tabId, popup };
  }

  describe('the sample article', () => {
    let page: TestPage;
    let popup: TestPage;
    let tabId: number;

    beforeAll(async () => {
      ({ page, popup, tabId } = await openArticle('/article.html'));
    });

    it('shows key sentences, entities and quotes with speakers in the popup', async () => {
      expect(await popup.text('h1')).toMatch(/\w/);
      expect(await popup.count('.key-sentences .passage')).toBeGreaterThanOrEqual(3);
      expect(await popup.count('.entity')).toBeGreaterThan(0);
      const speakers = await popup.texts('.quotes .speaker');
      expect(speakers.length).toBeGreaterThan(0);
      expect(speakers.some((s) => !s.includes('unattributed'))).toBe(true);
      expect(await popup.text('kbd')).toBe('Alt+Shift+L');
    });

    it('shows the words said at the popup’s own 14 px, larger than the speaker, not at the browser’s shrunken body size', async () => {
      const size = (sel: string) => popup.evaluate((q) => getComputedStyle(document.querySelector(q)!).fontSize, sel);
      expect(await size('body')).toBe('14px');
      expect(await size('.quotes q')).toBe('14px');
      expect(parseFloat(await size('.quotes .speaker'))).toBeLessThan(14);
    });

    it('paints key sentences and quotes in the page; each range holds exactly its passage', async () => {
      const keys = (await popup.texts('.key-sentences .passage')).map(squash);
      // Every quote is painted, the folded phrases and those under "Show all" too, and each is reachable in the popup.
      const quotes = (await popupQuotes(popup)).map(squash);
      expect((await highlightTexts(page, HIGHLIGHT_NAMES.keySentence))?.map(squash)).toEqual(keys);
      expect((await highlightTexts(page, HIGHLIGHT_NAMES.quote))?.map(squash)).toEqual(quotes);
      const dir = screenshotDir(browserName);
      await popup.screenshot(resolve(dir, 'popup.png'), { fullPage: true });
      await page.screenshot(resolve(dir, 'page-highlighted.png'));
      if (await popup.colorScheme('dark')) {
        await popup.screenshot(resolve(dir, 'popup-dark.png'));
        await popup.colorScheme('light');
      }
    });

    it('fills its window: the footer is one line at the very bottom, with no empty space under it', async () => {
      const box = await popup.evaluate(() => {
        const r = document.querySelector('.footer')!.getBoundingClientRect();
        return { bottom: r.bottom, height: r.height, window: innerHeight, page: document.documentElement.scrollHeight };
      });
      expect(box.window - box.bottom).toBeLessThanOrEqual(1);
      expect(box.page).toBeLessThanOrEqual(box.window);
      expect(box.height).toBeLessThan(40);
    });

    it('finds the passages again when the site re-renders its article under the highlights', async () => {
      const keys = (await popup.texts('.key-sentences .passage')).map(squash);
      await page.evaluate(() => {
        // What a client-side framework does on hydration: the same article, all new nodes.
        const main = document.querySelector('article') ?? document.body;
        main.replaceWith(main.cloneNode(true));
      });
      // The old ranges collapse with their removed nodes; once the page settles the passages are found again.
      await expect
        .poll(async () => (await highlightTexts(page, HIGHLIGHT_NAMES.keySentence))?.map(squash), { timeout: 10_000 })
        .toEqual(keys);
      const quotes = (await popupQuotes(popup)).map(squash);
      expect((await highlightTexts(page, HIGHLIGHT_NAMES.quote))?.map(squash)).toEqual(quotes);
    });

    it('scrolls the page to a quote clicked in the popup, and flashes it', async () => {
      await page.evaluate(() => window.scrollTo(0, 0));
      const quoteText = squash((await popup.texts('.quotes .passage q')).at(-1) ?? '');
      await popup.click('.quotes .passage', { nth: -1 });
      // The flash covers the quote (it lasts about a second)...
      await expect.poll(() => flashed(page), { timeout: 5_000, interval: 20 }).toBe(quoteText);
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
      const count = Number((await popup.texts('.entity .count'))[0]);
      await popup.click('.entity');
      await expect.poll(async () => (await highlightTexts(page, HIGHLIGHT_NAMES.entity))?.length ?? 0).toBe(count);
      expect(await popup.evaluate(() => document.querySelector('.entity')?.getAttribute('aria-pressed'))).toBe('true');
    });

    it('re-runs with another summary length at once, and remembers it', async () => {
      await popup.click('label', { text: /^3$/ });
      await expect.poll(() => popup.count('.key-sentences .passage')).toBe(3);
      expect((await highlightTexts(page, HIGHLIGHT_NAMES.keySentence))?.length).toBe(3);
      // A second popup on the same page reuses the content script: same highlights, no duplicates.
      const again = await b.openPopup(tabId);
      await again.waitFor('.key-sentences .passage');
      expect(await again.isChecked('input[name="summary-length"][value="3"]')).toBe(true);
      expect(await again.count('.key-sentences .passage')).toBe(3);
      expect((await highlightTexts(page, HIGHLIGHT_NAMES.keySentence))?.length).toBe(3);
      // Colours come from a sheet the popup inserted (scripting.insertCSS): no element of Lede's is in the page.
      expect(await page.count('[id^="lede"], [class^="lede"]')).toBe(0);
      await again.close();
      // The first popup, opened again, shows what the page now holds (the remembered length).
      await popup.reload();
      await popup.waitFor('.key-sentences .passage');
      expect((await popup.texts('.key-sentences .passage')).map(squash)).toEqual(
        ((await highlightTexts(page, HIGHLIGHT_NAMES.keySentence)) ?? []).map(squash),
      );
    });

    it('is usable from the keyboard: Enter on a key sentence scrolls the page to it', async () => {
      await page.evaluate(() => window.scrollTo(0, 0));
      const text = squash((await popup.texts('.key-sentences .passage')).at(-1) ?? '');
      await popup.focus('.key-sentences .passage', { nth: -1 });
      await popup.press('Enter');
      await expect.poll(() => flashed(page), { timeout: 5_000, interval: 20 }).toBe(text);
      // Tab order reaches the length control, the switch and the copy button.
      await popup.focus('input[role="switch"]');
      await popup.press('Tab');
      expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Copy as Markdown');
    });

    it('copies title, link, key sentences and quotes as Markdown', async () => {
      // Neither browser grants clipboard access to an extension page under automation: catch what is written.
      await popup.evaluate(() => {
        const w = window as unknown as { ledeCopied?: string };
        navigator.clipboard.writeText = async (text: string) => void (w.ledeCopied = text);
      });
      await popup.click('button', { text: 'Copy as Markdown' });
      await expect.poll(() => popup.text('.notice')).toBe('Copied as Markdown.');
      const md = await popup.evaluate(() => (window as unknown as { ledeCopied?: string }).ledeCopied ?? '');
      const title = (await popup.text('.article-title')) ?? '';
      expect(md.split('\n')[0]).toContain(title.split(' ')[0]);
      expect(md).toContain(`<${server.url('/article.html')}>`);
      expect(md).toContain('## Key sentences');
      expect(md).toContain('## Quotes');
    });

    it('turns page highlights off and on with the switch', async () => {
      await popup.setChecked('input[role="switch"]', false);
      await expect.poll(() => highlightTexts(page, HIGHLIGHT_NAMES.keySentence)).toBeNull();
      await popup.setChecked('input[role="switch"]', true);
      await expect.poll(async () => (await highlightTexts(page, HIGHLIGHT_NAMES.keySentence))?.length ?? 0).toBeGreaterThan(0);
    });

    it('makes no network request of its own: every request went to the test server', () => {
      const foreign = b.requests.filter((u) => u.startsWith('http') && !u.startsWith(server.origin));
      expect(foreign).toEqual([]);
    });
  });

  describe.skipIf(!goldenAvailable)('the golden article (../shared/golden/us-hamas-talks.txt), as the browser shows a .txt file', () => {
    it('reads its title, people and both quotes, attributed to Karoline Leavitt, and paints them', async () => {
      const expected = JSON.parse(readFileSync(sharedPath('golden/us-hamas-talks.expected.json'), 'utf8')) as {
        title: string;
        entities: { person: string[] };
        quotes: Array<{ text: string; speaker: string }>;
      };
      const { page, popup } = await openArticle('/golden/us-hamas-talks.txt');
      expect(await popup.count('.status-title')).toBe(0);
      expect(await popup.text('.article-title')).toBe(expected.title);
      expect(await entityNames(popup, 'person')).toEqual(expect.arrayContaining(expected.entities.person));
      const quotes = (await popupQuotes(popup)).map(squash);
      expect(quotes).toEqual(expected.quotes.map((q) => squash(q.text)));
      expect((await popup.texts('.quotes .speaker')).map((s) => s.replace(/^—\s*/, ''))).toEqual(expected.quotes.map((q) => q.speaker));
      const keys = (await popup.texts('.key-sentences .passage')).map(squash);
      expect(keys.length).toBeGreaterThan(0);
      expect((await highlightTexts(page, HIGHLIGHT_NAMES.keySentence))?.map(squash)).toEqual(keys);
      expect((await highlightTexts(page, HIGHLIGHT_NAMES.quote))?.map(squash)).toEqual(quotes);
      await page.close();
      await popup.close();
    });
  });

  describe('the options page', () => {
    it('saves a summary length and "highlight on open", and the next popup obeys them', async () => {
      const options = await b.openExtensionPage('/options.html');
      await options.waitFor('select');
      // The page's own 14 px, not the 75% Chromium's extension-page style gives body.
      expect(await options.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('14px');
      await options.select('select', '3');
      await expect.poll(() => options.text('.status-line')).toBe('Saved.');
      await options.setChecked('input[type="checkbox"]', false);
      // Saved across a reload of the page: it reads them back from storage.
      await options.reload();
      await options.waitFor('select');
      expect(await options.evaluate(() => document.querySelector('select')!.value)).toBe('3');
      expect(await options.isChecked('input[type="checkbox"]')).toBe(false);

      const { page, popup } = await openArticle('/article.html');
      await popup.waitFor('.key-sentences .passage');
      expect(await popup.count('.key-sentences .passage')).toBe(3);
      expect(await popup.isChecked('input[name="summary-length"][value="3"]')).toBe(true);
      // Nothing painted until the user turns highlights on.
      expect(await popup.isChecked('input[role="switch"]')).toBe(false);
      expect(await highlightTexts(page, HIGHLIGHT_NAMES.keySentence)).toBeNull();
      await popup.setChecked('input[role="switch"]', true);
      await expect.poll(async () => (await highlightTexts(page, HIGHLIGHT_NAMES.keySentence))?.length ?? 0).toBe(3);

      await options.click('button', { text: 'Restore defaults' });
      await expect.poll(() => options.text('.status-line')).toBe('Defaults restored.');
      for (const p of [page, popup, options]) await p.close();
    });

    it('is as finished as the popup, in light and dark: each option labelled at 14 px and described, a styled button', async () => {
      const options = await b.openExtensionPage('/options.html');
      await options.waitFor('select');
      const look = () =>
        options.evaluate(() => {
          const style = (el: Element | null) => getComputedStyle(el!);
          const luminance = (c: string) => {
            const [r, g, b] = (c.match(/[\d.]+/g) ?? []).map(Number);
            return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
          };
          const button = document.querySelector('.options-footer button');
          return {
            fields: [...document.querySelectorAll('.field')].map((f) => ({
              label: style(f.querySelector('label')).fontSize,
              described: (f.querySelector('.field-description')?.textContent ?? '').length,
              control: !!f.querySelector(`#${f.querySelector('label')!.htmlFor}`),
            })),
            select: style(document.querySelector('select')).fontSize,
            button: { radius: parseFloat(style(button).borderTopLeftRadius), border: style(button).borderTopStyle },
            background: luminance(style(document.body).backgroundColor),
            text: luminance(style(document.body).color),
          };
        });
      const light = await look();
      expect(light.fields.length).toBeGreaterThanOrEqual(5);
      for (const f of light.fields) expect(f).toEqual({ label: '14px', described: expect.any(Number), control: true });
      for (const f of light.fields) expect(f.described).toBeGreaterThan(10);
      expect(light.select).toBe('14px');
      expect(light.button.radius).toBeGreaterThan(0);
      expect(light.button.border).toBe('solid');
      expect(light.background).toBeGreaterThan(0.9);
      expect(light.text).toBeLessThan(0.2);
      if (await options.colorScheme('dark')) {
        const dark = await look();
        expect(dark.background).toBeLessThan(0.2);
        expect(dark.text).toBeGreaterThan(0.8);
        await options.colorScheme('light');
      }
      await options.close();
    });
  });

  describe('pages Lede cannot or need not read', () => {
    it("says why on a browser page (chrome://version, about:robots), without a spinner", async () => {
      const { tabId } = await b.openTab(b.browserPageUrl);
      const popup = await b.openPopup(tabId);
      await expect.poll(() => popup.text('.status-title'), { timeout: 30_000 }).toBe("Lede can't read this page");
      // Chromium's refusal names the page; Firefox refuses without a word and, with no grant on the tab, tells
      // Lede nothing of its URL: the popup can only say the browser did not let it read the page.
      const why = browserName === 'chromium' ? "browser's own pages" : restriction('no-access').message;
      expect(await popup.text('.status p')).toContain(why);
      expect(await popup.count('.spinner')).toBe(0);
    });

    it('says how to allow local files on a file:// page', async () => {
      const { tabId } = await b.openTab(`file://${resolve(projectRoot, 'test/fixtures/sample/article.html')}`);
      const popup = await b.openPopup(tabId);
      await expect.poll(() => popup.text('.status-title'), { timeout: 30_000 }).toBe("Lede can't read this page");
      expect(await popup.text('.status p')).toContain('Allow access to file URLs');
    });

    it('says why on an extension page', async () => {
      const { tabId } = await b.openTab(`${b.extensionOrigin}/options.html`);
      const popup = await b.openPopup(tabId);
      await expect.poll(() => popup.text('.status-title'), { timeout: 30_000 }).toBe("Lede can't read this page");
      expect(await popup.text('.status p')).toBe(restriction('extension-page').message);
    });

    it('says there is no article and reads the visible text on request', async () => {
      const { popup } = await openArticle('/no-article.html');
      expect(await popup.text('.status-title')).toBe('No article found');
      await popup.click('button', { text: 'Analyze the whole visible text' });
      await expect.poll(() => popup.text('.note'), { timeout: 30_000 }).toContain('visible text');
      expect(await popup.count('.key-sentences .passage')).toBeGreaterThan(0);
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
      await popup.click('button', { text: 'Analyze selected text' });
      await expect.poll(() => popup.text('.note'), { timeout: 30_000 }).toContain('selected text');
      const keys = (await popup.texts('.key-sentences .passage')).map(squash);
      expect(keys.length).toBeGreaterThan(0);
      for (const k of keys) expect(squash(selected)).toContain(k);
    });
  });

  describe.skipIf(!corpusAvailable)('real pages from the Readability test corpus', () => {
    it.each(CORPUS_PAGES)('%s: the popup shows a reading and the page holds its highlights', async (name) => {
      const { page, popup } = await openArticle(`/corpus/${name}.html`);
      expect(await popup.count('.status-title')).toBe(0);
      const keys = (await popup.texts('.key-sentences .passage')).map(squash);
      expect(keys.length).toBeGreaterThan(0);
      const painted = ((await highlightTexts(page, HIGHLIGHT_NAMES.keySentence)) ?? []).map(squash);
      // Every painted range is exactly one of the passages, and (almost) all passages are painted.
      for (const p of painted) expect(keys).toContain(p);
      expect(painted.length).toBeGreaterThanOrEqual(keys.length - 1);
      await page.close();
      await popup.close();
    });
  });

  describe('the extension itself, across every page above', () => {
    it('raised no error: no uncaught exception or console.error in its pages and content script', () => {
      expect(b.extensionErrors()).toEqual([]);
    });
  });
});
