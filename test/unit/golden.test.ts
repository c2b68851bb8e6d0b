/**
 * The project's first acceptance case: ../shared/golden/us-hamas-talks.txt and
 * its expected reading. Read through the CLI's path for .txt files (the text is
 * the file's exact contents), so every offset indexes the file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/analyze';
import type { Analysis, EntityType } from '../../lib/types';
import { hasShared, sharedPath } from '../support/shared';

interface Expected {
  title: string;
  entities: Record<EntityType, string[]>;
  entities_wrong: string[];
  entities_wrong_types: Partial<Record<EntityType, string[]>>;
  quotes: { text: string; speaker: string }[];
  summary_3_must_include_one_of: string[];
}

describe.skipIf(!hasShared('golden/us-hamas-talks.txt'))('golden: us-hamas-talks', () => {
  const load = () => {
    const text = readFileSync(sharedPath('golden/us-hamas-talks.txt'), 'utf8');
    const expected = JSON.parse(readFileSync(sharedPath('golden/us-hamas-talks.expected.json'), 'utf8')) as Expected;
    const result = analyze(text, { sentences: 3 });
    if (!result.ok) throw new Error(`no article: ${result.message}`);
    return { text, expected, a: result as Analysis };
  };

  it('keeps the file text exactly and detects the title', () => {
    const { text, expected, a } = load();
    expect(a.text).toBe(text);
    expect(a.title).toBe(expected.title);
  });

  it('finds the listed people, organizations and places, aliases merged', () => {
    const { expected, a } = load();
    for (const type of ['person', 'organization', 'place'] as EntityType[]) {
      for (const name of expected.entities[type]) {
        const found = a.entities.filter((e) => e.name === name);
        expect(found.map((e) => e.type), `${name} as ${type}`).toEqual([type]);
      }
    }
    const us = a.entities.find((e) => e.name === 'United States')!;
    const usForms = us.mentions.map((m) => a.text.slice(m.start, m.end));
    expect(usForms).toEqual(expect.arrayContaining(['US', 'United States']));
    const leavitt = a.entities.find((e) => e.name === 'Karoline Leavitt')!;
    expect(leavitt.mentions.map((m) => a.text.slice(m.start, m.end))).toEqual(expect.arrayContaining(['Karoline Leavitt', 'Leavitt']));
    expect(leavitt.count).toBe(leavitt.mentions.length);
  });

  it('finds none of the listed wrong entities', () => {
    const { expected, a } = load();
    const names = new Set(a.entities.flatMap((e) => [e.name, ...e.aliases]));
    for (const wrong of expected.entities_wrong) expect(names.has(wrong), wrong).toBe(false);
  });

  it('types no listed name as what it is not: no person, organization or adjective ("Arab", "Biden") as a place', () => {
    const { expected, a } = load();
    for (const [type, names] of Object.entries(expected.entities_wrong_types) as [EntityType, string[]][]) {
      const typed = a.entities.filter((e) => e.type === type).flatMap((e) => [e.name, ...e.aliases]);
      for (const name of names) expect(typed, `${name} as ${type}`).not.toContain(name);
    }
  });

  it('lists Karoline Leavitt and Adam Boehler as people', () => {
    const { a } = load();
    const people = a.entities.filter((e) => e.type === 'person').map((e) => e.name);
    expect(people).toEqual(expect.arrayContaining(['Karoline Leavitt', 'Adam Boehler']));
  });

  it('finds both quotes, attributed to Karoline Leavitt (the second through "She")', () => {
    const { expected, a } = load();
    expect(a.quotes.map((q) => q.text)).toEqual(expected.quotes.map((q) => q.text));
    for (const [i, q] of a.quotes.entries()) {
      expect(q.speaker).toBe(expected.quotes[i].speaker);
      expect(a.text.slice(q.start, q.end)).toBe(q.text);
    }
    const second = a.quotes[1].speakerMention!;
    expect(a.text.slice(second.start, second.end)).toBe('She');
  });

  it('summarizes in 3 body sentences, with no headline or deck line', () => {
    const { expected, a } = load();
    expect(a.summary).toHaveLength(3);
    const picked = a.summary.map((s) => a.text.slice(a.sentences[s.sentence].start, a.sentences[s.sentence].end));
    expect(picked.some((s) => expected.summary_3_must_include_one_of.includes(s))).toBe(true);
    for (const s of picked) {
      expect(s).not.toBe(expected.title);
      expect(s).not.toMatch(/^The Biden administration confirms direct dialogues/);
    }
    const order = a.summary.map((s) => s.sentence);
    expect(order).toEqual([...order].sort((x, y) => x - y));
  });
});
