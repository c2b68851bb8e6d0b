/**
 * `npm run readings -- save|check`: every Readability test page's reading
 * (the whole `Analysis` without its timings), written to build/readings/,
 * and compared with the saved set. A change meant to make Lede faster, not
 * different, must leave `check` with no difference. Reads ../shared in place,
 * writes only under build/ (git-ignored).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtmlDocument } from '../cli/dom';
import { analyze } from '../lib/analyze';
import { PROJECT_ROOT } from '../test/support/shared';
import { loadPages, PAGE_URL } from './bench/corpus';

const mode = process.argv[2];
if (mode !== 'save' && mode !== 'check') {
  console.error('usage: npm run readings -- save|check');
  process.exit(2);
}
const file = join(PROJECT_ROOT, 'build/readings/readings.json');
const { source, pages } = loadPages();
const readings: Record<string, string> = {};
for (const page of pages) {
  // Both paths: the CLI's (the document is analyze's own, a file with no address)
  // and a live page's (cloned first, with its address, as the content script has it).
  const own = analyze(parseHtmlDocument(page.html), { ownsDocument: true });
  const live = analyze(parseHtmlDocument(page.html, PAGE_URL), { url: PAGE_URL });
  const strip = (r: typeof own) => JSON.stringify(r, (k, v) => (k === 'timingMs' ? undefined : v));
  readings[page.name] = strip(own);
  if (strip(live) !== readings[page.name]) readings[`${page.name} (live)`] = strip(live);
}
if (mode === 'save') {
  mkdirSync(join(PROJECT_ROOT, 'build/readings'), { recursive: true });
  writeFileSync(file, JSON.stringify(readings));
  console.log(`saved ${pages.length} readings from ${source} to ${file}`);
} else {
  if (!existsSync(file)) {
    console.error(`no saved readings: run \`npm run readings -- save\` first (${file})`);
    process.exit(2);
  }
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const names = [...new Set([...Object.keys(saved), ...Object.keys(readings)])].sort();
  const changed = names.filter((n) => saved[n] !== readings[n]);
  for (const n of changed) {
    const a = saved[n] ?? '';
    const b = readings[n] ?? '';
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    console.log(`${n}: differs at ${i}\n  saved: …${a.slice(Math.max(0, i - 80), i + 120)}\n  now:   …${b.slice(Math.max(0, i - 80), i + 120)}`);
  }
  console.log(changed.length ? `${changed.length} of ${names.length} readings changed` : `all ${names.length} readings unchanged`);
  process.exit(changed.length ? 1 : 0);
}
