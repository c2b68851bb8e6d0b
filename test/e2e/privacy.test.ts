/**
 * Nothing of Lede is visible to a page but the highlights it paints (issue 17,
 * item 4), in each browser: a listening, tampering page (support/probe.ts)
 * records every window message, every event it can hear on window and
 * document (WXT's start-up event under the extension's id among them), every
 * DOM change in the whole document, every new global and every call of the
 * page-world functions it wrapped, while the user reads it with Lede (popup
 * open, highlights off and on, another summary length, other colours). It
 * must see nothing but CSS.highlights entries, painted in the user's colours
 * from a sheet Lede inserted without an element in the page, in the page and
 * in a same-origin frame; the test server must see no request from Lede beyond
 * the page's own load (no WebSocket either), and the browser none for any other host.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HIGHLIGHT_NAMES } from '@/lib/highlight';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { HOSTILE_DIR } from '../fixtures/hostile/generate';
import { projectRoot } from './support/build';
import { ADDON_ID } from './support/firefox';
import { launchWithExtension, type ExtensionBrowser, type TestFrame, type TestPage } from './support/browser';
import { inEachBrowser } from './support/each-browser';
import { highlightTexts, squash } from './support/highlights';
import { PROBE, withProbe, wxtEventNames, type ProbeReport } from './support/probe';
import { startServer, type TestServer } from './support/server';

const READY = '.content:not(:has([aria-busy="true"]))';

/**
 * Events the browser itself sends a page whose window loses or regains focus when the popup (a window of its
 * own in Firefox here, as a real popup takes focus) opens and closes: trusted, and nothing Lede does. Firefox
 * sends `blur`; Chromium nothing.
 */
const WINDOW_FOCUS_EVENTS = new Set(['blur', 'focus', 'focusin', 'focusout', 'visibilitychange']);

function report(where: TestFrame): Promise<ProbeReport> {
  return where.evaluate((name) => (window as unknown as Record<string, { report(): ProbeReport }>)[name].report(), PROBE);
}

function startProbe(where: TestFrame): Promise<void> {
  return where.evaluate((name) => (window as unknown as Record<string, { start(): void }>)[name].start(), PROBE);
}

/** What the page saw, less the browser's own focus events: must be nothing at all. */
function noticed(r: ProbeReport) {
  return {
    messages: r.messages,
    events: r.events.filter((e) => !e.trusted || !WINDOW_FOCUS_EVENTS.has(e.type)),
    mutations: r.mutations,
    calls: r.calls,
    globals: r.globals,
    styleSheets: r.styleSheets.now - r.styleSheets.before + r.styleSheets.adopted,
  };
}

const NOTHING = { messages: [], events: [], mutations: [], calls: [], globals: [], styleSheets: 0 };

/** The computed background of a Lede highlight in a page or frame, as [r, g, b, alpha]. */
function highlightBackground(where: TestFrame, name: string): Promise<number[]> {
  return where.evaluate((n) => {
    const bg = getComputedStyle(document.body, `::highlight(${n})`).backgroundColor;
    const parts = (bg.match(/[\d.]+/g) ?? []).map(Number);
    return parts.length === 3 ? [...parts, 1] : parts;
  }, name);
}

/** The underline colour of one of Lede's highlights (quotes are underlined, not filled), as [r, g, b, a]. */
function highlightUnderline(where: TestFrame, name: string): Promise<number[]> {
  return where.evaluate((n) => {
    const style = getComputedStyle(document.body, `::highlight(${n})`);
    if (!style.textDecorationLine.includes('underline')) return [];
    const parts = (style.textDecorationColor.match(/[\d.]+/g) ?? []).map(Number);
    return parts.length === 3 ? [...parts, 1] : parts;
  }, name);
}

/** #rrggbb at the alpha the sheet gives it (80 = 0.5), as computed style reports it. */
function expectColour(actual: number[], hex: string, alpha = 0x80 / 255): void {
  const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  expect(actual.slice(0, 3)).toEqual(rgb);
  expect(actual[3]).toBeCloseTo(alpha, 1);
}

