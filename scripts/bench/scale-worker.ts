/**
 * One scaling measurement in a fresh process, so peak memory belongs to this
 * input alone: `node --expose-gc --import tsx scale-worker.ts text|html INPUT WARMUP REPEATS`.
 * Prints one JSON line on stdout. Time is wall time and CPU time (this
 * process, user + system, GC threads included), each the median of the runs.
 *
 * Memory figures (all in MB):
 * - baselineRss: RSS of this process with the modules loaded and the pipeline
 *   warmed up, after a full GC, before the input is read.
 * - peakRssDelta: the process's peak RSS (getrusage maxrss) at the end minus
 *   baselineRss: the most memory the input cost at any moment, including the
 *   input string and, for HTML, the parsed DOM and Readability's clone.
 * - retainedHeap: V8 heap still used after a full GC with the input, the DOM
 *   and the result alive, minus the heap at baseline.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseHtmlDocument } from '../../cli/dom';
import { analyze } from '../../lib/analyze';
import { median } from './stats';

const [mode, inputFile, warmupFile, repeatsArg] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const MB = 1024 * 1024;
/** Warm-up runs of the input itself: until this much time has passed, at most MAX_WARM_RUNS. */
const WARM_MS = 400;
const MAX_WARM_RUNS = 40;

const prepare = (src: string) => (mode === 'html' ? parseHtmlDocument(src) : src);

// Warm up: the same pipeline on a small input, three times.
const warm = readFileSync(warmupFile, 'utf8');
for (let i = 0; i < 3; i++) analyze(prepare(warm));

gc();
gc();
const baselineRss = process.memoryUsage().rss;
const baselineHeap = process.memoryUsage().heapUsed;

const source = readFileSync(inputFile, 'utf8');
const tp = performance.now();
const input = prepare(source);
const parseMs = mode === 'html' ? performance.now() - tp : 0;

const times: number[] = [];
const cpu: number[] = [];
// Warm on this input itself before timing it: a 1,000-word run takes about
// 3 ms, and whether the engine has finished optimising the code paths this
// size takes (a warm-up of 1,000 words does not reach all of them) swung its
// median of five from 2 to 8 ms between two runs, and with it the growth of
// the first 10× step from 4× to 21×. Scaling is about the work growing with
// the input, on code in the same state at every size; the first run in a
// fresh process is what the cold-start part measures.
let result = analyze(input);
const warmUntil = performance.now() + WARM_MS;
for (let i = 1; i < MAX_WARM_RUNS && performance.now() < warmUntil; i++) result = analyze(input);
for (let i = 0; i < Number(repeatsArg); i++) {
  // The CPU-time probes outside the wall-clock window, as in pages.ts.
  const c = process.cpuUsage();
  const t = performance.now();
  result = analyze(input);
  times.push(performance.now() - t);
  const used = process.cpuUsage(c);
  cpu.push((used.user + used.system) / 1000);
}
const peakRss = process.resourceUsage().maxRSS * 1024;
gc();
gc();
const retainedHeap = process.memoryUsage().heapUsed - baselineHeap;

process.stdout.write(
  JSON.stringify({
    mode,
    chars: source.length,
    parseMs,
    analyzeMs: median(times),
    cpuMs: median(cpu),
    runs: times.length,
    ok: result.ok,
    analyzedChars: result.ok ? result.text.length : 0,
    truncated: result.ok ? result.truncated : null,
    timingMs: result.ok ? result.timingMs : null,
    baselineRssMB: baselineRss / MB,
    peakRssDeltaMB: (peakRss - baselineRss) / MB,
    retainedHeapMB: retainedHeap / MB,
  }) + '\n',
);
