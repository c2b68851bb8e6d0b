/**
 * The page side of the reading: finds the analysis's passages again in the live
 * DOM (lib/highlight anchors them), paints them, scrolls to one and flashes it.
 * Holds the ranges so focus and re-painting need no new anchoring.
 */
import { keySentenceSpans, type AnchorCount, type FocusKind } from '@/lib/messages';
import type { HighlightColours } from '@/lib/settings';
import type { Analysis, Entity, Span } from '@/lib/types';

/** The part of lib/highlight this file uses (passed in, so tests can use a real or fake engine). */
export interface HighlightEngine {
  anchorPassages(root: Node, text: string, passages: readonly Span[]): Array<{ range: Range | null }>;
  paintHighlights(doc: Document, ranges: { keySentence: Range[]; quote: Range[]; entity: Range[] }, colours: HighlightColours): void;
  clearHighlights(doc: Document): void;
  flashRange?(doc: Document, range: Range, colours: HighlightColours): void;
}

export interface PageHighlighter {
  readonly visible: boolean;
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

function prefersReducedMotion(win: Window | null): boolean {
  return !!win?.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
}

export function createPageHighlighter(doc: Document, engine: HighlightEngine, colours: HighlightColours): PageHighlighter {
  let keyRanges: Array<Range | null> = [];
  let quoteRanges: Array<Range | null> = [];
  let entityRanges: Range[] = [];
  let analysis: Analysis | null = null;
  let current = colours;
  let visible = false;

  const root = (): Node => doc.body ?? doc.documentElement;

  function paint(): void {
    if (!visible) {
      engine.clearHighlights(doc);
      return;
    }
    engine.paintHighlights(doc, { keySentence: present(keyRanges), quote: present(quoteRanges), entity: entityRanges }, current);
  }

  function scrollTo(range: Range): void {
    const node = range.startContainer;
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!el) return;
    const behavior: ScrollBehavior = prefersReducedMotion(doc.defaultView) ? 'auto' : 'smooth';
    el.scrollIntoView({ block: 'center', inline: 'nearest', behavior });
  }

  return {
    get visible() {
      return visible;
    },
    anchor(a) {
      analysis = a;
      // One call, so the page's text is read once for key sentences and quotes together.
      const keys = keySentenceSpans(a);
      const quotes: Span[] = a.quotes.map((q) => ({ start: q.start, end: q.end }));
      const ranges = engine.anchorPassages(root(), a.text, [...keys, ...quotes]).map((r) => r.range);
      keyRanges = ranges.slice(0, keys.length);
      quoteRanges = ranges.slice(keys.length);
      entityRanges = [];
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
      analysis = null;
      paint();
    },
    focus(kind, index) {
      const range = (kind === 'keySentence' ? keyRanges : quoteRanges)[index];
      if (!range) return false;
      scrollTo(range);
      engine.flashRange?.(doc, range, current);
      return true;
    },
    showEntity(entity) {
      entityRanges = entity && analysis ? present(engine.anchorPassages(root(), analysis.text, entity.mentions).map((r) => r.range)) : [];
      // Choosing an entity is asking to see it: show highlights even if they were off.
      if (entity) visible = true;
      paint();
      if (entityRanges[0]) scrollTo(entityRanges[0]);
    },
  };
}
