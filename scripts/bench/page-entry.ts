/**
 * Bundled for the page (scripts/bench/browser.ts): Readability alone and
 * Lede's whole analyze, on the page's own document, in the browser's own DOM.
 */
import { Readability } from '@mozilla/readability';
import { analyze } from '../../lib/analyze';

interface Run {
  cloneMs: number;
  readabilityMs: number;
  analyzeMs: number;
  ok: boolean;
  /** analyze's own stage timings; null when the page has no article. */
  timingMs: Record<string, number> | null;
}

function once(): Run {
  const t0 = performance.now();
  const clone = document.cloneNode(true) as Document;
  const t1 = performance.now();
  new Readability(clone).parse();
  const t2 = performance.now();
  // The live path, as in the content script: analyze clones the page itself.
  const result = analyze(document, { url: location.href });
  const t3 = performance.now();
  return { cloneMs: t1 - t0, readabilityMs: t2 - t1, analyzeMs: t3 - t2, ok: result.ok, timingMs: result.ok ? { ...result.timingMs } : null };
}

(globalThis as unknown as { __ledeBench: (repeats: number) => Run[] }).__ledeBench = (repeats) => {
  once(); // warm-up: the first run pays for compiling
  return Array.from({ length: repeats }, once);
};
