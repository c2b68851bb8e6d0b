/**
 * The statement a quote belongs to (`Quote.span`, lib/quotes/statement.ts) and
 * speech verbs after a quote in Spanish, French and German: short invented
 * sentences for the rules, the team-written harbour-strike fixture, and the
 * golden article in ../shared (a real news text, read from there, never committed).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/analyze';
import { findQuotes } from '../../lib/quotes';
import { splitSentences } from '../../lib/sentences';
import type { Analysis, Quote } from '../../lib/types';
import { hasShared, sharedPath } from '../support/shared';

const quotesOf = (text: string): Quote[] => findQuotes(text, splitSentences(text), []);
const statements = (text: string) => quotesOf(text).map((q) => text.slice(q.span.start, q.span.end));

describe('the statement a quote belongs to', () => {
  it('is the reported clause for a partial quote, while the text stays the words in the marks', () => {
    const t = 'Tapper said Brazile\u2019s actions were \u201cunethical\u201d.';
    const [q] = quotesOf(t);
    expect(q.text).toBe('unethical');
    expect(t.slice(q.span.start, q.span.end)).toBe('Brazile\u2019s actions were \u201cunethical\u201d');
    expect(q.speaker).toBe('Tapper');
  });

  it('starts after "that" and runs on when the clause goes on after the quote', () => {
    expect(statements('The mayor told reporters that the offer was "fair and final" for the whole city.')).toEqual([
      'the offer was "fair and final" for the whole city',
    ]);
  });

  it('is the quote itself when a colon or the speaker\u2019s name alone leads into it', () => {
    expect(statements('Castellano said: \u201cThis is about safety as much as pay.\u201d')).toEqual(['\u201cThis is about safety as much as pay.\u201d']);
    expect(statements('According to Ingrid Solberg, "the city will not take sides in this dispute."')).toEqual([
      '"the city will not take sides in this dispute."',
    ]);
  });

  it('holds the clause before the quote when the attribution comes after it', () => {
    expect(statements('With thousands of counting systems, \u201cthere is no single point of failure,\u201d Johnson said.')).toEqual([
      'With thousands of counting systems, \u201cthere is no single point of failure,\u201d',
    ]);
  });

  it('joins the pieces of a quote split by its attribution, not a new sentence after it', () => {
    const t = '"We have been patient," said Maria Castellano. "Nobody here wants a strike."';
    expect(new Set(statements(t))).toEqual(new Set([t]));
    const u = '"It is the right thing to do," Obama said. He called Burma a "good news story in an era of change."';
    expect(statements(u)).toEqual(['"It is the right thing to do,"', 'Burma a "good news story in an era of change."']);
  });

  it('joins quotes listed in one clause', () => {
    const t = 'Trump called the senator a "nasty guy," an "anchor baby," "unstable" and "sick."';
    expect(new Set(statements(t))).toEqual(new Set(['the senator a "nasty guy," an "anchor baby," "unstable" and "sick."']));
  });

  it('joins the paragraphs of a multi-paragraph quote into one statement', () => {
    const text = readFileSync(new URL('../fixtures/quotes/harbour-strike.txt', import.meta.url), 'utf8');
    const quotes = quotesOf(text);
    for (const q of quotes) {
      expect(q.span.start).toBeLessThanOrEqual(q.start);
      expect(q.span.end).toBeGreaterThanOrEqual(q.end);
    }
    const paragraphs = quotes.filter((q) => /^(This is about safety|Last winter|We will not go back)/.test(q.text));
    expect(paragraphs).toHaveLength(3);
    const whole = text.slice(paragraphs[0].span.start, paragraphs[0].span.end);
    expect(whole).toMatch(/^\u201cThis is about safety[\s\S]*until that changes\.\u201d$/);
    expect(new Set(paragraphs.map((q) => `${q.span.start}-${q.span.end}`)).size).toBe(1);
  });
});

describe('speech verbs after a quote in Spanish, French and German', () => {
  it.each([
    ['\u00abNo vamos a ceder en la seguridad\u00bb, explica Mar\u00eda L\u00f3pez, portavoz del sindicato.', 'Mar\u00eda L\u00f3pez'],
    ['\u00ab Nous ne c\u00e9derons pas sur la s\u00e9curit\u00e9 \u00bb, a d\u00e9clar\u00e9 Jean Dupont, le maire.', 'Jean Dupont'],
    ['\u201eWir werden nicht nachgeben\u201c, sagt Anna M\u00fcller, die Sprecherin der Gewerkschaft.', 'Anna M\u00fcller'],
  ])('%s', (text, speaker) => {
    expect(quotesOf(text).map((q) => q.speaker)).toEqual([speaker]);
  });
});

describe.skipIf(!hasShared('golden/us-hamas-talks.txt'))('golden article: the statement of a partial quote', () => {
  it('gives the characterization the quote completes, without the narrator\u2019s clause after it', () => {
    const text = readFileSync(sharedPath('golden/us-hamas-talks.txt'), 'utf8');
    const a = analyze(text, { sentences: 3 }) as Analysis;
    const q = a.quotes.find((x) => x.text.startsWith('good faith effort'))!;
    const span = text.slice(q.span.start, q.span.end);
    expect(span.startsWith('the envoy')).toBe(true);
    expect(span.endsWith('for the American people,"')).toBe(true);
    expect(q.speaker).toBe('Karoline Leavitt');
  });
});
