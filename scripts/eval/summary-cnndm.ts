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
import { partOf } from './holdout';
import { rouge } from './rouge';
import { greedyOracle, joinSentences } from './summary-oracle';
import { bodyIndices, leadK, textRank } from './summary-baselines';

const K = 3;

const SYSTEMS = ['lede', 'lead', 'textrank', 'oracle'] as const;
type System = (typeof SYSTEMS)[number];
const LABELS: Record<System, string> = { lede: 'Lede', lead: 'Lead-3', textrank: 'TextRank (d=0.85)', oracle: 'Oracle (greedy)' };
type Scores = { rouge1: number; rouge2: number; rougeL: number };
const METRICS = ['rouge1', 'rouge2', 'rougeL'] as const;


function main(): void {
  const stories = loadStories(SHARED, ROOT);
  if (stories.length === 0) {
    console.log('summary-cnndm: no CNN/DM stories (../shared/corpora/cnndm-train-sample is absent), so there is nothing to measure (skipped).');
    return;
  }
  // Groups: each part, all, and each part by source (the shared sample is mostly
  // Daily Mail, the larger set mostly CNN: Lead-3 differs between them).
  const empty = () => ({ n: 0, deep: 0, picks: 0, scores: Object.fromEntries(SYSTEMS.map((s) => [s, { rouge1: 0, rouge2: 0, rougeL: 0 }])) as Record<System, Scores> });
  const sums = new Map<string, ReturnType<typeof empty>>();
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
    const scores = Object.fromEntries(
      SYSTEMS.map((sys) => {
        const r = rouge(joinSentences(text, sentences, picks[sys]), reference);
        return [sys, { rouge1: r.rouge1.f, rouge2: r.rouge2.f, rougeL: r.rougeL.f }];
      }),
    ) as Record<System, Scores>;
    const part = partOf(story.id);
    for (const group of [part, 'all', `${part}, ${story.source}`]) {
      if (!sums.has(group)) sums.set(group, empty());
      const acc = sums.get(group)!;
      acc.n++;
      acc.deep += lede.filter((i) => body.indexOf(i) >= 10).length;
      acc.picks += lede.length;
      for (const sys of SYSTEMS) for (const m of METRICS) acc.scores[sys][m] += scores[sys][m];
    }
  }
  const pct = (x: number) => (100 * x).toFixed(2);
  const groups = ['tune', 'held-out', 'all', ...[...sums.keys()].filter((g) => g.includes(',')).sort()];
  const results: Record<string, Record<System, Scores>> = {};
  for (const group of groups) {
    const acc = sums.get(group)!;
    results[group] = Object.fromEntries(
      SYSTEMS.map((s) => [s, Object.fromEntries(METRICS.map((m) => [m, acc.scores[s][m] / acc.n]))]),
    ) as Record<System, Scores>;
  }
  printTable(
    `Key sentences on CNN/DailyMail (training and validation stories), 3 sentences: ROUGE-1 / ROUGE-2 F1`,
    ['stories', 'n', ...SYSTEMS.map((s) => LABELS[s]), 'Lede picks past 10th'],
    groups.map((g) => {
      const acc = sums.get(g)!;
      return [g, String(acc.n), ...SYSTEMS.map((s) => `${pct(results[g][s].rouge1)} / ${pct(results[g][s].rouge2)}`), `${acc.deep} of ${acc.picks}`];
    }),
  );
  console.log(`whole run ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const held = results['held-out'];
  const outDir = join(ROOT, 'build/eval');
  mkdirSync(outDir, { recursive: true });
  const json = {
    corpus: 'CNN/DailyMail training and validation stories (scripts/eval/cnndm-data.ts)',
    measured: new Date().toISOString(),
    split: 'holdout.ts: FNV-1a of the story id, odd = held out',
    stories: Object.fromEntries(groups.map((g) => [g, sums.get(g)!.n])),
    deepPicks: Object.fromEntries(groups.map((g) => [g, { pastTenth: sums.get(g)!.deep, of: sums.get(g)!.picks }])),
    systems: results,
    headline: (['rouge1', 'rouge2'] as const).map((m) => ({
      metric: `CNN/DM key sentences ${m === 'rouge1' ? 'ROUGE-1' : 'ROUGE-2'} F1, held out (${sums.get('held-out')!.n} stories)`,
      lede: held.lede[m],
      baselines: { 'Lead-3': held.lead[m], TextRank: held.textrank[m], Oracle: held.oracle[m] },
    })),
  };
  writeFileSync(join(outDir, 'summary-cnndm.json'), JSON.stringify(json, null, 2) + '\n');
  console.log(`wrote ${join(outDir, 'summary-cnndm.json')}`);
}

main();
