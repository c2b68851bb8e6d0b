/**
 * Lede over a folder of pages in headless Chromium or Firefox (the e2e drivers,
 * test/e2e/support/browser.ts), the way the popup drives it: inject the content
 * script, send `analyze`, then count what is painted in the live page
 * (CSS.highlights).
 *
 *   npm run e2e:corpus -- DIR [--browser chromium|firefox]   (DIR/*\/source.html or DIR/*.html)
 *
 * Per page and in total: article found, key sentences and quotes found by the
 * analysis, how many were anchored in the live page and how many ranges are
 * painted, and the time from the request to highlights painted (the popup's
 * round trip). Beside it, in the same tab and run, Mozilla Readability alone
 * (a clone of the document parsed by the page's own copy of Readability.js,
 * cold, as the content script is): the click's cost as a multiple of the
 * library it is built on. Writes build/e2e-corpus.json (Firefox: build/e2e-corpus-firefox.json);
 * the last line is the summary.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { CONTENT_SCRIPT_FILES } from '../entrypoints/content/files';
import { HIGHLIGHT_NAMES } from '../lib/highlight';
import { buildE2eExtension, projectRoot } from '../test/e2e/support/build';
import { BROWSER_NAMES, launchWithExtension, type BrowserName, type TestPage } from '../test/e2e/support/browser';
import { startServer } from '../test/e2e/support/server';
import { median, p90 } from './bench/stats';

/** The extension page's API (Firefox's `browser`, Chromium's `chrome`), as far as this script uses it. */
interface ExtensionApi {
  scripting: { executeScript(i: { target: { tabId: number }; files: string[] }): Promise<unknown> };
  tabs: { sendMessage(tabId: number, m: unknown): Promise<any> };
}

interface Row {
  page: string;
  loaded: boolean;
  article: boolean;
  /** Why the analysis found no article (NoArticle.reason), when it found none. */
  noArticle: string | null;
  keyFound: number;
  keyAnchored: number;
  quotesFound: number;
  quotesAnchored: number;
  painted: number;
  ms: number;
  /** Round trip of `setSentences 3` on the cached reading (re-summary and repaint): what a length click costs. */
  resummaryMs: number | null;
  /** The content script's own analyze() time inside `ms` (the rest is anchoring, painting and messaging). */
  analyzeMs: number | null;
  /** The analysis's own split of analyze() by stage (extract, sentences, summary, entities, quotes). */
  stagesMs: Record<string, number> | null;
  /** Readability.js alone on a clone of the same page, in the page (null where its CSP forbids evaluating it). */
  readabilityMs: number | null;
  error: string | null;
}

const READABILITY_SOURCE = readFileSync(createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js'), 'utf8');

/** Times one parse by Readability alone in the page's own realm, as a page script would run it. */
async function readabilityAloneMs(page: TestPage): Promise<number | null> {
  return page.evaluate((source) => {
    try {
      const Readability = new Function(`${source}\nreturn Readability;`)() as new (doc: Document) => { parse(): unknown };
      const t0 = performance.now();
      new Readability(document.cloneNode(true) as Document).parse();
      return performance.now() - t0;
    } catch {
      return null;
    }
  }, READABILITY_SOURCE);
}

function findPages(dir: string): Array<{ name: string; file: string }> {
  const out: Array<{ name: string; file: string }> = [];
  for (const entry of readdirSync(dir).sort()) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) {
      if (existsSync(join(p, 'source.html'))) out.push({ name: entry, file: join(p, 'source.html') });
    } else if (entry.endsWith('.html')) {
      out.push({ name: basename(entry, '.html'), file: p });
    }
  }
  return out;
}

async function paintedCount(page: TestPage): Promise<number> {
  return page.evaluate(
    (names) => [names.keySentence, names.quote].reduce((n, name) => n + (CSS.highlights.get(name)?.size ?? 0), 0),
    HIGHLIGHT_NAMES,
  );
}

const USAGE = 'usage: npm run e2e:corpus -- DIR [--browser chromium|firefox]   (DIR/*/source.html or DIR/*.html)';

