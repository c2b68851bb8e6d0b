/**
 * `npm run eval:extraction`: article-body extraction accuracy on the
 * article-extraction-benchmark development pages (../shared/corpora/extraction-dev:
 * html/<id>.html.gz + human ground-truth.json), with the benchmark's own metric
 * (extraction-metric.ts, an exact port of evaluate.py).
 *
 * Compared on the same linkedom DOM:
 *   - Lede: `extractArticle(doc).text`, the text the analysis reads;
 *   - Lede body: that text without its nonBody spans (headline, deck, byline, captions);
 *   - Readability alone: `new Readability(clone).parse().textContent`.
 *
 * Also checks Readability's 130 test pages (../shared/corpora/readability-pages):
 * article vs "no article" against their `readerable` flag, title and lang.
 *
 * Prints tables, writes build/eval/extraction.json.
 * Options: `--worst N` lists the N pages with the lowest Lede F1;
 * `--check-python` also writes the predictions in evaluate.py's format under
 * build/eval/extraction-py/, runs the real `python3 evaluate.py` there and
 * compares: P, R, F1 and exact-match agree with this port to within 3e-16
 * (checked on all 91 pages, for all three systems, when this was written).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHtmlDocument } from '../../cli/dom';
import { decodeText } from '../../cli/read-input';
import { extractArticle } from '../../lib/extract';
import type { Span } from '../../lib/types';
import {
  metricsFrom,
  precisionScore,
  recallScore,
  shingleMatching,
  tokenAccuracy,
  type ExtractionMetrics,
  type TpFpFn,
} from './extraction-metric';
import { PROJECT_ROOT as ROOT, SHARED_DIR as SHARED } from '../../test/support/shared';
import { PAGE_URL } from '../bench/corpus';

const CORPUS = join(SHARED, 'corpora/extraction-dev');
const OUT_DIR = join(ROOT, 'build/eval');

const args = process.argv.slice(2);
const worstIdx = args.indexOf('--worst');
const worstN = worstIdx >= 0 ? Number(args[worstIdx + 1] ?? 10) : 0;
const checkPython = args.includes('--check-python');

if (!existsSync(join(CORPUS, 'ground-truth.json'))) {
  console.log(`extraction: ${CORPUS} is absent, so there is nothing to measure (skipped).`);
  process.exit(0);
}

type GroundTruth = Record<string, { articleBody?: string; url?: string }>;
const truth: GroundTruth = JSON.parse(readFileSync(join(CORPUS, 'ground-truth.json'), 'utf8'));
const ids = Object.keys(truth);

/** The text with its nonBody spans cut out, each cut leaving a paragraph break. */
function withoutSpans(text: string, spans: Span[]): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) {
      at = Math.max(at, s.end);
      continue;
    }
    out += text.slice(at, s.start) + '\n\n';
    at = s.end;
  }
  return out + text.slice(at);
}

type System = 'lede' | 'ledeBody' | 'readability';
const SYSTEMS: { key: System; label: string }[] = [
  { key: 'lede', label: 'Lede (text)' },
  { key: 'ledeBody', label: 'Lede (text minus nonBody)' },
  { key: 'readability', label: 'Readability alone' },
];
const preds: Record<System, Record<string, string>> = { lede: {}, ledeBody: {}, readability: {} };
const noArticle: string[] = [];
let ledeMs = 0;

const started = Date.now();
for (const id of ids) {
  const html = decodeText(gunzipSync(readFileSync(join(CORPUS, 'html', `${id}.html.gz`))));
  const url = truth[id].url;
  const doc = parseHtmlDocument(html, url);

  const t = performance.now();
  const art = extractArticle(doc, { url });
  ledeMs += performance.now() - t;
  if ('ok' in art) {
    noArticle.push(id);
    preds.lede[id] = '';
    preds.ledeBody[id] = '';
  } else {
    preds.lede[id] = art.text;
    preds.ledeBody[id] = withoutSpans(art.text, art.nonBody);
  }

  const parsed = new Readability(doc.cloneNode(true) as Document).parse();
  preds.readability[id] = parsed?.textContent ?? '';
}

/**
 * The tuning part and the held-out part: a page is held out when the first byte
 * of the SHA-256 of its id is odd. Rules are looked for on tuning pages only
 * (`--worst` and `--delta` list only those); the held-out figure says how they
 * carry to pages nobody looked at.
 */
type Part = 'tuning' | 'held-out';
function partOf(id: string): Part {
  return createHash('sha256').update(id).digest()[0] % 2 ? 'held-out' : 'tuning';
}
const PARTS: { label: string; ids: string[] }[] = [
  { label: 'tuning', ids: ids.filter((id) => partOf(id) === 'tuning') },
  { label: 'held-out', ids: ids.filter((id) => partOf(id) === 'held-out') },
  { label: 'all', ids },
];

