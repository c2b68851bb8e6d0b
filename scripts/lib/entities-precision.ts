/**
 * Precision of the listed names on real article pages, where there is no gold:
 * a fixed set of automatic rules says when a listed person, organization or
 * place is wrong. The rules read lists that the product does not ship (the full
 * ../shared gazetteer, compromise's lexicon, the lower-case words of CoNLL-2003
 * train) and a stoplist of site furniture written here, so the judge is not the
 * product's own lists read back. RULES says them in words, for the eval output.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tokenize } from '../../lib/entities/tokenize';
import { join } from 'node:path';
import nlp from 'compromise';
import type { EntityType } from '../../lib/types';
import { readIob } from './entities-data';
import { partOf } from '../eval/holdout';

export const RULES = [
  'a listed name is judged WRONG when one of these holds (else it is counted right; "unverified" says how many no list vouches for):',
  '  any type: a word is site furniture or an interjection (FURNITURE), or the name is one common lower-case word (written in',
  '    lower case 3+ times in CoNLL-2003 train and the BBC News articles, capitalised mid-sentence at most a fifth as often) and no',
  '    known name, place or organization;',
  '  person: its last word is a street, building, landmark or organization word; or the whole name is a country, a region, a',
  '    well-known city (compromise), a GeoNames place of 2+ words or a known organization, and its first word is no given name;',
  '  place: the name is a demonym or adjective (compromise); or it holds a person title ("Mayor", "Governor"); or it is a known',
  '    given name then 1-2 more words, not a known place and with no place word; or a known organization that is not a known place;',
  '  organization: a known given name then 1-2 more words, with no organization word and not a known organization; or a',
  '    country name exactly; or a demonym.',
  'unverified: person with no word a known given name or surname; place not a known place and with no place word;',
  '  organization not a known organization and with no organization word.',
  'compromise alone is judged by the same rules, but its own lexicon is among the lists they read, so its figure is flattered.',
].join('\n');

/** Site furniture, units of reading time and interjections: never a name. */
export const FURNITURE = new Set([
  'oh', 'yeah', 'yes', 'ok', 'okay', 'wow', 'hey', 'hmm', 'uh', 'um', 'lol', 'email', 'e-mail', 'share', 'tweet', 'print',
  'comment', 'comments', 'reply', 'subscribe', 'newsletter', 'login', 'logout', 'menu', 'search', 'read', 'min', 'mins',
  'hr', 'hrs', 'ago', 'updated', 'posted', 'published', 'advertisement', 'sponsored', 'related', 'video', 'photo',
  'photos', 'click', 'copyright', 'privacy', 'cookies', 'facebook-share', 'whatsapp-share', 'loading',
]);

const PERSON_ENDS = new Set([
  'street', 'st.', 'avenue', 'ave', 'road', 'boulevard', 'lane', 'drive', 'square', 'plaza', 'palace', 'castle', 'hall',
  'church', 'cathedral', 'chapel', 'tower', 'building', 'bridge', 'park', 'center', 'centre', 'stadium', 'arena',
  'airport', 'station', 'hotel', 'museum', 'school', 'university', 'college', 'hospital', 'inc', 'inc.', 'corp', 'ltd',
  'company', 'group', 'party', 'club', 'council', 'committee', 'department', 'ministry', 'news', 'times', 'post',
]);
const PLACE_WORDS = new Set([
  'street', 'avenue', 'road', 'boulevard', 'square', 'county', 'city', 'river', 'lake', 'mountain', 'island', 'islands',
  'bay', 'coast', 'beach', 'valley', 'park', 'province', 'state', 'district', 'region', 'north', 'south', 'east', 'west',
  'peninsula', 'sea', 'ocean', 'gulf', 'strait', 'desert', 'forest', 'hills', 'heights', 'springs', 'falls', 'port',
]);
const ORG_WORDS = new Set([
  'inc', 'inc.', 'corp', 'corp.', 'co', 'co.', 'ltd', 'llc', 'plc', 'group', 'bank', 'party', 'ministry', 'department',
  'university', 'college', 'institute', 'school', 'council', 'committee', 'commission', 'agency', 'association',
  'union', 'league', 'club', 'foundation', 'society', 'court', 'parliament', 'congress', 'senate', 'army', 'police',
  'times', 'post', 'news', 'press', 'journal', 'media', 'network', 'house', 'fc', 'united', 'city', 'company',
]);
const PERSON_TITLES = new Set([
  'mayor', 'governor', 'gov.', 'president', 'senator', 'sen.', 'minister', 'secretary', 'mr.', 'mrs.', 'ms.', 'dr.',
  'judge', 'chancellor', 'rep.', 'sheriff', 'ceo', 'chairman', 'spokesman', 'spokeswoman',
]);

export interface Lists {
  common: Set<string>;
  given: Set<string>;
  surname: Set<string>;
  place: Set<string>;
  /** Countries, regions and the well-known cities of compromise's lexicon: a place whatever else it may be. */
  majorPlace: Set<string>;
  country: Set<string>;
  org: Set<string>;
  adjective: Set<string>;
}

const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean);

