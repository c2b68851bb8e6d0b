/**
 * languageEvidence() counts with a character scan what its first version counted
 * with three regular expressions (kept here as the reference): letters and Latin
 * characters by code point, words as /\p{L}+(?:['’]\p{L}+)*​/ in the lower-cased
 * sample. On the team-written pages in English, German, Chinese, Japanese and
 * Arabic (test/fixtures/sample, test/fixtures/hostile) and on lines of the
 * characters where a scan could go wrong: letters outside the BMP, lone
 * surrogates, Latin characters that are not letters (Roman numerals), letters
 * whose lower case is longer (İ, with which the words are read in a lower-cased
 * copy) or depends on what follows (Σ), apostrophes inside and after words.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../cli/dom';
import { extractArticle } from '../../lib/extract';
import { languageEvidence, type LanguageEvidence } from '../../lib/language';
import type { ExtractedArticle } from '../../lib/types';
import { readHostile } from '../fixtures/hostile/generate';

/** The function words' lists as language.ts holds them, read through its results: the reference counts words the same way. */
function reference(text: string, isEnglish: (w: string) => boolean, isOther: (w: string) => boolean): LanguageEvidence {
  const sample = text.length > 6_000 ? text.slice(0, 6_000) : text;
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  const words = sample.toLowerCase().match(/\p{L}+(?:['’]\p{L}+)*/gu) ?? [];
  const english = words.filter(isEnglish).length;
  const other = words.filter((w) => !isEnglish(w) && isOther(w)).length;
  return {
    letters,
    latin: letters ? latin / letters : 0,
    words: words.length,
    englishShare: words.length ? english / words.length : 0,
    otherShare: words.length ? other / words.length : 0,
  };
}
// A one-word text's evidence says which list the word is on.
const isEnglish = (w: string) => languageEvidence(w).englishShare === 1;
const isOther = (w: string) => languageEvidence(w).otherShare === 1;

const text = (html: string) => (extractArticle(parseHtmlDocument(html)) as ExtractedArticle).text;
const texts: Record<string, string> = {
  english: text(readFileSync(new URL('../fixtures/sample/article.html', import.meta.url), 'utf8')),
  german: text(readHostile('german.html')),
  chinese: text(readHostile('chinese.html')),
  japanese: text(readHostile('japanese.html')),
  arabic: text(readHostile('arabic.html')),
  edges: "İstanbul'un ÇAĞI the and der że się dengan 𝐀𝐁𝐂 𝟎 😀 \ud800x \udc00y Ⅻ ⅰ ª º ǅ ﬁ ẞ don't dogs' ’tis l’état rock’n’roll dengan’",
  // Without İ the sample is read in one pass (its lower case has the same characters, letter for letter).
  'edges without İ': "THE And DER Że SIĘ É È ΑΣ.Β ΟΔΟΣ’ 𝐀𝐁𝐂'𝐃 𝟎 😀 \ud800x \udc00y Ⅻ ª ǅ ﬁ ẞ DON'T dogs' ’tis L’ÉTAT a''b x’ y",
};

describe('languageEvidence', () => {
  it.each(Object.keys(texts))('counts as the regular expressions do on the %s text', (name) => {
    expect(languageEvidence(texts[name])).toEqual(reference(texts[name], isEnglish, isOther));
  });

  it('reads only the first 6,000 characters, also where they cut a surrogate pair', () => {
    const english = texts.english.repeat(Math.ceil(6_000 / texts.english.length));
    const long = english.slice(0, 5_999) + '𝐀' + texts.german;
    expect(languageEvidence(long)).toEqual(reference(long, isEnglish, isOther));
    expect(languageEvidence(long).words).toBeLessThan(long.match(/\p{L}+/gu)!.length);
  });

  it('tells the languages apart (the lists are read)', () => {
    expect(languageEvidence(texts.english).englishShare).toBeGreaterThan(0.06);
    expect(languageEvidence(texts.german).otherShare).toBeGreaterThan(0.08);
    expect(languageEvidence(texts.chinese).latin).toBeLessThan(0.5);
  });
});
