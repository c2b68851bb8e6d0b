/**
 * Real pages: the whole `analyze` against `new Readability(clone).parse()`
 * alone, same documents, same run, each page parsed once with linkedom (the
 * CLI's DOM) at the address Readability's test suite gives it (PAGE_URL), as a
 * page in the browser always has one. REPEATS times, interleaved:
 *  - Readability alone runs on a fresh clone of the page (the clone timed on its own);
 *  - analyze runs on another fresh clone, made the same way outside its timing,
 *    handed over as the CLI hands over its own parse (`ownsDocument`:
 *    extraction reads it without cloning it). Both timed calls thus start from
 *    the same kind of input in the same state. (Until 2026-11-25 analyze got a
 *    fresh parse instead: the parser's garbage, collected inside analyze's
 *    window and not Readability's, added about 0.06 to the median ratio.)
 *  - analyze runs as on a live page, cloning the document inside its timing,
 *    which is set against Readability plus that clone.
 * Per-page figures are medians of the repeats.
 */
import { Readability } from '@mozilla/readability';
import { performance } from 'node:perf_hooks';
import { parseHtmlDocument } from '../../cli/dom';
import { analyze } from '../../lib/analyze';
import type { TimingMs } from '../../lib/types';
import { PAGE_URL, type BenchPage } from './corpus';
import { median } from './stats';

export interface PageResult {
  name: string;
  htmlKB: number;
  ok: boolean;
  readabilityMs: number;
  cloneMs: number;
  /** analyze on a document of its own, as the CLI runs it. */
  analyzeMs: number;
  /** analyze on a document it must not change (it clones it), as on a live page. */
  analyzeLiveMs: number;
  /** analyzeMs / Readability alone, wall time. */
  ratio: number;
  /** analyzeLiveMs / (Readability + the clone both need). */
  ratioWithClone: number;
  /** analyzeMs / Readability on process CPU time: steadier when the machine is shared. */
  ratioCpu: number;
  /** analyze's own stage timings (timingMs, CLI path), medians; null when the page has no article. */
  stages: TimingMs | null;
}

export const cpuSince = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

function timeReadability(doc: Document): { wall: number; cpu: number; clone: number } {
  const tc = performance.now();
  const clone = doc.cloneNode(true) as Document;
  const cloneMs = performance.now() - tc;
  // The CPU-time probes sit outside the wall-clock window, which then holds the work alone.
  const c = process.cpuUsage();
  const t = performance.now();
  new Readability(clone).parse();
  const wall = performance.now() - t;
  return { wall, cpu: cpuSince(c), clone: cloneMs };
}

function medianTimings(runs: TimingMs[]): TimingMs | null {
  if (!runs.length) return null;
  const keys = Object.keys(runs[0]) as (keyof TimingMs)[];
  return Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))])) as unknown as TimingMs;
}

export function benchPages(pages: BenchPage[], repeats: number): PageResult[] {
  // Warm up the JIT on a few pages so the first pages are not charged for compilation.
  for (const page of pages.slice(0, 5)) {
    const doc = parseHtmlDocument(page.html, PAGE_URL);
    for (let i = 0; i < 2; i++) {
      analyze(doc, { url: PAGE_URL });
      timeReadability(doc);
    }
  }
  const results: PageResult[] = [];
  for (const page of pages) {
    const doc = parseHtmlDocument(page.html, PAGE_URL);
    const rd: number[] = [];
    const rdCpu: number[] = [];
    const cl: number[] = [];
    const an: number[] = [];
    const anCpu: number[] = [];
    const stageRuns: TimingMs[] = [];
    let ok = false;
    const live: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const r = timeReadability(doc);
      rd.push(r.wall);
      rdCpu.push(r.cpu);
      cl.push(r.clone);
      const own = doc.cloneNode(true) as Document;
      const c = process.cpuUsage();
      const t = performance.now();
      const result = analyze(own, { ownsDocument: true, url: PAGE_URL });
      an.push(performance.now() - t);
      anCpu.push(cpuSince(c));
      ok = result.ok;
      if (result.ok) stageRuns.push(result.timingMs);
      const tl = performance.now();
      analyze(doc, { url: PAGE_URL });
      live.push(performance.now() - tl);
    }
    const readabilityMs = median(rd);
    const cloneMs = median(cl);
    const analyzeMs = median(an);
    const analyzeLiveMs = median(live);
    results.push({
      name: page.name,
      htmlKB: page.html.length / 1024,
      ok,
      readabilityMs,
      cloneMs,
      analyzeMs,
      analyzeLiveMs,
      ratio: analyzeMs / readabilityMs,
      ratioWithClone: analyzeLiveMs / (readabilityMs + cloneMs),
      ratioCpu: median(anCpu) / median(rdCpu),
      stages: medianTimings(stageRuns),
    });
  }
  return results;
}
