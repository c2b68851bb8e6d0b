/**
 * Direct quotes and their speakers, on team-written texts (test/fixtures/quotes/,
 * see its README) and on the golden article in ../shared.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/analyze';
import { findQuotes } from '../../lib/quotes';
import { splitSentences } from '../../lib/sentences';
import type { Analysis, Entity, Quote } from '../../lib/types';
import { hasShared, sharedPath } from '../support/shared';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/quotes/${name}`, import.meta.url), 'utf8');

/** Quotes of a text with no entities: the speaker comes from the names at the cues. */
function quotesOf(text: string, entities: Entity[] = []): Quote[] {
  return findQuotes(text, splitSentences(text), entities);
}

const mention = (text: string, q: Quote) => (q.speakerMention ? text.slice(q.speakerMention.start, q.speakerMention.end) : null);
const quoteStartingWith = (qs: Quote[], prefix: string) => {
  const q = qs.find((x) => x.text.startsWith(prefix));
  if (!q) throw new Error(`no quote starting with ${JSON.stringify(prefix)} among ${JSON.stringify(qs.map((x) => x.text))}`);
  return q;
};

describe('quote spans', () => {
  const text = fixture('harbour-strike.txt');
  const quotes = quotesOf(text);

  it('carries each speaker mention as a bare span, nothing else of the word found', () => {
    const withMention = quotes.filter((q) => q.speakerMention);
    expect(withMention.length).toBeGreaterThan(0);
    for (const q of withMention) expect(Object.keys(q.speakerMention!).sort()).toEqual(['end', 'start']);
  });

  it('covers the quoted words without the marks, trailing punctuation inside kept', () => {
    expect(quotes.length).toBeGreaterThan(8);
    for (const q of quotes) {
      expect(text.slice(q.start, q.end)).toBe(q.text);
      expect(q.text).not.toMatch(/^["“‘«\s]|["”’»\s]$/);
    }
    expect(quoteStartingWith(quotes, 'We have been patient').text).toBe('We have been patient for two years, and patience has run out,');
  });

  it('reads straight, curly, single curly (British) marks', () => {
    expect(quoteStartingWith(quotes, 'The ships will wait').text).toBe('The ships will wait, and so will the cargo,');
    expect(quoteStartingWith(quotes, 'It’s a sad day').text).toBe('It’s a sad day for the port,');
    const g = 'Le maire a déclaré : « Nous ne céderons pas sur la sécurité », avant de partir.';
    expect(quotesOf(g).map((q) => q.text)).toEqual(['Nous ne céderons pas sur la sécurité']);
  });

  it('splits a quote interrupted by its attribution into two, same speaker', () => {
    const a = quoteStartingWith(quotes, 'We have been patient');
    const b = quoteStartingWith(quotes, 'Nobody on these docks');
    expect(b.text).toBe('Nobody on these docks wants a strike, but nobody will work for less either.');
    expect(a.speaker).toBe('Maria Castellano');
    expect(b.speaker).toBe('Maria Castellano');
    const s = '“It’s fine,” she said, “and we don’t care who knows it.”';
    expect(quotesOf(s).map((q) => q.text)).toEqual(['It’s fine,', 'and we don’t care who knows it.']);
  });

  it('keeps each paragraph of a multi-paragraph quote, with one speaker', () => {
    const parts = ['This is about safety as much as pay.', 'Last winter two of our members were hurt on the night shift.', 'We will not go back until that changes.'];
    for (const p of parts) expect(quoteStartingWith(quotes, p).text).toBe(p);
    for (const p of parts) expect(quoteStartingWith(quotes, p).speaker).toBe('Maria Castellano');
    for (const p of parts) expect(mention(text, quoteStartingWith(quotes, p))).toBe('Castellano');
  });

  it('keeps partial quotes inside a sentence, and short ones with a speech verb', () => {
    expect(quoteStartingWith(quotes, 'fair, generous').text).toBe('fair, generous and final,');
    expect(quoteStartingWith(quotes, 'regrettable').text).toBe('regrettable.');
  });

  it('sets aside scare quotes and titles', () => {
    const texts = quotes.map((q) => q.text);
    expect(texts).not.toContain('common sense');
    expect(texts).not.toContain('fair shares');
    expect(texts).not.toContain('The Long Night Shift');
    const s = 'Critics said the so-called "common sense" rules watch "Face the Nation" viewers closely.';
    expect(quotesOf(s)).toEqual([]);
  });

  it('does not take apostrophes for quotation marks', () => {
    const s = 'O’Brien’s band, big in the ’90s and the \'80s, didn’t play rock ‘n’ roll; Smith\'s fans won\'t mind. It\'s a 6\'2" player.';
    expect(quotesOf(s)).toEqual([]);
    expect(quotes.some((q) => q.text.includes('90s'))).toBe(false);
  });

  it('keeps quotes nested in a quote inside it, and finds quotes after a stray mark on the same line', () => {
    const nested = '"The poll asked: “Do you trust the council?” Most said no," the pollster said.';
    expect(quotesOf(nested).map((q) => q.text)).toEqual(['The poll asked: “Do you trust the council?” Most said no,']);
    const stray = '"Then the mayor walked onto the stage, chanting “four more years, four more years!”';
    expect(quotesOf(stray).map((q) => q.text)).toEqual(['four more years, four more years!']);
  });

  it('sets aside quoted numbers, quoted code tokens and JSON-like keys, keeps a quote a colon introduces', () => {
    const s = [
      'The page stored "1382694045000" as its timestamp and the tag "data-share-url" twice.',
      '',
      'Its config read {"rel": "noopener noreferrer"} for every link on the page.',
      '',
      'The mayor had one message: "We are not leaving."',
    ].join('\n');
    expect(quotesOf(s).map((q) => q.text)).toEqual(['We are not leaving.']);
  });

  it('reads German „…“ and ‚…‘, inward guillemets »…«, and the outward ones next to a stray »', () => {
    const de = 'Die Firma „Grün“ baut. „Das wird ein gutes Jahr für uns alle”, sagte sie. Er sprach von einer ‚großen Sache für alle‘.';
    expect(quotesOf(de).map((q) => q.text)).toEqual(['Das wird ein gutes Jahr für uns alle', 'großen Sache für alle']);
    const inwards = '»Wir kommen morgen wieder«, sagte er. »Das ist sicher.« Dann ging er.';
    expect(quotesOf(inwards).map((q) => q.text)).toEqual(['Wir kommen morgen wieder', 'Das ist sicher.']);
    const fr = 'Accueil » Politique\nLe maire a déclaré : « Nous ne céderons pas sur la sécurité », avant de partir.';
    expect(quotesOf(fr).map((q) => q.text)).toEqual(['Nous ne céderons pas sur la sécurité']);
  });

  it('counts characters, not words, in Chinese and Japanese quotes, and keeps those that read as speech', () => {
    const ja = '彼は「はい」と答えた。『吾輩は猫である』を読んだ。「この本は本当に面白かったです」と話した。「ウイルスバスター モバイル」と併用する。';
    expect(quotesOf(ja).map((q) => q.text)).toEqual(['この本は本当に面白かったです']);
    const zh = '环保组织“青川绿水”的负责人说：“我们会继续监督水质”。他提出“当前经济的发展正在转变。”';
    expect(quotesOf(zh).map((q) => q.text)).toEqual(['我们会继续监督水质', '当前经济的发展正在转变。']);
  });

  it('bounds an unpaired mark to nothing: the rest of the text is not swallowed', () => {
    const s = [
      'The mayor opened the meeting with a stray “ mark and went on talking for an hour about budgets.',
      '',
      'Council members asked "why now, and at what cost to the city?" before the vote.',
      '',
      'An unclosed "quote runs to the end of this paragraph without a closing mark.',
      '',
      'The last paragraph has no quotes at all, and it stays that way.',
    ].join('\n');
    expect(quotesOf(s).map((q) => q.text)).toEqual(['why now, and at what cost to the city?']);
  });
});

