/**
 * lib/text/char-classes.ts answers "is this a letter / number / mark / Latin /
 * upper case / lower case?" from a table the scanners read instead of running
 * a pattern per word: every answer must be the pattern's, for every code unit
 * of the Basic Multilingual Plane and for code points of the other planes.
 */
import { describe, expect, it } from 'vitest';
import { classesOf, codePointIn, LATIN, LETTER, LOWER, MARK, NUMBER, UPPER } from '../../lib/text/char-classes';

const CLASSES: [number, RegExp][] = [
  [LETTER, /\p{L}/u],
  [NUMBER, /\p{N}/u],
  [MARK, /\p{M}/u],
  [LATIN, /\p{Script=Latin}/u],
  [UPPER, /\p{Lu}/u],
  [LOWER, /\p{Ll}/u],
];

function mismatches(cps: Iterable<number>): string[] {
  const out: string[] = [];
  for (const cp of cps) {
    const ch = String.fromCodePoint(cp);
    const k = classesOf(cp);
    for (const [bit, re] of CLASSES) if (Boolean(k & bit) !== re.test(ch)) out.push(`U+${cp.toString(16)} ${re}`);
  }
  return out;
}

describe('classesOf', () => {
  it('answers as the patterns do for every code unit of the Basic Multilingual Plane', () => {
    const all = Array.from({ length: 0x10000 }, (_, i) => i);
    expect(mismatches(all)).toEqual([]);
    expect(classesOf(0x41) & UPPER).toBeTruthy();
    expect(classesOf(0x61) & LOWER).toBeTruthy();
  });

  it('answers as the patterns do for code points of the other planes', () => {
    const astral: number[] = [];
    for (let cp = 0x10000; cp <= 0x10ffff; cp += 97) astral.push(cp);
    // Deseret capitals and small letters, mathematical letters, emoji.
    astral.push(0x10400, 0x10428, 0x1d400, 0x1d41a, 0x1f600);
    expect(mismatches(astral)).toEqual([]);
  });

  it('reads a surrogate pair as one code point only when both halves lie before the end', () => {
    expect(codePointIn('𐐀', 0, 2)).toBe(0x10400);
    expect(codePointIn('𐐀', 0, 1)).toBe(0xd801);
    expect(codePointIn('\udc00a', 0, 2)).toBe(0xdc00);
  });
});
