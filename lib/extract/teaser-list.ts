/**
 * A list of teasers is not an article: search results, section fronts, tag
 * and archive pages are headlines that link to other pages, each followed by a
 * line or two of snippet (a date, a standfirst cut off with "…"). An article
 * may have headings that are links too (a listicle's items, a "related" box),
 * but then the text under its headings is long prose, or the teasers are a
 * small part of the page. So the measure is the share of the text that sits in
 * teasers: a linked heading plus the short text up to the next heading.
 */

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

function chars(s: string | null): number {
  return (s ?? '').replace(/\s+/g, '').length;
}

function isHeading(el: Element): boolean {
  return /^h[1-6]$/i.test(el.tagName);
}

/** The heading's text is (nearly) all a link, or the heading sits inside one. */
function isLinkedHeading(h: Element): boolean {
  const n = chars(h.textContent);
  if (!n) return false;
  if (h.parentElement?.closest('a')) return true;
  let linked = 0;
  for (const a of Array.from(h.querySelectorAll('a'))) linked += chars(a.textContent);
  return linked >= n * LINKED_HEADING_SHARE;
}

/** A snippet cut off mid-sentence ends in an ellipsis. */
const CUT_OFF = /(…|\.\.\.)\s*$/;

const BLOCK = /^(p|div|section|header|footer|figure|blockquote|ul|ol|dl|table|address|time)$/i;

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
 * title + text.
 */
export function teaserShape(root: Element): TeaserShape {
  let total = 0;
  let teasers = 0;
  let teaserChars = 0;
  let cut = 0;
  // The open section: its heading's characters, its text's characters, whether the heading is a link.
  let linked = false;
  let headChars = 0;
  let bodyChars = 0;
  let cutOff = false;
  const close = () => {
    if (linked && bodyChars <= MAX_SNIPPET_CHARS) {
      teasers++;
      teaserChars += headChars + bodyChars;
      if (cutOff) cut++;
    }
  };

  let node: Node | null = root.firstChild;
  while (node && node !== root) {
    let skip = false;
    const titleLink = node.nodeType === 1 && (node as Element).tagName.toLowerCase() === 'a' && isTitleLink(node as Element);
    if (titleLink || (node.nodeType === 1 && isHeading(node as Element))) {
      close();
      linked = titleLink || isLinkedHeading(node as Element);
      headChars = chars(node.textContent);
      bodyChars = 0;
      cutOff = false;
      total += headChars;
      skip = true;
    } else if (node.nodeType === 3) {
      const n = chars(node.nodeValue);
      if (n && CUT_OFF.test(node.nodeValue ?? '')) cutOff = true;
      bodyChars += n;
      total += n;
    } else if (node.nodeType === 1 && /^(script|style|noscript|template)$/i.test((node as Element).tagName)) {
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
  close();
  return { teasers, cut, share: total ? teaserChars / total : 0 };
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
