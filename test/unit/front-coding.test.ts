import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeWords, encodeWords } from '../../lib/entities/front-coding';
import { decodeGazetteer, encodeGazetteer, gazetteer, type CodedGazetteerLists } from '../../lib/entities/gazetteer';
import { PROJECT_ROOT } from '../support/shared';

const committed = JSON.parse(readFileSync(join(PROJECT_ROOT, 'lib/entities/gazetteer.json'), 'utf8')) as CodedGazetteerLists;

describe('front coding of word lists', () => {
  it('writes each word as the length it shares with the one before and the rest', () => {
    expect(encodeWords(['Aada', 'Aadhya', 'Aarav', 'Abba'])).toBe('0Aada|3hya|2rav|1bba');
    expect(decodeWords('0Aada|3hya|2rav|1bba')).toEqual(['Aada', 'Aadhya', 'Aarav', 'Abba']);
  });

  it('keeps words that start with a digit, share more than nine characters, or are empty', () => {
    const words = ['20th century fox', '23andme', '49ers', 'international', 'internationale', 'internationally', '', 'x'];
    expect(decodeWords(encodeWords(words))).toEqual(words);
    expect(decodeWords(encodeWords([]))).toEqual([]);
  });

  it('refuses a word holding the separator rather than writing a list it cannot read back', () => {
    expect(() => encodeWords(['AT|T'])).toThrow(/cannot be front-coded/);
  });

  it('reads back any list of words', () => {
    const word = fc.string({ unit: 'grapheme', maxLength: 20 }).filter((w) => !w.includes('|'));
    fc.assert(fc.property(fc.array(word, { maxLength: 40 }), (words) => {
      const sorted = [...words].sort();
      expect(decodeWords(encodeWords(words))).toEqual(words);
      expect(decodeWords(encodeWords(sorted))).toEqual(sorted);
    }));
  });
});

describe('the committed gazetteer', () => {
  const lists = decodeGazetteer(committed);

  it('decodes to sorted lists of names that encode back to the same text', () => {
    expect(encodeGazetteer(lists)).toEqual(committed);
    for (const [name, words] of Object.entries(lists) as [string, string[]][]) {
      expect(words.length, name).toBeGreaterThan(100);
      expect(words.every((w, i) => i === 0 || words[i - 1] < w), `${name} sorted`).toBe(true);
    }
    expect(lists.first).toContain('Aaron');
    expect(lists.country).toContain('Albania');
    expect(lists.org).toContain('20th century fox');
  });

  it('labels the names it holds, single words and phrases', () => {
    const words = ['Aaron', 'flew', 'from', 'Albania', 'to', 'the', 'Middle', 'East'];
    expect(gazetteer().label(words, words.map((w) => w.toLowerCase()))).toEqual(['first', '-', '-', 'country', '-', '-', 'Bcountry', 'Icountry']);
  });
});
