/**
 * What Readability keeps but a reader skips: captions and photo credits,
 * "Related"/"Read more" blocks, newsletter boxes, share bars, "Advertisement"
 * lines, bylines and timestamps, author bios, comment sections, gallery
 * controls. Judged by the content itself (class and id names, link density,
 * short stock lines), and only ever for blocks that are small next to the
 * article, so body text is not lost. Tuned on the extraction-dev pages
 * (scripts/eval/extraction.ts); every rule is about page furniture in general,
 * none about one site.
 */
import { classAttr } from './class-attr';
import { ElementIndex, squash } from './element-index';
import { CALL_TO_ACTION, isBylineLine, isDateLine, STOCK_LINE } from './line-kinds';
import { resolvedHref } from './text-readability';

/** Class/id words of page furniture, matched against the words of a class or id ("newsCaption" → news, caption). */
const FURNITURE_WORDS = new Set([
  // related and promoted links
  'related', 'recommend', 'recommended', 'recommendations', 'readmore', 'morestories', 'trending', 'popular',
  'mostread', 'outbrain', 'taboola', 'rail', 'promo', 'promotion', 'promoted', 'teaser', 'cta',
  // sign-ups, sharing, ads
  'newsletter', 'newsletters', 'subscribe', 'subscription', 'signup', 'share', 'sharing', 'sharebar', 'social',
  'advert', 'advertisement', 'ad', 'ads', 'adslot', 'adunit', 'sponsor', 'sponsored', 'paywall',
  // comments, bios, bylines, timestamps
  'comment', 'comments', 'disqus', 'bio', 'byline', 'dateline', 'timestamp', 'vcard',
  // captions, credits, gallery controls
  'caption', 'captions', 'credit', 'credits', 'enlarge', 'slideshow', 'carousel',
  // navigation and tags
  'breadcrumb', 'breadcrumbs', 'tags', 'taglist', 'pagination',
  // the site's own small print
  'copyright',
]);
/** Two-word names that are furniture together but not alone ("author bio", "entry meta", "slide count"). */
const FURNITURE_PAIRS = new Set([
  'author bio', 'about author', 'author info', 'author box', 'entry meta', 'post meta', 'article meta', 'slide count',
  'control bar', 'image credit', 'photo credit', 'read more', 'more stories', 'most read', 'sign up', 'posted on',
  'entry date', 'publish date', 'published date', 'post date', 'article date',
]);

/**
 * The words of each class name and of the id, camelCase split. Long names are
 * left out: an id like "sharing-with-a-single-developer" is a heading's slug,
 * not a name for furniture.
 */
function classWords(el: Element): string[][] {
  return namesWords(namesOf(el));
}

/** The class and id attributes as one string: what classWords reads. */
function namesOf(el: Element): string {
  return `${classAttr(el) ?? ''} ${el.getAttribute('id') ?? ''}`;
}

function namesWords(classAndId: string): string[][] {
  const names = classAndId.split(/\s+/).filter(Boolean);
  const out: string[][] = [];
  for (const name of names) {
    const words = name
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    if (words.length && words.length <= 4) out.push(words);
  }
  return out;
}

export function isFurnitureByName(el: Element): boolean {
  return isFurnitureName(namesOf(el));
}

function isFurnitureName(classAndId: string): boolean {
  for (const words of namesWords(classAndId)) {
    for (let i = 0; i < words.length; i++) {
      if (FURNITURE_WORDS.has(words[i])) return true;
      if (i > 0 && FURNITURE_PAIRS.has(`${words[i - 1]} ${words[i]}`)) return true;
    }
  }
  return false;
}

const NAV_ROLES = new Set(['navigation', 'menu', 'menubar']);

/** Navigation by its markup: a <nav>, or an ARIA role of navigation or a menu (Readability keeps them when it keeps a whole page). */
function isNavigation(tag: string, el: Element): boolean {
  if (tag === 'nav') return true;
  const role = el.getAttribute('role');
  return !!role && NAV_ROLES.has(role.toLowerCase());
}

const UNMISTAKABLE = new Set(['comment', 'comments', 'disqus', 'caption', 'captions', 'credit', 'credits', 'bio', 'newsletter', 'newsletters', 'outbrain', 'taboola']);

function hasUnmistakableName(el: Element): boolean {
  return classWords(el).some((words) => words.some((w) => UNMISTAKABLE.has(w)));
}

