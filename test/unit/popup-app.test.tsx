// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"disableCSSFileLoading":true,"disableJavaScriptFileLoading":true,"disableJavaScriptEvaluation":true,"disableIframePageLoading":true,"handleDisabledFileLoadingAsSuccess":true}}
/**
 * The popup's wiring (entrypoints/popup) with WXT's fake browser: finding the
 * tab, injecting, restricted pages, and a full conversation with the real
 * content-script handlers reading the sample article in happy-dom.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing';
import { App } from '@/entrypoints/popup/App';
import { createHandlers } from '@/entrypoints/content/handlers';
import * as engine from '@/lib/highlight';
import { createPageHighlighter } from '@/entrypoints/content/page-highlighter';
import { ReadingSession } from '@/entrypoints/content/session';
import { dispatch, type Request } from '@/lib/messages';
import { highlightCss } from '@/lib/highlight-style';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '@/lib/settings';

const sampleHtml = readFileSync(resolve(__dirname, '../fixtures/sample/article.html'), 'utf8');

let host: HTMLElement;
let sent: Request[];

/** A content script for `doc`, answering like the real one does. */
function contentScriptFor(doc: Document) {
  const now = () => performance.now();
  const handlers = createHandlers({
    session: new ReadingSession({ document: doc, url: () => 'https://courier.example/a', selectionText: () => '', visibleText: () => doc.body.textContent ?? '', now }),
    highlighter: createPageHighlighter(doc, engine),
    tooLargeToPaint: () => engine.tooLargeToPaint(doc),
    now,
  });
  return async (_tabId: number, message: unknown) => {
    sent.push(message as Request);
    return dispatch(handlers, message, () => {});
  };
}

async function mountApp(search: string) {
  host = document.createElement('div');
  document.body.append(host);
  await act(async () => render(<App search={search} />, host));
}

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await act(() => new Promise((r) => setTimeout(r, 10)));
  }
  throw new Error(`timed out waiting for ${what}; popup shows: ${host.textContent}`);
}

beforeEach(() => {
  fakeBrowser.reset();
  sent = [];
  vi.spyOn(fakeBrowser.extension, 'isAllowedFileSchemeAccess').mockResolvedValue(false);
  vi.spyOn(fakeBrowser.commands, 'getAll').mockResolvedValue([{ name: '_execute_action', shortcut: 'Alt+Shift+L' }]);
  insertCSS = vi.spyOn(fakeBrowser.scripting, 'insertCSS').mockResolvedValue(undefined);
  removeCSS = vi.spyOn(fakeBrowser.scripting, 'removeCSS').mockResolvedValue(undefined);
});

let insertCSS: ReturnType<typeof vi.fn>;
let removeCSS: ReturnType<typeof vi.fn>;

afterEach(() => {
  render(null, host);
  host.remove();
  vi.restoreAllMocks();
});

/** What `scripting.executeScript` resolves with once the content script's main() ran. */
const INJECTED = [{ frameId: 0, documentId: 'doc', result: 'ready' }] as never;

