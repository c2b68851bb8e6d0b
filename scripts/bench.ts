/**
 * `npm run bench [-- --build] [-- --quick]`: how fast Lede reads real pages, how it scales, how
 * big the extension is. Prints tables and writes build/bench/bench.json.
 *
 * 1. Pages: every Readability test page under ../shared (or the bundled sample
 *    when ../shared is absent), parsed once with the CLI's DOM (linkedom) outside
 *    the timed region. Per page, interleaved, REPEATS times: the whole
 *    `analyze(doc)` (extraction clones the document itself) and
 *    `new Readability(clone).parse()` alone on a fresh clone made outside its
 *    timed region. Per-page figure = median of the repeats.
 * 2. Scaling: synthetic articles of 1k–300k words built from real paragraphs,
 *    as text and as HTML, each measured in a fresh process (see scale-worker.ts
 *    for what the memory figures mean).
 * 2b. Hostile pages: the generated 5 MB and 10,000-deep pages, stage by stage.
 * 3. Bundle: gzipped sizes from .output/chrome-mv3 (built when missing or with --build).
 */
import { Readability } from '@mozilla/readability';
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseHtmlDocument } from '../cli/dom';
import { analyze } from '../lib/analyze';
import type { TimingMs } from '../lib/types';
import { PROJECT_ROOT } from '../test/support/shared';
import { bundleSizes } from './bench/bundle';
import { benchHostile, type HostileRow } from './bench/hostile';
import { loadPages, realParagraphs, syntheticHtml, syntheticParagraphs, syntheticText } from './bench/corpus';
import { median, p90 } from './bench/stats';
import { fmt, printTable } from './bench/table';

const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const REPEATS = QUICK ? 1 : 3;
const started = performance.now();
const loadAtStart = loadavg();

// ---------------------------------------------------------------- 1. pages
interface PageResult {
  name: string;
  htmlKB: number;
  ok: boolean;
  readabilityMs: number;
  cloneMs: number;
  analyzeMs: number;
  ratio: number;
  ratioWithClone: number;
  /** The same ratio on process CPU time: steadier when the machine is shared. */
  ratioCpu: number;
  stages: TimingMs | null;
}

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

function timeReadability(doc: Document): { readabilityMs: number; readabilityCpuMs: number; cloneMs: number } {
  const tc = performance.now();
  const clone = doc.cloneNode(true) as Document;
  const cloneMs = performance.now() - tc;
  const t = performance.now();
  const c = process.cpuUsage();
  new Readability(clone).parse();
  return { readabilityMs: performance.now() - t, readabilityCpuMs: cpuMs(c), cloneMs };
}

const { source: pagesSource, pages } = loadPages();
console.log(
  `bench: ${pages.length} page(s) from ${pagesSource}, ${REPEATS} repeat(s) each, Node ${process.version}, ` +
    `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, load average ${loadAtStart.map((l) => l.toFixed(1)).join(' ')}` +
    (loadAtStart[0] > cpus().length ? ' (busy machine: wall times are inflated; CPU times and ratios are steadier)' : ''),
);

// Warm up the JIT on a few pages so the first pages are not charged for compilation.
for (const page of pages.slice(0, 5)) {
  const doc = parseHtmlDocument(page.html);
  for (let i = 0; i < 2; i++) {
    analyze(doc);
    timeReadability(doc);
  }
}

const pageResults: PageResult[] = [];
for (const page of pages) {
  const doc = parseHtmlDocument(page.html);
  const rd: number[] = [];
  const rdCpu: number[] = [];
  const cl: number[] = [];
  const an: number[] = [];
  const anCpu: number[] = [];
  const stageRuns: TimingMs[] = [];
  let ok = false;
  for (let i = 0; i < REPEATS; i++) {
    const r = timeReadability(doc);
    rd.push(r.readabilityMs);
    rdCpu.push(r.readabilityCpuMs);
    cl.push(r.cloneMs);
    const t = performance.now();
    const c = process.cpuUsage();
    const result = analyze(doc);
    anCpu.push(cpuMs(c));
    an.push(performance.now() - t);
    ok = result.ok;
    if (result.ok) stageRuns.push(result.timingMs);
  }
  const readabilityMs = median(rd);
  const cloneMs = median(cl);
  const analyzeMs = median(an);
  const stages = stageRuns.length
    ? (Object.fromEntries(
        (Object.keys(stageRuns[0]) as (keyof TimingMs)[]).map((k) => [k, median(stageRuns.map((s) => s[k]))]),
      ) as unknown as TimingMs)
    : null;
  pageResults.push({
    name: page.name,
    htmlKB: page.html.length / 1024,
    ok,
    readabilityMs,
    cloneMs,
    analyzeMs,
    ratio: analyzeMs / readabilityMs,
    ratioWithClone: analyzeMs / (readabilityMs + cloneMs),
    ratioCpu: median(anCpu) / median(rdCpu),
    stages,
  });
}

