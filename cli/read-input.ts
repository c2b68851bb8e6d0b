import { open } from 'node:fs/promises';
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

/**
 * Bytes of a file read at most: 16 MiB, far past what is analysed (2,000,000
 * characters of text, 2,500,000 of HTML: lib/analyze.ts, cli/html-budget.ts),
 * so that a huge file costs no more than its first part. The rest is not read.
 */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Where to cut bytes at most `max` long without splitting a UTF-8 sequence. */
function utf8Cut(bytes: Uint8Array, max: number): number {
  if (bytes.length <= max) return bytes.length;
  // Back over continuation bytes to the start of the sequence holding byte `max`.
  let i = max;
  while (i > 0 && i > max - 4 && (bytes[i] & 0xc0) === 0x80) i--;
  return i;
}

export interface Input {
  kind: InputKind;
  content: string;
  /** Set when the file was longer than MAX_FILE_BYTES: the bytes read. */
  cutAtBytes?: number;
}

export async function readInput(path: string, maxBytes = MAX_FILE_BYTES): Promise<Input> {
  const file = await open(path, 'r');
  let bytes: Uint8Array;
  let cutAtBytes: number | undefined;
  try {
    const size = (await file.stat()).size;
    if (size > maxBytes) {
      // One byte more than kept, to see where a UTF-8 sequence ends.
      const buf = new Uint8Array(maxBytes + 1);
      const { bytesRead } = await file.read(buf, 0, buf.length, 0);
      cutAtBytes = utf8Cut(buf.subarray(0, bytesRead), maxBytes);
      bytes = buf.subarray(0, cutAtBytes);
    } else bytes = await file.readFile();
  } finally {
    await file.close();
  }
  const content = decodeText(bytes);
  return { kind: inputKind(path, content), content, ...(cutAtBytes !== undefined ? { cutAtBytes } : {}) };
}
