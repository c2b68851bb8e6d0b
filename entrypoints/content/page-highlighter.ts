/**
 * The page side of the reading: finds the analysis's passages again in the live
 * DOM (lib/highlight anchors them), paints them, scrolls to one and flashes it.
 * Holds the ranges so focus and re-painting need no new anchoring, and anchors
 * again when the page's text changes under them (comments load, ads push in).
 */
import { keySentenceSpans, type AnchorCount, type FocusKind } from '@/lib/messages';
import type { HighlightColours } from '@/lib/settings';
import type { Analysis, Entity, Span } from '@/lib/types';

/** The part of lib/highlight this file uses (passed in, so tests can record painting). */
export interface HighlightEngine {
  anchorPassages(root: Node, text: string, passages: readonly Span[]): Array<{ range: Range | null }>;
  /** lib/highlight answers `{ supported: false }` where the browser cannot paint. */
  paintHighlights(doc: Document, ranges: { keySentence: Range[]; quote: Range[]; entity: Range[] }, colours: HighlightColours): unknown;
  clearHighlights(doc: Document): void;
  flashRange?(doc: Document, range: Range, colours: HighlightColours): unknown;
  scrollToRange?(range: Range): boolean;
  /** Calls back once the page's text has settled after a change; returns a stop function. */
  watchForChanges?(doc: Document, onSettled: () => void, options?: { urgent?: () => boolean }): () => void;
  rangeStillMatches?(range: Range, expected: string): boolean;
}

export interface PageHighlighter {
  readonly visible: boolean;
  /** False once painting has reported that the browser cannot highlight. */
  readonly supported: boolean;
  anchor(analysis: Analysis): { keySentences: AnchorCount; quotes: AnchorCount };
  setColours(colours: HighlightColours): void;
  setVisible(on: boolean): void;
  clear(): void;
  focus(kind: FocusKind, index: number): boolean;
  showEntity(entity: Entity | null): void;
}

function present(ranges: Array<Range | null>): Range[] {
  return ranges.filter((r): r is Range => r !== null);
}

function count(ranges: Array<Range | null>): AnchorCount {
  return { found: ranges.length, anchored: present(ranges).length };
}

/** Fallback when the engine has no scroll helper: the range's element to the middle of the view. */
function scrollIntoView(range: Range): boolean {
  const node = range.startContainer;
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  el?.scrollIntoView?.({ block: 'center', inline: 'nearest' });
  return !!el;
}

export function createPageHighlighter(doc: Document, engine: HighlightEngine, colours: HighlightColours): PageHighlighter {
  let keyRanges: Array<Range | null> = [];
  let quoteRanges: Array<Range | null> = [];
  let entityRanges: Range[] = [];
  let entity: Entity | null = null;
  let analysis: Analysis | null = null;
  let current = colours;
  let visible = false;
  let stopWatching: (() => void) | null = null;
  let supported = true;

  const root = (): Node => doc.body ?? doc.documentElement;

  function paint(): void {
    if (!visible) {
      engine.clearHighlights(doc);
      return;
    }
    const result = engine.paintHighlights(doc, { keySentence: present(keyRanges), quote: present(quoteRanges), entity: entityRanges }, current);
    supported = !(typeof result === 'object' && result !== null && (result as { supported?: unknown }).supported === false);
  }

  function anchorAll(a: Analysis): void {
    // One call, so the page's text is read once for key sentences and quotes together.
    const keys = keySentenceSpans(a);
    const quotes: Span[] = a.quotes.map((q) => ({ start: q.start, end: q.end }));
    const ranges = engine.anchorPassages(root(), a.text, [...keys, ...quotes]).map((r) => r.range);
    keyRanges = ranges.slice(0, keys.length);
    quoteRanges = ranges.slice(keys.length);
    entityRanges = entity ? present(engine.anchorPassages(root(), a.text, entity.mentions).map((r) => r.range)) : [];
  }

  /** After the page changed: anchor again only if a painted range lost its passage. */
  function recheck(): void {
    const a = analysis;
    if (!a || !engine.rangeStillMatches) return;
    const spans = [...keySentenceSpans(a), ...a.quotes];
    const ranges = [...keyRanges, ...quoteRanges];
    const lost = ranges.some((r, i) => r !== null && !engine.rangeStillMatches!(r, a.text.slice(spans[i].start, spans[i].end)));
    if (!lost) return;
    anchorAll(a);
    paint();
  }

  function watch(): void {
    // Urgent when a painted range just lost its nodes (the site replaced them): found again before the page repaints.
    const broken = () => visible && [...keyRanges, ...quoteRanges].some((r) => r !== null && (r.collapsed || !r.startContainer.isConnected));
    if (!stopWatching && engine.watchForChanges) stopWatching = engine.watchForChanges(doc, recheck, { urgent: broken });
  }

  return {
    get visible() {
      return visible;
    },
    get supported() {
      return supported;
    },
    anchor(a) {
      analysis = a;
      entity = null;
      anchorAll(a);
      watch();
      return { keySentences: count(keyRanges), quotes: count(quoteRanges) };
    },
    setColours(c) {
      current = c;
    },
    setVisible(on) {
      visible = on;
      paint();
    },
    clear() {
      keyRanges = [];
      quoteRanges = [];
      entityRanges = [];
      entity = null;
      analysis = null;
      stopWatching?.();
      stopWatching = null;
      paint();
    },
    focus(kind, index) {
      const range = (kind === 'keySentence' ? keyRanges : quoteRanges)[index];
      if (!range) return false;
      (engine.scrollToRange ?? scrollIntoView)(range);
      engine.flashRange?.(doc, range, current);
      return true;
    },
    showEntity(e) {
      entity = e;
      entityRanges = e && analysis ? present(engine.anchorPassages(root(), analysis.text, e.mentions).map((r) => r.range)) : [];
      // Choosing an entity is asking to see it: show highlights even if they were off.
      if (e) visible = true;
      paint();
      if (entityRanges[0]) (engine.scrollToRange ?? scrollIntoView)(entityRanges[0]);
    },
  };
}
