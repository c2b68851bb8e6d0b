/**
 * peopleNamed (lib/quotes/people.ts) finds the stretches of capitalised words
 * by a scan of character classes instead of a Unicode pattern. It must find the
 * same people as the pattern-based version it replaces (its search, kept below
 * verbatim but for names; what a run of words says is personInRun in both): checked on the team-written fixtures (test/fixtures/quotes,
 * summary, entities; see their READMEs), on every corpus page when ../shared is
 * present, and on arbitrary strings of names, particles, titles, initials,
 * spaces and other scripts.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NAME_PARTICLES } from '../../lib/quotes/cues';
import { firstWord } from '../../lib/quotes/gender';
import { wordsIn, type Word } from '../../lib/quotes/names';
import { CAPITAL_OR_OTHER, peopleNamed, personInRun, type Person } from '../../lib/quotes/people';
import { corpusTexts } from '../support/corpus-texts';
import { READABILITY_PAGES } from '../support/pages';
import { hasShared, PROJECT_ROOT } from '../support/shared';

// ---- The version by pattern, as it was before the scan: how it found the
// stretches, their runs and a title in lower case before them. What a run says
// (personInRun) the scan did not change, and both versions call it.
const isCap = (w: Word) => /^\p{Lu}\p{Ll}/u.test(w.text) || /^\p{Lu}\.?$/u.test(w.text) || /^Mc|^O[’']/.test(w.text);
const CAPITALISED_STRETCH = /\p{Lu}[\p{L}\p{M}\p{N}'’.\-]*(?:[ \u00a0](?:(?:van|von|de|der|den|del|della|da|di|du|la|le|bin|ibn|al|el|ben|dos|das|y)[ \u00a0])*\p{Lu}[\p{L}\p{M}\p{N}'’.\-]*)*/gu;
const ABBREVIATED = /^\p{Lu}\.$|^(Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Rev|Prof|St|Jr)\.$/u;
const LOWER_TITLE_BEFORE = /(?:^|[^\p{L}])(secretary|spokesman|spokeswoman|spokesperson|senator|president|mayor|governor|director|chairman|chairwoman|minister|envoy|adviser|advisor|aide|lawyer|attorney|judge|officer|chief|leader|nominee|candidate)[ \u00a0]$/u;

