import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../cli/args';

describe('lede CLI arguments', () => {
  it('reads flags and files in order', () => {
    const o = parseArgs(['analyze', '--json', '--sentences', '4', 'a.html', '--url=https://x.test/a', 'b.txt']);
    expect(o).toMatchObject({ command: 'analyze', json: true, sentences: 4, url: 'https://x.test/a', files: ['a.html', 'b.txt'] });
  });
  it('rejects a bad sentence count and unknown options', () => {
    expect(() => parseArgs(['analyze', '--sentences', 'x', 'a'])).toThrow(UsageError);
    expect(() => parseArgs(['analyze', '--bogus', 'a'])).toThrow(UsageError);
    expect(() => parseArgs(['analyze'])).toThrow(/no FILE/);
  });
});
