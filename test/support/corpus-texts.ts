/**
 * The article texts of Readability's test pages (../shared, read in place) as
 * Lede extracts them at the address the bench reads them at: real text for
 * tests that compare a fast path with the plain one it replaces. Callers skip
 * with hasShared(READABILITY_PAGES) when ../shared is absent.
 */
import { parseHtmlDocument } from '../../cli/dom';
import { extractArticle } from '../../lib/extract';
import { readabilityPages } from './pages';

const PAGE_URL = 'http://fakehost/test/page.html';

let cached: { name: string; text: string }[] | null = null;

/** Each page's extracted text (pages without an article left out), extracted once per test file. */
export function corpusTexts(): { name: string; text: string }[] {
  cached ??= readabilityPages().flatMap(({ name, html }) => {
    const article = extractArticle(parseHtmlDocument(html), { ownsDocument: true, url: PAGE_URL });
    return 'text' in article && article.text ? [{ name, text: article.text }] : [];
  });
  return cached;
}
