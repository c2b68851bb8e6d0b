/**
 * Measurements that need a fresh process each: scaling (synthetic articles of
 * a given length built from real paragraphs, analyzed as text and as HTML;
 * scale-worker.ts says what its time and memory figures mean) and cold start
 * (cold-worker.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TimingMs } from '../../lib/types';
import { PROJECT_ROOT } from '../../test/support/shared';
import { realParagraphs, SAMPLE_PAGE, syntheticHtml, syntheticParagraphs, syntheticText } from './corpus';

export interface ScaleRow {
  mode: 'text' | 'html';
  words: number;
  chars: number;
  parseMs: number;
  analyzeMs: number;
  cpuMs: number;
  runs: number;
  ok: boolean;
  analyzedChars: number;
  truncated: unknown;
  timingMs: TimingMs | null;
  baselineRssMB: number;
  peakRssDeltaMB: number;
  retainedHeapMB: number;
  /** CPU time over that of the size ten times smaller (null when there is none): CPU time, since a neighbour's load stretches wall time, not the work. */
  growthPer10x: number | null;
  /** The same on wall time. */
  wallGrowthPer10x: number | null;
}

// Several runs at every size: with one, the step to 300k words was seen to swing
// from 7.9× to 13.9× between two full runs. Small inputs take milliseconds:
// more runs there, where one GC or one late optimisation weighs most.
const repeatsFor = (words: number): number => (words <= 10_000 ? 15 : 5);

export function benchScaling(sizes: number[]): ScaleRow[] {
  const pool = realParagraphs();
  const poolWords = pool.reduce((n, p) => n + p.split(/\s+/).filter(Boolean).length, 0);
  console.log(`\nscaling: ${pool.length} real paragraphs (${poolWords} words) in the pool; longer articles cycle through it again`);
  const tmp = mkdtempSync(join(tmpdir(), 'lede-bench-'));
  const rows: ScaleRow[] = [];
  try {
    const warm = syntheticParagraphs(pool, 1_000);
    writeFileSync(join(tmp, 'warm.text'), syntheticText('Warm-up article', warm));
    writeFileSync(join(tmp, 'warm.html'), syntheticHtml('Warm-up article', warm));
    for (const mode of ['text', 'html'] as const) {
      for (const words of sizes) {
        const paras = syntheticParagraphs(pool, words);
        const title = `A synthetic article of ${words} words`;
        const file = join(tmp, `in-${words}.${mode}`);
        writeFileSync(file, mode === 'text' ? syntheticText(title, paras) : syntheticHtml(title, paras));
        const r = spawnSync(
          process.execPath,
          ['--expose-gc', '--import', 'tsx', join(PROJECT_ROOT, 'scripts/bench/scale-worker.ts'), mode, file, join(tmp, `warm.${mode}`), String(repeatsFor(words))],
          { cwd: PROJECT_ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, timeout: 300_000 },
        );
        if (r.status !== 0) {
          console.error(`scaling ${mode} ${words}: worker failed (${r.status ?? r.signal}): ${(r.stderr ?? '').slice(-2000)}`);
          continue;
        }
        const row = JSON.parse(r.stdout.trim().split('\n').pop()!);
        // Against the size ten times smaller only (300k against 30k): a 3× step
        // extrapolated to 10× is raised to the power log(10)/log(3) = 2.1, which
        // doubles its noise (one full run read 13.9× off a step of 3.5×).
        const base = rows.find((r) => r.mode === mode && r.words * 10 === words);
        const growthPer10x = base ? row.cpuMs / base.cpuMs : null;
        const wallGrowthPer10x = base ? row.analyzeMs / base.analyzeMs : null;
        rows.push({ words, growthPer10x, wallGrowthPer10x, ...row } as ScaleRow);
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return rows;
}

export interface ColdRun {
  importMs: number;
  firstMs: number;
  firstCpuMs: number;
  warmMs: number;
  warmCpuMs: number;
  firstStages: TimingMs | null;
}

/** The first analyze in a fresh process, `runs` times (cold-worker.ts). */
export function benchColdStart(runs: number): ColdRun[] {
  const out: ColdRun[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'scripts/bench/cold-worker.ts'), SAMPLE_PAGE], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (r.status !== 0) {
      console.error(`cold start: worker failed (${r.status ?? r.signal}): ${(r.stderr ?? '').slice(-1000)}`);
      continue;
    }
    out.push(JSON.parse(r.stdout.trim().split('\n').pop()!));
  }
  return out;
}
