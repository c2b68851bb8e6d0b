/**
 * How much text a reader could see on a page, counted only as far as a caller
 * needs: extraction asks "none?" and "under 400 characters?", so the walk stops
 * at the cap instead of building the whole document's text (a page's scripts
 * alone can be megabytes).
 */

const HIDDEN = new Set(['HEAD', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
/** HIDDEN in lower case, for names of ASCII letters. */
const HIDDEN_LOWER = new Set(['head', 'script', 'style', 'noscript', 'template']);

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x2028 || c === 0x2029 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x1680 || c === 0x202f || c === 0x205f || c === 0x85;
}

/**
 * `HIDDEN.has(el.tagName.toUpperCase())`: an element whose text a reader does
 * not see. Read from localName for a name of ASCII characters (linkedom makes
 * tagName anew on each read); another name goes the long way, as full Unicode
 * upper-casing may turn it into ASCII.
 */
export function isUnseen(el: Element): boolean {
  const name = el.localName;
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) > 0x7f) return HIDDEN.has(el.tagName.toUpperCase());
  return HIDDEN_LOWER.has(name.toLowerCase());
}

/** `n` plus the characters other than whitespace in `s`, at most `cap`. */
export function countVisible(s: string, n: number, cap: number): number {
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i)) && ++n >= cap) return cap;
  return n;
}

/**
 * Characters other than whitespace in the page's text, leaving out the head,
 * scripts, styles, <noscript> and <template>; at most `cap`. (Not from
 * `body` alone: some parsers leave `body` empty on malformed pages whose
 * content sits elsewhere in the tree.) Walks siblings and parents, never
 * recursing, so a page nested 10,000 deep is no problem. (Extraction has
 * pageFacts count it in its walk of the page: metadata.ts.)
 */
export function visibleTextLength(doc: Document, cap = Infinity): number {
  const root = doc.documentElement;
  if (!root) return 0;
  let n = 0;
  let node: Node | null = root.firstChild;
  while (node) {
    if (node.nodeType === 3) {
      n = countVisible(node.nodeValue ?? '', n, cap);
      if (n >= cap) return cap;
    }
    const skip = node.nodeType === 1 && isUnseen(node as Element);
    if (!skip && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    node = node && node !== root ? node.nextSibling : null;
  }
  return n;
}
