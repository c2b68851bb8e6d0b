/**
 * A list of teasers is not an article: search results, section fronts, tag
 * and archive pages are headlines that link to other pages, each followed by a
 * line or two of snippet (a date, a standfirst cut off with "…"). An article
 * may have headings that are links too (a listicle's items, a "related" box),
 * but then the text under its headings is long prose, or the teasers are a
 * small part of the page. So the measure is the share of the text that sits in
 * teasers: a linked heading plus the short text up to the next heading.
 */

import { descendants, type ElementIndex } from './element-index';
import { isSpace, nonSpaceLength } from './spaces';
import { lowerTag } from './tag-name';

/** Text under a linked heading up to this many characters (no spaces) reads as a snippet, not as a section. */
const MAX_SNIPPET_CHARS = 300;
/** A heading whose text is at least this share link text links elsewhere. */
const LINKED_HEADING_SHARE = 0.8;

export interface TeaserShape {
  /** Linked headings with a short snippet (or none) under them. */
  teasers: number;
  /** Teasers whose snippet is cut off with an ellipsis, as search engines and section fronts cut them. */
  cut: number;
  /** Share of the text's characters in those teasers. */
  share: number;
}

/** Characters other than whitespace (`s.replace(/\s+/g, '').length`, counted without making the string). */
const chars = nonSpaceLength;

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** The heading's text is (nearly) all a link, or the heading sits inside one. */
function isLinkedHeading(h: Element): boolean {
  const n = chars(h.textContent);
  if (!n) return false;
  if (insideLink(h)) return true;
  let linked = 0;
  for (const a of descendants(h, isLink)) linked += chars(a.textContent);
  return linked >= n * LINKED_HEADING_SHARE;
}

/** `isLinkedHeading(index.elements[i])`, its counts read from the index. */
function isLinkedHeadingAt(index: ElementIndex, i: number): boolean {
  const n = index.nonSpaceLengthAt(i);
  if (!n) return false;
  const h = index.elements[i];
  if (insideLink(h)) return true;
  let linked = 0;
  for (const a of index.inside(h, isLink)) linked += index.nonSpaceLength(a);
  return linked >= n * LINKED_HEADING_SHARE;
}

/** h.parentElement.closest('a'), without compiling a selector per heading. */
function insideLink(h: Element): boolean {
  for (let p = h.parentElement; p; p = p.parentElement) if (p.localName.toLowerCase() === 'a') return true;
  return false;
}

const isLink = (tag: string) => tag === 'a';

/** `/(…|\.\.\.)\s*$/.test(s)`, without a search from every position of a long text. */
function endsCutOff(s: string): boolean {
  let end = s.length;
  while (end > 0 && isSpace(s.charCodeAt(end - 1))) end--;
  if (end >= 1 && s.charCodeAt(end - 1) === 0x2026) return true;
  return end >= 3 && s.charCodeAt(end - 1) === 0x2e && s.charCodeAt(end - 2) === 0x2e && s.charCodeAt(end - 3) === 0x2e;
}

const BLOCK = /^(p|div|section|header|footer|figure|blockquote|ul|ol|dl|table|address|time)$/i;
/** Not text a reader sees: not entered. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template']);

/**
 * A link that is an item's title without a heading: it opens a list item or an
 * <article> and a block (the snippet) follows it ("<li><a>Title</a><p>Snippet…</p></li>").
 */
function isTitleLink(a: Element): boolean {
  const item = a.parentElement;
  if (!item || !/^(li|article)$/i.test(item.tagName)) return false;
  for (let c = item.firstChild; c && c !== a; c = c.nextSibling) if (chars(c.textContent)) return false;
  let next = a.nextSibling;
  while (next && next.nodeType !== 1 && !chars(next.textContent)) next = next.nextSibling;
  return !!next && next.nodeType === 1 && BLOCK.test((next as Element).tagName);
}

/**
 * Walks the element's text in document order (iteratively: pages can be nested
 * thousands deep), cutting it at each heading or title link into sections of
 * title + text. `index`, when given, is the root's (element-index.ts), every
 * change since it was made gone through it: the walk reads the tree from it.
 */
