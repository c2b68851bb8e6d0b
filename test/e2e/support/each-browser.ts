import { describe } from 'vitest';
import { e2eBrowsers, type BrowserName } from './browser';

/** Runs one set of test cases once per browser of the run, each in a describe block named after the browser. */
export function inEachBrowser(body: (name: BrowserName) => void): void {
  describe.each(e2eBrowsers())('%s', (name) => body(name));
}
