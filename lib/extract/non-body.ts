/**
 * Parts of the extracted content that stay in the text but are not body prose:
 * a repeat of the headline, a deck/standfirst under it, a kicker or section
 * label over it. The summary never picks a sentence inside them. (Captions,
 * credits and bylines are removed outright by boilerplate.ts: a reader skips
 * them.)
 */
import { classAttr } from './class-attr';
import { squash } from './element-index';
import { titleKey } from './metadata';
import { lowerTag } from './tag-name';

const DECK = /(?:^|[\s_-])(?:deck|dek|standfirst|strapline|subhead|subheadline|sub-?title|sub-?heading|summary|lede|intro|excerpt|description|teaser|kicker|eyebrow|overline|rubric|label|category)(?:$|[\s_-])/i;

export function markNonBody(root: Element, titles: { title: string | null; pageTitle: string | null }): Set<Node> {
  const marked = new Set<Node>();
  const keys = new Set<string>();
  if (titles.title) keys.add(titleKey(titles.title));
  // (Often the same headline: its key made once.)
  if (titles.pageTitle && titles.pageTitle !== titles.title) keys.add(titleKey(titles.pageTitle));

  // Walk the tree in document order until the first real paragraph: headlines
  // and decks live above it. Only headings, paragraphs and deck-named boxes are
  // read, so a huge article costs no more than its top.
  // (An explicit stack, not recursion: pages nest elements tens of thousands deep.)
  const stack: Element[] = [];
  pushChildren(stack, root);
  while (stack.length) {
    const el = stack.pop()!;
    const tag = lowerTag(el);
    if (/^h[1-3]$/.test(tag)) {
      if (keys.has(titleKey(text(el)))) marked.add(el);
      continue;
    }
    const ci = `${classAttr(el) ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (DECK.test(ci)) {
      const t = text(el);
      if (t && t.length < 400 && !el.querySelector('p p')) {
        marked.add(el);
        continue;
      }
    }
    // The first real paragraph ends the zone; a short one may wrap a named
    // label ("<p><span class=section-label>"), so its children are looked at.
    if (tag === 'p' && text(el).length > 120) break;
    pushChildren(stack, el);
  }
  return marked;
}

/** The element's text, spaces squashed. */
function text(el: Element): string {
  return squash(el.textContent);
}

/** Children pushed last to first: the first child on top. */
function pushChildren(stack: Element[], el: Element): void {
  for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
}
