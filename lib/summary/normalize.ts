/**
 * A sentence's comparison key: lower case, every run of characters other than
 * letters and digits one space, none at either end. Two sentences with the same
 * key are the same sentence (the title repeated, a lead printed twice).
 */
import * as chars from '../text/char-classes';
import { wholePairs } from '../text/lower';

const LETTER_OR_NUMBER = chars.LETTER | chars.NUMBER;
// Called for every character: taken out of the module once (a bundler or tsx may
// otherwise read an imported name through a getter on each call).
const { classesOf, codePointIn, nextWithClasses, runEnd } = chars;

/**
 * `s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()`: the runs of letters
 * and digits of the lower case, joined by one space. Built from a scan of
 * character classes, several times faster than that replace on text that is
 * not Latin-1.
 */
export function normalized(s: string): string {
  const lower = s.toLowerCase();
  const end = lower.length;
  let out = '';
  for (let i = 0; i < end; ) {
    const from = nextWithClasses(lower, i, end, LETTER_OR_NUMBER);
    if (from === end) break;
    i = runEnd(lower, from, end, LETTER_OR_NUMBER);
    out = out === '' ? lower.slice(from, i) : out + ' ' + lower.slice(from, i);
  }
  return out;
}

/**
 * Whether `normalized(text.slice(start, end)) === key`, read character by
 * character off `lower`, the text's lower case from lib/text/lower.ts (or null
 * when it has none): most sentences differ from the title in their first
 * letters, so this stops there, and makes no strings.
 */
export function normalizedIs(text: string, lower: string | null, start: number, end: number, key: string): boolean {
  if (lower === null || !wholePairs(text, start, end)) return normalized(text.slice(start, end)) === key;
  let j = 0;
  let gap = false;
  for (let i = start; i < end; ) {
    const cp = codePointIn(lower, i, end);
    const n = cp > 0xffff ? 2 : 1;
    if (classesOf(cp) & LETTER_OR_NUMBER) {
      // A run of anything else between two letters or digits is one space; none at either end.
      if (gap && j > 0) {
        if (key.charCodeAt(j) !== 0x20) return false;
        j++;
      }
      gap = false;
      if (key.charCodeAt(j) !== lower.charCodeAt(i) || (n === 2 && key.charCodeAt(j + 1) !== lower.charCodeAt(i + 1))) return false;
      j += n;
    } else gap = true;
    i += n;
  }
  return j === key.length;
}

