/**
 * Highlights in the live page: the analysis's passages found again
 * (lib/anchor/) and painted with the CSS Custom Highlight API, which colours
 * Ranges without touching the page's DOM: no wrapper elements, no layout shift,
 * nothing of the page's text ever parsed as HTML, and no element of Lede's in
 * the page: the colours are a style sheet the popup inserts with
 * `scripting.insertCSS` (lib/highlight-style.ts). Clearing removes every highlight.
 *
 * Everything is reached through the document passed in (`doc.defaultView`),
 * never through globals, so this runs in a content script and in tests alike.
 * Where the browser has no `CSS.highlights` the calls say so
 * (`{ supported: false }`) and change nothing, so the UI can tell the user.
 */
import { MAX_ELEMENTS } from './extract/budget';
import { HIGHLIGHT_NAMES } from './highlight-style';

export { anchorPassages, createAnchorer, type AnchorMethod, type AnchorResult, type Anchorer, type Located } from './anchor/anchor-passages';
export { buildTextMap, positionAt, rangeOf, rangeText, type TextMap, type TextPosition } from './anchor/text-map';
export { rangeStillMatches, watchForChanges, watchUrlChanges, type WatchOptions } from './anchor/watch';
export { HIGHLIGHT_NAMES, highlightCss } from './highlight-style';

/** Nested highlights paint in this order: a name inside a quote inside a key sentence stays visible. */
const PRIORITY = { keySentence: 1, quote: 2, entity: 3, flash: 10 } as const;

/** How long a flash stays, in milliseconds. */
export const FLASH_MS = 1200;

export interface HighlightRanges {
  keySentence: Range[];
  quote: Range[];
  entity: Range[];
}

export type PaintResult =
  | { supported: true; painted: number }
  | { supported: false; reason: string };

export const UNSUPPORTED_REASON = 'This browser cannot highlight text in pages (no CSS Custom Highlight API).';

/** The part of the CSS Custom Highlight API used here, as found on a window. */
interface HighlightApi {
  registry: { set(name: string, h: object): unknown; get(name: string): unknown; delete(name: string): unknown };
  create(ranges: Range[], priority: number): object;
}

type HighlightWindow = {
  CSS?: { highlights?: HighlightApi['registry'] };
  Highlight?: new (...ranges: Range[]) => object & { priority: number };
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (id: unknown) => void;
};

function highlightApi(doc: Document): HighlightApi | null {
  const win = doc.defaultView as unknown as HighlightWindow | null;
  const registry = win?.CSS?.highlights;
  const Ctor = win?.Highlight;
  if (!registry || typeof Ctor !== 'function') return null;
  return {
    registry,
    create(ranges, priority) {
      const h = new Ctor(...ranges);
      h.priority = priority;
      return h;
    },
  };
}

/**
 * Elements a page may have for Lede to colour its highlights: extraction's own budget
 * (lib/extract/budget.ts). Past it the style sheet is not put in: a new sheet makes
 * Chromium recompute the style of every element, whatever its selectors (a page of
 * 1,000,000 elements froze for 5-9 s, Chromium 156), so the reading is listed only.
 */
export const PAINT_MAX_ELEMENTS = MAX_ELEMENTS;

/** True when colouring highlights in `doc` would freeze it (see PAINT_MAX_ELEMENTS). Native count: no walk in script. */
export function tooLargeToPaint(doc: Document): boolean {
  return doc.getElementsByTagName('*').length > PAINT_MAX_ELEMENTS;
}

/** True when the page's browser can paint highlights. */
export function highlightsSupported(doc: Document): boolean {
  return highlightApi(doc) !== null;
}

function unsupported(): PaintResult {
  return { supported: false, reason: UNSUPPORTED_REASON };
}

/**
 * Paints the three kinds of passages, replacing whatever Lede painted before.
 * Returns how many ranges were painted, or that the browser cannot.
 */
export function paintHighlights(doc: Document, ranges: HighlightRanges): PaintResult {
  const api = highlightApi(doc);
  if (!api) return unsupported();
  let painted = 0;
  for (const kind of ['keySentence', 'quote', 'entity'] as const) {
    const list = (ranges[kind] ?? []).filter(Boolean);
    if (list.length) api.registry.set(HIGHLIGHT_NAMES[kind], api.create(list, PRIORITY[kind]));
    else api.registry.delete(HIGHLIGHT_NAMES[kind]);
    painted += list.length;
  }
  return { supported: true, painted };
}

/** Flash timers per document, so a new flash or a clear cancels the last one. */
const flashTimers = new WeakMap<Document, unknown>();

function cancelFlash(doc: Document): void {
  const timer = flashTimers.get(doc);
  if (timer === undefined) return;
  (doc.defaultView as unknown as HighlightWindow | null)?.clearTimeout?.(timer);
  flashTimers.delete(doc);
}

/** Removes every highlight Lede painted. */
export function clearHighlights(doc: Document): void {
  cancelFlash(doc);
  const api = highlightApi(doc);
  if (api) for (const name of Object.values(HIGHLIGHT_NAMES)) api.registry.delete(name);
}

/** A short-lived highlight over one range ("here it is"), gone after `durationMs`. */
export function flashRange(doc: Document, range: Range, options?: { durationMs?: number }): PaintResult {
  const api = highlightApi(doc);
  if (!api) return unsupported();
  cancelFlash(doc);
  const flash = api.create([range], PRIORITY.flash);
  api.registry.set(HIGHLIGHT_NAMES.flash, flash);
  const ms = options?.durationMs ?? FLASH_MS;
  const timer = (doc.defaultView as unknown as HighlightWindow | null)?.setTimeout?.(() => {
    flashTimers.delete(doc);
    if (api.registry.get(HIGHLIGHT_NAMES.flash) === flash) api.registry.delete(HIGHLIGHT_NAMES.flash);
  }, ms);
  if (timer !== undefined) flashTimers.set(doc, timer);
  return { supported: true, painted: 1 };
}

/**
 * Scrolls the range's element to the middle of the viewport; smoothly unless
 * the reader asked for reduced motion. False when the range has no element.
 */
export function scrollToRange(range: Range, options: { behavior?: ScrollBehavior } = {}): boolean {
  const node = range.startContainer;
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!el || typeof el.scrollIntoView !== 'function') return false;
  const win = el.ownerDocument.defaultView;
  const reduced = !!win?.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: options.behavior ?? (reduced ? 'auto' : 'smooth') });
  return true;
}
