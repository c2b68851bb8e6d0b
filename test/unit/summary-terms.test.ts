/**
 * The fast paths of key-sentence statistics give what the plain ones give:
 * words read off the whole text's lower case (sentenceWordsReader) against
 * sentenceWords on each span, and the title comparison (normalizedIs) against
 * normalized(). On the team-written fixtures (test/fixtures/summary, the
 * hostile pages in five languages) and on arbitrary strings, including the
 * characters whose lower case is not one for one (İ, Σ) and cut surrogate pairs.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../lib/sentences';
import { normalized, normalizedIs } from '../../lib/summary/normalize';
import { contentTerms, foldTerm, sentenceWords, sentenceWordsReader } from '../../lib/summary/terms';
import { lowerInPlace } from '../../lib/text/lower';
import { STOPWORDS } from '../../lib/text/stopwords';
import { readHostile } from '../fixtures/hostile/generate';
import { PROJECT_ROOT } from '../support/shared';

const pageText = (name: string) =>
  [...readHostile(name).matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1].replace(/<[^>]+>/g, '')).join('\n\n');

const texts: [string, string][] = [
  ['flood-barrier.txt', readFileSync(join(PROJECT_ROOT, 'test/fixtures/summary/flood-barrier.txt'), 'utf8')],
  ...['article-base.html', 'german.html', 'arabic.html', 'chinese.html', 'japanese.html'].map((n) => [n, pageText(n)] as [string, string]),
];

/** Characters that break naive lower-casing or word scanning, mixed into arbitrary strings. */
const tricky = fc.constantFrom('İ', 'Σ', 'ΟΔΟΣ', 'ß', 'ǅ', 'e\u0301', '😀', '𐐀', '\ud801', '\udc00', '日本語', '’s', "'", '.', '-', ' ', '\n', '2,000', '½', 'Ⅻ', 'Talks', 'U.S.');
const mixed = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), tricky), { maxLength: 40 }).map((parts) => parts.join(''));
const span = (text: string) => fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: text.length })).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);

describe('sentenceWordsReader', () => {
  it.each(texts)('%s: the same words, terms and figures as sentenceWords for every sentence', (_name, text) => {
    const read = sentenceWordsReader(text);
    const sentences = splitSentences(text);
    expect(sentences.length).toBeGreaterThan(5);
    let terms = 0;
    for (const s of sentences) {
      const words = read(s.start, s.end);
      expect(words).toEqual(sentenceWords(text, s.start, s.end));
      terms += words.terms.length;
    }
    expect(terms).toBeGreaterThan(20);
  });

  it('agrees with sentenceWords on any span of any string', () => {
    fc.assert(
      fc.property(mixed.chain((text) => fc.tuple(fc.constant(text), fc.array(span(text), { maxLength: 8 }))), ([text, spans]) => {
        const read = sentenceWordsReader(text);
        for (const [a, b] of spans) expect(read(a, b)).toEqual(sentenceWords(text, a, b));
      }),
      { seed: 20261124, numRuns: 400 },
    );
  });

  it('relies on every stop word being ASCII and shorter than 16 letters (they are told by their characters)', () => {
    for (const w of STOPWORDS) expect(/^[\x00-\x7f]{1,15}$/.test(w), w).toBe(true);
  });

  it('reads words cut by the end of a span as the span alone would', () => {
    const text = "The U.S.-led talks' end";
    const read = sentenceWordsReader(text);
    for (let end = 0; end <= text.length; end++) expect(read(0, end)).toEqual(sentenceWords(text, 0, end));
  });
});

describe('foldTerm', () => {
  /** The folding as the patterns wrote it. */
  const byPattern = (w: string) => {
    if (w.endsWith("'s")) w = w.slice(0, -2);
    if (w.length > 4 && /ies$/.test(w)) return w.slice(0, -3) + 'y';
    if (w.length > 4 && /(?:ss|sh|ch|x)es$/.test(w)) return w.slice(0, -2);
    if (w.length > 3 && /s$/.test(w) && !/(?:ss|us|is|ys)$/.test(w)) return w.slice(0, -1);
    return w;
  };

  it('folds possessives and plurals as the patterns did', () => {
    for (const w of ["hamas's", 'talks', 'parties', 'boxes', 'watches', 'wishes', 'classes', 'bus', 'crisis', 'days', 'glass', "'s", 's', 'ies', 'xies', 'aches', 'sces', 'news']) {
      expect(foldTerm(w), w).toBe(byPattern(w));
    }
    const letters = fc.constantFrom('s', 'e', 'i', 'x', 'h', 'c', 'u', 'y', "'", 'a', 'ß', '😀');
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 9 }).map((p) => p.join('')), (w) => {
        expect(foldTerm(w)).toBe(byPattern(w));
      }),
      { seed: 20261125, numRuns: 3000 },
    );
  });
});

describe('contentTerms', () => {
  it.each(texts)('%s: the terms sentenceWords gives, for every sentence on its own (as a title is read)', (_name, text) => {
    for (const s of splitSentences(text)) {
      const sentence = text.slice(s.start, s.end);
      expect(contentTerms(sentence)).toEqual(sentenceWords(sentence).terms);
    }
  });

  it('agrees with sentenceWords on any string', () => {
    fc.assert(
      fc.property(mixed, (s) => {
        expect(contentTerms(s)).toEqual(sentenceWords(s).terms);
      }),
      { seed: 20261125, numRuns: 1000 },
    );
  });
});

describe('normalized', () => {
  const byPattern = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

  it.each(texts)('%s: every sentence as lower case, non-letters and non-digits replaced by one space, trimmed', (_name, text) => {
    for (const s of splitSentences(text)) expect(normalized(text.slice(s.start, s.end))).toBe(byPattern(text.slice(s.start, s.end)));
  });

  it('agrees with the pattern on any string', () => {
    fc.assert(
      fc.property(mixed, (s) => {
        expect(normalized(s)).toBe(byPattern(s));
      }),
      { seed: 20261124, numRuns: 1000 },
    );
  });
});

describe('normalizedIs', () => {
  it.each(texts)('%s: finds exactly the sentences whose normalized form is the key', (_name, text) => {
    const lower = lowerInPlace(text);
    const sentences = splitSentences(text);
    for (const key of [normalized(text.slice(sentences[0].start, sentences[0].end)), normalized(text.slice(sentences[2].start, sentences[2].end))]) {
      const want = sentences.map((s) => normalized(text.slice(s.start, s.end)) === key);
      expect(want).toContain(true);
      expect(sentences.map((s) => normalizedIs(text, lower, s.start, s.end, key))).toEqual(want);
    }
  });

  it('agrees with normalized() on any span of any string', () => {
    fc.assert(
      fc.property(mixed.chain((text) => fc.tuple(fc.constant(text), span(text), span(text))), ([text, [a, b], [c, d]]) => {
        const lower = lowerInPlace(text);
        const key = normalized(text.slice(c, d));
        for (const k of [key, normalized(text.slice(a, b)), key + ' x', key.slice(1)]) {
          expect(normalizedIs(text, lower, a, b, k)).toBe(normalized(text.slice(a, b)) === k);
        }
      }),
      { seed: 20261124, numRuns: 400 },
    );
  });
});
