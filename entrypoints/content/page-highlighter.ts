/**
 * The page side of the reading: finds the analysis's passages again in the live
 * DOM (lib/highlight anchors them), paints them, scrolls to one and flashes it.
 * Holds the ranges so focus and re-painting need no new anchoring, and anchors
 * again when the page's text changes under them (comments load, ads push in).
 */
import { keySentenceSpans, type AnchorCount, type FocusKind } from '@/lib/messages';
import type { Analysis, Entity, Span } from '@/lib/types';

/** The part of lib/highlight this file uses (passed in, so tests can record painting). */
export interface HighlightEngine {
  anchorPassages(root: Node, text: string, passages: readonly Span[]): Array<{ range: Range | null }>;
  /** lib/highlight answers `{ supported: false }` where the browser cannot paint. */
  paintHighlights(doc: Document, ranges: { keySentence: Range[]; quote: Range[]; entity: Range[] }): unknown;
  clearHighlights(doc: Document): void;
  flashRange?(doc: Document, range: Range): unknown;
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

export function createPageHighlighter(doc: Document, engine: HighlightEngine): PageHighlighter {
  let keyRanges: Array<Range | null> = [];
  let quoteRanges: Array<Range | null> = [];
  let entityRanges: Range[] = [];
  let entity: Entity | null = null;
  let analysis: Analysis | null = null;
  let visible = false;
  let stopWatching: (() => void) | null = null;
  let supported = true;

  const root = (): Node => doc.body ?? doc.documentElement;

  function paint(): void {
    if (!visible) {
      engine.clearHighlights(doc);
      return;
    }
    const result = engine.paintHighlights(doc, { keySentence: present(keyRanges), quote: present(quoteRanges), entity: entityRanges });
    supported = !(typeof result === 'object' && result !== null && (result as { supported?: unknown }).supported === false);
  }

  const spanKey = (s: Span) => `${s.start}:${s.end}`;
  const intact = (r: Range | null): r is Range => r !== null && !r.collapsed && r.startContainer.isConnected;

  /**
   * Every passage of the current reading looked for so far: its range, or null
   * when the page had no place for it. A length click then costs no page read
   * for sentences seen before; a new reading or a changed page empties it.
   */
  const anchored = new Map<string, Range | null>();

  /** Anchors the reading's key sentences and quotes not anchored yet, in one call (the page's text is read once). */
  function anchorAll(a: Analysis): void {
    const keys = keySentenceSpans(a);
    const quotes: Span[] = a.quotes.map((q) => ({ start: q.start, end: q.end }));
    const all = [...keys, ...quotes];
    const usable = (s: Span) => {
      const k = spanKey(s);
      if (!anchored.has(k)) return false;
      const r = anchored.get(k)!;
      return r === null || intact(r);
    };
    const missing = all.filter((s) => !usable(s));
    if (missing.length) {
      const found = engine.anchorPassages(root(), a.text, missing);
      missing.forEach((s, i) => anchored.set(spanKey(s), found[i]?.range ?? null));
    }
    const ranges = all.map((s) => anchored.get(spanKey(s)) ?? null);
    keyRanges = ranges.slice(0, keys.length);
    quoteRanges = ranges.slice(keys.length);
  }

  function anchorEntity(a: Analysis): void {
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
    anchored.clear();
    anchorAll(a);
    anchorEntity(a);
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
      // The same reading with another summary length keeps its ranges and the chosen entity.
      const sameReading = analysis !== null && analysis.text === a.text && analysis.quotes === a.quotes;
      if (!sameReading) {
        entity = null;
        entityRanges = [];
        anchored.clear();
      }
      anchorAll(a);
      analysis = a;
      watch();
      return { keySentences: count(keyRanges), quotes: count(quoteRanges) };
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
      anchored.clear();
      stopWatching?.();
      stopWatching = null;
      paint();
    },
    focus(kind, index) {
      const range = (kind === 'keySentence' ? keyRanges : quoteRanges)[index];
      if (!range) return false;
      (engine.scrollToRange ?? scrollIntoView)(range);
      engine.flashRange?.(doc, range);
      return true;
    },
    showEntity(e) {
      entity = e;
      if (analysis) anchorEntity(analysis);
      else entityRanges = [];
      // Choosing an entity is asking to see it: show highlights even if they were off.
      if (e) visible = true;
      paint();
      if (entityRanges[0]) (engine.scrollToRange ?? scrollIntoView)(entityRanges[0]);
    },
  };
}
