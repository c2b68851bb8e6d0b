/**
 * Key sentences on a team-written article (test/fixtures/summary, see its
 * README): the product path (analyze) and keySentences directly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/analyze';
import { articleFromText } from '../../lib/extract';
import { splitSentences } from '../../lib/sentences';
import { autoSummaryLength, keySentences } from '../../lib/summarize';
import { FEATURES } from '../../lib/summary/features';
import { SUMMARY_MODEL } from '../../lib/summary/model';
import type { Analysis, Entity, Span } from '../../lib/types';
import { PROJECT_ROOT } from '../support/shared';
import { lcsLength, rouge, rougeTokens } from '../../scripts/eval/rouge';

const text = readFileSync(join(PROJECT_ROOT, 'test/fixtures/summary/flood-barrier.txt'), 'utf8');
const TITLE = 'Council approves £40m flood barrier for river Wend';
const LEAD = text.split('\n')[0];
const DECK = 'Work on the barrier will begin in spring and take three years, officials said.';
const ASIDE = /cheese festival/;

const slice = (t: string, s: Span) => t.slice(s.start, s.end);

function read(count: number): { a: Analysis; picked: string[] } {
  const r = analyze(text, { sentences: count });
  if (!r.ok) throw new Error(r.message);
  return { a: r, picked: r.summary.map((s) => slice(text, r.sentences[s.sentence])) };
}

describe('keySentences', () => {
  it('picks the lead and the sentences about the story, in document order', () => {
    const { a, picked } = read(3);
    expect(picked).toHaveLength(3);
    expect(picked[0]).toBe(LEAD);
    for (const p of picked) expect(p).toMatch(/flood|barrier/i);
    const order = a.summary.map((s) => s.sentence);
    expect(order).toEqual([...order].sort((x, y) => x - y));
    for (const s of a.summary) expect(s.score).toBeGreaterThan(0);
  });

  it('never picks the headline, its repeat, the deck, or the repeated lead twice', () => {
    const { picked } = read(50);
    expect(picked).not.toContain(TITLE);
    expect(picked).not.toContain(DECK);
    expect(picked.filter((p) => p === LEAD)).toHaveLength(1);
    expect(new Set(picked).size).toBe(picked.length);
    // Every picked sentence is a punctuated body sentence.
    for (const p of picked) expect(p).toMatch(/[.!?]["”]?$/);
  });

  it('leaves the off-topic aside out first', () => {
    const sentences = splitSentences(text);
    const { title, nonBody } = articleFromText(text);
    const all = keySentences(text, sentences, { count: 50, title, nonBody, entities: [] });
    const fewer = keySentences(text, sentences, { count: all.length - 1, title, nonBody, entities: [] });
    const left = all.filter((s) => !fewer.some((f) => f.sentence === s.sentence));
    expect(left).toHaveLength(1);
    expect(slice(text, sentences[left[0].sentence])).toMatch(ASIDE);
  });

  it('skips a deck line under the title even when extraction did not mark it', () => {
    const sentences = splitSentences(text);
    const picked = keySentences(text, sentences, { count: 50, title: TITLE, nonBody: [], entities: [] }).map((s) =>
      slice(text, sentences[s.sentence]),
    );
    expect(picked).not.toContain(TITLE);
    expect(picked).not.toContain(DECK);
    expect(picked).toContain(LEAD);
  });

  it('keeps a sentence that only begins with a nonBody dateline, drops one that is mostly caption', () => {
    const t = 'HARBOUR CITY — The council approved the flood barrier on Tuesday. Photo: the river Wend in flood last winter. The barrier will protect 4,000 homes.';
    const sentences = splitSentences(t);
    const dateline = { start: 0, end: t.indexOf('The council') };
    const caption = { start: t.indexOf('Photo:'), end: t.indexOf(' The barrier') };
    const picked = keySentences(t, sentences, { count: 3, title: null, nonBody: [dateline, caption], entities: [] }).map((s) =>
      slice(t, sentences[s.sentence]),
    );
    expect(picked).toEqual(['HARBOUR CITY — The council approved the flood barrier on Tuesday.', 'The barrier will protect 4,000 homes.']);
  });

  it('prefers punctuated sentences to label lines, but uses lines when nothing else is there', () => {
    const list = 'Road closures this week\nMain Street between the bridge and the station\nThe bridge reopens on Friday after repairs to the station road.';
    const sentences = splitSentences(list);
    const one = keySentences(list, sentences, { count: 1, title: null, nonBody: [], entities: [] });
    expect(slice(list, sentences[one[0].sentence])).toMatch(/^The bridge reopens/);
    expect(keySentences(list, sentences, { count: 3, title: null, nonBody: [], entities: [] })).toHaveLength(3);
  });

  it('reads the named people, places and figures of each sentence into its entity feature', () => {
    const sentences = splitSentences(text);
    const { title, nonBody } = articleFromText(text);
    // Mentions as the entity finder reports them, located by hand so this test
    // exercises the summarizer alone.
    const mention = (name: string, type: Entity['type']): Entity => {
      const mentions: Span[] = [];
      for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) mentions.push({ start: i, end: i + name.length });
      return { name, type, mentions, count: mentions.length, aliases: [name] };
    };
    const entities = [mention('Maya Okafor', 'person'), mention('Environment Agency', 'organization'), mention('Mill Bridge', 'place')];
    // A model that weighs entity density alone, so the score shows that feature.
    const densityOnly = { features: FEATURES, weights: FEATURES.map((f) => (f === 'entityDensity' ? 1 : 0)) };
    const without = keySentences(text, sentences, { count: 50, title, nonBody, entities: [] }, densityOnly);
    const withEntities = keySentences(text, sentences, { count: 50, title, nonBody, entities }, densityOnly);
    const named = withEntities.filter((s) =>
      entities.some((e) => e.mentions.some((m) => m.start >= sentences[s.sentence].start && m.end <= sentences[s.sentence].end)),
    );
    expect(named).toHaveLength(3);
    for (const s of named) expect(s.score).toBeGreaterThan(without.find((w) => w.sentence === s.sentence)!.score);
    const unnamed = withEntities.filter((s) => !named.includes(s));
    for (const s of unnamed) expect(s.score).toBe(without.find((w) => w.sentence === s.sentence)!.score);
  });

  it('never picks a byline or timestamp scrap run into the text while proper sentences remain', () => {
    // The Daily Mail's scraped header as CNN/DailyMail keeps it, before a team-written story.
    const furniture = 'By . Daily Mail Reporter . PUBLISHED: . 14:11 EST, 25 October 2013 . | . UPDATED: . 15:36 EST, 25 October 2013 . ';
    const raw = furniture + text.split('\n').slice(2).join(' ');
    const sentences = splitSentences(raw);
    const picked = keySentences(raw, sentences, { count: 5, title: null, nonBody: [], entities: [] }).map((s) => slice(raw, sentences[s.sentence]));
    expect(picked).toHaveLength(5);
    for (const p of picked) {
      expect(furniture.includes(p), p).toBe(false);
      expect(p.split(/\s+/).length).toBeGreaterThanOrEqual(4);
    }
  });

  it('ships a model with one weight per feature', () => {
    expect(SUMMARY_MODEL.features).toEqual(FEATURES);
    expect(SUMMARY_MODEL.weights).toHaveLength(FEATURES.length);
    for (const w of SUMMARY_MODEL.weights) expect(Number.isFinite(w)).toBe(true);
  });

  it('ranks Chinese sentences by shared character pairs, not only by position', () => {
    const zh = '市议会周二批准了新的防洪堤坝计划。节日期间市场里有很多游客。防洪堤坝将保护老城区的四千户家庭。议会表示防洪堤坝工程明年春天开工。';
    const sentences = splitSentences(zh);
    expect(sentences).toHaveLength(4);
    const picked = keySentences(zh, sentences, { count: 3, title: null, nonBody: [], entities: [] }).map((s) => s.sentence);
    expect(picked).toEqual([0, 2, 3]);
  });

  it('handles no sentences, a count of 0 and a count above the number of sentences', () => {
    expect(keySentences('', [], { count: 3, title: null, nonBody: [], entities: [] })).toEqual([]);
    const sentences = splitSentences(text);
    expect(keySentences(text, sentences, { count: 0, title: null, nonBody: [], entities: [] })).toEqual([]);
    const all = keySentences(text, sentences, { count: 1000, title: null, nonBody: [], entities: [] });
    expect(all.length).toBeLessThan(sentences.length); // the repeated headline and lead are left out
  });

  it('reads a very long article (thousands of sentences) and still returns count sentences', () => {
    const paras = text.split('\n').filter((l) => /[.!?]$/.test(l));
    const long = Array.from({ length: 400 }, (_, i) => paras.map((p) => p.replace('Tuesday', `day ${i}`)).join('\n')).join('\n\n');
    const sentences = splitSentences(long);
    expect(sentences.length).toBeGreaterThan(4000);
    const picked = keySentences(long, sentences, { count: 7, title: null, nonBody: [], entities: [] });
    expect(picked).toHaveLength(7);
  });
});

describe('autoSummaryLength', () => {
  const spans = (n: number): Span[] => Array.from({ length: n }, (_, i) => ({ start: i * 10, end: i * 10 + 9 }));
  it('is 3 for a short article, grows with length, and stops at 7', () => {
    expect(autoSummaryLength(text, splitSentences(text), articleFromText(text).nonBody)).toBe(3);
    expect(autoSummaryLength('', spans(2), [])).toBe(2);
    expect(autoSummaryLength('', spans(40), [])).toBe(5);
    expect(autoSummaryLength('', spans(2000), [])).toBe(7);
    // The headline and deck do not count as article length.
    expect(autoSummaryLength('', spans(5), [{ start: 0, end: 29 }])).toBe(2);
  });
});

describe('ROUGE as rouge-score computes it (scripts/eval/rouge.ts)', () => {
  it('matches the rouge-score README example (target, prediction)', () => {
    // rouge-score README: scorer.score('The quick brown fox jumps over the lazy dog',
    // 'The quick brown dog jumps on the log.') gives rouge1 P 0.75 R 0.667, rougeL P 0.625 R 0.556.
    const r = rouge('The quick brown dog jumps on the log.', 'The quick brown fox jumps over the lazy dog');
    expect(r.rouge1.p).toBeCloseTo(0.75, 6);
    expect(r.rouge1.r).toBeCloseTo(6 / 9, 6);
    expect(r.rougeL.p).toBeCloseTo(0.625, 6);
    expect(r.rougeL.r).toBeCloseTo(5 / 9, 6);
  });

  it('tokenizes like rouge-score: lower case, non-alphanumerics as spaces, stems words over 3 letters', () => {
    expect(rougeTokens("The U.S. talks' $1.2bn—deal, running!")).toEqual(['the', 'u', 's', 'talk', '1', '2bn', 'deal', 'run']);
    expect(lcsLength(['a', 'b', 'c', 'd'], ['b', 'd', 'a'])).toBe(2);
    expect(rouge('stabilise.China', 'stabilise China').rouge2.f).toBe(1);
  });
});
