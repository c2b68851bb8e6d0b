/**
 * Page metadata beyond Readability's: a clean headline (no " | Site" suffix),
 * the site name, the language and the publication time, each with fallbacks
 * that real pages need.
 */

export function metaContent(doc: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    const el =
      doc.querySelector(`meta[property="${key}"]`) ??
      doc.querySelector(`meta[name="${key}"]`) ??
      doc.querySelector(`meta[itemprop="${key}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
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
const SEPARATOR = /\s+(?:\||-|–|—|::|·|\/|»)\s+/;

/**
 * Readability's title, or better a headline the page agrees on: when the
 * <title> is "Headline | Site" and the <h1> or og:title is "Headline", that.
 */
export function cleanTitle(readabilityTitle: string | null, doc: Document, siteName: string | null): string | null {
  const raw = normalizeSpace(doc.title || '');
  const candidates = [
    metaContent(doc, 'og:title', 'twitter:title'),
    ...Array.from(doc.querySelectorAll('h1'))
      .slice(0, 3)
      .map((h) => h.textContent ?? ''),
  ]
    .map((c) => normalizeSpace(c ?? ''))
    .filter((c) => c.length > 0 && c.length < 300);
  const candidateKeys = new Set(candidates.map(titleKey));

  // Prefixes of the <title> cut at each separator, longest first.
  const cuts = Array.from(raw.matchAll(new RegExp(SEPARATOR.source, 'g'))).map((m) => ({ at: m.index ?? 0, after: (m.index ?? 0) + m[0].length }));
  for (let i = cuts.length - 1; i >= 0; i--) {
    const head = raw.slice(0, cuts[i].at);
    const key = titleKey(head);
    // The <title>'s own words: headings may carry permalink marks ("¶", "#").
    if (key && candidateKeys.has(key)) return head;
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
  if (r) return r;
  return raw || candidates[0] || null;
}

export function siteNameOf(doc: Document, readabilitySite: string | null, url?: string): string | null {
  const s = readabilitySite?.trim() || metaContent(doc, 'og:site_name', 'application-name', 'publisher');
  if (s) return normalizeSpace(s);
  const u = url || doc.documentURI || '';
  try {
    const host = new URL(u).hostname.replace(/^www\./, '');
    return host || null;
  } catch {
    return null;
  }
}

export function langOf(doc: Document, readabilityLang: string | null): string | null {
  const l =
    readabilityLang?.trim() ||
    doc.documentElement?.getAttribute('lang')?.trim() ||
    doc.documentElement?.getAttribute('xml:lang')?.trim() ||
    metaContent(doc, 'og:locale', 'language', 'content-language')?.replace('_', '-') ||
    doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content')?.trim();
  return l || null;
}

export function publishedTimeOf(doc: Document, readabilityTime: string | null): string | null {
  return (
    readabilityTime?.trim() ||
    metaContent(doc, 'article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'date', 'DC.date.issued') ||
    doc.querySelector('time[datetime]')?.getAttribute('datetime')?.trim() ||
    null
  );
}

export function bylineOf(doc: Document, readabilityByline: string | null): string | null {
  const b = readabilityByline?.trim() || metaContent(doc, 'author', 'article:author', 'byl');
  if (!b || /^https?:\/\//.test(b)) return null;
  return normalizeSpace(b).replace(/^by\s+/i, '') || null;
}
