/** Argument parsing for `lede analyze`: small enough not to need a library. */
export interface CliOptions {
  command: 'analyze' | 'help';
  json: boolean;
  sentences: number | 'auto';
  url?: string;
  files: string[];
}

export class UsageError extends Error {}

export const USAGE = `Usage: lede analyze [--json] [--sentences N] [--url URL] FILE...

Reads each FILE (.html/.htm pages are extracted first; .txt files are the article text)
and prints its key sentences, people, organizations, places and quotes.

  --json           one JSON object per file per line, in input order
  --sentences N    number of key sentences (default: chosen from the article's length)
  --url URL        the page's address, for relative links and the site name
  -h, --help       this text`;

export function parseArgs(argv: string[]): CliOptions {
  const opts: CliOptions = { command: 'help', json: false, sentences: 'auto', files: [] };
  const args = [...argv];
  const cmd = args.shift();
  if (cmd === undefined || cmd === '-h' || cmd === '--help' || cmd === 'help') return opts;
  if (cmd !== 'analyze') throw new UsageError(`unknown command "${cmd}"`);
  opts.command = 'analyze';
  while (args.length) {
    const a = args.shift()!;
    if (a === '--json') opts.json = true;
    else if (a === '-h' || a === '--help') opts.command = 'help';
    else if (a === '--sentences' || a.startsWith('--sentences=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args.shift();
      if (v === 'auto') opts.sentences = 'auto';
      else {
        // Plain decimal digits only: Number() would also take "", " ", "0x10" and "1e1".
        const n = v !== undefined && /^[0-9]{1,3}$/.test(v) ? Number(v) : NaN;
        if (!Number.isInteger(n) || n < 0 || n > 100) throw new UsageError(`--sentences takes a whole number from 0 to 100 or "auto", not "${v ?? ''}"`);
        opts.sentences = n;
      }
    } else if (a === '--url' || a.startsWith('--url=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args.shift();
      if (!v) throw new UsageError('--url takes an address');
      opts.url = v;
    } else if (a === '--') opts.files.push(...args.splice(0));
    else if (a.startsWith('-')) throw new UsageError(`unknown option "${a}"`);
    else opts.files.push(a);
  }
  if (opts.command === 'analyze' && opts.files.length === 0) throw new UsageError('no FILE given');
  return opts;
}
