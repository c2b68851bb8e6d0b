/**
 * The page budget: how much of a document extraction reads, checked before the
 * expensive work (Readability's passes grow with the number of elements and
 * with the square of the depth, and it recurses per level).
 *
 * - `measurePage` walks the document once, without recursion, and stops as
 *   soon as it is over budget: a page within budget (every real page: the 130
 *   Readability test pages have at most 9,888 elements and 38 levels) is read
 *   as it is.
 * - `boundedCopy` copies a page that is over budget, node by node, without
 *   recursion: its first `MAX_ELEMENTS` elements, and below `MAX_DEPTH` levels
 *   a flat run of what lies deeper (the way Chromium's HTML parser flattens
 *   static nesting past 512 levels), block elements turned into line breaks so
 *   words and sentences stay apart (the text of those levels reads as one block). The page itself is never changed.
 *
 * The reading says what was left out (`PageLimits`, lib/limits.ts words it).
 */
import type { PageLimits } from '../types';
import { PARA_BLOCKS, LINE_BLOCKS } from './dom-text';

/** Elements read at most: 5× the largest Readability test page (9,888 elements). */
export const MAX_ELEMENTS = 50_000;
/** Text and other nodes read at most besides the elements. */
export const MAX_OTHER_NODES = 2 * MAX_ELEMENTS;
/** Levels of nesting read as they are; deeper content is read flat. Chromium's HTML parser stops nesting at 512. */
export const MAX_DEPTH = 512;

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

/** Elements whose text stands apart from the text around it (a block, a line of its own, a line break). */
export function isBlock(name: string): boolean {
  return PARA_BLOCKS.has(name) || LINE_BLOCKS.has(name) || name === 'br' || name === 'td' || name === 'th';
}

export interface PageMeasure {
  /** Elements counted (up to the first one over budget). */
  elements: number;
  /** Deepest element level seen (the root element is level 1). */
  depth: number;
  overElements: boolean;
  overDepth: boolean;
}

/** Every node under `doc`, in document order, without recursion; stops when `visit` returns false. */
function walk(doc: Document, visit: (node: Node, depth: number) => boolean): void {
  // From each child of the document in turn (a DOM may not link a doctype to the root element as a sibling).
  for (const top of Array.from(doc.childNodes)) {
    let node: Node = top;
    let depth = 1;
    for (;;) {
      if (!visit(node, depth)) return;
      const first = node.nodeType === ELEMENT ? node.firstChild : null;
      if (first) {
        node = first;
        depth++;
        continue;
      }
      let next: Node | null = null;
      while (node !== top) {
        next = node.nextSibling;
        if (next) break;
        node = node.parentNode!;
        depth--;
      }
      if (!next) break;
      node = next;
    }
  }
}

/** How big the page is, as far as the budget needs to know: the walk stops once the element budget is spent. */
export function measurePage(doc: Document): PageMeasure {
  let elements = 0;
  let others = 0;
  let depth = 0;
  let overElements = false;
  walk(doc, (node, d) => {
    if (node.nodeType === ELEMENT) {
      elements++;
      if (d > depth) depth = d;
    } else others++;
    if (elements > MAX_ELEMENTS || others > MAX_OTHER_NODES) {
      overElements = true;
      return false;
    }
    return true;
  });
  return { elements, depth, overElements, overDepth: depth > MAX_DEPTH };
}

export function overBudget(m: PageMeasure): boolean {
  return m.overElements || m.overDepth;
}

/** What the reading says of a page measured over budget. */
export function pageLimitsOf(m: PageMeasure): PageLimits {
  const out: PageLimits = {};
  if (m.overElements) out.elements = MAX_ELEMENTS;
  if (m.overDepth) out.depth = MAX_DEPTH;
  return out;
}

/**
 * A copy of `doc` within budget (see the top of this file), made node by node.
 * Comments are left out. `measure` says whether the depth was over budget (then
 * a walk deeper than MAX_DEPTH is flattened) and is updated when the copy meets
 * deep content past the point where the measuring walk stopped.
 */
export function boundedCopy(doc: Document, measure: PageMeasure): Document {
  const out = doc.cloneNode(false) as Document;
  // Readability resolves links against these; a DOM whose clone lost them (linkedom) gets the original's.
  for (const key of ['documentURI', 'baseURI'] as const) {
    try {
      if (out[key] !== doc[key]) Object.defineProperty(out, key, { value: doc[key], configurable: true });
    } catch {
      /* links stay as the clone resolves them */
    }
  }
  /** The copies of the source's open elements, by level: copies[d] is the parent of a node at level d + 1. */
  const copies: Node[] = [out];
  let elements = 0;
  let others = 0;
  walk(doc, (node, depth) => {
    const type = node.nodeType;
    if (type !== ELEMENT && type !== TEXT && type !== CDATA) return true;
    if (type === ELEMENT) {
      if (++elements > MAX_ELEMENTS) {
        measure.overElements = true;
        return false;
      }
    } else if (++others > MAX_OTHER_NODES) {
      measure.overElements = true;
      return false;
    }
    if (depth <= MAX_DEPTH) {
      const copy = out.importNode(node, false);
      copies[depth - 1].appendChild(copy);
      copies[depth] = copy;
      copies.length = depth + 1;
      return true;
    }
    measure.overDepth = true;
    if (depth > measure.depth) measure.depth = depth;
    // Deeper than the budget: text joins the element at the last level read, in document order; an
    // element brings nothing of its own but, for a block, a line break so the words on each side stay apart.
    const flat = copies[MAX_DEPTH];
    if (type !== ELEMENT) flat.appendChild(out.importNode(node, false));
    else if (isBlock((node as Element).localName)) flat.appendChild(out.createTextNode('\n'));
    return true;
  });
  return out;
}
