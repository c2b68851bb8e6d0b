/**
 * `npm run train:entities`: trains the entity tagger (greedy averaged perceptron
 * over BIO tags, features in lib/entities/features.ts) on CoNLL-2003 train and, by
 * default, English Worldwide Newswire (the tune half of its 2020–2022 news and all its
 * other years; see NEWS below), and writes lib/entities/model.json (pruned weights in 16-bit steps) and
 * lib/entities/gazetteer.json (lists derived from ../shared/corpora/gazetteer).
 * Deterministic: fixed seed for the document order, so anyone with ../shared
 * gets the same weights. Prints span F1 per epoch (tagger alone, gold tokens) on
 * conll2003-dev, on Wikigold and on the held-out half of each extra set, for
 * choosing settings.
 *
 * --extra a.iob2.jsonl[,b…]: more labelled text in the same JSONL format (e.g.
 * build/corpora/wikineural/val.iob2.jsonl, written by scripts/corpora/assemble-wikineural.py;
 * paths relative to the project). Each document goes to scripts/eval/holdout.ts's partOf(id)
 * (id: entityDocId there, the one npm run eval:entities splits by): the tune half is trained
 * on, the held-out half only scored. --extra-all b.iob2.jsonl[,…]: sets trained on in full
 * (nothing held out from them). The trainer stops if any trained document (same id or URL)
 * is in the held-out half of the news that npm run eval:entities reports (NEWS_2020_FILE). An extra file that is absent is skipped with a message (a fresh clone trains on
 * CoNLL alone). --extra-weight scales the perceptron updates on extra sentences (default 1),
 * --kept-extra-weight the same in the retraining after pruning (default: --extra-weight);
 * --extra-all-weight scales the --extra-all sets' updates in both passes (default 1). A file
 * given as "file@W" has its updates scaled by W in both passes, "file@W/K" by W and then by K
 * after pruning, whatever those flags say.
 * --score-tune c.iob2.jsonl: the tune half of a set that is not trained on, scored beside the others.
 * --out <dir> writes model.json and gazetteer.json there instead of lib/entities/.
 *
 * The defaults reproduce the shipped model byte for byte when both news files are present.
 *
 *   npm run train:entities -- [--epochs 12] [--keep 300000] [--step 1.2] [--freq-power 1] [--count-history]
 *     [--extra build/corpora/wikineural/val.iob2.jsonl] [--extra-all b.iob2.jsonl] [--score-tune c.iob2.jsonl] [--extra-weight 1] [--kept-extra-weight 0.1] [--out build/entities-candidates/x] [--no-write]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUCKETS, docContext, NTAGS, sentenceFeatures, TAGS, type SentenceFeatures, type Tag } from '../lib/entities/features';
import { encodeGazetteer, GazetteerIndex } from '../lib/entities/gazetteer';
import { decodeModel, encodeModel } from '../lib/entities/model-codec';
import { tagSentence, type WeightTable } from '../lib/entities/tagger';
import { tokenize } from '../lib/entities/tokenize';
import { buildGazetteer } from './lib/entities-gazetteer';
import { bioSpans, countSpans, emptyCounts, micro, prf, readIob, SCORED, type Doc } from './lib/entities-data';
import { entityDocId, heldOutClashes, NEWS_2020_FILE, partOf, type LabelledDoc } from './eval/holdout';
import { PROJECT_ROOT as ROOT, SHARED_DIR as SHARED } from '../test/support/shared';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const EPOCHS = opt('epochs', 12);
const STEP = opt('step', 1.2);
const KEEP = opt('keep', 300000);
const FREQ_POWER = opt('freq-power', 1);
const COUNT_HISTORY = args.includes('--count-history');
const WRITE = !args.includes('--no-write');
const optString = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
// The shipped model's extra text: news of 2020–2022 (its tune half) and the same newswire's other years, both
// written by scripts/corpora/assemble-news-ner.py; their updates count in full, then 0.3 after pruning.
const NEWS = 'build/corpora/news-ner';
const EXTRA = (optString('extra') ?? `${NEWS}/worldwide-2020plus.iob2.jsonl@1/0.3`).split(',').filter(Boolean);
const EXTRA_ALL = (optString('extra-all') ?? `${NEWS}/worldwide-other.iob2.jsonl@1/0.3`).split(',').filter(Boolean);
const EXTRA_WEIGHT = opt('extra-weight', 1);
const KEPT_EXTRA_WEIGHT = opt('kept-extra-weight', EXTRA_WEIGHT);
const EXTRA_ALL_WEIGHT = opt('extra-all-weight', 1);
const OUT = ((d) => (isAbsolute(d) ? d : join(ROOT, d)))(optString('out') ?? 'lib/entities');
const SEED = 20260101;

if (!existsSync(join(SHARED, 'corpora/conll2003-train/train.iob2.jsonl'))) {
  console.log(`[skip] ${SHARED}/corpora/conll2003-train is absent: cannot train the entity model.`);
  process.exit(0);
}

const lists = buildGazetteer(SHARED);
if (WRITE) {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'gazetteer.json'), JSON.stringify(encodeGazetteer(lists)) + '\n');
}
const gaz = new GazetteerIndex(lists);

/** Tokens as the product sees them: the same folding of quotes as lib/entities/tokenize. */
const norm = (w: string) => tokenize(w).map((t) => t.norm).join('') || w;

