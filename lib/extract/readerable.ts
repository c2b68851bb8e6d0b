/**
 * `isProbablyReaderable` of @mozilla/readability 0.6.0
 * (Readability-readerable.js), answering exactly as the library does, in one
 * walk that stops as soon as the answer is known.
 *
 * The library lists `p, pre, article` and the parents of `div > br` with two
 * selector queries over the whole page, then adds up a score over them in
 * that order (the <div>s last) until it passes 20; each candidate also costs
 * a selector compiled for `node.matches("li p")`. In Node's DOM that is more
 * than a tenth of Readability's own time on an ordinary article. Here the
 * same candidates are visited in the same order, each judged by the same
 * expressions (the visibility check and the two patterns are copied
 * verbatim), so the partial sums, the answer and any exception are the
 * library's; the walk just stops when the score passes 20 among the
 * `p, pre, article`, and `li p` is an ancestor check.
 * test/unit/extract-readerable.test.ts compares it with the library on every
 * fixture page and every corpus page. Re-check it when the library changes.
 */

const REGEXPS = {
  // Verbatim from Readability-readerable.js 0.6.0.
  unlikelyCandidates:
    /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i,
  okMaybeItsACandidate: /and|article|body|column|content|main|shadow/i,
};

/** Verbatim from Readability-readerable.js 0.6.0 (typed). */
function isNodeVisible(node: Element): boolean {
  const el = node as HTMLElement;
  // Have to null-check node.style and node.className.includes to deal with SVG and MathML nodes.
  return (
    (!el.style || el.style.display != 'none') &&
    !el.hasAttribute('hidden') &&
    //check for "fallback-image" so that wikimedia math images are displayed
    (!el.hasAttribute('aria-hidden') ||
      el.getAttribute('aria-hidden') != 'true' ||
      !!(el.className && el.className.includes && el.className.includes('fallback-image')))
  );
}

const MIN_SCORE = 20;
const MIN_CONTENT_LENGTH = 140;

/** Element names as the library's selectors match them: any case (linkedom keeps a script's "DIV" in capitals). */
function tagOf(el: Element): string {
  return el.localName.toLowerCase();
}

/** `node.matches("li p")`. */
function isParagraphInListItem(node: Element): boolean {
  if (tagOf(node) !== 'p') return false;
  for (let a = node.parentElement; a; a = a.parentElement) if (tagOf(a) === 'li') return true;
  return false;
}

export function isProbablyReaderable(doc: Document): boolean {
  let score = 0;
  /** The library's callback: true once the score passes MIN_SCORE. */
  const passes = (node: Element): boolean => {
    if (!isNodeVisible(node)) return false;
    const el = node as HTMLElement;
    const matchString = el.className + ' ' + el.id;
    if (REGEXPS.unlikelyCandidates.test(matchString) && !REGEXPS.okMaybeItsACandidate.test(matchString)) return false;
    if (isParagraphInListItem(node)) return false;
    const textContentLength = (node.textContent ?? '').trim().length;
    if (textContentLength < MIN_CONTENT_LENGTH) return false;
    score += Math.sqrt(textContentLength - MIN_CONTENT_LENGTH);
    return score > MIN_SCORE;
  };

  // Document order, as querySelectorAll lists elements: every element of the
  // document, none inside a <template>.
  const brParents: Element[] = [];
  const seenBrParents = new Set<Element>();
  for (const top of Array.from(doc.childNodes)) {
    if (top.nodeType !== 1) continue;
    const start = top as Element;
    let el: Element | null = start;
    while (el) {
      const tag = tagOf(el);
      if (tag === 'p' || tag === 'pre' || tag === 'article') {
        if (passes(el)) return true;
      } else if (tag === 'br') {
        const parent = el.parentElement;
        // `div > br`: each <div> once, in the order of its first <br>.
        if (parent && tagOf(parent) === 'div' && !seenBrParents.has(parent)) {
          seenBrParents.add(parent);
          brParents.push(parent);
        }
      }
      let next: Element | null = el.localName === 'template' ? null : el.firstElementChild;
      if (!next) {
        while (el !== start && !el.nextElementSibling) el = el.parentElement!;
        next = el === start ? null : el.nextElementSibling;
      }
      el = next;
    }
  }
  for (const div of brParents) if (passes(div)) return true;
  return false;
}
