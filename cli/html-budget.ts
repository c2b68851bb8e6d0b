/**
 * The HTML budget, checked on the file's text before it is parsed (parsing
 * 1,000,000 elements with linkedom takes seconds and a gigabyte before any
 * other budget can be checked on the DOM; lib/extract/budget.ts then bounds
 * depth and elements on the DOM itself, in the CLI and in the browser).
 *
 * - Start tags are counted (a `<` and a letter): past MAX_ELEMENTS the HTML is
 *   cut before the next one; the parser closes what is left open.
 * - Past MAX_HTML_CHARS (1.25× the 2,000,000 characters analysed, as the
 *   plain-text pre-cut in lib/analyze.ts) the bodies of `<script>` (not JSON-LD,
 *   which gives metadata), `<style>` and comments are dropped first (nothing of
 *   them is read), then what is still too long is cut at a tag.
 *
 * - Nesting past MAX_DEPTH (linkedom's parse of 100,000 nested <div>s takes
 *   seconds) is flattened in the text: the start and end tags of the levels
 *   deeper than that are dropped (a block's give a line break), so their text
 *   reads as one flat run, as lib/extract/budget.ts does on a DOM. Only
 *   elements that need an end tag are counted (not <p>, <li>, <td>…, which an
 *   old page leaves open and the parser closes, nor void elements), so a page
 *   is never taken for deeper than it is.
 *
 * Linear in the HTML; no regular expression that can scan back. A page within
 * budget (every real page Lede is tested on) is returned as it is.
 */
import { isBlock, MAX_DEPTH, MAX_ELEMENTS } from '../lib/extract/budget';
import { DEFAULT_MAX_CHARS } from '../lib/analyze';
import type { PageLimits } from '../lib/types';

export const MAX_HTML_CHARS = Math.ceil(DEFAULT_MAX_CHARS * 1.25);
/** Start tags kept below the DOM's element budget: the parser adds <html>, <head> and <body> when they are missing. */
const TAG_SLACK = 16;

const OPEN_UNREAD = /<(script|style)\b[^>]{0,4096}>|<!--/gi;

/** The HTML without what no reading uses: script (but JSON-LD) and style bodies, comments. */
export function dropUnread(html: string): string {
  const parts: string[] = [];
  let from = 0;
  OPEN_UNREAD.lastIndex = 0;
  for (let m = OPEN_UNREAD.exec(html); m; m = OPEN_UNREAD.exec(html)) {
    const at = m.index;
    const openEnd = at + m[0].length;
    if (m[0] === '<!--') {
      const end = html.indexOf('-->', openEnd);
      parts.push(html.slice(from, at));
      from = end < 0 ? html.length : end + 3;
    } else {
      const name = m[1].toLowerCase();
      const close = new RegExp(`</${name}\\s*>`, 'gi');
      close.lastIndex = openEnd;
      const c = close.exec(html);
      const end = c ? c.index : html.length;
      if (/ld\+json/i.test(m[0])) {
        parts.push(html.slice(from, end));
      } else {
        parts.push(html.slice(from, openEnd));
      }
      from = end;
    }
    if (from >= html.length) break;
    OPEN_UNREAD.lastIndex = from;
  }
  parts.push(html.slice(from));
  return parts.join('');
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'basefont', 'bgsound', 'frame', 'image', 'menuitem']);
/** Closed by the parser without an end tag (by a sibling or the parent's end). */
const IMPLIED = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'rb', 'rt', 'rp', 'rtc', 'html', 'head', 'body']);
/** Their content is text up to their end tag, never tags. */
const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

const NAME_END = /[\s/>]/g;

/** The tag name starting at `from` (lower case) and where it ends. */
function tagName(html: string, from: number): [string, number] {
  NAME_END.lastIndex = from;
  const m = NAME_END.exec(html);
  const end = m ? m.index : html.length;
  return [html.slice(from, end).toLowerCase(), end];
}

