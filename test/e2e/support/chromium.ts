/**
 * Debian's Chromium, headless, with the e2e build of Lede loaded, driven by
 * playwright-core (see support/browser.ts for the interface). Every connection
 * the browser makes to a host other than loopback goes through the run's
 * recording proxy (support/proxy.ts), which refuses it; every request and
 * WebSocket of its pages is recorded as well.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Frame, type Page, type Worker } from 'playwright-core';
import { CHROMIUM, PageRegistry, TestPage, type ExtensionBrowser, type LaunchOptions, type TestFrame } from './browser';
import { e2eExtensionDirs } from './build';
import { startRecordingProxy } from './proxy';

/** The extension service worker's `chrome`, as far as these helpers use it (evaluated in the worker). */
declare const chrome: { tabs: { query(q: object): Promise<Array<{ id?: number }>> } };

type Fn<R, A> = (arg: A) => R | Promise<R>;

function frameOf(f: Frame): TestFrame {
  return { url: () => f.url(), evaluate: <R, A>(fn: Fn<R, A>, arg?: A) => f.evaluate(fn as (a: any) => R | Promise<R>, arg) };
}

export class ChromiumPage extends TestPage {
  constructor(readonly page: Page) {
    super();
    page.on('dialog', (d) => {
      this.dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    page.on('pageerror', (e) => this.errors.push(`${page.url()}: ${e.message}`));
  }
  url() {
    return this.page.url();
  }
  evaluate<R, A = undefined>(fn: Fn<R, A>, arg?: A): Promise<R> {
    return this.page.evaluate(fn as (a: any) => R | Promise<R>, arg);
  }
  frames() {
    return this.page.frames().map(frameOf);
  }
  protected mouseClick(x: number, y: number) {
    return this.page.mouse.click(x, y);
  }
  press(key: string) {
    return this.page.keyboard.press(key);
  }
  protected async screenshotTo(path: string, fullPage: boolean) {
    await this.page.screenshot({ path, fullPage });
  }
  async colorScheme(scheme: 'light' | 'dark') {
    await this.page.emulateMedia({ colorScheme: scheme });
    return true;
  }
  bringToFront() {
    return this.page.bringToFront();
  }
  async reload() {
    await this.page.reload({ waitUntil: 'load' });
  }
  close() {
    return this.page.close();
  }
}

async function tabIds(worker: Worker): Promise<number[]> {
  return worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id ?? -1));
}

export async function launchChromium(opts: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = opts.extensionDir ?? e2eExtensionDirs.chromium;
  const profile = mkdtempSync(join(tmpdir(), 'lede-e2e-'));
  const requests: string[] = [];
  // Loopback (the test server, 127.0.0.1 and localhost) bypasses a proxy in Chromium; everything else goes to it.
  const proxy = await startRecordingProxy(requests);
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
      `--proxy-server=http://127.0.0.1:${proxy.port}`,
      // Chromium's own background traffic (component updates, network time, sign-in, autofill, safe-browsing pings)
      // would reach the proxy and be taken for Lede's: it is switched off or pointed at a closed loopback port.
      '--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter,DialMediaRouteProvider,Translate,NetworkTimeServiceQuerying',
      '--disable-client-side-phishing-detection',
      '--disable-default-apps',
      '--disable-domain-reliability',
      '--no-pings',
      '--gaia-url=http://127.0.0.1:9',
      '--google-base-url=http://127.0.0.1:9',
      '--component-updater=url-source=http://127.0.0.1:9',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  context.on('request', (r) => requests.push(r.url()));
  if (opts.allowOrigin) {
    const allow = opts.allowOrigin;
    await context.route(
      (url) => url.protocol.startsWith('http') && url.origin !== allow,
      (route) => route.abort('blockedbyclient'),
    );
  }
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
  const extensionErrors: string[] = [];
  worker.on('console', (m) => m.type() === 'error' && extensionErrors.push(`service worker: ${m.text()}`));

  const registry = new PageRegistry((p: Page) => {
    // Lede's pages and its content script (which logs with a "[Lede]" prefix, WXT's wrapper with "[wxt]") are the extension's own code.
    p.on('console', (m) => {
      if (m.type() === 'error' && (p.url().startsWith(extensionOrigin) || /\[(Lede|wxt)\]/.test(m.text()))) extensionErrors.push(`${p.url()}: ${m.text()}`);
    });
    p.on('pageerror', (e) => p.url().startsWith(extensionOrigin) && extensionErrors.push(`${p.url()}: ${e.message}`));
    p.on('websocket', (ws) => requests.push(ws.url()));
    return new ChromiumPage(p);
  });
  const wrap = (p: Page) => registry.wrap(p);
  context.on('page', (p) => registry.opened(p));
  for (const p of context.pages()) wrap(p);

  return {
    name: 'chromium',
    extensionOrigin,
    browserPageUrl: 'chrome://version',
    requests,
    async openTab(url) {
      const before = new Set(await tabIds(worker));
      const page = await context.newPage();
      const tabId = (await tabIds(worker)).find((id) => !before.has(id));
      if (tabId === undefined) throw new Error('could not find the new tab id');
      await page.goto(url, { waitUntil: 'load' }).catch((err: Error) => {
        // chrome:// pages and the like load but may not report "load" to the driver.
        if (!url.startsWith('http')) return;
        throw err;
      });
      return { page: wrap(page), tabId };
    },
    async openPopup(tabId) {
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.goto(`${extensionOrigin}/popup.html?tabId=${tabId}`);
      return wrap(popup);
    },
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`${extensionOrigin}${path}`);
      return wrap(page);
    },
    pages: () => registry.all(),
    onPage: (fn) => registry.onPage(fn),
    extensionErrors: () => [...extensionErrors],
    async close() {
      await context.close();
      await new Promise((ok) => proxy.server.close(() => ok(undefined)));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
