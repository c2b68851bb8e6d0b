import { Readability } from '@mozilla/readability';
import type { ExtractedArticle, NoArticle } from './types';

// Placeholder extraction: replaced by the full extractor.
export function extractArticle(doc: Document, _opts: { url?: string } = {}): ExtractedArticle | NoArticle {
  const clone = doc.cloneNode(true) as Document;
  const parsed = new Readability(clone, { serializer: (el: Node) => el }).parse();
  const root = parsed?.content as unknown as Element | undefined;
  const text = (root?.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (!parsed || text.length < 200) {
    return { ok: false, reason: 'not-readerable', message: 'No article found on this page.', title: doc.title || null };
  }
  return {
    title: parsed.title || null,
    byline: parsed.byline || null,
    siteName: parsed.siteName || null,
    lang: parsed.lang || null,
    publishedTime: parsed.publishedTime || null,
    text,
    nonBody: [],
  };
}

export function articleFromText(text: string): ExtractedArticle {
  const first = text.split('\n').find((l) => l.trim()) ?? '';
  return { title: first.trim() || null, byline: null, siteName: null, lang: null, publishedTime: null, text, nonBody: [] };
}
