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

// Made once, not per word (a literal in a function makes a new RegExp each time it is reached);
// the global ones are started from 0 by replace() each time.
const SINGLE_QUOTES = /[’‘`]/g;
const DOUBLE_QUOTES = /[“”«»„]/g;
const DASHES = /[–—]/g;
const ONE_CAPITAL = /^\p{Lu}$/u;
const DOTTED_LETTERS = /^(?:\p{L}\.)+\p{L}$/u;
/** A lone O, D or L before the apostrophe: the word is not cut there. */
const ELIDED_PREFIX = /^[Oo]$|^[Dd]$|^[Ll]$/;

/** Short words that keep a trailing period: titles, company forms, initials. */
const DOTTED = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'vs', 'gen', 'sen', 'rep', 'gov', 'lt',
  'col', 'sgt', 'capt', 'prof', 'rev', 'no', 'maj', 'adm', 'cmdr', 'ft', 'mt', 'bros', 'plc', 'messrs', 'jan', 'feb',
  'aug', 'sept', 'sep', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'e.u',
]);
/** The longest of DOTTED: a longer ASCII word with no "." inside keeps no period. */
const DOTTED_LONGEST = Math.max(...[...DOTTED].map((w) => w.length));

function fold(s: string): string {
  const t = foldLookalikes(s);
  if (!needsFold(t)) return t;
  return t.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, '-');
}

/**
 * Cyrillic and Greek letters that look like Latin ones, and the Latin letter
 * each imitates ("Bеlize" with a Cyrillic е is "Belize").
 */
const LOOKALIKE_FROM = 'аеорсухіјѕԁһӏԛԝАВЕКМНОРСТХУІЈЅΑΒΕΖΗΙΚΜΝΟΡΤΥΧον';
const LOOKALIKE_TO = 'aeopcyxijsdhlqwABEKMHOPCTXYIJSABEZHIKMNOPTYXov';
const LOOKALIKE = /[\u0370-\u03ff\u0400-\u052f]/gu; // global: replace() starts it from 0 each time
const LATIN_LETTER = /[A-Za-z]/;

/**
 * A word written in Latin letters with some Cyrillic or Greek look-alikes mixed
 * in (a spoofed name) in Latin letters only; any other word as it is (a
 * Cyrillic or Greek word keeps its letters: "Москва" is not folded).
 */
export function foldLookalikes(s: string): string {
  if (!hasLookalikeRange(s) || !LATIN_LETTER.test(s)) return s;
  return s.replace(LOOKALIKE, (c) => LOOKALIKE_TO[LOOKALIKE_FROM.indexOf(c)] ?? c);
}

/** Whether s has a character in the Greek or Cyrillic blocks (a loop: most words are ASCII). */
function hasLookalikeRange(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x370 && c <= 0x52f) return true;
  }
  return false;
}

/** Whether s has a character fold() changes: ’ ‘ ` “ ” « » „ – — (a loop is cheaper than a regex on short tokens). */
function needsFold(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80 ? c === 0x60 : c === 0xab || c === 0xbb || (c >= 0x2013 && c <= 0x201e && FOLDED.has(c))) return true;
  }
  return false;
}
const FOLDED = new Set([0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x201e]);

/** ASCII letter or digit. */
function isAsciiAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** Set by asciiWordEnd(): the word has a ’ (so it is not plain ASCII, and needs folding). */
let curlyJoiner = false;
/** Set by asciiWordEnd(): where the word's first ' joiner is, or -1 (a word with none has no clitic to cut). */
let firstApostrophe = -1;
/** Set by asciiWordEnd(): textHash() of the word it returns the end of (not of a word cut short). */
let wordHash = 0;
/** Set by asciiWordEnd(): a "." joins parts of the word ("U.S"). */
let innerDot = false;

const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** The hash features.ts wordInfoAt() looks a word up by: FNV-1a of text[start, end), 30 bits. */
export function textHash(text: string, start: number, end: number): number {
  let h = FNV_BASIS;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h & 0x3fffffff;
}
/** No hash worked out (hashes are 30 bits). */
export const NO_HASH = -1;

/**
 * End of the WORD match at i when the word is plain ASCII (letters, digits and
 * the joiners of WORD), but for a ’ joining two parts (curlyJoiner): the same
 * as WORD's match, without running it. -1 when another character outside ASCII
 * is met, where WORD itself decides.
 */
function asciiWordEnd(text: string, i: number): number {
  const n = text.length;
  let j = i;
  let h = FNV_BASIS;
  curlyJoiner = false;
  firstApostrophe = -1;
  innerDot = false;
  for (;;) {
    // A run of letters and digits.
    while (j < n) {
      const c = text.charCodeAt(j);
      if (isAsciiAlnum(c)) {
        h = Math.imul(h ^ c, FNV_PRIME);
        j++;
      } else if (c >= 0x80) return -1;
      else break;
    }
    wordHash = h;
    if (j >= n) return j;
    // A joiner continues the word only when a letter or digit follows it (",": three digits).
    const c = text.charCodeAt(j);
    if (c === 0x2c) {
      let d = 1;
      while (d <= 3 && j + d < n) {
        const x = text.charCodeAt(j + d);
        if (x >= 48 && x <= 57) d++;
        else if (x >= 0x80) return -1;
        else break;
      }
      if (d <= 3) return j;
    } else if (c === 0x2e || c === 0x26 || c === 0x27 || c === 0x2d || c === 0x2f || c === 0x2019) {
      if (j + 1 >= n) return j;
      const x = text.charCodeAt(j + 1);
      if (x >= 0x80) return -1;
      if (!isAsciiAlnum(x)) return j;
      if (c === 0x2019) curlyJoiner = true;
      else if (c === 0x27 && firstApostrophe < 0) firstApostrophe = j;
      else if (c === 0x2e) innerDot = true;
    } else return j;
    // The joiner is part of the word.
    h = Math.imul(h ^ c, FNV_PRIME);
    j++;
  }
}

