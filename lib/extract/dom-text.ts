/**
 * An element tree → plain text, the way a reader sees it: block elements on
 * their own paragraphs ("\n\n"), list items, table rows and <br> on their own
 * lines ("\n"), inline whitespace collapsed, soft hyphens and zero-width
 * characters dropped, <pre> kept line for line. Linear in the size of the tree.
 *
 * Elements in `nonBody` become spans of the returned text (headline repeats,
 * decks, bylines, captions): the text keeps them, the summary skips them.
 */
import type { Span } from '../types';

const PARA = 3;
const LINE = 2;
const SPACE = 1;

/** Blocks that stand as paragraphs of their own. */
export const PARA_BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'div', 'dl', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul', 'summary', 'caption', 'picture', 'video', 'audio',
]);
/** Blocks that only need a line of their own. */
export const LINE_BLOCKS = new Set(['li', 'tr', 'dt', 'dd', 'option', 'thead', 'tbody', 'tfoot']);
/** Table cells: apart from their neighbours, on the same line. */
export const CELLS = new Set(['td', 'th']);
/** Never text a reader sees. */
export const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'canvas', 'iframe', 'object', 'embed', 'head',
  'title', 'meta', 'link', 'input', 'select', 'textarea', 'button', 'img', 'source', 'track', 'map',
]);

/** Soft hyphen, zero-width space/joiners, word joiner, BOM: invisible, and they split words. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
/** Whitespace as HTML collapses it, plus no-break spaces (a reader sees a space). */
const SPACES = /[ \t\n\r\f\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;

export interface DomText {
  text: string;
  nonBody: Span[];
}

export function elementText(root: Node, nonBody: Set<Node> = new Set()): DomText {
  let out = '';
  let pending = 0;
  const spans: Span[] = [];
  /** nonBody spans opened whose first character has not come yet. */
  const waiting: Span[] = [];
  let preDepth = 0;

  const sep = (level: number) => {
    if (level > pending) pending = level;
  };
  const emit = (s: string) => {
    if (!s) return;
    if (out.length && pending) out += pending === PARA ? '\n\n' : pending === LINE ? '\n' : ' ';
    pending = 0;
    if (waiting.length) {
      for (const sp of waiting) sp.start = out.length;
      waiting.length = 0;
    }
    out += s;
  };

  const text = (raw: string) => {
    const s = raw.replace(INVISIBLE, '');
    if (preDepth > 0) {
      // Pre-formatted: keep line breaks and runs of spaces; emit line by line so
      // separators stay consistent.
      const lines = s.replace(/\r\n?/g, '\n').split('\n');
      lines.forEach((line, i) => {
        if (i > 0) {
          if (out.length) out += '\n';
          pending = 0;
        }
        if (line) emit(line.replace(/\u00A0/g, ' '));
      });
      return;
    }
    if (!s) return;
    const collapsed = s.replace(SPACES, ' ');
    if (collapsed === ' ') {
      sep(SPACE);
      return;
    }
    if (collapsed.startsWith(' ')) sep(SPACE);
    emit(collapsed.trim());
    if (collapsed.endsWith(' ')) sep(SPACE);
  };

  // An explicit stack, not recursion: pages nest elements tens of thousands deep.
  interface Exit {
    level: number;
    span: Span | null;
    pre: boolean;
  }
  const stack: (Node | Exit)[] = [root];
  const isExit = (x: Node | Exit): x is Exit => 'level' in x && !('nodeType' in x);
  while (stack.length) {
    const item = stack.pop()!;
    if (isExit(item)) {
      if (item.pre) preDepth--;
      if (item.span) {
        const i = waiting.indexOf(item.span);
        if (i >= 0) waiting.splice(i, 1); // nothing came out of it
        else {
          item.span.end = out.length;
          spans.push(item.span);
        }
      }
      if (item.level) sep(item.level);
      continue;
    }
    const node = item;
    if (node.nodeType === 3) {
      text(node.nodeValue ?? '');
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const el = node as Element;
    const tag = node.nodeType === 1 ? el.tagName.toLowerCase() : '';
    if (SKIP.has(tag)) continue;
    if (tag === 'br') {
      if (preDepth > 0) {
        out += '\n';
        pending = 0;
      } else sep(LINE);
      continue;
    }
    if (node.nodeType === 1 && isHidden(el)) continue;
    const level = PARA_BLOCKS.has(tag) ? PARA : LINE_BLOCKS.has(tag) ? LINE : CELLS.has(tag) ? SPACE : 0;
    if (level) sep(level);
    let span: Span | null = null;
    if (nonBody.has(node)) {
      span = { start: -1, end: -1 };
      waiting.push(span);
    }
    const pre = tag === 'pre';
    if (pre) preDepth++;
    stack.push({ level, span, pre });
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
  }

  spans.sort((a, b) => a.start - b.start);
  return { text: out, nonBody: spans };
}

export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return !!style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}
