/**
 * `npm run eval:summary`: key-sentence quality on the BBC News Summary
 * development pairs (../shared/corpora/bbc-summary-dev).
 *
 * For each article, the reference sentences are recovered (summary-data.ts) and
 * every system picks that many sentences (k) from the same sentences (Lede's
 * splitter) with the same nonBody spans (the title line, from articleFromText):
 *
 * - Lede: `analyze(articleText, { sentences: k })`, the product's own path;
 * - Lead-k and TextRank (summary-baselines.ts).
 *
 * Metrics, macro-averaged over articles: ROUGE-1/2/L F1 as Google's rouge-score
 * computes them (rouge.ts says exactly what is implemented), candidate = the
 * picked sentences in document order, reference = the summary's sentences; and
 * sentence-level precision/recall of the picked indices against the reference
 * indices. Prints a table and writes build/eval/summary.json.
 *
 *   --per-category   also print ROUGE-1/2 F1 per BBC category
 *   --ablation       also rerun keySentences with each group of the model's
 *                    features switched off (what each adds here)
 *
 * The figures are also given for the tuning and held-out parts (holdout.ts):
 * the key-sentence model is trained on the tuning part only.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../lib/analyze';
import { articleFromText } from '../../lib/extract';
import { splitSentences } from '../../lib/sentences';
import type { Span } from '../../lib/types';
import { keySentences } from '../../lib/summarize';
import { FEATURES, type Feature } from '../../lib/summary/features';
import { SUMMARY_MODEL } from '../../lib/summary/model';
import { partOf, type Part } from './holdout';
import type { Entity } from '../../lib/types';
import { printTable } from '../bench/table';
import { rouge } from './rouge';
import { leadK, textRank } from './summary-baselines';
import { loadPairs, recoverReference } from './summary-data';
import { PROJECT_ROOT as ROOT, SHARED_DIR as SHARED } from '../../test/support/shared';

const CORPUS = join(SHARED, 'corpora/bbc-summary-dev');
const OUT_DIR = join(ROOT, 'build/eval');
const perCategory = process.argv.includes('--per-category');
const ablation = process.argv.includes('--ablation');

const pairs = loadPairs(CORPUS);
if (pairs.length === 0) {
  console.log(`summary: ${CORPUS} is absent, so there is nothing to measure (skipped).`);
  process.exit(0);
}

const SYSTEMS = ['lede', 'lead', 'textrank'] as const;
type System = (typeof SYSTEMS)[number];
const LABELS: Record<System, string> = { lede: 'Lede', lead: 'Lead-k', textrank: 'TextRank (d=0.85)' };
const METRICS = ['rouge1', 'rouge2', 'rougeL', 'sentP', 'sentR'] as const;
type Metric = (typeof METRICS)[number];

const zero = (): Record<Metric, number> => ({ rouge1: 0, rouge2: 0, rougeL: 0, sentP: 0, sentR: 0 });
const sums: Record<System, Record<Metric, number>> = { lede: zero(), lead: zero(), textrank: zero() };
const byPart = new Map<Part, { n: number; sums: Record<System, Record<Metric, number>> }>([
  ['tune', { n: 0, sums: { lede: zero(), lead: zero(), textrank: zero() } }],
  ['held-out', { n: 0, sums: { lede: zero(), lead: zero(), textrank: zero() } }],
]);
const byCat = new Map<string, { n: number; sums: Record<System, Record<Metric, number>> }>();

let used = 0;
let skipped = 0;
let refSentences = 0;
let unlocated = 0;
let pieces = 0;
let ledeMs = 0;
interface Kept {
  text: string;
  sentences: Span[];
  nonBody: Span[];
  title: string | null;
  entities: Entity[];
  ref: Set<number>;
  refText: string;
  k: number;
}
const kept: Kept[] = [];
let locatedPieces = 0;
let exactPieces = 0;
const started = Date.now();

const sentenceText = (text: string, spans: Span[], ids: number[]) =>
  ids.map((i) => text.slice(spans[i].start, spans[i].end)).join('\n');

for (const pair of pairs) {
  const text = pair.article;
  const sentences = splitSentences(text);
  const ref = recoverReference(text, pair.summary, sentences);
  pieces += ref.pieces.length;
  unlocated += ref.unlocated;
  // Splitter agreement: a located reference sentence that is exactly one of ours.
  const ours = new Set(sentences.map((s) => text.slice(s.start, s.end)));
  for (const p of ref.pieces) {
    if (!text.includes(p)) continue;
    locatedPieces++;
    if (ours.has(p.trim())) exactPieces++;
  }
  const k = ref.sentences.length;
  if (k === 0) {
    skipped++;
    continue;
  }
  used++;
  refSentences += k;

  const t = performance.now();
  const result = analyze(text, { sentences: k });
  ledeMs += performance.now() - t;
  if (!result.ok) throw new Error(`${pair.id}: no article (${result.reason})`);
  if (result.sentences.length !== sentences.length) throw new Error(`${pair.id}: analyze split differently`);
  const { nonBody } = articleFromText(text);

  const picks: Record<System, number[]> = {
    lede: result.summary.map((s) => s.sentence).sort((a, b) => a - b),
    lead: leadK(sentences, nonBody, k),
    textrank: textRank(text, sentences, nonBody, k),
  };
  const refText = ref.pieces.join('\n');
  const refSet = new Set(ref.sentences);
  if (ablation) kept.push({ text, sentences, nonBody, title: result.title, entities: result.entities, ref: refSet, refText, k });
  const cat = pair.id.split('/')[0];
  if (!byCat.has(cat)) byCat.set(cat, { n: 0, sums: { lede: zero(), lead: zero(), textrank: zero() } });
  const c = byCat.get(cat)!;
  c.n++;
  const part = byPart.get(partOf(pair.id))!;
  part.n++;
  for (const sys of SYSTEMS) {
    const ids = picks[sys];
    const r = rouge(sentenceText(text, sentences, ids), refText);
    const hit = ids.filter((i) => refSet.has(i)).length;
    const m: Record<Metric, number> = {
      rouge1: r.rouge1.f,
      rouge2: r.rouge2.f,
      rougeL: r.rougeL.f,
      sentP: ids.length ? hit / ids.length : 0,
      sentR: hit / k,
    };
    for (const key of METRICS) {
      sums[sys][key] += m[key];
      c.sums[sys][key] += m[key];
      part.sums[sys][key] += m[key];
    }
  }
}

const mean = (s: Record<Metric, number>, n: number) =>
  Object.fromEntries(METRICS.map((k) => [k, s[k] / n])) as Record<Metric, number>;
const results = Object.fromEntries(SYSTEMS.map((s) => [s, mean(sums[s], used)])) as Record<System, Record<Metric, number>>;

const pct = (x: number) => (100 * x).toFixed(2);
printTable(
  `Key sentences on bbc-summary-dev: ${used} articles, k = reference length (mean ${(refSentences / used).toFixed(1)} sentences)`,
  ['system', 'ROUGE-1 F1', 'ROUGE-2 F1', 'ROUGE-L F1', 'sentence P', 'sentence R'],
  SYSTEMS.map((s) => [
    LABELS[s],
    pct(results[s].rouge1),
    pct(results[s].rouge2),
    pct(results[s].rougeL),
    pct(results[s].sentP),
    pct(results[s].sentR),
  ]),
);
printTable(
  'ROUGE-1 / ROUGE-2 F1 on the tuning and held-out parts',
  ['part', 'n', ...SYSTEMS.map((s) => `${LABELS[s]} R1/R2`)],
  [...byPart].map(([name, c]) => [name, String(c.n), ...SYSTEMS.map((s) => `${pct(c.sums[s].rouge1 / c.n)} / ${pct(c.sums[s].rouge2 / c.n)}`)]),
);
if (perCategory) {
  printTable(
    'ROUGE-1 / ROUGE-2 F1 per category',
    ['category', 'n', ...SYSTEMS.map((s) => `${LABELS[s]} R1/R2`)],
    [...byCat].map(([cat, c]) => [
      cat,
      String(c.n),
      ...SYSTEMS.map((s) => `${pct(c.sums[s].rouge1 / c.n)} / ${pct(c.sums[s].rouge2 / c.n)}`),
    ]),
  );
}
console.log(
  `\nreference pieces not found verbatim in their article: ${unlocated} of ${pieces}; articles without a located reference: ${skipped}`,
);
console.log(
  `sentence splitter: ${exactPieces} of ${locatedPieces} located reference sentences (${pct(exactPieces / locatedPieces)}%) are exactly one Lede sentence`,
);
console.log(`Lede analyze(): ${(ledeMs / used).toFixed(1)} ms per article; whole run ${((Date.now() - started) / 1000).toFixed(1)} s`);

const ablationRows: { variant: string; rouge1: number; rouge2: number; sentP: number }[] = [];
if (ablation) {
  const groups: [string, Feature[]][] = [
    ['Lede (the trained model)', []],
    ['no position', ['first', 'second', 'third', 'fourth', 'fifth', 'sixthToTenth', 'pastTenth', 'relativePosition', 'inLeadK', 'inLeadKForFew']],
    ['no centrality', ['centrality', 'centralityForMany']],
    ['no title overlap', ['titleShare', 'titleShareForMany']],
    ['no entities/figures', ['entityDensity']],
    ['no length and form', ['logWords', 'fragment', 'runOn', 'question', 'bareQuote', 'opensParagraph']],
  ];
  for (const [variant, off] of groups) {
    const model = { features: FEATURES, weights: FEATURES.map((f, i) => (off.includes(f) ? 0 : SUMMARY_MODEL.weights[i])) };
    let r1 = 0;
    let r2 = 0;
    let p = 0;
    for (const d of kept) {
      const ids = keySentences(d.text, d.sentences, { count: d.k, title: d.title, nonBody: d.nonBody, entities: d.entities }, model).map(
        (s) => s.sentence,
      );
      const r = rouge(sentenceText(d.text, d.sentences, ids), d.refText);
      r1 += r.rouge1.f;
      r2 += r.rouge2.f;
      p += ids.filter((i) => d.ref.has(i)).length / Math.max(1, ids.length);
    }
    ablationRows.push({ variant, rouge1: r1 / kept.length, rouge2: r2 / kept.length, sentP: p / kept.length });
  }
  printTable(
    'Ablation: keySentences with one part of the score switched off',
    ['variant', 'ROUGE-1 F1', 'ROUGE-2 F1', 'sentence P'],
    ablationRows.map((r) => [r.variant, pct(r.rouge1), pct(r.rouge2), pct(r.sentP)]),
  );
}

mkdirSync(OUT_DIR, { recursive: true });
const json = {
  corpus: 'bbc-summary-dev',
  articles: used,
  skippedArticles: skipped,
  referencePieces: pieces,
  unlocatedPieces: unlocated,
  meanK: refSentences / used,
  splitterAgreement: { exact: exactPieces, located: locatedPieces, rate: exactPieces / locatedPieces },
  measured: new Date().toISOString(),
  rouge: 'rouge-score style (see scripts/eval/rouge.ts), F1, macro average over articles',
  systems: Object.fromEntries(SYSTEMS.map((s) => [s, { label: LABELS[s], ...results[s] }])),
  perCategory: Object.fromEntries(
    [...byCat].map(([cat, c]) => [cat, Object.fromEntries(SYSTEMS.map((s) => [s, mean(c.sums[s], c.n)]))]),
  ),
  msPerArticle: ledeMs / used,
  ...(ablation ? { ablation: ablationRows } : {}),
  parts: Object.fromEntries([...byPart].map(([name, c]) => [name, { articles: c.n, ...Object.fromEntries(SYSTEMS.map((s) => [s, mean(c.sums[s], c.n)])) }])),
  headline: (['rouge1', 'rouge2', 'rougeL'] as const).map((m) => {
    const held = byPart.get('held-out')!;
    const at = (s: System) => held.sums[s][m] / held.n;
    return {
      metric: `BBC key sentences ${m === 'rouge1' ? 'ROUGE-1' : m === 'rouge2' ? 'ROUGE-2' : 'ROUGE-L'} F1, held out`,
      lede: at('lede'),
      baselines: { 'Lead-k': at('lead'), TextRank: at('textrank') },
    };
  }),
};
writeFileSync(join(OUT_DIR, 'summary.json'), JSON.stringify(json, null, 2) + '\n');
console.log(`wrote ${join(OUT_DIR, 'summary.json')}`);
