/** The human-readable report `lede analyze` prints without --json. */
import type { Analysis, EntityType, NoArticle } from '../lib/types';
import { sourceNames } from '../lib/extract/metadata';
import { entityLimitNote, pageLimitNotes } from '../lib/limits';

const TYPE_HEADINGS: [EntityType, string][] = [
  ['person', 'People'],
  ['organization', 'Organizations'],
  ['place', 'Places'],
];

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export function formatReport(file: string, a: Analysis): string {
  const out: string[] = [];
  out.push(`== ${file}`);
  out.push(`Title: ${a.title ?? '(untitled)'}`);
  const meta = [...sourceNames(a).reverse(), a.lang && `lang ${a.lang}`].filter(Boolean).join(' · ');
  if (meta) out.push(meta);
  out.push(`${a.stats.words} words, ${a.stats.readingMinutes} min read`);
  for (const note of pageLimitNotes(a.limits?.page)) out.push(`Note: ${note}`);
  if (a.truncated) out.push(`Note: the article is long; only its first ${a.truncated.analyzedChars} of ${a.truncated.originalChars} characters were analyzed.`);
  out.push('', 'Key sentences:');
  if (a.summary.length === 0) out.push('  (none)');
  a.summary.forEach((s, i) => {
    const span = a.sentences[s.sentence];
    out.push(`  ${i + 1}. ${oneLine(a.text.slice(span.start, span.end))}`);
  });
  out.push('');
  const note = entityLimitNote(a.limits);
  if (note) out.push(`Note: ${note}`);
  for (const [type, heading] of TYPE_HEADINGS) {
    const list = a.entities.filter((e) => e.type === type).sort((x, y) => y.count - x.count || x.name.localeCompare(y.name));
    out.push(`${heading}: ${list.length ? list.map((e) => `${e.name} (${e.count})`).join(', ') : '(none)'}`);
  }
  out.push('', 'Quotes:');
  if (a.quotes.length === 0) out.push('  (none)');
  for (const q of a.quotes) out.push(`  “${oneLine(q.text)}” — ${q.speaker ?? 'unattributed'}`);
  out.push(`(${a.timingMs.total.toFixed(1)} ms)`);
  return out.join('\n');
}

export function formatNoArticle(file: string, r: NoArticle): string {
  return `== ${file}\nNo article: ${r.message}`;
}
