/**
 * One walk over an element tree that passes judging its blocks one by one
 * (boilerplate.ts) read from instead of asking the DOM again and again: its
 * elements in document order, each one's lowercase tag, raw text length (the
 * length of its `textContent`) and count of characters other than whitespace,
 * summed from its text nodes without building the string, and each one's
 * squashed text once it was asked for. The only change the passes make is
 * removing elements, and `remove` keeps every figure exact: it takes the
 * element's counts off its ancestors, forgets their texts, and marks the
 * element and everything in it as out of the tree.
 *
 * What "the elements" are follows `querySelectorAll` exactly, in the browser,
 * linkedom and happy-dom: every element under the root, in document order,
 * none inside a <template> (a browser keeps those out of the tree; linkedom
 * keeps them in the tree but its queries skip them). Tags are compared lowercased:
 * selectors match HTML tags in any case, and linkedom keeps the case a script
 * created an element with (Readability makes "DIV"s).
 */
import { isSpace } from './spaces';

const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const ELEMENT_NODE = 1;
/** Among the index's nodes: a <template>'s text, as the DOM counts it in its `textContent`. */
export const TEMPLATE_TEXT = 0;

export class ElementIndex {
  /** The root at 0, then every element under it in document order (as `root.querySelectorAll('*')` lists them). */
  readonly elements: Element[] = [];
  /** The lowercase tag of `elements[i]`. */
  readonly tags: string[] = [];
  /** `squash(root.textContent).length` when the index was made. */
  readonly textLength: number;
  /**
   * `linkDensity(root)` (no-article.ts) when the index was made: the share of
   * the root's characters other than whitespace inside its links.
   */
  readonly linkDensity: number;
  private readonly parents: number[] = [];
  /** One past the last element inside `elements[i]`. */
  private readonly ends: number[] = [];
  private readonly rawLengths: number[] = [];
  private readonly nonSpaces: number[] = [];
  /** Squashed texts asked for, until something inside is removed (made once the walk is done, all empty). */
  private readonly texts: (string | undefined)[];
  /**
   * Every node the walk met under the root, in document order, as parallel
   * lists (`nodeKinds[k]`, `nodeOwners[k]`, ...): elements (not the root; the
   * element itself is `elements[nodeOwners[k]]`), text and CDATA nodes (none
   * inside a <template>), and for each <template> its whole text as one piece
   * after it. What
   * later passes read the content from (dom-text.ts, teaser-list.ts) instead
   * of walking the DOM again: in Node's DOM each step of a walk costs more
   * than what is done with the node. An element's text is joined from its
   * pieces too, without asking the DOM for `textContent` (a walk and a join
   * per element there; a block of one text node, most short lines, is that
   * node's string itself).
   */
  /** What node k is: ELEMENT (1), TEXT (3), CDATA (4), or TEMPLATE_TEXT (0). */
  readonly nodeKinds: number[] = [];
  /** For an element, its place in `elements`; for a piece of text, the place of the element it sits in (a <template>'s text: the template). */
  readonly nodeOwners: number[] = [];
  /** The text of a piece of text, '' for an element. */
  readonly nodeValues: string[] = [];
  /** Characters other than whitespace in a piece of text (`nonSpaceLength`), 0 for an element. */
  readonly nodeNonSpaces: number[] = [];
  /** Where `elements[i]` is among the nodes (the root: -1). */
  private readonly nodeStarts: number[] = [];
  /** One past the last node inside `elements[i]`. */
  private readonly nodeEnds: number[] = [];
  private readonly positions = new Map<Element, number>();
  /** Out of the tree: removed, or inside something removed. */
  private readonly gone: Uint8Array;
  /** Removed itself: the top of a subtree out of the tree. */
  private readonly removedTop: Uint8Array;

