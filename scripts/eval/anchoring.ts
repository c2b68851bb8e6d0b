/**
 * `npm run eval:anchoring`: how many of the analysis's passages lib/highlight
 * finds again in the live page, and how fast.
 *
 * 1. Readability test pages (../shared/corpora/readability-pages), in happy-dom:
 *    each page is analyzed as the content script does (extraction reads a clone
 *    of the very document), then its key sentences, quotes, entity mentions and
 *    all its sentences are anchored in that document. Fractions per kind and by
 *    method; the pages where a key sentence or quote was missed.
 * 2. Timings in happy-dom: text map, anchorer set-up (fold, index, landmarks),
 *    matching (`locate`, all kinds) and `anchor` with Ranges (key sentences and
 *    quotes, each Range checked to read as its passage). happy-dom's
 *    Range.setStart/setEnd walk the tree, so that figure says little about a browser.
 * 3. With `--browser` (Debian's Chromium through playwright-core): the same
 *    pipeline bundled and run inside real pages: the biggest corpus page and a
 *    synthetic 5 MB page (article texts of the corpus joined, with inline
 *    markup, soft hyphens and <br>s; built under build/, never committed),
 *    with 300 passages and with every sentence.
 *
 * Prints tables, writes build/eval/anchoring.json.
 * Options: --browser, --pages a,b,c (a subset of pages).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { happyWindow } from '../../test/support/happy-page';
import { analyze } from '../../lib/analyze';
import { buildTextMap, createAnchorer, rangeStillMatches, type AnchorMethod } from '../../lib/highlight';
import { keySentenceSpans } from '../../lib/messages';
import type { Span } from '../../lib/types';
import { printTable, type Cell } from '../bench/table';
import { PROJECT_ROOT as ROOT, SHARED_DIR as SHARED } from '../../test/support/shared';

const CORPUS = join(SHARED, 'corpora/readability-pages');
const OUT_DIR = join(ROOT, 'build/eval');

const args = process.argv.slice(2);
const withBrowser = args.includes('--browser');
const pagesArg = args.indexOf('--pages');
const onlyPages = pagesArg >= 0 ? new Set((args[pagesArg + 1] ?? '').split(',')) : null;

if (!existsSync(CORPUS)) {
  console.log(`anchoring: ${CORPUS} is absent, so there is nothing to measure (skipped).`);
  process.exit(0);
}

const KINDS = ['keySentences', 'quotes', 'mentions', 'sentences'] as const;
type Kind = (typeof KINDS)[number];
type Tally = Record<AnchorMethod, number> & { total: number };
const newTally = (): Tally => ({ exact: 0, normalized: 0, fuzzy: 0, none: 0, total: 0 });

interface PageRow {
  page: string;
  htmlBytes: number;
  pageChars: number;
  passages: Record<Kind, number>;
  anchored: Record<Kind, number>;
  ms: { map: number; setup: number; locate: number; ranges: number };
  /** Key sentences and quotes whose Range does not read as the passage (should be 0). */
  rangeMismatches: number;
  missed: string[];
}

const tallies = Object.fromEntries(KINDS.map((k) => [k, newTally()])) as Record<Kind, Tally>;
const rows: PageRow[] = [];
const articleTexts: string[] = [];
let noArticle = 0;
let rangeMismatches = 0;

const names = readdirSync(CORPUS)
  .filter((n) => existsSync(join(CORPUS, n, 'source.html')))
  .filter((n) => !onlyPages || onlyPages.has(n))
  .sort();

for (const name of names) {
  const file = join(CORPUS, name, 'source.html');
  const win = happyWindow(`https://example.com/${name}`);
  try {
    win.document.write(readFileSync(file, 'utf8'));
    const doc = win.document as unknown as Document;
    const reading = analyze(doc);
    if (!reading.ok) {
      noArticle++;
      continue;
    }
    articleTexts.push(reading.text);
    const spans: Record<Kind, Span[]> = {
      keySentences: keySentenceSpans(reading),
      quotes: reading.quotes.map((q) => ({ start: q.start, end: q.end })),
      mentions: reading.entities.flatMap((e) => e.mentions),
      sentences: reading.sentences,
    };
    let t = performance.now();
    const map = buildTextMap(doc.body);
    const msMap = performance.now() - t;
    t = performance.now();
    const anchorer = createAnchorer(map, reading.text);
    const msSetup = performance.now() - t;
    const row: PageRow = {
      page: name,
      htmlBytes: statSync(file).size,
      pageChars: map.text.length,
      passages: { keySentences: 0, quotes: 0, mentions: 0, sentences: 0 },
      anchored: { keySentences: 0, quotes: 0, mentions: 0, sentences: 0 },
      ms: { map: msMap, setup: msSetup, locate: 0, ranges: 0 },
      rangeMismatches: 0,
      missed: [],
    };
    for (const kind of KINDS) {
      t = performance.now();
      const located = anchorer.locate(spans[kind]);
      row.ms.locate += performance.now() - t;
      located.forEach((l, i) => {
        tallies[kind][l.method]++;
        tallies[kind].total++;
        row.passages[kind]++;
        if (l.method !== 'none') row.anchored[kind]++;
        else if (kind === 'keySentences' || kind === 'quotes') {
          row.missed.push(reading.text.slice(spans[kind][i].start, spans[kind][i].end).slice(0, 80));
        }
      });
    }
    // Ranges only for what the content script paints first (happy-dom's Ranges are slow, see above),
    // checking that each still reads as its passage.
    const painted = [...spans.keySentences, ...spans.quotes];
    t = performance.now();
    const results = anchorer.anchor(painted);
    row.ms.ranges = performance.now() - t;
    row.rangeMismatches = results.filter(
      (r, i) => r.range && !rangeStillMatches(r.range, reading.text.slice(painted[i].start, painted[i].end)),
    ).length;
    rangeMismatches += row.rangeMismatches;
    rows.push(row);
  } finally {
    await win.happyDOM.close();
  }
}

