/**
 * The generated hostile pages (test/fixtures/hostile/generate.ts) timed stage
 * by stage, once each: does a 5 MB or 10,000-deep page hang extraction?
 */
import { Readability } from '@mozilla/readability';
import { performance } from 'node:perf_hooks';
import { parseHtmlDocument } from '../../cli/dom';
import { analyze } from '../../lib/analyze';
import type { TimingMs } from '../../lib/types';
import { pageNestedDeep, pageWithHugeArticle, pageWithHugeComments } from '../../test/fixtures/hostile/generate';

export interface HostileRow {
  page: string;
  htmlMB: number;
  parseMs: number;
  cloneMs: number;
  readabilityMs: number;
  readabilityError: string | null;
  analyzeMs: number;
  result: string;
  timingMs: TimingMs | null;
}

function time<T>(f: () => T): [T | null, number, string | null] {
  const t = performance.now();
  try {
    const v = f();
    return [v, performance.now() - t, null];
  } catch (e) {
    return [null, performance.now() - t, (e as Error).message.slice(0, 80)];
  }
}

export function benchHostile(): HostileRow[] {
  const pages: [string, () => string][] = [
    ['5 MB: article + 20k comments', () => pageWithHugeComments()],
    ['5 MB: article text alone', () => pageWithHugeArticle()],
    ['10,000 nested divs', () => pageNestedDeep(10_000)],
  ];
  const rows: HostileRow[] = [];
  for (const [page, make] of pages) {
    const html = make();
    const [doc, parseMs] = time(() => parseHtmlDocument(html));
    if (!doc) continue;
    const [clone, cloneMs] = time(() => doc.cloneNode(true) as Document);
    const [, readabilityMs, readabilityError] = time(() => new Readability(clone!).parse());
    const [result, analyzeMs, analyzeError] = time(() => analyze(doc));
    rows.push({
      page,
      htmlMB: html.length / 1024 / 1024,
      parseMs,
      cloneMs,
      readabilityMs,
      readabilityError,
      analyzeMs,
      result: analyzeError
        ? `threw: ${analyzeError}`
        : result!.ok
          ? `article, ${result!.text.length} chars${result!.truncated ? ` (truncated from ${result!.truncated.originalChars})` : ''}`
          : `no article: ${result!.reason}`,
      timingMs: result?.ok ? result.timingMs : null,
    });
  }
  return rows;
}