function sentenceCount(el: Element): number {
  return (el.textContent ?? '').match(/[.!?]["”’)]?(?=\s|$)/g)?.length ?? 0;
}

const HEADING = /^h[1-6]$/;
const INLINE = new Set(['span', 'strong', 'em', 'b', 'i', 'time', 'small']);

/** Headings over lists of other stories. */
const RELATED_HEADING =
  /^(?:related|more|read|see also|recommended|popular|trending|latest|top stories|most|you (?:may|might)|don[’']t miss|also|further reading|other|elsewhere|in other news|tags?|topics?)\b/i;

/** A caption's credit at its end: "(AP Photo/Jane Doe)", "| Getty Images", "(Image: © NASA)", "Photo: Jane Doe / Reuters". */
const PHOTO_CREDIT =
  /(?:\((?:AP|Reuters|AFP|EPA|Getty|Image|Photo|Picture|Credit|Foto)\b[^)]*\)|[|/]\s*(?:Getty Images|Reuters|AFP|AP|EPA|Shutterstock|Bloomberg)(?: via Getty Images)?|\bvia Getty Images)\s*$/;

/** A box made for an image ("InlineImage-imageEmbed", "article__image-wrapper", id "featured-image-wrapper"), by its class or id words. */
function isImageBox(index: ElementIndex, el: Element, judged: Map<string, boolean>): boolean {
  // The names first: they cost less than looking through the box, and most blocks have neither.
  // (No class or id: no words, none of them an image's.)
  const named = judgedOnce(judged, classAttr(el), hasImageWord) || judgedOnce(judged, el.getAttribute('id'), hasImageWord);
  return named && index.inside(el, isPicture, true).length > 0;
}

/** Whether a class attribute holds a word of an image's box. */
function hasImageWord(names: string): boolean {
  const words = names.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/);
  return words.some((w) => w === 'image' || w === 'img' || w === 'photo' || w === 'figure' || w === 'picture');
}

const isPicture = (tag: string) => tag === 'img' || tag === 'picture';
const isImg = (tag: string) => tag === 'img';
const isLink = (tag: string) => tag === 'a';
const isHrefLink = (tag: string, el: Element) => tag === 'a' && el.hasAttribute('href');
const isListItem = (tag: string) => tag === 'li';
/** What makes a furniture-named block a box of its own, prose or not. */
const BOX_PARTS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'form', 'input', 'button']);
const isBoxPart = (tag: string) => BOX_PARTS.has(tag);

/**
 * The squashed text of the index's element i, a block that may be a short
 * line: null when its raw text is so long that it cannot squash to `max`
 * characters (it would take more than nine parts of whitespace in ten), so big
 * containers are not squashed at every level of nesting, or when it has more
 * than `max` characters other than spaces (then so has its squashed text), so
 * a paragraph of prose is not squashed only to be found too long. Both counts
 * come from the index: such a block's text is not even built.
 */
function shortText(index: ElementIndex, i: number, max: number): string | null {
  if (index.rawLengthAt(i) > max * 10 || index.nonSpaceLengthAt(i) > max) return null;
  const t = index.textAt(i);
  return t.length > max ? null : t;
}

function textLen(index: ElementIndex, el: Element): number {
  return index.text(el).length;
}

function linkTextLen(index: ElementIndex, el: Element): number {
  let n = 0;
  for (const a of index.inside(el, isLink)) n += index.text(a).length;
  return n;
}

/** A link's address as Readability would have left it in the article (Lede's Readability leaves that to here: text-readability.ts). */
function hrefOf(a: Element): string | null {
  const href = a.getAttribute('href');
  return href ? resolvedHref(href, a.ownerDocument) : href;
}

function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/**
 * A line of links, as under a "Don't miss" heading: all link ("Dave Matthews
 * Band takes over Rock Hall Fan Vote"), or a few headlines with their labels
 * ("Macron jibe angers China [INSIGHT] | NBA decides on game [VIDEO]").
 */
function isLinkLine(index: ElementIndex, el: Element): boolean {
  const t = index.text(el);
  return t.length > 0 && t.length <= 400 && linkTextLen(index, el) >= t.length * 0.75;
}

