/**
 * What Readability keeps but a reader skips: captions and photo credits,
 * "Related"/"Read more" blocks, newsletter boxes, share bars, "Advertisement"
 * lines, author bios, comment sections. Judged by the content itself (class and
 * id names, link density, short stock lines), and only ever for blocks that are
 * small next to the article, so body text is not lost.
 */

/** Class/id words of page furniture. Matched as whole words of a class or id. */
const FURNITURE =
  /(?:^|[\s_-])(?:related|recommend(?:ed|ations?)?|newsletters?|subscribe|subscription|signup|sign-up|share|sharing|sharebar|social|promo|promotion|advert|advertisement|ads?|adslot|adunit|sponsor(?:ed)?|comments?|disqus|author-?bio|bio|about-author|caption|credits?|image-credit|photo-credit|read-?more|more-?stories|breadcrumbs?|trending|popular|most-?read|outbrain|taboola|tags|tag-?list|newsletter-?signup|inline-?signup|paywall|cta)(?:$|[\s_-])/i;

/** Stock lines that are never article prose. */
const STOCK_LINE =
  /^(?:advertisement|advertising|ad|sponsored(?: content)?|story continues below(?: advertisement)?|article continues below(?: advertisement)?|continue reading(?: below| the main story)?|scroll to continue(?: with content)?|skip (?:this )?ad(?:vertisement)?|loading\W*|share(?: this)?(?: (?:article|story|page))?|print|email|comments?|view comments|(?:image|photo|photograph|picture|video|graphic)(?: credit)?s?:.*|(?:read more|related|see also|recommended(?: reading)?|also read|more from [^.]{0,60}|read next|you (?:may|might) also like)(?:\s*[:.»›>-].*)?)$/i;

const HEADING = /^h[1-6]$/;

function textLen(el: Element): number {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
}

function linkTextLen(el: Element): number {
  let n = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) n += (a.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  return n;
}

function classAndId(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.trim();
}

/** Remove furniture from the extracted content element, in place. Returns what it removed (for debugging). */
export function removeBoilerplate(root: Element): Element[] {
  const removed: Element[] = [];
  const total = Math.max(1, textLen(root));
  const remove = (el: Element) => {
    removed.push(el);
    el.remove();
  };

  // 1. Furniture by class/id, when it is small next to the whole.
  for (const el of Array.from(root.querySelectorAll('[class], [id]'))) {
    if (!el.isConnected && !root.contains(el)) continue;
    const ci = classAndId(el);
    if (!ci || !FURNITURE.test(ci)) continue;
    const len = textLen(el);
    if (len > total * 0.3) continue;
    remove(el);
  }

  // 2. Captions.
  for (const el of Array.from(root.querySelectorAll('figcaption'))) remove(el);

  // 3. Stock lines: short blocks whose whole text is "Advertisement", "Read more: …", "Photo: …".
  for (const el of Array.from(root.querySelectorAll('p, div, span, h2, h3, h4, h5, h6, li, strong, em, b'))) {
    if (!root.contains(el)) continue;
    const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!t || t.length > 160) continue;
    if (STOCK_LINE.test(t)) remove(el);
  }

  // 4. Lists that are nothing but links: related stories, tag lists.
  for (const el of Array.from(root.querySelectorAll('ul, ol'))) {
    if (!root.contains(el)) continue;
    const len = textLen(el);
    if (len === 0) continue;
    if (linkTextLen(el) / len > 0.8 && len < total * 0.3) {
      const prev = el.previousElementSibling;
      if (prev && HEADING.test(prev.tagName.toLowerCase()) && textLen(prev) < 80) remove(prev);
      remove(el);
    }
  }
  return removed;
}
