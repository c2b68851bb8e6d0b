/**
 * `npm run eval:quotes`: direct quotes and their speakers on PolNeAR's
 * development split (../shared/corpora/polnear-dev/polnear_dev.jsonl), with the
 * metric of issue 13 item 3 (scripts/eval/quotes-metric.ts says it in full):
 * gold quotes are attributions whose content starts or ends with a double mark,
 * and a quote is found when one prediction covers half its content, reported
 * clause included; each text is scored once, against its alphabetically first annotator.
 *
 * Product path on each text: `splitSentences` → `findEntities` → `findQuotes`;
 * a quote's characters are its `span` (the statement it belongs to).
 * Baseline, same texts and metric: text between double quotation marks of three
 * or more words, speaker = the nearest capitalised name in the same sentence.
 *
 * The texts are split by a hash of their id (quotes-metric.ts, isHeldOut) into a
 * tuning part and a held-out part (about a third); figures are printed for
 * each and for all. Only the tuning part is for looking at while changing the
 * product: `--show N` prints up to N misses, false positives and wrong speakers
 * from the tuning part alone (corpus text is printed, never written to a file).
 * `--no-entities` attributes without `findEntities`, to see what the entities add.
 *
 * Prints a table; writes build/eval/quotes.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findEntities } from '../../lib/entities';
import { findQuotes } from '../../lib/quotes';
import { splitSentences } from '../../lib/sentences';
import type { Entity, Span } from '../../lib/types';
import { PROJECT_ROOT as ROOT, SHARED_DIR as SHARED } from '../../test/support/shared';
import {
  addTally,
  annotatedContents,
  claimed,
  emptyTally,
  goldQuotes,
  isHeldOut,
  judge,
  onePerText,
  type GoldQuote,
  type PolnearRecord,
  type PredictedQuote,
  type Tally,
} from './quotes-metric';

const CORPUS = join(SHARED, 'corpora/polnear-dev/polnear_dev.jsonl');
const OUT_DIR = join(ROOT, 'build/eval');

const args = process.argv.slice(2);
const showIdx = args.indexOf('--show');
const showN = showIdx >= 0 ? Number(args[showIdx + 1] ?? 20) : 0;
const useEntities = !args.includes('--no-entities');

if (!existsSync(CORPUS)) {
  console.log(`quotes: ${CORPUS} is absent, so there is nothing to measure (skipped).`);
  process.exit(0);
}

function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/** The baseline: three or more words between double marks; the nearest capitalised name in the sentence. */
function baseline(text: string, sentences: Span[]): PredictedQuote[] {
  const out: PredictedQuote[] = [];
  for (const m of text.matchAll(/“([^”\n]*)”|"([^"\n]*)"/g)) {
    const inner = m[1] ?? m[2];
    if ((inner.match(/[\p{L}\p{N}]+/gu) ?? []).length < 3) continue;
    const span = trimSpan(text, { start: m.index! + 1, end: m.index! + m[0].length - 1 });
    const sentence = sentences.find((s) => s.start <= m.index! && m.index! < s.end) ?? { start: m.index!, end: m.index! + m[0].length };
    let best: Span | null = null;
    let bestDist = Infinity;
    const from = Math.min(sentence.start, m.index!);
    const to = Math.max(sentence.end, m.index! + m[0].length);
    for (const n of text.slice(from, to).matchAll(/\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*/gu)) {
      const s = { start: from + n.index!, end: from + n.index! + n[0].length };
      if (s.start >= m.index! && s.end <= m.index! + m[0].length) continue; // inside the quote
      const dist = s.end <= m.index! ? m.index! - s.end : s.start - (m.index! + m[0].length);
      if (dist < bestDist) {
        bestDist = dist;
        best = s;
      }
    }
    out.push({ ...span, speaker: best ? text.slice(best.start, best.end) : null, speakerMention: best });
  }
  return out;
}

