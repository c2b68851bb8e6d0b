/**
 * The product on real article pages (../shared/corpora/readability-pages/<page>/source.html,
 * read as the CLI reads a file), its listed names judged by entities-precision.ts:
 * the share judged wrong, by type, for each half of a deterministic split of the pages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { parseHtmlDocument } from '../../cli/dom';
import { analyze } from '../../lib/analyze';
import type { EntityType } from '../../lib/types';
import { halfOf, judge, type Lists, type Verdict } from './entities-precision';

export const TYPES: EntityType[] = ['person', 'organization', 'place'];

export interface HalfCounts {
  pages: number;
  listed: Record<EntityType, number>;
  verdicts: Record<EntityType, Record<Verdict, number>>;
  /** Names judged wrong, "name (type: rule)", in page order. */
  wrong: string[];
  /** Names no list vouches for, "name (type; page)". */
  unverified: string[];
}

const emptyHalf = (): HalfCounts => ({
  pages: 0,
  listed: { person: 0, organization: 0, place: 0 },
  verdicts: Object.fromEntries(TYPES.map((t) => [t, { wrong: 0, right: 0, unverified: 0 }])) as HalfCounts['verdicts'],
  wrong: [],
  unverified: [],
});

/** Pages with a source.html, in name order. */
export function pageNames(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((p) => existsSync(join(dir, p, 'source.html')))
    .sort();
}

export type Halves = Record<'tune' | 'held-out', HalfCounts>;

/**
 * Every page's listed names judged, counted per half ("tune", "held-out"): the
 * product's (`lede`), and compromise's people, organizations and places on the
 * same article text, one per distinct name and type (`compromise`).
 */
export function judgePages(dir: string, lists: Lists): { lede: Halves; compromise: Halves } {
  const out = { lede: { tune: emptyHalf(), 'held-out': emptyHalf() }, compromise: { tune: emptyHalf(), 'held-out': emptyHalf() } };
  for (const page of pageNames(dir)) {
    const doc = parseHtmlDocument(readFileSync(join(dir, page, 'source.html'), 'utf8'), 'http://fakehost/test/page.html');
    const a = analyze(doc, { ownsDocument: true });
    if (!a.ok) continue;
    const half = halfOf(page);
    count(out.lede[half], page, a.entities, lists);
    count(out.compromise[half], page, compromiseNames(a.text), lists);
  }
  return out;
}

function count(half: HalfCounts, page: string, names: { name: string; type: EntityType }[], lists: Lists): void {
  half.pages++;
  for (const e of names) {
    const { verdict, rule } = judge(e.name, e.type, lists);
    half.listed[e.type]++;
    half.verdicts[e.type][verdict]++;
    if (verdict === 'wrong') half.wrong.push(`${e.name} (${e.type}: ${rule}; ${page})`);
    if (verdict === 'unverified') half.unverified.push(`${e.name} (${e.type}; ${page})`);
  }
}

/** compromise's people, organizations and places of a text, each distinct name and type once. */
function compromiseNames(text: string): { name: string; type: EntityType }[] {
  const doc = nlp(text);
  const seen = new Map<string, { name: string; type: EntityType }>();
  const add = (names: string[], type: EntityType) => {
    for (const raw of names) {
      const name = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '').replace(/['’]s$/u, '').trim();
      if (name && !seen.has(type + ':' + name)) seen.set(type + ':' + name, { name, type });
    }
  };
  add(doc.people().out('array') as string[], 'person');
  add(doc.organizations().out('array') as string[], 'organization');
  add(doc.places().out('array') as string[], 'place');
  return [...seen.values()];
}

/** Share of the listed names of a type judged wrong (0 when none listed). */
export function wrongShare(h: HalfCounts, type?: EntityType): number {
  const types = type ? [type] : TYPES;
  const listed = types.reduce((n, t) => n + h.listed[t], 0);
  return listed ? types.reduce((n, t) => n + h.verdicts[t].wrong, 0) / listed : 0;
}
