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
import type { ElementIndex } from './element-index';
import { lowerTag } from './tag-name';

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

/** Soft hyphen, zero-width space/joiners, word joiner, BOM: invisible, and they split words. (blankKind knows both sets.) */
export const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
/** Whitespace as HTML collapses it, plus no-break spaces (a reader sees a space). */
export const SPACES = /[ \t\n\r\f\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;

const NOT_BLANK = 0;
/** Nothing once invisible characters are dropped. */
const EMPTY = 1;
/** Whitespace (as SPACES has it) and maybe invisible characters: collapses to one space. */
const SPACES_ONLY = 2;

/** Whether a text is blank, as `raw.replace(INVISIBLE, '').replace(SPACES, ' ')` would show (empty or ' '). */
function blankKind(raw: string): number {
  let spaces = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (
      c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0xa0 ||
      (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000
    ) {
      spaces = true;
    } else if (!(c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff)) {
      return NOT_BLANK;
    }
  }
  return spaces ? SPACES_ONLY : EMPTY;
}

/**
 * Whether `raw.replace(INVISIBLE, '').replace(SPACES, ' ')` is `raw`: no
 * invisible character, and no whitespace SPACES collapses but single spaces
 * (0x20). Other characters are all left alone, so any other code is clean.
 */
export function isClean(raw: string): boolean {
  let space = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x20) {
      if (space) return false;
      space = true;
      continue;
    }
    space = false;
    if (c < 0x20 || c === 0xa0 || c === 0xad || (c >= 0x2000 && c <= 0x200d) || c === 0x202f || c === 0x205f || c === 0x2060 || c === 0x3000 || c === 0xfeff) {
      return false;
    }
  }
  return true;
}

export interface DomText {
  text: string;
  nonBody: Span[];
}

/**
 * `index`, when given, is the root's (lib/extract/element-index.ts), and every
 * change since it was made went through it: the walk reads the tree from it
 * instead of from the DOM.
 */
export function elementText(root: Node, nonBody: Set<Node> = new Set(), index?: ElementIndex): DomText {
  const w = new TextWalk(nonBody);
  if (index && index.root === root && index.inSync) {
    w.walkIndexed(index);
  } else if (root.nodeType === 9 || root.nodeType === 11) {
    // A document's own children by its list (linkedom has no nextSibling for a doctype).
    const exit = w.open(root)!;
    for (const child of Array.from(root.childNodes)) w.walk(child);
    w.leave(exit);
  } else w.walk(root);

  w.spans.sort((a, b) => a.start - b.start);
  return { text: w.out, nonBody: w.spans };
}

// Walked by first child, next sibling and parent, not recursion: pages nest
// elements tens of thousands deep. An element opened has its Exit taken when
// the walk comes back up past its last child (at once when it has none); one
// with nothing to do on the way out shares NOTHING, so most make no object.
interface Exit {
  level: number;
  span: Span | null;
  pre: boolean;
}
const NOTHING: Exit = { level: 0, span: null, pre: false };

/**
 * One walk's state and steps, as methods rather than closures made per call
 * (under the bench's loader each closure made costs a defineProperty for its
 * name, a fixed cost that weighs on small pages).
 */
class TextWalk {
  out = '';
  private pending = 0;
  readonly spans: Span[] = [];
  /** nonBody spans opened whose first character has not come yet. */
  private readonly waiting: Span[] = [];
  private preDepth = 0;
  private readonly exits: Exit[] = [];

  constructor(private readonly nonBody: Set<Node>) {}

  private sep(level: number): void {
    if (level > this.pending) this.pending = level;
  }

  private emit(s: string): void {
    if (!s) return;
    if (this.out.length && this.pending) this.out += this.pending === PARA ? '\n\n' : this.pending === LINE ? '\n' : ' ';
    this.pending = 0;
    const waiting = this.waiting;
    if (waiting.length) {
      for (const sp of waiting) sp.start = this.out.length;
      waiting.length = 0;
    }
    this.out += s;
  }

