/**
 * One driver interface for the end-to-end tests, with a Chromium
 * (support/chromium.ts, playwright-core) and a Firefox (support/firefox.ts,
 * puppeteer-core over WebDriver BiDi) implementation: the test files hold one
 * set of cases and run it in each browser (`inEachBrowser`).
 *
 * A headless browser has no toolbar button to click, so the popup is opened as
 * a page: `<extension origin>/popup.html?tabId=N`. (`inEachBrowser` is in
 * support/each-browser.ts, apart, so scripts can use the drivers without Vitest.)
 *
 * LEDE_E2E_BROWSERS=firefox (or chromium, or "chromium,firefox", the default)
 * chooses the browsers.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export const BROWSER_NAMES = ['chromium', 'firefox'] as const;
/** Debian's browsers, as apt installs them (.ci/run). */
export const CHROMIUM = '/usr/bin/chromium';
export const FIREFOX = '/usr/bin/firefox-esr';
export type BrowserName = (typeof BROWSER_NAMES)[number];

/** The browsers this run drives, from LEDE_E2E_BROWSERS (both by default). */
export function e2eBrowsers(): BrowserName[] {
  const raw = process.env.LEDE_E2E_BROWSERS?.trim();
  if (!raw) return [...BROWSER_NAMES];
  const names = raw.split(',').map((s) => s.trim().toLowerCase());
  for (const n of names) {
    if (!(BROWSER_NAMES as readonly string[]).includes(n)) throw new Error(`LEDE_E2E_BROWSERS: unknown browser "${n}" (chromium, firefox)`);
  }
  return names as BrowserName[];
}

/** A page or a frame: where a test evaluates code. */
export interface TestFrame {
  url(): string;
  /** Runs `fn` in the page (it is serialised: it may use only its argument). */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
}

/** Poll until `check` gives a truthy value; returns it. */
export async function until<T>(check: () => Promise<T>, what: string, timeoutMs = 30_000, intervalMs = 50): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((ok) => setTimeout(ok, intervalMs));
  }
}

export interface ClickTarget {
  /** Only elements whose trimmed text matches. */
  text?: string | RegExp;
  /** Which match: 0 (the default) is the first, -1 the last. */
  nth?: number;
}

/**
 * A tab or extension page. The drivers give the primitives (evaluate, a mouse
 * click at a point, a key press, a screenshot); the DOM helpers the tests use
 * are built on them here, the same in both browsers. Clicks are real input
 * events at the element's centre, after scrolling it into view.
 */
export abstract class TestPage implements TestFrame {
  abstract url(): string;
  abstract evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** The page's frames, the main frame first. */
  abstract frames(): TestFrame[];
  protected abstract mouseClick(x: number, y: number): Promise<void>;
  /** Presses a key ("Enter", "Tab") in the focused element. */
  abstract press(key: string): Promise<void>;
  protected abstract screenshotTo(path: string, fullPage: boolean): Promise<void>;
  /** Emulates prefers-color-scheme; false when the driver cannot in this browser. */
  abstract colorScheme(scheme: 'light' | 'dark'): Promise<boolean>;
  abstract bringToFront(): Promise<void>;
  /** Reloads and waits until the document is complete. */
  abstract reload(): Promise<void>;
  abstract close(): Promise<void>;
  /** Alerts, confirms and prompts the page opened (each dismissed at once). */
  readonly dialogs: string[] = [];
  /** Uncaught errors the driver reported for this page. */
  readonly errors: string[] = [];

  async screenshot(path: string, opts: { fullPage?: boolean } = {}): Promise<void> {
    mkdirSync(dirname(path), { recursive: true });
    await this.screenshotTo(path, opts.fullPage ?? false);
  }

  /** textContent of every element matching `selector`, in document order. */
  texts(selector: string): Promise<string[]> {
    return this.evaluate((sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent ?? ''), selector);
  }

  /** textContent of the first element matching `selector`, or null when there is none. */
  text(selector: string): Promise<string | null> {
    return this.evaluate((sel) => document.querySelector(sel)?.textContent ?? null, selector);
  }

  count(selector: string): Promise<number> {
    return this.evaluate((sel) => document.querySelectorAll(sel).length, selector);
  }

  async waitFor(selector: string, timeoutMs = 30_000): Promise<void> {
    await until(() => this.count(selector), `"${selector}" in ${this.url()}`, timeoutMs);
  }

  /** Waits for the target, scrolls it into view and returns its centre in viewport coordinates. */
  private async locate(selector: string, target: ClickTarget, focus = false): Promise<{ x: number; y: number }> {
    const text = target.text instanceof RegExp ? { source: target.text.source, flags: target.text.flags } : target.text;
    const find = () => this.evaluate(
      ({ sel, text, nth, focus }) => {
        const matches = (s: string) =>
          text === undefined ? true : typeof text === 'string' ? s === text : new RegExp(text.source, text.flags).test(s);
        const all = [...document.querySelectorAll(sel)].filter((e) => matches((e.textContent ?? '').trim()));
        const el = all[nth < 0 ? all.length + nth : nth] as HTMLElement | undefined;
        if (!el) return null;
        el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
        if (focus) el.focus();
        const r = el.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      },
      { sel: selector, text, nth: target.nth ?? 0, focus },
    );
    // As a user would, wait for the element to appear (a button shown once an answer came).
    return until(find, `element "${selector}"${target.text ? ` with text ${String(target.text)}` : ''} in ${this.url()}`, 10_000);
  }

