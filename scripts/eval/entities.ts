/**
 * `npm run eval:entities`: named-entity accuracy of the product path on
 * CoNLL-2003 dev (and Wikigold as an out-of-domain check). Each document is
 * given to `findEntities` as text (tokens joined by spaces, sentences by new
 * lines, sentence spans from lib/sentences.ts); predicted mentions are mapped
 * back to tokens and scored as exact spans, micro P/R/F1 over PER/ORG/LOC and
 * per type. A prediction exactly on a gold MISC span is ignored, a gold MISC
 * span is not a miss. Baseline on the same texts: compromise alone
 * (people/organizations/places with offsets). Also measures the tagger's speed
 * and findEntities on a 100,000-word text. On real article pages
 * (readability-pages), where there is no gold, the share of listed names that
 * the rules of scripts/lib/entities-precision.ts judge wrong, by type, on a
 * tune half and a held-out half (compromise alone beside). Writes build/eval/entities.json.
 * With --train, also scores the product path on the training split.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import nlp from 'compromise';
import { findEntities, tagText } from '../../lib/entities';
import { splitSentences } from '../../lib/sentences';
import type { EntityType, Span } from '../../lib/types';
import { judgeLists, RULES } from '../lib/entities-precision';
import { judgePages, pageNames, TYPES, wrongShare } from '../lib/entities-pages';
import { entityDocId, NEWS_2020_FILE, partOf } from './holdout';
import { bioSpans, countSpans, emptyCounts, micro, prf, readIob, SCORED, type Counts, type Doc, type TypedSpan } from '../lib/entities-data';
import { PROJECT_ROOT as ROOT, SHARED_DIR as SHARED } from '../../test/support/shared';

const DEV = join(SHARED, 'corpora/conll2003-dev/dev.iob2.jsonl');
const WIKIGOLD = join(SHARED, 'corpora/wikigold/wikigold.iob2.jsonl');
/** News of 2020–2022 (English Worldwide Newswire, train and dev files only), built by scripts/corpora/assemble-news-ner.py. */
const NEWS_2020 = join(ROOT, NEWS_2020_FILE);

if (!existsSync(DEV)) {
  console.log(`[skip] ${DEV} is absent: the entity evaluation needs ../shared/corpora/conll2003-dev.`);
  process.exit(0);
}

const TYPE: Record<EntityType, string> = { person: 'PER', organization: 'ORG', place: 'LOC' };

interface DocText {
  text: string;
  /** Token index by start / end character offset. */
  startAt: Map<number, number>;
  endAt: Map<number, number>;
  gold: TypedSpan[];
  tokens: number;
}

function asText(d: Doc): DocText {
  const startAt = new Map<number, number>();
  const endAt = new Map<number, number>();
  const gold: TypedSpan[] = [];
  const lines: string[] = [];
  let pos = 0;
  let tok = 0;
  for (const s of d.sentences) {
    for (const g of bioSpans(s.ner)) gold.push({ start: g.start + tok, end: g.end + tok, type: g.type });
    s.tokens.forEach((t, i) => {
      startAt.set(pos, tok + i);
      endAt.set(pos + t.length, tok + i + 1);
      pos += t.length + 1;
    });
    tok += s.tokens.length;
    lines.push(s.tokens.join(' '));
    if (s.tokens.length === 0) pos += 1;
  }
  return { text: lines.join('\n'), startAt, endAt, gold, tokens: tok };
}

/** Character spans → token spans; a span not on token boundaries cannot match and stays a false positive. */
function toTokens(d: DocText, spans: (Span & { type: string })[]): TypedSpan[] {
  return spans.map((s, k) => {
    const a = d.startAt.get(s.start);
    const b = d.endAt.get(s.end);
    return a !== undefined && b !== undefined && b > a ? { start: a, end: b, type: s.type } : { start: -1 - k, end: -1 - k, type: s.type };
  });
}

function lede(d: DocText): (Span & { type: string })[] {
  return findEntities(d.text, splitSentences(d.text)).flatMap((e) => e.mentions.map((m) => ({ ...m, type: TYPE[e.type] })));
}

