/**
 * One walk over an element tree that passes judging its blocks one by one
 * (boilerplate.ts) read from instead of asking the DOM again and again: its
 * elements in document order, each one's lowercase tag and raw text length
 * (the length of its `textContent`, summed from its text nodes without
 * building the string), and each one's squashed text once it was asked for.
 * The only change the passes make is removing elements, and `remove` keeps
 * every figure exact: it takes the element's length off its ancestors and
 * forgets their texts.
 *
 * What "the elements" are follows `querySelectorAll` exactly, in the browser
 * and in linkedom: every element under the root (not the root), in document
 * order, none inside a <template> (a browser keeps those out of the tree;
 * linkedom keeps them in the tree but its queries skip them). Tags are
 * compared lowercased: selectors match HTML tags in any case, and linkedom
 * keeps the case a script created an element with (Readability makes "DIV"s).
 */

const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const ELEMENT_NODE = 1;

export class ElementIndex {
  /** Every element under the root, in document order (as `querySelectorAll('*')` lists them). */
  readonly elements: Element[] = [];
  /** The lowercase tag of `elements[i]`. */
  readonly tags: string[] = [];
  private readonly rawLengths = new Map<Node, number>();
  private readonly squashed = new Map<Node, string>();

  constructor(readonly root: Element) {
    // Post-order sums with an explicit stack (pages nest elements thousands deep).
    // Text inside a <template> counts, as it does in textContent; its elements are not listed.
    const sums: number[] = [0];
    let templates = 0;
    let node: Node | null = root.firstChild;
    while (node) {
      const type = node.nodeType;
      if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
        sums[sums.length - 1] += (node.nodeValue ?? '').length;
      } else if (type === ELEMENT_NODE) {
        const el = node as Element;
        if (!templates) {
          this.elements.push(el);
          this.tags.push(el.localName.toLowerCase());
        }
        const first = el.firstChild;
        if (first) {
          if (el.localName === 'template') templates++;
          sums.push(0);
          node = first;
          continue;
        }
        this.rawLengths.set(el, 0);
      }
      // Up past every last child, closing the elements we leave.
      while (node && node !== root && !node.nextSibling) {
        node = node.parentNode;
        if (!node || node === root) break;
        const sum = sums.pop()!;
        this.rawLengths.set(node, sum);
        sums[sums.length - 1] += sum;
        if ((node as Element).localName === 'template') templates--;
      }
      node = node && node !== root ? node.nextSibling : null;
    }
    this.rawLengths.set(root, sums[0]);
  }

  /** `el.textContent.length` now (el is the root or an element under it). */
  rawLength(el: Element): number {
    return this.rawLengths.get(el) ?? (el.textContent ?? '').length;
  }

  /** `squash(el.textContent)` now, built once per element until something inside it is removed. */
  text(el: Element): string {
    let t = this.squashed.get(el);
    if (t === undefined) {
      t = squash(el.textContent);
      this.squashed.set(el, t);
    }
    return t;
  }

  /** Takes `el` out of the tree, keeping every ancestor's length and text right. */
  remove(el: Element): void {
    const len = this.rawLength(el);
    for (let p = el.parentNode; p; p = p.parentNode) {
      const own = this.rawLengths.get(p);
      if (own !== undefined) this.rawLengths.set(p, own - len);
      this.squashed.delete(p);
      if (p === this.root) break;
    }
    el.remove();
  }
}

/** Runs of whitespace as one space, trimmed. */
export function squash(s: string | null | undefined): string {
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

/** Whether `el` has a descendant `pick` says yes to (as `el.querySelector(…)` finds it). */
export function hasDescendant(el: Element, pick: (tag: string, d: Element) => boolean): boolean {
  return descendants(el, pick, true).length > 0;
}