printTable(
  'Per page (ms, median of repeats): whole analyze(doc) vs Readability alone',
  ['page', 'HTML KB', 'result', 'Readability', 'clone', 'analyze', 'ratio', 'ratio vs R+clone', 'ratio CPU'],
  pageResults.map((p) => [p.name, p.htmlKB, p.ok ? 'article' : 'no article', p.readabilityMs, p.cloneMs, p.analyzeMs, fmt(p.ratio, 2), fmt(p.ratioWithClone, 2), fmt(p.ratioCpu, 2)]),
);

const STAGES: [keyof TimingMs, string][] = [
  ['extract', 'extraction'],
  ['sentences', 'sentences'],
  ['summary', 'key sentences'],
  ['entities', 'entities'],
  ['quotes', 'quotes'],
  ['total', 'whole analyze (timingMs.total)'],
];
const okPages = pageResults.filter((p) => p.stages);
const stageSummary = STAGES.map(([key, label]) => {
  const v = okPages.map((p) => p.stages![key]);
  return { stage: key, label, medianMs: median(v), p90Ms: p90(v) };
});
const rdAll = pageResults.map((p) => p.readabilityMs);
const anAll = pageResults.map((p) => p.analyzeMs);
stageSummary.push(
  { stage: 'analyzeWall' as keyof TimingMs, label: 'whole analyze, wall (all pages)', medianMs: median(anAll), p90Ms: p90(anAll) },
  { stage: 'readability' as keyof TimingMs, label: 'Readability alone (all pages)', medianMs: median(rdAll), p90Ms: p90(rdAll) },
  { stage: 'clone' as keyof TimingMs, label: 'cloneNode(true) (all pages)', medianMs: median(pageResults.map((p) => p.cloneMs)), p90Ms: p90(pageResults.map((p) => p.cloneMs)) },
);
printTable(
  `Per stage over ${okPages.length} page(s) with an article (ms)`,
  ['stage', 'median', 'p90'],
  stageSummary.map((s) => [s.label, fmt(s.medianMs, 2), fmt(s.p90Ms, 2)]),
);
const ratioMedian = median(pageResults.map((p) => p.ratio));
const ratioWithCloneMedian = median(pageResults.map((p) => p.ratioWithClone));
const ratioCpuMedian = median(pageResults.map((p) => p.ratioCpu));
console.log(
  `\nwhole pipeline / Readability alone: median ${fmt(ratioMedian, 2)} (target ≤ 1.5) ${ratioMedian <= 1.5 ? 'met' : 'NOT met'}; ` +
    `vs Readability + clone: median ${fmt(ratioWithCloneMedian, 2)}; on CPU time: median ${fmt(ratioCpuMedian, 2)}`,
);

