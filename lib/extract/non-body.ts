/**
 * Parts of the extracted content that stay in the text but are not body prose:
 * a repeat of the headline and a deck/standfirst under it. The summary never
 * picks a sentence inside them. (Captions, credits and bylines are removed
 * outright by boilerplate.ts: a reader skips them.)
 */
import { titleKey } from './metadata';

const DECK = /(?:^|[\s_-])(?:deck|dek|standfirst|strapline|subhead|subheadline|sub-?title|sub-?heading|summary|lede|intro|excerpt|description|teaser|kicker)(?:$|[\s_-])/i;

export function markNonBody(root: Element, titles: { title: string | null; pageTitle: string | null }): Set<Node> {
  const marked = new Set<Node>();
  const keys = new Set([titles.title, titles.pageTitle].filter((t): t is string => !!t).map(titleKey));

  const blocks = Array.from(root.querySelectorAll('h1, h2, h3, p, div, header, section'));
  let seenBody = false;
  for (const el of blocks) {
    if (seenBody) break;
    const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!t) continue;
    const tag = el.tagName.toLowerCase();
    if (/^h[1-3]$/.test(tag) && keys.has(titleKey(t))) {
      marked.add(el);
      continue;
    }
    const ci = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (DECK.test(ci) && t.length < 400 && !el.querySelector('p p')) {
      marked.add(el);
      continue;
    }
    // The first real paragraph ends the zone where headlines and decks live.
    if (tag === 'p' && t.length > 120) seenBody = true;
  }
  return marked;
}
