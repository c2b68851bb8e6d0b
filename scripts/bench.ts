/**
 * `npm run bench [-- --only=pages,browser,scaling,cold,hostile,bundle] [-- --build] [-- --quick]`:
 * how fast Lede reads real pages, how it scales, how big the extension is.
 * Prints tables and writes build/bench/bench.json (with date, Node, CPU and
 * the machine's load average: the machine is shared, so CPU times are given
 * beside wall times).
 *
 * 1. pages: every Readability test page under ../shared (or the bundled sample
 *    when ../shared is absent): per-stage medians and p90, and the whole
 *    pipeline against Readability alone, page by page (bench/pages.ts).
 * 1b. browser: the same pages in headless Chromium, Readability alone against the
 *    whole analyze in the page's native DOM (bench/browser.ts).
 * 2. scaling: synthetic articles of 1k–300k words from real paragraphs, as text
 *    and as HTML, time and peak memory (bench/scaling.ts, bench/scale-worker.ts).
 * 2b. cold: the first analyze in a fresh process, as one click costs (bench/cold-worker.ts).
 * 3. hostile: the generated 5 MB and 10,000-deep pages, stage by stage (bench/hostile.ts),
 *    and issue 17's inputs through the CLI under /usr/bin/time: wall, CPU, peak RSS
 *    against their bounds, and what the reading says (bench/hostile-cli.ts).
 * 4. bundle: gzipped sizes from .output/chrome-mv3, built when missing or with --build (bench/bundle.ts).
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { TimingMs } from '../lib/types';
import { PROJECT_ROOT } from '../test/support/shared';
import { bundleSizes, type BundleEntry } from './bench/bundle';
import { loadPages, PAGES_DIR } from './bench/corpus';
import type { BrowserPageResult } from './bench/browser';
import { benchHostile, type HostileRow } from './bench/hostile';
import { ANSWER_BOUND_MS, benchHostileCli, type HostileCliRow } from './bench/hostile-cli';
import { benchPages, type PageResult } from './bench/pages';
import { benchColdStart, benchScaling, type ColdRun, type ScaleRow } from './bench/scaling';
import { median, p90 } from './bench/stats';
import { fmt, printTable } from './bench/table';

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const run = (part: string) => !only || only.includes(part);
// Five repeats: a page's median then needs three runs spoiled (a collection, a
// recompilation) to move. The median ratio over the pages still moves by about
// ±0.06 from one full run to the next.
const REPEATS = QUICK ? 1 : 5;
const started = performance.now();
const loadAtStart = loadavg();
const busy = loadAtStart[0] > cpus().length;

console.log(
  `bench: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, load average ${loadAtStart.map((l) => l.toFixed(1)).join(' ')}` +
    (busy ? ' (busy machine: wall times are inflated; CPU times and ratios are steadier)' : ''),
);

// ---------------------------------------------------------------- 1. pages
let pagesReport: object | null = null;
if (run('pages')) {
  const { source, pages } = loadPages();
  console.log(`\npages: ${pages.length} from ${source}, ${REPEATS} repeat(s) each`);
  const results: PageResult[] = benchPages(pages, REPEATS);
  printTable(
    'Per page (ms, median of repeats): whole analyze vs Readability alone; "live" = analyze cloning the document first, as on a page in the browser',
    ['page', 'HTML KB', 'result', 'Readability', 'clone', 'analyze', 'ratio', 'analyze live', 'live / (R+clone)', 'ratio CPU'],
    results.map((p) => [p.name, p.htmlKB, p.ok ? 'article' : 'no article', p.readabilityMs, p.cloneMs, p.analyzeMs, fmt(p.ratio, 2), p.analyzeLiveMs, fmt(p.ratioWithClone, 2), fmt(p.ratioCpu, 2)]),
  );
  const STAGES: [keyof TimingMs, string][] = [
    ['extract', 'extraction'],
    ['sentences', 'sentences'],
    ['summary', 'key sentences'],
    ['entities', 'entities'],
    ['quotes', 'quotes'],
    ['total', 'whole analyze (timingMs.total)'],
  ];
  const withArticle = results.filter((p) => p.stages);
  const row = (stage: string, label: string, v: number[]) => ({ stage, label, medianMs: median(v), p90Ms: p90(v) });
  const stages = [
    ...STAGES.map(([key, label]) => row(key, label, withArticle.map((p) => p.stages![key]))),
    row('analyzeWall', 'whole analyze, wall (all pages)', results.map((p) => p.analyzeMs)),
    row('analyzeLive', 'whole analyze cloning the document (all pages)', results.map((p) => p.analyzeLiveMs)),
    row('readability', 'Readability alone (all pages)', results.map((p) => p.readabilityMs)),
    row('clone', 'cloneNode(true) (all pages)', results.map((p) => p.cloneMs)),
  ];
  printTable(
    `Per stage over ${withArticle.length} page(s) with an article (ms)`,
    ['stage', 'median', 'p90'],
    stages.map((s) => [s.label, fmt(s.medianMs, 2), fmt(s.p90Ms, 2)]),
  );
  const ratioMedian = median(results.map((p) => p.ratio));
  const ratioWithCloneMedian = median(results.map((p) => p.ratioWithClone));
  const ratioCpuMedian = median(results.map((p) => p.ratioCpu));
  console.log(
    `\nwhole pipeline / Readability alone: median ${fmt(ratioMedian, 2)} (target ≤ 1.5: ${ratioMedian <= 1.5 ? 'met' : 'NOT met'}); ` +
      `cloning the document first (as on a live page) vs Readability + clone: ${fmt(ratioWithCloneMedian, 2)}; on CPU time: ${fmt(ratioCpuMedian, 2)}`,
  );
  pagesReport = {
    source,
    count: results.length,
    withArticle: withArticle.length,
    repeats: REPEATS,
    note: 'ms per page = median of repeats; analyze runs on a document of its own (ownsDocument, as the CLI) and, for ratioWithClone, on a document it clones first (as on a live page); Readability alone (default options) runs on a clone made outside its timed region',
    stages,
    ratioMedian,
    ratioWithCloneMedian,
    ratioCpuMedian,
    ratioTarget: 1.5,
    perPage: results,
  };
}

// ---------------------------------------------------------------- 1b. pages in the browser
let browserReport: object | null = null;
if (run('browser')) {
  const { pages } = loadPages();
  // Loaded only now: the browser part's modules (Playwright, esbuild) are big,
  // and the pages part, measured before, is timed in a process that holds only
  // what it measures.
  const { CHROMIUM } = await import('../test/e2e/support/browser');
  const { benchBrowser } = await import('./bench/browser');
  if (!existsSync(CHROMIUM) || !existsSync(PAGES_DIR)) {
    console.log(`\nbrowser: not measured (${!existsSync(CHROMIUM) ? `no ${CHROMIUM}: apt-get install -y chromium` : '../shared/corpora/readability-pages is absent'})`);
  } else {
    console.log(`\nbrowser: ${pages.length} pages in headless Chromium, ${REPEATS} repeat(s) each after a warm-up`);
    const results = await benchBrowser(pages, REPEATS);
    const m = (f: (r: BrowserPageResult) => number) => median(results.map(f));
    printTable(
      `In the browser over ${results.length} pages (ms, medians; analyze on the live page, its clone included)`,
      ['', 'median', 'p90'],
      [
        ['Readability alone', m((r) => r.readabilityMs), p90(results.map((r) => r.readabilityMs))],
        ['cloneNode(true)', m((r) => r.cloneMs), p90(results.map((r) => r.cloneMs))],
        ['whole analyze (live, clone included)', m((r) => r.analyzeMs), p90(results.map((r) => r.analyzeMs))],
        ...(['extract', 'sentences', 'entities', 'quotes', 'summary'] as const).map((k) => {
          const v = results.flatMap((r) => (r.stages ? [r.stages[k]] : []));
          return [`  stage: ${k} (pages with an article)`, median(v), p90(v)];
        }),
      ],
    );
    const ratioMedian = m((r) => r.ratio);
    const ratioWithCloneMedian = m((r) => r.ratioWithClone);
    console.log(
      `in the browser: (analyze − clone) / Readability alone: median ${fmt(ratioMedian, 2)}; analyze / (Readability + clone): ${fmt(ratioWithCloneMedian, 2)}`,
    );
    browserReport = { browser: CHROMIUM, count: results.length, repeats: REPEATS, ratioMedian, ratioWithCloneMedian, perPage: results };
  }
}

// ---------------------------------------------------------------- 2. scaling
let scale: ScaleRow[] = [];
if (run('scaling')) {
  scale = benchScaling(QUICK ? [1_000, 10_000] : [1_000, 10_000, 30_000, 100_000, 300_000]);
  printTable(
    'Scaling: synthetic articles from real paragraphs, each size in a fresh process (peak RSS above the warmed-up idle worker; V8 heap kept after GC)',
    ['input', 'words', 'chars', 'HTML parse ms', 'analyze ms', 'analyze CPU ms', 'growth per 10x: wall (CPU)', 'peak RSS +MB', 'heap kept MB', 'truncated'],
    scale.map((s) => [
      s.mode,
      String(s.words),
      String(s.chars),
      s.mode === 'html' ? s.parseMs : null,
      s.analyzeMs,
      s.cpuMs,
      s.growthPer10x === null || s.wallGrowthPer10x === null ? null : `${fmt(s.wallGrowthPer10x, 1)}x (${fmt(s.growthPer10x, 1)}x)`,
      s.peakRssDeltaMB,
      s.retainedHeapMB,
      s.truncated ? 'yes' : 'no',
    ]),
  );
  printTable(
    'Scaling: analyze stages (ms, from timingMs)',
    ['input', 'words', 'extract', 'sentences', 'entities', 'quotes', 'key sentences', 'total'],
    scale.map((s) => [s.mode, String(s.words), s.timingMs?.extract ?? null, s.timingMs?.sentences ?? null, s.timingMs?.entities ?? null, s.timingMs?.quotes ?? null, s.timingMs?.summary ?? null, s.timingMs?.total ?? null]),
  );
  const at100k = scale.filter((s) => s.words === 100_000);
  if (at100k.length) {
    console.log(`100k words: ${at100k.map((s) => `${s.mode} ${fmt(s.analyzeMs / 1000, 2)} s wall, ${fmt(s.cpuMs / 1000, 2)} s CPU`).join('; ')} (target < 2 s)`);
  }
  const worst = Math.max(...scale.map((s) => s.growthPer10x ?? 0));
  const worstWall = Math.max(...scale.map((s) => s.wallGrowthPer10x ?? 0));
  console.log(`worst growth per 10x: wall ${fmt(worstWall, 1)}x, CPU ${fmt(worst, 1)}x (target ≤ 12x)`);
}

// ---------------------------------------------------------------- 2b. cold start
let cold: ColdRun[] = [];
if (run('cold')) {
  cold = benchColdStart(QUICK ? 1 : 3);
  const m = (k: keyof ColdRun) => median(cold.map((c) => c[k] as number));
  printTable(
    'Cold start on the sample article, fresh process each time (ms, median of runs): what one click costs, the content script being injected anew',
    ['', 'wall', 'CPU'],
    [
      ['first analyze (model decoding and JIT included)', m('firstMs'), m('firstCpuMs')],
      ['warm analyze', m('warmMs'), m('warmCpuMs')],
      ['module load through tsx (includes TS compilation)', m('importMs'), null],
    ],
  );
}

// ---------------------------------------------------------------- 3. hostile pages
let hostile: HostileRow[] = [];
if (run('hostile') && !QUICK) {
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

let hostileCli: HostileCliRow[] = [];
if (run('hostile')) {
  hostileCli = benchHostileCli();
  printTable(
    `Hostile inputs through the CLI (node bin/lede.mjs analyze --json, /usr/bin/time -v; bounds: ${ANSWER_BOUND_MS} ms, peak RSS 10× input + base)`,
    ['input', 'MB', 'wall ms', 'CPU ms', 'peak RSS MB', 'RSS bound MB', 'within bounds', 'the reading says'],
    hostileCli.map((h) => [
      h.input,
      h.inputMB,
      h.wallMs,
      h.cpuMs,
      h.peakRssMB,
      h.rssBoundMB,
      h.wallMs < ANSWER_BOUND_MS && h.peakRssMB < h.rssBoundMB ? 'yes' : 'NO',
      [h.says, ...h.notes].join('; '),
    ]),
  );
}

// ---------------------------------------------------------------- 4. bundle
let bundle: BundleEntry[] = [];
if (run('bundle')) {
  const outDir = join(PROJECT_ROOT, '.output/chrome-mv3');
  if (argv.includes('--build') || !existsSync(outDir)) {
    console.log('\nbuilding the Chrome extension (npx wxt build)…');
    const b = spawnSync('npx', ['wxt', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
    if (b.status !== 0) console.error('build failed: bundle sizes are from whatever .output holds, if anything');
  }
  if (existsSync(outDir)) {
    bundle = bundleSizes(outDir);
    printTable(
      'Bundle sizes (.output/chrome-mv3, gzip -9 per file, summed; KB = 1,000 bytes, the stricter reading of the targets)',
      ['part', 'files', 'raw KB', 'gzip KB', 'gzip bytes', 'target KB', 'met'],
      bundle.map((b) => [b.name, b.files.join(' '), b.rawBytes / 1000, b.gzipBytes / 1000, String(b.gzipBytes), String(b.targetKB), b.gzipBytes / 1000 <= b.targetKB ? 'yes' : 'NO']),
    );
  } else console.log('\nno .output/chrome-mv3: bundle sizes not measured');
}

// ---------------------------------------------------------------- output
const report = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model ?? null,
  cpus: cpus().length,
  loadAverage: { start: loadAtStart, end: loadavg() },
  quick: QUICK,
  parts: only ?? ['pages', 'browser', 'scaling', 'cold', 'hostile', 'bundle'],
  pages: pagesReport,
  browser: browserReport,
  scaling: {
    note: 'synthetic articles from real paragraphs; analyzeMs (wall) and cpuMs (process CPU, GC threads included) = medians of runs in a fresh, warmed-up process; peakRssDeltaMB = getrusage maxRSS at the end minus RSS of the idle warmed-up worker (includes the input and, for HTML, the DOM); retainedHeapMB = V8 heap after GC with input, DOM and result alive, minus baseline; growthPer10x = cpuMs / cpuMs of the size 10x smaller (300k against 30k), null when there is none, and wallGrowthPer10x the same on analyzeMs; the input itself run first until 400 ms have passed (at most 40 runs)',
    rows: scale,
    growthTargetPer10x: 12,
    target100kMs: 2000,
  },
  coldStart: {
    note: 'sample article, fresh process per run (scripts/bench/cold-worker.ts): first analyze includes lazy model decoding and JIT; importMs goes through tsx and includes TypeScript compilation',
    runs: cold,
  },
  hostile: {
    note: 'generated from test/fixtures/hostile/article-base.html; one run each; Readability alone on a clone made outside its timing',
    rows: hostile,
    cli: hostileCli,
  },
  bundle,
  seconds: (performance.now() - started) / 1000,
};
const outFile = join(PROJECT_ROOT, 'build/bench', only ? `bench-${only.join('-')}.json` : 'bench.json');
mkdirSync(join(PROJECT_ROOT, 'build/bench'), { recursive: true });
writeFileSync(outFile, JSON.stringify(report, null, 2) + '\n');
console.log(`\nwrote ${outFile.slice(PROJECT_ROOT.length + 1)} (${fmt(report.seconds, 0)} s)`);
