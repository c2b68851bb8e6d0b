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

export interface WatchOptions {
  /** Quiet time after the last change before `onSettled` runs (default 500 ms). */
  debounceMs?: number;
}

/** The style element lib/highlight.ts adds: its own mutations are no change of the page. */
const OWN_STYLE_ID = 'lede-highlight-style';

/** Elements whose arrival or departure changes no text a reader sees (ad and tracking scripts, mostly). */
const SILENT = new Set(['script', 'style', 'link', 'meta', 'noscript', 'template', 'iframe', 'img', 'source']);

type TimerWindow = {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  MutationObserver?: new (cb: (records: MutationRecord[]) => void) => MutationObserver;
};

function isOwn(node: Node | null): boolean {
  for (let n = node; n; n = n.parentNode) {
    if (n.nodeType === 1 && (n as Element).id === OWN_STYLE_ID) return true;
  }
  return false;
}

function silentNode(node: Node): boolean {
  if (node.nodeType === 1) return (node as Element).id === OWN_STYLE_ID || SILENT.has((node as Element).localName);
  // Comments and whitespace-only text change nothing visible.
  if (node.nodeType === 8) return true;
  return node.nodeType === 3 && !(node as Text).data.trim();
}

/** True when a mutation could have changed the page's visible text. */
export function meaningfulMutation(record: MutationRecord): boolean {
  if (isOwn(record.target)) return false;
  if (record.type === 'characterData') return true;
  if (record.type !== 'childList') return false;
  for (const n of Array.from(record.addedNodes)) if (!silentNode(n)) return true;
  for (const n of Array.from(record.removedNodes)) if (!silentNode(n)) return true;
  return false;
}

/**
 * Calls `onSettled` once the page's text has stopped changing for `debounceMs`
 * after a change. Mutations of Lede's own style element and of scripts, styles
 * and images are ignored. Returns a function that stops watching.
 */
export function watchForChanges(doc: Document, onSettled: () => void, options: WatchOptions = {}): () => void {
  const win = doc.defaultView as unknown as TimerWindow | null;
  const Observer = win?.MutationObserver;
  const target = doc.documentElement;
  if (!win || !Observer || !target) return () => {};
  const delay = Math.max(0, options.debounceMs ?? 500);
  let timer: unknown;
  const observer = new Observer((records) => {
    if (!records.some(meaningfulMutation)) return;
    if (timer !== undefined) win.clearTimeout(timer);
    timer = win.setTimeout(() => {
      timer = undefined;
      onSettled();
    }, delay);
  });
  observer.observe(target, { childList: true, subtree: true, characterData: true });
  return () => {
    observer.disconnect();
    if (timer !== undefined) win.clearTimeout(timer);
    timer = undefined;
  };
}

/** Text normalized and folded the way anchoring compares it. */
function comparable(s: string): string {
  // Without any whitespace: Range.toString() has none for <br> or block boundaries.
  return fold(normalizeText(s).text).replace(/ /g, '');
}

/**
 * True while the range still lies in the page and covers `expected` (compared
 * normalized: whitespace, soft hyphens, quote styles and case do not count).
 */
export function rangeStillMatches(range: Range, expected: string): boolean {
  const start = range.startContainer;
  const end = range.endContainer;
  if (!start.isConnected || !end.isConnected) return false;
  if (range.collapsed) return false;
  return comparable(range.toString()) === comparable(expected);
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
