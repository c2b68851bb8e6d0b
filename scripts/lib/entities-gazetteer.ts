/**
 * Derives lib/entities/gazetteer.json from ../shared/corpora/gazetteer: all first
 * names and surnames (small lists), everyday country names (ISO short names with
 * their parenthesised qualifiers cut: "Bolivia (Plurinational State of)" →
 * "Bolivia"), and only the cities that news text actually names: GeoNames cities
 * counted in the BBC News articles of ../shared/corpora/bbc-summary-dev, kept when
 * named at least twice and not also a common lower-case word or a person's name (the full list of 32k cities would not fit the content
 * script's size budget). Also the common lower-case words of the same BBC text,
 * which are names only by accident of a sentence start. Deterministic: sorted output.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { tokenize } from '../../lib/entities/tokenize';
import type { GazetteerLists } from '../../lib/entities/gazetteer';

const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function buildGazetteer(shared: string): GazetteerLists {
  const g = join(shared, 'corpora/gazetteer');
  const first = [...new Set(lines(join(g, 'first_names.txt')))].sort();
  const last = [...new Set(lines(join(g, 'surnames.txt')))].sort();
  const country = [
    ...new Set(
      [...lines(join(g, 'countries.txt')), ...lines(join(g, 'countries_geonames.txt'))]
        .map((c) => c.replace(/\s*\(.*\)\s*$/, '').trim())
        .filter((c) => c && !c.includes(',')),
    ),
  ].sort();

  // Count how often each capitalised n-gram (n ≤ 4) occurs in the BBC news text.
  const bbc = join(shared, 'corpora/bbc-summary-dev/news-articles');
  const grams = new Map<string, number>();
  const lowerWords = new Map<string, number>();
  const capMid = new Map<string, number>();
  for (const cat of readdirSync(bbc).sort()) {
    for (const f of readdirSync(join(bbc, cat)).sort()) {
      const words = tokenize(readFileSync(join(bbc, cat, f), 'latin1')).map((t) => t.norm);
      for (let i = 0; i < words.length; i++) {
        if (!/^\p{Lu}/u.test(words[i])) {
          lowerWords.set(words[i], (lowerWords.get(words[i]) ?? 0) + 1);
          continue;
        }
        if (i > 0 && !/^[.!?"'\n:]$/.test(words[i - 1])) {
          const l = words[i].toLowerCase();
          capMid.set(l, (capMid.get(l) ?? 0) + 1);
        }
        let key = '';
        for (let k = 0; k < 4 && i + k < words.length; k++) {
          key = k ? key + ' ' + words[i + k] : words[i];
          grams.set(key, (grams.get(key) ?? 0) + 1);
        }
      }
    }
  }
  // A city named like a common word ("Along", "Bath") or a person ("Austin") would teach the wrong thing.
  const countries = new Set(country);
  const names = new Set([...first, ...last]);
  const city = [
    ...new Set(
      lines(join(g, 'cities.txt')).filter((c) => {
        const key = tokenize(c)
          .map((t) => t.norm)
          .join(' ');
        if (countries.has(c) || names.has(c) || (lowerWords.get(c.toLowerCase()) ?? 0) > 0) return false;
        return (grams.get(key) ?? 0) >= 2;
      }),
    ),
  ].sort();
  // Common lower-case words of news prose ("once", "historically"): capitalised only where a sentence starts.
  const common = [...lowerWords.entries()]
    .filter(([w, n]) => w.length >= 4 && /^\p{Ll}+$/u.test(w) && n >= 8 && n >= 3 * (capMid.get(w) ?? 0))
    .map(([w]) => w)
    .sort();
  return { first, last, city, country, common, ...compromiseLists() };
}

/**
 * compromise as one signal among the tagger's features: the organizations and
 * sports teams of its lexicon ("Aston Villa", "Procter & Gamble") and its
 * demonyms ("Brazilian"). Read at training time only: the lists, not compromise
 * itself (about 120 KB gzipped), go into the content script.
 */
function compromiseLists(): { org: string[]; demonym: string[] } {
  const lexicon = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon;
  const org = new Set<string>();
  const demonym = new Set<string>();
  for (const [word, tags] of Object.entries(lexicon)) {
    const t = Array.isArray(tags) ? tags : [tags];
    if (t.includes('Organization') || t.includes('SportsTeam')) org.add(word);
    if (t.includes('Demonym')) demonym.add(word);
  }
  return { org: [...org].sort(), demonym: [...demonym].sort() };
}