const records: PolnearRecord[] = readFileSync(CORPUS, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
const texts = onePerText(records);

type System = 'lede' | 'baseline';
type Part = 'tuning' | 'heldOut' | 'all';
const PARTS: Part[] = ['tuning', 'heldOut', 'all'];
const tallies: Record<System, Record<Part, Tally>> = {
  lede: { tuning: emptyTally(), heldOut: emptyTally(), all: emptyTally() },
  baseline: { tuning: emptyTally(), heldOut: emptyTally(), all: emptyTally() },
};
const docsIn: Record<Part, number> = { tuning: 0, heldOut: 0, all: 0 };
let entityFailures = 0;
let chars = 0;
let ms = 0;
const shown = { miss: 0, fp: 0, speaker: 0 };

const clip = (text: string, s: Span, n = 160) => text.slice(s.start, s.end).slice(0, n).replace(/\n/g, '⏎');
const goldText = (text: string, g: GoldQuote) => g.content.map((c) => clip(text, c, 200)).join(' … ');

/** Development listing: what the product got wrong on one tuning text. */
function show(doc: string, text: string, judged: ReturnType<typeof judge>) {
  for (const g of judged.missed) if (shown.miss++ < showN) console.log(`MISS ${doc}: «${goldText(text, g)}»`);
  for (const p of judged.falsePositives) {
    if (shown.fp++ < showN) console.log(`FP ${doc}: «${clip(text, claimed(p))}» ctx «${clip(text, { start: Math.max(0, p.start - 80), end: p.start })}»`);
  }
  for (const { gold, prediction: p } of judged.wrongSpeaker) {
    if (shown.speaker++ >= showN) continue;
    const mention = p.speakerMention ? clip(text, p.speakerMention) : '-';
    const at = gold.content[0].start;
    console.log(
      `SPEAKER ${doc}: got ${p.speaker} [${mention}] want ${gold.source!.text} for «${goldText(text, gold).slice(0, 80)}» before «${clip(text, { start: Math.max(0, at - 160), end: at }, 160)}»`,
    );
  }
}

for (const r of texts) {
  const { text, doc } = r;
  const part: Part = isHeldOut(doc) ? 'heldOut' : 'tuning';
  const gold = goldQuotes(r);
  const contents = annotatedContents(r);
  const t0 = performance.now();
  const sentences = splitSentences(text);
  let entities: Entity[] = [];
  if (useEntities) {
    try {
      entities = findEntities(text, sentences);
    } catch (err) {
      entityFailures++;
      if (entityFailures === 1) console.warn(`findEntities threw on ${doc}: ${(err as Error).message}`);
    }
  }
  const lede: PredictedQuote[] = findQuotes(text, sentences, entities);
  ms += performance.now() - t0;
  chars += text.length;
  docsIn[part]++;
  docsIn.all++;
  for (const [system, preds] of [
    ['lede', lede],
    ['baseline', baseline(text, sentences)],
  ] as const) {
    const judged = judge(gold, preds, contents);
    addTally(tallies[system][part], judged.tally);
    addTally(tallies[system].all, judged.tally);
    if (system === 'lede' && part === 'tuning' && showN > 0) show(doc, text, judged);
  }
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const figures = (t: Tally) => ({
  recall: ratio(t.found, t.gold),
  precision: ratio(t.right, t.predicted),
  precisionDirectOnly: ratio(t.rightStrict, t.predicted),
  speakerAccuracy: ratio(t.speakerRight, t.speakerGold),
  ...t,
});
const result = {
  corpus: 'polnear-dev',
  texts: texts.length,
  annotationFiles: records.length,
  date: new Date().toISOString(),
  split: { tuning: docsIn.tuning, heldOut: docsIn.heldOut, rule: 'FNV-1a of the doc id % 3 === 0 is held out' },
  lede: Object.fromEntries(PARTS.map((p) => [p, figures(tallies.lede[p])])),
  baseline: Object.fromEntries(PARTS.map((p) => [p, figures(tallies.baseline[p])])),
  charsPerMs: ratio(chars, ms),
  entities: useEntities ? 'findEntities' : 'none (--no-entities)',
  entityFailures,
  targets: { recall: 0.95, precision: 0.95, speakerAccuracy: 0.92 },
  headline: [] as { metric: string; lede: number; baselines: Record<string, number> }[],
};
for (const [metric, key] of [
  ['direct-quote recall', 'recall'],
  ['direct-quote precision', 'precision'],
  ['speaker accuracy', 'speakerAccuracy'],
] as const) {
  for (const [part, label] of [
    ['all', ''],
    ['heldOut', ' (held out)'],
  ] as const) {
    result.headline.push({ metric: metric + label, lede: result.lede[part][key], baselines: { 'quote marks + nearest name': result.baseline[part][key] } });
  }
}

const f = (x: number) => x.toFixed(3);
console.log(
  `PolNeAR dev: ${texts.length} texts (${records.length} annotation files; a text annotated twice is scored against its alphabetically first annotator), ` +
    `${tallies.lede.all.gold} gold direct quotes; tuning ${docsIn.tuning} texts, held out ${docsIn.heldOut}`,
);
console.log('| system | part | recall | precision | speaker acc. | found/gold | right/predicted | speaker right/with source | precision against direct quotes only |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const system of ['lede', 'baseline'] as const) {
  for (const part of PARTS) {
    const r = figures(tallies[system][part]);
    const name = system === 'lede' ? 'Lede' : 'quote marks + nearest name';
    const label = part === 'heldOut' ? 'held out' : part;
    console.log(`| ${name} | ${label} | ${f(r.recall)} | ${f(r.precision)} | ${f(r.speakerAccuracy)} | ${r.found}/${r.gold} | ${r.right}/${r.predicted} | ${r.speakerRight}/${r.speakerGold} | ${f(r.precisionDirectOnly)} |`);
  }
}
console.log(
  'precision: a prediction is right when it covers half of some annotated content or lies half in one (any attribution, as the issue\'s own figures were measured); ' +
    'the last column counts only the direct quotes\' contents, where partial quotes inside indirect speech count as wrong',
);
if (entityFailures) console.log(`note: findEntities threw on ${entityFailures} texts; those were attributed without entities`);
console.log(`targets: recall ≥ 0.95, precision ≥ 0.95, speaker accuracy ≥ 0.92; product path ${Math.round(result.charsPerMs * 1000)} chars/s`);
mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(join(OUT_DIR, 'quotes.json'), JSON.stringify(result, null, 2) + '\n');
console.log(`wrote ${join(OUT_DIR, 'quotes.json')}`);
