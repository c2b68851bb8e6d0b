import { buildE2eExtension } from './build';

/** One fresh build for the whole e2e run: never a stale output. */
export default function setup(): void {
  const started = Date.now();
  const dir = buildE2eExtension();
  console.log(`e2e: built ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
