import { countVisible, isUnseen } from './visible-text';

/**
 * Page metadata beyond Readability's: a clean headline (no " | Site" suffix),
 * the site name, the language and the publication time, each with fallbacks
 * that real pages need.
 *
 * Everything is read from `PageFacts`, gathered in one go before Readability
 * runs: a selector query per meta key walks the whole document (about fifty
 * walks a page in Node's DOM, more than Readability itself on small pages), and
 * when extraction works on the document itself, Readability changes it (it
 * drops scripts and turns the <h1> into <h2>).
 */

/** `<meta>` contents by `property:KEY`, `name:KEY`, `itemprop:KEY`, `http-equiv:key` (first non-empty wins). */
export type MetaIndex = Map<string, string>;

export interface PageFacts {
  meta: MetaIndex;
  /** The <title>, spaces normalized. */
  title: string;
  /** The text of the first three <h1>. */
  h1: string[];
  /** `lang` or `xml:lang` of the root element. */
  htmlLang: string | null;
  /** The first `<time datetime>`. */
  time: string | null;
  documentURI: string;
  /** `visibleTextLength(doc, visibleCap)` (visible-text.ts) when asked for with `visibleCap`, else 0. */
  visible: number;
}

const META_KEYS = ['property', 'name', 'itemprop'] as const;

export interface PageFactsOptions {
  /** Count the page's visible text too, up to this many characters (visibleTextLength's cap): the same walk. */
  visibleCap?: number;
  /** `normalizeSpace(doc.title || '')` when the caller has it already (a search of the page's head in Node's DOM). */
  title?: string;
}

/**
 * `visit`, when given, sees every element of the page outside a <template>, in
 * document order (as querySelectorAll lists them), so a caller can read the
 * page in the same walk (extraction's readerable check does).
 */
export function pageFacts(doc: Document, visit?: (el: Element) => void, opts: PageFactsOptions = {}): PageFacts {
  const meta: MetaIndex = new Map();
  const h1: string[] = [];
  let time: string | null = null;
  const cap = opts.visibleCap ?? 0;
  let visible = 0;
  // One walk in document order finds what getElementsByTagName('meta'), ('h1')
  // and ('time') would list: three walks of the whole page in Node's DOM. Like
  // them, it compares names exactly and looks inside a <template> where the DOM
  // keeps its content in the tree (linkedom does, a browser does not). It goes
  // node by node (stepping from element to element steps over the text nodes
  // between them anyway), so it counts the visible text as it goes.
  for (const top of Array.from(doc.childNodes)) {
    if (top.nodeType !== 1) continue;
    const start = top as Element;
    // visibleTextLength reads the root element's text only, and stops at the cap: so does the count here.
    let counting = cap > 0 && start === doc.documentElement;
    let node: Node = start;
    let templates = 0;
    /** Elements entered whose text a reader does not see (visibleTextLength skips them). */
    let unseen = 0;
    for (;;) {
      const type = node.nodeType;
      if (type === 1) {
        const el = node as Element;
        const name = el.localName;
        if (visit && !templates) visit(el);
        if (name === 'meta') readMeta(el, meta);
        else if (name === 'h1') {
          if (h1.length < 3) h1.push(el.textContent ?? '');
        } else if (name === 'time' && time === null) time = el.getAttribute('datetime')?.trim() || null;
        // Into a <template> only where it lists elements as children, as stepping
        // from element to element went (happy-dom answers firstChild from its
        // content but lists no child element).
        const first = name !== 'template' || el.firstElementChild ? el.firstChild : null;
        if (first) {
          if (name === 'template') templates++;
          if (counting && el !== start && isUnseen(el)) unseen++;
          node = first;
          continue;
        }
      } else if (type === 3 && counting && !unseen) {
        visible = countVisible(node.nodeValue ?? '', visible, cap);
        // Past the cap nothing is counted: the elements entered need not be told apart any more.
        if (visible >= cap) counting = false;
      }
      // On to the next sibling, up past every last child, leaving the elements entered.
      let next: Node | null = null;
      while (node !== start) {
        next = node.nextSibling;
        if (next) break;
        node = node.parentNode!;
        if (node === start) break;
        const el = node as Element;
        if (el.localName === 'template') templates--;
        if (counting && isUnseen(el)) unseen--;
      }
      if (!next) break;
      node = next;
    }
  }
  const root = doc.documentElement;
  return {
    meta,
    title: opts.title ?? normalizeSpace(doc.title || ''),
    h1,
    htmlLang: root?.getAttribute('lang')?.trim() || root?.getAttribute('xml:lang')?.trim() || null,
    time,
    documentURI: doc.documentURI || '',
    visible,
  };
}

