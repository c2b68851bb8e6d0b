/**
 * Readability as Lede runs it: to read the article's text, not to show its HTML.
 *
 * Before handing its article back, Readability (0.6.0) rewrites every link,
 * image, video and source address in it to an absolute one
 * (`_fixRelativeUris`): a `new URL` and a `setAttribute` per address, for a
 * reader that will show that HTML somewhere else. Lede never shows it and reads
 * no image address; the one place a link's address matters (whether it leaves
 * the site, lib/extract/boilerplate.ts) resolves it there, with `resolvedHref`
 * below, the same way. On the corpus pages that step is about 6% of
 * Readability's own time (a profile of `npm run bench`'s pages).
 *
 * What the step does besides is kept: a `javascript:` link is replaced by its
 * text (scripts are gone, so it leads nowhere), and Lede's link rules must not
 * see it as a link.
 *
 * This overrides a method the library does not document. Its version is pinned
 * (package.json), and test/unit/text-readability.test.ts holds the result to
 * the library's own: same elements and text, the same addresses once resolved.
 * Were a new version to stop calling the method, Readability would resolve
 * the addresses itself and nothing Lede reads would change.
 */
import { Readability } from '@mozilla/readability';
import { MAX_ELEMENTS } from './budget';

const TEXT_NODE = 3;

/**
 * The options Lede runs it with: the article as an element, not as HTML (Lede
 * reads the element, and serialising it costs), its class names kept (the
 * boilerplate rules read them), and Readability's own element limit set to
 * the page budget (lib/extract/budget.ts: a page over it is cut before it gets
 * here, so this only backs the budget up). Made once, not per page.
 */
const OPTIONS = { serializer: (el: Node): Node => el, keepClasses: true, maxElemsToParse: MAX_ELEMENTS };

export class TextReadability extends Readability<Node> {
  constructor(doc: Document) {
    super(doc, OPTIONS);
  }

  /** Readability's `_fixRelativeUris` without the rewriting of addresses (see above). */
  _fixRelativeUris(articleContent: Element): void {
    unwrapScriptLinks(articleContent);
  }
}

/**
 * Readability's handling of `javascript:` links, as in its `_fixRelativeUris`:
 * a link holding one text node becomes that text, any other becomes a span
 * holding its children.
 */
function unwrapScriptLinks(root: Element): void {
  const doc = root.ownerDocument;
  const links = root.getElementsByTagName('a');
  // A copy: the links replaced below leave a live collection.
  const found: Element[] = [];
  for (let i = 0; i < links.length; i++) {
    const href = links[i].getAttribute('href');
    if (href && href.indexOf('javascript:') === 0) found.push(links[i]);
  }
  for (const link of found) {
    const parent = link.parentNode;
    if (!parent) continue;
    if (link.childNodes.length === 1 && link.childNodes[0].nodeType === TEXT_NODE) {
      parent.replaceChild(doc.createTextNode(link.textContent ?? ''), link);
    } else {
      const container = doc.createElement('span');
      while (link.firstChild) container.appendChild(link.firstChild);
      parent.replaceChild(container, link);
    }
  }
}

/**
 * A link's address as Readability would have written it into the article:
 * resolved against the document's base address, left as written when it cannot
 * be (no base, a malformed address), and a `#fragment` left alone when the
 * base is the document's own address.
 */
export function resolvedHref(href: string, doc: Document): string {
  const base = doc.baseURI;
  if (base == doc.documentURI && href.charAt(0) == '#') return href;
  try {
    return new URL(href, base as string).href;
  } catch {
    return href;
  }
}
