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
 *
 * The copied parts are the library's: Copyright (c) 2010 Arc90 Inc, licensed
 * under the Apache License, Version 2.0 (see
 * node_modules/@mozilla/readability/LICENSE.md).
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

/**
 * The library's judgement, fed one element at a time in document order (as
 * querySelectorAll lists them: none inside a <template>), so it can ride along
 * a walk the caller makes anyway (pageFacts). Once the score passes 20 among
 * the `p, pre, article` the answer is known and later elements cost nothing;
 * otherwise `answer` goes on to the <div>s with <br> children, as the library
 * does after every `p, pre, article`.
 */
export class ReaderableScore {
  private score = 0;
  /** The score passed MIN_SCORE: the answer is yes. */
  private passed = false;
  private readonly brParents: Element[] = [];
  private readonly seenBrParents = new Set<Element>();

  /** True when no later element can change the answer. */
  get done(): boolean {
    return this.passed;
  }

  /** The next element; throws where the library would. */
  visit(el: Element): void {
    if (this.passed) return;
    const tag = tagOf(el);
    if (tag === 'p' || tag === 'pre' || tag === 'article') {
      this.passed = this.passes(el);
    } else if (tag === 'br') {
      const parent = el.parentElement;
      // `div > br`: each <div> once, in the order of its first <br>.
      if (parent && tagOf(parent) === 'div' && !this.seenBrParents.has(parent)) {
        this.seenBrParents.add(parent);
        this.brParents.push(parent);
      }
    }
  }

  /** isProbablyReaderable's answer, once every element was visited (or `done`); throws where the library would. */
  answer(): boolean {
    if (this.passed) return true;
    for (const div of this.brParents) if (this.passes(div)) return (this.passed = true);
    return false;
  }

  /** The library's callback: true once the score passes MIN_SCORE. */
  private passes(node: Element): boolean {
    if (!isNodeVisible(node)) return false;
    const el = node as HTMLElement;
    const matchString = el.className + ' ' + el.id;
    if (REGEXPS.unlikelyCandidates.test(matchString) && !REGEXPS.okMaybeItsACandidate.test(matchString)) return false;
    if (isParagraphInListItem(node)) return false;
    const textContentLength = (node.textContent ?? '').trim().length;
    if (textContentLength < MIN_CONTENT_LENGTH) return false;
    this.score += Math.sqrt(textContentLength - MIN_CONTENT_LENGTH);
    return this.score > MIN_SCORE;
  }
}

/** isProbablyReaderable(doc) of the library, in a walk of its own that stops once the answer is known. */
export function isProbablyReaderable(doc: Document): boolean {
  const score = new ReaderableScore();
  // Document order, as querySelectorAll lists elements: every element of the
  // document, none inside a <template>.
  for (const top of Array.from(doc.childNodes)) {
    if (top.nodeType !== 1) continue;
    const start = top as Element;
    let el: Element | null = start;
    while (el) {
      score.visit(el);
      if (score.done) return true;
      let next: Element | null = el.localName === 'template' ? null : el.firstElementChild;
      if (!next) {
        while (el !== start && !el.nextElementSibling) el = el.parentElement!;
        next = el === start ? null : el.nextElementSibling;
      }
      el = next;
    }
  }
  return score.answer();
}
