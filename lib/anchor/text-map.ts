/**
 * The live page's text as one flat, normalized string, with a way back from
 * every character to the text node and offset it came from: the ground on which
 * passages are found again (lib/anchor/anchor-passages.ts) and turned into Ranges.
 *
 * The walk reads the page the way the extraction read the clone
 * (lib/extract/dom-text.ts, whose element sets it shares): script, style and other
 * never-read elements skipped, hidden elements skipped where the markup says so,
 * block boundaries and <br> as a line break, whitespace collapsed, soft hyphens and
 * zero-width characters dropped. It is one linear pass with no layout queries.
 */
import { CELLS, LINE_BLOCKS, PARA_BLOCKS, SKIP, isHidden } from '../extract/dom-text';
import { isInvisible, isSpace, unitsToString } from './normalize';

export interface TextMap {
  /** The node the map was built from. */
  readonly root: Node;
  /**
   * Normalized text: whitespace runs as one ' ', block boundaries and <br> as one
   * '\n', invisible characters dropped, no leading whitespace.
   */
  readonly text: string;
  /** Every text node that gave at least one character, in document order. */
  readonly nodes: readonly Text[];
  /** For each character of `text`: the index in `nodes` of the node it came from. */
  readonly nodeIndex: Int32Array;
  /**
   * For each character of `text`: its offset in that node's data. A line break
   * made by a boundary (no character of its own) points at the start of the next
   * character, so it is a valid place for a range to start.
   */
  readonly offsets: Int32Array;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const NONE = 0;
const SPACE = 1;
const BREAK = 2;

class Builder {
  units = new Uint16Array(1024);
  nodeIndex = new Int32Array(1024);
  offsets = new Int32Array(1024);
  length = 0;
  nodes: Text[] = [];
  /** Whitespace (or a boundary) seen since the last character and not yet written. */
  pending = NONE;
  /** Where the pending whitespace came from, when it was a real character: node index and offset. */
  pendingNode = -1;
  pendingOffset = 0;

  private grow(): void {
    const size = this.units.length * 2;
    const units = new Uint16Array(size);
    units.set(this.units);
    const nodeIndex = new Int32Array(size);
    nodeIndex.set(this.nodeIndex);
    const offsets = new Int32Array(size);
    offsets.set(this.offsets);
    this.units = units;
    this.nodeIndex = nodeIndex;
    this.offsets = offsets;
  }

  private push(unit: number, node: number, offset: number): void {
    if (this.length === this.units.length) this.grow();
    this.units[this.length] = unit;
    this.nodeIndex[this.length] = node;
    this.offsets[this.length] = offset;
    this.length++;
  }

  boundary(kind: number): void {
    if (kind > this.pending) this.pending = kind;
  }

  text(node: Text): void {
    const data = node.data;
    let index = -1;
    for (let i = 0; i < data.length; i++) {
      const c = data.charCodeAt(i);
      if (isInvisible(c)) continue;
      if (index < 0) {
        index = this.nodes.length;
        this.nodes.push(node);
      }
      if (isSpace(c)) {
        if (this.pending === NONE || this.pendingNode < 0) {
          this.pendingNode = index;
          this.pendingOffset = i;
        }
        if (this.pending < SPACE) this.pending = SPACE;
        continue;
      }
      if (this.pending !== NONE) {
        if (this.length > 0) {
          const unit = this.pending === BREAK ? 0x0a : 0x20;
          if (this.pendingNode >= 0) this.push(unit, this.pendingNode, this.pendingOffset);
          else this.push(unit, index, i);
        }
        this.pending = NONE;
        this.pendingNode = -1;
      }
      this.push(c, index, i);
    }
  }

  finish(root: Node): TextMap {
    return {
      root,
      text: unitsToString(this.units, this.length),
      nodes: this.nodes,
      nodeIndex: this.nodeIndex.subarray(0, this.length),
      offsets: this.offsets.subarray(0, this.length),
    };
  }
}

/** Elements whose text a reader never sees (or the extraction never read). */
function skipped(el: Element, tag: string): boolean {
  if (SKIP.has(tag)) return true;
  // Readability drops aria-hidden="true" content too, so the article never holds it.
  return isHidden(el) || el.getAttribute('aria-hidden') === 'true';
}

function boundaryOf(tag: string): number {
  if (PARA_BLOCKS.has(tag) || LINE_BLOCKS.has(tag) || tag === 'br') return BREAK;
  return CELLS.has(tag) ? SPACE : NONE;
}

/**
 * Walks `root` (an element, a document or a fragment) once, iteratively, so a
 * page nested thousands of levels deep cannot overflow the stack.
 */
export function buildTextMap(root: Node): TextMap {
  const b = new Builder();
  /** Opens a node; true when its children are to be walked. */
  const open = (node: Node): boolean => {
    if (node.nodeType === TEXT_NODE) {
      b.text(node as Text);
      return false;
    }
    if (node.nodeType !== ELEMENT_NODE) return node.nodeType === 9 || node.nodeType === 11;
    const el = node as Element;
    const tag = el.localName;
    if (skipped(el, tag)) return false;
    const kind = boundaryOf(tag);
    if (kind) b.boundary(kind);
    return true;
  };
  const close = (node: Node): void => {
    if (node.nodeType !== ELEMENT_NODE) return;
    const kind = boundaryOf((node as Element).localName);
    if (kind) b.boundary(kind);
  };

  let node: Node | null = root;
  walk: while (node) {
    if (open(node) && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    if (node !== root && node.nodeType === ELEMENT_NODE) close(node);
    while (node && node !== root) {
      if (node.nextSibling) {
        node = node.nextSibling;
        continue walk;
      }
      node = node.parentNode;
      if (node && node !== root) close(node);
    }
    break;
  }
  return b.finish(root);
}

/** A text position: a text node and an offset in its data. */
export interface TextPosition {
  node: Text;
  offset: number;
}

/** Where the character at `index` of `map.text` starts in the page. */
export function positionAt(map: TextMap, index: number): TextPosition {
  return { node: map.nodes[map.nodeIndex[index]], offset: map.offsets[index] };
}

/**
 * A Range over map.text[start, end), with whitespace at both ends left out (a
 * line break made by a boundary has no character to end on). Null when nothing
 * but whitespace is left or the nodes are no longer usable.
 */
export function rangeOf(map: TextMap, start: number, end: number): Range | null {
  const text = map.text;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start >= end) return null;
  const doc = map.root.ownerDocument ?? (map.root as Document);
  const first = positionAt(map, start);
  const last = positionAt(map, end - 1);
  try {
    const range = doc.createRange();
    range.setStart(first.node, first.offset);
    range.setEnd(last.node, last.offset + 1);
    return range;
  } catch {
    // A node removed or cut since the map was built.
    return null;
  }
}