interface CompromiseMatch {
  terms: { offset: { start: number; length: number } }[];
}
function compromise(d: DocText): (Span & { type: string })[] {
  const doc = nlp(d.text);
  const out: (Span & { type: string })[] = [];
  const add = (matches: CompromiseMatch[], type: string) => {
    for (const m of matches) {
      const first = m.terms[0].offset;
      const last = m.terms[m.terms.length - 1].offset;
      out.push({ start: first.start, end: last.start + last.length, type });
    }
  };
  add(doc.people().json({ offset: true }) as CompromiseMatch[], 'PER');
  add(doc.organizations().json({ offset: true }) as CompromiseMatch[], 'ORG');
  add(doc.places().json({ offset: true }) as CompromiseMatch[], 'LOC');
  return out;
}

interface Result {
  micro: { p: number; r: number; f1: number };
  perType: Record<string, { p: number; r: number; f1: number }>;
  counts: Record<string, Counts>;
  seconds: number;
}
function run(docs: DocText[], system: (d: DocText) => (Span & { type: string })[]): Result {
  const counts = emptyCounts();
  const t = performance.now();
  for (const d of docs) countSpans(d.gold, toTokens(d, system(d)), counts);
  const seconds = (performance.now() - t) / 1000;
  return {
    micro: prf(micro(counts)),
    perType: Object.fromEntries(SCORED.map((type) => [type, prf(counts[type])])),
    counts,
    seconds,
  };
}

const f3 = (x: number) => x.toFixed(3);
function table(title: string, rows: [string, Result][]): string {
  const out = [`${title}`, '| system | P | R | F1 | PER F1 | ORG F1 | LOC F1 | time |', '|---|---|---|---|---|---|---|---|'];
  for (const [name, r] of rows) {
    out.push(
      `| ${name} | ${f3(r.micro.p)} | ${f3(r.micro.r)} | ${f3(r.micro.f1)} | ${f3(r.perType.PER.f1)} | ${f3(r.perType.ORG.f1)} | ${f3(r.perType.LOC.f1)} | ${r.seconds.toFixed(1)} s |`,
    );
  }
  return out.join('\n');
}

const dev = readIob(DEV).map(asText);
const devTokens = dev.reduce((n, d) => n + d.tokens, 0);
findEntities('Warm-up: the model loads once.', []);
const devLede = run(dev, lede);
const devCompromise = run(dev, compromise);
console.log(table(`CoNLL-2003 dev: ${dev.length} documents, ${devTokens} tokens, exact-span mentions`, [
  ['Lede (findEntities)', devLede],
  ['compromise alone', devCompromise],
]));

// Speed of the tagger alone (tokenize, features, greedy decoding) over the dev texts.
const lineSpans = (text: string) => {
  const spans: Span[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    spans.push({ start, end: start + line.length });
    start += line.length + 1;
  }
  return spans;
};
// CPU time of this process, not wall time: the machine may be shared, and a busy neighbour should not count.
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};
let tagged = 0;
let t = performance.now();
let cpu = process.cpuUsage();
for (const d of dev) tagged += tagText(d.text, lineSpans(d.text)).tagged.reduce((n, s) => n + s.tokens.length, 0);
const tagSeconds = cpuSeconds(cpu);
const tagWall = (performance.now() - t) / 1000;
const tokensPerSecond = tagged / tagSeconds;

// findEntities on a 100,000-word text (dev documents joined, repeated), sentences given.
const words: string[] = [];
const parts: string[] = [];
for (let i = 0; words.length < 100_000; i = (i + 1) % dev.length) {
  parts.push(dev[i].text);
  words.push(...dev[i].text.split(/\s+/));
}
const long = parts.join('\n\n');
const longSpans = lineSpans(long);
t = performance.now();
cpu = process.cpuUsage();
findEntities(long, longSpans);
const longMs = cpuSeconds(cpu) * 1000;
const longWallMs = performance.now() - t;
console.log(
  `\ntagger speed: ${Math.round(tokensPerSecond).toLocaleString('en')} tokens/s of CPU time (${tagged} tokens in ${tagSeconds.toFixed(2)} s CPU, ${tagWall.toFixed(2)} s wall)`,
);
console.log(`findEntities on a ${words.length.toLocaleString('en')}-word text: ${longMs.toFixed(0)} ms CPU (${longWallMs.toFixed(0)} ms wall)`);

