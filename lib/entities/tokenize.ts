/**
 * Word tokenizer for the entity tagger. The model is trained on CoNLL-2003, whose
 * tokens follow Penn-style conventions: punctuation apart, possessive "'s" and
 * "n't" apart, abbreviations keep their dots ("U.S.", "Mr."), hyphenated words
 * and numbers stay whole ("long-standing", "1996-08-22", "3.5"). Running prose is
 * cut the same way here so training and inference see the same kind of tokens.
 * Curly quotes and apostrophes are folded to straight ones in `norm` only; the
 * offsets always index the original text.
 */

export interface Token {
  start: number;
  end: number;
  /** Surface text with curly quotes/apostrophes folded to ASCII. */
  norm: string;
}

// A word: letters/digits, joined by single inner ".", "-", "&", "'" or "’" when a
// letter or digit follows ("U.S", "O'Brien", "AT&T", "Israeli-Gaza", "1,000").
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:(?:[.&'’\-/]|,(?=\p{N}{3}))[\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/uy;
// A clitic standing on its own ("'s" after a space, as in CoNLL's own text).
const CLITIC_ALONE = /['’](?:s|S|re|RE|ll|LL|ve|VE|m|M|d|D)(?![\p{L}\p{N}])/uy;
const CLITIC_TAIL = /^(.+?)((?:n['’]t|N['’]T)|['’](?:s|S|re|RE|ll|LL|ve|VE|m|M|d|D))$/u;
const SPACE = /\s/u;

/** Short words that keep a trailing period: titles, company forms, initials. */
const DOTTED = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'vs', 'gen', 'sen', 'rep', 'gov', 'lt',
  'col', 'sgt', 'capt', 'prof', 'rev', 'no', 'maj', 'adm', 'cmdr', 'ft', 'mt', 'bros', 'plc', 'messrs', 'jan', 'feb',
  'aug', 'sept', 'sep', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'e.u',
]);

function fold(s: string): string {
  if (!/[’‘`“”«»„–—]/.test(s)) return s;
  return s.replace(/[’‘`]/g, "'").replace(/[“”«»„]/g, '"').replace(/[–—]/g, '-');
}

function push(out: Token[], text: string, start: number, end: number): void {
  out.push({ start, end, norm: fold(text.slice(start, end)) });
}

/** Tokens of text[from, to), in order. Linear in the length of the range. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    const ch = text[i];
    if (SPACE.test(ch)) {
      i++;
      continue;
    }
    CLITIC_ALONE.lastIndex = i;
    const cl = CLITIC_ALONE.exec(text);
    if (cl && i + cl[0].length <= to) {
      push(out, text, i, i + cl[0].length);
      i += cl[0].length;
      continue;
    }
    WORD.lastIndex = i;
    const m = WORD.exec(text);
    if (m) {
      let end = Math.min(i + m[0].length, to);
      let word = text.slice(i, end);
      // Keep the period of an abbreviation or an initial ("U.S.", "Mr.", "J.").
      if (text[end] === '.' && end < to) {
        const lower = word.toLowerCase();
        if (DOTTED.has(lower) || /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) {
          end++;
          word += '.';
        }
      }
      const tail = CLITIC_TAIL.exec(word);
      if (tail && !/^[Oo]$|^[Dd]$|^[Ll]$/.test(tail[1])) {
        const cut = i + tail[1].length;
        push(out, text, i, cut);
        push(out, text, cut, end);
      } else push(out, text, i, end);
      i = end;
      continue;
    }
    // Any other character is a token of its own (punctuation, symbols, quotes).
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    push(out, text, i, i + len);
    i += len;
  }
  return out;
}
