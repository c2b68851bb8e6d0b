/**
 * Debian's Firefox ESR, headless, with the e2e build of Lede installed as a
 * temporary add-on, driven by puppeteer-core over WebDriver BiDi (see
 * support/browser.ts for the interface). What it takes, learnt on Firefox 153:
 *
 * - The add-on's internal UUID (its page URLs carry it) is fixed in advance with
 *   the pref `extensions.webextensions.uuids`.
 * - BiDi navigates a tab to a moz-extension:// URL only when Firefox runs with
 *   --remote-allow-system-access, and even then `goto` never resolves for it: the
 *   navigation is started and the page polled until it reports the URL and
 *   `readyState === 'complete'`. Web pages are navigated from inside the page
 *   (`location.href = url`): BiDi aborts or stalls a `goto` on pages whose frames
 *   or scripts point at unreachable hosts.
 * - Every request for a host other than loopback goes to a proxy of the run's
 *   own, which records it and refuses it at once (the machine is offline).
 *   Firefox's own remote-settings fetches are pointed nowhere (a pref it honours
 *   with MOZ_REMOTE_SETTINGS_DEVTOOLS set), so what the proxy sees is Lede's.
 * - The popup opens in a window of its own, as a real popup stands over the
 *   page: a page in a hidden tab gets no smooth scrolling or animation frames.
 * - The WebExtension tab id is not BiDi's context id: it is read with
 *   `browser.tabs.query` in one of Lede's pages, kept open as the control page.
 * - Puppeteer reports no console message or error of extension pages; with the
 *   pref `devtools.console.stdout.content` Firefox writes them to its own output,
 *   which is read here for the extension's errors.
 */
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { FIREFOX, PageRegistry, TestPage, until, type ExtensionBrowser, type LaunchOptions, type TestFrame } from './browser';
import { e2eExtensionDirs } from './build';
import { startRecordingProxy } from './proxy';

/** The e2e build's add-on id (wxt.config.ts) and the internal UUID it is given in the test profile. */
export const ADDON_ID = 'lede@lede-reader.org';
export const ADDON_UUID = '6f1c2a3e-9b4d-4e5f-8a70-1e2d3c4b5a69';
const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;

/**
 * The extension page's `browser`, as far as these helpers use it (evaluated in that page). Reached through
 * globalThis: WXT's Vitest plugin auto-imports a bare `browser`, which would not survive serialisation.
 */
type ExtensionGlobal = { browser: { tabs: { query(q: object): Promise<Array<{ id?: number }>> } } };

type Fn<R, A> = (arg: A) => R | Promise<R>;

/**
 * Firefox reports its HTML parser's notices about a page's markup through the same BiDi log as uncaught
 * script errors (Puppeteer's "pageerror"): the 10,000-deep hostile page gets this one. No script threw.
 */
const PARSER_NOTICE = /^The document tree is too deep\. The tree will be flattened/;

function frameOf(f: Frame): TestFrame {
  return { url: () => f.url(), evaluate: <R, A>(fn: Fn<R, A>, arg?: A) => f.evaluate(fn as (a: unknown) => R, arg) as Promise<R> };
}

class FirefoxPage extends TestPage {
  /** The document's URL as the page last reported it: Puppeteer's page.url() stays about:blank for extension pages. */
  private href: string;
  constructor(readonly page: Page) {
    super();
    this.href = page.url();
    page.on('dialog', (d) => {
      this.dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    page.on('pageerror', (e) => {
      const message = e instanceof Error ? e.message : String(e);
      if (!PARSER_NOTICE.test(message)) this.errors.push(`${this.url()}: ${message}`);
    });
  }
  url() {
    const u = this.page.url();
    return u === 'about:blank' ? this.href : u;
  }
  /** Polls until the document is `url` (or, without one, any document) and complete. */
  async settled(url?: string, timeoutMs = 60_000): Promise<void> {
    const want = url === undefined ? undefined : new URL(url).href;
    this.href = await until(
      () =>
        this.page
          .evaluate((w) => (document.readyState === 'complete' && (w === undefined || location.href === w) ? location.href : ''), want)
          .catch(() => ''),
      `${want ?? 'the page'} to load`,
      timeoutMs,
    );
  }
  evaluate<R, A = undefined>(fn: Fn<R, A>, arg?: A): Promise<R> {
    return this.page.evaluate(fn as (a: unknown) => R, arg) as Promise<R>;
  }
  frames() {
    return this.page.frames().map(frameOf);
  }
  protected mouseClick(x: number, y: number) {
    return this.page.mouse.click(x, y);
  }
  press(key: string) {
    return this.page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]);
  }
  protected async screenshotTo(path: string, fullPage: boolean) {
    await this.page.screenshot({ path: path as `${string}.png`, fullPage });
  }
  async colorScheme(scheme: 'light' | 'dark') {
    try {
      await this.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      return true;
    } catch {
      return false;
    }
  }
  bringToFront() {
    return this.page.bringToFront();
  }
  async reload() {
    const url = this.url();
    await this.page.evaluate(() => {
      (window as unknown as { ledeOld?: boolean }).ledeOld = true;
      location.reload();
    });
    // The old document may still answer for a moment: wait for a new one.
    await until(() => this.page.evaluate(() => !(window as unknown as { ledeOld?: boolean }).ledeOld).catch(() => false), 'the reload', 30_000);
    await this.settled(url);
  }
  close() {
    return this.page.close();
  }
}

