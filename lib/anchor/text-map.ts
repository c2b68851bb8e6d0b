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
import { MAX_ELEMENTS, MAX_OTHER_NODES } from '../extract/budget';
import { CELLS, LINE_BLOCKS, PARA_BLOCKS, SKIP, isHidden } from '../extract/dom-text';
import { VISIBLE, WHITESPACE, charClasses, isSpace } from './normalize';

export interface TextMap {
  /** The node the map was built from. */
  readonly root: Node;
  /**
   * Normalized text: whitespace runs as one ' ', block boundaries and <br> as one
   * '\n', invisible characters dropped, no whitespace at either end.
   */
  readonly text: string;
  /** The text nodes the characters came from, in document order. */
  readonly nodes: readonly Text[];
  /**
   * The way back, as runs: run r is text[runStart[r], runStart[r + 1]) copied
   * unchanged from nodes[runNode[r]] at offset runOffset[r] onwards. A run breaks
   * only where normalization changed something (a collapsed space, a dropped soft
   * hyphen, a new node), so a page has about as many runs as text nodes, not one
   * entry per character. A line break made by a boundary (no character of its
   * own) is a run of one pointing at the start of the next character.
   */
  readonly runStart: Int32Array;
  readonly runNode: Int32Array;
  readonly runOffset: Int32Array;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const NONE = 0;
const SPACE = 1;
const BREAK = 2;

class Builder {
  private readonly classes = charClasses();
  private parts: string[] = [];
  length = 0;
  nodes: Text[] = [];
  private runStart = new Int32Array(256);
  private runNode = new Int32Array(256);
  private runOffset = new Int32Array(256);
  private runs = 0;
  /** The open run: which node it copies and where in that node's data it has got to (-1: none open). */
  private runNodeIndex = -1;
  private runDataEnd = -1;
  /** Whitespace (or a boundary) seen since the last character and not yet written. */
  private pending = NONE;
  /** Where the pending whitespace came from when it was a real character (node index, offset), else -1. */
  private pendingNode = -1;
  private pendingOffset = 0;

  private openRun(node: number, offset: number): void {
    if (this.runs === this.runStart.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.runStart = grow(this.runStart);
      this.runNode = grow(this.runNode);
      this.runOffset = grow(this.runOffset);
    }
    this.runStart[this.runs] = this.length;
    this.runNode[this.runs] = node;
    this.runOffset[this.runs] = offset;
    this.runs++;
  }

  boundary(kind: number): void {
    if (kind > this.pending) this.pending = kind;
    this.runNodeIndex = -1;
  }

  text(node: Text): void {
    const data = node.data;
    const classes = this.classes;
    let index = -1;
    // Characters of this node copied as they are, not yet added to `parts`: data[copyFrom, runDataEnd).
    let copyFrom = -1;
    let i = 0;
    while (i < data.length) {
      const k = classes[data.charCodeAt(i)];
      if (k !== VISIBLE) {
        // Whitespace is remembered as pending (with where it came from); invisible characters vanish.
        if (k === WHITESPACE) {
          if (index < 0) index = this.addNode(node);
          if (this.pending === NONE || this.pendingNode < 0) {
            this.pendingNode = index;
            this.pendingOffset = i;
          }
          if (this.pending < SPACE) this.pending = SPACE;
        }
        i++;
        continue;
      }
      // A stretch of visible characters [i, j).
      let j = i + 1;
      while (j < data.length && classes[data.charCodeAt(j)] === VISIBLE) j++;
      if (index < 0) index = this.addNode(node);
      const separator = this.pending !== NONE && this.length > 0;
      // One plain space right after the open run, in the same node, is the page's own character: the run goes on.
      const continues =
        copyFrom >= 0 &&
        this.runNodeIndex === index &&
        (separator ? this.pending === SPACE && this.runDataEnd === i - 1 && data.charCodeAt(i - 1) === 0x20 : this.runDataEnd === i);
      if (continues) this.length += j - this.runDataEnd;
      else {
        if (copyFrom >= 0) this.parts.push(data.slice(copyFrom, this.runDataEnd));
        if (separator) {
          // The separator is a run of its own: at the whitespace it stands for, or (a boundary) at what follows.
          if (this.pendingNode >= 0) this.openRun(this.pendingNode, this.pendingOffset);
          else this.openRun(index, i);
          this.parts.push(this.pending === BREAK ? '\n' : ' ');
          this.length++;
        }
        this.openRun(index, i);
        copyFrom = i;
        this.length += j - i;
      }
      this.pending = NONE;
      this.pendingNode = -1;
      this.runNodeIndex = index;
      this.runDataEnd = j;
      i = j;
    }
    if (copyFrom >= 0) this.parts.push(data.slice(copyFrom, this.runDataEnd));
  }

