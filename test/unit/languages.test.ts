/**
 * Articles in languages the entity model was not trained on (the team-written
 * German, Chinese, Japanese and Arabic pages of test/fixtures/hostile/): the
 * reading keeps its sentences and key sentences, entities are only those the
 * name lists vouch for (no capitalised German nouns), the reading says entities
 * were limited by language, and English readings are exactly as before.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../cli/dom';
import { formatReport } from '../../cli/report';
import { analyze } from '../../lib/analyze';
import { checkedEntities } from '../../lib/analyze-guard';
import { findEntities } from '../../lib/entities';
import { gazetteer } from '../../lib/entities/gazetteer';
import { entitiesForOtherLanguages } from '../../lib/entities/other-languages';
import { extractArticle } from '../../lib/extract';
import { isEnglishText, primaryLanguage } from '../../lib/language';
import type { Analysis, ExtractedArticle } from '../../lib/types';
import { readHostile } from '../fixtures/hostile/generate';
import { analysisProblems } from '../support/valid-analysis';

const sampleHtml = readFileSync(new URL('../fixtures/sample/article.html', import.meta.url), 'utf8');

function read(input: Parameters<typeof analyze>[0]): Analysis {
  const r = analyze(input);
  expect(analysisProblems(r)).toEqual([]);
  if (!r.ok) throw new Error(r.message);
  return r;
}

function extracted(html: string): ExtractedArticle {
  const e = extractArticle(parseHtmlDocument(html));
  if ('ok' in e) throw new Error('no article');
  return e;
}

const forms = (a: Analysis) => a.entities.flatMap((e) => e.mentions.map((m) => a.text.slice(m.start, m.end)));

describe('a German article', () => {
  let a: Analysis;
  beforeAll(() => {
    a = read(parseHtmlDocument(readHostile('german.html')));
  });

  it('is read (sentences, key sentences) and says its entities were limited by language', () => {
    expect(a.lang).toBe('de');
    expect(a.sentences.length).toBeGreaterThan(10);
    expect(a.summary.length).toBeGreaterThan(0);
    expect(a.limits).toEqual({ entities: 'language' });
  });

  it('lists no capitalised nouns as names', () => {
    const names = new Set(a.entities.flatMap((e) => [e.name, ...e.aliases]));
    const noise = ['Jahr', 'Hälfte', 'Stadtrat', 'Radwegenetz', 'Millionen Euro', 'Eine Umfrage der Stadt', 'Stadt', 'Verwaltung', 'Innenstadt', 'Debatte', 'Kosten', 'Herbst', 'Der Vorsitzende'];
    for (const word of noise) expect(names.has(word), word).toBe(false);
    // What the English tagger alone makes of it: the noise this guards against is real.
    const tagged = new Set(findEntities(a.text, a.sentences).map((e) => e.name));
    expect(noise.filter((w) => tagged.has(w)).length).toBeGreaterThan(5);
  });

  it('keeps only people named by a known first name and a surname, with all their mentions', () => {
    const gaz = gazetteer();
    for (const e of a.entities) {
      expect(e.type, e.name).toBe('person');
      const words = e.name.split(' ');
      expect(words.length, e.name).toBeGreaterThanOrEqual(2);
      expect(gaz.isFirstName(words[0].toLowerCase()), e.name).toBe(true);
    }
    const krueger = a.entities.find((e) => e.name === 'Thomas Krüger');
    expect(krueger?.mentions.map((m) => a.text.slice(m.start, m.end))).toEqual(['Thomas Krüger', 'Krüger']);
    expect(krueger?.count).toBe(2);
  });

  it('says so in the CLI report and carries the field in its JSON', () => {
    expect(formatReport('german.html', a)).toContain('Note: Names are recognised in English articles only.');
    expect(JSON.parse(JSON.stringify(a)).limits).toEqual({ entities: 'language' });
  });

  it('is judged by its text when it comes without a declared language, or with a wrong one', () => {
    expect(read(a.text).limits).toEqual({ entities: 'language' });
    const mislabelled = { ...extracted(readHostile('german.html')), lang: 'en-US' };
    expect(read(mislabelled).limits).toEqual({ entities: 'language' });
  });
});

describe.each([
  ['chinese.html', 'zh-CN'],
  ['japanese.html', 'ja'],
  ['arabic.html', 'ar'],
])('%s', (file, lang) => {
  it('is read with no entities, limited by language; quotes keep their text, speakers are never made up', () => {
    const a = read(parseHtmlDocument(readHostile(file)));
    expect(a.lang).toBe(lang);
    expect(a.sentences.length).toBeGreaterThan(3);
    expect(a.summary.length).toBeGreaterThan(0);
    expect(a.limits).toEqual({ entities: 'language' });
    expect(a.entities).toEqual([]);
    for (const q of a.quotes) {
      expect(q.text).toBe(a.text.slice(q.start, q.end));
      expect(q.speaker).toBeNull();
    }
  });
});

describe('the Arabic article’s «…» quote', () => {
  it('is still found, unattributed', () => {
    const a = read(parseHtmlDocument(readHostile('arabic.html')));
    expect(a.quotes.length).toBeGreaterThan(0);
    expect(a.text[a.quotes[0].start - 1]).toBe('«');
  });
});

describe('English articles', () => {
  it('are read as before: no limits, every entity the tagger finds', () => {
    for (const html of [sampleHtml, readHostile('article-base.html')]) {
      const a = read(parseHtmlDocument(html));
      expect(a.limits).toBeUndefined();
      expect('limits' in a).toBe(false);
      expect(a.entities).toEqual(checkedEntities(findEntities(a.text, a.sentences), a.text.length));
      expect(a.entities.length).toBeGreaterThan(3);
      expect(formatReport('x', a)).not.toContain('English articles only');
    }
  });

  it('are judged by their text when the page declares another language, or none', () => {
    const article = extracted(sampleHtml);
    expect(read({ ...article, lang: 'de' }).limits).toBeUndefined();
    expect(read(article.text).limits).toBeUndefined();
  });
});

describe('isEnglishText', () => {
  const english = extracted(sampleHtml).text;
  const german = extracted(readHostile('german.html')).text;

  it('follows the text when there are enough words, the declared language when there are few', () => {
    expect(isEnglishText(english, null)).toBe(true);
    expect(isEnglishText(english, 'fr')).toBe(true);
    expect(isEnglishText(german, null)).toBe(false);
    expect(isEnglishText(german, 'en')).toBe(false);
    const shortGerman = german.split(/\s+/).slice(0, 12).join(' ');
    expect(isEnglishText(shortGerman, 'de-DE')).toBe(false);
    // Too few words to judge and nothing declared: English, as before.
    expect(isEnglishText(shortGerman, null)).toBe(true);
    expect(isEnglishText('', null)).toBe(true);
  });

  it('keeps the declared language for English with few function words of any language (a results table)', () => {
    // Team-written box scores: no English function words, no other language's either.
    const scores = Array.from({ length: 8 }, (_, i) => `Harbor City ${i + 2}, Gull Island ${i}. Whitfield ${10 + i} points, Ortega ${i + 3} rebounds.`).join('\n');
    expect(scores.split(/\s+/).length).toBeGreaterThan(80);
    expect(isEnglishText(scores, 'en')).toBe(true);
    expect(isEnglishText(scores, null)).toBe(true);
    expect(isEnglishText(scores, 'de')).toBe(false);
  });

  it('never takes a text in another script for English, whatever it declares', () => {
    for (const file of ['chinese.html', 'japanese.html', 'arabic.html']) {
      expect(isEnglishText(extracted(readHostile(file)).text, 'en'), file).toBe(false);
    }
  });

  it('reads the primary subtag of a language tag', () => {
    expect(['en-GB', 'de_DE', ' EN ', 'zh-Hant-TW', 'english', '', null].map(primaryLanguage)).toEqual(['en', 'de', 'en', 'zh', null, null, null]);
  });
});

describe('entitiesForOtherLanguages', () => {
  it('keeps a country the tagger found, as a place, and no capitalised noun', () => {
    // Team-written German text: the tagger finds "USA" (resolved to United States) among many nouns.
    const text =
      'Die Handelsdelegation ist am Montag zu Gesprächen eingetroffen. Nach Angaben des Ministeriums sollen bis Freitag ' +
      'mehrere Abkommen unterzeichnet werden. Peter Schmidt, Sprecher des Ministeriums, sagte, beide Seiten hätten ' +
      'großes Interesse an stabilen Beziehungen. Auch Vertreter aus den USA beobachten die Verhandlungen genau. ' +
      'Schmidt betonte, dass die Gespräche in freundlicher Atmosphäre stattfänden.';
    const a = read(text);
    expect(a.limits).toEqual({ entities: 'language' });
    expect(a.entities.map((e) => [e.name, e.type])).toEqual([
      ['Peter Schmidt', 'person'],
      ['United States', 'place'],
    ]);
    expect(forms(a)).toEqual(['Peter Schmidt', 'Schmidt', 'USA']);
  });

  it('drops people without a known first name, organizations, and places not in the country lists', () => {
    const span = { start: 0, end: 1 };
    const e = (name: string, type: 'person' | 'organization' | 'place') => ({ name, type, mentions: [span], count: 1, aliases: [name] });
    const kept = entitiesForOtherLanguages([
      e('Sabine Hellwig', 'person'),
      e('Thomas', 'person'),
      e('Will Kosten', 'person'),
      e('Thomas Krüger Kritik Stadt', 'person'),
      e('Maria J. Weber', 'person'),
      e('Stadtrat', 'organization'),
      e('Berlin', 'place'),
      e('Honda', 'place'),
      e('France', 'organization'),
      e('Georgia', 'person'),
      e('Georgia', 'place'),
    ]);
    expect(kept.map((x) => [x.name, x.type])).toEqual([
      ['Maria J. Weber', 'person'],
      ['France', 'place'],
      ['Georgia', 'place'],
    ]);
  });
});
