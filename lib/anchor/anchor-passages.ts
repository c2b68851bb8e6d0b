/**
 * Finding the analysis's passages (key sentences, quotes, entity mentions) again
 * in the live page. The analysis read a clone of the page and gave offsets into
 * its article text; the page the user sees has the same words spread over text
 * nodes, links and line breaks, maybe with more around them, maybe changed since.
 *
 * The approach follows the Hypothesis client's anchoring (quote, prefix/suffix
 * context and expected position, exact before approximate), on our own
 * normalized text and index:
 *
 *  1. exact: the passage's normalized text occurs in the page's normalized text
 *     (lib/anchor/text-map.ts); the K-gram index gives every occurrence without
 *     scanning the page.
 *  2. normalized: it occurs once quotes, dashes and case are folded.
 *  3. fuzzy: it occurs with a few edits (a word changed since the analysis); the
 *     index points at a few likely windows and an edit-distance search scores them.
 *  4. none: nothing similar enough.
 *
 * Among several occurrences (a sentence repeated, a name mentioned twenty times)
 * the one whose surroundings match the article's text before and after the
 * passage wins, then the one nearest where the passage is expected: the article
 * is located in the page by unique "landmark" snippets, and passages keep their
 * distance from the nearest landmark.
 */
import type { Span } from '../types';
import { approxSearch, type ApproxMatch } from './approx';
import { buildKgramIndex, likelyAlignments, occurrences, type KgramIndex } from './kgram-index';
import { fold, normalizeText } from './normalize';
import { buildTextMap, rangeOf, type TextMap } from './text-map';

export type AnchorMethod = 'exact' | 'normalized' | 'fuzzy' | 'none';

export interface AnchorResult {
  /** The passage in the live page, or null when it is not there. */
  range: Range | null;
  method: AnchorMethod;
  /** Similarity of the page text to the passage: 1 for exact and normalized matches, below 1 for fuzzy, 0 for none. */
  score: number;
}

/** Where a passage lies in the page's text map (map.text offsets), before it becomes a Range. */
export interface Located {
  /** Offsets in map.text; -1 when not found. */
  start: number;
  end: number;
  method: AnchorMethod;
  score: number;
}

export interface Anchorer {
  /** The page text the anchorer searches (reuse it only while the page is unchanged). */
  readonly map: TextMap;
  /** Anchors passages given as spans of the article text; results in the order of `passages`. */
  anchor(passages: readonly Span[]): AnchorResult[];
  /** The matching alone: where each passage lies in map.text (anchor() turns these into Ranges). */
  locate(passages: readonly Span[]): Located[];
}

/** Characters of article context compared on each side of a passage. */
const CONTEXT = 32;
/** Passages shorter than this are only matched exactly: a few edits would make a short one anything. */
const MIN_FUZZY = 12;
/** Longer passages are matched approximately by their head and tail. */
const LONG = 1024;
const HEAD = 256;
/** Characters around the expected position searched approximately. */
const EXPECTED_WINDOW = 512;
/** Snippets of the article looked up to locate it in the page. */
const LANDMARK_LENGTH = 40;
const LANDMARKS = 128;
/** Passages shorter than this are looked up with a little of their context first (names, short quotes). */
const SHORT = 24;
const SHORT_CONTEXT = 8;

/** Hypothesis's weights: the passage itself first, its context next, position to break ties. */
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 5;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;
/** Distance (characters) from the expected position at which the position score halves. */
const POSITION_SCALE = 512;

function none(): AnchorResult {
  return { range: null, method: 'none', score: 0 };
}

function notFound(): Located {
  return { start: -1, end: -1, method: 'none', score: 0 };
}

interface Landmark {
  /** Offset in the normalized article. */
  a: number;
  /** Offset in the page text. */
  q: number;
}

interface Candidate {
  start: number;
  end: number;
  /** Similarity of the matched text to the passage, 0..1. */
  quote: number;
  score: number;
}

/** Landmarks in article order whose page positions also increase (longest such run), so one stray match cannot mislead. */
function monotonic(all: Landmark[]): Landmark[] {
  all.sort((x, y) => x.a - y.a || x.q - y.q);
  // One landmark per article offset, then the longest run of increasing page offsets.
  const marks = all.filter((m, i) => i === 0 || all[i - 1].a !== m.a);
  const tails: number[] = []; // tails[k]: the mark ending the best run of length k + 1
  const prev = new Int32Array(marks.length).fill(-1);
  for (let i = 0; i < marks.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (marks[tails[mid]].q < marks[i].q) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const out: Landmark[] = [];
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) out.push(marks[i]);
  return out.reverse();
}

class PageAnchorer implements Anchorer {
  readonly map: TextMap;
  /** The page text folded (same offsets as map.text). */
  private readonly page: string;
  private readonly index: KgramIndex;
  /** The article normalized as the page is (raw) and folded. */
  private readonly articleRaw: string;
  private readonly article: string;
  private readonly toNorm: Int32Array;
  private readonly articleLength: number;
  private readonly landmarks: Landmark[];