  async click(selector: string, target: ClickTarget = {}): Promise<void> {
    const { x, y } = await this.locate(selector, target);
    await this.mouseClick(x, y);
  }

  async focus(selector: string, target: ClickTarget = {}): Promise<void> {
    await this.locate(selector, target, true);
  }

  isChecked(selector: string): Promise<boolean> {
    return this.evaluate((sel) => !!(document.querySelector(sel) as HTMLInputElement | null)?.checked, selector);
  }

  /** Clicks a checkbox or switch when it is not already in the wanted state. */
  async setChecked(selector: string, checked: boolean): Promise<void> {
    if ((await this.isChecked(selector)) !== checked) await this.click(selector);
    await until(async () => (await this.isChecked(selector)) === checked, `${selector} checked=${checked}`, 5_000);
  }

  /** Chooses an option of a <select> as a user's pick does: the value changes and `input` and `change` fire. */
  select(selector: string, value: string): Promise<void> {
    return this.evaluate(
      ({ sel, value }) => {
        const el = document.querySelector(sel) as HTMLSelectElement;
        el.focus();
        el.value = value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
      },
      { sel: selector, value },
    );
  }

  /** Polls a page function until it returns a truthy value. */
  async waitForFunction<A>(fn: (arg: A) => unknown, arg: A, opts: { timeoutMs?: number; intervalMs?: number } = {}): Promise<void> {
    await until(() => this.evaluate(fn, arg), `a condition in ${this.url()}`, opts.timeoutMs ?? 30_000, opts.intervalMs ?? 50);
  }
}

/** A driver's pages, each wrapped once, and the callers that want to hear of every page opened. */
export class PageRegistry<Raw extends { once(event: 'close', fn: () => void): unknown }, P extends TestPage> {
  private readonly wrapped = new Map<Raw, P>();
  private readonly watchers: Array<(p: TestPage) => void> = [];
  constructor(private readonly make: (raw: Raw) => P) {}

  wrap(raw: Raw): P {
    let p = this.wrapped.get(raw);
    if (!p) {
      p = this.make(raw);
      this.wrapped.set(raw, p);
      raw.once('close', () => this.wrapped.delete(raw));
    }
    return p;
  }

  /** For the driver's "a page opened" event. */
  opened(raw: Raw): void {
    const p = this.wrap(raw);
    for (const fn of this.watchers) fn(p);
  }

  all(): P[] {
    return [...this.wrapped.values()];
  }

  onPage(fn: (p: TestPage) => void): void {
    this.watchers.push(fn);
    for (const p of this.wrapped.values()) fn(p);
  }
}

export interface OpenedTab {
  page: TestPage;
  /** The WebExtension tab id (what `?tabId=` and `tabs.sendMessage` take). */
  tabId: number;
}

export interface ExtensionBrowser {
  name: BrowserName;
  /** chrome-extension://ID or moz-extension://UUID, without a trailing slash. */
  extensionOrigin: string;
  /** A page of the browser's own that no extension may read (chrome://version, about:robots). */
  browserPageUrl: string;
  /**
   * Every URL the browser was seen to request. Both browsers: every connection
   * to a host other than loopback, from anywhere in the browser (all go through
   * the run's recording proxy, support/proxy.ts, which refuses them; HTTPS and
   * WebSocket ones as https://host:port/). Chromium also: every request and
   * WebSocket of its pages, loopback included. Requests to the test server
   * itself are in its own log (TestServer.requests).
   */
  requests: string[];
  /** Opens a URL in a new tab; resolves once its document is complete. */
  openTab(url: string): Promise<OpenedTab>;
  /** Opens Lede's popup for a tab, as a page. */
  openPopup(tabId: number): Promise<TestPage>;
  /** Opens one of Lede's pages (`/options.html`) in a tab. */
  openExtensionPage(path: string): Promise<TestPage>;
  /** Every page (tab) open now, including extension pages. */
  pages(): TestPage[];
  /** Calls `fn` for every page opened from now on (and every page open now). */
  onPage(fn: (p: TestPage) => void): void;
  /**
   * Errors the extension's own code raised (uncaught exceptions and console.error
   * in its pages and content script), as far as this browser tells a driver.
   */
  extensionErrors(): string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Refuse every http(s) request for another origin at once (corpus pages link to their sites; the machine is offline). */
  allowOrigin?: string;
  /** A prebuilt extension folder instead of the run's build. */
  extensionDir?: string;
}

export async function launchWithExtension(name: BrowserName, opts: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (name === 'firefox') return (await import('./firefox')).launchFirefox(opts);
  return (await import('./chromium')).launchChromium(opts);
}
