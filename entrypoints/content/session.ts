/**
 * What the content script remembers between popup opens on one page: the
 * extracted article and its analysis. A second click reuses them, and a new
 * summary length recomputes only the key sentences, so it is instant.
 */
import { analyze } from '@/lib/analyze';
import { articleFromVisibleText } from '@/lib/extract/plain-text';
import { readArticle } from '@/lib/frames';
import { autoSummaryLength, keySentences } from '@/lib/summarize';
import type { SummaryLength, TextSource } from '@/lib/messages';
import type { Analysis, AnalyzeResult, ExtractedArticle, NoArticle, Span } from '@/lib/types';

export interface PageReader {
  document: Document;
  /** The page's current URL: single-page sites change it without reloading the content script. */
  url(): string;
  /** The user's current selection as text (window.getSelection()). */
  selectionText(): string;
  /** The page's visible text (body.innerText). */
  visibleText(): string;
  now(): number;
}

export interface Reading {
  source: TextSource;
  result: AnalyzeResult;
  /** Spans of the text that are not body prose, kept for re-summarizing. */
  nonBody: Span[];
  /** The document the article was read from when not the page itself (a same-origin frame): highlights go there. */
  document?: Document;
}

export interface ReadOutcome {
  reading: Reading;
  analyzeMs: number;
  cached: boolean;
}

const MIN_TEXT_CHARS = 40;

function textArticle(doc: Document, text: string): ExtractedArticle {
  return {
    title: doc.title.trim() || null,
    byline: null,
    siteName: null,
    lang: doc.documentElement.getAttribute('lang'),
    publishedTime: null,
    text,
    nonBody: [],
  };
}

function noText(source: TextSource, title: string | null): NoArticle {
  return source === 'selection'
    ? { ok: false, reason: 'empty', message: 'Select some text on the page first, then try again.', title }
    : { ok: false, reason: 'empty', message: 'This page has no visible text to read.', title };
}

/** Key sentences for a new length, exactly as analyze() chooses them, on the cached analysis. */
export function resummarize(analysis: Analysis, nonBody: Span[], sentences: SummaryLength): Analysis {
  const limit = analysis.text.length;
  const clipped = nonBody.filter((s) => s.start < limit).map((s) => ({ start: s.start, end: Math.min(s.end, limit) }));
  const count =
    sentences === 'auto' ? autoSummaryLength(analysis.text, analysis.sentences, clipped) : sentences;
  const summary = keySentences(analysis.text, analysis.sentences, {
    count,
    title: analysis.title,
    nonBody: clipped,
    entities: analysis.entities,
  });
  return { ...analysis, summary };
}

export class ReadingSession {
  private readonly cache = new Map<TextSource, Reading>();
  private cachedUrl: string | null = null;
  current: Reading | null = null;

  constructor(private readonly page: PageReader) {}

  /**
   * Reads the page (or reuses the cached reading) with the given summary length.
   * The selection is read afresh each time: it is what the user just chose.
   */
  read(source: TextSource, sentences: SummaryLength): ReadOutcome {
    const url = this.page.url();
    if (url !== this.cachedUrl) {
      // Another article in the same document (a single-page site navigated): read afresh.
      this.cache.clear();
      this.current = null;
      this.cachedUrl = url;
    }
    let cachedReading = source === 'selection' ? undefined : this.cache.get(source);
    // Read from a frame that has since navigated or gone: its document has no window any more.
    if (cachedReading?.document && !cachedReading.document.defaultView) cachedReading = undefined;
    if (cachedReading) {
      const t0 = this.page.now();
      const reading = this.withLength(cachedReading, sentences);
      return { reading, analyzeMs: this.page.now() - t0, cached: true };
    }
    const t0 = this.page.now();
    const reading = this.analyzeSource(source, sentences);
    const analyzeMs = this.page.now() - t0;
    this.cache.set(source, reading);
    this.current = reading;
    return { reading, analyzeMs, cached: false };
  }

  /** New summary length for the current reading; null when nothing has been read yet. */
  setSentences(sentences: SummaryLength): Reading | null {
    return this.current ? this.withLength(this.current, sentences) : null;
  }

  private withLength(reading: Reading, sentences: SummaryLength): Reading {
    const next: Reading = reading.result.ok
      ? { ...reading, result: { ok: true, ...resummarize(reading.result, reading.nonBody, sentences) } }
      : reading;
    this.cache.set(reading.source, next);
    this.current = next;
    return next;
  }

  private analyzeSource(source: TextSource, sentences: SummaryLength): Reading {
    const doc = this.page.document;
    if (source === 'article') {
      const t0 = this.page.now();
      // The page itself (open shadow roots included), else its largest same-origin frame with an article.
      const { article, document: from } = readArticle(doc, { url: this.page.url() });
      const frame = from === doc ? {} : { document: from };
      const extractMs = this.page.now() - t0;
      if ('ok' in article && article.ok === false) return { source, result: article, nonBody: [] };
      const extracted = article as ExtractedArticle;
      const result = analyze(extracted, { sentences, url: this.page.url(), now: () => this.page.now() });
      // analyze() was handed the extracted article: add the extraction time it did not see.
      if (result.ok) {
        result.timingMs = { ...result.timingMs, extract: extractMs, total: result.timingMs.total + extractMs };
      }
      return { source, result, nonBody: extracted.nonBody, ...frame };
    }
    const text = (source === 'selection' ? this.page.selectionText() : this.page.visibleText()).trim();
    const title = doc.title.trim() || null;
    if (text.length < MIN_TEXT_CHARS) return { source, result: noText(source, title), nonBody: [] };
    // The whole visible text holds the page's furniture (sign-in boxes, footers): it is marked so no key sentence comes from it.
    const article =
      source === 'visible' ? articleFromVisibleText(text, { title, lang: doc.documentElement.getAttribute('lang') }) : textArticle(doc, text);
    const result = analyze(article, { sentences, url: this.page.url(), now: () => this.page.now() });
    return { source, result, nonBody: article.nonBody };
  }
}
