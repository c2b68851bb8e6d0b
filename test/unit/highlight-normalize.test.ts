/**
 * The normalization both sides of anchoring share (lib/anchor/normalize.ts):
 * the article text and the page text must come out alike for the same words.
 */
import { describe, expect, it } from 'vitest';
import { fold, normalizeText } from '../../lib/anchor/normalize';

describe('normalizeText', () => {
  it('collapses whitespace of every kind, drops invisible characters and space at both ends, and maps spans across', () => {
    const source = '  Soft\u00ADware\u200B  and\u00A0\u202Fmore\n\nNext\tline ';
    const { text, toNorm } = normalizeText(source);
    expect(text).toBe('Software and more Next line');
    const span = (s: string) => {
      const start = source.indexOf(s);
      return text.slice(toNorm[start], toNorm[start + s.length]);
    };
    expect(span('Soft\u00ADware')).toBe('Software');
    expect(span('more\n\nNext')).toBe('more Next');
    expect(span('line')).toBe('line');
    expect(toNorm[source.length]).toBe(text.length);
  });

  it('handles a multi-megabyte text in one piece', () => {
    const big = 'word\u00AD and  space\n'.repeat(200_000);
    const { text } = normalizeText(big);
    expect(text.length).toBe('word and space '.length * 200_000 - 1);
    expect(text.startsWith('word and space word and space')).toBe(true);
  });
});

describe('fold', () => {
  it('unifies quotation marks, apostrophes and dashes, drops case, keeps length', () => {
    const s = '“Don’t” — «Non» ‘Yes’ 1–2 Ärger\nIST';
    const f = fold(s);
    expect(f).toBe('"don\'t" - "non" \'yes\' 1-2 ärger ist');
    expect(f.length).toBe(s.length);
  });
});
