import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';

/** Decode bytes as UTF-8, or as Latin-1 when they are not valid UTF-8 (older corpora are). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

export type InputKind = 'html' | 'text';

/** .html/.htm are pages; .txt is article text; anything else is sniffed. */
export function inputKind(path: string, content: string): InputKind {
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.txt' || ext === '.text' || ext === '.md') return 'text';
  return /^\s*<(!doctype|html|head|body|article|div|p)\b/i.test(content) ? 'html' : 'text';
}

export async function readInput(path: string): Promise<{ kind: InputKind; content: string }> {
  const bytes = await readFile(path);
  const content = decodeText(bytes);
  return { kind: inputKind(path, content), content };
}
