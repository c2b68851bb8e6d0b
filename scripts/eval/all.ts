/**
 * `npm run eval`: runs every part of the evaluation suite in turn (each prints
 * its own table with its baselines and writes build/eval/<part>.json), then
 * prints one combined table. Parts whose corpus is absent say so and are
 * skipped; the suite still exits 0 so a clone without ../shared can run it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT as ROOT } from '../../test/support/shared';

const PARTS = ['extraction', 'summary', 'summary-cnndm', 'entities', 'quotes', 'languages'] as const;

const started = Date.now();
const failures: string[] = [];
for (const part of PARTS) {
  const script = join(ROOT, 'scripts/eval', `${part}.ts`);
  console.log(`\n=== ${part} ===`);
  if (!existsSync(script)) {
    console.log(`(no scripts/eval/${part}.ts yet: skipped)`);
    continue;
  }
  const t = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, stdio: 'inherit' });
  console.log(`(${part}: ${((Date.now() - t) / 1000).toFixed(1)} s)`);
  if (r.status !== 0) failures.push(part);
}

// One combined view of the headline figures, from the JSON each part wrote.
type Row = { part: string; metric: string; lede: number | null; baselines: string };
const rows: Row[] = [];
for (const part of PARTS) {
  const file = join(ROOT, 'build/eval', `${part}.json`);
  // Only what this run measured: a part skipped for want of its corpus leaves an older file behind.
  if (!existsSync(file) || statSync(file).mtimeMs < started) continue;
  const data = JSON.parse(readFileSync(file, 'utf8'));
  for (const h of (data.headline ?? []) as { metric: string; lede: number; baselines: Record<string, number> }[]) {
    rows.push({
      part,
      metric: h.metric,
      lede: h.lede,
      baselines: Object.entries(h.baselines ?? {})
        .map(([k, v]) => `${k} ${v.toFixed(3)}`)
        .join(', '),
    });
  }
}
if (rows.length) {
  console.log('\n=== summary ===');
  const table = ['| part | metric | Lede | baselines |', '|---|---|---|---|'];
  for (const r of rows) table.push(`| ${r.part} | ${r.metric} | ${r.lede === null ? '—' : r.lede.toFixed(3)} | ${r.baselines} |`);
  console.log(table.join('\n'));
  mkdirSync(join(ROOT, 'build/eval'), { recursive: true });
  writeFileSync(join(ROOT, 'build/eval/summary.md'), `Measured ${new Date().toISOString().slice(0, 10)}\n\n${table.join('\n')}\n`);
}
console.log(`\neval: ${((Date.now() - started) / 1000).toFixed(1)} s${failures.length ? `; failed: ${failures.join(', ')}` : ''}`);
process.exitCode = failures.length ? 1 : 0;
