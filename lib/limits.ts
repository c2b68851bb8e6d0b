/**
 * The sentences a reader sees for the limits of a reading (`Analysis.limits`),
 * one place so the popup and the CLI report say the same thing.
 */
import type { AnalysisLimits } from './types';

const ENTITY_NOTES: Record<NonNullable<AnalysisLimits['entities']>, string> = {
  language: 'Names are recognised in English articles only.',
};

/** What to say above the entity list, or null when entities were not limited. */
export function entityLimitNote(limits: AnalysisLimits | undefined): string | null {
  const why = limits?.entities;
  return why && Object.hasOwn(ENTITY_NOTES, why) ? ENTITY_NOTES[why] : null;
}