  constructor(source: Node | TextMap, articleText: string) {
    this.map = 'runStart' in source ? source : buildTextMap(source);
    this.page = fold(this.map.text);
    this.index = buildKgramIndex(this.page);
    const norm = normalizeText(articleText);
    this.articleRaw = norm.text;
    this.article = fold(norm.text);
    this.toNorm = norm.toNorm;
    this.articleLength = articleText.length;
    this.landmarks = monotonic(this.findLandmarks());
  }

  /** Snippets spread over the article that occur exactly once in the page. */
  private findLandmarks(): Landmark[] {
    const a = this.article;
    const marks: Landmark[] = [];
    if (a.length < LANDMARK_LENGTH) return marks;
    const step = Math.max(LANDMARK_LENGTH, Math.ceil(a.length / LANDMARKS));
    for (let p = 0; p + LANDMARK_LENGTH <= a.length; p += step) {
      const found = occurrences(this.index, a.slice(p, p + LANDMARK_LENGTH));
      if (found.length === 1) marks.push({ a: p, q: found[0] });
    }
    return marks;
  }

  anchor(passages: readonly Span[]): AnchorResult[] {
    return this.locate(passages).map((l) => {
      const range = l.method === 'none' ? null : rangeOf(this.map, l.start, l.end);
      return range ? { range, method: l.method, score: l.score } : none();
    });
  }

  locate(passages: readonly Span[]): Located[] {
    const spans = passages.map((p) => this.normalizedSpan(p));
    const found = spans.map((s) => (s ? this.exactOccurrences(s.start, s.end) : []));
    // Passages found exactly once locate the article further, for the others.
    const marks = [...this.landmarks];
    spans.forEach((s, i) => {
      if (s && found[i].length === 1 && s.end - s.start >= SHORT) marks.push({ a: s.start, q: found[i][0] });
    });
    const landmarks = marks.length > this.landmarks.length ? monotonic(marks) : this.landmarks;
    return spans.map((s, i) => (s ? this.locateOne(s.start, s.end, found[i], landmarks) : notFound()));
  }

  /** An article span → the same passage in the normalized article, without spaces at its ends; null if empty. */
  private normalizedSpan(span: Span): Span | null {
    if (!span || !Number.isFinite(span.start) || !Number.isFinite(span.end)) return null;
    const s = Math.max(0, Math.min(this.articleLength, Math.floor(span.start)));
    const e = Math.max(0, Math.min(this.articleLength, Math.floor(span.end)));
    let start = this.toNorm[s];
    let end = this.toNorm[e];
    while (start < end && this.article.charCodeAt(start) === 0x20) start++;
    while (end > start && this.article.charCodeAt(end - 1) === 0x20) end--;
    return start < end ? { start, end } : null;
  }

  /** Page positions where the folded passage occurs. A short one is first looked up with a little context around it. */
  private exactOccurrences(start: number, end: number): number[] {
    const needle = this.article.slice(start, end);
    if (needle.length < SHORT) {
      const from = Math.max(0, start - SHORT_CONTEXT);
      const to = Math.min(this.article.length, end + SHORT_CONTEXT);
      if (from < start || to > end) {
        const withContext = occurrences(this.index, this.article.slice(from, to));
        if (withContext.length) return withContext.map((q) => q + (start - from));
      }
    }
    return occurrences(this.index, needle);
  }

  private locateOne(start: number, end: number, found: number[], landmarks: Landmark[]): Located {
    const length = end - start;
    const expected = this.expectedAt(start, landmarks);
    let best: Candidate | null = null;
    for (const q of found) {
      const c = this.candidate(start, end, { start: q, end: q + length, errors: 0 }, expected);
      if (!best || c.score > best.score) best = c;
    }
    if (best) {
      return { start: best.start, end: best.end, method: this.rawEqual(start, end, best.start) ? 'exact' : 'normalized', score: 1 };
    }
    if (length < MIN_FUZZY) return notFound();
    const fuzzy = this.fuzzy(start, end, expected);
    if (!fuzzy) return notFound();
    return { start: fuzzy.start, end: fuzzy.end, method: 'fuzzy', score: Math.round(fuzzy.quote * 1000) / 1000 };
  }

