/**
 * The pages part again, in the browser: each Readability test page served on
 * 127.0.0.1 and opened in headless Chromium (Debian's /usr/bin/chromium, no
 * network: every other request is refused), then, in the page, Readability
 * alone on a clone and Lede's whole analyze on the page (which clones it
 * first, as the content script does), REPEATS times. The native DOM changes the
 * balance: cloning and selector queries are cheap there, our own JavaScript
 * is not.
 */
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { PROJECT_ROOT } from '../../test/support/shared';
import { CHROMIUM } from '../../test/e2e/support/browser';
import { startServer } from '../../test/e2e/support/server';
import { PAGES_DIR, type BenchPage } from './corpus';
import { median } from './stats';

export interface BrowserPageResult {
  name: string;
  ok: boolean;
  readabilityMs: number;
  cloneMs: number;
  /** analyze on the live page, its own clone included. */
  analyzeMs: number;
  /** analyzeMs / (Readability + the clone both need). */
  ratioWithClone: number;
  /** (analyzeMs − clone) / Readability: the same measure as in Node's CLI path. */
  ratio: number;
  /** analyze's stage timings (medians of repeats); null when the page has no article. */
  stages: Record<string, number> | null;
}

async function bundle(): Promise<string> {
  const out = join(PROJECT_ROOT, 'build/bench/page-bench.js');
  mkdirSync(join(PROJECT_ROOT, 'build/bench'), { recursive: true });
  await build({ entryPoints: [join(PROJECT_ROOT, 'scripts/bench/page-entry.ts')], bundle: true, format: 'iife', target: 'chrome120', outfile: out, logLevel: 'error' });
  return out;
}

export async function benchBrowser(pages: BenchPage[], repeats: number): Promise<BrowserPageResult[]> {
  const script = await bundle();
  const routes = Object.fromEntries(pages.map((p, i) => [`/${i}.html`, join(PAGES_DIR, p.name, 'source.html')]));
  const server = await startServer(routes);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const context = await browser.newContext();
  // Only the page itself loads: images, scripts and fonts from elsewhere are refused, as there is no network.
  await context.route('**/*', (route) => (route.request().url().startsWith(server.origin) ? route.continue() : route.abort()));
  const results: BrowserPageResult[] = [];
  try {
    for (let i = 0; i < pages.length; i++) {
      const page = await context.newPage();
      try {
        await page.goto(server.url(`/${i}.html`), { waitUntil: 'load', timeout: 20_000 });
        await page.addScriptTag({ path: script });
        const runs = await page.evaluate((n) => (globalThis as any).__ledeBench(n), repeats);
        const readabilityMs = median(runs.map((r: { readabilityMs: number }) => r.readabilityMs));
        const cloneMs = median(runs.map((r: { cloneMs: number }) => r.cloneMs));
        const analyzeMs = median(runs.map((r: { analyzeMs: number }) => r.analyzeMs));
        results.push({
          name: pages[i].name,
          ok: runs[0].ok,
          readabilityMs,
          cloneMs,
          analyzeMs,
          ratioWithClone: analyzeMs / (readabilityMs + cloneMs),
          ratio: (analyzeMs - cloneMs) / readabilityMs,
          stages: runs[0].timingMs ? Object.fromEntries(Object.keys(runs[0].timingMs).map((k) => [k, median(runs.map((r: { timingMs: Record<string, number> }) => r.timingMs[k]))])) : null,
        });
      } catch (err) {
        console.log(`  ${pages[i].name}: not measured (${(err instanceof Error ? err.message : String(err)).split('\n')[0]})`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}
