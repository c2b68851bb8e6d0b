/**
 * The real pages several tests walk: every HTML fixture of the project, and
 * the pages of ../shared's corpora (read in place; callers skip with
 * hasShared() when they are absent).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeText } from '../../cli/read-input';
import { PROJECT_ROOT, sharedPath } from './shared';

export interface TestPage {
  name: string;
  html: string;
}

/** Readability's test pages, one folder each with its source.html. */
export const READABILITY_PAGES = 'corpora/readability-pages';
/** The extraction benchmark's pages, gzipped HTML. */
export const EXTRACTION_PAGES = 'corpora/extraction-dev/html';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []))
    .sort();
}

/** Every .html file under test/fixtures, named by its path. */
export function fixturePages(): TestPage[] {
  return htmlFiles(join(PROJECT_ROOT, 'test/fixtures')).map((f) => ({ name: f, html: readFileSync(f, 'utf8') }));
}

/** Readability's test pages by folder name, in order. */
export function readabilityPages(): TestPage[] {
  const dir = sharedPath(READABILITY_PAGES);
  return readdirSync(dir)
    .filter((d) => existsSync(join(dir, d, 'source.html')))
    .sort()
    .map((name) => ({ name, html: readFileSync(join(dir, name, 'source.html'), 'utf8') }));
}

/** The extraction benchmark's pages by file name, in order, decoded as the CLI decodes a file. */
export function extractionPages(): TestPage[] {
  const dir = sharedPath(EXTRACTION_PAGES);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((name) => ({ name, html: decodeText(gunzipSync(readFileSync(join(dir, name)))) }));
}
