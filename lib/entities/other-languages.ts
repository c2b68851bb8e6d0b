/**
 * Entities of a text in a language the entity model was not trained on. The
 * tagger learned English (CoNLL-2003): on German it takes every capitalised noun
 * ("Jahr", "Hälfte", "Radwegenetz") for a name, and its types are guesses. So of
 * what it found, only what the name lists vouch for independently is kept:
 *
 *  - a person when the tagger says person AND the name is two or three
 *    capitalised words opening with a known first name ("Thomas Krüger"); with
 *    both signals agreeing a noun phrase is very unlikely. Names whose first
 *    names the (English-news) lists lack ("Sabine Hellwig") are lost: an empty
 *    list is better than a wrong one.
 *  - a place when the name is a country or region of the lists (or the
 *    canonical form of one, "United States" for "USA"). The gazetteer's city
 *    list is not used: it was built as a tagger feature and holds brands and
 *    first names besides cities ("Honda", "Nokia", "Alicia", "Donna"), so a hit
 *    there is no evidence of a place in a text the tagger cannot read.
 *  - organizations never: nothing in the lists tells an organization from a
 *    capitalised noun phrase.
 */
import type { Entity } from '../types';
import { gazetteer } from './gazetteer';
import { PLACE_ALIASES } from './lexicon';
import { tokenize } from './tokenize';

/** A capitalised word of a name, not shouted ("Krüger", "O'Neill", "McKay", "Müller-Lüdenscheidt"). */
const isNameWord = (w: string) => /^\p{Lu}[\p{L}\p{M}'’-]*$/u.test(w) && /\p{Ll}/u.test(w);
/** A middle initial ("J."). */
const INITIAL = /^\p{Lu}\.$/u;

const CANONICAL_PLACES = new Set(Object.values(PLACE_ALIASES));

function isListedPerson(words: string[]): boolean {
  if (words.length < 2 || words.length > 3) return false;
  const first = words[0].toLowerCase();
  const gaz = gazetteer();
  // "Will", "Hope", "Rose": first names that are also everyday words.
  if (!isNameWord(words[0]) || !gaz.isFirstName(first) || gaz.common.has(first)) return false;
  const last = words.length - 1;
  return words.slice(1).every((w, i) => isNameWord(w) || (i + 1 < last && INITIAL.test(w)));
}

/** The list categories the whole name matches, as one word or as one phrase; empty when it matches none. */
function listedAs(words: string[]): string[] {
  if (words.length === 0) return [];
  const labels = gazetteer().label(words, words.map((w) => w.toLowerCase()));
  if (words.length === 1) return labels[0] === '-' ? [] : labels[0].split(',');
  const cat = labels[0].startsWith('B') ? labels[0].slice(1) : null;
  return cat && labels.slice(1).every((l) => l === 'I' + cat) ? [cat] : [];
}

function isListedPlace(e: Entity, words: string[]): boolean {
  if (CANONICAL_PLACES.has(e.name)) return true;
  const cats = listedAs(words);
  if (!cats.includes('country')) return false;
  // Some countries name people too ("Georgia"): then the tagger's type must agree.
  return e.type === 'place' || !cats.some((c) => c === 'first' || c === 'last');
}

/** The entities the name lists vouch for, in their order; places typed as places. */
export function entitiesForOtherLanguages(entities: Entity[]): Entity[] {
  const out: Entity[] = [];
  for (const e of entities) {
    const words = tokenize(e.name).map((t) => t.norm);
    if (e.type === 'person' && isListedPerson(words)) out.push(e);
    else if (isListedPlace(e, words)) out.push(e.type === 'place' ? e : { ...e, type: 'place' });
  }
  return out;
}
