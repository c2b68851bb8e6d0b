/**
 * The sentences a reader sees for the limits of a reading (`Analysis.limits`),
 * one place so the popup and the CLI report say the same thing.
 */
import type { AnalysisLimits, PageLimits } from './types';

const ENTITY_NOTES: Record<NonNullable<AnalysisLimits['entities']>, string> = {
  language: 'Names are recognised in English articles only.',
};

/** What to say above the entity list, or null when entities were not limited. */
export function entityLimitNote(limits: AnalysisLimits | undefined): string | null {
  const why = limits?.entities;
  return why && Object.hasOwn(ENTITY_NOTES, why) ? ENTITY_NOTES[why] : null;
}

const n = (x: number) => x.toLocaleString('en');

/** The sentences saying what of an oversized page or file was not read, in the order the cuts were made. */
export function pageLimitNotes(page: PageLimits | undefined): string[] {
  if (!page || typeof page !== 'object') return [];
  const out: string[] = [];
  const ok = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;
  if (ok(page.fileBytes)) out.push(`The file is very large: Lede read only its first ${(page.fileBytes / 1e6).toFixed(1)} MB.`);
  if (ok(page.htmlChars)) out.push(`The page is very large: Lede read only the first ${n(page.htmlChars)} characters of its HTML.`);
  if (ok(page.elements)) out.push(`The page has more than ${n(page.elements)} elements: Lede read only the first ${n(page.elements)}.`);
  if (ok(page.depth)) out.push(`The page is nested more than ${n(page.depth)} levels deep: Lede read what lies deeper as flat text.`);
  return out;
}

/** Two readings' page limits as one (the CLI's cut of the file, then extraction's of the page). */
export function mergePageLimits(a: PageLimits | undefined, b: PageLimits | undefined): PageLimits | undefined {
  if (!a || !Object.keys(a).length) return b && Object.keys(b).length ? b : undefined;
  if (!b || !Object.keys(b).length) return a;
  return { ...a, ...b };
}