describe('popup wiring', () => {
  it('reads the tab named in ?tabId=, shows the reading, and re-runs and remembers a new length', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://courier.example/a' });
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue(INJECTED);
    const doc = new DOMParser().parseFromString(sampleHtml, 'text/html');
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(contentScriptFor(doc) as never);

    await mountApp(`?tabId=${tab.id}`);
    await until(() => host.querySelectorAll('.key-sentences .passage').length > 0, 'key sentences');
    // The entity data first: the content script reads it as it starts.
    expect(inject).toHaveBeenCalledWith({ target: { tabId: tab.id }, files: ['/entity-data.js', '/content-scripts/content.js'] });
    // The colours go into the tab as a style sheet (every frame) before the reading is painted.
    expect(sent[0]).toEqual({ type: 'styled', colours: DEFAULT_SETTINGS.colours });
    expect(insertCSS).toHaveBeenCalledWith({ target: { tabId: tab.id, allFrames: true }, css: highlightCss(DEFAULT_SETTINGS.colours) });
    expect(sent[1]).toEqual({ type: 'analyze', sentences: 'auto', source: 'article', highlights: true });
    expect(host.querySelector('kbd')?.textContent).toBe('Alt+Shift+L');

    const three = host.querySelector<HTMLInputElement>('input[name="summary-length"][value="3"]')!;
    await act(async () => three.click());
    await until(() => host.querySelectorAll('.key-sentences .passage').length === 3, 'three key sentences');
    expect(sent.at(-1)).toEqual({ type: 'setSentences', sentences: 3 });
    expect((await loadSettings(fakeBrowser.storage.local)).summaryLength).toBe(3);

    const quote = host.querySelector<HTMLButtonElement>('.quotes .passage');
    if (quote) {
      await act(async () => quote.click());
      expect(sent.at(-1)).toEqual({ type: 'focus', kind: 'quote', index: 0 });
    }
  });

  it('inserts the colours once per page, and swaps the sheet when the user has chosen other colours', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://courier.example/a' });
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue(INJECTED);
    const doc = new DOMParser().parseFromString(sampleHtml, 'text/html');
    // One content script for the page across the popup's opens, as in the browser.
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(contentScriptFor(doc) as never);
    const open = async () => {
      await mountApp(`?tabId=${tab.id}`);
      await until(() => host.querySelectorAll('.key-sentences .passage').length > 0, 'key sentences');
      render(null, host);
      host.remove();
    };
    await open();
    expect(insertCSS).toHaveBeenCalledTimes(1);
    await open();
    // The same colours: the sheet is there already.
    expect(insertCSS).toHaveBeenCalledTimes(1);
    expect(removeCSS).not.toHaveBeenCalled();

    const chosen = { ...DEFAULT_SETTINGS.colours, quote: '#123456' };
    await saveSettings(fakeBrowser.storage.local, { colours: chosen });
    await open();
    expect(insertCSS).toHaveBeenLastCalledWith({ target: { tabId: tab.id, allFrames: true }, css: highlightCss(chosen) });
    expect(removeCSS).toHaveBeenCalledWith({ target: { tabId: tab.id, allFrames: true }, css: highlightCss(DEFAULT_SETTINGS.colours) });

    // A tab that refuses the sheet still gets its reading, and the next open tries again.
    insertCSS.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    await saveSettings(fakeBrowser.storage.local, { colours: DEFAULT_SETTINGS.colours });
    await open();
    await open();
    expect(insertCSS).toHaveBeenLastCalledWith({ target: { tabId: tab.id, allFrames: true }, css: highlightCss(DEFAULT_SETTINGS.colours) });
    expect(insertCSS).toHaveBeenCalledTimes(4);
    host = document.createElement('div');
  });

  it('explains a restricted page from its URL without injecting', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://chromewebstore.google.com/detail/x' });
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    await mountApp(`?tabId=${tab.id}`);
    await until(() => host.textContent!.includes("Lede can't read this page"), 'restricted state');
    expect(host.textContent).toContain('Extension stores');
    expect(inject).not.toHaveBeenCalled();
  });

  it('explains a restricted page from the injection error when the URL is hidden', async () => {
    const tab = await fakeBrowser.tabs.create({});
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access a chrome:// URL'));
    await mountApp(`?tabId=${tab.id}`);
    await until(() => host.textContent!.includes("Lede can't read this page"), 'restricted state');
    expect(host.textContent).toContain("browser's own pages");
  });

  it("says it can't read the page when the injection resolves without the script running (Firefox on its own pages)", async () => {
    const tab = await fakeBrowser.tabs.create({});
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([undefined] as never);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage');
    await mountApp(`?tabId=${tab.id}`);
    await until(() => host.textContent!.includes("Lede can't read this page"), 'restricted state');
    expect(host.textContent).toContain("The browser didn't let Lede read this page.");
    expect(send).not.toHaveBeenCalled();
  });

  it('shows an error, not a reading, when the reply is malformed', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://courier.example/a' });
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue(INJECTED);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ type: 'analysis', result: { ok: true, text: 5 } } as never);
    await mountApp(`?tabId=${tab.id}`);
    await until(() => host.textContent!.includes('Something went wrong'), 'error state');
    expect(host.textContent).toContain('could not read');
  });

  it('reads only the active tab in the shipped build: ?tabId= counts in the e2e and test builds alone', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://courier.example/a' });
    for (const [mode, allowed] of [['production', false], ['development', false], ['e2e', true]] as const) {
      vi.stubEnv('MODE', mode);
      vi.resetModules();
      const { fakeBrowser: fresh } = await import('wxt/testing');
      const { TAB_PARAMETER, findTarget } = await import('@/entrypoints/popup/tab');
      vi.spyOn(fresh.tabs, 'query').mockResolvedValue([{ id: 7, url: 'https://active.example/' } as never]);
      vi.spyOn(fresh.tabs, 'get').mockResolvedValue({ id: tab.id, url: tab.url } as never);
      expect(TAB_PARAMETER, mode).toBe(allowed);
      expect(await findTarget(`?tabId=${tab.id}`), mode).toEqual(allowed ? { tabId: tab.id, url: tab.url } : { tabId: 7, url: 'https://active.example/' });
      vi.unstubAllEnvs();
    }
  });

  it('falls back to the active tab when no tabId is given', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7, url: 'chrome://settings' } as never]);
    await mountApp('');
    await until(() => host.textContent!.includes("Lede can't read this page"), 'restricted state');
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
  });
});
