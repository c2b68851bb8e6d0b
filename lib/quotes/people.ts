/**
 * People named in the text, found without the entity tagger: a run of
 * capitalised words that starts with a known first name ("Karoline Leavitt") or
 * follows a personal title ("Mr. Trump", "Sen. Cruz"), and later the surname
 * alone. What "he" and "she" can refer to when the entities do not say, and how
 * a surname at a cue gets its full name.
 */
import type { Span } from '../types';
import { NOT_NAME_WORDS, NAME_PARTICLES } from './cues';
import { genderOfName, type Gender } from './gender';
import { wordsIn, type Word } from './names';
import * as chars from '../text/char-classes';

export interface Person extends Span {
  /** The fullest form of the name seen so far ("Karoline Leavitt" for a later "Leavitt"). */
  name: string;
  gender: Gender;
}

// Titles that only ever stand before a person's name.
const PERSONAL_TITLE = /^(Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Rev|Prof|President|Senator|Governor|Mayor|Judge|Justice|Secretary|Speaker|Congressman|Congresswoman|Sir|Dame|Lord|Lady|Pope|King|Queen|Prince|Princess|Ambassador|Chancellor|Minister|Premier|Detective|Officer|Coach|Pastor|Rabbi|Father)\.?$/;
const HONORIFIC_GENDER: Record<string, Gender> = { mr: 'male', sir: 'male', lord: 'male', king: 'male', prince: 'male', father: 'male', mrs: 'female', ms: 'female', miss: 'female', dame: 'female', lady: 'female', queen: 'female', princess: 'female' };


const ABBREVIATED = /^\p{Lu}\.$|^(Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Rev|Prof|St|Jr)\.$/u;
/**
 * A title in lower case right before a name: "press secretary Karoline Leavitt".
 * What /(?:^|[^\p{L}])(secretary|…|candidate)[ \u00a0]$/u found in the 16
 * characters before the name: the whole run of letters before the space is one
 * of these (none is longer than 12 letters, so the window never cut one).
 */
const LOWER_TITLES = new Set(['secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'senator', 'president', 'mayor', 'governor', 'director', 'chairman', 'chairwoman', 'minister', 'envoy', 'adviser', 'advisor', 'aide', 'lawyer', 'attorney', 'judge', 'officer', 'chief', 'leader', 'nominee', 'candidate']);
const LONGEST_LOWER_TITLE = 12;

/*
 * Stretches of capitalised words, with name particles between them: what
 * /\p{Lu}[\p{L}\p{M}\p{N}'’.\-]*(?:[ \u00a0](?:(?:van|von|de|der|den|del|della|da|di|du|la|le|bin|ibn|al|el|ben|dos|das|y)[ \u00a0])*\p{Lu}[\p{L}\p{M}\p{N}'’.\-]*)*
 * (flags g and u) matches in the text; the particles are NAME_PARTICLES. Only
 * these are split into words, which keeps the reading of a long text cheap.
 * Found by a scan of character classes (lib/text/char-classes.ts): the
 * pattern's search for a capital cost as much as all the rest, and made a
 * match object and a string per capitalised word.
 */

const WORD_PART = chars.LETTER | chars.MARK | chars.NUMBER;
const UPPER = chars.UPPER;
const LOWER = chars.LOWER;
const LETTER = chars.LETTER;
// Called for every character: taken out of the module once (a bundler or tsx may
// otherwise read an imported name through a getter on each call).
const { classesOf, codePointIn, codePointBefore } = chars;
const PARTICLES = [...NAME_PARTICLES];
/** The first letters of the particles (most words after a capitalised word start with none of them). */
const PARTICLE_INITIAL = new Uint8Array(0x80);
for (const p of PARTICLES) PARTICLE_INITIAL[p.charCodeAt(0)] = 1;

/** The ASCII characters of [\p{L}\p{M}\p{N}'’.\-]: letters, digits, ' . and -. */
const ASCII_WORD_PART = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++) ASCII_WORD_PART[c] = classesOf(c) & WORD_PART || c === 0x27 || c === 0x2e || c === 0x2d ? 1 : 0;

/** End of the run of [\p{L}\p{M}\p{N}'’.\-] at i. */
function wordRunEnd(text: string, i: number, n: number): number {
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (!ASCII_WORD_PART[c]) break;
      i++;
    } else if (c === 0x2019) i++;
    else {
      const cp = codePointIn(text, i, n);
      if (!(classesOf(cp) & WORD_PART)) break;
      i += cp > 0xffff ? 2 : 1;
    }
  }
  return i;
}

/** Length in code units of the upper-case letter at i, or 0 when there is none. */
function upperAt(text: string, i: number, n: number): number {
  const cp = codePointIn(text, i, n);
  return classesOf(cp) & UPPER ? (cp > 0xffff ? 2 : 1) : 0;
}