/** Past `maxDepth` counted levels, the tags of the deeper levels dropped (see the top of this file). */
export function flattenDeep(html: string, maxDepth: number): { html: string; flattened: boolean } {
  const parts: string[] = [];
  let from = 0;
  let depth = 0;
  /** Where the last dropped tag ended: what lies between two dropped tags, if blank, goes too. */
  let dropped = -1;
  const drop = (start: number, end: number, name: string) => {
    const between = html.slice(from, start);
    const blank = from === dropped && !between.trim();
    if (!blank) parts.push(between);
    if (isBlock(name) && !(blank && parts[parts.length - 1] === '\n')) parts.push('\n');
    from = dropped = end;
  };
  for (let i = html.indexOf('<'); i >= 0 && i < html.length; i = html.indexOf('<', i + 1)) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      if (end < 0) break;
      i = end + 2;
      continue;
    }
    const closing = html.charCodeAt(i + 1) === 0x2f;
    const at = closing ? i + 2 : i + 1;
    const c = html.charCodeAt(at) | 0x20;
    if (!(c >= 0x61 && c <= 0x7a)) continue;
    const [name, nameEnd] = tagName(html, at);
    const gt = html.indexOf('>', nameEnd);
    if (gt < 0) break;
    if (closing) {
      if (VOID.has(name) || IMPLIED.has(name) || RAW.has(name)) continue;
      if (depth > maxDepth) drop(i, gt + 1, name);
      if (depth > 0) depth--;
    } else if (RAW.has(name)) {
      const close = indexOfEndTag(html, name, gt + 1);
      if (close < 0) break;
      i = close;
    } else if (!VOID.has(name) && !IMPLIED.has(name) && html.charCodeAt(gt - 1) !== 0x2f) {
      depth++;
      if (depth > maxDepth) drop(i, gt + 1, name);
    }
    i = Math.max(i, gt);
  }
  if (!parts.length) return { html, flattened: false };
  parts.push(html.slice(from));
  return { html: parts.join(''), flattened: true };
}

/** Where `</name` begins at or after `from`, in any case; -1 when it does not. */
function indexOfEndTag(html: string, name: string, from: number): number {
  const re = new RegExp(`</${name}[\\s/>]`, 'gi');
  re.lastIndex = from;
  const m = re.exec(html);
  return m ? m.index : -1;
}

/** Where the (max + 1)-th start tag begins, or -1 when there are no more than `max`. */
function afterTags(html: string, max: number): number {
  let count = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
    const c = html.charCodeAt(i + 1) | 0x20;
    if (c >= 0x61 && c <= 0x7a && ++count > max) return i;
  }
  return -1;
}

export function boundHtml(html: string, maxChars = MAX_HTML_CHARS, maxElements = MAX_ELEMENTS): { html: string; limits?: PageLimits } {
  const limits: PageLimits = {};
  // Nothing past four times the budget can be kept, however much script goes: the scans below need not see it.
  if (html.length > maxChars * 4) {
    html = html.slice(0, maxChars * 4);
    limits.htmlChars = maxChars;
  }
  if (html.length > maxChars) html = dropUnread(html);
  const flat = flattenDeep(html, MAX_DEPTH - TAG_SLACK);
  if (flat.flattened) {
    html = flat.html;
    limits.depth = MAX_DEPTH;
  }
  const tagCut = afterTags(html, maxElements - TAG_SLACK);
  if (tagCut >= 0) {
    html = html.slice(0, tagCut);
    limits.elements = maxElements;
  }
  if (html.length > maxChars) {
    // At the last tag before the limit, unless that is far back (one huge text): then at the limit.
    const lt = html.lastIndexOf('<', maxChars);
    const cut = lt > maxChars * 0.9 ? lt : maxChars;
    const c = html.charCodeAt(cut - 1);
    html = html.slice(0, c >= 0xd800 && c <= 0xdbff ? cut - 1 : cut);
    limits.htmlChars = maxChars;
  }
  return Object.keys(limits).length ? { html, limits } : { html };
}
