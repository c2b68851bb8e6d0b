/**
 * Debian's Chromium, headless, with the e2e build of Lede loaded: what a user
 * does, driven by playwright-core. Popup pages are opened as
 * chrome-extension://ID/popup.html?tabId=N, because a headless browser has no
 * toolbar button to click.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** The extension service worker's `chrome`, as far as these helpers use it (evaluated in the worker). */
declare const chrome: { tabs: { query(q: object): Promise<Array<{ id?: number }>> } };

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Every URL the browser requested, in order. */
  requests: string[];
  /** Opens a URL in a new tab and returns the page and its tab id. */
  openTab(url: string): Promise<{ page: Page; tabId: number }>;
  /** Opens Lede's popup for a tab, as a page. */
  openPopup(tabId: number): Promise<Page>;
  close(): Promise<void>;
}

async function tabIds(worker: Worker): Promise<number[]> {
  return worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id ?? -1));
}

export async function launchWithExtension(
  extensionDir: string,
  opts: { allowOrigin?: string } = {},
): Promise<ExtensionBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'lede-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  // Corpus pages link to their sites' images and scripts: the machine is offline,
  // so refuse them at once instead of waiting for time-outs.
  if (opts.allowOrigin) {
    const allow = opts.allowOrigin;
    await context.route(
      (url) => url.protocol.startsWith('http') && url.origin !== allow,
      (route) => route.abort('blockedbyclient'),
    );
  }
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;

  return {
    context,
    extensionId,
    worker,
    requests,
    async openTab(url) {
      const before = new Set(await tabIds(worker));
      const page = await context.newPage();
      const after = await tabIds(worker);
      const tabId = after.find((id) => !before.has(id));
      if (tabId === undefined) throw new Error('could not find the new tab id');
      await page.goto(url, { waitUntil: 'load' }).catch((err: Error) => {
        // chrome:// pages and the like load but may not report "load" to the driver.
        if (!url.startsWith('http')) return;
        throw err;
      });
      return { page, tabId };
    },
    async openPopup(tabId) {
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
      return popup;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