const modelFile = join(ROOT, 'lib/entities/model.json');
const gazFile = join(ROOT, 'lib/entities/gazetteer.json');
const modelGzip = gzipSync(readFileSync(modelFile)).length;
const gazGzip = gzipSync(readFileSync(gazFile)).length;
console.log(`model.json ${(modelGzip / 1024).toFixed(0)} KB gzipped, gazetteer.json ${(gazGzip / 1024).toFixed(0)} KB gzipped`);

let wiki: { lede: Result; compromise: Result; tokens: number } | null = null;
if (existsSync(WIKIGOLD)) {
  const docs = readIob(WIKIGOLD).map(asText);
  wiki = { lede: run(docs, lede), compromise: run(docs, compromise), tokens: docs.reduce((n, d) => n + d.tokens, 0) };
  console.log(
    '\n' +
      table(`Wikigold (out of domain): ${docs.length} documents, ${wiki.tokens} tokens`, [
        ['Lede (findEntities)', wiki.lede],
        ['compromise alone', wiki.compromise],
      ]),
  );
} else console.log(`\n[skip] ${WIKIGOLD} is absent: no out-of-domain check.`);

// News written after 2019: split by a hash of the document's name (entityDocId, as the trainer splits it); the trainer may use the tune half, never the held-out half.
let news: { tune: { lede: Result; compromise: Result }; heldOut: { lede: Result; compromise: Result }; documents: number } | null = null;
if (existsSync(NEWS_2020)) {
  const all = readIob(NEWS_2020);
  const part = (p: string) => all.filter((d) => partOf(entityDocId(d, NEWS_2020)) === p).map(asText);
  const [tune, heldOut] = [part('tune'), part('held-out')];
  news = { tune: { lede: run(tune, lede), compromise: run(tune, compromise) }, heldOut: { lede: run(heldOut, lede), compromise: run(heldOut, compromise) }, documents: all.length };
  console.log(
    '\n' +
      table(`News of 2020–2022 (English Worldwide Newswire, train+dev files; the tune half is trained on, the held-out half never): tune ${tune.length} / held out ${heldOut.length} documents`, [
        ['Lede, tune half', news.tune.lede],
        ['Lede, held out', news.heldOut.lede],
        ['compromise alone, held out', news.heldOut.compromise],
      ]),
  );
  console.log(`targets on post-2019 news (held out): micro F1 ≥ 0.88: ${news.heldOut.lede.micro.f1 >= 0.88 ? 'met' : 'NOT met'} (${f3(news.heldOut.lede.micro.f1)})`);
} else console.log(`\n[skip] ${NEWS_2020} is absent (python3 scripts/corpora/assemble-news-ner.py builds it): no post-2019 news check.`);

// Real article pages, no gold: the share of listed names that automatic rules judge wrong (entities-precision.ts).
const PAGES = join(SHARED, 'corpora/readability-pages');
let pages: ReturnType<typeof judgePages> | null = null;
if (pageNames(PAGES).length && existsSync(join(SHARED, 'corpora/conll2003-train'))) {
  pages = judgePages(PAGES, judgeLists(SHARED));
  console.log('\n' + pagesTable(pages));
  console.log(`\nhow "wrong" is judged (no gold on these pages):\n${RULES}`);
  console.log(`\nnames judged wrong, tune half (the held-out half's are not printed):\n  ${pages.lede.tune.wrong.join('\n  ') || '(none)'}`);
} else console.log(`\n[skip] ${PAGES} or conll2003-train is absent: no check of listed names on real pages.`);