interface Prepared {
  words: string[][];
  tags: Tag[][];
  feats: SentenceFeatures[];
  /** Scale of the perceptron updates on this document's sentences (1 for CoNLL train, --extra-weight for extras). */
  weight: number;
  /** From an --extra or --extra-all set. */
  extra?: boolean;
  /** The weight in the retraining after pruning (extras only). */
  keptWeight?: number;
}
function prepare(docs: Doc[], weight = 1): Prepared[] {
  return docs.map((d) => {
    const words = d.sentences.map((s) => s.tokens.map(norm));
    const ctx = docContext(words);
    return { words, tags: d.sentences.map((s) => s.ner), feats: words.map((w) => sentenceFeatures(w, gaz, ctx)), weight };
  });
}

let t = Date.now();
const fires = new Float64Array(BUCKETS);
const train = prepare(readIob(join(SHARED, 'corpora/conll2003-train/train.iob2.jsonl')));
// Extra labelled sets: the tune half joins the training documents, the held-out half is only scored.
const heldOut: { name: string; data: Prepared[] }[] = [];
// The news of 2020–2022 that npm run eval:entities reports on: no document of its held-out half may be trained on.
const newsFile = join(ROOT, NEWS_2020_FILE);
const newsDocs: LabelledDoc[] = existsSync(newsFile) ? readIob(newsFile) : [];
for (const [item, whole] of [...EXTRA.map((f) => [f, false] as const), ...EXTRA_ALL.map((f) => [f, true] as const)]) {
  // "file@W" or "file@W/K": this file's updates scaled by W (and by K in the retraining after pruning), whatever the weight flags say.
  const [file, ownWeights] = item.split('@');
  const [own, ownKept] = ownWeights?.split('/') ?? [];
  const path = isAbsolute(file) ? file : join(ROOT, file);
  if (!existsSync(path)) {
    console.log(`[skip] extra ${file} is absent: training without it (scripts/corpora/assemble-news-ner.py writes build/corpora/news-ner/, assemble-wikineural.py build/corpora/wikineural/).`);
    continue;
  }
  const docs = readIob(path);
  const id = (d: Doc) => entityDocId(d, path);
  const tune = whole ? docs : docs.filter((d) => partOf(id(d)) === 'tune');
  const held = whole ? [] : docs.filter((d) => partOf(id(d)) === 'held-out');
  const clashes = heldOutClashes(tune, path, newsDocs, newsFile);
  if (clashes.length) throw new Error(`extra ${file}: ${clashes.length} documents are held out by npm run eval:entities (${clashes.slice(0, 5).join(', ')}): not training on them.`);
  const sentences = (ds: Doc[]) => ds.reduce((n, d) => n + d.sentences.length, 0);
  console.log(
    whole
      ? `extra ${file}: all ${tune.length} documents (${sentences(tune)} sentences) trained on, weight ${ownWeights ?? EXTRA_ALL_WEIGHT}`
      : `extra ${file}: tune ${tune.length} documents (${sentences(tune)} sentences, trained on, weight ${ownWeights ?? EXTRA_WEIGHT}), held out ${held.length} (${sentences(held)} sentences, scored only)`,
  );
  const weight = own !== undefined ? Number(own) : whole ? EXTRA_ALL_WEIGHT : EXTRA_WEIGHT;
  const keptWeight = ownKept !== undefined ? Number(ownKept) : own !== undefined || whole ? weight : KEPT_EXTRA_WEIGHT;
  train.push(...prepare(tune, weight).map((d) => ({ ...d, extra: true, keptWeight })));
  if (held.length) heldOut.push({ name: `${basename(file).replace(/\.iob2\.jsonl$/, '')} held-out`, data: prepare(held) });
}
// --score-tune a.iob2.jsonl[,…]: the tune half of a set not trained on, scored only (for choosing settings without looking at the held-out half).
for (const file of (optString('score-tune') ?? '').split(',').filter(Boolean)) {
  const path = isAbsolute(file) ? file : join(ROOT, file);
  if (!existsSync(path)) continue;
  heldOut.push({ name: `${basename(file).replace(/\.iob2\.jsonl$/, '')} tune (not trained on)`, data: prepare(readIob(path).filter((d) => partOf(entityDocId(d, path)) === 'tune')) });
}
for (const d of train) for (const f of d.feats) for (const id of f.ids) fires[id]++;
// The same counts over CoNLL train alone, for the buckets that tag-history features use (see the pruning below).
const firesConll = train.some((d) => d.extra) ? new Float64Array(BUCKETS) : fires;
if (firesConll !== fires) for (const d of train) if (!d.extra) for (const f of d.feats) for (const id of f.ids) firesConll[id]++;
const historyBucket = new Uint8Array(BUCKETS);
const dev = prepare(readIob(join(SHARED, 'corpora/conll2003-dev/dev.iob2.jsonl')));
const WIKIGOLD = join(SHARED, 'corpora/wikigold/wikigold.iob2.jsonl');
const wikigold = existsSync(WIKIGOLD) ? prepare(readIob(WIKIGOLD)) : null;
if (!wikigold) console.log(`[skip] ${WIKIGOLD} is absent: no Wikigold figures.`);
console.log(`features: ${((Date.now() - t) / 1000).toFixed(1)} s`);

