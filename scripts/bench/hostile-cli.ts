/**
 * Issue 17's hostile inputs through the CLI, as a user runs it
 * (`node bin/lede.mjs analyze --json FILE`), each in a child process under
 * `/usr/bin/time -v`: wall time, CPU time and peak RSS, and what the reading
 * says. The inputs are generated (test/fixtures/hostile/generate.ts), never
 * committed. Used by test/e2e/hostile-cli.test.ts (which holds each to its
 * bound) and `npm run bench` (which prints the figures).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pageLimitNotes } from '../../lib/limits';
import { PROJECT_ROOT } from '../../test/support/shared';
import { lineWithoutSpaces, pageNestedDeep, pageWithHugeArticle, pageWithManyElements } from '../../test/fixtures/hostile/generate';

/** Every input answered within this (issue 17). */
export const ANSWER_BOUND_MS = 5_000;
/**
 * Peak RSS allowed: 10× the input's size plus this base. The CLI on an empty
 * page peaks at about 130 MB (Node, tsx compiling the TypeScript, the entity
 * model); the base leaves room above that for V8's heap to grow before it collects.
 */
export const RSS_BASE_MB = 200;

export interface HostileInput {
  name: string;
  file: string;
  make: () => string;
}

export const HOSTILE_INPUTS: HostileInput[] = [
  { name: 'HTML nested 100,000 <div>s deep', file: 'nested-100k.html', make: () => pageNestedDeep(100_000) },
  { name: '1,000,000 tiny elements', file: 'elements-1m.html', make: () => pageWithManyElements(1_000_000) },
  { name: 'a 50 MB page of paragraphs', file: 'paragraphs-50mb.html', make: () => pageWithHugeArticle(50 * 1024 * 1024) },
  { name: 'a 5 MB line with no spaces', file: 'line-5mb.txt', make: () => lineWithoutSpaces(5 * 1024 * 1024) },
];

export interface HostileCliRow {
  input: string;
  file: string;
  inputMB: number;
  wallMs: number;
  cpuMs: number;
  peakRssMB: number;
  rssBoundMB: number;
  exitCode: number | null;
  /** What the reading says: ok or not, and its notes (limits, truncation) or its refusal. */
  says: string;
  ok: boolean | null;
  notes: string[];
}

const field = (out: string, label: string): string | null => {
  const line = out.split('\n').find((l) => l.trim().startsWith(label));
  return line ? line.slice(line.indexOf(label) + label.length).trim() : null;
};

/** "h:mm:ss" or "m:ss.ss" → ms. */
function clockMs(s: string): number {
  const parts = s.split(':').map(Number);
  return parts.reduce((acc, p) => acc * 60 + p, 0) * 1000;
}

/** Runs the CLI on `file` under /usr/bin/time -v. */
export function runCli(file: string, timeoutMs = 60_000): Omit<HostileCliRow, 'input' | 'file' | 'inputMB' | 'rssBoundMB'> {
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, join(PROJECT_ROOT, 'bin/lede.mjs'), 'analyze', '--json', file], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  const err = r.stderr ?? '';
  const wallMs = clockMs(field(err, 'Elapsed (wall clock) time (h:mm:ss or m:ss):') ?? 'NaN');
  const cpuMs = (Number(field(err, 'User time (seconds):')) + Number(field(err, 'System time (seconds):'))) * 1000;
  const peakRssMB = Number(field(err, 'Maximum resident set size (kbytes):')) / 1024;
  let ok: boolean | null = null;
  let notes: string[] = [];
  let says = r.error ? `no answer (${r.error.message})` : 'no output';
  try {
    const j = JSON.parse((r.stdout ?? '').trim().split('\n')[0]);
    ok = j.ok;
    if (j.ok) {
      notes = [...pageLimitNotes(j.limits?.page)];
      if (j.truncated) notes.push(`read ${j.truncated.analyzedChars.toLocaleString('en')} of ${j.truncated.originalChars.toLocaleString('en')} characters`);
      says = `a reading, ${j.stats.words.toLocaleString('en')} words`;
    } else says = `no article: ${j.error}`;
  } catch {
    /* says stays as set */
  }
  return { wallMs, cpuMs, peakRssMB, exitCode: r.status, says, ok, notes };
}

/** Each hostile input, written to a temporary folder, run once through the CLI. */
export function benchHostileCli(inputs = HOSTILE_INPUTS): HostileCliRow[] {
  const dir = mkdtempSync(join(tmpdir(), 'lede-hostile-cli-'));
  const rows: HostileCliRow[] = [];
  try {
    for (const input of inputs) {
      const path = join(dir, input.file);
      writeFileSync(path, input.make());
      const inputMB = statSync(path).size / 1024 / 1024;
      rows.push({ input: input.name, file: input.file, inputMB, rssBoundMB: 10 * inputMB + RSS_BASE_MB, ...runCli(path) });
      rmSync(path);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
