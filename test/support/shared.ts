/**
 * Where ../shared (the golden case and the evaluation corpora) lives. Tests that
 * need it skip with a printed reason when it is absent; in CI it is present.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DIR = process.env.LEDE_SHARED_DIR ?? resolve(PROJECT_ROOT, '../shared');

export function sharedPath(...parts: string[]): string {
  return join(SHARED_DIR, ...parts);
}

/** True when the path under ../shared exists; otherwise prints why the caller's tests skip. */
export function hasShared(...parts: string[]): boolean {
  const p = sharedPath(...parts);
  if (existsSync(p)) return true;
  console.warn(`[skip] ${p} is absent: tests that read ../shared are skipped (they run in CI, where it is present).`);
  return false;
}