/** Counts print as integers (the table prints numbers with one decimal). */
const int = (n: number): Cell => String(n);
const pct = (n: number, d: number): Cell => (d ? `${((100 * n) / d).toFixed(1)}%` : null);
printTable(
  `Passages anchored in the live page (${rows.length} readerable Readability test pages, happy-dom; ${noArticle} pages without an article)`,
  ['kind', 'passages', 'anchored', 'exact', 'normalized', 'fuzzy', 'none'],
  KINDS.map((k) => {
    const t = tallies[k];
    return [k, int(t.total), pct(t.total - t.none, t.total), int(t.exact), int(t.normalized), int(t.fuzzy), int(t.none)];
  }),
);
const kq = (r: PageRow) => [r.passages.keySentences + r.passages.quotes, r.anchored.keySentences + r.anchored.quotes];
const missedPages = rows.filter((r) => r.missed.length);
printTable(
  'Pages where a key sentence or quote was not found',
  ['page', 'found', 'missed (first 80 characters)'],
  missedPages.map((r) => [r.page, `${kq(r)[1]}/${kq(r)[0]}`, r.missed.map((m) => JSON.stringify(m)).join(' | ')]),
);

const biggest = [...rows].sort((a, b) => b.htmlBytes - a.htmlBytes).slice(0, 3);
const sum = (f: (r: PageRow) => number) => rows.reduce((s, r) => s + f(r), 0);
printTable(
  'Timings in happy-dom, ms (locate: all four kinds of passages; anchor: key sentences and quotes, with Ranges)',
  ['page', 'HTML KB', 'page chars', 'passages', 'text map', 'set-up', 'locate', 'anchor (happy-dom Ranges)'],
  [
    ...biggest.map((r) => [
      r.page,
      int(Math.round(r.htmlBytes / 1024)),
      int(r.pageChars),
      int(KINDS.reduce((s, k) => s + r.passages[k], 0)),
      r.ms.map,
      r.ms.setup,
      r.ms.locate,
      r.ms.ranges,
    ] as Cell[]),
    [
      `all ${rows.length} pages`,
      int(Math.round(sum((r) => r.htmlBytes) / 1024)),
      int(sum((r) => r.pageChars)),
      int(sum((r) => KINDS.reduce((s, k) => s + r.passages[k], 0))),
      sum((r) => r.ms.map),
      sum((r) => r.ms.setup),
      sum((r) => r.ms.locate),
      sum((r) => r.ms.ranges),
    ],
  ],
);

let browser: unknown = null;
if (withBrowser) {
  const { runInBrowser } = await import('./anchoring-browser');
  // The biggest page by HTML and the one with the most text.
  const chosen = new Set([biggest[0]?.page, [...rows].sort((a, b) => b.pageChars - a.pageChars)[0]?.page].filter(Boolean) as string[]);
  browser = await runInBrowser({
    root: ROOT,
    pages: [...chosen].map((name) => ({ name, html: readFileSync(join(CORPUS, name, 'source.html'), 'utf8') })),
    articleTexts,
    outDir: OUT_DIR,
  });
}

const keyQuoteTotal = tallies.keySentences.total + tallies.quotes.total;
const keyQuoteFound = keyQuoteTotal - tallies.keySentences.none - tallies.quotes.none;
mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(
  join(OUT_DIR, 'anchoring.json'),
  JSON.stringify(
    {
      pages: rows.length,
      noArticle,
      rangeMismatches,
      tallies,
      headline: [
        { metric: 'key sentences + quotes anchored', lede: keyQuoteTotal ? keyQuoteFound / keyQuoteTotal : null, baselines: {} },
        { metric: 'all sentences anchored', lede: tallies.sentences.total ? 1 - tallies.sentences.none / tallies.sentences.total : null, baselines: {} },
      ],
      rows,
      browser,
    },
    null,
    2,
  ),
);
console.log(`\nKey sentence and quote Ranges that do not read as their passage: ${rangeMismatches}`);
console.log(`Wrote ${join(OUT_DIR, 'anchoring.json')}`);
