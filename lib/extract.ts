/**
 * Article extraction: a page (Document) or a plain text in, the article's
 * text and metadata out, or a typed "no article" with a reason. Pure: works on
 * a clone of the document, never the live page, and runs in the content script
 * and in Node alike.
 *
 * Readability finds the main content (run for its text:
 * lib/extract/text-readability.ts); lib/extract/boilerplate.ts removes what it
 * keeps but a reader skips; lib/extract/dom-text.ts turns the rest into
 * paragraphs of plain text; lib/extract/no-article.ts decides when a page is
 * not an article.
 */
import type { ExtractedArticle, NoArticle, PageLimits } from './types';
import { boundedCopy, measurePage, overBudget, pageLimitsOf } from './extract/budget';
import { pageLimitNotes } from './limits';
import { removeBoilerplate } from './extract/boilerplate';
import { ElementIndex } from './extract/element-index';
import { elementText } from './extract/dom-text';
import { markNonBody } from './extract/non-body';
import { bylineOf, cleanTitle, declaresArticle, langOf, normalizeSpace, pageFacts, publishedTimeOf, siteNameOf } from './extract/metadata';
import { ReaderableScore } from './extract/readerable';
import {
  FRAMES_MESSAGE,
  isFramesOnly,
  judgeText,
  noArticle,
  plainTextPre,
} from './extract/no-article';
import { articleFromText } from './extract/plain-text';
import { teaserShape } from './extract/teaser-list';
import { TextReadability } from './extract/text-readability';

export { articleFromText };

const UNREADABLE_MESSAGE = "Lede could not read this page's structure (it may be nested too deeply or malformed).";

export interface ExtractOptions {
  /** The page's URL: the site name falls back to its host. */
  url?: string;
  /**
   * The caller hands over a document nobody reads after this (the CLI's own parse
   * of a file, a composed copy of a page): Readability may change it, so no clone
   * is made. Never set for a live page.
   */
  ownsDocument?: boolean;
}

export function extractArticle(doc: Document, opts: ExtractOptions = {}): ExtractedArticle | NoArticle {
  if (!doc.documentElement) return noArticle('empty', null);
  let pageTitle: string | null = null;
  let limits: PageLimits | undefined;
  try {
    pageTitle = normalizeSpace(doc.title || '') || null;
    // The budget first, before any walk that grows with the page: a page over it is read from a bounded
    // copy (lib/extract/budget.ts), and the reading says what was left out.
    const measure = measurePage(doc);
    if (overBudget(measure)) {
      doc = boundedCopy(doc, measure);
      opts = { ...opts, ownsDocument: true };
      limits = pageLimitsOf(measure);
    }
    return withPageLimits(extractFrom(doc, pageTitle, opts), limits);
  } catch {
    // A DOM too broken to read is not an article; the caller gets a reason, not an exception.
    return withPageLimits(noArticle('not-readerable', pageTitle, UNREADABLE_MESSAGE), limits);
  }
}

/** The article carries what was left out; a "no article" says it in its message. */
function withPageLimits(r: ExtractedArticle | NoArticle, limits: PageLimits | undefined): ExtractedArticle | NoArticle {
  if (!limits) return r;
  if ('ok' in r && r.ok === false) return { ...r, message: [r.message, ...pageLimitNotes(limits)].join(' ') };
  return { ...(r as ExtractedArticle), pageLimits: limits };
}

function extractFrom(doc: Document, pageTitle: string | null, opts: ExtractOptions): ExtractedArticle | NoArticle {
  if (!doc.body && !doc.querySelector('frameset')) return noArticle('empty', pageTitle);
  // Read before Readability runs: it changes the document it is given. The
  // walk that gathers the page's facts also feeds Readability's own readerable
  // check (the library's answer, lib/extract/readerable.ts) and counts the
  // visible text: only "under 50", "none" and "under 400" matter below, so the
  // count stops there.
  let readerable: boolean | null = null;
  const score = new ReaderableScore();
  const page = pageFacts(
    doc,
    (el) => {
      if (readerable !== null || score.done) return;
      try {
        score.visit(el);
      } catch {
        readerable = true; // a DOM Readability's check cannot read: let the text decide
      }
    },
    { visibleCap: 400, title: pageTitle ?? '' },
  );
  const visible = page.visible;
  // A page of frames has next to no text of its own: only then is it worth looking for them.
  if (visible < 50 && isFramesOnly(doc)) return noArticle('not-readerable', pageTitle, FRAMES_MESSAGE);

  // A .txt file opened in the browser: its text is the article, as is.
  const pre = plainTextPre(doc);
  if (pre) {
    const fromText = articleFromText(pre.textContent ?? '');
    const reason = judgeText(fromText.text, { density: 0, readerable: true });
    if (reason) return noArticle(reason, fromText.title ?? pageTitle);
    return { ...fromText, lang: langOf(page, null) };
  }

  if (visible === 0) return noArticle('empty', pageTitle);

  if (readerable === null) {
    try {
      readerable = score.answer();
    } catch {
      readerable = true;
    }
  }
  // Readability changes the document it reads: a live page is cloned, a document the caller gave away is not.
  const clone = opts.ownsDocument ? doc : (doc.cloneNode(true) as Document);
  let parsed: ReturnType<TextReadability['parse']> = null;
  try {
    parsed = new TextReadability(clone).parse();
  } catch {
    // Readability recurses per level, and refuses a page of more than MAX_ELEMENTS elements; the budget
    // above keeps both from happening, this is the last line.
    return noArticle('not-readerable', pageTitle, UNREADABLE_MESSAGE);
  }
  const root = parsed?.content as Element | null | undefined;
  if (!parsed || !root) {
    return noArticle(visible < 400 ? 'too-short' : 'not-readerable', pageTitle);
  }

  const siteName = siteNameOf(page, parsed.siteName ?? null, opts.url);
  const title = cleanTitle(parsed.title ?? null, page, siteName);
  // One walk of the content serves the link density and boilerplate removal.
  const index = new ElementIndex(root);
  const density = index.linkDensity;

  const removed = removeBoilerplate(root, opts.url || doc.documentURI, index);
  const nonBodyEls = markNonBody(root, { title, pageTitle });
  const { text, nonBody } = elementText(root, nonBodyEls, index);

  const declared = declaresArticle(page, parsed.publishedTime ?? null);
  const reason = judgeText(text, { density, readerable, teasers: teaserShape(root, index), declared });
  if (reason) return noArticle(reason, title ?? pageTitle);

  return {
    title,
    byline: bylineOf(page, parsed.byline ?? null) ?? removed.byline,
    siteName,
    lang: langOf(page, parsed.lang ?? null),
    publishedTime: publishedTimeOf(page, parsed.publishedTime ?? null),
    text,
    nonBody,
  };
}