  constructor(readonly root: Element) {
    this.add(root, -1);
    // Counts go to the element whose children the walk is in.
    let owner = 0;
    const owners: number[] = [];
    // squash(textContent).length, streamed over the text nodes (TextCount).
    const count = new TextCount();
    let node: Node | null = root.firstChild;
    while (node) {
      const type = node.nodeType;
      if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
        const s = node.nodeValue ?? '';
        const nonSpace = count.add(s);
        this.rawLengths[owner] += s.length;
        this.nonSpaces[owner] += nonSpace;
        this.addPiece(type, owner, s, nonSpace);
      } else if (type === ELEMENT_NODE) {
        const el = node as Element;
        const at = this.add(el, owner);
        if (el.localName === 'template') {
          // A leaf here, its text taken as the DOM counts it: DOMs disagree on
          // what is inside a <template> (linkedom keeps its content in the tree
          // and in textContent, a browser keeps it apart, happy-dom answers
          // firstChild but leaves it out of textContent), and a query from
          // outside finds no element in its content in any of them. (Only
          // children a page script appended to the <template> element itself,
          // not to its content, would be listed by a browser's query and not here.)
          const s = el.textContent ?? '';
          const nonSpace = count.add(s);
          this.rawLengths[at] += s.length;
          this.nonSpaces[at] += nonSpace;
          this.addPiece(TEMPLATE_TEXT, at, s, nonSpace);
          this.nodeEnds[at] = this.nodeKinds.length;
        } else {
          const first = el.firstChild;
          if (first) {
            owners.push(owner);
            owner = at;
            node = first;
            continue;
          }
        }
      }
      // On to the next sibling, up past every last child, closing the elements we leave.
      for (;;) {
        const next: Node | null = node.nextSibling;
        if (next) {
          node = next;
          break;
        }
        node = node.parentNode;
        if (!node || node === root) {
          node = null;
          break;
        }
        this.ends[owner] = this.elements.length;
        this.nodeEnds[owner] = this.nodeKinds.length;
        owner = owners.pop()!;
      }
    }
    const n = this.elements.length;
    this.ends[0] = n;
    this.nodeEnds[0] = this.nodeKinds.length;
    // Children come after their parents: summing from the end adds each element into its parent once complete.
    let linkChars = 0;
    for (let i = n - 1; i > 0; i--) {
      const p = this.parents[i];
      this.rawLengths[p] += this.rawLengths[i];
      this.nonSpaces[p] += this.nonSpaces[i];
      if (this.tags[i] === 'a') linkChars += this.nonSpaces[i];
    }
    this.textLength = count.squashed;
    // The same division of the same whole numbers as linkDensity's.
    this.linkDensity = this.nonSpaces[0] ? linkChars / this.nonSpaces[0] : 0;
    this.texts = new Array<string | undefined>(n);
    this.gone = new Uint8Array(n);
    this.removedTop = new Uint8Array(n);
  }

  private addPiece(kind: number, owner: number, value: string, nonSpace: number): void {
    this.nodeKinds.push(kind);
    this.nodeOwners.push(owner);
    this.nodeValues.push(value);
    this.nodeNonSpaces.push(nonSpace);
  }

  private add(el: Element, parent: number): number {
    const at = this.elements.length;
    this.elements.push(el);
    this.tags.push(el.localName.toLowerCase());
    this.parents.push(parent);
    this.ends.push(at + 1);
    if (parent >= 0) {
      // A leaf ends after itself; an element with children has its end set when the walk leaves it.
      this.nodeStarts.push(this.nodeKinds.length);
      this.nodeEnds.push(this.nodeKinds.length + 1);
      this.addPiece(ELEMENT_NODE, at, '', 0);
    } else {
      this.nodeStarts.push(-1);
      this.nodeEnds.push(0);
    }
    this.rawLengths.push(0);
    this.nonSpaces.push(0);
    this.positions.set(el, at);
    return at;
  }

  /**
   * Set when something the index does not know was removed (nothing extraction
   * does; a safeguard): from then on every answer is the DOM's own, slower but
   * still right.
   */
  private stale = false;

  /** No change the index did not make: its answers are its own, and its nodes are the tree as it is (less what `inTree` says is out). */
  get inSync(): boolean {
    return !this.stale;
  }

  /** The place in `elements` of the parent of `elements[i]` (-1 for the root). */
  parentAt(i: number): number {
    return this.parents[i];
  }

  /** One past the last node inside `elements[i]`. */
  nodeEndAt(i: number): number {
    return this.nodeEnds[i];
  }

  /** `root.contains(elements[i])`. */
  inTree(i: number): boolean {
    return this.stale ? this.root.contains(this.elements[i]) : this.gone[i] === 0;
  }

  /** `rawLength(elements[i])`, with no lookup. */
  rawLengthAt(i: number): number {
    return this.stale ? (this.elements[i].textContent ?? '').length : this.rawLengths[i];
  }

  /** `text(elements[i])`, with no lookup. */
  textAt(i: number): string {
    if (this.stale) return squash(this.elements[i].textContent);
    let t = this.texts[i];
    if (t === undefined) this.texts[i] = t = squash(this.rawTextAt(i));
    return t;
  }

  /** `elements[i].textContent` now, joined from the pieces still in the tree. */
  private rawTextAt(i: number): string {
    // Out of the tree itself: its pieces are marked gone with it, but its own text is whole.
    if (this.gone[i]) return this.elements[i].textContent ?? '';
    const end = this.nodeEnds[i];
    let s = '';
    for (let k = this.nodeStarts[i] + 1; k < end; k++) {
      if (this.nodeKinds[k] !== ELEMENT_NODE) s += this.nodeValues[k];
      else if (this.gone[this.nodeOwners[k]]) k = this.nodeEnds[this.nodeOwners[k]] - 1; // removed: past what is inside
    }
    return s;
  }

  /** `el.textContent.length` now. */
  rawLength(el: Element): number {
    const i = this.stale ? undefined : this.positions.get(el);
    return i === undefined ? (el.textContent ?? '').length : this.rawLengths[i];
  }

  /** `nonSpaceLength(elements[i])`, with no lookup. */
  nonSpaceLengthAt(i: number): number {
    return this.stale ? (this.elements[i].textContent ?? '').replace(/\s+/g, '').length : this.nonSpaces[i];
  }

  /** `el.textContent.replace(/\s+/g, '').length` now: a lower bound of its squashed text's length. */
  nonSpaceLength(el: Element): number {
    const i = this.stale ? undefined : this.positions.get(el);
    return i === undefined ? (el.textContent ?? '').replace(/\s+/g, '').length : this.nonSpaces[i];
  }

  /** `squash(el.textContent)` now, built once per element until something inside it is removed. */
  text(el: Element): string {
    const i = this.stale ? undefined : this.positions.get(el);
    return i === undefined ? squash(el.textContent) : this.textAt(i);
  }

  /**
   * `el.querySelectorAll(…)` for the tags `pick` says yes to, read from the
   * index; `first` stops at the first (`el.querySelector(…)`).
   */
  inside(el: Element, pick: (tag: string, d: Element) => boolean, first = false): Element[] {
    const i = this.stale ? undefined : this.positions.get(el);
    // Not listed, out of the tree, or a <template> (whose content is not listed but
    // linkedom's own query on it looks into): the DOM's answer.
    if (i === undefined || this.gone[i] || el.localName === 'template') return descendants(el, pick, first);
    const out: Element[] = [];
    for (let j = i + 1, end = this.ends[i]; j < end; j++) {
      if (!this.gone[j] && pick(this.tags[j], this.elements[j])) {
        out.push(this.elements[j]);
        if (first) break;
      }
    }
    return out;
  }

  /** Takes an element out of the tree, keeping every figure of its ancestors right. */
  remove(el: Element): void {
    const i = this.stale ? undefined : this.positions.get(el);
    if (i === undefined || i === 0) {
      this.stale = true;
      el.remove();
      return;
    }
    const len = this.rawLengths[i];
    const nonSpace = this.nonSpaces[i];
    // Up to the root, or to the top of the removed subtree it sits in.
    for (let p = this.parents[i]; p >= 0; p = this.parents[p]) {
      this.rawLengths[p] -= len;
      this.nonSpaces[p] -= nonSpace;
      this.texts[p] = undefined;
      if (this.removedTop[p]) break;
    }
    this.removedTop[i] = 1;
    this.gone.fill(1, i, this.ends[i]);
    el.remove();
  }
}

