/**
 * lib/text/sentence-breaks.ts cuts sentences by Unicode's rules instead of
 * asking Intl.Segmenter; it must cut exactly where the segmenter does. Checked
 * on every line of the team-written fixtures (test/fixtures/summary, quotes,
 * entities, and the hostile article; see their READMEs), on every string of up
 * to four characters drawn from one character of each class, and on arbitrary
 * strings of the characters it knows. splitSentences is checked to give the
 * segmenter's cuts where these apply (test/unit/sentences.test.ts has its own
 * behaviour).
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sentenceEnds } from '../../lib/text/sentence-breaks';
import { readHostile } from '../fixtures/hostile/generate';
import { PROJECT_ROOT } from '../support/shared';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const bySegmenter = (s: string) => [...segmenter.segment(s)].map((x) => x.index + x.segment.length);
const ours = (s: string) => {
  const out: number[] = [];
  return sentenceEnds(s, 0, s.length, out) ? out : null;
};

const fixture = (f: string) => readFileSync(join(PROJECT_ROOT, 'test/fixtures', f), 'utf8');
const article = [...readHostile('article-base.html').matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1].replace(/<[^>]+>/g, '')).join('\n');
const lines = [fixture('summary/flood-barrier.txt'), fixture('quotes/harbour-strike.txt'), fixture('entities/harbour-deal.txt'), article]
  .join('\n')
  .split(/\r\n|[\n\r\u2028\u2029\u0085]/)
  .filter(Boolean);

/** One character of each class the rules tell apart, and some of the others. */
const CLASS_SAMPLES = ['a', 'A', '0', '.', '?', '!', '"', ')', '’', ',', '—', ' ', '\t', '#', '£', '…', 'é', 'É'];

describe('sentenceEnds', () => {
  it('cuts every line of real prose where the segmenter cuts it', () => {
    let read = 0;
    for (const line of lines) {
      const ends = ours(line);
      if (ends === null) continue;
      read++;
      expect(ends).toEqual(bySegmenter(line));
    }
    // Nearly all of them are made of characters it knows.
    expect(read).toBeGreaterThan(lines.length * 0.9);
    expect(read).toBeGreaterThan(30);
  });

  it('agrees with the segmenter on every string of up to four sample characters', () => {
    let strings = [''];
    for (let len = 1; len <= 4; len++) {
      strings = strings.flatMap((s) => CLASS_SAMPLES.map((c) => s + c));
      for (const s of strings) expect(ours(s)).toEqual(bySegmenter(s));
    }
  });

  it('agrees with the segmenter on arbitrary strings of the characters it knows', () => {
    const pieces = fc.constantFrom(...CLASS_SAMPLES, 'word', 'Word', 'U.S.', 'etc.', 'Mr.', '3.5', '...', '."', '?”', '!)', '(1999)', '«', '»', '–', '{', 'ß', 'ÿ', 'Ø', '[', ';', ':', '-', "'");
    fc.assert(
      fc.property(fc.array(pieces, { minLength: 1, maxLength: 24 }), (parts) => {
        const s = parts.join('');
        expect(ours(s)).toEqual(bySegmenter(s));
      }),
      { seed: 20261124, numRuns: 3000 },
    );
  });

  it('reads a window of a longer text, with ends in the whole text', () => {
    const text = '>>Hello there. How are you? Fine.<<';
    const out: number[] = [];
    expect(sentenceEnds(text, 2, text.length - 2, out)).toBe(true);
    expect(out).toEqual(bySegmenter(text.slice(2, -2)).map((e) => e + 2));
  });

  it('leaves text with other characters to the segmenter', () => {
    for (const s of ['Price: 5 ₹.', 'Łódź. Next', 'A line\nbreak.', 'Emoji 😀. Then', 'soft\u00adhyphen. Then', 'No\u00a0break. Then']) expect(ours(s)).toBeNull();
  });
});
