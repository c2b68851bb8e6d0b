/**
 * `npm run build:name-genders`: writes lib/quotes/name-genders.json, the first
 * names whose gender the quotes' pronoun resolution may use beyond the short
 * hand-written list in lib/quotes/gender.ts: every first name of
 * sigpwned/popular-names-by-country-dataset (CC0, in ../shared/corpora/gazetteer/raw)
 * given for one gender only in all 106 countries, without accents, leaving out
 * the hand-written ones, front-coded as the entity gazetteer is. A name given for
 * both (Andrea, Luca, Charlie) stays unknown; so does one in another script.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeWords } from '../lib/entities/front-coding';
import { FEMALE_NAMES, foldAccents, MALE_NAMES } from '../lib/quotes/gender';
import { PROJECT_ROOT as ROOT, SHARED_DIR as SHARED } from '../test/support/shared';

const CSV = join(SHARED, 'corpora/gazetteer/raw/names-common-forenames-by-country.csv');
if (!existsSync(CSV)) {
  console.log(`[skip] ${CSV} is absent: cannot build the name genders.`);
  process.exit(0);
}

/** One CSV line's fields (the file quotes no field that holds a comma, but read quotes anyway). */
const fields = (line: string) => [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[2] ?? m[1]);

const [header, ...rows] = readFileSync(CSV, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
const col = fields(header);
const gender = col.indexOf('Gender');
const names = [col.indexOf('Romanized Name'), col.indexOf('Localized Name')];
const seen = new Map<string, Set<string>>();
for (const row of rows) {
  const f = fields(row);
  for (const i of names) {
    const name = foldAccents(f[i]?.trim().toLowerCase() ?? '');
    if (!/^[a-z'-]+$/.test(name)) continue;
    if (!seen.has(name)) seen.set(name, new Set());
    seen.get(name)!.add(f[gender]);
  }
}
const handWritten = (n: string) => FEMALE_NAMES.has(n) || MALE_NAMES.has(n);
const only = (g: string) => [...seen].filter(([n, gs]) => gs.size === 1 && gs.has(g) && !handWritten(n)).map(([n]) => n).sort();
const out = { female: encodeWords(only('F')), male: encodeWords(only('M')) };
writeFileSync(join(ROOT, 'lib/quotes/name-genders.json'), JSON.stringify(out) + '\n');
console.log(`name genders: ${only('F').length} female, ${only('M').length} male, ${[...seen].filter(([, g]) => g.size > 1).length} both`);