/**
 * Whether WORD may match at a character outside ASCII (code unit c): a letter
 * or a digit, or half of a surrogate pair (left to WORD). Punctuation such as
 * “ ” — … never starts a word; the answers are kept per character.
 */
function canStartWord(c: number): boolean {
  if (c >= 0xd800 && c <= 0xdfff) return true;
  let yes = startsWord.get(c);
  if (yes === undefined) {
    yes = LETTER_OR_DIGIT.test(String.fromCharCode(c));
    startsWord.set(c, yes);
  }
  return yes;
}
const startsWord = new Map<number, boolean>();
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * The tokens of the last scanTokens() call, in buffers reused from call to
 * call (valid until the next call): token k is text[start[k], end[k]), and its
 * norm is norm[k], or null when the norm is that text itself (ASCII words and
 * punctuation but `): those need no string made to be looked up
 * (features.ts wordInfoAt), and most tokens are such. Not re-entrant: a
 * tokenize() while a scan's tokens are still being read overwrites them.
 */
export const scanned = {
  start: new Int32Array(256),
  end: new Int32Array(256),
  norm: [] as (string | null)[],
  /** textHash() of a token whose norm is null, when the scan worked it out on its way; else NO_HASH. */
  hash: new Int32Array(256),
};
let count = 0;

function add(start: number, end: number, norm: string | null, hash = NO_HASH): void {
  if (count === scanned.start.length) {
    const start2 = new Int32Array(2 * count);
    start2.set(scanned.start);
    scanned.start = start2;
    const end2 = new Int32Array(2 * count);
    end2.set(scanned.end);
    scanned.end = end2;
    const hash2 = new Int32Array(2 * count);
    hash2.set(scanned.hash);
    scanned.hash = hash2;
  }
  scanned.start[count] = start;
  scanned.end[count] = end;
  scanned.norm[count] = norm;
  scanned.hash[count] = hash;
  count++;
}

/** A token whose norm is its text folded. */
function push(text: string, start: number, end: number): void {
  add(start, end, fold(text.slice(start, end)));
}

/** Tokens of text[from, to), in order. Linear in the length of the range. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const n = scanTokens(text, from, to);
  const { start, end, norm } = scanned;
  const out: Token[] = [];
  for (let k = 0; k < n; k++) out.push({ start: start[k], end: end[k], norm: norm[k] ?? text.slice(start[k], end[k]) });
  return out;
}

/** tokenize() into the buffers of `scanned`; the number of tokens. */
export function scanTokens(text: string, from = 0, to = text.length): number {
  count = 0;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c < 0x80 ? c === 32 || (c >= 9 && c <= 13) : SPACE.test(text[i])) {
      i++;
      continue;
    }
    if (c === 0x27 || c === 0x2019) {
      CLITIC_ALONE.lastIndex = i;
      const cl = CLITIC_ALONE.exec(text);
      if (cl && i + cl[0].length <= to) {
        push(text, i, i + cl[0].length);
        i += cl[0].length;
        continue;
      }
    }
    // A word: plain ASCII ones scanned here, others (and ASCII ones running into other characters) by WORD.
    let wordEnd = c < 0x80 ? (isAsciiAlnum(c) ? asciiWordEnd(text, i) : 0) : canStartWord(c) ? -1 : 0;
    // A word scanned here is plain ASCII unless joined by a ’: nothing to fold.
    const ascii = wordEnd > 0 && !curlyJoiner;
    if (wordEnd < 0) {
      WORD.lastIndex = i;
      const m = WORD.exec(text);
      wordEnd = m ? i + m[0].length : 0;
    }
    if (wordEnd > 0) {
      let end = Math.min(wordEnd, to);
      const dotAfter = text.charCodeAt(end) === 0x2e && end < to;
      // Plain ASCII with no ' inside and no period it keeps after it: the word is its own norm, and has no clitic
      // (the common case). An ASCII word longer than DOTTED's words with no "." inside keeps no period: it is
      // no listed abbreviation, nor a capital (ONE_CAPITAL), and DOTTED_LETTERS has dots.
      if (ascii && (!dotAfter || (end - i > DOTTED_LONGEST && !innerDot)) && (firstApostrophe < 0 || firstApostrophe >= end)) {
        add(i, end, null, end === wordEnd ? wordHash & 0x3fffffff : NO_HASH);
        i = end;
        continue;
      }
      let word = text.slice(i, end);
      // Keep the period of an abbreviation or an initial ("U.S.", "Mr.", "J.").
      if (dotAfter) {
        const lower = word.toLowerCase();
        if (DOTTED.has(lower) || ONE_CAPITAL.test(word) || DOTTED_LETTERS.test(word)) {
          end++;
          word += '.';
        }
      }
      // Every clitic has an apostrophe: most words need no regex.
      const tail = word.indexOf("'") >= 0 || (!ascii && word.indexOf('’') >= 0) ? CLITIC_TAIL.exec(word) : null;
      if (tail && !ELIDED_PREFIX.test(tail[1])) {
        const cut = i + tail[1].length;
        push(text, i, cut);
        push(text, cut, end);
      } else add(i, end, ascii ? null : fold(word)); // word is text[i, end) already
      i = end;
      continue;
    }
    // Any other character is a token of its own (punctuation, symbols, quotes); in ASCII only ` is folded.
    if (c < 0x80 && c !== 0x60) {
      add(i, i + 1, null, Math.imul(FNV_BASIS ^ c, FNV_PRIME) & 0x3fffffff);
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    push(text, i, i + len);
    i += len;
  }
  return count;
}
