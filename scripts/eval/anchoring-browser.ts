/**
 * The Chromium half of `npm run eval:anchoring -- --browser`: bundles
 * scripts/eval/anchoring-page.ts with Vite, opens pages in Debian's Chromium
 * (playwright-core, offline: every request refused, page scripts removed) and
 * times anchoring there.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { Span } from '../../lib/types';
import { printTable } from '../bench/table';
import type { PageTiming } from './anchoring-page';
import { spread, syntheticPage } from './anchoring-synthetic';

const CHROMIUM = '/usr/bin/chromium';

async function bundle(root: string): Promise<string> {
  const { build } = await import('vite');
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: { entry: join(root, 'scripts/eval/anchoring-page.ts'), name: 'LedeEval', formats: ['iife'], fileName: () => 'lede-eval.js' },
    },
  });
  const result = Array.isArray(out) ? out[0] : out;
  if (!('output' in result)) throw new Error('vite build gave no output');
  return result.output[0].type === 'chunk' ? result.output[0].code : '';
}

/** Page scripts and refreshes removed: the page must hold still while it is measured. */
function inert(html: string): string {
  return html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '').replace(/<meta[^>]+http-equiv=["']?refresh[^>]*>/gi, '');
}

async function open(page: Page, html: string, code: string): Promise<void> {
  await page.setContent(inert(html), { waitUntil: 'domcontentloaded' });
  await page.evaluate(code);
}

export interface BrowserRun {
  chromium: string;
  corpus: Array<{ page: string; analyzeMs: number; keyAndQuotes: PageTiming; sentences: PageTiming }>;
  synthetic: Array<{ label: string; htmlBytes: number } & PageTiming>;
}

export async function runInBrowser(opts: {
  root: string;
  pages: Array<{ name: string; html: string }>;
  articleTexts: string[];
  outDir: string;
}): Promise<BrowserRun | null> {
  if (!existsSync(CHROMIUM)) {
    console.log(`\n(${CHROMIUM} is absent: browser timings skipped)`);
    return null;
  }
  const code = `${await bundle(opts.root)}\nwindow.LedeEval = LedeEval;`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const run: BrowserRun = { chromium: browser.version(), corpus: [], synthetic: [] };
  try {
    const context = await browser.newContext();
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    type Api = {
      measureArticle(doc: Document): BrowserRun['corpus'][number] | null;
      measureText(doc: Document, text: string, passages: Span[]): PageTiming;
    };
    for (const p of opts.pages) {
      await open(page, p.html, code);
      const r = await page.evaluate(() => (window as unknown as { LedeEval: Api }).LedeEval.measureArticle(document));
      if (r) run.corpus.push({ ...r, page: p.name });
    }
    const synthetic = syntheticPage(opts.articleTexts, 5_000_000);
    mkdirSync(opts.outDir, { recursive: true });
    writeFileSync(join(opts.outDir, 'anchoring-synthetic.html'), synthetic.html);
    await open(page, synthetic.html, code);
    for (const count of [300, 3000]) {
      const passages = spread(synthetic.sentences, count);
      const r = await page.evaluate(
        ([text, ps]) => (window as unknown as { LedeEval: Api }).LedeEval.measureText(document, text, ps),
        [synthetic.text, passages] as const,
      );
      run.synthetic.push({ label: `synthetic 5 MB, ${passages.length} passages`, htmlBytes: synthetic.html.length, ...r });
    }
  } finally {
    await browser.close();
  }
  printTable(
    `Anchoring in Chromium ${run.chromium}, ms (anchorPassages = text map + set-up + matching + Ranges)`,
    ['page', 'page chars', 'passages', 'anchored', 'anchorPassages', 'text map', 'set-up', 'locate'],
    [
      ...run.corpus.flatMap((c) =>
        [
          ['key sentences + quotes', c.keyAndQuotes],
          ['all sentences', c.sentences],
        ].map(([label, t]) => {
          const x = t as PageTiming;
          return [`${c.page}: ${label as string}`, String(x.pageChars), String(x.passages), String(x.anchored), x.anchorPassagesMs, x.mapMs, x.setupMs, x.locateMs];
        }),
      ),
      ...run.synthetic.map((s) => [s.label, String(s.pageChars), String(s.passages), String(s.anchored), s.anchorPassagesMs, s.mapMs, s.setupMs, s.locateMs]),
    ],
  );
  return run;
}