/**
 * The extension's errors in Firefox's output: uncaught exceptions in a
 * moz-extension:// script (its pages and the content script) and console.error
 * calls from them. Firefox writes console calls as `console.error: …` with no
 * source: Lede's pages and content script are the only code that logs with a
 * "[Lede]" (or, from WXT's wrapper, "[wxt]") prefix, and any uncaught error names its script.
 */
export function extensionErrorLines(output: string[]): string[] {
  return output.filter(
    (line) =>
      (line.startsWith('JavaScript error: ') && line.includes(EXTENSION_ORIGIN)) ||
      (/^console\.error:/.test(line) && (line.includes('[Lede]') || line.includes('[wxt]') || line.includes(EXTENSION_ORIGIN))),
  );
}

export async function launchFirefox(opts: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const requests: string[] = [];
  const proxy = await startRecordingProxy(requests);
  const b: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: { width: 1200, height: 900 },
    args: ['--remote-allow-system-access'],
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      'devtools.console.stdout.content': true,
      // Everything but loopback through the recording proxy, refused there.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '127.0.0.1,localhost',
      'network.proxy.share_proxy_settings': true,
      // Firefox's own background fetches (remote settings) would go to the proxy and be taken for Lede's:
      // this pref points them nowhere, and Firefox honours it with MOZ_REMOTE_SETTINGS_DEVTOOLS set.
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
    },
  });
  const output: string[] = [];
  const proc = b.process();
  for (const stream of [proc?.stdout, proc?.stderr]) {
    let pending = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      output.push(...lines);
    });
  }
  try {
    const id = await b.installExtension(opts.extensionDir ?? e2eExtensionDirs.firefox);
    if (id !== ADDON_ID) throw new Error(`installed add-on ${id}, expected ${ADDON_ID}`);
  } catch (err) {
    await b.close();
    proxy.server.close();
    throw err;
  }

  const registry = new PageRegistry((p: Page) => new FirefoxPage(p));
  const wrap = (p: Page) => registry.wrap(p);
  // Pages only: a page's Worker is a target too, whose page() throws.
  b.on('targetcreated', (t) => {
    if (t.type() === 'page') void t.page().then((p) => p && registry.opened(p));
  });

  const openExtensionPage = async (path: string, inWindow = false): Promise<FirefoxPage> => {
    const page = wrap(await b.newPage(inWindow ? { type: 'window' } : undefined));
    const url = `${EXTENSION_ORIGIN}${path}`;
    // The navigation never reports its end to the driver: start it, then poll.
    page.page.goto(url).catch(() => {});
    await page.settled(url);
    return page;
  };
  // Kept open: where tab ids are read.
  const control = await openExtensionPage('/options.html');
  const tabIds = () =>
    control.evaluate(async () => (await (globalThis as unknown as ExtensionGlobal).browser.tabs.query({})).map((t) => t.id ?? -1));

  return {
    name: 'firefox',
    extensionOrigin: EXTENSION_ORIGIN,
    browserPageUrl: 'about:robots',
    requests,
    async openTab(url) {
      const before = new Set(await tabIds());
      const page = wrap(await b.newPage());
      const tabId = await until(async () => (await tabIds()).find((id) => !before.has(id)), 'the new tab id', 10_000);
      if (/^https?:/.test(url)) await page.evaluate((u) => void (location.href = u), url);
      else page.page.goto(url).catch(() => {});
      await page.settled(url);
      return { page, tabId };
    },
    async openPopup(tabId) {
      // In a window of its own, as a real popup stands over the page: the page's tab stays the visible one
      // (Firefox does not run the smooth scroll of a hidden tab, nor its animation frames).
      const popup = await openExtensionPage(`/popup.html?tabId=${tabId}`, true);
      await popup.page.setViewport({ width: 400, height: 600 });
      return popup;
    },
    openExtensionPage: (path) => openExtensionPage(path),
    pages: () => registry.all(),
    onPage: (fn) => registry.onPage(fn),
    extensionErrors: () => extensionErrorLines(output),
    async close() {
      await b.close();
      await new Promise((ok) => proxy.server.close(() => ok(undefined)));
    },
  };
}
