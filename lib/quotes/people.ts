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

export interface Person extends Span {
  /** The fullest form of the name seen so far ("Karoline Leavitt" for a later "Leavitt"). */
  name: string;
  gender: Gender;
}

// Titles that only ever stand before a person's name.
const PERSONAL_TITLE = /^(Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Rev|Prof|President|Senator|Governor|Mayor|Judge|Justice|Secretary|Speaker|Congressman|Congresswoman|Sir|Dame|Lord|Lady|Pope|King|Queen|Prince|Princess|Ambassador|Chancellor|Minister|Premier|Detective|Officer|Coach|Pastor|Rabbi|Father)\.?$/;
const HONORIFIC_GENDER: Record<string, Gender> = { mr: 'male', sir: 'male', lord: 'male', king: 'male', prince: 'male', father: 'male', mrs: 'female', ms: 'female', miss: 'female', dame: 'female', lady: 'female', queen: 'female', princess: 'female' };

const isCap = (w: Word) => /^\p{Lu}\p{Ll}/u.test(w.text) || /^\p{Lu}\.?$/u.test(w.text) || /^Mc|^O[’']/.test(w.text);

// Stretches of capitalised words (with name particles between them): only these are
// split into words, which keeps the scan of a long text cheap.
const CAPITALISED_STRETCH = /\p{Lu}[\p{L}\p{M}\p{N}'’.\-]*(?:[ \u00a0](?:(?:van|von|de|der|den|del|della|da|di|du|la|le|bin|ibn|al|el|ben|dos|das|y)[ \u00a0])*\p{Lu}[\p{L}\p{M}\p{N}'’.\-]*)*/gu;
const ABBREVIATED = /^\p{Lu}\.$|^(Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Rev|Prof|St|Jr)\.$/u;
// A title in lower case right before a name: "press secretary Karoline Leavitt".
const LOWER_TITLE_BEFORE = /(?:^|[^\p{L}])(secretary|spokesman|spokeswoman|spokesperson|senator|president|mayor|governor|director|chairman|chairwoman|minister|envoy|adviser|advisor|aide|lawyer|attorney|judge|officer|chief|leader|nominee|candidate)[ \u00a0]$/u;

/** A stretch without a space: wordsIn reads it as one word. */
function isOneWord(stretch: string): boolean {
  return !stretch.includes(' ') && !stretch.includes('\u00a0');
}

/** The key wordsIn gives a one-word stretch: without trailing ' ’ - (a word ends in a letter, digit or dot), then without one full stop. */
function oneWordKey(stretch: string): string {
  let end = stretch.length;
  while (end > 1 && /['’-]/.test(stretch[end - 1])) end--;
  return stretch.endsWith('.', end) ? stretch.slice(0, end - 1) : stretch.slice(0, end);
}

/**
 * LOWER_TITLE_BEFORE on the 16 characters before `start`. It ends in a lower-case
 * ASCII letter and a space, so those two characters are checked first: before
 * most capitalised words stands a full stop or no title.
 */
function lowerTitleBefore(text: string, start: number): boolean {
  const space = text.charCodeAt(start - 1);
  const letter = text.charCodeAt(start - 2);
  if ((space !== 0x20 && space !== 0xa0) || !(letter >= 0x61 && letter <= 0x7a)) return false;
  return LOWER_TITLE_BEFORE.test(text.slice(Math.max(0, start - 16), start));
}

/** The runs of name-like words in a stretch: split where a word is not capitalised or ends a sentence. */
function runsIn(text: string, from: number, to: number): Word[][] {
  const runs: Word[][] = [];
  let run: Word[] = [];
  for (const w of wordsIn(text, from, to)) {
    const fits = isCap(w) || (run.length > 0 && NAME_PARTICLES.has(w.text));
    const last = run[run.length - 1];
    const broken = last && (!/^[ \u00a0]$/.test(text.slice(last.end, w.start)) || (/\.$/.test(last.text) && !ABBREVIATED.test(last.text)));
    if (!fits || broken) {
      if (run.length) runs.push(run);
      run = fits ? [w] : [];
    } else run.push(w);
  }
  if (run.length) runs.push(run);
  return runs;
}

export function peopleNamed(text: string): Person[] {
  const people: Person[] = [];
  const bySurname = new Map<string, Person>();
  CAPITALISED_STRETCH.lastIndex = 0;
  for (const m of text.matchAll(CAPITALISED_STRETCH)) {
    // Most stretches are one capitalised word ("The", "Monday"): its only run is that
    // word, which counts only as a known surname or after a title in lower case.
    if (isOneWord(m[0]) && !bySurname.has(oneWordKey(m[0])) && !lowerTitleBefore(text, m.index!)) continue;
    for (const run of runsIn(text, m.index!, m.index! + m[0].length)) {
      let k = 0;
      let honorific: Gender = null;
      let titled = false;
      while (k < run.length - 1 && (PERSONAL_TITLE.test(run[k].text) || NOT_NAME_WORDS.has(run[k].key.toLowerCase()))) {
        if (PERSONAL_TITLE.test(run[k].text)) titled = true;
        honorific = HONORIFIC_GENDER[run[k].key.toLowerCase()] ?? honorific;
        k++;
      }
      if (lowerTitleBefore(text, run[0].start)) titled = true;
      const name = run.slice(k);
      if (name.length === 0 || /[’']s$/.test(name[name.length - 1].text)) continue;
      const surname = name[name.length - 1].key;
      // Most runs are one capitalised word opening a sentence: nothing more to read there.
      if (name.length === 1 && !titled && !bySurname.has(surname)) continue;
      const nameText = text.slice(name[0].start, name[name.length - 1].end).replace(/\.$/, '');
      const nameGender = genderOfName(nameText);
      const gender = honorific ?? nameGender;
      if (name.length >= 2 && (titled || nameGender)) {
        const p = { start: name[0].start, end: name[0].start + nameText.length, name: nameText, gender };
        people.push(p);
        bySurname.set(surname, p);
      } else if (name.length === 1 && (titled || bySurname.has(surname))) {
        const known = bySurname.get(surname);
        const p = { start: name[0].start, end: name[0].start + nameText.length, name: known?.name ?? nameText, gender: known?.gender ?? gender };
        people.push(p);
        if (!known) bySurname.set(surname, p);
      }
    }
  }
  return people;
}
