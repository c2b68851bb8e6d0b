/**
 * Parts of the extracted content that stay in the text but are not body prose:
 * a repeat of the headline, a deck/standfirst under it, a kicker or section
 * label over it. The summary never picks a sentence inside them. (Captions,
 * credits and bylines are removed outright by boilerplate.ts: a reader skips
 * them.)
 */
import { titleKey } from './metadata';

const DECK = /(?:^|[\s_-])(?:deck|dek|standfirst|strapline|subhead|subheadline|sub-?title|sub-?heading|summary|lede|intro|excerpt|description|teaser|kicker|eyebrow|overline|rubric|label|category)(?:$|[\s_-])/i;

export function markNonBody(root: Element, titles: { title: string | null; pageTitle: string | null }): Set<Node> {
  const marked = new Set<Node>();
  const keys = new Set([titles.title, titles.pageTitle].filter((t): t is string => !!t).map(titleKey));
  const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

  // Walk the tree in document order until the first real paragraph: headlines
  // and decks live above it. Only headings, paragraphs and deck-named boxes are
  // read, so a huge article costs no more than its top.
  let seenBody = false;
  const visit = (el: Element) => {
    for (let c = el.firstElementChild; c && !seenBody; c = c.nextElementSibling) {
      const tag = c.tagName.toLowerCase();
      if (/^h[1-3]$/.test(tag)) {
        if (keys.has(titleKey(text(c)))) marked.add(c);
        continue;
      }
      const ci = `${c.getAttribute('class') ?? ''} ${c.getAttribute('id') ?? ''}`;
      if (DECK.test(ci)) {
        const t = text(c);
        if (t && t.length < 400 && !c.querySelector('p p')) {
          marked.add(c);
          continue;
        }
      }
      if (tag === 'p' && text(c).length > 120) {
        seenBody = true;
        continue;
      }
      visit(c); // a short paragraph may wrap a named label ("<p><span class=section-label>")
    }
  };
  visit(root);
  return marked;
}
