import { e2eBrowsers } from './browser';
import { buildE2eExtension } from './build';

/** One fresh build per browser of the run, before any test file: never a stale output. */
export default function setup(): void {
  for (const browser of e2eBrowsers()) {
    const started = Date.now();
    const dir = buildE2eExtension(browser);
    console.log(`e2e: built ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
