/**
 * The popup's side of the conversation with the page: which tab, inject the
 * content script there, send it typed requests and check its replies.
 */
import { browser } from 'wxt/browser';
import { CONTENT_SCRIPT_FILES } from '../content/files';
import { highlightCss, sameColours } from '@/lib/highlight-style';
import { validateReply, type Reply, type Request } from '@/lib/messages';
import type { HighlightColours } from '@/lib/settings';
import { restriction, restrictionForUrl, restrictionFromError, type Restriction } from '@/lib/restricted';

export interface TabTarget {
  tabId: number;
  /** Absent when the browser does not disclose it (no "tabs" permission, no grant yet). */
  url: string | undefined;
}

/**
 * Whether this build lets the popup, opened as a page, name its tab (`?tabId=N`): only the end-to-end build
 * (`wxt build --mode e2e`; a headless browser has no toolbar to click) and the unit tests. The value is fixed
 * when Vite builds the popup, so the shipped build has no code that reads the parameter at all.
 */
export const TAB_PARAMETER = import.meta.env.MODE === 'e2e' || import.meta.env.MODE === 'test';

/** The tab named by `?tabId=N` (e2e and test builds only); null when it is malformed or no such tab exists. */
async function namedTab(param: string): Promise<TabTarget | null> {
  const tabId = Number(param);
  if (!Number.isInteger(tabId) || tabId < 0) return null;
  const tab = await browser.tabs.get(tabId).catch(() => null);
  return tab ? { tabId, url: tab.url } : null;
}

/** The tab to read: the active tab of the current window (in e2e and test builds, `?tabId=N` when given). */
export async function findTarget(search: string): Promise<TabTarget | null> {
  if (TAB_PARAMETER) {
    const param = new URLSearchParams(search).get('tabId');
    if (param !== null) return namedTab(param);
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { tabId: tab.id, url: tab.url };
}

export type InjectOutcome = { ok: true } | { ok: false; restriction: Restriction } | { ok: false; error: string };

/** Injects the content script; an access error becomes a restriction the popup can explain. */
export async function injectContentScript(target: TabTarget): Promise<InjectOutcome> {
  // Absent or throwing in some browsers: then assume no file access and let the injection decide.
  const fileAccess = await Promise.resolve()
    .then(() => browser.extension.isAllowedFileSchemeAccess())
    .catch(() => false);
  const known = restrictionForUrl(target.url, fileAccess);
  if (known) return { ok: false, restriction: known };
  try {
    const results = await browser.scripting.executeScript({ target: { tabId: target.tabId }, files: CONTENT_SCRIPT_FILES });
    // The content script's main() answers 'ready' (or 'reused'). Firefox resolves with [undefined] instead of
    // throwing on a page it does not let extensions script (about:robots and its other own pages), whose URL
    // it does not disclose without a grant: say so rather than wait for a script that never ran.
    if (!results.some((r) => r?.result === 'ready' || r?.result === 'reused')) return { ok: false, restriction: restriction('no-access') };
    return { ok: true };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const r = restrictionFromError(message);
    return r ? { ok: false, restriction: r } : { ok: false, error: message };
  }
}

/** Sends one request and returns the checked reply; a malformed reply becomes an error reply. */
export async function send(tabId: number, request: Request): Promise<Reply> {
  let raw: unknown;
  try {
    raw = await browser.tabs.sendMessage(tabId, request);
  } catch (err) {
    return { type: 'error', message: `The page stopped answering (${err instanceof Error ? err.message : String(err)}). Reload it and try again.` };
  }
  const checked = validateReply(raw);
  if (!checked.ok) {
    console.warn(`[Lede] dropped reply: ${checked.problem}`);
    return { type: 'error', message: 'The page sent an answer Lede could not read.' };
  }
  return checked.value;
}

/**
 * Colours the page's highlights with the user's colours: the ::highlight() rules go into every frame of the
 * tab with `scripting.insertCSS`, which no script of the page can see (no element, no entry in
 * document.styleSheets), instead of a <style> of Lede's in the page. The content script remembers which
 * colours its document was given: nothing is inserted again while they are the same, and when the user has
 * chosen others since, the new sheet goes in and the old one is removed. False when the tab could not be styled.
 */
export async function styleHighlights(tabId: number, colours: HighlightColours): Promise<boolean> {
  const reply = await send(tabId, { type: 'styled', colours });
  if (reply.type !== 'styled' || reply.tooLarge) return false;
  const { previous } = reply;
  if (previous && sameColours(previous, colours)) return true;
  const target = { tabId, allFrames: true };
  try {
    await browser.scripting.insertCSS({ target, css: highlightCss(colours) });
  } catch (err) {
    // Nothing was inserted: the content script must not believe otherwise.
    await send(tabId, { type: 'styled', colours: previous });
    console.warn(`[Lede] could not colour the highlights: ${err instanceof Error ? err.message : String(err)}`);
    return false;
  }
  if (previous) await browser.scripting.removeCSS({ target, css: highlightCss(previous) }).catch(() => {});
  return true;
}

/** The shortcut the user has for opening the popup (they may have changed or removed it). */
export async function actionShortcut(): Promise<string> {
  const commands = await Promise.resolve()
    .then(() => browser.commands.getAll())
    .catch(() => []);
  return commands.find((c) => c.name === '_execute_action' || c.name === '_execute_browser_action')?.shortcut ?? '';
}