describe('speakers', () => {
  const text = fixture('harbour-strike.txt');
  const quotes = quotesOf(text);

  it('takes the name after the verb, without its title: said union leader Maria Castellano', () => {
    const q = quoteStartingWith(quotes, 'We have been patient');
    expect(q.speaker).toBe('Maria Castellano');
    expect(mention(text, q)).toBe('Maria Castellano');
  });

  it('X told reporters; X said: before the quote; according to X', () => {
    expect(mention(text, quoteStartingWith(quotes, 'The ships will wait'))).toBe('Brandt');
    expect(quoteStartingWith(quotes, 'The ships will wait').speaker).toBe('Thomas Brandt'); // the full name seen earlier
    expect(mention(text, quoteStartingWith(quotes, 'This is about safety'))).toBe('Castellano');
    const acc = quoteStartingWith(quotes, 'the city will not take sides');
    expect(acc.speaker).toBe('Ingrid Solberg');
  });

  it('resolves a pronoun to the most recent person: "he called the walkout"', () => {
    const q = quoteStartingWith(quotes, 'regrettable');
    expect(mention(text, q)).toBe('he');
    expect(q.speaker).toBe('Thomas Brandt');
  });

  it('uses the gender of first names for he and she', () => {
    const s = 'Mary Okafor met John Brennan at the station. "I have waited long enough for this train," she said. "So have I," he said.';
    const [a, b] = quotesOf(s);
    expect(a.speaker).toBe('Mary Okafor');
    expect(mention(s, a)).toBe('she');
    expect(b.speaker).toBe('John Brennan');
  });

  it('names a description when there is no name: "the company said"', () => {
    const q = quoteStartingWith(quotes, 'We regret');
    expect(q.speaker).toBe('the company');
  });

  it.each(['said', 'says', 'added', 'noted', 'explained', 'wrote', 'asked', 'argued', 'insisted', 'warned', 'stated'])(
    'the speech verb "%s", after and before the name',
    (verb) => {
      const after = `"We will rebuild the bridge by spring," Jane Doe ${verb}.`;
      const inverted = `"We will rebuild the bridge by spring," ${verb} Mayor Jane Doe.`;
      for (const s of [after, inverted]) {
        const [q] = quotesOf(s);
        expect(q.speaker, s).toBe('Jane Doe');
        expect(mention(s, q)).toBe('Jane Doe');
      }
    },
  );

  it('a title before the name: White House press secretary Karoline Leavitt said', () => {
    const s = '"We are not going to negotiate in public," White House press secretary Karoline Leavitt said on Monday.';
    expect(quotesOf(s)[0].speaker).toBe('Karoline Leavitt');
  });

  it('an appositive between name and verb: Jane Doe, the city’s mayor, said', () => {
    const s = '“The budget is balanced for the first time in years,” Jane Doe, the city’s mayor, said.';
    expect(quotesOf(s)[0].speaker).toBe('Jane Doe');
    const named = 'Another critic, Laurence H. Tribe, likened the harbour rules to "burning the rule book."';
    expect(quotesOf(named)[0].speaker).toBe('Laurence H. Tribe');
  });

  it('maps names and pronouns to the canonical entity name; "they" to an organization', () => {
    const s = 'The Westmere Harbour Authority cut its forecast. Officials at the Authority met Tuesday. "We expect a difficult year for the port," they said.';
    const org: Entity = {
      name: 'Westmere Harbour Authority',
      type: 'organization',
      mentions: [
        { start: 4, end: 30 },
        { start: s.indexOf('Authority met'), end: s.indexOf('Authority met') + 9 },
      ],
      count: 2,
      aliases: ['Westmere Harbour Authority', 'Authority'],
    };
    const [q] = quotesOf(s, [org]);
    expect(q.speaker).toBe('Westmere Harbour Authority');
    expect(mention(s, q)).toBe('they');
    const t = '"Cargo will move again soon," Brandt said.';
    const person: Entity = { name: 'Thomas Brandt', type: 'person', mentions: [{ start: 30, end: 36 }], count: 1, aliases: ['Thomas Brandt', 'Brandt'] };
    expect(quotesOf(t, [person])[0].speaker).toBe('Thomas Brandt');
  });

  it('reads more attribution forms: Mr. X added, a signature line, "X said:" before a quoted paragraph, "…, X said. “…”"', () => {
    const mr = '"The numbers do not add up for the harbour this year," Mr. King added.';
    expect(quotesOf(mr)[0].speaker).toBe('King');
    const signed = '“The strike is the only language the authority understands.” ― Maria Castellano';
    expect(quotesOf(signed)[0].speaker).toBe('Maria Castellano');
    const colon = 'Thomas Brandt said:\n\n“We have made our last offer, and it stands until Friday.”';
    expect(quotesOf(colon)[0].speaker).toBe('Thomas Brandt');
    const next = 'The talks will resume, Brandt said. "Nobody wants the cranes to stand still for long."';
    expect(mention(next, quotesOf(next)[0])).toBe('Brandt');
  });

  it('takes the subject of the sentence for a participle, a characterization, and "he’s claiming"', () => {
    const participle = 'Maria Castellano addressed the crowd at noon, saying "the docks belong to the people who work them."';
    expect(quotesOf(participle)[0].speaker).toBe('Maria Castellano');
    const asA = 'Thomas Brandt dismissed the walkout as a "reckless gamble."';
    expect(quotesOf(asA)[0].speaker).toBe('Thomas Brandt');
    const contraction = 'Thomas Brandt spoke first. He’s claiming that the strike is "a disaster for every family in town."';
    const q = quotesOf(contraction)[0];
    expect(mention(contraction, q)).toBe('He');
    expect(q.speaker).toBe('Thomas Brandt');
  });

  it('a colon after the subject, and a headline "Name: …", introduce the quote', () => {
    const colon = 'Maria Castellano had one message for the authority: "Pay the night shift what it is worth."';
    expect(quotesOf(colon)[0].speaker).toBe('Maria Castellano');
    const headline = 'Maria Castellano: Dockers Will ‘Stay Out Until Spring’\n\nThe strike entered its second week.';
    expect(quotesOf(headline)[0].speaker).toBe('Maria Castellano');
  });

  it('refers "it" back to the speaker of the quote before: the article read … it added', () => {
    const s = '"The port has never been busier," the article read.\n\n"Ships wait for days to unload their cargo," it added.';
    const [, second] = quotesOf(s);
    expect(second.speaker).toBe('the article');
    expect(mention(s, second)).toBe('it');
  });

  it('leaves the speaker unknown rather than guessing from an unrelated name', () => {
    const s = 'At Lakeside Arena on Friday night, the banner over the stage read "we are still here and still fighting" in red letters.';
    const [q] = quotesOf(s);
    expect(q.text).toBe('we are still here and still fighting');
    expect(q.speaker).toBeNull();
    expect(q.speakerMention).toBeNull();
    // A name after a verb that does not introduce the quote is not its speaker.
    const claimed = 'The blog claimed Mayor Jane Doe relied on "a blank check from the state" to win the vote.';
    expect(quotesOf(claimed)[0].speaker).not.toBe('Jane Doe');
    const they = '"Nobody told us anything about the closure," they said.';
    expect(quotesOf(they)[0].speaker).toBeNull();
  });
});

