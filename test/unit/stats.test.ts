/**
 * Word counts and chunked segmentation (lib/stats.ts, lib/segment.ts) on the
 * team-written hostile fixtures: the fast count agrees with Intl.Segmenter,
 * and segmenting in chunks gives the segmenter's own segments.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentInChunks } from '../../lib/segment';
import { countWords, FIRST_UNSPACED, textStats, UNSPACED as STATS_UNSPACED } from '../../lib/stats';
import { corpusTexts } from '../support/corpus-texts';
import { READABILITY_PAGES } from '../support/pages';
import { hasShared } from '../support/shared';
import { readHostile } from '../fixtures/hostile/generate';

const pageText = (name: string) =>
  [...readHostile(name).matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1].replace(/<[^>]+>/g, '')).join('\n\n');

const segmenterCount = (text: string) => {
  let n = 0;
  for (const s of new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text)) if (s.isWordLike) n++;
  return n;
};

describe('countWords', () => {
  it.each(['article-base.html', 'german.html', 'arabic.html', 'chinese.html', 'japanese.html'])(
    '%s: within 3% of Intl.Segmenter',
    (name) => {
      const text = pageText(name);
      const ours = countWords(text);
      const icu = segmenterCount(text);
      expect(icu).toBeGreaterThan(200);
      expect(Math.abs(ours - icu) / icu).toBeLessThan(0.03);
    },
  );

  it('reading time: by words for spaced scripts, by characters for Chinese', () => {
    expect(textStats(pageText('german.html')).readingMinutes).toBe(1);
    expect(textStats('').readingMinutes).toBe(0);
    const zh = pageText('chinese.html').repeat(10);
    expect(textStats(zh).readingMinutes).toBe(Math.round(zh.match(/[\u4e00-\u9fff]/g)!.length / 500));
  });

  it('stays linear: 300,000 words in well under a second and a half', () => {
    const text = pageText('article-base.html');
    const big = Array.from({ length: Math.ceil(300_000 / countWords(text)) }, () => text).join('\n\n');
    const t = performance.now();
    expect(countWords(big)).toBeGreaterThanOrEqual(300_000);
    expect(performance.now() - t).toBeLessThan(1_500);
  });
});

/**
 * What countWords implements by scanning characters: the matches of this pattern,
 * each a word unless it holds an unspaced script, then the segmenter's words in it.
 */
const WORD_RUN = /[\p{L}\p{M}\p{N}]+(?:(?:['’.\-]|(?<=\p{N}),(?=\p{N}))[\p{L}\p{M}\p{N}]+)*/gu;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const byPattern = (text: string) =>
  [...text.matchAll(WORD_RUN)].reduce((n, m) => n + (UNSPACED.test(m[0]) ? segmenterCount(m[0]) : 1), 0);

describe('countWords by character class', () => {
  it.each(['article-base.html', 'german.html', 'arabic.html', 'chinese.html', 'japanese.html'])('%s: the count the pattern gives', (name) => {
    const text = pageText(name);
    expect(countWords(text)).toBe(byPattern(text));
  });

  it('joins words by apostrophes, dots and hyphens, and digits by commas only', () => {
    const s = "don't e-mail U.S. staff 2,000 times, a,b a,1 3,x ’90s";
    expect(countWords(s)).toBe(byPattern(s));
    expect(countWords('2,000 a,b x,9')).toBe(5);
  });

  it('needs the segmenter only for a word with a character from FIRST_UNSPACED on', () => {
    for (let c = 0; c < FIRST_UNSPACED; c++) expect(STATS_UNSPACED.test(String.fromCharCode(c))).toBe(false);
    expect(STATS_UNSPACED.test(String.fromCharCode(FIRST_UNSPACED + 1))).toBe(true); // ก
  });

  describe.skipIf(!hasShared(READABILITY_PAGES))('on the corpus', () => {
    it('counts the words of every corpus page as the pattern does', () => {
      let words = 0;
      for (const { name, text } of corpusTexts()) {
        const n = countWords(text);
        words += n;
        expect(n, name).toBe(byPattern(text));
      }
      expect(words).toBeGreaterThan(100_000);
    });
  });

  it('agrees with the pattern on any string', () => {
    const tricky = fc.constantFrom('e\u0301', '\u0301', '😀', '𝟙', '\ud801', '\udc00', '日本', 'กข', "'", '’', '.', '-', ',', '2,0', 'a,1', ' ', 'İ', '٣', '½');
    const str = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), tricky), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(str, (s) => {
        expect(countWords(s)).toBe(byPattern(s));
      }),
      { seed: 20261124, numRuns: 1000 },
    );
  });
});

describe('segmentInChunks', () => {
  it('gives the segments of the whole text, with indices into it', () => {
    const word = new Intl.Segmenter('en', { granularity: 'word' });
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3_000 }), fc.integer({ min: 8, max: 600 }), (text, chunk) => {
        const segs = [...segmentInChunks(word, text, chunk)];
        expect(segs.map((s) => s.segment).join('')).toBe(text);
        for (const s of segs) expect(text.slice(s.index, s.index + s.segment.length)).toBe(s.segment);
      }),
      { seed: 20260314, numRuns: 100 },
    );
  });

  it('matches one whole-text segmentation on real prose', () => {
    for (const [name, granularity] of [['article-base.html', 'word'], ['japanese.html', 'sentence'], ['arabic.html', 'word']] as const) {
      const text = pageText(name);
      const seg = new Intl.Segmenter(undefined, { granularity });
      const whole = [...seg.segment(text)].map((s) => `${s.index}:${s.segment}`);
      expect([...segmentInChunks(seg, text, 300)].map((s) => `${s.index}:${s.segment}`)).toEqual(whole);
    }
  });
});