/** Nearly all the element's links lead to other pages of this site: the site's own stories or sections. */
function linksStayOnSite(index: ElementIndex, el: Element, host: string | null): boolean {
  if (!host) return false;
  const links = index.inside(el, isHrefLink);
  if (!links.length) return false;
  const own = links.filter((a) => {
    const href = hrefOf(a);
    const h = hostOf(href);
    return h === null ? !/^(?:mailto|tel|javascript):/i.test(href ?? '') : h === host || h.endsWith(`.${host}`);
  }).length;
  return own >= links.length * 0.8;
}

/** Most of the element's links lead to other sites. */
function linksLeaveSite(index: ElementIndex, el: Element, host: string | null): boolean {
  if (!host) return false;
  const links = index.inside(el, isHrefLink);
  const away = links.filter((a) => {
    const h = hostOf(hrefOf(a));
    return h !== null && h !== host && !h.endsWith(`.${host}`);
  }).length;
  return links.length > 0 && away >= links.length * 0.5;
}

export interface Removed {
  /** Every element taken out, in order (for debugging and tests). */
  elements: Element[];
  /** The first byline line taken out ("By Jane Doe" → "Jane Doe"), for pages whose metadata has none. */
  byline: string | null;
}

/** Tags of the blocks each pass looks at (what the selectors "p, div, span" and so on list). */
const CAPTION_BLOCKS = new Set(['p', 'div', 'span']);
const LINE_BLOCKS = new Set(['p', 'div', 'span', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'strong', 'em', 'b', 'i', 'time', 'small']);
const TEASER_BLOCKS = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Inside a <p> (the selectors "p span, p div"): any ancestor counts, within the root or above it. */
function insideParagraph(el: Element): boolean {
  for (let p = el.parentElement; p; p = p.parentElement) if (p.localName.toLowerCase() === 'p') return true;
  return false;
}

/** Whether an ancestor of `index.elements[i]` up to the root, the root too, is a <p> (read from the index): insideParagraph but for the root's ancestors. */
function paragraphUpToRoot(index: ElementIndex, i: number): boolean {
  for (let p = index.parentAt(i); p > 0; p = index.parentAt(p)) if (index.tags[p] === 'p') return true;
  return index.tags[0] === 'p';
}

/**
 * `judge(value)`, false for no value or an empty one. Pages repeat their class
 * names: each class (or id) attribute is judged once per page, its answer kept in `judged`.
 */
function judgedOnce(judged: Map<string, boolean>, value: string | null, judge: (value: string) => boolean): boolean {
  if (!value) return false;
  let answer = judged.get(value);
  if (answer === undefined) judged.set(value, (answer = judge(value)));
  return answer;
}

/**
 * What removeBoilerplate took out, in order, each taken out of the index (and
 * the tree) as it is taken. (A class, not a closure made per call: see
 * dom-text.ts's TextWalk.)
 */
class Removals {
  readonly elements: Element[] = [];
  constructor(private readonly index: ElementIndex) {}

  take(el: Element): void {
    this.elements.push(el);
    this.index.remove(el);
  }
}

/**
 * Remove furniture from the extracted content element, in place.
 *
 * Each pass goes through the elements `root.querySelectorAll(selector)` would
 * list when the pass starts, in document order: they come from one walk
 * (ElementIndex) before the first pass, less those earlier removals took out
 * of the tree. Removing is the only change the passes make, so that is the
 * same list. Text lengths, texts and the elements inside one come from the
 * index too. `index` is the root's, made before any change (extraction makes
 * it first to read the link density from it).
 */