inEachBrowser((browserName) => {
  let b: ExtensionBrowser;
  let server: TestServer;
  let tmp: string;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'lede-privacy-'));
    const routes: Record<string, string> = {};
    server = await startServer(routes);
    b = await launchWithExtension(browserName, { allowOrigin: server.origin });
    // The names WXT's context would post and dispatch, under every id the extension goes by in this browser.
    const ids = [new URL(b.extensionOrigin).host, ...(browserName === 'firefox' ? [ADDON_ID] : [])];
    const names = [...wxtEventNames([...ids, 'lede-control']), 'wxt:content-script-started', 'wxt:locationchange', ...ids];
    // The page names its own element with the id Lede's <style> used to have: it must stay the page's.
    const sample = readFileSync(resolve(projectRoot, 'test/fixtures/sample/article.html'), 'utf8').replace(
      '</head>',
      '<style id="lede-highlight-style">/* the page’s own */ .kicker { letter-spacing: 0.01em; }</style>\n</head>',
    );
    const pages: Record<string, string> = {
      'listening.html': withProbe(sample, names),
      'framed.html': withProbe(readFileSync(join(HOSTILE_DIR, 'iframe-article.html'), 'utf8'), names),
      'article-base.html': withProbe(readFileSync(join(HOSTILE_DIR, 'article-base.html'), 'utf8'), names),
    };
    for (const [name, html] of Object.entries(pages)) {
      writeFileSync(join(tmp, name), html);
      routes[`/${name}`] = join(tmp, name);
    }
  });

  afterAll(async () => {
    await b?.close();
    await server?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  /** Opens a listening page and lets it settle; the probe and the server log start from here. */
  async function openListening(path: string, frames = 0): Promise<{ page: TestPage; tabId: number; serverSeen: number }> {
    const { page, tabId } = await b.openTab(server.url(path));
    await page.waitForFunction((n) => document.readyState === 'complete' && !!(window as unknown as Record<string, unknown>)[n], PROBE);
    const probed = () => page.frames().filter((f) => f.url().startsWith(server.origin));
    if (frames) await expect.poll(() => probed().length, { timeout: 10_000 }).toBe(frames + 1);
    // The page's own loading (its style sheet link, the browser's favicon) is over before the probe starts.
    await new Promise((ok) => setTimeout(ok, 500));
    for (const f of probed()) await startProbe(f);
    return { page, tabId, serverSeen: server.requests.length };
  }

  describe('a listening, tampering page read with Lede', () => {
    let page: TestPage;
    let popup: TestPage;
    let tabId: number;
    let serverSeen: number;

    beforeAll(async () => {
      ({ page, tabId, serverSeen } = await openListening('/listening.html'));
      popup = await b.openPopup(tabId);
      await popup.waitFor(READY, 60_000);
      await popup.waitFor('.key-sentences .passage');
    });

    it('is painted: CSS.highlights holds Lede’s key sentences and quotes, each exactly its passage', async () => {
      const r = await report(page);
      expect(r.listenedTypes).toBeGreaterThan(50);
      expect(r.highlights).toEqual(expect.arrayContaining([HIGHLIGHT_NAMES.keySentence, HIGHLIGHT_NAMES.quote]));
      expect(r.highlights.every((n) => Object.values(HIGHLIGHT_NAMES).includes(n as never))).toBe(true);
      const keys = (await popup.texts('.key-sentences .passage')).map(squash);
      expect((await highlightTexts(page, HIGHLIGHT_NAMES.keySentence))?.map(squash)).toEqual(keys);
    });

    it('in the user’s colours, from a sheet that is not in the page (no element, no entry in document.styleSheets)', async () => {
      expectColour(await highlightBackground(page, HIGHLIGHT_NAMES.keySentence), DEFAULT_SETTINGS.colours.keySentence);
      expectColour(await highlightUnderline(page, HIGHLIGHT_NAMES.quote), DEFAULT_SETTINGS.colours.quote, 1);
      // The page's element with the id Lede's <style> once had is the page's still, untouched.
      expect(await page.text('#lede-highlight-style')).toContain('the page’s own');
      expect(await page.count('[id^="lede"]')).toBe(1);
    });

    it('saw no message, no event, no DOM change, no new global and no call of its wrapped functions', async () => {
      // A second click on the page (the content script is reused) and what the popup does.
      await popup.setChecked('input[role="switch"]', false);
      await expect.poll(() => highlightTexts(page, HIGHLIGHT_NAMES.keySentence)).toBeNull();
      await popup.setChecked('input[role="switch"]', true);
      await popup.click('label', { text: /^3$/ });
      await expect.poll(async () => (await highlightTexts(page, HIGHLIGHT_NAMES.keySentence))?.length ?? 0).toBe(3);
      const again = await b.openPopup(tabId);
      await again.waitFor('.key-sentences .passage');
      await again.close();
      const r = await report(page);
      expect(noticed(r)).toEqual(NOTHING);
      // Not even the browser's focus events carry anything of Lede's.
      expect(r.events.filter((e) => /wxt|lede|content-script/i.test(e.type))).toEqual([]);
    });

    it('with other colours chosen in the options page, the next click paints in them, still unseen', async () => {
      const options = await b.openExtensionPage('/options.html');
      await options.waitFor('input[type="color"]');
      const chosen = '#123456';
      await options.evaluate((value) => {
        const input = document.querySelectorAll<HTMLInputElement>('input[type="color"]')[1];
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }, chosen);
      await expect.poll(() => options.text('.status-line')).toBe('Saved.');
      await popup.reload();
      await popup.waitFor('.key-sentences .passage');
      await expect.poll(async () => (await highlightUnderline(page, HIGHLIGHT_NAMES.quote)).slice(0, 3)).toEqual([0x12, 0x34, 0x56]);
      expectColour(await highlightBackground(page, HIGHLIGHT_NAMES.keySentence), DEFAULT_SETTINGS.colours.keySentence);
      // Back to the defaults: the sheet with #123456 is gone, not merely outranked.
      await options.click('button', { text: 'Restore defaults' });
      await expect.poll(() => options.text('.status-line')).toBe('Defaults restored.');
      await popup.reload();
      await popup.waitFor('.key-sentences .passage');
      await expect.poll(async () => (await highlightUnderline(page, HIGHLIGHT_NAMES.quote)).slice(0, 3)).toEqual(
        [1, 3, 5].map((i) => parseInt(DEFAULT_SETTINGS.colours.quote.slice(i, i + 2), 16)),
      );
      await options.close();
      expect(noticed(await report(page))).toEqual(NOTHING);
    });

    it('the page’s own server saw no request after the page loaded (none from Lede, no WebSocket), the browser none for another host', async () => {
      expect(server.requests.slice(serverSeen)).toEqual([]);
      expect(server.requests.filter((r) => r.webSocket)).toEqual([]);
      const foreign = b.requests.filter((u) => !u.startsWith(server.origin) && /^(https?|wss?):/.test(u));
      expect(foreign).toEqual([]);
      await popup.close();
      await page.close();
    });
  });

  describe('the probe itself (a control)', () => {
    it('hears a content script that announces itself as WXT\'s context did, and sees a <style> it adds', async () => {
      const { page, tabId } = await openListening('/listening.html');
      const ext = await b.openExtensionPage('/options.html');
      // An isolated-world script of the extension, doing what WXT's ContentScriptContext and the old highlighter did.
      await ext.evaluate(async (tab) => {
        const g = globalThis as unknown as { browser?: { scripting?: unknown }; chrome?: { scripting?: unknown } };
        const scripting = (g.browser?.scripting ?? g.chrome?.scripting) as {
          executeScript(o: { target: { tabId: number }; func: () => void }): Promise<unknown>;
        };
        await scripting.executeScript({
          target: { tabId: tab },
          func: () => {
            const type = 'lede-control:content:wxt:content-script-started';
            document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'content', messageId: 'x' } }));
            window.postMessage({ type, contentScriptName: 'content', messageId: 'x' }, '*');
            const style = document.createElement('style');
            style.textContent = '::highlight(lede-key-sentence) { background: yellow }';
            document.head.append(style);
          },
        });
      }, tabId);
      await expect.poll(async () => (await report(page)).messages.length, { timeout: 5_000 }).toBe(1);
      const seen = noticed(await report(page));
      expect(seen.messages[0].data).toContain('content-script-started');
      expect(seen.events).toContainEqual({ where: 'document', type: 'lede-control:content:wxt:content-script-started', trusted: false });
      expect(seen.mutations.some((m) => m.added.includes('style'))).toBe(true);
      expect(seen.styleSheets).toBe(1);
      // The page's wrappers are the page's: an isolated world never calls them.
      expect(seen.calls).toEqual([]);
      await ext.close();
      await page.close();
    });
  });

  describe('a listening page whose article is in a same-origin frame', () => {
    it('is painted in the frame, in Lede’s colours, and neither document saw anything else', async () => {
      const { page, tabId, serverSeen } = await openListening('/framed.html', 1);
      const popup = await b.openPopup(tabId);
      await popup.waitFor(READY, 60_000);
      await popup.waitFor('.key-sentences .passage');
      const frame = page.frames().find((f) => f.url().endsWith('/article-base.html'))!;
      const keys = (await popup.texts('.key-sentences .passage')).map(squash);
      expect(((await highlightTexts(frame, HIGHLIGHT_NAMES.keySentence)) ?? []).map(squash)).toEqual(keys);
      expectColour(await highlightBackground(frame, HIGHLIGHT_NAMES.keySentence), DEFAULT_SETTINGS.colours.keySentence);
      for (const where of [page, frame]) expect(noticed(await report(where)), where.url()).toEqual(NOTHING);
      expect(server.requests.slice(serverSeen)).toEqual([]);
      await popup.close();
      await page.close();
    });
  });

  describe('the extension itself', () => {
    it('raised no error', () => {
      expect(b.extensionErrors()).toEqual([]);
    });
  });
});