/**
 * Where a capital may stand: every \p{Lu} is one of these code units (or a pair
 * starting with one). Left out: the rest of ASCII and Latin-1 (lower-case é, à,
 * ß…) and the general punctuation (’ “ ” —), which hold none
 * (test/unit/quotes-people.test.ts checks every code unit left out).
 */
export const CAPITAL_OR_OTHER = /[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u1fff\u2070-\uffff]/g;

const isNameSpace = (c: number) => c === 0x20 || c === 0xa0;

/** After a name particle and its space at j ("van ", "de "): the index past them, or -1. */
function particleEnd(text: string, j: number): number {
  const c = text.charCodeAt(j);
  if (c >= 0x80 || !PARTICLE_INITIAL[c]) return -1;
  for (const p of PARTICLES) if (text.startsWith(p, j) && isNameSpace(text.charCodeAt(j + p.length))) return j + p.length + 1;
  return -1;
}

/**
 * End of the stretch whose capital is at `start` (`size` code units), as the
 * pattern's greedy match ends it; negated when it holds more than one word. A
 * particle is always lower case, so when the particles after a space are not
 * followed by a capital, fewer of them would not be either: no backtracking.
 */
function stretchEnd(text: string, start: number, size: number, n: number): number {
  let end = wordRunEnd(text, start + size, n);
  let words = 1;
  while (isNameSpace(text.charCodeAt(end))) {
    let j = end + 1;
    for (let k = particleEnd(text, j); k >= 0; k = particleEnd(text, j)) j = k;
    const u = j < n ? upperAt(text, j, n) : 0;
    if (u === 0) break;
    end = wordRunEnd(text, j + u, n);
    words++;
  }
  return words > 1 ? -end : end;
}

/** End of the key wordsIn gives a one-word stretch: without trailing ' ’ - (a word ends in a letter, digit or dot), then without one full stop. */
function oneWordKeyEnd(text: string, start: number, end: number): number {
  while (end > start + 1 && (text.charCodeAt(end - 1) === 0x27 || text.charCodeAt(end - 1) === 0x2019 || text.charCodeAt(end - 1) === 0x2d)) end--;
  return text.charCodeAt(end - 1) === 0x2e ? end - 1 : end;
}

/**
 * A word's length, first and last code units in one number: a capitalised word
 * whose shape no known surname has is not one, without making its string.
 */
function shapeOf(text: string, start: number, end: number): number {
  return ((end - start) * 0x10000 + text.charCodeAt(start)) * 0x10000 + text.charCodeAt(end - 1);
}

/**
 * Whether a title in lower case (LOWER_TITLES) stands right before `start`. It
 * ends in a lower-case ASCII letter and a space, so those two characters are
 * checked first: before most capitalised words stands a full stop or no title.
 */
function lowerTitleBefore(text: string, start: number): boolean {
  const space = text.charCodeAt(start - 1);
  if (!isNameSpace(space) || !isAsciiLower(text.charCodeAt(start - 2))) return false;
  const end = start - 1;
  let from = end - 1;
  while (from > 0 && end - from <= LONGEST_LOWER_TITLE && isAsciiLower(text.charCodeAt(from - 1))) from--;
  if (end - from > LONGEST_LOWER_TITLE) return false;
  // The run must not go on in a letter outside ASCII ("éminister").
  if (from > 0 && classesOf(codePointBefore(text, from, Math.max(0, start - 16))) & LETTER) return false;
  return LOWER_TITLES.has(text.slice(from, end));
}

const isAsciiLower = (c: number) => c >= 0x61 && c <= 0x7a;

/**
 * A capitalised word, as /^\p{Lu}\p{Ll}/u, /^\p{Lu}\.?$/u and /^Mc|^O[’']/ read it:
 * a capital then a lower-case letter ("Mc" among them), a capital alone or with
 * a full stop (an initial), or O and an apostrophe.
 */
function isCap(text: string, w: Word): boolean {
  const { start, end } = w;
  const cp = codePointIn(text, start, end);
  if (!(classesOf(cp) & UPPER)) return false;
  const next = start + (cp > 0xffff ? 2 : 1);
  if (next === end || (next + 1 === end && text.charCodeAt(next) === 0x2e)) return true;
  if (classesOf(codePointIn(text, next, end)) & LOWER) return true;
  const c = text.charCodeAt(next);
  return cp === 0x4f /* O */ && (c === 0x2019 || c === 0x27);
}

/** The runs of name-like words in a stretch: split where a word is not capitalised or ends a sentence. */
function runsIn(text: string, from: number, to: number): Word[][] {
  const runs: Word[][] = [];
  let run: Word[] = [];
  for (const w of wordsIn(text, from, to)) {
    const fits = isCap(text, w) || (run.length > 0 && NAME_PARTICLES.has(w.text));
    const last = run[run.length - 1];
    // Only one space or no-break space between the words of a run, and no full stop but an abbreviation's.
    const broken =
      last &&
      (w.start !== last.end + 1 || !isNameSpace(text.charCodeAt(last.end)) || (text.charCodeAt(last.end - 1) === 0x2e && !ABBREVIATED.test(last.text)));
    if (!fits || broken) {
      if (run.length) runs.push(run);
      run = fits ? [w] : [];
    } else run.push(w);
  }
  if (run.length) runs.push(run);
  return runs;
}