  private addNode(node: Text): number {
    this.nodes.push(node);
    return this.nodes.length - 1;
  }

  finish(root: Node): TextMap {
    return {
      root,
      text: this.parts.join(''),
      nodes: this.nodes,
      runStart: this.runStart.slice(0, this.runs),
      runNode: this.runNode.slice(0, this.runs),
      runOffset: this.runOffset.slice(0, this.runs),
    };
  }
}

/** Elements whose text a reader never sees (or the extraction never read). */
function skipped(el: Element, tag: string): boolean {
  if (SKIP.has(tag)) return true;
  // Most elements carry no attributes at all: nothing can hide them.
  if (!el.hasAttributes()) return false;
  // Readability drops aria-hidden="true" content too, so the article never holds it.
  return isHidden(el) || el.getAttribute('aria-hidden') === 'true';
}

function boundaryOf(tag: string): number {
  if (PARA_BLOCKS.has(tag) || LINE_BLOCKS.has(tag) || tag === 'br') return BREAK;
  return CELLS.has(tag) ? SPACE : NONE;
}

/**
 * Walks `root` (an element, a document or a fragment) once, iteratively, so a
 * page nested thousands of levels deep cannot overflow the stack. It maps no
 * more of the page than extraction reads (lib/extract/budget.ts: the first
 * MAX_ELEMENTS elements and MAX_OTHER_NODES other nodes, in document order),
 * since no passage can lie past that: a page of a million elements costs the
 * walk what one of fifty thousand does.
 */
export function buildTextMap(root: Node): TextMap {
  const b = new Builder();
  let elements = 0;
  let others = 0;
  /** Opens a node; true when its children are to be walked. */
  const open = (node: Node): boolean => {
    if (node.nodeType === TEXT_NODE) {
      others++;
      b.text(node as Text);
      return false;
    }
    if (node.nodeType === ELEMENT_NODE) elements++;
    else others++;
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
    if (elements > MAX_ELEMENTS || others > MAX_OTHER_NODES) break;
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

/** Where the character at `index` of `map.text` starts in the page (a binary search over the runs). */
export function positionAt(map: TextMap, index: number): TextPosition {
  const starts = map.runStart;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= index) lo = mid;
    else hi = mid - 1;
  }
  return { node: map.nodes[map.runNode[lo]], offset: map.runOffset[lo] + (index - starts[lo]) };
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

/**
 * The text a range covers, read the way the map reads the page (skipped and
 * hidden elements left out, whitespace normalized): unlike Range.toString(),
 * a passage around a formula or an inline script reads as the passage.
 * Ranges that do not start and end in text nodes read as Range.toString().
 */
export function rangeText(range: Range): string {
  const start = range.startContainer;
  const end = range.endContainer;
  if (start.nodeType !== TEXT_NODE || end.nodeType !== TEXT_NODE) return range.toString();
  const common = range.commonAncestorContainer;
  const map = buildTextMap(common.nodeType === TEXT_NODE ? (common.parentNode ?? common) : common);
  const parts: string[] = [];
  const runs = map.runStart.length;
  for (let r = 0; r < runs; r++) {
    const node = map.nodes[map.runNode[r]];
    const from = map.runStart[r];
    const length = (r + 1 < runs ? map.runStart[r + 1] : map.text.length) - from;
    const offset = map.runOffset[r];
    // The run covers offsets [offset, offset + length) of its node: clip to the range.
    let lo = offset;
    let hi = offset + length;
    if (node === start) lo = Math.max(lo, range.startOffset);
    if (node === end) hi = Math.min(hi, range.endOffset);
    if (node !== start && node !== end && !range.intersectsNode(node)) continue;
    if (hi > lo) parts.push(map.text.slice(from + lo - offset, from + hi - offset));
  }
  return parts.join('');
}