/** A <meta>'s content under each of its keys, the first one seen for a key kept. */
function readMeta(el: Element, meta: MetaIndex): void {
  const content = el.getAttribute('content')?.trim();
  if (!content) return;
  for (const attr of META_KEYS) {
    const key = el.getAttribute(attr);
    if (key && !meta.has(`${attr}:${key}`)) meta.set(`${attr}:${key}`, content);
  }
  const equiv = el.getAttribute('http-equiv')?.toLowerCase();
  if (equiv && !meta.has(`http-equiv:${equiv}`)) meta.set(`http-equiv:${equiv}`, content);
}

/** The first key with content, as `<meta property>`, then `name`, then `itemprop`. */
export function metaContent(meta: MetaIndex, ...keys: string[]): string | null {
  for (const key of keys) {
    for (const attr of META_KEYS) {
      const v = meta.get(`${attr}:${key}`);
      if (v) return v;
    }
  }
  return null;
}

export function normalizeSpace(s: string): string {
  return s.replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '').replace(/\s+/g, ' ').trim();
}

/** For comparing headlines: case, punctuation and spacing do not count. */
export function titleKey(s: string): string {
  return normalizeSpace(s)
    .toLowerCase()
    .replace(/[\u2018\u2019\u201C\u201D"'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** " | Site", " - Site", " – Site", " — Site", " :: Site", " · Site", " / Site". */
const SEPARATORS = /\s+(?:\||-|–|—|::|·|\/|»)\s+/g;

/**
 * Readability's title, or better a headline the page agrees on: when the
 * <title> is "Headline | Site" and the <h1> or og:title is "Headline", that.
 */
export function cleanTitle(readabilityTitle: string | null, page: PageFacts, siteName: string | null): string | null {
  const raw = page.title;
  const candidates = [metaContent(page.meta, 'og:title', 'twitter:title'), ...page.h1]
    .map((c) => normalizeSpace(c ?? ''))
    .filter((c) => c.length > 0 && c.length < 300);
  // Prefixes of the <title> cut at each separator, longest first.
  const cuts = Array.from(raw.matchAll(SEPARATORS)).map((m) => ({ at: m.index ?? 0, after: (m.index ?? 0) + m[0].length }));
  // (The candidates' keys only matter to a <title> with a separator: made only then.)
  const candidateKeys = cuts.length ? new Set(candidates.map(titleKey)) : null;
  for (let i = cuts.length - 1; i >= 0; i--) {
    const head = raw.slice(0, cuts[i].at);
    const key = titleKey(head);
    // The <title>'s own words: headings may carry permalink marks ("¶", "#").
    if (key && candidateKeys!.has(key)) return head;
  }
  // A site-name suffix we know.
  const last = cuts[cuts.length - 1];
  if (siteName && last && titleKey(raw.slice(last.after)) === titleKey(siteName)) return raw.slice(0, last.at);
  // One separator before a short tail ("Headline of several words – My website"): a site
  // suffix, unless Readability already made its own cut.
  const r = normalizeSpace(readabilityTitle ?? '');
  if (cuts.length === 1 && (!r || r === raw)) {
    const head = raw.slice(0, last.at);
    const tail = raw.slice(last.after);
    if (head.split(' ').length >= 4 && tail.split(' ').length <= 4 && !/[.!?]$/.test(tail)) return head;
  }
  const title = r || raw;
  if (title && namesNoStory(title, candidates)) return candidates.find((c) => c.split(' ').length >= 3) ?? title;
  return title || candidates[0] || null;
}

/**
 * A one- or two-word <title> that shares no word with the page's headlines is
 * a template's default (the publishing software's name, "escenic"), not the
 * story's: a headline of three words or more in og:title or an <h1> says more.
 */
function namesNoStory(title: string, candidates: string[]): boolean {
  const words = titleKey(title).split(' ').filter(Boolean);
  if (words.length === 0 || words.length > 2) return false;
  if (!candidates.some((c) => c.split(' ').length >= 3)) return false;
  return candidates.every((c) => {
    const theirs = new Set(titleKey(c).split(' '));
    return !words.some((w) => theirs.has(w));
  });
}

export function siteNameOf(page: PageFacts, readabilitySite: string | null, url?: string): string | null {
  const s = readabilitySite?.trim() || metaContent(page.meta, 'og:site_name', 'application-name', 'publisher');
  if (s) return normalizeSpace(s);
  const u = url || page.documentURI;
  // No address (a parsed file, a DOM without one): no host, and no exception thrown and caught on every page.
  if (!u) return null;
  try {
    return siteHost(new URL(u).hostname);
  } catch {
    return null;
  }
}

/**
 * A host name that can stand for the site ("nytimes.com"), or null: an address
 * (127.0.0.1, [::1]) or a name without a dot (localhost, an intranet host) names
 * a machine, and a header that shows it reads as the article's author.
 */
export function siteHost(hostname: string): string | null {
  const host = hostname.replace(/^www\./, '');
  if (!host.includes('.') || /^[\d.]+$/.test(host) || host.startsWith('[')) return null;
  return host;
}

/**
 * The site name and the byline, as a header lists them: one name once when the
 * byline is the site's own ("BBC News" by "BBC News").
 */
export function sourceNames(meta: { siteName: string | null; byline: string | null }): string[] {
  const { siteName, byline } = meta;
  if (siteName && byline && titleKey(siteName) === titleKey(byline)) return [siteName];
  return [siteName, byline].filter((x): x is string => !!x);
}

export function langOf(page: PageFacts, readabilityLang: string | null): string | null {
  const l =
    readabilityLang?.trim() ||
    page.htmlLang ||
    metaContent(page.meta, 'og:locale', 'language', 'content-language')?.replace('_', '-') ||
    page.meta.get('http-equiv:content-language');
  return l || null;
}

export function publishedTimeOf(page: PageFacts, readabilityTime: string | null): string | null {
  return (
    readabilityTime?.trim() ||
    metaContent(page.meta, 'article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'date', 'DC.date.issued') ||
    page.time ||
    null
  );
}

/**
 * The page calls itself an article: an Open Graph type of article ("article",
 * "Article"), or a publication time in its metadata or its schema.org data
 * (Readability reads that JSON-LD only for the article types, and gives its
 * datePublished as `readabilityTime`). A <time> in the page is no sign: section
 * fronts and search results date every teaser.
 */
export function declaresArticle(page: PageFacts, readabilityTime: string | null): boolean {
  if (/\barticle\b/i.test(metaContent(page.meta, 'og:type') ?? '')) return true;
  return !!(readabilityTime?.trim() || metaContent(page.meta, 'article:published_time', 'og:published_time', 'datePublished'));
}

export function bylineOf(page: PageFacts, readabilityByline: string | null): string | null {
  const b = readabilityByline?.trim() || metaContent(page.meta, 'author', 'article:author', 'byl');
  if (!b || /^https?:\/\//.test(b)) return null;
  return normalizeSpace(b).replace(/^by\s+/i, '') || null;
}
