/**
 * What the key-sentence model knows of each body sentence: a row of numbers
 * named by FEATURES, all cheap to compute, in linear time over the article.
 *
 * - centrality: how many other body sentences share each of its content terms,
 *   summed over its distinct terms and divided by the square root of their
 *   number: the sentence's degree in the word-overlap graph that TextRank walks,
 *   computed from document frequencies instead of over all sentence pairs.
 *   Scaled to 0..1 per article.
 * - position: which body sentence it is (one indicator each for the first five,
 *   one for the sixth to tenth, one past the tenth), its relative place, and
 *   whether it is among the first `count` (the Lead-k pick), also weighted by
 *   how few of the article's sentences are asked for: news puts the essentials
 *   first, and the fewer sentences a summary has, the more the lede is the
 *   story. How much each weighs is learnt, not set.
 * - centrality and title share again, weighted by the share of the article
 *   asked for: a long summary is a digest of the story, a short one its lede.
 * - title share, entity and figure density, length (log of the word count, and
 *   indicators for fragments and run-ons), and form: a question, a bare
 *   quotation, a sentence that opens a paragraph.
 */
import { contentTerms, sentenceWordsReader } from './terms';
import type { Entity, Span } from '../types';

export const FEATURES = [
  'bias',
  'centrality',
  'centralityForMany',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixthToTenth',
  'pastTenth',
  'relativePosition',
  'inLeadK',
  'inLeadKForFew',
  'titleShare',
  'titleShareForMany',
  'entityDensity',
  'logWords',
  'fragment',
  'runOn',
  'question',
  'bareQuote',
  'opensParagraph',
] as const;
export type Feature = (typeof FEATURES)[number];

/** A sentence is a fragment under this many words, a run-on over the other. */
const FRAGMENT_WORDS = 6;
const RUN_ON_WORDS = 60;

export interface SentenceRows {
  /** One row per body sentence, values in FEATURES order. */
  rows: Float64Array[];
  /** Each body sentence's distinct terms, as numbers (for the near-duplicate check). */
  terms: number[][];
  /** Each body sentence's number of words, and of words holding a digit. */
  words: number[];
  figures: number[];
}

/** Whether text[start, end) ends in one of `marks` followed only by `closers`. */
export function endsWithMark(text: string, start: number, end: number, marks: string, closers: string): boolean {
  let i = end - 1;
  while (i >= start && closers.includes(text[i])) i--;
  return i >= start && marks.includes(text[i]);
}

/** Mentions per sentence, by a merge of two sorted lists: linear. */
function mentionCounts(sentences: Span[], ids: number[], entities: Entity[]): number[] {
  const starts = Float64Array.from(entities.flatMap((e) => e.mentions.map((m) => m.start))).sort();
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

/** Each sentence's distinct terms numbered across the article, and document frequencies. */
function numberTerms(termLists: string[][]): { terms: number[][]; df: number[]; numbers: Map<string, number> } {
  const numbers = new Map<string, number>();
  const df: number[] = [];
  const terms = termLists.map((list) => {
    const distinct = new Set<number>();
    for (const t of list) {
      let k = numbers.get(t);
      if (k === undefined) {
        k = df.length;
        numbers.set(t, k);
        df.push(0);
      }
      distinct.add(k);
    }
    for (const k of distinct) df[k]++;
    return [...distinct];
  });
  return { terms, df, numbers };
}

function centralities(terms: number[][], df: number[]): number[] {
  const raw = terms.map((distinct) => {
    let shared = 0;
    for (const k of distinct) shared += df[k] - 1;
    return distinct.length ? shared / Math.sqrt(distinct.length) : 0;
  });
  // A loop, not Math.max(...raw): an article of many thousand sentences would overflow the call's arguments.
  let top = 0;
  for (const c of raw) if (c > top) top = c;
  if (top === 0) top = 1;
  return raw.map((c) => c / top);
}

function opensParagraph(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n' || c === '\r') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}

export interface RowOptions {
  /** How many sentences the summary will have. */
  count: number;
  title: string | null;
  entities: Entity[];
}

export function sentenceRows(text: string, sentences: Span[], ids: number[], opts: RowOptions, lower: string | null): SentenceRows {
  const { count, title, entities } = opts;
  const few = 1 - Math.min(1, count / Math.max(1, ids.length));
  const wordsOf = sentenceWordsReader(text, lower);
  const words = ids.map((i) => wordsOf(sentences[i].start, sentences[i].end));
  const { terms, df, numbers } = numberTerms(words.map((w) => w.terms));
  const centrality = centralities(terms, df);
  const titleTerms = new Set(title ? contentTerms(title) : []);
  const titleNumbers = new Set([...titleTerms].map((t) => numbers.get(t)).filter((k) => k !== undefined));
  const mentions = mentionCounts(sentences, ids, entities);
  const rows = ids.map((i, j) => {
    const { start, end } = sentences[i];
    const n = words[j].words;
    const titleShare = titleTerms.size ? terms[j].filter((k) => titleNumbers.has(k)).length / titleTerms.size : 0;
    const values: Record<Feature, number> = {
      bias: 1,
      centrality: centrality[j],
      centralityForMany: centrality[j] * (1 - few),
      first: +(j === 0),
      second: +(j === 1),
      third: +(j === 2),
      fourth: +(j === 3),
      fifth: +(j === 4),
      sixthToTenth: +(j >= 5 && j < 10),
      pastTenth: +(j >= 10),
      relativePosition: ids.length > 1 ? j / (ids.length - 1) : 0,
      inLeadK: +(j < count),
      inLeadKForFew: +(j < count) * few,
      titleShare,
      titleShareForMany: titleShare * (1 - few),
      entityDensity: Math.min(1, (4 * (mentions[j] + words[j].figures)) / Math.max(1, n)),
      logWords: Math.log1p(n),
      fragment: +(n < FRAGMENT_WORDS),
      runOn: +(n > RUN_ON_WORDS),
      question: +endsWithMark(text, start, end, '?', `"'”’)]`),
      bareQuote: +(start < end && '"“'.includes(text[start]) && '"”'.includes(text[end - 1])),
      opensParagraph: +opensParagraph(text, start),
    };
    return Float64Array.from(FEATURES, (f) => values[f]);
  });
  return { rows, terms, words: words.map((w) => w.words), figures: words.map((w) => w.figures) };
}
