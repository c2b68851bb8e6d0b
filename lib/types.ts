/**
 * The shapes that cross module and context boundaries. Everything here is plain,
 * JSON-serializable data: an `Analysis` travels from the content script to the
 * popup as a message and from the CLI to stdout as one JSON line.
 *
 * Offsets are JavaScript string indices (UTF-16 code units) into `Analysis.text`,
 * half-open: `text.slice(start, end)`.
 */

export interface Span {
  start: number;
  end: number;
}

export type EntityType = 'person' | 'organization' | 'place';

export interface Entity {
  /** One canonical name per referent ("United States" for US / U.S. / the United States). */
  name: string;
  type: EntityType;
  /** Every place the referent is named, in text order. */
  mentions: Span[];
  /** mentions.length, kept for consumers that sort and display. */
  count: number;
  /** Distinct surface forms seen for this referent, canonical name first. */
  aliases: string[];
}

export interface Quote extends Span {
  /** The quoted words only, without the quotation marks. Equal to text.slice(start, end). */
  text: string;
  /**
   * The whole statement the quote belongs to, marks included: for a partial quote
   * the reported clause carrying it (`said Brazile’s actions were “unethical”` →
   * `Brazile’s actions were “unethical”`); for a quote split by its attribution or
   * running over several paragraphs, every piece (they share the span). Contains start..end.
   */
  span: Span;
  /** Canonical name of the speaker entity, or a name found at the cue; null when unknown. */
  speaker: string | null;
  /** Where the speaker is named for this quote (the name or the resolved pronoun), or null. */
  speakerMention: Span | null;
}

export interface SummarySentence {
  /** Index into Analysis.sentences. */
  sentence: number;
  score: number;
}

export interface Stats {
  words: number;
  readingMinutes: number;
}

/** What a page says about its article, beside the text. */
export interface ArticleMeta {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  publishedTime: string | null;
}

export interface Analysis extends ArticleMeta {
  text: string;
  sentences: Span[];
  summary: SummarySentence[];
  entities: Entity[];
  quotes: Quote[];
  stats: Stats;
  /** Set when the input was longer than the analysis limit and only its first part was read. */
  truncated: { originalChars: number; analyzedChars: number } | null;
  /** Set when part of the reading was held back on purpose (see `AnalysisLimits`); absent when nothing was. */
  limits?: AnalysisLimits;
  timingMs: TimingMs;
}

/** What Lede deliberately did not fully do for this text, and why. */
export interface AnalysisLimits {
  /**
   * 'language': the text is not English, the only language the entity model
   * knows, so only names the name lists vouch for are kept (often none).
   */
  entities?: 'language';
  /** Parts of the page or file left out before reading, because it was over Lede's budget. */
  page?: PageLimits;
}

/**
 * What of an oversized input was not read (each set only when it applied; the
 * numbers are the budgets, lib/extract/budget.ts and cli/html-budget.ts).
 */
export interface PageLimits {
  /** The file was longer: only its first this many bytes were read (CLI). */
  fileBytes?: number;
  /** The HTML was longer: only its first this many characters were parsed (CLI). */
  htmlChars?: number;
  /** The page had more elements: only its first this many were read. */
  elements?: number;
  /** The page was nested deeper: what lay below this many levels was read as flat text. */
  depth?: number;
}

export interface TimingMs {
  extract: number;
  sentences: number;
  summary: number;
  entities: number;
  quotes: number;
  total: number;
}

/** Why a page has no article to read. The UI turns each into a sentence. */
export type NoArticleReason =
  | 'empty' // nothing readable at all
  | 'not-readerable' // navigation, search results, forms, apps: no main text
  | 'too-short'; // some text, but too little to be an article

export interface NoArticle {
  ok: false;
  reason: NoArticleReason;
  /** A human sentence saying why. */
  message: string;
  title: string | null;
}

export type AnalyzeResult = ({ ok: true } & Analysis) | NoArticle;

/** What article extraction hands to the analysis. */
export interface ExtractedArticle extends ArticleMeta {
  /** Plain text, paragraphs separated by "\n\n", headings and list items on their own lines. */
  text: string;
  /**
   * Spans of `text` that are not body prose: the headline, a deck/standfirst,
   * captions, bylines, datelines. The summary never picks a sentence inside one.
   */
  nonBody: Span[];
  /** Set when extraction read only part of the page (over budget), and what it left out. */
  pageLimits?: PageLimits;
}

export interface AnalyzeOptions {
  /** Number of key sentences; 'auto' (default) chooses from the article's length. */
  sentences?: number | 'auto';
  /** The page's URL, used for site name and relative metadata. */
  url?: string;
  /** Analyze at most this many characters of text (default 2,000,000). */
  maxChars?: number;
  /** Clock for timings; defaults to performance.now when present. */
  now?: () => number;
  /**
   * The Document given is the caller's to discard (the CLI's own parse of a file):
   * extraction runs Readability on it without cloning it first. Never for a live page.
   */
  ownsDocument?: boolean;
  /** What the caller left out of the input before handing it over (the CLI's cut of a huge file); the reading says so. */
  inputLimits?: PageLimits;
}