/**
 * The people named in the text, in order. With `until`, the scan stops at the
 * first capital from there on: the people returned are the first ones of the
 * whole list, every one that starts before `until` among them.
 */
export function peopleNamed(text: string, until = text.length): Person[] {
  const people: Person[] = [];
  const bySurname = new Map<string, Person>();
  const surnameShapes = new Set<number>();
  const remember = (surname: string, p: Person) => {
    bySurname.set(surname, p);
    surnameShapes.add(shapeOf(surname, 0, surname.length));
  };
  /** Whether the one-word stretch text[start, end) is a surname seen before. */
  const knownSurname = (text: string, start: number, end: number) => {
    if (bySurname.size === 0) return false;
    const keyEnd = oneWordKeyEnd(text, start, end);
    return surnameShapes.has(shapeOf(text, start, keyEnd)) && bySurname.has(text.slice(start, keyEnd));
  };
  const n = text.length;
  for (let i = 0; i < n; ) {
    // The next capital: found among the ASCII capitals and the characters outside ASCII
    // by a pattern without the u flag (it runs natively, a match object made for none).
    CAPITAL_OR_OTHER.lastIndex = i;
    if (!CAPITAL_OR_OTHER.test(text)) break;
    i = CAPITAL_OR_OTHER.lastIndex - 1;
    if (i >= until) break;
    let size = 1;
    if (text.charCodeAt(i) >= 0x80) {
      const cp = codePointIn(text, i, n);
      size = cp > 0xffff ? 2 : 1;
      if (!(classesOf(cp) & UPPER)) {
        i += size;
        continue;
      }
    }
    const start = i;
    const signed = stretchEnd(text, start, size, n);
    const end = signed < 0 ? -signed : signed;
    i = end;
    // Most stretches are one capitalised word ("The", "Monday"): its only run is that
    // word, which counts only as a known surname or after a title in lower case.
    if (signed > 0 && !knownSurname(text, start, end) && !lowerTitleBefore(text, start)) continue;
    for (const run of runsIn(text, start, end)) {
      const found = personInRun(text, run, lowerTitleBefore(text, run[0].start), bySurname);
      if (!found) continue;
      people.push(found.person);
      if (found.isNew) remember(found.surname, found.person);
    }
  }
  return people;
}

/** A person a run of name-like words names (see personInRun). */
export interface RunReading {
  person: Person;
  /** The key of the name's last word, under which a later surname alone finds it. */
  surname: string;
  /** Whether the surname is new, to be remembered for the runs after. */
  isNew: boolean;
}

/**
 * Whom a run of capitalised words names, if anyone: titles and words that are
 * never names ("Mr.", "Sen.", "Monday") are taken off its front; two words or
 * more are a person after a title or when the first is a known first name;
 * one word is a person after a title, or as a surname seen before (and then
 * takes that person's full name and gender). `titledBefore`: a title in lower
 * case stands right before the run ("press secretary Karoline Leavitt").
 */
export function personInRun(text: string, run: readonly Word[], titledBefore: boolean, bySurname: ReadonlyMap<string, Person>): RunReading | null {
  let k = 0;
  let honorific: Gender = null;
  let titled = titledBefore;
  while (k < run.length - 1 && (PERSONAL_TITLE.test(run[k].text) || NOT_NAME_WORDS.has(run[k].key.toLowerCase()))) {
    if (PERSONAL_TITLE.test(run[k].text)) titled = true;
    honorific = HONORIFIC_GENDER[run[k].key.toLowerCase()] ?? honorific;
    k++;
  }
  const name = run.slice(k);
  if (name.length === 0 || /[’']s$/.test(name[name.length - 1].text)) return null;
  const surname = name[name.length - 1].key;
  // Most runs are one capitalised word opening a sentence: nothing more to read there.
  if (name.length === 1 && !titled && !bySurname.has(surname)) return null;
  const nameText = text.slice(name[0].start, name[name.length - 1].end).replace(/\.$/, '');
  const nameGender = genderOfName(nameText);
  const gender = honorific ?? nameGender;
  const start = name[0].start;
  if (name.length >= 2 && (titled || nameGender)) {
    return { person: { start, end: start + nameText.length, name: nameText, gender }, surname, isNew: true };
  }
  if (name.length === 1) {
    // Here titled, or the surname is known.
    const known = bySurname.get(surname);
    return { person: { start, end: start + nameText.length, name: known?.name ?? nameText, gender: known?.gender ?? gender }, surname, isNew: !known };
  }
  return null;
}