/**
 * Counts over a text given in pieces: its characters other than whitespace,
 * and its length once squashed (one space for each run of whitespace with text
 * on both sides). A small class of its own: the loop stays tight.
 */
class TextCount {
  squashed = 0;
  private seenText = false;
  private spaceRun = false;

  /** Adds the next piece; returns its characters other than whitespace. */
  add(s: string): number {
    let nonSpace = 0;
    let runs = 0;
    let seenText = this.seenText;
    let spaceRun = this.spaceRun;
    for (let i = 0; i < s.length; i++) {
      if (isSpace(s.charCodeAt(i))) {
        spaceRun = seenText;
      } else {
        nonSpace++;
        if (spaceRun) {
          runs++;
          spaceRun = false;
        }
        seenText = true;
      }
    }
    this.seenText = seenText;
    this.spaceRun = spaceRun;
    this.squashed += nonSpace + runs;
    return nonSpace;
  }
}

/** Runs of whitespace as one space, trimmed. */
export function squash(s: string | null | undefined): string {
  // (A scan that returns a squashed string as it is was slower on the corpus's blocks: V8's replace wins.)
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The descendants of `el` for which `pick` says yes, in document order, none
 * inside a <template>, as `el.querySelectorAll(…)` would list them; `first`
 * stops at the first.
 */
export function descendants(el: Element, pick: (tag: string, d: Element) => boolean, first = false): Element[] {
  const out: Element[] = [];
  let d: Element | null = el.firstElementChild;
  while (d) {
    if (pick(d.localName.toLowerCase(), d)) {
      out.push(d);
      if (first) return out;
    }
    let next: Element | null = d.localName === 'template' ? null : d.firstElementChild;
    if (!next) {
      while (d !== el && !d.nextElementSibling) d = d.parentElement!;
      if (d === el) break;
      next = d.nextElementSibling;
    }
    d = next;
  }
  return out;
}
