/**
 * Key sentences: an extractive summary of `count` body sentences, returned in
 * document order with their scores.
 *
 * A sentence's score is its centrality, adjusted by a few priors:
 *
 * - centrality: how many other body sentences share each of its content terms,
 *   summed over its distinct terms and divided by the square root of their
 *   number. That is the sentence's degree in the word-overlap graph that
 *   TextRank walks, computed from document frequencies in linear time instead
 *   of over all sentence pairs; the square root lets longer, information-rich
 *   sentences win without letting length alone decide. Scaled to 0..1 per article.
 * - lead: news puts the essentials first, so early body sentences get a bonus
 *   that fades with position.
 * - title: sharing terms with the headline.
 * - entities and numbers: named people, organizations, places and figures.
 * - length and form: fragments, very long run-ons, questions and bare quotes
 *   (no attribution) are discounted.
 *
 * Never picked: a sentence inside a nonBody span (headline, deck, caption,
 * byline), the title itself, or a line without final punctuation (a headline or
 * label) while punctuated sentences remain. Near-duplicates of a picked
 * sentence (a repeated lead or deck) are skipped.
 *
 * The weights were tuned on the BBC News Summary development set
 * (scripts/eval/summary.ts); see that script for the figures.
 */
import { contentTerms, sentenceWordsReader } from './summary/terms';
import { normalized, normalizedIs } from './summary/normalize';
import { lowerInPlace } from './text/lower';
import type { Entity, Span, SummarySentence } from './types';

export interface KeySentenceOptions {
  count: number;
  title: string | null;
  nonBody: Span[];
  entities: Entity[];
}

export interface SummaryWeights {
  /** Bonus for the first body sentence; the bonus for sentence j is lead / (1 + j / leadDecay). */
  lead: number;
  leadDecay: number;
  /** Bonus for the share of title terms a sentence contains. */
  title: number;
  /** Bonus per entity mention or figure, relative to the sentence's words, capped. */
  entities: number;
  /** Sentences shorter than this many words are discounted in proportion. */
  minWords: number;
  /** Sentences longer than this many words are discounted by sqrt(maxWords / words). */
  maxWords: number;
  /** Multipliers for a question and for a sentence that is only a quotation. */
  question: number;
  bareQuote: number;
  /** Jaccard similarity of term sets above which a sentence counts as a duplicate of a picked one. */
  duplicate: number;
}

export const DEFAULT_WEIGHTS: SummaryWeights = {
  lead: 0.1,
  leadDecay: 2,
  title: 0.05,
  entities: 0.05,
  minWords: 6,
  maxWords: 60,
  question: 0.8,
  bareQuote: 0.9,
  duplicate: 0.6,
};

/**
 * Final punctuation, then closing quotes or brackets: what `/[.!?。！？…]["'”’»)\]]*$/`
 * matches, checked from the end of the span without slicing it out.
 */
const FINAL_PUNCT = '.!?。！？…';
const FINAL_CLOSERS = `"'”’»)]`;
/** A question: `/\?["'”’)\]]*$/`. */
const QUESTION = '?';
const CLOSERS = `"'”’)]`;
/** A bare quote opens with `/^["“]/` and closes with `/["”]$/`. */
const QUOTE_OPENERS = '"“';
const QUOTE_CLOSERS = '"”';

/** Whether text[start, end) ends in one of `marks` followed only by `closers`. */
function endsWithMark(text: string, start: number, end: number, marks: string, closers: string): boolean {
  let i = end - 1;
  while (i >= start && closers.includes(text[i])) i--;
  return i >= start && marks.includes(text[i]);
}

/** The number of key sentences for an article of this length: 3 for short ones, up to 7. */
export function autoSummaryLength(_text: string, sentences: Span[], nonBody: Span[]): number {
  const body = bodyIndices(sentences, nonBody).length;
  if (body <= 3) return body;
  return Math.min(7, 3 + Math.floor(Math.max(0, body - 10) / 15));
}

/** Indices of the sentences not inside any nonBody span (both lists sorted by start). */
function bodyIndices(sentences: Span[], nonBody: Span[]): number[] {
  const spans = [...nonBody].sort((a, b) => a.start - b.start);
  const out: number[] = [];
  let k = 0;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    while (k < spans.length && spans[k].end <= s.start) k++;
    // A sentence counts as nonBody when most of it lies inside a nonBody span.
    let inside = 0;
    for (let m = k; m < spans.length && spans[m].start < s.end; m++) {
      inside += Math.min(s.end, spans[m].end) - Math.max(s.start, spans[m].start);
    }
    if (inside * 2 < s.end - s.start) out.push(i);
  }
  return out;
}

/**
 * A deck (standfirst) the extraction did not mark: a line of its own directly
 * under a copy of the title, with no blank line between (a lead paragraph is
 * set apart by a blank line).
 */
function isDeckUnderTitle(text: string, sentences: Span[], i: number, isTitle: (i: number) => boolean): boolean {
  if (!isTitle(i - 1)) return false;
  const gap = text.slice(sentences[i - 1].end, sentences[i].start);
  if (!/^[ \t]*(?:\r\n|\n|\r)[ \t]*$/.test(gap)) return false;
  const next = sentences[i + 1];
  return !next || /[\r\n]/.test(text.slice(sentences[i].end, next.start));
}

