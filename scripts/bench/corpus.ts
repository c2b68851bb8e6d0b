/**
 * The documents the benchmark runs on: every Readability test page under
 * ../shared (read in place, never copied), or the bundled sample article when
 * ../shared is absent, and synthetic articles of a chosen length built from
 * their real paragraphs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtmlDocument } from '../../cli/dom';
import { PROJECT_ROOT, sharedPath } from '../../test/support/shared';

export interface BenchPage {
  name: string;
  html: string;
}

export const PAGES_DIR = sharedPath('corpora/readability-pages');
/**
 * The address every test page is read at, as Readability's own test suite
 * gives it: a page in a browser always has one, and without one Readability
 * cannot resolve the article's relative links (it tries, and fails, link by link).
 */
export const PAGE_URL = 'http://fakehost/test/page.html';
export const SAMPLE_PAGE = join(PROJECT_ROOT, 'test/fixtures/sample/article.html');

export function loadPages(): { source: string; pages: BenchPage[] } {
  if (!existsSync(PAGES_DIR)) {
    return { source: 'test/fixtures/sample/article.html (../shared absent)', pages: [{ name: 'sample', html: readFileSync(SAMPLE_PAGE, 'utf8') }] };
  }
  const pages = readdirSync(PAGES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(PAGES_DIR, d.name, 'source.html')))
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, html: readFileSync(join(PAGES_DIR, name, 'source.html'), 'utf8') }));
  return { source: '../shared/corpora/readability-pages/*/source.html', pages };
}

const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length;

/**
 * Real paragraphs to build synthetic articles from: the <p> elements of the
 * pages' article bodies (Readability's expected.html where present, else the
 * source), at least 30 words each, in a fixed order so every run builds the
 * same articles.
 */
export function realParagraphs(): string[] {
  const files = existsSync(PAGES_DIR)
    ? readdirSync(PAGES_DIR)
        .sort()
        .map((name) => [join(PAGES_DIR, name, 'expected.html'), join(PAGES_DIR, name, 'source.html')].find(existsSync))
        .filter((f): f is string => Boolean(f))
    : [SAMPLE_PAGE];
  const out: string[] = [];
  for (const file of files) {
    const doc = parseHtmlDocument(readFileSync(file, 'utf8'));
    for (const p of Array.from(doc.querySelectorAll('p'))) {
      const text = (p.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (wordCount(text) >= 30) out.push(text);
    }
  }
  return out;
}

/** Paragraphs taken in turn (cycling when the pool runs out) until `words` words. */
export function syntheticParagraphs(pool: string[], words: number): string[] {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < words; i++) {
    const p = pool[i % pool.length];
    out.push(p);
    n += wordCount(p);
  }
  return out;
}

export function syntheticText(title: string, paragraphs: string[]): string {
  return `${title}\n\n${paragraphs.join('\n\n')}`;
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A news-shaped page around the paragraphs: header, navigation, the article, a footer. */
export function syntheticHtml(title: string, paragraphs: string[]): string {
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)} | The Benchmark Gazette</title></head><body>`,
    '<header><a href="/">The Benchmark Gazette</a><nav><a href="/world">World</a> <a href="/business">Business</a> <a href="/sport">Sport</a></nav></header>',
    `<main><article><h1>${escapeHtml(title)}</h1><p class="byline">By A. Writer</p>`,
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    '</article></main><footer><p>© The Benchmark Gazette</p></footer></body></html>',
  ].join('\n');
}
