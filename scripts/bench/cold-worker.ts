/**
 * Cold start, in a fresh process: what one click costs when the content script
 * is injected anew (it is registered at runtime and injected on each click, so
 * it starts cold every time). Times the first analyze of the sample article
 * (lazy model decoding and JIT compilation included) and then a warm analyze
 * (median of 5), wall and CPU. Module loading is timed too, but through tsx it
 * includes TypeScript compilation, so it overstates the bundled script's.
 * Prints one JSON line.
 * `node --import tsx cold-worker.ts FILE.html`
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { median } from './stats';

const html = readFileSync(process.argv[2], 'utf8');
const { parseHtmlDocument } = await import('../../cli/dom');
const doc = parseHtmlDocument(html);
const t0 = performance.now();
const { analyze } = await import('../../lib/analyze');
const importMs = performance.now() - t0;
const cpuSince = (c: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(c);
  return (u.user + u.system) / 1000;
};
const t1 = performance.now();
const c1 = process.cpuUsage();
const first = analyze(doc);
const firstCpuMs = cpuSince(c1);
const firstMs = performance.now() - t1;
const warm: number[] = [];
const warmCpu: number[] = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  const c = process.cpuUsage();
  analyze(doc);
  warmCpu.push(cpuSince(c));
  warm.push(performance.now() - t);
}
process.stdout.write(
  JSON.stringify({ importMs, firstMs, firstCpuMs, warmMs: median(warm), warmCpuMs: median(warmCpu), firstStages: first.ok ? first.timingMs : null }) + '\n',
);
