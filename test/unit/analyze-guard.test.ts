/**
 * analyze's own promises, whatever its stages do: a stage that throws or
 * returns out-of-range offsets cannot make analyze throw or return an invalid
 * reading. The stages are replaced here by misbehaving stand-ins; the input is
 * the team-written article in test/fixtures/hostile/article-base.html.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseHtmlDocument } from '../../cli/dom';
import { analyze } from '../../lib/analyze';
import type { Analysis, Entity, Quote, Span, SummarySentence } from '../../lib/types';
import { readHostile } from '../fixtures/hostile/generate';
import { analysisProblems } from '../support/valid-analysis';

type Mode = 'real' | 'throw' | 'garbage';
const mode: Record<'sentences' | 'entities' | 'quotes' | 'summary', Mode> = { sentences: 'real', entities: 'real', quotes: 'real', summary: 'real' };
const fail = (stage: string) => {
  throw new Error(`${stage} stand-in failed`);
};

vi.mock('../../lib/sentences', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/sentences')>();
  return {
    ...real,
    splitSentences: (text: string): Span[] => {
      if (mode.sentences === 'throw') fail('sentences');
      const spans = real.splitSentences(text);
      // Out of order, overlapping, empty and past the end.
      return mode.sentences === 'garbage' ? [...spans.slice(1), spans[0], { start: 5, end: 5 }, { start: 3, end: 40 }, { start: 0, end: text.length + 9 }] : spans;
    },
  };
});
vi.mock('../../lib/entities', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/entities')>();
  return {
    ...real,
    findEntities: (text: string, sentences: Span[]): Entity[] => {
      if (mode.entities === 'throw') fail('entities');
      if (mode.entities === 'garbage') {
        return [
          { name: 'Nowhere', type: 'place', mentions: [{ start: text.length, end: text.length + 4 }], count: 1, aliases: ['Nowhere'] },
          { name: 'Harbor City', type: 'place', mentions: [{ start: 0, end: 11 }, { start: -3, end: 2 }], count: 2, aliases: ['Harbor City'] },
        ];
      }
      return real.findEntities(text, sentences);
    },
  };
});
vi.mock('../../lib/quotes', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/quotes')>();
  return {
    ...real,
    findQuotes: (text: string, sentences: Span[], entities: Entity[]): Quote[] => {
      if (mode.quotes === 'throw') fail('quotes');
      if (mode.quotes === 'garbage') {
        return [
          { start: 10, end: 20, text: 'not the slice', span: { start: 5, end: text.length + 9 }, speaker: null, speakerMention: { start: 1, end: text.length + 1 } },
          { start: 30, end: text.length + 50, text: 'past the end', span: { start: 30, end: text.length + 50 }, speaker: null, speakerMention: null },
        ];
      }
      return real.findQuotes(text, sentences, entities);
    },
  };
});
vi.mock('../../lib/summarize', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/summarize')>();
  return {
    ...real,
    keySentences: (...args: Parameters<typeof real.keySentences>): SummarySentence[] => {
      if (mode.summary === 'throw') fail('summary');
      if (mode.summary === 'garbage') {
        return [{ sentence: 4, score: 1 }, { sentence: 1, score: 2 }, { sentence: 4, score: 1 }, { sentence: 999, score: 1 }, { sentence: 2, score: NaN }];
      }
      return real.keySentences(...args);
    },
  };
});

const html = readHostile('article-base.html');
const read = (): Analysis => {
  const r = analyze(parseHtmlDocument(html));
  expect(analysisProblems(r)).toEqual([]);
  if (!r.ok) throw new Error(`no article: ${r.message}`);
  return r;
};

afterEach(() => {
  mode.sentences = mode.entities = mode.quotes = mode.summary = 'real';
});

describe('analyze when a stage fails', () => {
  it.each(['sentences', 'entities', 'quotes', 'summary'] as const)('%s throws: the reading goes on without it', (stage) => {
    mode[stage] = 'throw';
    const a = read();
    expect(a.text).toContain('The late-night ferry between Harbor City and Gull Island');
    if (stage === 'sentences') expect(a.sentences).toEqual([]);
    else expect(a.sentences.length).toBeGreaterThan(5);
    if (stage === 'entities') expect(a.entities).toEqual([]);
    if (stage === 'quotes') expect(a.quotes).toEqual([]);
    if (stage === 'summary') expect(a.summary).toEqual([]);
  });

  it('stages returning bad offsets: only the valid parts are kept', () => {
    mode.sentences = mode.entities = mode.quotes = mode.summary = 'garbage';
    const a = read();
    expect(a.entities.map((e) => [e.name, e.count])).toEqual([['Harbor City', 1]]);
    expect(a.quotes).toEqual([{ start: 10, end: 20, text: a.text.slice(10, 20), span: { start: 10, end: 20 }, speaker: null, speakerMention: null }]);
    expect(a.summary.map((s) => s.sentence)).toEqual([1, 4]);
  });

  it('with working stages the article is read in full', () => {
    const a = read();
    expect(a.sentences.length).toBeGreaterThan(5);
    expect(a.summary.length).toBeGreaterThan(0);
  });
});
