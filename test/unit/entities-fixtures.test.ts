/**
 * findEntities on a team-written article (test/fixtures/entities/harbour-deal.txt,
 * see the README there): the whole reading of one realistic text, with its
 * headline, dateline, titles, aliases, acronym and suffixes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findEntities } from '../../lib/entities';
import { splitSentences } from '../../lib/sentences';
import type { Entity } from '../../lib/types';
import { PROJECT_ROOT } from '../support/shared';

const text = readFileSync(join(PROJECT_ROOT, 'test/fixtures/entities/harbour-deal.txt'), 'utf8');
const entities = findEntities(text, splitSentences(text));
const named = (name: string) => entities.filter((e) => e.name === name);
const one = (name: string): Entity => {
  const found = named(name);
  expect(found, name).toHaveLength(1);
  return found[0];
};
const forms = (e: Entity) => e.mentions.map((m) => text.slice(m.start, m.end));

describe('findEntities on harbour-deal.txt', () => {
  it('finds the people under their full names, later surnames merged, titles left out', () => {
    const elena = one('Elena Vandermeer');
    expect(elena.type).toBe('person');
    expect(forms(elena)).toEqual(['Elena Vandermeer', 'Vandermeer', 'Vandermeer']);
    const tobias = one('Tobias Lindgren');
    expect(tobias.type).toBe('person');
    expect(forms(tobias)).toEqual(['Tobias Lindgren', 'Lindgren', 'Lindgren']);
  });

  it('merges every way of writing the two countries', () => {
    const us = one('United States');
    expect(us.type).toBe('place');
    expect(forms(us)).toEqual(['United States', 'US', 'U.S.']);
    const uk = one('United Kingdom');
    expect(uk.type).toBe('place');
    expect(forms(uk)).toEqual(['Britain', 'UK']);
  });

  it('folds the acronym into the organization named in full before it', () => {
    const imo = one('International Maritime Organization');
    expect(imo.type).toBe('organization');
    expect(imo.aliases).toEqual(['International Maritime Organization', 'IMO']);
    expect(imo.count).toBe(3);
  });

  it('finds organizations by their suffixes, each on its own', () => {
    for (const name of ['Kestrel Freight Inc', 'Ministry of Transport', 'Delft University of Technology']) expect(one(name).type).toBe('organization');
    expect(one('Kestrel Freight Inc').count).toBe(2);
    expect(entities.find((e) => e.name.startsWith('Northway Logistics'))?.type).toBe('organization');
    expect(entities.some((e) => e.name.includes(' and '))).toBe(false);
  });

  it('names a place from its dateline in its ordinary spelling', () => {
    const rotterdam = one('Rotterdam');
    expect(rotterdam.type).toBe('place');
    expect(forms(rotterdam)).toEqual(['ROTTERDAM', 'Rotterdam']);
    for (const name of ['Asia', 'Latin America']) expect(named(name).map((e) => e.type)).toEqual(['place']);
  });

  it('takes no headline, sentence opener, title qualifier or glued verb for a name', () => {
    const all = entities.flatMap((e) => e.aliases);
    for (const wrong of ['Harbour Deal Brings Rare Accord Between Rivals', 'Historically', 'According', 'Both', 'Meanwhile', 'Separately', 'Analysts', 'This', 'Trade', 'Lindgren emphasized', 'Vandermeer said']) {
      expect(all, wrong).not.toContain(wrong);
    }
  });
});
