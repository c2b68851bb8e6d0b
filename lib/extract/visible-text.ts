/**
 * How much text a reader could see on a page, counted only as far as a caller
 * needs: extraction asks "none?" and "under 400 characters?", so the walk stops
 * at the cap instead of building the whole document's text (a page's scripts
 * alone can be megabytes).
 */

const HIDDEN = new Set(['HEAD', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x2028 || c === 0x2029 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x1680 || c === 0x202f || c === 0x205f || c === 0x85;
}

/**
 * Characters other than whitespace in the page's text, leaving out the head,
 * scripts, styles, <noscript> and <template>; at most `cap`. (Not from
 * `body` alone: some parsers leave `body` empty on malformed pages whose
 * content sits elsewhere in the tree.) Walks siblings and parents, never
 * recursing, so a page nested 10,000 deep is no problem.
 */
export function visibleTextLength(doc: Document, cap = Infinity): number {
  const root = doc.documentElement;
  if (!root) return 0;
  let n = 0;
  let node: Node | null = root.firstChild;
  while (node) {
    if (node.nodeType === 3) {
      const s = node.nodeValue ?? '';
      for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i)) && ++n >= cap) return cap;
    }
    const skip = node.nodeType === 1 && HIDDEN.has((node as Element).tagName.toUpperCase());
    if (!skip && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    node = node && node !== root ? node.nextSibling : null;
  }
  return n;
}