function parseArgs(argv: string[]): { dir: string; browserName: BrowserName } {
  let dir: string | undefined;
  let browserName: BrowserName = 'chromium';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = a === '--browser' ? argv[++i] : a.startsWith('--browser=') ? a.slice('--browser='.length) : undefined;
    if (value !== undefined) {
      if (!(BROWSER_NAMES as readonly string[]).includes(value)) throw new Error(`--browser: ${value}? (${BROWSER_NAMES.join(', ')})\n${USAGE}`);
      browserName = value as BrowserName;
    } else if (!dir && !a.startsWith('--')) dir = a;
    else throw new Error(`unexpected argument ${a}\n${USAGE}`);
  }
  if (!dir || !existsSync(dir)) throw new Error(USAGE);
  return { dir, browserName };
}

async function main(): Promise<void> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const { dir, browserName } = args;
  const pages = findPages(resolve(dir));
  if (!pages.length) throw new Error(`no pages under ${dir}`);

  const extensionDir = buildE2eExtension(browserName);
  const routes = Object.fromEntries(pages.map((p, i) => [`/${i}/${encodeURIComponent(p.name)}.html`, p.file]));
  const server = await startServer(routes);
  const browser = await launchWithExtension(browserName, { allowOrigin: server.origin, extensionDir });
  // One of Lede's pages, where the popup's calls are made from.
  const driver = await browser.openExtensionPage('/options.html');
  console.log(`browser: ${browserName}`);

  const rows: Row[] = [];
  const paths = Object.keys(routes);
  console.log('page                                   article           key(anchored/found)  quotes(anchored/found)  painted      ms');
  for (let i = 0; i < pages.length; i++) {
    const row: Row = { page: pages[i].name, loaded: false, article: false, noArticle: null, keyFound: 0, keyAnchored: 0, quotesFound: 0, quotesAnchored: 0, painted: 0, ms: 0, resummaryMs: null, analyzeMs: null, stagesMs: null, readabilityMs: null, error: null };
    let tab: TestPage | null = null;
    try {
      const opened = await browser.openTab(server.url(paths[i]));
      tab = opened.page;
      row.loaded = true;
      const reply = await driver.evaluate(async ([tabId, files]) => {
        // Reached through globalThis: a bare `browser` is auto-imported under Vitest, and Firefox's `chrome` takes callbacks.
        const g = globalThis as unknown as { browser?: ExtensionApi; chrome: ExtensionApi };
        const api = g.browser ?? g.chrome;
        await api.scripting.executeScript({ target: { tabId }, files });
        const t0 = performance.now();
        const r = await api.tabs.sendMessage(tabId, { type: 'analyze', sentences: 'auto', source: 'article', highlights: true });
        const ms = performance.now() - t0;
        if (r?.type !== 'analysis') return { error: r?.message ?? 'no reply', ms };
        let resummaryMs: number | null = null;
        if (r.result.ok) {
          const t1 = performance.now();
          const again = await api.tabs.sendMessage(tabId, { type: 'setSentences', sentences: 3 });
          if (again?.type === 'analysis') resummaryMs = performance.now() - t1;
          // Back to the first reading, so what is counted below is what `analyze` painted.
          await api.tabs.sendMessage(tabId, { type: 'setSentences', sentences: 'auto' });
        }
        return { ok: r.result.ok as boolean, anchoring: r.anchoring, ms, analyzeMs: r.timing?.analyzeMs as number | undefined, stagesMs: r.result.ok ? (r.result.timingMs as Record<string, number>) : null, resummaryMs, why: r.result.ok ? null : (r.result.reason as string) };
      }, [opened.tabId, CONTENT_SCRIPT_FILES] as [number, string[]]);
      row.ms = Math.round(reply.ms);
      if ('error' in reply) row.error = String(reply.error);
      else {
        row.article = reply.ok;
        row.resummaryMs = reply.resummaryMs === null ? null : Math.round(reply.resummaryMs);
        row.analyzeMs = typeof reply.analyzeMs === 'number' ? Math.round(reply.analyzeMs) : null;
        row.noArticle = reply.why;
        row.stagesMs = reply.stagesMs;
        row.keyFound = reply.anchoring.keySentences.found;
        row.keyAnchored = reply.anchoring.keySentences.anchored;
        row.quotesFound = reply.anchoring.quotes.found;
        row.quotesAnchored = reply.anchoring.quotes.anchored;
        row.painted = await paintedCount(tab);
        const readabilityMs = await readabilityAloneMs(tab);
        row.readabilityMs = readabilityMs === null ? null : Math.round(readabilityMs * 10) / 10;
      }
    } catch (err) {
      row.error = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    } finally {
      await tab?.close().catch(() => {});
    }
    rows.push(row);
    const flag = row.error ? `  ERROR ${row.error}` : '';
    console.log(
      `${row.page.padEnd(38)} ${(row.article ? 'yes' : `no:${row.noArticle ?? '-'}`).padEnd(17)} ${`${row.keyAnchored}/${row.keyFound}`.padStart(19)}  ${`${row.quotesAnchored}/${row.quotesFound}`.padStart(22)}  ${String(row.painted).padStart(7)}  ${String(row.ms).padStart(6)}${flag}`,
    );
  }
  await browser.close();
  await server.close();

  const articles = rows.filter((r) => r.article);
  const found = articles.reduce((n, r) => n + r.keyFound + r.quotesFound, 0);
  const anchored = articles.reduce((n, r) => n + r.keyAnchored + r.quotesAnchored, 0);
  const painted = articles.reduce((n, r) => n + r.painted, 0);
  const failed = rows.filter((r) => r.error);
  const totals = {
    pages: rows.length,
    loaded: rows.filter((r) => r.loaded).length,
    articles: articles.length,
    found,
    anchored,
    painted,
    anchoredPct: found ? (100 * anchored) / found : 100,
    medianMs: Math.round(median(articles.map((r) => r.ms))),
    p90Ms: Math.round(p90(articles.map((r) => r.ms))),
    medianAnalyzeMs: Math.round(median(articles.flatMap((r) => (r.analyzeMs === null ? [] : [r.analyzeMs])))),
    medianResummaryMs: Math.round(median(articles.flatMap((r) => (r.resummaryMs === null ? [] : [r.resummaryMs])))),
    maxResummaryMs: Math.max(0, ...articles.map((r) => r.resummaryMs ?? 0)),
    ...readabilityRatios(articles),
    medianStagesMs: medianStages(articles),
    failed: failed.map((r) => ({ page: r.page, error: r.error })),
  };
  mkdirSync(resolve(projectRoot, 'build'), { recursive: true });
  const out = resolve(projectRoot, browserName === 'chromium' ? 'build/e2e-corpus.json' : `build/e2e-corpus-${browserName}.json`);
  writeFileSync(out, `${JSON.stringify({ dir: resolve(dir), browser: browserName, at: new Date().toISOString(), totals, rows }, null, 2)}\n`);
  console.log(`\nrequest to highlights painted: median ${totals.medianMs} ms, p90 ${totals.p90Ms} ms; of which analyze() in the content script: median ${totals.medianAnalyzeMs} ms`);
  console.log(
    `Readability alone in the page: median ${totals.medianReadabilityMs} ms (${totals.readabilityPages} pages); ` +
      `click / Readability: ratio of medians ${totals.clickToReadability}, median per page ${totals.medianPageRatio}`,
  );
  console.log(`analyze() by stage, medians: ${Object.entries(totals.medianStagesMs).map(([k, v]) => `${k} ${v}`).join(', ')} ms`);
  console.log(`re-summary (setSentences on the cached reading): median ${totals.medianResummaryMs} ms, max ${totals.maxResummaryMs} ms`);
  console.log(`failed pages: ${failed.length}${failed.length ? ` (${failed.map((r) => r.page).join(', ')})` : ''}; painted ranges: ${painted}; written ${out}`);
  console.log(
    `total (${browserName}): pages=${totals.pages} articles=${totals.articles} anchored=${anchored}/${found} (${totals.anchoredPct.toFixed(1)}%) median_ms=${totals.medianMs}`,
  );
}

function medianStages(rows: Row[]): Record<string, number> {
  const stages = rows.flatMap((r) => (r.stagesMs ? [r.stagesMs] : []));
  const names = [...new Set(stages.flatMap((s) => Object.keys(s)))];
  return Object.fromEntries(names.map((n) => [n, Math.round(median(stages.map((s) => s[n] ?? 0)) * 10) / 10]));
}

/** The click against Readability alone, over the pages where both were measured. */
function readabilityRatios(rows: Row[]) {
  const both = rows.filter((r): r is Row & { readabilityMs: number } => r.readabilityMs !== null && r.readabilityMs > 0);
  const medianReadabilityMs = median(both.map((r) => r.readabilityMs));
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    readabilityPages: both.length,
    medianReadabilityMs: round(medianReadabilityMs),
    clickToReadability: both.length ? round(median(both.map((r) => r.ms)) / medianReadabilityMs) : null,
    medianPageRatio: both.length ? round(median(both.map((r) => r.ms / r.readabilityMs))) : null,
  };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
