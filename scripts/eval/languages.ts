/**
 * `npm run eval:languages`: which readings the pipeline treats as English (the
 * entity model applies) and which as another language (entities limited to the
 * names the lists vouch for, `Analysis.limits.entities = 'language'`), on real
 * pages and texts from ../shared/corpora:
 *   - readability-pages: Readability's test pages (their `lang` as declared);
 *   - extraction-dev: the article-extraction-benchmark pages;
 *   - bbc-summary-dev: English BBC News texts, given as text (no declared language).
 *
 * Per corpus: readings, how many are judged English, how many have entities
 * limited, and where the judgement overrules the declared language (both ways),
 * with the English function-word share that decided it. For the limited
 * readings: entities the tagger alone finds vs those kept. Prints tables,
 * writes build/eval/languages.json.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseHtmlDocument } from '../../cli/dom';
import { decodeText } from '../../cli/read-input';
import { findEntities } from '../../lib/entities';
import { entitiesForOtherLanguages } from '../../lib/entities/other-languages';
import { extractArticle } from '../../lib/extract';
import { isEnglishText, languageEvidence, primaryLanguage } from '../../lib/language';
import { splitSentences } from '../../lib/sentences';
import { PROJECT_ROOT as ROOT, SHARED_DIR as SHARED } from '../../test/support/shared';

const CORPORA = join(SHARED, 'corpora');
const OUT_DIR = join(ROOT, 'build/eval');

interface Reading {
  id: string;
  declared: string | null;
  words: number;
  englishShare: number;
  latin: number;
  english: boolean;
  /** For limited readings: entities found by the tagger, and kept. */
  tagged?: number;
  kept?: number;
}

function judge(id: string, text: string, declared: string | null): Reading {
  const e = languageEvidence(text);
  const english = isEnglishText(text, declared);
  const r: Reading = { id, declared, words: e.words, englishShare: e.englishShare, latin: e.latin, english };
  if (!english) {
    const found = findEntities(text, splitSentences(text));
    r.tagged = found.length;
    r.kept = entitiesForOtherLanguages(found).length;
  }
  return r;
}

function fromHtml(id: string, html: string): Reading | null {
  try {
    const a = extractArticle(parseHtmlDocument(html));
    if ('ok' in a || !a.text.trim()) return null;
    return judge(id, a.text, a.lang);
  } catch {
    return null;
  }
}

const corpora: Record<string, Reading[]> = {};

const rp = join(CORPORA, 'readability-pages');
if (existsSync(rp)) {
  corpora['readability-pages'] = readdirSync(rp)
    .filter((d) => existsSync(join(rp, d, 'source.html')))
    .map((d) => fromHtml(d, readFileSync(join(rp, d, 'source.html'), 'utf8')))
    .filter((r): r is Reading => r !== null);
} else console.log(`languages: ${rp} is absent (skipped).`);

const ed = join(CORPORA, 'extraction-dev/html');
if (existsSync(ed)) {
  corpora['extraction-dev'] = readdirSync(ed)
    .filter((f) => f.endsWith('.html.gz'))
    .map((f) => fromHtml(f.replace('.html.gz', ''), decodeText(gunzipSync(readFileSync(join(ed, f))))))
    .filter((r): r is Reading => r !== null);
} else console.log(`languages: ${ed} is absent (skipped).`);

const bbc = join(CORPORA, 'bbc-summary-dev/news-articles');
if (existsSync(bbc)) {
  corpora['bbc-summary-dev (text)'] = readdirSync(bbc).flatMap((c) =>
    readdirSync(join(bbc, c)).map((f) => judge(`${c}/${f}`, readFileSync(join(bbc, c, f), 'utf8'), null)),
  );
} else console.log(`languages: ${bbc} is absent (skipped).`);

const declaredEn = (r: Reading) => primaryLanguage(r.declared) === 'en';
const declaredOther = (r: Reading) => r.declared !== null && primaryLanguage(r.declared) !== 'en';

const summary = Object.entries(corpora).map(([name, rs]) => {
  const limited = rs.filter((r) => !r.english);
  return {
    corpus: name,
    readings: rs.length,
    english: rs.length - limited.length,
    limited: limited.length,
    declaredEnLimited: rs.filter((r) => declaredEn(r) && !r.english).map((r) => r.id),
    declaredOtherEnglish: rs.filter((r) => declaredOther(r) && r.english).map((r) => r.id),
    undeclaredLimited: rs.filter((r) => r.declared === null && !r.english).map((r) => r.id),
    limitedByDeclared: Object.fromEntries(
      [...new Set(limited.map((r) => primaryLanguage(r.declared) ?? 'none'))].map((l) => [
        l,
        limited.filter((r) => (primaryLanguage(r.declared) ?? 'none') === l).length,
      ]),
    ),
    entitiesTagged: limited.reduce((s, r) => s + (r.tagged ?? 0), 0),
    entitiesKept: limited.reduce((s, r) => s + (r.kept ?? 0), 0),
  };
});

console.log('| corpus | readings | English | limited (by declared lang) | declared en → limited | declared other → English | tagger entities on limited → kept |');
console.log('|---|---|---|---|---|---|---|');
for (const s of summary) {
  const by = Object.entries(s.limitedByDeclared).map(([l, n]) => `${l} ${n}`).join(', ');
  console.log(
    `| ${s.corpus} | ${s.readings} | ${s.english} | ${s.limited}${by ? ` (${by})` : ''} | ${s.declaredEnLimited.length} | ${s.declaredOtherEnglish.length} | ${s.entitiesTagged} → ${s.entitiesKept} |`,
  );
}
for (const [name, rs] of Object.entries(corpora)) {
  const odd = rs.filter((r) => (declaredEn(r) && !r.english) || (declaredOther(r) && r.english));
  for (const r of odd) {
    console.log(`  ${name}/${r.id}: declared ${r.declared}, ${r.words} words, English share ${r.englishShare.toFixed(3)}, Latin ${r.latin.toFixed(2)} → ${r.english ? 'English' : 'limited'}`);
  }
  const english = rs.filter((r) => r.english && r.words >= 40).map((r) => r.englishShare);
  const other = rs.filter((r) => !r.english && r.words >= 40 && r.latin >= 0.5).map((r) => r.englishShare);
  if (english.length) console.log(`  ${name}: lowest English share among English readings ${Math.min(...english).toFixed(3)}${other.length ? `, highest among limited Latin-script ones ${Math.max(...other).toFixed(3)}` : ''}`);
}

mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(join(OUT_DIR, 'languages.json'), JSON.stringify({ summary, readings: corpora }, null, 2));
console.log(`wrote ${join(OUT_DIR, 'languages.json')}`);
