/**
 * The entity tagger's paths give the same tags: tagWords(), the product's, which
 * tagText uses (integer weights, the features' weights summed per word, per
 * label and per combination of fixed features, no feature ids written out),
 * tagShipped() on the ids of sentenceFeatures() (the features of a word alone
 * summed once per word), and the general path that training uses (every
 * feature summed per token), on
 * team-written text (test/fixtures/entities, test/fixtures/sample) and on lines
 * with accented, non-Latin and one-token words.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../cli/dom';
import { modelWeights, tagText } from '../../lib/entities';
import { docContext, sentenceFeatures, WORD_ALONE_FEATURES, type SentenceFeatures } from '../../lib/entities/features';
import { gazetteer } from '../../lib/entities/gazetteer';
import { tagSentence } from '../../lib/entities/tagger';
import { extractArticle } from '../../lib/extract';
import { splitSentences } from '../../lib/sentences';
import type { ExtractedArticle } from '../../lib/types';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
const sample = extractArticle(parseHtmlDocument(fixture('sample/article.html'))) as ExtractedArticle;
const texts = {
  harbour: fixture('entities/harbour-deal.txt'),
  sample: sample.text,
  mixed: 'Zoë Müller, São Paulo’s mayor, met Ångström AB’s chief in Zürich.\nΑθήνα\nOK\nMr. Øyvind Ødegaard (Norway) said “no”.',
};

/** Token i's ids. */
const idsOf = (f: SentenceFeatures, i: number) => Array.from(f.ids.subarray(f.offsets[i], f.offsets[i + 1]));

describe.each(Object.entries(texts))('the tagger on %s', (_, text) => {
  const { tagged } = tagText(text, splitSentences(text));
  const words = tagged.map((s) => s.tokens.map((t) => t.norm));
  const ctx = docContext(words);
  const model = modelWeights();

  it('tags every sentence the same on both paths, as tagText does', () => {
    let names = 0;
    words.forEach((w, s) => {
      const complete = sentenceFeatures(w, gazetteer(), ctx);
      // A callback per decision sends tagSentence down the general path.
      const general = tagSentence(w, complete, model, () => {});
      expect(tagSentence(w, sentenceFeatures(w, gazetteer(), ctx, false), model)).toEqual(general);
      expect(tagSentence(w, complete, model)).toEqual(general);
      expect(tagged[s].tags).toEqual(general);
      names += general.filter((t) => t !== 'O').length;
    });
    expect(names).toBeGreaterThan(0);
  });

  it('leaves out exactly the features of a word alone from the product’s features', () => {
    for (const w of words) {
      const complete = sentenceFeatures(w, gazetteer(), ctx);
      const compact = sentenceFeatures(w, gazetteer(), ctx, false);
      expect(compact.complete).toBe(false);
      for (let i = 0; i < w.length; i++) {
        expect(idsOf(complete, i).slice(0, 10)).toEqual(Array.from(compact.words[i].own));
        expect(idsOf(compact, i)).toEqual(idsOf(complete, i).slice(WORD_ALONE_FEATURES));
      }
    }
  });
});
