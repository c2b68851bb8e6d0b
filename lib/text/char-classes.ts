/**
 * The Unicode classes word scanners ask about (letter \p{L}, mark \p{M}, number
 * \p{N}, upper- and lower-case letter \p{Lu} and \p{Ll}, and the Latin script,
 * \p{Script=Latin}) for one code point at a time, answered from a table: a loop
 * over a text's characters that asks the table instead of running a regular
 * expression per word makes no match objects and no strings for the words it
 * only counts. Each character is classified by the same regular expressions
 * the patterns use, the first time it is seen, so the answers are theirs.
 */

export const LETTER = 1;
export const NUMBER = 2;
export const MARK = 4;
const KNOWN = 8;
export const LATIN = 16;
export const UPPER = 32;
export const LOWER = 64;

const IS_LETTER = /\p{L}/u;
const IS_NUMBER = /\p{N}/u;
const IS_MARK = /\p{M}/u;
const IS_LATIN = /\p{Script=Latin}/u;
const IS_UPPER = /\p{Lu}/u;
const IS_LOWER = /\p{Ll}/u;

/** Classes of the Basic Multilingual Plane, filled on first sight (0 = not yet classified). */
const bmp = new Uint8Array(0x10000);
/** Classes of the other planes (emoji, historic scripts), rarer. */
const astral = new Map<number, number>();

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return (
    KNOWN |
    (IS_LETTER.test(ch) ? LETTER : 0) |
    (IS_NUMBER.test(ch) ? NUMBER : 0) |
    (IS_MARK.test(ch) ? MARK : 0) |
    (IS_LATIN.test(ch) ? LATIN : 0) |
    (IS_UPPER.test(ch) ? UPPER : 0) |
    (IS_LOWER.test(ch) ? LOWER : 0)
  );
}

for (let c = 0; c < 0x80; c++) bmp[c] = classify(c);

/** The classes of the ASCII characters, filled above: a scanner reads an ASCII character's here without a call. */
export const ASCII_CLASSES: Uint8Array = bmp.subarray(0, 0x80);

/** The classes (LETTER | NUMBER | MARK | LATIN | UPPER | LOWER bits) of a code point; a lone surrogate has none. */
export function classesOf(cp: number): number {
  if (cp < 0x10000) {
    let k = bmp[cp];
    if (k === 0) bmp[cp] = k = classify(cp);
    return k;
  }
  let k = astral.get(cp);
  if (k === undefined) astral.set(cp, (k = classify(cp)));
  return k;
}

/**
 * The code point at i of `s` as a regular expression with the u flag reads it
 * when the input ends at `end`: a surrogate pair cut by `end`, or a lone
 * surrogate, is one code point of its own.
 */
export function codePointIn(s: string, i: number, end: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/**
 * The code point that ends at i, as a regular expression with the u flag reads
 * it when the input starts at `floor`: a surrogate pair cut by `floor`, or a
 * lone surrogate, is one code point of its own.
 */
export function codePointBefore(s: string, i: number, floor: number): number {
  const d = s.charCodeAt(i - 1);
  if (d >= 0xdc00 && d <= 0xdfff && i - 2 >= floor) {
    const c = s.charCodeAt(i - 2);
    if (c >= 0xd800 && c <= 0xdbff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return d;
}

/**
 * Where the first code point from i on (before `end`) having one of the
 * `classes` bits starts: `end` when there is none. The scans that look for the
 * next word share it; ASCII is read by its table.
 */
export function nextWithClasses(s: string, i: number, end: number, classes: number): number {
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (ASCII_CLASSES[c] & classes) return i;
      i++;
    } else {
      const cp = codePointIn(s, i, end);
      if (classesOf(cp) & classes) return i;
      i += cp > 0xffff ? 2 : 1;
    }
  }
  return end;
}

/** End of the run at i (before `end`) of code points having one of the `classes` bits: i itself when there is none. */
export function runEnd(s: string, i: number, end: number, classes: number): number {
  while (i < end) {
    const cp = codePointIn(s, i, end);
    if (!(classesOf(cp) & classes)) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}