describe('robustness', () => {
  it('survives pathological texts: runs of marks, endless speech verbs, unclosed quotes on every line', () => {
    const texts = [
      '"a '.repeat(20000),
      '“ ‘ ’ ” said he '.repeat(5000),
      'He said she said they said '.repeat(3000) + '"hello there my friend"',
      '"a b c d e f\n'.repeat(5000),
      '"' + 'word '.repeat(50000),
    ];
    for (const text of texts) {
      const quotes = quotesOf(text);
      for (const q of quotes) {
        expect(text.slice(q.start, q.end)).toBe(q.text);
        if (q.speakerMention) expect(q.speakerMention.end).toBeLessThanOrEqual(text.length);
      }
    }
  });
});

describe.skipIf(!hasShared('golden/us-hamas-talks.txt'))('golden: us-hamas-talks quotes', () => {
  it('finds exactly the two quotes, both Karoline Leavitt’s (stated Leavitt; She)', () => {
    const text = readFileSync(sharedPath('golden/us-hamas-talks.txt'), 'utf8');
    const expected = JSON.parse(readFileSync(sharedPath('golden/us-hamas-talks.expected.json'), 'utf8')) as {
      quotes: { text: string; speaker: string }[];
    };
    const result = analyze(text, { sentences: 3 });
    if (!result.ok) throw new Error(result.message);
    const a = result as Analysis;
    expect(a.quotes.map((q) => q.text)).toEqual(expected.quotes.map((q) => q.text));
    expect(a.quotes.map((q) => mention(a.text, q))).toEqual(['Leavitt', 'She']);
    expect(a.quotes.map((q) => q.speaker)).toEqual(expected.quotes.map((q) => q.speaker));
  });
});

describe('pronouns in a profile', () => {
  const text = fixture('ferry-profile.txt');
  const reading = analyze(text);
  if (!reading.ok) throw new Error('the profile should read as an article');
  const speakerOf = (prefix: string) => quoteStartingWith(reading.quotes, prefix).speaker;

  it('gives "he said" to the person the story is about, not to the last man named', () => {
    // "a neighbour, Rui Costa, who retired" and "the cannery owned by Jorge Almeida" come between.
    expect(speakerOf('I swept the deck')).toBe('Tomas Ferreira');
    expect(speakerOf('Then one morning')).toBe('Tomas Ferreira');
    expect(speakerOf('Some of them I have known')).toBe('Tomas Ferreira');
    expect(speakerOf('A bridge does not wait')).toBe('Tomas Ferreira');
  });

  it('keeps a quote after another subject with that subject', () => {
    expect(speakerOf('We cannot run a town')).toBe('Henrique Matos');
  });

  it('gives "she said" to the woman named, by her first name, past a man named after her', () => {
    expect(speakerOf('He will be the last one')).toBe('Ana Ferreira');
  });
});