// Averaged perceptron with lazy averaging: acc holds the weights summed over all steps.
const w = new Float64Array(BUCKETS * NTAGS);
const acc = new Float64Array(BUCKETS * NTAGS);
const stamp = new Float64Array(BUCKETS * NTAGS);
let step = 0;
// Cells allowed to learn: all in the first pass, only the kept ones when retraining after pruning.
let mask: Uint8Array | null = null;
const bump = (cell: number, delta: number) => {
  if (mask && !mask[cell]) return;
  acc[cell] += (step - stamp[cell]) * w[cell];
  stamp[cell] = step;
  w[cell] += delta;
};
const update = (ids: ArrayLike<number>, from: number, to: number, gold: number, pred: number, by = 1) => {
  for (let k = from; k < to; k++) {
    bump(ids[k] * NTAGS + gold, by);
    bump(ids[k] * NTAGS + pred, -by);
  }
};
const averaged = () => {
  const avg = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) avg[i] = (acc[i] + (step - stamp[i]) * w[i]) / Math.max(1, step);
  return avg;
};

function scoreTypes(data: Prepared[], weights: WeightTable) {
  const counts = emptyCounts();
  for (const d of data)
    d.words.forEach((words, s) => {
      const pred = tagSentence(words, d.feats[s], weights);
      countSpans(bioSpans(d.tags[s]), bioSpans(pred), counts);
    });
  return { all: prf(micro(counts)), ...Object.fromEntries(SCORED.map((t) => [t, prf(counts[t])])) } as Record<'all' | (typeof SCORED)[number], ReturnType<typeof prf>>;
}
const score = (data: Prepared[], weights: WeightTable) => scoreTypes(data, weights).all;
/** Wikigold, each extra set's held-out half and each --score-tune set's tune half, as "name F1" pairs. */
function otherScores(weights: WeightTable): string {
  const parts: string[] = [];
  if (wikigold) parts.push(`wikigold F1 ${score(wikigold, weights).f1.toFixed(4)}`);
  for (const h of heldOut) parts.push(`${h.name} F1 ${score(h.data, weights).f1.toFixed(4)}`);
  return parts.length ? ', ' + parts.join(', ') : '';
}

// Deterministic shuffle (mulberry32) of the document order each epoch.
let seed = SEED;
const rand = () => {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
};
const order = train.map((_, i) => i);
const tagIndex = new Map(TAGS.map((tag, i) => [tag, i]));

