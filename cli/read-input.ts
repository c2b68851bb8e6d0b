import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';

/** A file whose bytes are not text: refused with the reason. */
export class NotTextError extends Error {}

const REPLACEMENT = '\uFFFD';

/** Bytes that no text file holds: NUL, and C0 controls other than tab, line feed, form feed and carriage return. */
function controlShare(bytes: Uint8Array): { nul: boolean; share: number } {
  const n = Math.min(bytes.length, 64 * 1024);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return { nul: true, share: 1 };
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) controls++;
  }
  return { nul: false, share: n ? controls / n : 0 };
}

/**
 * Decode a file's bytes as text.
 *
 * - A UTF-16 byte-order mark decodes as UTF-16.
 * - Valid UTF-8 decodes as UTF-8.
 * - UTF-8 with a few invalid bytes keeps its UTF-8 and shows each bad byte as
 *   U+FFFD where it is: one stray byte must not turn every curly quote of the
 *   file into mojibake.
 * - Bytes with no valid multi-byte UTF-8 sequence but more invalid ones are
 *   Latin-1 (older corpora are).
 * Throws NotTextError for a binary file: NUL bytes, or control bytes past 1%.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const controls = controlShare(bytes);
  if (controls.nul) throw new NotTextError('this is not a text file (it holds NUL bytes)');
  if (controls.share > 0.01) throw new NotTextError('this is not a text file (it holds control bytes)');
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  if (!utf8.includes(REPLACEMENT)) return utf8;
  let invalid = 0;
  let multiByte = 0;
  for (const ch of utf8) {
    if (ch === REPLACEMENT) invalid++;
    else if (ch.codePointAt(0)! > 0x7f) multiByte++;
  }
  return multiByte >= invalid ? utf8 : new TextDecoder('latin1').decode(bytes);
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