/** Mentions per sentence, by a merge of two sorted lists: linear. */
function mentionCounts(sentences: Span[], ids: number[], entities: Entity[]): number[] {
  let n = 0;
  for (const e of entities) n += e.mentions.length;
  // A typed array sorts numbers without a comparator.
  const starts = new Float64Array(n);
  n = 0;
  for (const e of entities) for (const m of e.mentions) starts[n++] = m.start;
  starts.sort();
  const out = new Array<number>(ids.length).fill(0);
  let k = 0;
  ids.forEach((i, j) => {
    const s = sentences[i];
    while (k < starts.length && starts[k] < s.start) k++;
    while (k < starts.length && starts[k] < s.end) {
      out[j]++;
      k++;
    }
  });
  return out;
}

/** Jaccard similarity of two sentences' distinct terms (a list and a set of the same numbers). */
function jaccard(a: number[], b: Set<number>): number {
  if (a.length === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.length + b.size - shared);
}

export function keySentences(
  text: string,
  sentences: Span[],
  opts: KeySentenceOptions,
  weights: SummaryWeights = DEFAULT_WEIGHTS,
): SummarySentence[] {
  const count = Math.max(0, Math.floor(opts.count));
  if (count === 0 || sentences.length === 0) return [];
  const titleKey = opts.title ? normalized(opts.title) : null;
  const lower = lowerInPlace(text);
  const isTitle = (i: number) => titleKey !== null && i >= 0 && normalizedIs(text, lower, sentences[i].start, sentences[i].end, titleKey);
  const ids = bodyIndices(sentences, opts.nonBody).filter((i) => !isTitle(i) && !isDeckUnderTitle(text, sentences, i, isTitle));
  if (ids.length === 0) return [];

  // Each distinct term of the article gets a number: a sentence's distinct terms
  // become a list of numbers (in the order they first occur) and document
  // frequencies an array, instead of a set and a map of strings per article.
  const wordsOf = sentenceWordsReader(text, lower);
  const termNumbers = new Map<string, number>();
  const df: number[] = [];
  const lastSentence: number[] = [];
  const words = ids.map((i) => wordsOf(sentences[i].start, sentences[i].end));
  const terms = words.map((w, j) => {
    const distinct: number[] = [];
    for (const t of w.terms) {
      let k = termNumbers.get(t);
      if (k === undefined) {
        k = df.length;
        termNumbers.set(t, k);
        df.push(0);
        lastSentence.push(-1);
      }
      if (lastSentence[k] === j) continue;
      lastSentence[k] = j;
      distinct.push(k);
      df[k]++;
    }
    return distinct;
  });

  const centrality = terms.map((distinct) => {
    let shared = 0;
    for (const k of distinct) shared += df[k] - 1;
    return distinct.length ? shared / Math.sqrt(distinct.length) : 0;
  });
  let top = 0;
  for (const c of centrality) if (c > top) top = c;
  if (top === 0) top = 1;
  const titleTerms = opts.title ? new Set(contentTerms(opts.title)) : new Set<string>();
  const inTitle = new Uint8Array(df.length);
  for (const t of titleTerms) {
    const k = termNumbers.get(t);
    if (k !== undefined) inTitle[k] = 1;
  }
  const mentions = mentionCounts(sentences, ids, opts.entities);

  const scores = ids.map((i, j) => {
    const { start, end } = sentences[i];
    const { words: n, figures } = words[j];
    let titleShare = 0;
    if (titleTerms.size) {
      for (const k of terms[j]) titleShare += inTitle[k];
      titleShare /= titleTerms.size;
    }
    let score =
      centrality[j] / top +
      weights.lead / (1 + j / weights.leadDecay) +
      weights.title * titleShare +
      weights.entities * Math.min(1, (4 * (mentions[j] + figures)) / Math.max(1, n));
    if (n < weights.minWords) score *= n / weights.minWords;
    if (n > weights.maxWords) score *= Math.sqrt(weights.maxWords / n);
    if (endsWithMark(text, start, end, QUESTION, CLOSERS)) score *= weights.question;
    if (start < end && QUOTE_OPENERS.includes(text[start]) && QUOTE_CLOSERS.includes(text[end - 1])) score *= weights.bareQuote;
    return score;
  });

  // Lines without final punctuation (headlines, labels, list stubs) only when
  // there are not enough proper sentences.
  const punctuated = ids.map((i) => endsWithMark(text, sentences[i].start, sentences[i].end, FINAL_PUNCT, FINAL_CLOSERS));
  const enough = punctuated.filter(Boolean).length >= count;
  const order = ids
    .map((_, j) => j)
    .filter((j) => punctuated[j] || !enough)
    .sort((a, b) => scores[b] - scores[a] || a - b);

  const picked: number[] = [];
  const seen = new Set<string>();
  for (const j of order) {
    if (picked.length >= count) break;
    const key = normalized(text.slice(sentences[ids[j]].start, sentences[ids[j]].end));
    if (seen.has(key)) continue;
    const candidate = new Set(terms[j]);
    if (picked.some((p) => jaccard(terms[p], candidate) > weights.duplicate)) continue;
    seen.add(key);
    picked.push(j);
  }
  return picked
    .sort((a, b) => a - b)
    .map((j) => ({ sentence: ids[j], score: Math.round(scores[j] * 1000) / 1000 }));
}