/** Listed names and the share judged wrong, by half, system and type. */
function pagesTable(r: NonNullable<typeof pages>): string {
  const pct = (x: number) => (100 * x).toFixed(1) + '%';
  const out = [
    `Real article pages (readability-pages, ${r.lede.tune.pages + r.lede['held-out'].pages} with an article; split by FNV-1a of the folder name: even = tune, odd = held-out)`,
    '| half | system | pages | listed (PER/ORG/LOC) | wrong: all | person | organization | place | unverified |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const half of ['tune', 'held-out'] as const) {
    for (const [name, h] of [['Lede', r.lede[half]], ['compromise alone', r.compromise[half]]] as const) {
      const listed = TYPES.map((t) => h.listed[t]);
      const unverified = TYPES.reduce((n, t) => n + h.verdicts[t].unverified, 0) / Math.max(1, listed.reduce((a, b) => a + b, 0));
      out.push(
        `| ${half} | ${name} | ${h.pages} | ${listed.join('/')} | ${pct(wrongShare(h))} | ${TYPES.map((t) => pct(wrongShare(h, t))).join(' | ')} | ${pct(unverified)} |`,
      );
    }
  }
  return out.join('\n');
}

// --train: the product path on the training split too (how far dev is from what the model saw).
let trainResult: Result | null = null;
const TRAIN = join(SHARED, 'corpora/conll2003-train/train.iob2.jsonl');
if (process.argv.includes('--train') && existsSync(TRAIN)) {
  const docs = readIob(TRAIN).map(asText);
  trainResult = run(docs, lede);
  console.log('\n' + table(`CoNLL-2003 train (seen in training): ${docs.length} documents`, [['Lede (findEntities)', trainResult]]));
}

const targetF1 = devLede.micro.f1 >= 0.85;
const targetGap = devLede.micro.f1 - devCompromise.micro.f1 >= 0.25;
console.log(
  `\ntargets: micro F1 ≥ 0.85: ${targetF1 ? 'met' : 'NOT met'} (${f3(devLede.micro.f1)}); ≥ 0.25 above compromise: ${targetGap ? 'met' : 'NOT met'} (+${f3(devLede.micro.f1 - devCompromise.micro.f1)}); ≥ 50,000 tokens/s: ${tokensPerSecond >= 50_000 ? 'met' : 'NOT met'}`,
);

mkdirSync(join(ROOT, 'build/eval'), { recursive: true });
writeFileSync(
  join(ROOT, 'build/eval/entities.json'),
  JSON.stringify(
    {
      measured: new Date().toISOString(),
      corpus: 'conll2003-dev',
      documents: dev.length,
      tokens: devTokens,
      lede: devLede,
      compromise: devCompromise,
      wikigold: wiki,
      news2020: news,
      train: trainResult,
      pages: pages && {
        rules: RULES,
        split: 'FNV-1a of the page folder name: even = tune, odd = held-out',
        lede: pages.lede,
        compromise: pages.compromise,
      },
      speed: { tokensPerSecond, tagWallSeconds: tagWall, longTextWords: words.length, longTextCpuMs: longMs, longTextWallMs: longWallMs },
      size: { modelGzipBytes: modelGzip, gazetteerGzipBytes: gazGzip },
      headline: [
        { metric: 'CoNLL dev micro F1 (PER/ORG/LOC)', lede: devLede.micro.f1, baselines: { compromise: devCompromise.micro.f1 } },
        ...(wiki ? [{ metric: 'Wikigold micro F1 (PER/ORG/LOC)', lede: wiki.lede.micro.f1, baselines: { compromise: wiki.compromise.micro.f1 } }] : []),
        ...(news
          ? [{ metric: 'news of 2020–2022, held out: micro F1 (PER/ORG/LOC)', lede: news.heldOut.lede.micro.f1, baselines: { compromise: news.heldOut.compromise.micro.f1 } }]
          : []),
        ...(pages
          ? [
              {
                metric: 'real pages (held-out half): share of listed names judged wrong',
                lede: wrongShare(pages.lede['held-out']),
                baselines: { compromise: wrongShare(pages.compromise['held-out']) },
              },
            ]
          : []),
      ],
    },
    null,
    2,
  ) + '\n',
);
