/**
 * Pages change after they load: comments expand, ads push in, single-page apps
 * swap the whole article. These helpers tell the content script when to look
 * again: `watchForChanges` when the DOM has settled after a change,
 * `rangeStillMatches` whether a painted range still holds its passage (so only
 * the ones that lost it are anchored again), and `watchUrlChanges` when the page
 * moved to another URL without loading (its highlights belong to the old one).
 *
 * All through the window or document passed in, never globals.
 */
import { fold, normalizeText } from './normalize';
import { rangeText } from './text-map';

export interface WatchOptions {
  /** Quiet time after the last change before `onSettled` runs (default 500 ms). */
  debounceMs?: number;
  /**
   * Longest wait after the first unsettled change (default 1000 ms): a page that
   * changes more often than `debounceMs` forever (a live clock, a ticker, a page
   * that re-renders every 100 ms) is still looked at again.
   */
  maxWaitMs?: number;
  /**
   * Asked on each change, before the page repaints: true when waiting would
   * show something broken (a painted highlight whose nodes were just replaced).
   * Then `onSettled` runs at once, as long as such immediate calls take under a
   * tenth of the time; beyond that the debounce applies as usual.
   */
  urgent?: () => boolean;
}

/**
 * Immediate (urgent) calls may take this share of the time: a budget that fills
 * at this rate up to URGENT_BURST_MS and is drawn by each call's duration; a call
 * costlier than the budget is paid back before the next one.
 */
const URGENT_SHARE = 0.1;
const URGENT_BURST_MS = 100;

/** Elements whose arrival or departure changes no text a reader sees (ad and tracking scripts, mostly). */
const SILENT = new Set(['script', 'style', 'link', 'meta', 'noscript', 'template', 'iframe', 'img', 'source']);

type TimerWindow = {
  performance?: { now(): number };
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  MutationObserver?: new (cb: (records: MutationRecord[]) => void) => MutationObserver;
};

function silentNode(node: Node): boolean {
  if (node.nodeType === 1) return SILENT.has((node as Element).localName);
  // Comments and whitespace-only text change nothing visible.
  if (node.nodeType === 8) return true;
  return node.nodeType === 3 && !(node as Text).data.trim();
}

/** True when a mutation could have changed the page's visible text. */
export function meaningfulMutation(record: MutationRecord): boolean {
  if (record.type === 'characterData') return true;
  if (record.type !== 'childList') return false;
  for (const n of Array.from(record.addedNodes)) if (!silentNode(n)) return true;
  for (const n of Array.from(record.removedNodes)) if (!silentNode(n)) return true;
  return false;
}

/**
 * Calls `onSettled` once the page's text has stopped changing for `debounceMs`
 * after a change, or `maxWaitMs` after the first change when it never stops
 * (at once when `urgent` says so). Mutations of scripts, styles and images are
 * ignored. Returns a function that stops watching.
 */
export function watchForChanges(doc: Document, onSettled: () => void, options: WatchOptions = {}): () => void {
  const win = doc.defaultView as unknown as TimerWindow | null;
  const Observer = win?.MutationObserver;
  const target = doc.documentElement;
  if (!win || !Observer || !target) return () => {};
  const delay = Math.max(0, options.debounceMs ?? 500);
  const maxWait = Math.max(delay, options.maxWaitMs ?? 1000);
  let timer: unknown;
  /** Set at the first change not yet settled: the debounce never postpones past it. */
  let deadline: unknown;
  const cancel = () => {
    if (timer !== undefined) win.clearTimeout(timer);
    if (deadline !== undefined) win.clearTimeout(deadline);
    timer = deadline = undefined;
  };
  const settled = () => {
    cancel();
    onSettled();
  };
  const clock = () => win.performance?.now() ?? Date.now();
  let budget = URGENT_BURST_MS;
  let last = clock();
  const urgentNow = (): boolean => {
    if (!options.urgent) return false;
    const now = clock();
    budget = Math.min(URGENT_BURST_MS, budget + (now - last) * URGENT_SHARE);
    last = now;
    return budget > 0 && options.urgent();
  };
  const observer = new Observer((records) => {
    if (!records.some(meaningfulMutation)) return;
    if (urgentNow()) {
      const t0 = clock();
      settled();
      budget -= clock() - t0;
      return;
    }
    if (timer !== undefined) win.clearTimeout(timer);
    timer = win.setTimeout(settled, delay);
    if (deadline === undefined) deadline = win.setTimeout(settled, maxWait);
  });
  observer.observe(target, { childList: true, subtree: true, characterData: true });
  return () => {
    observer.disconnect();
    cancel();
  };
}

/** Text normalized and folded the way anchoring compares it. */
function comparable(s: string): string {
  // Without any whitespace: the page may break lines where the article has a space.
  return fold(normalizeText(s).text).replace(/ /g, '');
}

/**
 * True while the range still lies in the page and covers `expected` (compared
 * normalized: whitespace, soft hyphens, quote styles and case do not count; the
 * range is read as anchoring reads the page, so a formula or script inside a
 * sentence does not count either).
 */
export function rangeStillMatches(range: Range, expected: string): boolean {
  const start = range.startContainer;
  const end = range.endContainer;
  if (!start.isConnected || !end.isConnected) return false;
  if (range.collapsed) return false;
  return comparable(rangeText(range)) === comparable(expected);
}

type UrlWindow = {
  location: { href: string };
  addEventListener(type: string, fn: () => void): void;
  removeEventListener(type: string, fn: () => void): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(id: unknown): void;
  navigation?: { addEventListener(type: string, fn: () => void): void; removeEventListener(type: string, fn: () => void): void };
};

/**
 * Calls `onChange(url, previous)` whenever the window's URL changes without a
 * page load: back/forward (popstate), anchors (hashchange), the Navigation API
 * where the browser has it, and a cheap poll of location.href for
 * history.pushState, which fires no event a content script can hear.
 * Returns a function that stops watching.
 */
export function watchUrlChanges(win: Window, onChange: (url: string, previous: string) => void, options: { pollMs?: number } = {}): () => void {
  const w = win as unknown as UrlWindow;
  let last = w.location.href;
  const check = () => {
    const now = w.location.href;
    if (now === last) return;
    const previous = last;
    last = now;
    onChange(now, previous);
  };
  w.addEventListener('popstate', check);
  w.addEventListener('hashchange', check);
  w.navigation?.addEventListener('currententrychange', check);
  const poll = w.setInterval(check, Math.max(50, options.pollMs ?? 500));
  return () => {
    w.removeEventListener('popstate', check);
    w.removeEventListener('hashchange', check);
    w.navigation?.removeEventListener('currententrychange', check);
    w.clearInterval(poll);
  };
}