  /** Where in the page the article offset `a` should be: measured from the nearest landmark before it (or after). */
  private expectedAt(a: number, landmarks: Landmark[]): number | null {
    if (!landmarks.length) {
      return this.article.length ? Math.round((a / this.article.length) * this.page.length) : null;
    }
    let lo = 0;
    let hi = landmarks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (landmarks[mid].a <= a) lo = mid + 1;
      else hi = mid;
    }
    const mark = landmarks[Math.max(0, lo - 1)];
    return Math.max(0, mark.q + (a - mark.a));
  }

  private candidate(start: number, end: number, m: ApproxMatch, expected: number | null): Candidate {
    const quote = 1 - m.errors / (end - start);
    const prefix = this.contextScore(start, m.start, -1);
    const suffix = this.contextScore(end, m.end, 1);
    const position = expected === null ? 0.5 : 1 / (1 + Math.abs(m.start - expected) / POSITION_SCALE);
    const score =
      (QUOTE_WEIGHT * quote + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix + POSITION_WEIGHT * position) / TOTAL_WEIGHT;
    return { start: m.start, end: m.end, quote, score };
  }

  /**
   * How far the article's text before (dir -1) or after (dir 1) the passage
   * goes on matching the page's text around the candidate, 0..1. No context in
   * the article (its first or last passage) counts as a full match.
   */
  private contextScore(articleAt: number, pageAt: number, dir: -1 | 1): number {
    const a = this.article;
    const p = this.page;
    const available = dir < 0 ? articleAt : a.length - articleAt;
    const span = Math.min(CONTEXT, available);
    if (span === 0) return 1;
    let k = 0;
    if (dir < 0) while (k < span && pageAt - 1 - k >= 0 && a.charCodeAt(articleAt - 1 - k) === p.charCodeAt(pageAt - 1 - k)) k++;
    else while (k < span && a.charCodeAt(articleAt + k) === p.charCodeAt(pageAt + k)) k++;
    return k / span;
  }

  /** True when the page has the passage's characters unfolded too (only whitespace kinds may differ). */
  private rawEqual(start: number, end: number, q: number): boolean {
    const raw = this.map.text;
    const a = this.articleRaw;
    for (let i = 0; i < end - start; i++) {
      const x = a.charCodeAt(start + i);
      const y = raw.charCodeAt(q + i);
      if (x !== y && !(x === 0x20 && y === 0x0a)) return false;
    }
    return true;
  }

  private fuzzy(start: number, end: number, expected: number | null): Candidate | null {
    const length = end - start;
    if (length > LONG) return this.fuzzyLong(start, end, expected);
    // Short passages must be nearly intact; longer ones may have a word or two changed.
    const minQuote = length < 40 ? 0.85 : 0.75;
    const maxErrors = Math.floor(length * (1 - minQuote));
    const needle = this.article.slice(start, end);
    let best: Candidate | null = null;
    for (const [lo, hi] of this.windows(needle, expected, maxErrors)) {
      const m = approxSearch(needle, this.page, lo, hi, maxErrors);
      if (!m) continue;
      const c = this.candidate(start, end, m, expected);
      if (c.quote >= minQuote && (!best || c.score > best.score)) best = c;
    }
    return best;
  }

  /** Page windows worth an approximate search: around the expected position and where the passage's rarer K-grams point. */
  private windows(needle: string, expected: number | null, maxErrors: number): Array<[number, number]> {
    const slack = maxErrors + 32;
    const out: Array<[number, number]> = [];
    if (expected !== null) out.push([expected - EXPECTED_WINDOW, expected + needle.length + EXPECTED_WINDOW]);
    for (const at of likelyAlignments(this.index, needle)) {
      const w: [number, number] = [at - slack, at + needle.length + slack];
      // Already covered by the window around the expected position.
      if (out.length && expected !== null && w[0] >= out[0][0] && w[1] <= out[0][1]) continue;
      out.push(w);
    }
    return out;
  }

  /** A long passage: its head and its tail found approximately, the tail about a passage's length after the head. */
  private fuzzyLong(start: number, end: number, expected: number | null): Candidate | null {
    const length = end - start;
    const head = this.fuzzy(start, start + HEAD, expected);
    if (!head) return null;
    const tailNeedle = this.article.slice(end - HEAD, end);
    const maxErrors = Math.floor(HEAD * 0.25);
    const lo = head.start + Math.floor(length * 0.75) - HEAD;
    const hi = head.start + Math.ceil(length * 1.25);
    const tail = approxSearch(tailNeedle, this.page, lo, hi, maxErrors);
    if (!tail) return null;
    const headErrors = (1 - head.quote) * HEAD;
    return this.candidate(start, end, { start: head.start, end: tail.end, errors: ((headErrors + tail.errors) / (2 * HEAD)) * length }, expected);
  }
}

/** An anchorer over the page under `root` (or an already built text map) for one article text: build once, anchor many. */
export function createAnchorer(root: Node | TextMap, articleText: string): Anchorer {
  return new PageAnchorer(root, articleText);
}

/**
 * Finds each passage (a span of `articleText`) in the live page under `root`.
 * The page is read once per call, however many passages.
 */
export function anchorPassages(root: Node, articleText: string, passages: readonly Span[]): AnchorResult[] {
  if (!passages.length) return [];
  return createAnchorer(root, articleText).anchor(passages);
}
