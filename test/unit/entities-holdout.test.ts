/**
 * The split of labelled entity documents (scripts/eval/holdout.ts): the trainer
 * and npm run eval:entities must give a document the same id, so that what the
 * trainer takes as its tune half is never what the evaluation reports as held out.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entityDocId, heldOutClashes, NEWS_2020_FILE, partOf } from '../../scripts/eval/holdout';
import { readIob } from '../../scripts/lib/entities-data';
import { PROJECT_ROOT } from '../support/shared';

describe('entityDocId', () => {
  it('takes a document its own id, else its name, else file and index', () => {
    expect(entityDocId({ doc: 0, id: 'wikineural-en-val:0' }, 'build/corpora/wikineural/val.iob2.jsonl')).toBe('wikineural-en-val:0');
    expect(entityDocId({ doc: 'af_allaf_13' }, `/x/${NEWS_2020_FILE}`)).toBe('af_allaf_13');
    expect(entityDocId({ doc: 7 }, '/x/y/other.iob2.jsonl')).toBe('other.iob2.jsonl:7');
  });
});

describe('heldOutClashes', () => {
  const names = Array.from({ length: 40 }, (_, i) => `doc_${i}`);
  const news = names.map((doc) => ({ doc, url: `https://example.org/${doc}` }));
  const tune = news.filter((d) => partOf(entityDocId(d, NEWS_2020_FILE)) === 'tune');
  const held = news.filter((d) => partOf(entityDocId(d, NEWS_2020_FILE)) === 'held-out');

  it('lets the tune half through', () => {
    expect(tune.length).toBeGreaterThan(0);
    expect(heldOutClashes(tune, NEWS_2020_FILE, news, NEWS_2020_FILE)).toEqual([]);
  });

  it('catches a held-out document by its name or by its URL', () => {
    expect(heldOutClashes([held[0]], 'other.iob2.jsonl', news, NEWS_2020_FILE)).toEqual([held[0].doc]);
    expect(heldOutClashes([{ doc: 'renamed', url: held[1].url }], 'other.iob2.jsonl', news, NEWS_2020_FILE)).toEqual(['renamed']);
  });

  it.skipIf(!existsSync(join(PROJECT_ROOT, NEWS_2020_FILE)))('splits the 2020+ news as the evaluation always has (by the document name)', () => {
    const docs = readIob(join(PROJECT_ROOT, NEWS_2020_FILE));
    for (const d of docs) expect(entityDocId(d, join(PROJECT_ROOT, NEWS_2020_FILE))).toBe(String(d.doc));
    const trainerTune = docs.filter((d) => partOf(entityDocId(d, NEWS_2020_FILE)) === 'tune');
    expect(heldOutClashes(trainerTune, NEWS_2020_FILE, docs, NEWS_2020_FILE)).toEqual([]);
  });
});
