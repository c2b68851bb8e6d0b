/**
 * lib/extract/spaces.ts stands in for `\s` in loops that count characters:
 * it must agree with the regular expression on every UTF-16 code unit, and
 * count as `replace(/\s+/g, '').length` does on real text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSpace, nonSpaceLength } from '../../lib/extract/spaces';
import { PROJECT_ROOT } from '../support/shared';

describe('isSpace', () => {
  it('agrees with \\s on every code unit', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });
});

describe('nonSpaceLength', () => {
  it('counts as replace(/\\s+/g, "").length does, on the sample article and on mixed spaces', () => {
    const html = readFileSync(join(PROJECT_ROOT, 'test/fixtures/sample/article.html'), 'utf8');
    const texts = [html, ...html.split('\n'), ' \u00a0\u2003x\u3000y\ufeff\u0085z\u200b ', '', '\t\n'];
    for (const t of texts) expect(nonSpaceLength(t)).toBe(t.replace(/\s+/g, '').length);
    expect(nonSpaceLength(null)).toBe(0);
  });
});
