/**
 * Gazetteer lookup for tagger features: is this capitalised word a known first
 * name, surname, city, country or region, or part of a known multi-word place
 * ("New York", "Middle East")? The lists (gazetteer.json, each list
 * front-coded: front-coding.ts) are derived by scripts/train-entities.ts from
 * ../shared/corpora/gazetteer (see lib/entities/ATTRIBUTION.md); regions and
 * everyday country names come from lexicon.ts.
 */
import { ENTITY_DATA } from './data';
import { decodeWords, encodeWords } from './front-coding';
import { PLACE_ALIASES, REGIONS } from './lexicon';
import { tokenize } from './tokenize';

export interface GazetteerLists {
  first: string[];
  last: string[];
  city: string[];
  country: string[];
  /** Common lower-case words of news prose (derived from BBC News text, see ATTRIBUTION.md). */
  common: string[];
  /** Organizations and sports teams of compromise's lexicon (see ATTRIBUTION.md). */
  org: string[];
  /** Demonyms of compromise's lexicon ("Brazilian"): CoNLL tags them MISC, not places. */
  demonym: string[];
}

type Category = 'first' | 'last' | 'city' | 'country' | 'org' | 'demonym';
const MAX_PHRASE = 5;

/** A multi-word name of the lists: its lower-cased words, its category, and its B- and I- labels. */
export interface GazetteerPhrase {
  words: string[];
  cat: string;
  begin: string;
  inside: string;
}

export class GazetteerIndex {
  private single = new Map<string, string>();
  /** Multi-word names by first word, longest first, with their B- and I- labels made once. */
  private phrases = new Map<string, GazetteerPhrase[]>();
  /** Lower-cased common words. */
  readonly common: Set<string>;

  constructor(lists: GazetteerLists) {
    this.common = new Set(lists.common);
    // Phrases already listed, joined by spaces: the first listing of a phrase is kept.
    const listed = new Set<string>();
    const add = (name: string, cat: Category) => {
      // A name of ASCII letters and digits alone is one token, itself (most of the lists): not tokenized.
      const words = isPlainWord(name) ? [name.toLowerCase()] : tokenize(name).map((t) => t.norm.toLowerCase());
      if (words.length === 0 || words.length > MAX_PHRASE) return;
      if (words.length === 1) {
        const had = this.single.get(words[0]);
        if (!had) this.single.set(words[0], cat);
        else if (!had.split(',').includes(cat)) this.single.set(words[0], [...had.split(','), cat].sort().join(','));
      } else {
        const list = this.phrases.get(words[0]) ?? [];
        const key = words.join(' ');
        if (!listed.has(key)) {
          listed.add(key);
          list.push({ words, cat, begin: 'B' + cat, inside: 'I' + cat });
        }
        this.phrases.set(words[0], list);
      }
    };
    for (const n of lists.first) add(n, 'first');
    for (const n of lists.last) add(n, 'last');
    for (const n of lists.city) add(n, 'city');
    for (const n of lists.country) add(n, 'country');
    for (const n of lists.org) add(n, 'org');
    for (const n of lists.demonym) add(n, 'demonym');
    for (const n of REGIONS) add(n, 'country');
    for (const n of Object.keys(PLACE_ALIASES)) add(n, 'country');
    for (const list of this.phrases.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  /**
   * One label per token: '-' for none, categories of a capitalised single word
   * (its first letter changed by lower-casing, or A-Z), or B-/I- of a phrase.
   * (The tagger reads the same per word, kept on each: features.ts prepareWords.)
   */
  label(words: string[], lower: string[]): string[] {
    const n = words.length;
    const out: string[] = new Array(n).fill('-');
    for (let i = 0; i < n; i++) {
      const c = words[i].charCodeAt(0);
      if (words[i][0] === lower[i][0] && !(c >= 0x41 && c <= 0x5a)) continue;
      const list = this.phrases.get(lower[i]);
      if (list) {
        const hit = phraseAt(list, lower, i, n);
        if (hit) {
          out[i] = hit.begin;
          for (let k = 1; k < hit.words.length; k++) out[i + k] = hit.inside;
          i += hit.words.length - 1;
          continue;
        }
      }
      const cat = this.single.get(lower[i]);
      if (cat) out[i] = cat;
    }
    return out;
  }

  /**
   * What label() reads of a capitalised word, for callers that keep it per
   * word: the phrases it opens (longest first), its categories as one word.
   */
  phrasesOpenedBy(lower: string): readonly GazetteerPhrase[] | undefined {
    return this.phrases.get(lower);
  }
  categoriesOf(lower: string): string | undefined {
    return this.single.get(lower);
  }

  /** Whether the lower-cased word is a known first name. */
  isFirstName(lower: string): boolean {
    return (this.single.get(lower) ?? '').includes('first');
  }

  /** Whether the lower-cased word is a known first name or surname. */
  isPersonName(lower: string): boolean {
    const cat = this.single.get(lower) ?? '';
    return cat.includes('first') || cat.includes('last');
  }
}

/** The first (longest) phrase of the list written at lower[i], within the first n words; loops, no closures per word. */
function phraseAt<P extends { words: string[] }>(list: P[], lower: readonly string[], i: number, n: number): P | undefined {
  for (let j = 0; j < list.length; j++) {
    const words = list[j].words;
    let k = 0;
    while (k < words.length && i + k < n && lower[i + k] === words[k]) k++;
    if (k === words.length) return list[j];
  }
  return undefined;
}

/** The lists as gazetteer.json stores them: each one front-coded. */
export type CodedGazetteerLists = Record<keyof GazetteerLists, string>;

export function encodeGazetteer(lists: GazetteerLists): CodedGazetteerLists {
  return Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, encodeWords(v)])) as CodedGazetteerLists;
}

export function decodeGazetteer(coded: CodedGazetteerLists): GazetteerLists {
  return Object.fromEntries(Object.entries(coded).map(([k, v]) => [k, decodeWords(v)])) as unknown as GazetteerLists;
}

/** Only ASCII letters and digits, at least one. */
function isPlainWord(s: string): boolean {
  if (!s.length) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}

let shared: GazetteerIndex | null = null;
/** The gazetteer built from the committed lists, built once on first use. */
export function gazetteer(): GazetteerIndex {
  shared ??= new GazetteerIndex(decodeGazetteer(ENTITY_DATA.gazetteer));
  return shared;
}
