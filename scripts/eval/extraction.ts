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

const results = {} as Record<System, { metrics: ExtractionMetrics; pages: TpFpFn[] }>;
for (const { key } of SYSTEMS) {
  const pages = ids.map((id) => shingleMatching(truth[id].articleBody ?? '', preds[key][id]));
  const acc = ids.map((id) => tokenAccuracy(truth[id].articleBody ?? '', preds[key][id]));
  results[key] = { metrics: metricsFrom(pages, acc), pages };
}

console.log(`extraction-dev: ${ids.length} pages (scrapinghub article-extraction-benchmark, dev part)\n`);
console.log('| system | precision | recall | F1 | exact |');
console.log('|---|---|---|---|---|');
for (const { key, label } of SYSTEMS) {
  const m = results[key].metrics;
  console.log(`| ${label} | ${m.precision.toFixed(3)} | ${m.recall.toFixed(3)} | ${m.f1.toFixed(3)} | ${m.accuracy.toFixed(3)} |`);
}
console.log(`\nLede found no article on ${noArticle.length} page(s)${noArticle.length ? `: ${noArticle.join(', ')}` : ''}`);
console.log(`Lede extraction: ${(ledeMs / ids.length).toFixed(1)} ms/page on average; whole run ${((Date.now() - started) / 1000).toFixed(1)} s`);

if (worstN > 0) {
  const rows = ids
    .map((id, i) => {
      const p = results.lede.pages[i];
      const pr = precisionScore(p);
      const rc = recallScore(p);
      const f1 = pr + rc > 0 ? (2 * pr * rc) / (pr + rc) : 0;
      const rp = results.readability.pages[i];
      const rf = (2 * precisionScore(rp) * recallScore(rp)) / (precisionScore(rp) + recallScore(rp) || 1);
      return { id, pr, rc, f1, rf };
    })
    .sort((a, b) => a.f1 - b.f1)
    .slice(0, worstN);
  console.log(`\nWorst ${worstN} pages by Lede F1:\n| id | P | R | F1 | Readability F1 | url |\n|---|---|---|---|---|---|`);
  for (const r of rows)
    console.log(`| ${r.id.slice(0, 10)} | ${r.pr.toFixed(3)} | ${r.rc.toFixed(3)} | ${r.f1.toFixed(3)} | ${r.rf.toFixed(3)} | ${truth[r.id].url} |`);
}

// Readability's own test pages: does Lede find an article where Readability's
// metadata says there is one, and say "no article" where it says there is none?
const RP_DIR = join(SHARED, 'corpora/readability-pages');
let pagesCheck: Record<string, number> | null = null;
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
    }
    if (ok && r.title === meta.title) c.titleExact++;
    if (ok && (r.lang ?? undefined) === (meta.lang ?? undefined)) c.langExact++;
  }
  pagesCheck = c;
  console.log('\nreadability-pages (Readability test pages, expected-metadata.json):');
  console.log('| check | count |\n|---|---|');
  console.log(`| readerable pages read as an article | ${c.readerableArticle} / ${c.readerable} |`);
  console.log(`| not-readerable pages answered "no article" (the rest must be prose) | ${c.notReaderableNoArticle} / ${c.notReaderable} |`);
  const read = c.readerableArticle + c.notReaderable - c.notReaderableNoArticle;
  console.log(`| title equal to Readability's expected title | ${c.titleExact} / ${read} articles (Lede strips site suffixes it can confirm, so not all) |`);
  console.log(`| lang equal to expected | ${c.langExact} / ${read} articles (Lede adds og:locale / <html lang> where Readability has none) |`);
}

mkdirSync(OUT_DIR, { recursive: true });
const json = {
  readabilityPages: pagesCheck,
  corpus: 'extraction-dev',
  pages: ids.length,
  measured: new Date().toISOString(),
  systems: Object.fromEntries(SYSTEMS.map(({ key, label }) => [key, { label, ...results[key].metrics }])),
  noArticle,
  msPerPage: ledeMs / ids.length,
  headline: [
    {
      metric: 'article body F1 (4-gram shingles)',
      lede: results.lede.metrics.f1,
      baselines: { readability: results.readability.metrics.f1 },
    },
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
      const m = results[key].metrics;
      for (const k of ['precision', 'recall', 'f1', 'accuracy'] as const) worst = Math.max(worst, Math.abs(py[key][k] - m[k]));
    }
    console.log(`largest difference between evaluate.py and this port: ${worst.toExponential(2)}${worst < 1e-9 ? ' (they agree)' : ' (THEY DISAGREE)'}`);
  }
}

if (args.includes('--delta')) {
  // Pages where Lede differs most from Readability alone, for tuning the rules.
  const rows = ids
    .map((id, i) => {
      const l = results.lede.pages[i];
      const r = results.readability.pages[i];
      return { id, dp: precisionScore(l) - precisionScore(r), dr: recallScore(l) - recallScore(r) };
    })
    .filter((r) => Math.abs(r.dp) > 0.005 || Math.abs(r.dr) > 0.005)
    .sort((a, b) => a.dr - b.dr);
  console.log('\nLede minus Readability per page:\n| id | ΔP | ΔR | url |\n|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.id.slice(0, 10)} | ${r.dp.toFixed(3)} | ${r.dr.toFixed(3)} | ${truth[r.id].url} |`);
}
