/**
 * `lede analyze [--json] [--sentences N] [--url URL] FILE...`
 * Each file is read, analyzed and printed in input order; a file that cannot be
 * read or holds no article is reported and the others still run. Exit code:
 * 0 all ok, 1 some file failed or had no article, 2 usage error.
 */
import { analyze } from '../lib/analyze';
import type { AnalyzeResult } from '../lib/types';
import { parseArgs, UsageError, USAGE } from './args';
import { parseHtmlDocument } from './dom';
import { boundHtml } from './html-budget';
import { readInput } from './read-input';
import { mergePageLimits } from '../lib/limits';
import type { PageLimits } from '../lib/types';
import { formatNoArticle, formatReport } from './report';

export interface FileResult {
  file: string;
  ok: boolean;
  error?: string;
  result?: AnalyzeResult;
}

export async function analyzeFile(file: string, opts: { sentences: number | 'auto'; url?: string }): Promise<FileResult> {
  let input;
  try {
    input = await readInput(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.code === 'EACCES' ? 'permission denied' : err.message;
    return { file, ok: false, error: `cannot read ${file}: ${why}` };
  }
  try {
    // Budgets before the expensive work: the file was read up to MAX_FILE_BYTES, the HTML is bounded before parsing.
    let inputLimits: PageLimits | undefined = input.cutAtBytes !== undefined ? { fileBytes: input.cutAtBytes } : undefined;
    let source: Document | string = input.content;
    if (input.kind === 'html') {
      const bounded = boundHtml(input.content);
      inputLimits = mergePageLimits(inputLimits, bounded.limits);
      source = parseHtmlDocument(bounded.html, opts.url);
    }
    // The document is this call's own parse, read once: extraction need not clone it.
    const result = analyze(source, { sentences: opts.sentences, url: opts.url, ownsDocument: true, inputLimits });
    return result.ok ? { file, ok: true, result } : { file, ok: false, error: result.message, result };
  } catch (e) {
    // analyze() is built not to throw; this is a last line so one file never stops the rest.
    return { file, ok: false, error: `analysis failed: ${(e as Error).message}` };
  }
}

export function toJsonLine(r: FileResult): string {
  if (r.result?.ok) return JSON.stringify({ file: r.file, ...r.result });
  const noArticle = r.result && !r.result.ok ? { reason: r.result.reason, title: r.result.title } : {};
  return JSON.stringify({ file: r.file, ok: false, error: r.error, ...noArticle });
}

export async function main(argv: string[], out = process.stdout, err = process.stderr): Promise<number> {
  let opts;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      err.write(`lede: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (opts.command === 'help') {
    out.write(USAGE + '\n');
    return 0;
  }
  let failed = 0;
  for (const file of opts.files) {
    const r = await analyzeFile(file, opts);
    if (!r.ok) failed++;
    if (opts.json) out.write(toJsonLine(r) + '\n');
    else if (r.result?.ok) out.write(formatReport(file, r.result) + '\n\n');
    else if (r.result) out.write(formatNoArticle(file, r.result) + '\n\n');
    else err.write(`lede: ${r.error}\n`);
  }
  return failed ? 1 : 0;
}