// ---------------------------------------------------------------- 2. scaling
const SIZES = QUICK ? [1_000, 10_000] : [1_000, 10_000, 100_000, 300_000];
const repeatsFor = (words: number): number => (words <= 10_000 ? 5 : words <= 100_000 ? 2 : 1);
const pool = realParagraphs();
const tmp = mkdtempSync(join(tmpdir(), 'lede-bench-'));
interface ScaleRow {
  mode: 'text' | 'html';
  words: number;
  chars: number;
  parseMs: number;
  analyzeMs: number;
  cpuMs: number;
  runs: number;
  ok: boolean;
  truncated: unknown;
  timingMs: TimingMs | null;
  baselineRssMB: number;
  peakRssDeltaMB: number;
  retainedHeapMB: number;
  growthPer10x: number | null;
}
const scale: ScaleRow[] = [];
try {
  const warmParas = syntheticParagraphs(pool, 1_000);
  writeFileSync(join(tmp, 'warm.txt'), syntheticText('Warm-up article', warmParas));
  writeFileSync(join(tmp, 'warm.html'), syntheticHtml('Warm-up article', warmParas));
  for (const mode of ['text', 'html'] as const) {
    for (const words of SIZES) {
      const paras = syntheticParagraphs(pool, words);
      const title = `A synthetic article of ${words} words`;
      const file = join(tmp, `in-${words}.${mode === 'text' ? 'txt' : 'html'}`);
      writeFileSync(file, mode === 'text' ? syntheticText(title, paras) : syntheticHtml(title, paras));
      const r = spawnSync(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', join(PROJECT_ROOT, 'scripts/bench/scale-worker.ts'), mode, file, join(tmp, `warm.${mode === 'text' ? 'txt' : 'html'}`), String(repeatsFor(words))],
        { cwd: PROJECT_ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, timeout: 300_000 },
      );
      if (r.status !== 0) {
        console.error(`scale ${mode} ${words}: worker failed (${r.status ?? r.signal}): ${r.stderr.slice(-2000)}`);
        continue;
      }
      const row = JSON.parse(r.stdout.trim().split('\n').pop()!);
      const prev = scale.find((s) => s.mode === mode && s.words === SIZES[SIZES.indexOf(words) - 1]);
      // Growth normalised to a 10x step, (t2/t1)^(1/log10(w2/w1)), on CPU time: on a
      // shared machine a neighbour's load stretches wall time, not the work done.
      const growthPer10x = prev ? Math.pow(row.cpuMs / prev.cpuMs, 1 / Math.log10(words / prev.words)) : null;
      scale.push({ words, growthPer10x, ...row });
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
printTable(
  'Scaling: synthetic articles from real paragraphs (each size in a fresh process; MB = peak RSS above the warmed-up idle worker / V8 heap retained after GC)',
  ['input', 'words', 'chars', 'HTML parse ms', 'analyze ms', 'analyze CPU ms', 'growth per 10x (CPU)', 'peak RSS +MB', 'heap kept MB', 'truncated'],
  scale.map((s) => [
    s.mode,
    String(s.words),
    String(s.chars),
    s.mode === 'html' ? s.parseMs : null,
    s.analyzeMs,
    s.cpuMs,
    s.growthPer10x === null ? null : `${fmt(s.growthPer10x, 1)}x`,
    s.peakRssDeltaMB,
    s.retainedHeapMB,
    s.truncated ? 'yes' : 'no',
  ]),
);
const at100k = scale.filter((s) => s.words === 100_000);
if (at100k.length) {
  console.log(`100k words: ${at100k.map((s) => `${s.mode} ${fmt(s.analyzeMs / 1000, 2)} s wall, ${fmt(s.cpuMs / 1000, 2)} s CPU`).join('; ')} (target < 2 s)`);
}
const worstGrowth = Math.max(...scale.map((s) => s.growthPer10x ?? 0));
console.log(`worst growth per 10x: ${fmt(worstGrowth, 1)}x (target ≤ 12x)`);

// ---------------------------------------------------------------- 2b. hostile pages
let hostile: HostileRow[] = [];
if (!QUICK) {
  hostile = benchHostile();
  printTable(
    'Generated hostile pages, once each (ms; Node + linkedom)',
    ['page', 'HTML MB', 'parse', 'clone', 'Readability', 'analyze', 'extract', 'sentences', 'entities', 'quotes', 'result'],
    hostile.map((h) => [
      h.page,
      h.htmlMB,
      h.parseMs,
      h.cloneMs,
      h.readabilityError ? `${fmt(h.readabilityMs, 0)} (threw)` : h.readabilityMs,
      h.analyzeMs,
      h.timingMs?.extract ?? null,
      h.timingMs?.sentences ?? null,
      h.timingMs?.entities ?? null,
      h.timingMs?.quotes ?? null,
      h.result,
    ]),
  );
}

// ---------------------------------------------------------------- 3. bundle
const outDir = join(PROJECT_ROOT, '.output/chrome-mv3');
let bundle: ReturnType<typeof bundleSizes> = [];
if (args.has('--build') || !existsSync(outDir)) {
  console.log('\nbuilding the Chrome extension (npx wxt build)…');
  const b = spawnSync('npx', ['wxt', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  if (b.status !== 0) console.error('build failed: bundle sizes are from whatever .output holds, if anything');
}
if (existsSync(outDir)) {
  bundle = bundleSizes(outDir);
  printTable(
    'Bundle sizes (.output/chrome-mv3, gzip -9 per file, summed)',
    ['part', 'files', 'raw KB', 'gzip KB', 'target KB', 'met'],
    bundle.map((b) => [b.name, b.files.join(' '), b.rawBytes / 1024, b.gzipBytes / 1024, String(b.targetKB), b.gzipBytes / 1024 <= b.targetKB ? 'yes' : 'NO']),
  );
} else console.log('\nno .output/chrome-mv3: bundle sizes not measured');

// ---------------------------------------------------------------- output
const report = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model ?? null,
  cpus: cpus().length,
  loadAverage: { start: loadAtStart, end: loadavg() },
  quick: QUICK,
  pages: {
    source: pagesSource,
    count: pageResults.length,
    withArticle: okPages.length,
    repeats: REPEATS,
    note: 'ms per page = median of repeats; analyze(doc) includes its own document clone; Readability alone runs on a clone made outside its timed region',
    stages: stageSummary,
    ratioMedian,
    ratioWithCloneMedian,
    ratioCpuMedian,
    ratioTarget: 1.5,
    perPage: pageResults,
  },
  scaling: {
    note: 'synthetic articles from real paragraphs; analyzeMs (wall) and cpuMs (process CPU, GC threads included) = medians of runs in a fresh, warmed-up process; peakRssDeltaMB = getrusage maxRSS at the end minus RSS of the idle warmed-up worker (includes input and DOM); retainedHeapMB = V8 heap after GC with input, DOM and result alive, minus baseline; growthPer10x = (cpu2/cpu1)^(1/log10(w2/w1))',
    rows: scale,
    growthTargetPer10x: 12,
    target100kMs: 2000,
  },
  hostile: {
    note: 'generated from test/fixtures/hostile/article-base.html; one run each; Readability alone on a clone made outside its timing',
    rows: hostile,
  },
  bundle,
  seconds: (performance.now() - started) / 1000,
};
mkdirSync(join(PROJECT_ROOT, 'build/bench'), { recursive: true });
writeFileSync(join(PROJECT_ROOT, 'build/bench/bench.json'), JSON.stringify(report, null, 2) + '\n');
console.log(`\nwrote build/bench/bench.json (${fmt(report.seconds, 0)} s)`);
