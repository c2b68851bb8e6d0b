/**
 * Whitespace as the regular expressions' `\s` sees it, one UTF-16 code unit at
 * a time, so a loop can count what `s.replace(/\s+/g, '').length` counts
 * without making the string. (test/unit/extract-spaces.test.ts checks every
 * code unit against `\s`.)
 */

/** `/\s/.test(String.fromCharCode(c))`. */
export function isSpace(c: number): boolean {
  return c <= 0x20
    ? c === 0x20 || (c >= 0x09 && c <= 0x0d)
    : c >= 0xa0 &&
        (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);
}

/** `s.replace(/\s+/g, '').length`. */
export function nonSpaceLength(s: string | null | undefined): number {
  if (!s) return 0;
  let n = 0;
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) n++;
  return n;
}
