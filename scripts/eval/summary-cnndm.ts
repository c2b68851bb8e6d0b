/**
 * `npm run eval:summary-cnndm`: three key sentences on CNN/DailyMail news
 * stories (../shared/corpora/cnndm-train-sample: training-split stories, never
 * the test split), against the story's highlights.
 *
 * Every system picks 3 sentences from the same sentences (Lede's splitter) with
 * the same nonBody spans, after the dataset's scraped byline run is cut
 * (cnndm-data.ts):
 *
 * - Lede: `analyze(text, { sentences: 3 })`, the product's own path;
 * - Lead-3 (the first three body sentences) and TextRank (summary-baselines.ts);
 * - Oracle: greedy search for the (up to) 3 sentences with the best ROUGE-1 +
 *   ROUGE-2 F1 against the highlights: the ceiling for extraction from our splits.
 *
 * ROUGE-1/2/L F1 as rouge-score computes them (rouge.ts), reference = the
 * highlights one per line, macro-averaged over stories; reported for the tuning
 * part, the held-out part (holdout.ts) and all. Also: where Lede's picks sit (the
 * share from past the tenth body sentence). Writes build/eval/summary-cnndm.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../lib/analyze';
import { articleFromText } from '../../lib/extract';
import { PROJECT_ROOT as ROOT, SHARED_DIR as SHARED } from '../../test/support/shared';
import { printTable } from '../bench/table';
import { loadStories, withoutFurniture } from './cnndm-data';
import { partOf, type Part } from './holdout';
import { rouge } from './rouge';
import { greedyOracle, joinSentences } from './summary-oracle';
import { bodyIndices, leadK, textRank } from './summary-baselines';

const FILE = join(SHARED, 'corpora/cnndm-train-sample/train_sample.jsonl');
const K = 3;

const SYSTEMS = ['lede', 'lead', 'textrank', 'oracle'] as const;
type System = (typeof SYSTEMS)[number];
const LABELS: Record<System, string> = { lede: 'Lede', lead: 'Lead-3', textrank: 'TextRank (d=0.85)', oracle: 'Oracle (greedy)' };
type Scores = { rouge1: number; rouge2: number; rougeL: number };
const METRICS = ['rouge1', 'rouge2', 'rougeL'] as const;


function main(): void {
  const stories = loadStories(FILE);
  if (stories.length === 0) {
    console.log(`summary-cnndm: ${FILE} is absent, so there is nothing to measure (skipped).`);
    return;
  }
  const parts: (Part | 'all')[] = ['tune', 'held-out', 'all'];
  const sums = new Map(parts.map((p) => [p, { n: 0, deep: 0, picks: 0, scores: Object.fromEntries(SYSTEMS.map((s) => [s, { rouge1: 0, rouge2: 0, rougeL: 0 }])) as Record<System, Scores> }]));
  const started = Date.now();
  for (const story of stories) {
    const text = withoutFurniture(story.article);
    const result = analyze(text, { sentences: K });
    if (!result.ok) throw new Error(`${story.id}: no article (${result.reason})`);
    const { sentences } = result;
    const { nonBody } = articleFromText(text);
    const reference = story.highlights.join('\n');
    const body = bodyIndices(sentences, nonBody);
    const lede = result.summary.map((s) => s.sentence).sort((a, b) => a - b);
    const picks: Record<System, number[]> = {
      lede,
      lead: leadK(sentences, nonBody, K),
      textrank: textRank(text, sentences, nonBody, K),
      oracle: greedyOracle(text, sentences, body, reference, K),
    };
    const deep = lede.filter((i) => body.indexOf(i) >= 10).length;
    for (const part of [partOf(story.id), 'all'] as const) {
      const acc = sums.get(part)!;
      acc.n++;
      acc.deep += deep;
      acc.picks += lede.length;
      for (const sys of SYSTEMS) {
        const r = rouge(joinSentences(text, sentences, picks[sys]), reference);
        acc.scores[sys].rouge1 += r.rouge1.f;
        acc.scores[sys].rouge2 += r.rouge2.f;
        acc.scores[sys].rougeL += r.rougeL.f;
      }
    }
  }
  const pct = (x: number) => (100 * x).toFixed(2);
  const results: Record<string, Record<System, Scores>> = {};
  for (const part of parts) {
    const acc = sums.get(part)!;
    results[part] = Object.fromEntries(
      SYSTEMS.map((s) => [s, Object.fromEntries(METRICS.map((m) => [m, acc.scores[s][m] / acc.n]))]),
    ) as Record<System, Scores>;
    printTable(
      `Key sentences on cnndm-train-sample, ${part}: ${acc.n} stories, 3 sentences; Lede picks past the 10th body sentence: ${acc.deep} of ${acc.picks}`,
      ['system', 'ROUGE-1 F1', 'ROUGE-2 F1', 'ROUGE-L F1'],
      SYSTEMS.map((s) => [LABELS[s], pct(results[part][s].rouge1), pct(results[part][s].rouge2), pct(results[part][s].rougeL)]),
    );
  }
  console.log(`whole run ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const held = results['held-out'];
  const outDir = join(ROOT, 'build/eval');
  mkdirSync(outDir, { recursive: true });
  const json = {
    corpus: 'cnndm-train-sample',
    measured: new Date().toISOString(),
    split: 'holdout.ts: FNV-1a of the story id, odd = held out',
    stories: Object.fromEntries(parts.map((p) => [p, sums.get(p)!.n])),
    deepPicks: Object.fromEntries(parts.map((p) => [p, { pastTenth: sums.get(p)!.deep, of: sums.get(p)!.picks }])),
    systems: results,
    headline: (['rouge1', 'rouge2'] as const).map((m) => ({
      metric: `CNN/DM key sentences ${m === 'rouge1' ? 'ROUGE-1' : 'ROUGE-2'} F1, held out`,
      lede: held.lede[m],
      baselines: { 'Lead-3': held.lead[m], TextRank: held.textrank[m], Oracle: held.oracle[m] },
    })),
  };
  writeFileSync(join(outDir, 'summary-cnndm.json'), JSON.stringify(json, null, 2) + '\n');
  console.log(`wrote ${join(outDir, 'summary-cnndm.json')}`);
}

main();
