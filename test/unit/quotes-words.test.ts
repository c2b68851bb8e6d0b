/**
 * wordsIn (lib/quotes/names.ts) scans words by character class instead of
 * matching a pattern; it must give exactly what the pattern gave on the slice:
 * checked against that pattern on the team-written quotes fixture
 * (test/fixtures/quotes, see its README) and on arbitrary strings with marks,
 * dots, apostrophes, surrogate pairs cut or whole, and bounds past either end.
 * colonBefore (lib/quotes/speakers.ts) reads back what a pattern found at
 * the end of a window, checked against it the same ways.
 * wordFacts tells what the list would (how many words, whether one has a
 * letter, their keys' length) without making it: checked the same ways.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wordFacts, wordsIn } from '../../lib/quotes/names';
import { colonBefore } from '../../lib/quotes/speakers';
import { PROJECT_ROOT } from '../support/shared';

/** The pattern wordsIn implements, run the way it used to be. */
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}'’.\-]*[\p{L}\p{M}\p{N}.])?/gu;
function byPattern(text: string, from: number, to: number) {
  return [...text.slice(from, to).matchAll(WORD)].map((m) => ({
    text: m[0],
    key: m[0].endsWith('.') ? m[0].slice(0, -1) : m[0],
    start: from + m.index,
    end: from + m.index + m[0].length,
  }));
}

const text = readFileSync(join(PROJECT_ROOT, 'test/fixtures/quotes/harbour-strike.txt'), 'utf8');

describe('wordsIn', () => {
  it('reads the words of every window of a real article as the pattern does', () => {
    const words = wordsIn(text, 0, text.length);
    expect(words.length).toBeGreaterThan(200);
    expect(words).toEqual(byPattern(text, 0, text.length));
    for (let from = 0; from < text.length; from += 37) expect(wordsIn(text, from, from + 160)).toEqual(byPattern(text, from, from + 160));
  });

  it('keeps initials, abbreviations and inner apostrophes, drops a trailing apostrophe or hyphen', () => {
    const s = "Sen. J.K. O’Brien-Smith’s team- said the U.S. players’ union’";
    expect(wordsIn(s, 0, s.length).map((w) => w.text)).toEqual(['Sen.', 'J.K.', 'O’Brien-Smith’s', 'team', 'said', 'the', 'U.S.', 'players', 'union']);
  });

  it('agrees with the pattern on any window of any string', () => {
    const tricky = fc.constantFrom('e\u0301', '\u0301', '😀', '𐐀', '\ud801', '\udc00', '日本', "'", '’', '.', '-', ' ', 'İ', '٣', 'A.', "don't");
    const str = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), tricky), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(str, fc.integer({ min: -8, max: 80 }), fc.integer({ min: -8, max: 90 }), (s, from, to) => {
        expect(wordsIn(s, from, to)).toEqual(byPattern(s, from, to));
      }),
      { seed: 20261124, numRuns: 1000 },
    );
  });
});

describe('wordFacts', () => {
  const fromList = (s: string, from: number, to: number) => {
    const words = wordsIn(s, from, to);
    return { count: words.length, letter: words.some((w) => /\p{L}/u.test(w.key)), keyChars: words.map((w) => w.key).join('').length };
  };
  const facts = (s: string, from: number, to: number) => wordFacts(s, from, to, { count: 0, letter: false, keyChars: 0 });

  it('tells of every window of a real article what the list of its words does', () => {
    expect(facts(text, 0, text.length).count).toBeGreaterThan(200);
    for (let from = 0; from < text.length; from += 23) {
      const to = Math.min(text.length, from + 90);
      expect(facts(text, from, to)).toEqual(fromList(text, from, to));
    }
  });

  it('agrees with the list on any window of any string', () => {
    const tricky = fc.constantFrom('e\u0301', '\u0301', '😀', '𐐀', '\ud801', '\udc00', '日本', "'", '’', '.', '-', ' ', 'İ', '٣', '12.', 'A.', "don't", '1,000');
    const str = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), tricky), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(str, fc.nat(), fc.nat(), (s, a, b) => {
        const from = Math.min(a, b) % (s.length + 1);
        const to = Math.min(s.length, from + (Math.max(a, b) % 40));
        expect(facts(s, from, to)).toEqual(fromList(s, from, to));
      }),
      { seed: 20261125, numRuns: 2000 },
    );
  });
});

describe('colonBefore', () => {
  const byPattern = (s: string, from: number, to: number) => /[\p{L}\p{N})]\s*:\s*$/u.test(s.slice(from, to));

  it('finds a colon ending every window of a real article as the pattern does', () => {
    let found = 0;
    for (let to = 0; to <= text.length; to++) {
      const from = Math.max(0, to - 250);
      expect(colonBefore(text, from, to)).toBe(byPattern(text, from, to));
      if (byPattern(text, from, to)) found++;
    }
    expect(found).toBeGreaterThan(0);
  });

  it('agrees with the pattern on any window of any string', () => {
    const tricky = fc.constantFrom(':', ' :', ': ', ')', '(', '𐐀', '𝟙', '\ud801', '\udc00', '\u00a0', '\n', '\u2003', 'a', '3', '.', '"', '“', 'é');
    const str = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 3 }), tricky), { maxLength: 20 }).map((p) => p.join(''));
    fc.assert(
      fc.property(str, fc.nat(), fc.nat(), (s, a, b) => {
        const from = Math.min(a, b) % (s.length + 1);
        const to = from + (Math.max(a, b) % (s.length - from + 1));
        expect(colonBefore(s, from, to)).toBe(byPattern(s, from, to));
      }),
      { seed: 20261125, numRuns: 3000 },
    );
  });
});
