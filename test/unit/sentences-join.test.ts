/**
 * splitSentences joins the segmenter's pieces by rules (shouldJoin) that now
 * read the first character by its class and give an early answer for a long
 * word; it must cut every text exactly where the version before those fast
 * paths cut it (test/support/reference/sentences-before.ts): on the
 * team-written fixtures (test/fixtures/summary, quotes, entities; see their
 * READMEs), on every corpus page when ../shared is present, and on arbitrary
 * strings of abbreviations, initials, numbers, quotes and other scripts.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../lib/sentences';
import { corpusTexts } from '../support/corpus-texts';
import { READABILITY_PAGES } from '../support/pages';
import { splitSentences as splitBefore } from '../support/reference/sentences-before';
import { hasShared, PROJECT_ROOT } from '../support/shared';

const fixture = (f: string) => readFileSync(join(PROJECT_ROOT, 'test/fixtures', f), 'utf8');

describe('splitSentences (join rules)', () => {
  it('cuts the fixtures where the version before the fast paths cut them', () => {
    for (const f of ['summary/flood-barrier.txt', 'quotes/harbour-strike.txt', 'entities/harbour-deal.txt']) {
      const text = fixture(f);
      const ours = splitSentences(text);
      expect(ours.length).toBeGreaterThan(10);
      expect(ours).toEqual(splitBefore(text));
    }
  });

  describe.skipIf(!hasShared(READABILITY_PAGES))('on the corpus', () => {
    it('cuts every corpus page where the version before cut it', () => {
      let n = 0;
      for (const { name, text } of corpusTexts()) {
        const ours = splitSentences(text);
        n += ours.length;
        expect(ours, name).toEqual(splitBefore(text));
      }
      expect(n).toBeGreaterThan(5000);
    });
  });

  it('relies on no character having a shorter lower case (the long-word rule)', () => {
    const shorter: number[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (ch.toLowerCase().length < ch.length) shorter.push(cp);
    }
    expect(shorter).toEqual([]);
  });

  it('agrees with the version before on arbitrary strings', () => {
    const piece = fc.constantFrom(
      'Mr.', 'Dr.', 'Gen.', 'U.S.', 'U.S.A.', 'J.', 'J.K.', 'No.', 'Jan.', 'Inc.', 'etc.', 'p.m.', 'approx.', 'Messrs.', 'FT.', 'Ft.',
      'vs.', 'e.g.', 'word.', 'words.', 'sentence.', 'anniversary.', 'Extraordinarily.', 'said.', '2.', '19.', '2019.', '٣.', '１２.',
      'April', 'Jahrhundert', 'im', 'am', 'The', 'the', 'iPhone', 'He', 'officials', 'A', 'a.', 'iv.', '(3)', '1)', '10', '3.5',
      '"Why?"', '“Yes!”', 'Yahoo!', '?', '!', '...', '..', '»', '«', '(', ')', '“', '”', '’', "'", '」と', '」って', '。', '！',
      '「週末', '話した。', 'と', 'って', 'É.', 'Σ.', 'İstanbul.', '𐐀.', '\ud801.', ' ', ' ', ' ', '  ', '\t', '\u00a0', '\n',
    );
    const str = fc.array(fc.oneof({ weight: 8, arbitrary: piece }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) }), { maxLength: 40 });
    fc.assert(
      fc.property(str, fc.boolean(), (parts, spaced) => {
        const text = parts.join(spaced ? ' ' : '');
        expect(splitSentences(text)).toEqual(splitBefore(text));
      }),
      { seed: 20261125, numRuns: 3000 },
    );
  });
});
