/**
 * When a page has no article: typed reasons with a sentence for the reader,
 * decided from the page's shape (frames, emptiness) and from the extracted
 * text's shape (enough prose sentences, not a list of links).
 */
import type { NoArticle, NoArticleReason } from '../types';
import { descendants } from './element-index';
import { isSpace, nonSpaceLength } from './spaces';
import { isExcerptList, isTeaserList, type TeaserShape } from './teaser-list';

export const MESSAGES: Record<NoArticleReason, string> = {
  empty: 'This page has no text to read.',
  'not-readerable': 'This page does not look like an article (it seems to be navigation, search results, a form or an app).',
  'too-short': 'This page has too little text to be an article.',
};

export function noArticle(reason: NoArticleReason, title: string | null, message = MESSAGES[reason]): NoArticle {
  return { ok: false, reason, message, title };
}

export const FRAMES_MESSAGE =
  'This page shows its content in frames; Lede reads the page itself, so open the framed page on its own to read it.';

/** The body is a frameset, or nothing but (i)frames and no text of its own. */
export function isFramesOnly(doc: Document): boolean {
  // By tag name, not by selector: a selector query costs a walk plus compiling it in Node's DOM.
  if (doc.getElementsByTagName('frameset').length) return !doc.body || !(doc.body.textContent ?? '').trim();
  const body = doc.body;
  if (!body) return false;
  if (!body.getElementsByTagName('iframe').length && !body.getElementsByTagName('frame').length) return false;
  return (body.textContent ?? '').replace(/\s+/g, '').length < 50 &&
    Array.from(body.querySelectorAll('p, article, main')).every((e) => !(e.textContent ?? '').trim());
}

/** The page is a plain-text file as browsers show it: a single <pre> in an otherwise empty body. */
export function plainTextPre(doc: Document): Element | null {
  const body = doc.body;
  if (!body) return null;
  let pre: Element | null = null;
  for (let c = body.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) {
      if ((c.nodeValue ?? '').trim()) return null;
    } else if (c.nodeType === 1) {
      const tag = (c as Element).tagName.toLowerCase();
      if (tag === 'pre' && !pre) pre = c as Element;
      else if (tag !== 'script' && tag !== 'style' && tag !== 'link') return null;
    }
  }
  return pre && (pre.textContent ?? '').trim() ? pre : null;
}

/** A sentence end; glued sentences ("Wednesday.The") count too. */
const SENTENCE_END = /[.!?。！？…]["'”’»)\]]*(?=\s|$|\p{Lu}\p{Ll})/gu;

export interface ProseShape {
  chars: number;
  sentences: number;
  /** Characters in paragraphs that read as prose (several words, a sentence end). */
  proseChars: number;
}

export function proseShape(text: string): ProseShape {
  let sentences = 0;
  let proseChars = 0;
  for (const para of text.split(/\n+/)) {
    const n = para.match(SENTENCE_END)?.length ?? 0;
    // Words and script are looked at only when they can decide.
    if (n > 0 && (hasWords(para, 8) || (para.length >= 20 && /[\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]/.test(para)))) {
      sentences += n;
      proseChars += para.length;
    }
  }
  return { chars: text.length, sentences, proseChars };
}

/** `para.split(/\s+/).length >= min`: one more than its runs of whitespace, counted without the array and only up to `min`. */
function hasWords(para: string, min: number): boolean {
  let n = 1;
  let inSpace = false;
  for (let i = 0; i < para.length; i++) {
    const space = isSpace(para.charCodeAt(i));
    if (space && !inSpace && ++n >= min) return true;
    inSpace = space;
  }
  return n >= min;
}

/** Share of an element's text (whitespace aside) that sits in links. */
export function linkDensity(el: Element): number {
  const len = nonSpaceLength(el.textContent);
  if (!len) return 0;
  let links = 0;
  for (const a of descendants(el, isLink)) links += nonSpaceLength(a.textContent);
  return links / len;
}

const isLink = (tag: string) => tag === 'a';

/** Less than this much prose is not an article (a paywall teaser of three sentences still is). */
export const MIN_PROSE_CHARS = 200;
/** On a page that calls itself an article, half as much: a news brief of two short sentences is one. */
export const MIN_DECLARED_PROSE_CHARS = MIN_PROSE_CHARS / 2;

/** What the page says about itself, beside the text's own shape. */
export interface PageSigns {
  /** The link density of the content Readability chose. */
  density: number;
  /** isProbablyReaderable's guess: when it says no, the text must be more clearly prose to count. */
  readerable: boolean;
  /**
   * The content's shape as linked headings with snippets (lib/extract/teaser-list.ts):
   * a list of them (search results, a section front) is not an article when
   * Readability's guess says no too, or when the snippets are cut off, whatever the guess.
   */
  teasers?: TeaserShape;
  /**
   * The page's metadata calls it an article (declaresArticle, metadata.ts). Then
   * Readability's guess does not count against it: that guess asks whether a
   * page is long enough for a reader view, and a two-paragraph news brief, or
   * a story told in short paragraphs, is an article all the same, and half the
   * prose is enough (MIN_DECLARED_PROSE_CHARS). Nor does a link-heavy body (a
   * roundup of links, a deals post): only cut-off excerpts, too little prose
   * and fewer than two sentences still say no.
   */
  declared?: boolean;
}

/** Why this extracted text is not an article, or null when it is one. */
export function judgeText(text: string, signs: PageSigns): NoArticleReason | null {
  if (!text.trim()) return 'empty';
  const { density, teasers, declared = false } = signs;
  const readerable = signs.readerable || declared;
  const shape = proseShape(text);
  // A list-shaped article (release notes, a results table) with few links is still one.
  const listy = density < 0.2 && shape.chars >= 1000;
  const minProse = declared ? MIN_DECLARED_PROSE_CHARS : MIN_PROSE_CHARS;
  if (shape.proseChars < minProse && !listy) return shape.chars < MIN_PROSE_CHARS * 2 ? 'too-short' : 'not-readerable';
  if (density > 0.5 && !declared) return 'not-readerable';
  if (teasers && (isExcerptList(teasers) || (!readerable && isTeaserList(teasers)))) return 'not-readerable';
  if (readerable) return shape.sentences >= 2 || listy ? null : 'not-readerable';
  // Mostly prose, or a list-shaped page with some prose.
  const prose =
    shape.sentences >= 3 &&
    shape.proseChars >= MIN_PROSE_CHARS * 1.75 &&
    (shape.proseChars >= shape.chars * 0.5 || listy);
  return prose ? null : 'not-readerable';
}