export function removeBoilerplate(root: Element, pageUrl?: string, index = new ElementIndex(root)): Removed {
  const host = hostOf(pageUrl);
  const { elements, tags } = index;
  const removals = new Removals(index);
  let byline: string | null = null;
  const total = Math.max(1, index.textLength);

  // 1. Furniture by class/id, or navigation by its markup (<nav>, a menu
  // role), when it is small next to the whole and, unless its name is
  // unmistakable (comments, captions), it does not read as body prose: sites name paragraphs "share-quote" or "promo-text" too. (A box with
  // its own heading or form is a box, prose or not.)
  // Pages repeat their class names: each class (or id) attribute is judged once.
  // (Its names are judged one by one, so the class and the id can be judged apart.)
  const furnitureNames = new Map<string, boolean>();
  for (let i = 1; i < elements.length; i++) {
    const el = elements[i];
    if (
      !isNavigation(tags[i], el) &&
      !judgedOnce(furnitureNames, classAttr(el), isFurnitureName) &&
      !judgedOnce(furnitureNames, el.getAttribute('id'), isFurnitureName)
    ) {
      continue;
    }
    if (!index.inTree(i)) continue;
    // Its characters other than spaces alone may show it is too big, without its text.
    if (index.nonSpaceLength(el) > total * 0.3) continue;
    const len = textLen(index, el);
    if (len > total * 0.3) continue;
    if (
      len > 200 &&
      !index.inside(el, isBoxPart, true).length &&
      !hasUnmistakableName(el) &&
      linkTextLen(index, el) < len * 0.25 &&
      sentenceCount(el) >= 2
    ) {
      continue;
    }
    removals.take(el);
  }

  // 2. Captions: <figcaption>, blocks that end in a photo credit, the short
  // text in an image's own box.
  const imageNames = new Map<string, boolean>();
  for (const el of elements.filter((e, i) => i > 0 && tags[i] === 'figcaption' && index.inTree(i))) removals.take(el);
  for (let i = 1; i < elements.length; i++) {
    if (!CAPTION_BLOCKS.has(tags[i])) continue;
    const el = elements[i];
    if (!index.inTree(i)) continue;
    const t = shortText(index, i, 400);
    if (!t) continue;
    // (t is the block's whole squashed text: its length is textLen.)
    if (PHOTO_CREDIT.test(t) || (t.length < 400 && t.length < total * 0.3 && isImageBox(index, el, imageNames))) removals.take(el);
  }

  // 3. Short blocks that are stock lines, timestamps, bylines, calls to action or bare URLs.
  for (let i = 1; i < elements.length; i++) {
    if (!LINE_BLOCKS.has(tags[i])) continue;
    const el = elements[i];
    if (!index.inTree(i)) continue;
    const t = shortText(index, i, 300);
    if (!t) continue;
    // (Whether it is a byline line is asked once: both tests below may ask.)
    let bylineLine: boolean | undefined;
    const bylineHere = !byline && (bylineLine = isBylineLine(t));
    const furniture =
      (t.length <= 160 && (STOCK_LINE.test(t) || isDateLine(t) || (bylineLine ?? isBylineLine(t)) || /^https?:\/\/\S+$/.test(t))) ||
      CALL_TO_ACTION.test(t);
    if (!furniture && !bylineHere) continue;
    // An inline element counts only as a line of its own, never as words inside a sentence.
    if (INLINE.has(el.tagName.toLowerCase()) && el.parentElement && index.text(el.parentElement) !== t) continue;
    if (bylineHere) byline = t.replace(/^by\s+/i, '').replace(/\s+[-–—|,]\s+.*$/, '');
    if (furniture) {
      // Under a "You may also like…" line, the run of link-only lines that follows is the list it announces.
      if (t.length <= 60 && RELATED_HEADING.test(t)) {
        for (let next = el.nextElementSibling; next && isLinkLine(index, next); next = el.nextElementSibling) removals.take(next);
      }
      removals.take(el);
    }
  }

  // 3b. Hover cards inside sentences: an inline box with a picture and a row of links.
  /** Whether the root sits inside a <p>, asked once. */
  let rootInside: boolean | undefined;
  for (let i = 1; i < elements.length; i++) {
    if ((tags[i] !== 'span' && tags[i] !== 'div') || !index.inTree(i)) continue;
    const el = elements[i];
    if (!(paragraphUpToRoot(index, i) || (rootInside ??= insideParagraph(root))) || !index.inside(el, isImg, true).length || index.inside(el, isLink).length < 3) continue;
    const len = textLen(index, el);
    if (len > 0 && linkTextLen(index, el) >= len * 0.9) removals.take(el);
  }

  // 4. Paragraphs that are one shouted link and not a sentence: "read this too" teasers.
  for (let i = 1; i < elements.length; i++) {
    if (!TEASER_BLOCKS.has(tags[i])) continue;
    const el = elements[i];
    if (!index.inTree(i)) continue;
    const t = shortText(index, i, 200);
    if (!t) continue;
    // Shouted headline links (kicker style) are teasers; a plain link line may be
    // the article's own ("Get it on Amazon for $39"), so it stays.
    const shouted = t === t.toUpperCase() && /\p{Lu}/u.test(t);
    if (!shouted) continue;
    const links = squash(index.inside(el, isLink).map((a) => a.textContent).join(' '));
    if (links.length >= t.length * 0.9 && !/[.!?:]["”’)]?$/.test(t) && t.split(' ').length >= 3) removals.take(el);
  }

  // 5. Lists that are nothing but links, under a "Related"-like heading or after
  // the last paragraph of prose: related stories, tag lists. A list of links
  // between paragraphs is the article's own (release notes, sources).
  let lastProse: Element | null = null;
  for (let i = elements.length - 1; i > 0 && !lastProse; i--) {
    if (tags[i] === 'p' && index.inTree(i) && (index.nonSpaceLengthAt(i) > 100 || index.textAt(i).length > 100)) lastProse = elements[i];
  }
  for (let i = 1; i < elements.length; i++) {
    if (tags[i] !== 'ul' && tags[i] !== 'ol') continue;
    const el = elements[i];
    if (!index.inTree(i) || index.nonSpaceLength(el) >= total * 0.3) continue;
    const len = textLen(index, el);
    if (len === 0 || len >= total * 0.3) continue;
    // One linked item is the article's own call to action ("Get it at Walmart for $238.99"), not a list of stories.
    const items = index.inside(el, isListItem);
    if (items.length < 2 || linkTextLen(index, el) / len <= 0.8) continue;
    const prev = el.previousElementSibling;
    const heading = prev && (HEADING.test(prev.tagName.toLowerCase()) || prev.tagName.toLowerCase() === 'p') && textLen(index, prev) < 80 ? prev : null;
    const related = !!heading && RELATED_HEADING.test(index.text(heading));
    const trailing = !lastProse || !!(lastProse.compareDocumentPosition(el) & 4); // 4: el follows lastProse
    const menu = items.reduce((n, li) => n + index.text(li).split(' ').length, 0) / items.length <= 3;
    // After the last paragraph, a list of links elsewhere (sources, bug lists) is still the article's.
    if (!related && !menu && !linksStayOnSite(index, el, host) && !(trailing && !linksLeaveSite(index, el, host))) continue;
    if (heading && (related || HEADING.test(heading.tagName.toLowerCase()))) removals.take(heading);
    removals.take(el);
  }
  // 6. What follows the article's last rule drawn in text ("___"), when it is
  // short: the sign-off a site puts under such a line ("Follow our full
  // coverage at …", an author's one-line bio).
  for (const el of trailerAfterLastRule(index)) removals.take(el);
  return { elements: removals.elements, byline };
}

/** A line drawn with characters ("___", "* * *", "———"). */
const RULE_LINE = /^(?:[_*=~•·—–-]\s*){3,}$/;
/** The blocks a rule drawn in text stands in. */
const RULE_BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'span', 'center']);
/** What follows the last rule is a sign-off when it is at most this share of the text. */
const MAX_TRAILER_SHARE = 0.15;

