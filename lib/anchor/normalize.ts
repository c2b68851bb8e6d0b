/**
 * The one normalization both sides of anchoring go through: the article text
 * the analysis read (lib/extract/dom-text.ts made it) and the live page's text
 * nodes (lib/anchor/text-map.ts). Whitespace runs become one space, soft hyphens
 * and zero-width characters disappear, exactly as the extraction treats them,
 * so a passage of the article reads the same as its place in the page.
 *
 * `fold` goes one step further for the "normalized" match: curly and straight
 * quotes, apostrophes and dashes become one character each and letters lose
 * their case. It maps one UTF-16 unit to one, so a folded string keeps the
 * offsets of the string it came from.
 */

/** Soft hyphen, zero-width space / non-joiner / joiner, word joiner, BOM: invisible, and they split words. */
export function isInvisible(c: number): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

/** Whitespace as HTML collapses it, plus no-break and typographic spaces (a reader sees a space). */
export function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x0a ||
    c === 0x09 ||
    c === 0x0d ||
    c === 0x0c ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

export const VISIBLE = 0;
export const WHITESPACE = 1;
export const INVISIBLE = 2;

let classes: Uint8Array | null = null;

/**
 * Every UTF-16 unit's class (VISIBLE, WHITESPACE, INVISIBLE) in one 64 KB table,
 * built on first use: the per-character loops over a multi-megabyte page do one
 * array read instead of a chain of comparisons.
 */
export function charClasses(): Uint8Array {
  if (!classes) {
    classes = new Uint8Array(0x10000); // all VISIBLE
    // Only the few units the predicates name are marked; they all lie below U+3001 or are U+FEFF.
    for (let c = 0; c <= 0x3000; c++) {
      if (isInvisible(c)) classes[c] = INVISIBLE;
      else if (isSpace(c)) classes[c] = WHITESPACE;
    }
    classes[0xfeff] = INVISIBLE;
  }
  return classes;
}

const SPACE = 0x20;
const APOSTROPHE = 0x27;
const QUOTE = 0x22;
const HYPHEN = 0x2d;

/** Lower case of a unit, when it stays one unit long. */
function lower(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  const l = String.fromCharCode(c).toLowerCase();
  return l.length === 1 ? l.charCodeAt(0) : c;
}

/** One UTF-16 unit → its folded unit: quotes, apostrophes and dashes unified, case dropped, any space → ' '. */
export function foldUnit(c: number): number {
  if (c < 0x80) {
    if (c === 0x0a) return SPACE;
    return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  }
  switch (c) {
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x201a: // ‚
    case 0x201b: // ‛
    case 0x2032: // ′
      return APOSTROPHE;
    case 0x201c: // “
    case 0x201d: // ”
    case 0x201e: // „
    case 0x201f: // ‟
    case 0x2033: // ″
    case 0x00ab: // «
    case 0x00bb: // »
      return QUOTE;
    case 0x2010: // hyphen
    case 0x2011: // non-breaking hyphen
    case 0x2012: // figure dash
    case 0x2013: // –
    case 0x2014: // —
    case 0x2015: // horizontal bar
    case 0x2212: // minus
      return HYPHEN;
  }
  return lower(c);
}

let foldTable: Uint16Array | null = null;

/**
 * A string folded unit by unit (same length, same offsets), through a 128 KB
 * table filled in as units are first met (0 = not yet: only U+0000 folds to 0).
 */
export function fold(s: string): string {
  if (!foldTable) foldTable = new Uint16Array(0x10000);
  const table = foldTable;
  const out = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let f = table[c];
    if (f === 0 && c !== 0) f = table[c] = foldUnit(c);
    out[i] = f;
  }
  return unitsToString(out, out.length);
}

/**
 * UTF-16 units → string. TextDecoder does it at memory speed where the runtime
 * has it (browsers, Node); otherwise in chunks, so a multi-megabyte page never
 * overflows the argument list. (A lone surrogate becomes U+FFFD either way in
 * the decoder: one unit for one, so offsets hold.)
 */
export function unitsToString(units: Uint16Array, length: number): string {
  if (length > 256 && typeof TextDecoder === 'function') return new TextDecoder('utf-16le').decode(units.subarray(0, length));
  const CHUNK = 8192;
  const parts: string[] = [];
  for (let i = 0; i < length; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, units.subarray(i, Math.min(length, i + CHUNK)) as unknown as number[]));
  }
  return parts.join('');
}

export interface NormalizedText {
  /** Whitespace runs as one ' ', invisible characters dropped, no space at either end. */
  text: string;
  /**
   * For each index of the source (and its length), the index in `text` where
   * that source character landed, or where the next kept character will land.
   * A source span [s, e) is text.slice(toNorm[s], toNorm[e]).
   */
  toNorm: Int32Array;
}

/** Plain text (the article) → its normalized form with offsets back from the source. */
export function normalizeText(s: string): NormalizedText {
  const cls = charClasses();
  const units = new Uint16Array(s.length);
  const toNorm = new Int32Array(s.length + 1);
  let n = 0;
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const k = cls[c];
    // Invisible and whitespace characters point where the next kept one lands
    // (for a whitespace run, that is its single space).
    toNorm[i] = n;
    if (k === INVISIBLE) continue;
    if (k === WHITESPACE) {
      if (n > 0) pendingSpace = true;
      continue;
    }
    if (pendingSpace) {
      units[n++] = SPACE;
      pendingSpace = false;
      toNorm[i] = n;
    }
    units[n++] = c;
  }
  toNorm[s.length] = n;
  return { text: unitsToString(units, n), toNorm };
}