function runsByPattern(text: string, from: number, to: number): Word[][] {
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

function peopleByPattern(text: string): Person[] {
  const people: Person[] = [];
  const bySurname = new Map<string, Person>();
  const lowerTitleBefore = (start: number) => LOWER_TITLE_BEFORE.test(text.slice(Math.max(0, start - 16), start));
  for (const m of text.matchAll(CAPITALISED_STRETCH)) {
    let end = m[0].length;
    while (end > 1 && /['’-]/.test(m[0][end - 1])) end--;
    const key = m[0].endsWith('.', end) ? m[0].slice(0, end - 1) : m[0].slice(0, end);
    if (!/[ \u00a0]/.test(m[0]) && !bySurname.has(key) && !lowerTitleBefore(m.index)) continue;
    for (const run of runsByPattern(text, m.index, m.index + m[0].length)) {
      const found = personInRun(text, run, lowerTitleBefore(run[0].start), bySurname);
      if (!found) continue;
      people.push(found.person);
      if (found.isNew) bySurname.set(found.surname, found.person);
    }
  }
  return people;
}
// ----

const fixture = (f: string) => readFileSync(join(PROJECT_ROOT, 'test/fixtures', f), 'utf8');

describe('peopleNamed', () => {
  it('finds the people of the fixtures as the pattern did', () => {
    const text = fixture('quotes/harbour-strike.txt');
    expect(peopleNamed(text).length).toBeGreaterThan(3);
    for (const f of ['quotes/harbour-strike.txt', 'summary/flood-barrier.txt', 'entities/harbour-deal.txt']) {
      expect(peopleNamed(fixture(f))).toEqual(peopleByPattern(fixture(f)));
    }
  });

  describe.skipIf(!hasShared(READABILITY_PAGES))('on the corpus', () => {
    it('finds the people of every corpus page as the pattern did', () => {
      let found = 0;
      for (const { name, text } of corpusTexts()) {
        const ours = peopleNamed(text);
        found += ours.length;
        expect(ours, name).toEqual(peopleByPattern(text));
      }
      expect(found).toBeGreaterThan(100);
    });
  });

  it('stops at a position when asked: the first people of the whole list, all who start before it', () => {
    const text = fixture('quotes/harbour-strike.txt');
    const all = peopleNamed(text);
    for (let until = 0; until <= text.length + 1; until += 7) {
      const some = peopleNamed(text, until);
      expect(some).toEqual(all.slice(0, some.length));
      expect(some.length).toBeGreaterThanOrEqual(all.filter((p) => p.start < until).length);
    }
  });

  it('looks for capitals only where one may stand: no code unit left out is one', () => {
    const candidate = new RegExp(CAPITAL_OR_OTHER.source);
    const missed: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (!candidate.test(ch) && /\p{Lu}/u.test(ch)) missed.push(c);
    }
    expect(missed).toEqual([]);
    expect(candidate.test('é') || candidate.test('’')).toBe(false);
  });

  it('agrees with the pattern on arbitrary strings of name-like pieces', () => {
    const piece = fc.constantFrom(
      'Karoline', 'Leavitt', 'Mr.', 'Sen.', 'Dr', 'J.', 'A.', 'O’Brien', "O'Neil", 'McCain', 'Maria', 'Castellano', 'said', 'the',
      'van', 'der', 'de', 'la', 'della', 'del', 'y', 'bin', 'press secretary', 'spokesman', 'Leavitt’s', 'U.S.', 'IBM', 'É', 'Émile',
      'Ωmega', '𐐀ab', '\ud801', '\udc00', 'Ａ', 'ǅ', 'e\u0301', '\u0301', '-', '’', "'", '.', ',', ' ', ' ', '\u00a0', '\n', '  ', '3',
      'Jean-Marc', 'X-', 'Jr.', 'He', 'She', 'Monday', 'vice-president', 'éminister', 'xsenator', '𐐀mayor', 'the mayor', 'Mc', 'O’', 'Oß', 'A.B.',
    );
    const str = fc.array(fc.oneof({ weight: 6, arbitrary: piece }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) }), { maxLength: 40 }).map((p) => p.join(''));
    const spaced = fc.array(piece, { maxLength: 40 }).map((p) => p.join(' '));
    fc.assert(
      fc.property(fc.oneof(str, spaced), (s) => {
        expect(peopleNamed(s)).toEqual(peopleByPattern(s));
      }),
      { seed: 20261125, numRuns: 3000 },
    );
  });
});

describe('firstWord (genderOfName)', () => {
  const bySplit = (name: string) => name.trim().split(/\s+/)[0].toLowerCase().replace(/\.$/, '');

  it('reads the first word of every name the fixtures give as a split did', () => {
    const text = fixture('quotes/harbour-strike.txt');
    const names = peopleNamed(text).map((p) => p.name);
    expect(names.length).toBeGreaterThan(3);
    for (const name of [...names, ...text.split('\n')]) expect(firstWord(name)).toBe(bySplit(name));
  });

  it('agrees with a split on arbitrary strings', () => {
    const piece = fc.constantFrom('Mr.', 'Mrs', 'Dr.', 'Jane', 'Doe', ' ', '\u00a0', '\u2003', '\n', '\t', '.', '..', 'İ', 'Σ', 'ǅ', '\ufeff', '\u180e', '\u200b');
    const str = fc.array(fc.oneof(piece, fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(str, (s) => {
        expect(firstWord(s)).toBe(bySplit(s));
      }),
      { seed: 20261125, numRuns: 3000 },
    );
  });
});
