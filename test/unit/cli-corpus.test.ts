/**
 * `lede analyze --json` over Mozilla Readability's 130 test pages, as an
 * evaluation script would call it: one process, every file, one JSON line each
 * in input order. The 8 pages Readability's metadata calls not readerable must
 * come back as "no article" or with something sensible extracted.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { hasShared, PROJECT_ROOT, sharedPath } from '../support/shared';

const run = promisify(execFile);

describe.skipIf(!hasShared('corpora/readability-pages'))('lede analyze --json over the readability pages', () => {
  it('answers every page, in order, and treats the not-readerable ones sensibly', async () => {
    const dir = sharedPath('corpora/readability-pages');
    const pages = readdirSync(dir).filter((d) => existsSync(join(dir, d, 'source.html'))).sort();
    expect(pages.length).toBe(130);
    const files = pages.map((p) => join(dir, p, 'source.html'));
    const { stdout } = await run('node', ['bin/lede.mjs', 'analyze', '--json', '--sentences', '3', ...files], {
      cwd: PROJECT_ROOT,
      maxBuffer: 256 * 1024 * 1024,
    }).catch((e: { stdout: string; code: number }) => {
      // Exit code 1 means some file had no article; the JSON lines are still all there.
      if (e.code !== 1) throw e;
      return { stdout: e.stdout };
    });
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.file)).toEqual(files);

    let readerableFound = 0;
    for (const [i, line] of lines.entries()) {
      const meta = JSON.parse(readFileSync(join(dir, pages[i], 'expected-metadata.json'), 'utf8'));
      if (line.ok) {
        expect(line.text.length, pages[i]).toBeGreaterThan(0);
        for (const s of line.sentences) expect(s.end).toBeLessThanOrEqual(line.text.length);
        if (meta.readerable === false) {
          // "Something sensible": real prose, not a page's worth of navigation.
          expect(line.sentences.length, pages[i]).toBeGreaterThanOrEqual(2);
        } else readerableFound++;
      } else {
        expect(line.error, pages[i]).toMatch(/\w/);
        expect(['empty', 'not-readerable', 'too-short']).toContain(line.reason);
      }
    }
    // Nearly every readerable page yields an article.
    expect(readerableFound).toBeGreaterThanOrEqual(115);
  }, 180_000);
});
