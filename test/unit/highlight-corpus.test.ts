/**
 * Anchoring on real pages: five news pages of Mozilla Readability's test corpus
 * (../shared/corpora/readability-pages), each analyzed as the content script
 * does (extraction reads a clone of the very document) and every key sentence
 * and quote the analysis finds looked for again in that document. Reports the
 * fraction found; skips when ../shared is absent. The whole corpus, with
 * timings, is measured by `npm run eval:anchoring`.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../lib/analyze';
import { createAnchorer, rangeStillMatches } from '../../lib/highlight';
import { keySentenceSpans } from '../../lib/messages';
import { happyPage } from '../support/happy-page';
import { hasShared, sharedPath } from '../support/shared';

const PAGES = ['bbc-1', 'guardian-1', 'herald-sun-1', 'salon-1', 'seattletimes-1'];
const DIR = 'corpora/readability-pages';

describe.skipIf(!hasShared(DIR))('anchoring key sentences and quotes on Readability test pages', () => {
  let passages = 0;
  let anchored = 0;

  afterAll(() => {
    if (passages) console.log(`[anchoring] ${anchored}/${passages} key sentences and quotes anchored (${((100 * anchored) / passages).toFixed(1)}%)`);
  });

  it.each(PAGES)('%s', (name) => {
    const page = happyPage(readFileSync(sharedPath(DIR, name, 'source.html'), 'utf8'), `https://example.com/${name}`);
    try {
      const reading = analyze(page.doc);
      if (!reading.ok) throw new Error(`${name}: no article (${reading.message})`);
      const spans = [...keySentenceSpans(reading), ...reading.quotes];
      expect(spans.length).toBeGreaterThan(0);
      const results = createAnchorer(page.doc.body, reading.text).anchor(spans);
      const found = results.filter((r, i) => {
        const passage = reading.text.slice(spans[i].start, spans[i].end);
        return r.range !== null && rangeStillMatches(r.range, passage);
      }).length;
      passages += spans.length;
      anchored += found;
      expect(found / spans.length, `${name}: ${found}/${spans.length}`).toBeGreaterThanOrEqual(0.95);
    } finally {
      page.close();
    }
  });

  it('anchors at least 95% of them over all five pages', () => {
    expect(passages).toBeGreaterThan(50);
    expect(anchored / passages).toBeGreaterThanOrEqual(0.95);
  });
});