export function teaserShape(root: Element, index?: ElementIndex): TeaserShape {
  const sections = new Sections();
  if (index && index.root === root && index.inSync) {
    // The walk below, over the index's nodes: a subtree not entered is skipped by its end.
    const { elements, nodeKinds, nodeOwners, nodeValues, nodeNonSpaces } = index;
    const n = nodeKinds.length;
    let k = 0;
    while (k < n) {
      const kind = nodeKinds[k];
      if (kind === 1) {
        const i = nodeOwners[k];
        const end = index.nodeEndAt(i);
        if (!index.inTree(i)) {
          k = end;
          continue;
        }
        const el = elements[i];
        const tag = lowerTag(el);
        const titleLink = tag === 'a' && isTitleLink(el);
        if (titleLink || HEADINGS.has(tag)) {
          sections.heading(titleLink || isLinkedHeadingAt(index, i), index.nonSpaceLengthAt(i));
          k = end;
          continue;
        }
        if (SKIPPED.has(tag)) {
          k = end;
          continue;
        }
      } else if (kind === 3) {
        sections.text(nodeValues[k], nodeNonSpaces[k]);
      }
      k++;
    }
    return sections.shape();
  }

  let node: Node | null = root.firstChild;
  while (node && node !== root) {
    let skip = false;
    const type = node.nodeType;
    // (Tag names compared lowercased, as the patterns with the i flag compared them.)
    const tag = type === 1 ? lowerTag(node as Element) : '';
    const titleLink = tag === 'a' && isTitleLink(node as Element);
    if (titleLink || HEADINGS.has(tag)) {
      sections.heading(titleLink || isLinkedHeading(node as Element), chars(node.textContent));
      skip = true;
    } else if (type === 3) {
      const value = node.nodeValue ?? '';
      sections.text(value, chars(value));
    } else if (SKIPPED.has(tag)) {
      skip = true;
    }
    // Next node in document order, not entering a title (counted whole) or a script.
    if (!skip && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    if (!node || node === root) break;
    node = node.nextSibling;
  }
  return sections.shape();
}

/** The counts of teaserShape's walk, section by section. (A class, not closures made per call: see dom-text.ts's TextWalk.) */
class Sections {
  private total = 0;
  private teasers = 0;
  private teaserChars = 0;
  private cut = 0;
  // The open section: whether its heading is a link, its heading's characters, its text's characters, whether that is cut off.
  private linked = false;
  private headChars = 0;
  private bodyChars = 0;
  private cutOff = false;

  /** A heading or title link of `chars` characters (whitespace aside) opens the next section. */
  heading(linked: boolean, chars: number): void {
    this.close();
    this.linked = linked;
    this.headChars = chars;
    this.bodyChars = 0;
    this.cutOff = false;
    this.total += chars;
  }

  /** A text node of the open section, `chars` its characters other than whitespace. */
  text(value: string, chars: number): void {
    if (chars && endsCutOff(value)) this.cutOff = true;
    this.bodyChars += chars;
    this.total += chars;
  }

  shape(): TeaserShape {
    this.close();
    return { teasers: this.teasers, cut: this.cut, share: this.total ? this.teaserChars / this.total : 0 };
  }

  private close(): void {
    if (this.linked && this.bodyChars <= MAX_SNIPPET_CHARS) {
      this.teasers++;
      this.teaserChars += this.headChars + this.bodyChars;
      if (this.cutOff) this.cut++;
    }
  }
}

/** At least this many teasers, holding at least this share of the text, make a list of them. */
export const MIN_TEASERS = 4;
export const TEASER_LIST_SHARE = 0.6;

export function isTeaserList(shape: TeaserShape): boolean {
  return shape.teasers >= MIN_TEASERS && shape.share >= TEASER_LIST_SHARE;
}

/** Most teasers' snippets are cut off mid-sentence: the page shows excerpts of other pages. */
export function isExcerptList(shape: TeaserShape): boolean {
  return isTeaserList(shape) && shape.cut * 2 >= shape.teasers;
}