/** The judge's lists, from ../shared and compromise. */
export function judgeLists(shared: string): Lists {
  const g = join(shared, 'corpora/gazetteer');
  const country = new Set([...lines(join(g, 'countries.txt')), ...lines(join(g, 'countries_geonames.txt'))]);
  const lists: Lists = {
    common: commonWords(shared),
    given: new Set(lines(join(g, 'first_names.txt'))),
    surname: new Set(lines(join(g, 'surnames.txt'))),
    place: new Set([...lines(join(g, 'cities.txt')), ...country]),
    majorPlace: new Set(country),
    country,
    org: new Set(),
    adjective: new Set(),
  };
  const lexicon = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon;
  for (const [word, tags] of Object.entries(lexicon)) {
    const t = new Set(Array.isArray(tags) ? tags : [tags]);
    if (t.has('FirstName') || t.has('MaleName') || t.has('FemaleName')) lists.given.add(word);
    if (t.has('LastName')) lists.surname.add(word);
    if (t.has('City') || t.has('Country') || t.has('Region') || t.has('Place')) lists.place.add(word);
    if (t.has('Country')) lists.country.add(word);
    if (t.has('City') || t.has('Country') || t.has('Region')) lists.majorPlace.add(word);
    if (t.has('Organization') || t.has('SportsTeam') || t.has('Company')) lists.org.add(word);
    if (t.has('Demonym') || t.has('Adjective')) lists.adjective.add(word);
  }
  return lists;
}

/**
 * Words written in lower case 3+ times and capitalised mid-sentence at most a
 * fifth as often, in CoNLL-2003 train and the BBC News articles together.
 */
function commonWords(shared: string): Set<string> {
  const lower = new Map<string, number>();
  const capMid = new Map<string, number>();
  const count = (tokens: string[]) =>
    tokens.forEach((t, i) => {
      const l = t.toLowerCase();
      if (t === l) lower.set(l, (lower.get(l) ?? 0) + 1);
      else if (i > 0 && !/^[.!?"'\u201c:]$/u.test(tokens[i - 1])) capMid.set(l, (capMid.get(l) ?? 0) + 1);
    });
  for (const d of readIob(join(shared, 'corpora/conll2003-train/train.iob2.jsonl'))) for (const s of d.sentences) count(s.tokens);
  const bbc = join(shared, 'corpora/bbc-summary-dev/news-articles');
  if (existsSync(bbc))
    for (const cat of readdirSync(bbc).sort())
      for (const f of readdirSync(join(bbc, cat)).sort()) count(tokenize(readFileSync(join(bbc, cat, f), 'latin1')).map((t) => t.norm));
  const out = new Set<string>();
  for (const [w, n] of lower) if (n >= 3 && /\p{L}/u.test(w) && (capMid.get(w) ?? 0) * 5 <= n) out.add(w);
  return out;
}

export type Verdict = 'wrong' | 'right' | 'unverified';

/** What the rules say of a name listed as `type`, and the rule that decided. */
export function judge(name: string, type: EntityType, lists: Lists): { verdict: Verdict; rule: string } {
  const words = name.toLowerCase().split(/\s+/).filter(Boolean);
  const whole = words.join(' ');
  const last = words[words.length - 1];
  const knownName = (w: string) => lists.given.has(w) || lists.surname.has(w);
  const knownPlace = lists.place.has(whole);
  const knownOrg = lists.org.has(whole);
  const givenThenMore = words.length >= 2 && words.length <= 3 && lists.given.has(words[0]);
  if (words.some((w) => FURNITURE.has(w))) return { verdict: 'wrong', rule: 'furniture' };
  if (words.length === 1 && lists.common.has(whole) && !knownName(whole) && !knownPlace && !knownOrg) return { verdict: 'wrong', rule: 'a common word' };
  if (type === 'person') {
    if (PERSON_ENDS.has(last)) return { verdict: 'wrong', rule: 'street/building/organization word' };
    const place = lists.majorPlace.has(whole) || (words.length > 1 && knownPlace);
    if ((place || knownOrg) && !lists.given.has(words[0])) return { verdict: 'wrong', rule: 'a known place or organization' };
    return { verdict: words.some(knownName) ? 'right' : 'unverified', rule: '' };
  }
  if (type === 'place') {
    if (lists.adjective.has(whole) && !knownPlace) return { verdict: 'wrong', rule: 'demonym/adjective' };
    if (words.some((w) => PERSON_TITLES.has(w))) return { verdict: 'wrong', rule: 'person title' };
    const placeWord = words.some((w) => PLACE_WORDS.has(w));
    if (givenThenMore && !knownPlace && !placeWord) return { verdict: 'wrong', rule: 'a person name' };
    if (knownOrg && !knownPlace) return { verdict: 'wrong', rule: 'a known organization' };
    return { verdict: knownPlace || placeWord ? 'right' : 'unverified', rule: '' };
  }
  const orgWord = words.some((w) => ORG_WORDS.has(w));
  if (givenThenMore && !orgWord && !knownOrg) return { verdict: 'wrong', rule: 'a person name' };
  if (lists.country.has(whole)) return { verdict: 'wrong', rule: 'a country' };
  if (lists.adjective.has(whole) && !knownOrg) return { verdict: 'wrong', rule: 'demonym/adjective' };
  return { verdict: knownOrg || orgWord ? 'right' : 'unverified', rule: '' };
}

/** Which half of the split a page is in (by its folder name): the split every eval uses, scripts/eval/holdout.ts. */
export const halfOf = partOf;