function measure(system: System, part: string[]): { metrics: ExtractionMetrics; pages: TpFpFn[] } {
  const pages = part.map((id) => shingleMatching(truth[id].articleBody ?? '', preds[system][id]));
  const acc = part.map((id) => tokenAccuracy(truth[id].articleBody ?? '', preds[system][id]));
  return { metrics: metricsFrom(pages, acc), pages };
}
const results = Object.fromEntries(
  SYSTEMS.map(({ key }) => [key, Object.fromEntries(PARTS.map((p) => [p.label, measure(key, p.ids)]))]),
) as Record<System, Record<string, { metrics: ExtractionMetrics; pages: TpFpFn[] }>>;

console.log(`extraction-dev: ${ids.length} pages (scrapinghub article-extraction-benchmark, dev part)`);
console.log(`split by the SHA-256 of the page id: ${PARTS.map((p) => `${p.label} ${p.ids.length}`).join(', ')}\n`);
console.log('| system | part | precision | recall | F1 | exact |');
console.log('|---|---|---|---|---|---|');
for (const { key, label } of SYSTEMS) {
  for (const p of PARTS) {
    const m = results[key][p.label].metrics;
    console.log(`| ${label} | ${p.label} | ${m.precision.toFixed(3)} | ${m.recall.toFixed(3)} | ${m.f1.toFixed(3)} | ${m.accuracy.toFixed(3)} |`);
  }
}
console.log(`\nLede found no article on ${noArticle.length} of ${ids.length} page(s) (every page is an article)${noArticle.length ? `: ${noArticle.join(', ')}` : ''}`);
console.log(`Lede extraction: ${(ledeMs / ids.length).toFixed(1)} ms/page on average; whole run ${((Date.now() - started) / 1000).toFixed(1)} s`);

/** Tuning pages only: the held-out pages are not looked at one by one. */
const tuningIds = PARTS[0].ids;
const tuningPages = (system: System) => results[system].tuning.pages;

if (worstN > 0) {
  const rows = tuningIds
    .map((id, i) => {
      const p = tuningPages('lede')[i];
      const pr = precisionScore(p);
      const rc = recallScore(p);
      const f1 = pr + rc > 0 ? (2 * pr * rc) / (pr + rc) : 0;
      const rp = tuningPages('readability')[i];
      const rf = (2 * precisionScore(rp) * recallScore(rp)) / (precisionScore(rp) + recallScore(rp) || 1);
      return { id, pr, rc, f1, rf };
    })
    .sort((a, b) => a.f1 - b.f1)
    .slice(0, worstN);
  console.log(`\nWorst ${worstN} tuning pages by Lede F1:\n| id | P | R | F1 | Readability F1 | url |\n|---|---|---|---|---|---|`);
  for (const r of rows)
    console.log(`| ${r.id.slice(0, 10)} | ${r.pr.toFixed(3)} | ${r.rc.toFixed(3)} | ${r.f1.toFixed(3)} | ${r.rf.toFixed(3)} | ${truth[r.id].url} |`);
}

// Readability's own test pages: does Lede find an article where Readability's
// metadata says there is one, and say "no article" where it says there is none?
const RP_DIR = join(SHARED, 'corpora/readability-pages');
let pagesCheck: Record<string, number> | null = null;
/** Readerable pages Lede answered "no article" for. */
const refusedPages: string[] = [];
if (existsSync(RP_DIR)) {
  const c = { readerable: 0, readerableArticle: 0, notReaderable: 0, notReaderableNoArticle: 0, titleExact: 0, langExact: 0 };
  for (const p of readdirSync(RP_DIR).filter((d) => existsSync(join(RP_DIR, d, 'source.html'))).sort()) {
    const meta = JSON.parse(readFileSync(join(RP_DIR, p, 'expected-metadata.json'), 'utf8'));
    const r = extractArticle(parseHtmlDocument(readFileSync(join(RP_DIR, p, 'source.html'), 'utf8'), PAGE_URL), { url: PAGE_URL });
    const ok = !('ok' in r);
    if (meta.readerable === false) {
      c.notReaderable++;
      if (!ok) c.notReaderableNoArticle++;
    } else {
      c.readerable++;
      if (ok) c.readerableArticle++;
      else refusedPages.push(p);
    }
    if (ok && r.title === meta.title) c.titleExact++;
    if (ok && (r.lang ?? undefined) === (meta.lang ?? undefined)) c.langExact++;
  }
  pagesCheck = c;
  console.log('\nreadability-pages (Readability test pages, expected-metadata.json):');
  console.log('| check | count |\n|---|---|');
  console.log(`| readerable pages read as an article | ${c.readerableArticle} / ${c.readerable}${refusedPages.length ? ` (refused: ${refusedPages.join(', ')})` : ''} |`);
  console.log(`| not-readerable pages answered "no article" (the rest must be prose) | ${c.notReaderableNoArticle} / ${c.notReaderable} |`);
  const read = c.readerableArticle + c.notReaderable - c.notReaderableNoArticle;
  console.log(`| title equal to Readability's expected title | ${c.titleExact} / ${read} articles (Lede strips site suffixes it can confirm, so not all) |`);
  console.log(`| lang equal to expected | ${c.langExact} / ${read} articles (Lede adds og:locale / <html lang> where Readability has none) |`);
}

