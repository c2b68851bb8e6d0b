/**
 * Named entities on team-written texts (see test/fixtures/entities/README.md for
 * the longer ones): alias merging, titles, sentence-initial words, organization
 * suffixes, surname after full name, and the shipped weights on a real sentence.
 */
import { describe, expect, it } from 'vitest';
import { findEntities, tagText } from '../../lib/entities';
import { tokenize } from '../../lib/entities/tokenize';
import { splitSentences } from '../../lib/sentences';
import type { Entity } from '../../lib/types';

const entities = (text: string) => findEntities(text, splitSentences(text));
const byName = (list: Entity[], name: string) => list.find((e) => e.name === name);
const forms = (text: string, e: Entity) => e.mentions.map((m) => text.slice(m.start, m.end));

describe('tokenize', () => {
  it('cuts prose the way CoNLL is cut: possessives, abbreviations, hyphens, curly quotes', () => {
    const text = 'Leavitt’s view: the U.S. won’t back “long-standing” deals, Mr. Smith said.';
    expect(tokenize(text).map((t) => text.slice(t.start, t.end))).toEqual([
      'Leavitt', '’s', 'view', ':', 'the', 'U.S.', 'wo', 'n’t', 'back', '“', 'long-standing', '”', 'deals', ',', 'Mr.', 'Smith', 'said', '.',
    ]);
    expect(tokenize(text)[1].norm).toBe("'s");
  });

  it('joins words with a curly apostrophe before ASCII and other letters alike, and keeps punctuation outside ASCII apart', () => {
    const text = 'O’Brien’s rock’n’roll café, l’été’s “Ça va”—Zoë’s… it’ s 1,000’s';
    const tokens = tokenize(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual([
      'O’Brien', '’s', 'rock’n’roll', 'café', ',', 'l’été', '’s', '“', 'Ça', 'va', '”', '—', 'Zoë', '’s', '…', 'it', '’', 's', '1,000', '’s',
    ]);
    expect(tokens.map((t) => t.norm)).toEqual([
      "O'Brien", "'s", "rock'n'roll", 'café', ',', "l'été", "'s", '"', 'Ça', 'va', '"', '-', 'Zoë', "'s", '…', 'it', "'", 's', '1,000', "'s",
    ]);
  });
});

describe('the shipped tagger', () => {
  it('loads its weights and tags a real sentence', () => {
    const text = 'German Chancellor Angela Merkel met officials of the European Central Bank on Tuesday in Frankfurt.';
    const { tagged } = tagText(text, splitSentences(text));
    const tags = Object.fromEntries(tagged[0].tokens.map((t, i) => [t.norm, tagged[0].tags[i]]));
    expect(tags.Angela).toBe('B-PER');
    expect(tags.Merkel).toBe('I-PER');
    expect(tags.European).toBe('B-ORG');
    expect(tags.Bank).toBe('I-ORG');
    expect(tags.Frankfurt).toBe('B-LOC');
    expect(tags.Tuesday).toBe('O');
  });
});

describe('findEntities', () => {
  it('merges US, U.S., the United States and USA into one place', () => {
    const text =
      'The United States imposed new tariffs on steel. Officials in the U.S. said the measure was temporary. ' +
      'Canada said it would respond to the US decision. Exports to the USA fell by a third.';
    const list = entities(text);
    const us = byName(list, 'United States')!;
    expect(us.type).toBe('place');
    expect(forms(text, us)).toEqual(['United States', 'U.S.', 'US', 'USA']);
    expect(us.count).toBe(4);
    expect(list.filter((e) => e.aliases.includes('US'))).toHaveLength(1);
  });

  it('merges Britain, the UK and the United Kingdom', () => {
    const text = 'Britain left the bloc in 2020. Trade between the UK and France has fallen since, and the United Kingdom is seeking a new deal.';
    const uk = byName(entities(text), 'United Kingdom')!;
    expect(uk.type).toBe('place');
    expect(uk.count).toBe(3);
  });

  it('joins a later surname to the full name of the same person', () => {
    const text =
      'Maria Lindqvist, the company’s finance chief, presented the results on Monday. ' +
      'Lindqvist said revenue had grown for the third year in a row. Analysts questioned Lindqvist about costs.';
    const list = entities(text);
    const maria = byName(list, 'Maria Lindqvist')!;
    expect(maria.type).toBe('person');
    expect(maria.count).toBe(3);
    expect(maria.aliases).toEqual(['Maria Lindqvist', 'Lindqvist']);
    expect(byName(list, 'Lindqvist')).toBeUndefined();
  });

  it('joins a shorter form of a three-word name and keeps a short sentence naming someone', () => {
    const text = 'Michael Forrest Jones is the owner. Forrest Jones said the hotel is open. Guests thanked Forrest Jones.';
    const list = entities(text);
    const jones = byName(list, 'Michael Forrest Jones')!;
    expect(jones.type).toBe('person');
    expect(forms(text, jones)).toEqual(['Michael Forrest Jones', 'Forrest Jones', 'Forrest Jones']);
    expect(byName(list, 'Forrest Jones')).toBeUndefined();
  });

  it('reads a dateline in capitals as the place it names, one with its ordinary spelling', () => {
    const text = 'PORT ALDER — The city council of Port Alder voted late Tuesday to pay for the rail line.\n\nKYIV, Ukraine — Officials in Kyiv said the talks would resume.';
    const list = entities(text);
    const port = byName(list, 'Port Alder')!;
    expect(port.type).toBe('place');
    expect(forms(text, port)).toEqual(['PORT ALDER', 'Port Alder']);
    expect(list.some((e) => e.name === 'PORT' || e.name === 'PORT ALDER')).toBe(false);
    expect(byName(list, 'Kyiv')?.type).toBe('place');
    // A wire headline in capitals throughout is no dateline.
    expect(entities('RUGBY UNION - ENGLAND BEAT WALES IN CARDIFF .').some((e) => e.type === 'place' && /RUGBY/i.test(e.name))).toBe(false);
  });

  it('keeps the number of a numbered branch in the organization’s name', () => {
    const text = 'Darnell Okafor, president of the Amalgamated Transit Union Local 1122, said the drivers backed the line.';
    expect(entities(text).some((e) => e.type === 'organization' && e.name === 'Amalgamated Transit Union Local 1122')).toBe(true);
  });

  it('cuts a day glued to a place and drops words in capitals that are common words', () => {
    const text = 'Deputies were at the hotel in London Thursday morning. Officials in London declined to comment.';
    const london = byName(entities(text), 'London')!;
    expect(london.type).toBe('place');
    expect(forms(text, london)).toEqual(['London', 'London']);
  });

  it('knows a person by a middle initial and cuts a sentence-opening verb from a name', () => {
    const text =
      'The collector Stuart R. Kaplan bought the deck in 1970. Kaplan later sold it. ' +
      'See Facebook for the full policy. Facebook did not reply, and Kaplan declined to comment.';
    const list = entities(text);
    const kaplan = byName(list, 'Stuart R. Kaplan')!;
    expect(kaplan.type).toBe('person');
    expect(kaplan.count).toBe(3);
    const facebook = byName(list, 'Facebook')!;
    expect(facebook.type).toBe('organization');
    expect(facebook.count).toBe(2);
    expect(list.flatMap((e) => e.aliases)).not.toContain('See Facebook');
  });

  it('names the person after a title, not the title', () => {
    const text = 'The special envoy arrived late. President Okonkwo Adeyemi greeted envoy Tomas Berg at the airport.';
    const list = entities(text);
    expect(byName(list, 'Okonkwo Adeyemi')?.type).toBe('person');
    expect(byName(list, 'Tomas Berg')?.type).toBe('person');
    const names = list.flatMap((e) => e.aliases);
    for (const wrong of ['The special envoy', 'President', 'President Okonkwo Adeyemi', 'envoy Tomas Berg']) expect(names).not.toContain(wrong);
  });

  it('does not take sentence-opening words for names', () => {
    const text =
      'Historically, the council has avoided the subject. According to the minutes, nothing changed. ' +
      'Both sides agreed. This was expected by Daniel Moreau, who chairs the council.';
    const names = entities(text).flatMap((e) => e.aliases);
    for (const wrong of ['Historically', 'According', 'Both', 'This']) expect(names).not.toContain(wrong);
    expect(names).toContain('Daniel Moreau');
  });

  it('does not glue a verb to a name', () => {
    const text = 'Karen Holt leads the agency. Holt emphasized that the review would take months.';
    const holt = byName(entities(text), 'Karen Holt')!;
    expect(holt.aliases).toEqual(['Karen Holt', 'Holt']);
  });

  it('finds organizations by their suffix and folds an acronym into the full name', () => {
    const text =
      'Shares of Brantley Logistics Inc rose after the Federal Bureau of Investigation (FBI) closed its inquiry. ' +
      'The FBI said no charges would be filed. Brantley Logistics Inc declined to comment.';
    const list = entities(text);
    expect(byName(list, 'Brantley Logistics Inc')?.type).toBe('organization');
    const fbi = byName(list, 'Federal Bureau of Investigation')!;
    expect(fbi.type).toBe('organization');
    expect(fbi.aliases).toEqual(['Federal Bureau of Investigation', 'FBI']);
    expect(fbi.count).toBe(3);
  });

  it('never takes a month or weekday abbreviation for a name', () => {
    // Snippet lines of a news site's search results (test/fixtures/hostile/search-results.html) and a notice.
    const text =
      'Jan. 21, 2026 · Riders were stranded on both sides of the bay after the operator cancelled runs to Vashon Island.\n\n' +
      'Dec. 19, 2025 · Ferries will run on a Sunday schedule on Dec. 25 and Jan. 1, the Port of Kingston said.\n\n' +
      'The council meets Tues. at 7 p.m. and again on Mon., Feb. 3, at City Hall in Portland. ' +
      'Fares rose in Aug., Sept. and Oct. and will rise again on Nov. 30, Ruth Amsel said.';
    const list = entities(text);
    const names = list.flatMap((e) => e.aliases);
    for (const date of ['Jan.', 'Dec.', 'Feb.', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Tues', 'Mon', 'Tues.', 'Mon.']) expect(names).not.toContain(date);
    expect(byName(list, 'Portland')?.type).toBe('place');
    expect(byName(list, 'Ruth Amsel')?.type).toBe('person');
    // A weekday's form that is also a name, ending a sentence, stays a name.
    expect(entities('The story ran in the Sun. The paper later apologised.').flatMap((e) => e.aliases)).toContain('Sun');
  });

  it('treats a capital after a separator like one opening a sentence, and knows plurals of ordinary words', () => {
    const text = 'Dec. 19, 2025 · Boats will run on a Sunday schedule from the north dock in Bremerton.';
    const names = entities(text).flatMap((e) => e.aliases);
    expect(names).not.toContain('Boats');
    expect(names).toContain('Bremerton');
    // "Airlines" opens the sentence; the text writes "airline" in lower case, so it is an ordinary word here.
    const plural = entities('Airlines cancelled flights out of Chicago. An airline spokesman said more would follow.');
    expect(plural.map((e) => e.name)).toEqual(['Chicago']);
  });

  it('gives offsets into the text, counts equal to mentions, sorted by count', () => {
    const text = 'Paris hosted the summit. Delegates from Japan and Kenya came to Paris. Paris was calm.';
    const list = entities(text);
    for (const e of list) {
      expect(e.count).toBe(e.mentions.length);
      for (const m of e.mentions) expect(e.aliases).toContain(text.slice(m.start, m.end));
    }
    expect(list[0].name).toBe('Paris');
    expect(list.map((e) => e.count)).toEqual([...list.map((e) => e.count)].sort((a, b) => b - a));
  });
});

describe('findEntities on any input', () => {
  it('never throws and keeps every mention inside the text, aliases and counts consistent', async () => {
    const fc = await import('fast-check');
    const word = fc.constantFrom('Paris', 'the', 'US', 'U.S.', 'Mr.', 'Smith', 'John', 'said', '“', '”', "'s", '’s', '(FBI)', 'Inc', '.', ',', '\n', 'Ça', 'Zoë', '—', '😀', 'NATO', 'of', 'Bank', 'Constructor', 'constructor', '__proto__', 'ToString', 'hasOwnProperty');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), fc.array(fc.constantFrom(' ', '', '  ', '\n'), { maxLength: 60 }), (words, gaps) => {
        const text = words.map((w, i) => w + (gaps[i] ?? ' ')).join('');
        const list = findEntities(text, splitSentences(text));
        for (const e of list) {
          expect(e.count).toBe(e.mentions.length);
          expect(typeof e.name).toBe('string');
          expect(e.aliases[0]).toBe(e.name);
          for (const m of e.mentions) {
            expect(m.start).toBeGreaterThanOrEqual(0);
            expect(m.end).toBeLessThanOrEqual(text.length);
            expect(m.end).toBeGreaterThan(m.start);
            expect(e.aliases).toContain(text.slice(m.start, m.end));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('names typed as what they are', () => {
  it('gives the person after a title inside a name, not an organization of the whole', () => {
    const text =
      'California Governor Gavin Newsom signed the housing bill into law on Monday, his office said.\n' +
      'St. Louis Park Mayor Jake Spano said the city would follow.';
    const list = entities(text);
    expect(byName(list, 'Gavin Newsom')?.type).toBe('person');
    expect(list.map((e) => e.name)).not.toContain('California Governor Gavin Newsom');
    expect(list.filter((e) => e.type !== 'person').map((e) => e.name).join(' ')).not.toMatch(/Spano|Newsom/);
  });

  it('takes a name before "administration" for a person, never a place', () => {
    const text = 'The Biden administration confirmed talks with Hamas. Officials said the Trump campaign had objected.';
    const places = entities(text).filter((e) => e.type === 'place').map((e) => e.name);
    expect(places).not.toContain('Biden');
    expect(places).not.toContain('Trump');
  });

  it('lists no adjective of a people or a nation alone ("Arab", "American", "British")', () => {
    const text = 'Proposals from Arab states were rejected. American hostages and British diplomats were in Doha, Qatar.';
    const names = entities(text).map((e) => e.name);
    for (const adjective of ['Arab', 'American', 'British']) expect(names).not.toContain(adjective);
  });
});

describe('what is not a name', () => {
  it('lists no site furniture, interjection, lone street word or building as a person', () => {
    const text =
      'Police closed the road on Tuesday, officials said.\n5 Min Read\n3 Hrs Ago\nEmail\n' +
      '"Oh, it was loud," said Maria Lopez, who lives on the Street behind Buckingham Palace. "Yeah, very loud."';
    const list = entities(text);
    const names = list.map((e) => e.name);
    for (const furniture of ['Min Read', 'Hrs Ago', 'Email', 'Oh', 'Yeah', 'Street']) expect(names).not.toContain(furniture);
    expect(byName(list, 'Buckingham Palace')?.type ?? 'place').toBe('place');
    expect(byName(list, 'Maria Lopez')?.type).toBe('person');
  });

  it('folds Cyrillic look-alike letters into the Latin name they imitate, and leaves Cyrillic words alone', () => {
    const spoofed = 'B\u0435lize'; // a Cyrillic е
    const text = `Officials in ${spoofed} said on Monday that the storm had passed, and Belize asked for help.`;
    const belize = entities(text).filter((e) => e.name === 'Belize');
    expect(belize).toHaveLength(1);
    expect(belize[0].type).toBe('place');
    expect(forms(text, belize[0])).toEqual([spoofed, 'Belize']);
    expect(tokenize('Москва').map((t) => t.norm)).toEqual(['Москва']);
  });
});