  private text(raw: string): void {
    // Most text nodes between blocks are only whitespace: their one effect is a
    // space between words, found without the replacements below.
    if (this.preDepth === 0) {
      const blank = blankKind(raw);
      if (blank !== NOT_BLANK) {
        if (blank === SPACES_ONLY) this.sep(SPACE);
        return;
      }
    }
    if (this.preDepth === 0 && isClean(raw)) {
      // Nothing to drop or collapse (most text in prose): the replacements below would return it as it is.
      this.words(raw);
      return;
    }
    const s = raw.replace(INVISIBLE, '');
    if (this.preDepth > 0) {
      // Pre-formatted: keep line breaks and runs of spaces; emit line by line so
      // separators stay consistent.
      const lines = s.replace(CRLF, '\n').split('\n');
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (i > 0) {
          if (this.out.length) this.out += '\n';
          this.pending = 0;
        }
        if (line) this.emit(line.replace(NBSP, ' '));
      }
      return;
    }
    if (!s) return;
    const collapsed = s.replace(SPACES, ' ');
    if (collapsed === ' ') {
      this.sep(SPACE);
      return;
    }
    this.words(collapsed);
  }

  /** Text whose spaces are collapsed already: its words, and a space before and after them where it has one. */
  private words(collapsed: string): void {
    const trimmed = collapsed.trim();
    // Only other whitespace (a vertical tab, U+2028): no words, but still a break between the words around it.
    if (!trimmed) {
      this.sep(SPACE);
      return;
    }
    if (collapsed.startsWith(' ')) this.sep(SPACE);
    this.emit(trimmed);
    if (collapsed.endsWith(' ')) this.sep(SPACE);
  }

  leave(exit: Exit): void {
    if (exit.pre) this.preDepth--;
    if (exit.span) {
      const i = this.waiting.indexOf(exit.span);
      if (i >= 0) this.waiting.splice(i, 1); // nothing came out of it
      else {
        exit.span.end = this.out.length;
        this.spans.push(exit.span);
      }
    }
    if (exit.level) this.sep(exit.level);
  }

  /** Reads the node; when it is an element (or the document) whose contents count, its Exit. */
  open(node: Node): Exit | null {
    const type = node.nodeType;
    if (type === 3) {
      this.text(node.nodeValue ?? '');
      return null;
    }
    if (type !== 1 && type !== 9 && type !== 11) return null;
    return this.openElement(node as Element, type);
  }

  /** `open` for an element (type 1), a document (9) or a fragment (11). */
  private openElement(el: Element, type: number): Exit | null {
    const tag = type === 1 ? lowerTag(el) : '';
    if (SKIP.has(tag)) return null;
    if (tag === 'br') {
      if (this.preDepth > 0) {
        this.out += '\n';
        this.pending = 0;
      } else this.sep(LINE);
      return null;
    }
    if (type === 1 && isHidden(el)) return null;
    const level = PARA_BLOCKS.has(tag) ? PARA : LINE_BLOCKS.has(tag) ? LINE : CELLS.has(tag) ? SPACE : 0;
    if (level) this.sep(level);
    let span: Span | null = null;
    if (this.nonBody.size && this.nonBody.has(el)) {
      span = { start: -1, end: -1 };
      this.waiting.push(span);
    }
    const pre = tag === 'pre';
    if (pre) this.preDepth++;
    return level || span || pre ? { level, span, pre } : NOTHING;
  }

  walk(top: Node): void {
    const exits = this.exits;
    let node: Node = top;
    down: for (;;) {
      const exit = this.open(node);
      if (exit) {
        const first = node.firstChild;
        if (first) {
          exits.push(exit);
          node = first;
          continue;
        }
        this.leave(exit);
      }
      for (;;) {
        if (node === top) return;
        const next = node.nextSibling;
        if (next) {
          node = next;
          continue down;
        }
        node = node.parentNode!;
        this.leave(exits.pop()!);
      }
    }
  }

  /**
   * `walk(index.root)` read from the index: the same nodes in the same order,
   * an element's subtree skipped by its end among the index's nodes, and its Exit taken
   * when the walk reaches that end (at once when nothing inside is left).
   */
  walkIndexed(index: ElementIndex): void {
    const exit = this.open(index.root);
    if (!exit) return;
    const exits = this.exits;
    const { elements, nodeKinds, nodeOwners, nodeValues } = index;
    /** The ends among the nodes of the elements whose Exits are on `exits`. */
    const ends: number[] = [];
    const n = nodeKinds.length;
    let k = 0;
    while (k < n) {
      while (ends.length && k >= ends[ends.length - 1]) {
        ends.pop();
        this.leave(exits.pop()!);
      }
      const kind = nodeKinds[k];
      if (kind === 1) {
        const i = nodeOwners[k];
        const end = index.nodeEndAt(i);
        const inner = index.inTree(i) ? this.openElement(elements[i], 1) : null;
        if (!inner) {
          k = end;
          continue;
        }
        if (end > k + 1) {
          ends.push(end);
          exits.push(inner);
        } else this.leave(inner);
      } else if (kind === 3) {
        this.text(nodeValues[k]);
      }
      k++;
    }
    while (ends.length) {
      ends.pop();
      this.leave(exits.pop()!);
    }
    this.leave(exit);
  }
}

const CRLF = /\r\n?/g;
const NBSP = /\u00A0/g;
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return !!style && HIDDEN_STYLE.test(style);
}
