/**
 * Builds the e2e variant of the extension (`wxt build --mode e2e`, which adds a
 * loopback host permission) into a fresh folder. Used by the e2e globalSetup
 * and by scripts/e2e-corpus.ts; a stale output is always removed first.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const e2eExtensionDir = resolve(projectRoot, '.output/chrome-mv3-e2e');

export function buildE2eExtension(): string {
  rmSync(e2eExtensionDir, { recursive: true, force: true });
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: projectRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!existsSync(resolve(e2eExtensionDir, 'manifest.json'))) {
    throw new Error(`wxt build --mode e2e did not produce ${e2eExtensionDir}/manifest.json`);
  }
  return e2eExtensionDir;
}
