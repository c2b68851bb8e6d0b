/**
 * The entity stage's fast paths against the plain ones they replace, on
 * team-written text (test/fixtures/entities, test/fixtures/sample), on the
 * corpus pages' raw HTML when ../shared is present (markup, scripts and prose:
 * every kind of character), and on random strings:
 *  - wordInfoAt(text, start, end), which finds a word met before by reading
 *    the text in place, gives the very WordInfo of wordInfo(text.slice(start, end)),
 *    also past the word cache's bound, when the cache is emptied;
 *  - scanTokens() leaves a token's norm out (null) only when it is the token's
 *    own text, with nothing to fold, the hash it works out on its way is the
 *    token's, and tokenize() gives the same tokens;
 *  - the tagger's buffers, kept from text to text up to a bound, give the same
 *    tags past it and after it;
 *  - the gazetteer's labels of a line's words, from what each word keeps of the
 *    lists (prepareWords), are those of the gazetteer's own labelling;
 *  - the document facts built word by word as the text is read
 *    (DocContextBuilder) are those of docContext() on the whole text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../cli/dom';
import { tagText } from '../../lib/entities';
import { docContext, DocContextBuilder, labelFeature, prepareWords, wordInfo, wordInfoAt } from '../../lib/entities/features';
import { gazetteer } from '../../lib/entities/gazetteer';
import { NO_HASH, scanned, scanTokens, textHash, tokenize } from '../../lib/entities/tokenize';
import { extractArticle } from '../../lib/extract';
import { splitSentences } from '../../lib/sentences';
import type { ExtractedArticle } from '../../lib/types';
import { hasShared, sharedPath } from '../support/shared';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
const texts: [string, string][] = [
  ['harbour-deal.txt', fixture('entities/harbour-deal.txt')],
  ['the sample article', (extractArticle(parseHtmlDocument(fixture('sample/article.html'))) as ExtractedArticle).text],
];
const PAGES = 'corpora/readability-pages';

/** Characters fold() changes: a token holding one needs its norm written out. */
const FOLDED = /[’‘`“”«»„–—]/;

/** Checks every token of the text on both paths; the number of tokens read in place. */
function checkText(text: string): number {
  const n = scanTokens(text);
  const start = scanned.start.slice(0, n);
  const end = scanned.end.slice(0, n);
  const norm = scanned.norm.slice(0, n);
  const hash = scanned.hash.slice(0, n);
  let inPlace = 0;
  for (let k = 0; k < n; k++) {
    if (norm[k] !== null) continue;
    inPlace++;
    const own = text.slice(start[k], end[k]);
    if (FOLDED.test(own)) throw new Error(`token ${JSON.stringify(own)} at ${start[k]} has a character to fold`);
    // The hash the scan worked out on its way, when it did, is the word's.
    if (hash[k] !== NO_HASH && hash[k] !== textHash(text, start[k], end[k])) throw new Error(`token ${JSON.stringify(own)} at ${start[k]}: wrong hash`);
    const x = k % 2 ? wordInfoAt(text, start[k], end[k], hash[k]) : wordInfoAt(text, start[k], end[k]);
    if (x !== wordInfo(own)) throw new Error(`wordInfoAt gives ${JSON.stringify(x.word)} for ${JSON.stringify(own)}`);
  }
  const tokens = tokenize(text);
  expect(tokens.length).toBe(n);
  tokens.forEach((t, k) => {
    if (t.start !== start[k] || t.end !== end[k] || t.norm !== (norm[k] ?? text.slice(t.start, t.end))) {
      throw new Error(`tokenize() and scanTokens() differ at token ${k}: ${JSON.stringify(t)}`);
    }
  });
  return inPlace;
}

describe('words read in place', () => {
  it.each(texts)('gives the same words and tokens on %s', (_, text) => {
    // Twice: the second time every word is found in the table.
    expect(checkText(text)).toBeGreaterThan(150);
    expect(checkText(text)).toBeGreaterThan(150);
  });

  it('keeps the period of listed abbreviations of any length and initials, not of longer words (read without being cut out)', () => {
    const text = 'Messrs. Abbott and J. Smithson of U.S. Steel Co. left early. Yesterday. Conclusively. Sept.';
    expect(tokenize(text).map((t) => t.norm)).toEqual([
      'Messrs.', 'Abbott', 'and', 'J.', 'Smithson', 'of', 'U.S.', 'Steel', 'Co.', 'left', 'early', '.', 'Yesterday', '.', 'Conclusively', '.', 'Sept.',
    ]);
    expect(checkText(text)).toBe(17);
  });

  it('gives the same words on random strings, new words and words met before alike', () => {
    const char = fc.constantFrom('a', 'b', 'Z', 'é', '0', '.', "'", '’', '-', ',', ' ', '\n', '“', '😀', 'İ', 'ß');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        checkText(text);
        checkText(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('still gives the same words once the word cache has been emptied to keep its bound', () => {
    // More distinct words than the cache keeps (20,000), each met twice, the second time after many others.
    const text = Array.from({ length: 45_000 }, (_, i) => `w${(i * 7919) % 30_011}x`).join(' ');
    expect(checkText(text)).toBe(45_000);
    expect(checkText(text)).toBe(45_000);
  });

  describe.skipIf(!hasShared(PAGES))('on the corpus pages’ raw HTML', () => {
    it('gives the same words and tokens', () => {
      const names = readdirSync(sharedPath(PAGES)).sort();
      let read = 0;
      // Every eighth page: some 3 MB of text of every kind.
      for (let i = 0; i < names.length; i += 8) {
        const html = readFileSync(sharedPath(PAGES, names[i], 'source.html'), 'utf8');
        read += checkText(html);
      }
      expect(read).toBeGreaterThan(100_000);
    });
  });
});

describe('the tagger over a text longer than the buffers it keeps', () => {
  it('tags every copy of a text repeated past 32,768 tokens as it tags the text alone, and the text alone the same after', () => {
    const [, one] = texts[1];
    const alone = tagText(one, splitSentences(one)).tagged;
    const tokens = alone.reduce((n, s) => n + s.tokens.length, 0);
    const copies = Math.ceil(40_000 / tokens);
    // The same words, so the same document facts: each copy's lines are tagged as the text's own.
    const long = Array.from({ length: copies }, () => one).join('\n\n');
    const tagged = tagText(long, splitSentences(long)).tagged;
    expect(tagged.length).toBe(copies * alone.length);
    for (let c = 0; c < copies; c++) {
      const shift = c * (one.length + 2);
      alone.forEach((s, i) => {
        const t = tagged[c * alone.length + i];
        expect(t.tags).toEqual(s.tags);
        expect(t.tokens.map((k) => k.start - shift)).toEqual(s.tokens.map((k) => k.start));
      });
    }
    expect(tagText(one, splitSentences(one)).tagged).toEqual(alone);
  });
});

describe('gazetteer labels kept per word', () => {
  const lines = [
    ...texts.map(([, text]) => text),
    'He flew from New York to new york City, then to the Middle East, New Zealand and New South Wales with Bank of America staff.',
    'NEW YORK — Officials in the United States, the United Kingdom and Hong Kong met John Smith of Goldman Sachs in São Paulo.',
  ];
  it.each(lines.map((t, i) => [i, t]))('gives the labels of the gazetteer’s own labelling (text %i)', (_, text) => {
    const gaz = gazetteer();
    const tagged = tagText(text as string, splitSentences(text as string)).tagged;
    const norms = tagged.map((s) => s.tokens.map((t) => t.norm));
    const doc = docContext(norms);
    let labelled = 0;
    for (const words of norms) {
      const infos = words.map((w) => wordInfo(w));
      // Twice: the second time from what the words keep.
      for (let pass = 0; pass < 2; pass++) {
        const got = prepareWords(infos, 0, infos.length, gaz, doc).slice(0, infos.length);
        const want = gaz.label(words, infos.map((x) => x.lower)).map((l) => labelFeature(l));
        expect(got).toEqual(want);
        if (pass === 0) labelled += want.filter((l) => l !== labelFeature('-')).length;
      }
    }
    expect(labelled).toBeGreaterThan(2);
  });
});

describe('the document facts built word by word', () => {
  it.each(texts)('are those of docContext() on %s', (_, text) => {
    const norms = tagText(text, splitSentences(text)).tagged.map((s) => s.tokens.map((t) => t.norm));
    const built = new DocContextBuilder();
    for (const words of norms) words.forEach((w, i) => built.add(wordInfo(w), i === 0));
    const plain = docContext(norms);
    expect([...built.lowerSeen]).toEqual([...plain.lowerSeen]);
    expect([...built.capMidSeen]).toEqual([...plain.capMidSeen]);
    expect(plain.capMidSeen.size).toBeGreaterThan(3);
    // A second document of the same words: the same sets again (each word marked per document).
    const again = new DocContextBuilder();
    for (const words of norms) words.forEach((w, i) => again.add(wordInfo(w), i === 0));
    expect([...again.lowerSeen]).toEqual([...plain.lowerSeen]);
    expect([...again.capMidSeen]).toEqual([...plain.capMidSeen]);
  });
});