/**
 * The index's element i is a rule drawn in text: a block whose whole text is a
 * line of characters. (Not an <hr>: sites draw one above a reference or a note
 * that is part of the story, "More information: …".)
 */
function isRule(index: ElementIndex, i: number): boolean {
  if (!RULE_BLOCKS.has(index.tags[i])) return false;
  const t = shortText(index, i, 40);
  return !!t && RULE_LINE.test(t);
}

/**
 * The last rule drawn in text in the content and everything after it, when
 * that is a small part of the text (MAX_TRAILER_SHARE) made only of elements (a bare text
 * after the rule is prose of the body's own, so nothing is taken). Empty when
 * there is no such rule. One pass from the end to the last rule, then along
 * the siblings after it and after each of its ancestors.
 */
function trailerAfterLastRule(index: ElementIndex): Element[] {
  let rule = -1;
  for (let i = index.elements.length - 1; i > 0 && rule < 0; i--) if (index.inTree(i) && isRule(index, i)) rule = i;
  if (rule < 0) return [];
  const root = index.elements[0];
  const taken: Element[] = [index.elements[rule]];
  let chars = 0;
  for (let node: Element = index.elements[rule]; node !== root && node.parentElement; node = node.parentElement) {
    for (let sib = node.nextSibling; sib; sib = sib.nextSibling) {
      if (sib.nodeType === 1) {
        taken.push(sib as Element);
        chars += index.nonSpaceLength(sib as Element);
      } else if (sib.nodeType === 3 && !isBlank(sib.nodeValue)) {
        return [];
      }
    }
  }
  return chars <= index.nonSpaceLengthAt(0) * MAX_TRAILER_SHARE ? taken : [];
}

function isBlank(s: string | null): boolean {
  return !s || !/\S/.test(s);
}
