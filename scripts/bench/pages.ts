/**
 * Real pages: the whole `analyze(doc)` against `new Readability(clone).parse()`
 * alone, same documents, same run. Each page is parsed once (linkedom, the
 * CLI's DOM) outside the timed region; then, REPEATS times and interleaved,
 * Readability runs on a fresh clone made outside its timing and analyze runs
 * on the document (extraction clones it itself, inside its timing). Per-page
 * figures are medians of the repeats.
 */
import { Readability } from '@mozilla/readability';
import { performance } from 'node:perf_hooks';
import { parseHtmlDocument } from '../../cli/dom';
import { analyze } from '../../lib/analyze';
import type { TimingMs } from '../../lib/types';
import type { BenchPage } from './corpus';
import { median } from './stats';

export interface PageResult {
  name: string;
  htmlKB: number;
  ok: boolean;
  readabilityMs: number;
  cloneMs: number;
  analyzeMs: number;
  /** analyze / Readability alone, wall time. */
  ratio: number;
  /** analyze / (Readability + the clone it needs). */
  ratioWithClone: number;
  /** analyze / Readability on process CPU time: steadier when the machine is shared. */
  ratioCpu: number;
  /** analyze's own stage timings (timingMs), medians; null when the page has no article. */
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
  const t = performance.now();
  const c = process.cpuUsage();
  new Readability(clone).parse();
  const cpu = cpuSince(c);
  return { wall: performance.now() - t, cpu, clone: cloneMs };
}

function medianTimings(runs: TimingMs[]): TimingMs | null {
  if (!runs.length) return null;
  const keys = Object.keys(runs[0]) as (keyof TimingMs)[];
  return Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))])) as unknown as TimingMs;
}

export function benchPages(pages: BenchPage[], repeats: number): PageResult[] {
  // Warm up the JIT on a few pages so the first pages are not charged for compilation.
  for (const page of pages.slice(0, 5)) {
    const doc = parseHtmlDocument(page.html);
    for (let i = 0; i < 2; i++) {
      analyze(doc);
      timeReadability(doc);
    }
  }
  const results: PageResult[] = [];
  for (const page of pages) {
    const doc = parseHtmlDocument(page.html);
    const rd: number[] = [];
    const rdCpu: number[] = [];
    const cl: number[] = [];
    const an: number[] = [];
    const anCpu: number[] = [];
    const stageRuns: TimingMs[] = [];
    let ok = false;
    for (let i = 0; i < repeats; i++) {
      const r = timeReadability(doc);
      rd.push(r.wall);
      rdCpu.push(r.cpu);
      cl.push(r.clone);
      const t = performance.now();
      const c = process.cpuUsage();
      const result = analyze(doc);
      anCpu.push(cpuSince(c));
      an.push(performance.now() - t);
      ok = result.ok;
      if (result.ok) stageRuns.push(result.timingMs);
    }
    const readabilityMs = median(rd);
    const cloneMs = median(cl);
    const analyzeMs = median(an);
    results.push({
      name: page.name,
      htmlKB: page.html.length / 1024,
      ok,
      readabilityMs,
      cloneMs,
      analyzeMs,
      ratio: analyzeMs / readabilityMs,
      ratioWithClone: analyzeMs / (readabilityMs + cloneMs),
      ratioCpu: median(anCpu) / median(rdCpu),
      stages: medianTimings(stageRuns),
    });
  }
  return results;
}
