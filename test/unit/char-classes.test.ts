/**
 * lib/text/char-classes.ts answers "is this a letter / number / mark / Latin /
 * upper case / lower case?" from a table the scanners read instead of running
 * a pattern per word: every answer must be the pattern's, for every code unit
 * of the Basic Multilingual Plane and for code points of the other planes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classesOf, codePointIn, LATIN, LETTER, LOWER, MARK, nextWithClasses, NUMBER, runEnd, UPPER } from '../../lib/text/char-classes';

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

describe('nextWithClasses and runEnd', () => {
  // Where /[\p{L}\p{N}]/u and /[^\p{L}\p{N}]/u, with lastIndex set and the input cut at `end`, find their next match.
  const byPattern = (re: RegExp, s: string, i: number, end: number) => {
    const g = new RegExp(re.source, 'gu');
    g.lastIndex = i;
    return g.exec(s.slice(0, end))?.index ?? end;
  };

  it('finds the next word as a pattern does in a real sentence with other scripts and a cut pair', () => {
    const s = '“Yes,” said Zoë — 2,000 😀 Σ东京 𐐀x.';
    const starts: number[] = [];
    for (let i = 0; i < s.length; ) {
      i = nextWithClasses(s, i, s.length, LETTER | NUMBER);
      if (i === s.length) break;
      starts.push(i);
      i = runEnd(s, i, s.length, LETTER | NUMBER);
    }
    expect(starts.map((i) => s.slice(i, runEnd(s, i, s.length, LETTER | NUMBER)))).toEqual(['Yes', 'said', 'Zoë', '2', '000', 'Σ东京', '𐐀x']);
    // 𐐀 cut in half by `end` is a lone surrogate, which is no letter.
    expect(nextWithClasses('..𐐀', 0, 3, LETTER)).toBe(3);
  });

  it('agrees with the pattern on arbitrary strings and bounds', () => {
    const piece = fc.constantFrom('a', 'Z', '1', '٣', 'é', 'e\u0301', '\u0301', '😀', '𐐀', '\ud801', '\udc00', '东', ' ', '.', '’', '\u00a0', '\n', '-');
    const str = fc.array(fc.oneof(piece, fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 20 }).map((p) => p.join(''));
    fc.assert(
      fc.property(str, fc.nat(), fc.nat(), (s, a, b) => {
        const end = s.length === 0 ? 0 : b % (s.length + 1);
        const i = end === 0 ? 0 : a % (end + 1);
        // A scan starts at a code point; a pattern set inside a pair steps back to its start.
        fc.pre(!(i > 0 && /[\ud800-\udbff]/.test(s[i - 1]) && /[\udc00-\udfff]/.test(s[i] ?? '')));
        expect(nextWithClasses(s, i, end, LETTER | NUMBER)).toBe(byPattern(/[\p{L}\p{N}]/u, s, i, end));
        const start = nextWithClasses(s, i, end, LETTER | NUMBER);
        expect(runEnd(s, start, end, LETTER | NUMBER)).toBe(start === end ? end : byPattern(/[^\p{L}\p{N}]/u, s, start, end));
      }),
      { seed: 20261125, numRuns: 3000 },
    );
  });
});
