/**
 * Builds the e2e variant of the extension (`wxt build --mode e2e`, which adds a
 * loopback host permission) into a fresh folder, per browser: Chromium's MV3
 * build and Firefox's MV2 build (`-b firefox --mv2`). Used by the e2e
 * globalSetup and by scripts/e2e-corpus.ts; a stale output is always removed first.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserName } from './browser';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export const e2eExtensionDirs: Record<BrowserName, string> = {
  chromium: resolve(projectRoot, '.output/chrome-mv3-e2e'),
  firefox: resolve(projectRoot, '.output/firefox-mv2-e2e'),
};

const BUILD_ARGS: Record<BrowserName, string[]> = {
  chromium: ['wxt', 'build', '--mode', 'e2e'],
  firefox: ['wxt', 'build', '-b', 'firefox', '--mv2', '--mode', 'e2e'],
};

export function buildE2eExtension(browser: BrowserName = 'chromium'): string {
  const dir = e2eExtensionDirs[browser];
  rmSync(dir, { recursive: true, force: true });
  execFileSync('npx', BUILD_ARGS[browser], { cwd: projectRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`npx ${BUILD_ARGS[browser].join(' ')} did not produce ${dir}/manifest.json`);
  }
  return dir;
}

/** Where a run's screenshots go: Chromium's keep the names the README shows, Firefox's go in a folder beside them. */
export function screenshotDir(browser: BrowserName): string {
  return resolve(projectRoot, 'build/screenshots', browser === 'chromium' ? '' : browser);
}
