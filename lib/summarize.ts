/**
 * Key sentences: an extractive summary of `count` body sentences, returned in
 * document order with their scores.
 *
 * Each body sentence is described by the features of summary/features.ts
 * (centrality, position, title share, entity density, length, form) and scored
 * by a logistic model over them (summary/model.ts, weights in model.json), learnt by
 * `npm run train:summary` from the tuning parts of the CNN/DailyMail and BBC
 * News Summary development sets: how much the lede's position weighs against
 * centrality is what the data says, not a hand-set bonus. A sentence's score is
 * the model's probability that it belongs in the summary.
 *
 * Never picked: a sentence inside a nonBody span (headline, deck, caption,
 * byline), the title itself, or a line without final punctuation (a headline or
 * label) while punctuated sentences remain. Near-duplicates of a picked
 * sentence (a repeated lead or deck) are skipped.
 */
import { normalized, normalizedIs } from './summary/normalize';
import { endsWithMark, sentenceRows } from './summary/features';
import { SUMMARY_MODEL, type SummaryModel } from './summary/model';
import { lowerInPlace } from './text/lower';
import type { Entity, Span, SummarySentence } from './types';

export interface KeySentenceOptions {
  count: number;
  title: string | null;
  nonBody: Span[];
  entities: Entity[];
}

/** Jaccard similarity of term sets above which a sentence counts as a duplicate of a picked one. */
const DUPLICATE = 0.6;
/** A key sentence has at least this many words (while enough sentences do). */
const MIN_WORDS = 4;
const FINAL_PUNCT = '.!?。！？…';
const FINAL_CLOSERS = `"'”’»)]`;

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

/** Jaccard similarity of two sentences' distinct terms (a list and a set of the same numbers). */
function jaccard(a: number[], b: Set<number>): number {
  if (a.length === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.length + b.size - shared);
}

/** The model's probability for each row: the logistic function of its weighted sum. */
function probabilities(rows: Float64Array[], model: SummaryModel): number[] {
  return rows.map((row) => {
    let z = 0;
    for (let f = 0; f < row.length; f++) z += model.weights[f] * row[f];
    return 1 / (1 + Math.exp(-z));
  });
}

export interface SummaryCandidates {
  /** Indices of the sentences that may be picked. */
  ids: number[];
  /** Their feature rows, distinct terms and word counts (summary/features.ts). */
  rows: Float64Array[];
  terms: number[][];
  words: number[];
  figures: number[];
}

/** The body sentences that may be picked, with what the model reads of each. */
export function summaryCandidates(text: string, sentences: Span[], opts: KeySentenceOptions): SummaryCandidates {
  const titleKey = opts.title ? normalized(opts.title) : null;
  const lower = lowerInPlace(text);
  const isTitle = (i: number) => titleKey !== null && i >= 0 && normalizedIs(text, lower, sentences[i].start, sentences[i].end, titleKey);
  const ids = bodyIndices(sentences, opts.nonBody).filter((i) => !isTitle(i) && !isDeckUnderTitle(text, sentences, i, isTitle));
  return { ids, ...sentenceRows(text, sentences, ids, opts, lower) };
}

export function keySentences(text: string, sentences: Span[], opts: KeySentenceOptions, model: SummaryModel = SUMMARY_MODEL): SummarySentence[] {
  const count = Math.max(0, Math.floor(opts.count));
  if (count === 0 || sentences.length === 0) return [];
  const { ids, rows, terms, words, figures } = summaryCandidates(text, sentences, opts);
  if (ids.length === 0) return [];
  const scores = probabilities(rows, model);

  // Lines without final punctuation (headlines, labels, list stubs), and
  // scraps of a few words or mostly figures (a byline, a timestamp run into the
  // text: "By .", "14:11 EST, 25 October 2013 ."), only when there are not
  // enough proper sentences.
  const proper = ids.map(
    (i, j) =>
      endsWithMark(text, sentences[i].start, sentences[i].end, FINAL_PUNCT, FINAL_CLOSERS) &&
      words[j] >= MIN_WORDS &&
      figures[j] * 2 < words[j],
  );
  const enough = proper.filter(Boolean).length >= count;
  const order = ids
    .map((_, j) => j)
    .filter((j) => proper[j] || !enough)
    .sort((a, b) => scores[b] - scores[a] || a - b);

  const picked: number[] = [];
  const seen = new Set<string>();
  for (const j of order) {
    if (picked.length >= count) break;
    const key = normalized(text.slice(sentences[ids[j]].start, sentences[ids[j]].end));
    if (seen.has(key)) continue;
    const candidate = new Set(terms[j]);
    if (picked.some((p) => jaccard(terms[p], candidate) > DUPLICATE)) continue;
    seen.add(key);
    picked.push(j);
  }
  return picked
    .sort((a, b) => a - b)
    .map((j) => ({ sentence: ids[j], score: Math.round(scores[j] * 1000) / 1000 }));
}