const refused = noArticle.length + refusedPages.length;
console.log(
  `\nreal articles refused as "no article": ${refused} (extraction-dev ${noArticle.length} of ${ids.length}, readability-pages ${refusedPages.length} of ${pagesCheck?.readerable ?? 0} readerable)`,
);

const f1Row = (part: string) => ({
  metric: `article body F1 (4-gram shingles), ${part} pages`,
  lede: results.lede[part].metrics.f1,
  baselines: { readability: results.readability[part].metrics.f1 },
});

mkdirSync(OUT_DIR, { recursive: true });
const json = {
  readabilityPages: pagesCheck,
  corpus: 'extraction-dev',
  pages: ids.length,
  measured: new Date().toISOString(),
  parts: Object.fromEntries(PARTS.map((p) => [p.label, p.ids])),
  systems: Object.fromEntries(
    SYSTEMS.map(({ key, label }) => [
      key,
      { label, ...Object.fromEntries(PARTS.map((p) => [p.label, results[key][p.label].metrics])) },
    ]),
  ),
  noArticle,
  refusedReadabilityPages: refusedPages,
  msPerPage: ledeMs / ids.length,
  headline: [
    f1Row('held-out'),
    f1Row('all'),
    { metric: 'real articles refused as "no article"', lede: refused, baselines: {} },
  ],
};
writeFileSync(join(OUT_DIR, 'extraction.json'), JSON.stringify(json, null, 2) + '\n');
console.log(`\nwrote ${join(OUT_DIR, 'extraction.json')}`);

if (checkPython) {
  const dir = join(OUT_DIR, 'extraction-py');
  mkdirSync(join(dir, 'output'), { recursive: true });
  copyFileSync(join(CORPUS, 'ground-truth.json'), join(dir, 'ground-truth.json'));
  for (const { key } of SYSTEMS) {
    const output = Object.fromEntries(ids.map((id) => [id, { articleBody: preds[key][id] }]));
    writeFileSync(join(dir, 'output', `${key}.json`), JSON.stringify(output));
  }
  console.log('\npython3 evaluate.py on the same predictions:');
  const r = spawnSync('python3', [join(CORPUS, 'evaluate.py'), '--n-bootstrap', '20', '--output', 'result.json'], {
    cwd: dir,
    stdio: 'inherit',
  });
  if (r.status !== 0) console.log('(python3 evaluate.py failed or is unavailable)');
  else {
    const py = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as Record<string, Record<string, number>>;
    let worst = 0;
    for (const { key } of SYSTEMS) {
      const m = results[key].all.metrics;
      for (const k of ['precision', 'recall', 'f1', 'accuracy'] as const) worst = Math.max(worst, Math.abs(py[key][k] - m[k]));
    }
    console.log(`largest difference between evaluate.py and this port: ${worst.toExponential(2)}${worst < 1e-9 ? ' (they agree)' : ' (THEY DISAGREE)'}`);
  }
}

if (args.includes('--delta')) {
  // Pages where Lede differs most from Readability alone, for tuning the rules.
  const rows = tuningIds
    .map((id, i) => {
      const l = tuningPages('lede')[i];
      const r = tuningPages('readability')[i];
      return { id, dp: precisionScore(l) - precisionScore(r), dr: recallScore(l) - recallScore(r) };
    })
    .filter((r) => Math.abs(r.dp) > 0.005 || Math.abs(r.dr) > 0.005)
    .sort((a, b) => a.dr - b.dr);
  console.log('\nLede minus Readability per tuning page:\n| id | ΔP | ΔR | url |\n|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.id.slice(0, 10)} | ${r.dp.toFixed(3)} | ${r.dr.toFixed(3)} | ${truth[r.id].url} |`);
}
