/**
 * elementText on text nodes that are blank: whitespace between words becomes
 * one space, invisible characters (zero-width space, soft hyphen, BOM) alone
 * make none, and <pre> keeps its blank lines. Small pages written for these
 * cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../cli/dom';
import { elementText, INVISIBLE, isClean, SPACES } from '../../lib/extract/dom-text';

const textOf = (body: string) => elementText(parseHtmlDocument(`<html><body>${body}</body></html>`).body).text;

describe('elementText on blank text nodes', () => {
  it('turns a node of whitespace, with or without invisible characters, into one space', () => {
    expect(textOf('<p>one<span> </span>two</p>')).toBe('one two');
    expect(textOf('<p>one<span>\n\t\u00a0\u2003\u3000</span>two</p>')).toBe('one two');
    expect(textOf('<p>one<span> \u200b\u00ad </span>two</p>')).toBe('one two');
  });

  it('makes one space of a node holding only other whitespace (a vertical tab, a line or paragraph separator)', () => {
    expect(textOf('<p>one<span>\u000b</span>two</p>')).toBe('one two');
    expect(textOf('<p>one<span>\u2028</span>two</p>')).toBe('one two');
    expect(textOf('<p>one<span>\u2029 \u1680</span>two</p>')).toBe('one two');
  });

  it('makes no space for a node of invisible characters only', () => {
    expect(textOf('<p>one<span>\u200b</span>two</p>')).toBe('onetwo');
    expect(textOf('<p>one<span>\ufeff\u2060\u00ad</span>two</p>')).toBe('onetwo');
  });

  it('keeps blank lines inside <pre> as they are', () => {
    expect(textOf('<pre>a\n\n  \nb</pre>')).toBe('a\n\n  \nb');
  });
});

describe('isClean, the fast path for text with nothing to drop or collapse', () => {
  // Letters, a space, and every character the replacements touch or come near.
  const alphabet = [...'ab Z', '\t', '\n', '\r', '\f', '\v', '\u00a0', '\u00ad', '\u1680', '\u2000', '\u200a', '\u200b', '\u200d', '\u200e', '\u2028', '\u202f', '\u205f', '\u2060', '\u3000', '\ufeff', '\u3001'];
  const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }).map((cs) => cs.join(''));
  const replaced = (s: string) => s.replace(INVISIBLE, '').replace(SPACES, ' ');

  it('says clean only of text the replacements leave as it is', () => {
    fc.assert(fc.property(text, (s) => !isClean(s) || replaced(s) === s), { numRuns: 5000 });
  });

  it('says clean of prose with single spaces, and of none with a double space, a tab or a soft hyphen', () => {
    expect(isClean('Prose, with “quotes” — and single spaces.')).toBe(true);
    expect(isClean('two  spaces')).toBe(false);
    expect(isClean('a\ttab')).toBe(false);
    expect(isClean('soft\u00adhyphen')).toBe(false);
  });
});