function trainPass(label: string) {
  w.fill(0);
  acc.fill(0);
  stamp.fill(0);
  step = 0;
  seed = SEED;
for (let epoch = 1; epoch <= EPOCHS; epoch++) {
  t = Date.now();
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  let errors = 0;
  let tokens = 0;
  for (const di of order) {
    const d = train[di];
    d.words.forEach((words, s) => {
      const gold = d.tags[s];
      tagSentence(words, d.feats[s], w, (i, stat, from, to, hist, pred) => {
        if (epoch === 1 && !mask) for (const id of hist) historyBucket[id] = 1;
        if (COUNT_HISTORY && epoch === 1 && !mask) for (const id of hist) fires[id]++;
        step++;
        tokens++;
        const g = tagIndex.get(gold[i])!;
        if (g !== pred) {
          errors++;
          update(stat, from, to, g, pred, d.weight);
          update(hist, 0, hist.length, g, pred, d.weight);
        }
      });
    });
  }
  const avg = averaged();
  const devF = score(dev, avg);
  console.log(
    `${label} epoch ${epoch}: train token error ${((100 * errors) / tokens).toFixed(2)}%, dev F1 ${devF.f1.toFixed(4)} (P ${devF.p.toFixed(4)} R ${devF.r.toFixed(4)})${otherScores(avg)}, ${((Date.now() - t) / 1000).toFixed(1)} s`,
  );
}

}

trainPass('full');
if (KEEP > 0) {
  // Keep the KEEP largest averaged weights, then retrain with only those cells free so the rest adapts to the pruning.
  // A cell's worth: its weight times how often its feature fires (to the power FREQ_POWER), so a
  // moderate weight on a frequent feature outranks a large one on a feature seen twice. The
  // tag-history features are not counted unless --count-history, so they keep a weight only
  // where their bucket is shared with a kept static feature: measured on conll2003-dev this is
  // better (0.8975) than all features unpruned (0.8960) or counting them at the same size
  // (0.8930): greedy decoding leans less on its own earlier tags.
  // The defaults (55,000 cells kept, steps of 2.4) fit the content script's 150 KB budget:
  // 46 KB gzipped at dev F1 0.8918 (with compromise's organization and demonym lists among
  // the gazetteer features), against 100 KB at 0.8975 for 95,000 cells in steps of 0.9
  // (sweep on conll2003-dev: 50,000/2.0 → 45 KB, 0.887; 55,000/2.0 → 49 KB, 0.890; 60,000/2.6 → 47 KB, 0.885).
  const first = averaged();
  const worth = new Float64Array(first.length);
  // A bucket that a history feature shares is counted over CoNLL train only, as without extras: the
  // extras' many more static features would otherwise let far more history cells in by accident,
  // which measured worse (dev F1 0.86 instead of 0.89 with WikiNEuRal added).
  const firesOf = (b: number) => (historyBucket[b] && !COUNT_HISTORY ? firesConll[b] : fires[b]);
  for (let i = 0; i < first.length; i++) worth[i] = Math.abs(first[i]) * Math.pow(firesOf(Math.floor(i / NTAGS)), FREQ_POWER);
  const sorted = Float64Array.from(worth).sort();
  const cut = sorted[Math.max(0, sorted.length - KEEP)];
  mask = new Uint8Array(first.length);
  for (let i = 0; i < first.length; i++) if (worth[i] >= cut && first[i] !== 0) mask[i] = 1;
  // The silver extras at a lower weight in the retraining than in the first pass: with their
  // full weight the few kept cells bend to them and CoNLL dev loses (0.885 against 0.894 at
  // 110,000 cells; --kept-extra-weight 0.1 keeps it).
  for (const d of train) if (d.extra) d.weight = d.keptWeight!;
  trainPass(`kept ${KEEP}`);
}
const avg = averaged();
// Quantize to steps of STEP; cells under half a step are pruned.
const model = encodeModel(avg, STEP);
const quant = decodeModel(model);
const trainF = score(train, quant);
const devF = score(dev, quant);
const json = JSON.stringify(model);
console.log(
  `shipped model: ${model.cells} cells, ${(json.length / 1024).toFixed(0)} KB, ${(gzipSync(json).length / 1024).toFixed(1)} KB gzipped; ` +
    `train F1 ${trainF.f1.toFixed(4)}, dev F1 ${devF.f1.toFixed(4)} (P ${devF.p.toFixed(4)} R ${devF.r.toFixed(4)}) (tagger alone, gold tokens)`,
);
// The shipped (quantized) model by type on each scored set.
const sets: [string, Prepared[]][] = [['conll2003-dev', dev], ...(wikigold ? [['wikigold', wikigold] as [string, Prepared[]]] : []), ...heldOut.map((h) => [h.name, h.data] as [string, Prepared[]])];
for (const [name, data] of sets) {
  const r = scoreTypes(data, quant);
  console.log(`  ${name}: F1 ${r.all.f1.toFixed(4)} (P ${r.all.p.toFixed(4)} R ${r.all.r.toFixed(4)}); ${SCORED.map((t) => `${t} ${r[t].f1.toFixed(4)}`).join(', ')}`);
}
if (WRITE) writeFileSync(join(OUT, 'model.json'), json + '\n');
