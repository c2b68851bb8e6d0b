/**
 * How the CLI turns a file's bytes into text: the team-written quotes fixture
 * (test/fixtures/quotes/harbour-strike.txt, curly quotes in UTF-8) read whole,
 * with one stray byte, as Latin-1, as UTF-16, and a binary file refused.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/analyze';
import { parseArgs, UsageError } from '../../cli/args';
import { analyzeFile } from '../../cli/lede';
import { decodeText, NotTextError } from '../../cli/read-input';
import { PROJECT_ROOT } from '../support/shared';

const FILE = join(PROJECT_ROOT, 'test/fixtures/quotes/harbour-strike.txt');
const bytes = readFileSync(FILE);
const text = bytes.toString('utf8');

const quotesOf = (t: string) => {
  const r = analyze(t, { sentences: 3 });
  if (!r.ok) throw new Error(r.message);
  return r.quotes.length;
};

describe('decodeText', () => {
  it('reads valid UTF-8 as it is', () => {
    expect(decodeText(bytes)).toBe(text);
  });

  it('repairs one invalid byte where it is, and keeps every curly quote and every quote found', () => {
    const at = bytes.indexOf(0x2e); // the first full stop
    const broken = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)]);
    const decoded = decodeText(broken);
    expect(decoded).toBe(text.slice(0, at) + '\uFFFD' + text.slice(at));
    expect(decoded.match(/[“”]/g)?.length).toBe(text.match(/[“”]/g)?.length);
    expect(quotesOf(decoded)).toBe(quotesOf(text));
    expect(quotesOf(text)).toBeGreaterThan(0);
  });

  it('reads Latin-1 bytes as Latin-1', () => {
    const latin1 = Buffer.from('Caf\u00e9 owners in S\u00e3o Paulo said the fa\u00e7ade would stay.', 'latin1');
    expect(decodeText(latin1)).toBe('Café owners in São Paulo said the façade would stay.');
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeText(utf16)).toBe(text);
  });

  it('refuses bytes that are not text', () => {
    const binary = Buffer.concat([Buffer.from('Title: Q'), Buffer.from([0, 1, 2, 3, 0x89, 0x50, 0x4e, 0x47]), bytes]);
    expect(() => decodeText(binary)).toThrow(NotTextError);
    const controls = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 7 === 0 ? 0x02 : 0x41)));
    expect(() => decodeText(controls)).toThrow(/not a text file/);
  });

  it('makes the CLI report a binary file named .bin as not text, and read a text one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lede-bin-'));
    writeFileSync(join(dir, 'data.bin'), Buffer.concat([bytes.subarray(0, 200), Buffer.from([0, 0, 0, 0]), bytes.subarray(200)]));
    writeFileSync(join(dir, 'story.bin'), bytes);
    const binary = await analyzeFile(join(dir, 'data.bin'), { sentences: 3 });
    expect(binary.ok).toBe(false);
    expect(binary.error).toMatch(/not a text file/);
    const story = await analyzeFile(join(dir, 'story.bin'), { sentences: 3 });
    expect(story.ok).toBe(true);
  });
});

describe('--sentences', () => {
  it('takes plain decimal integers only', () => {
    expect(parseArgs(['analyze', '--sentences', '12', 'a']).sentences).toBe(12);
    expect(parseArgs(['analyze', '--sentences=0', 'a']).sentences).toBe(0);
    for (const bad of ['', ' ', '0x10', '1e1', '+3', '3.0', '-1', '101']) {
      expect(() => parseArgs(['analyze', `--sentences=${bad}`, 'a']), JSON.stringify(bad)).toThrow(UsageError);
    }
  });
});
