/**
 * Who a quote's attribution names (lib/quotes/speakers.ts): short team-written
 * sentences in the forms of news copy (fictional people and places, no corpus text).
 */
import { describe, expect, it } from 'vitest';
import { findEntities } from '../../lib/entities';
import { findQuotes } from '../../lib/quotes';
import { splitSentences } from '../../lib/sentences';

const speakersOf = (text: string) => findQuotes(text, splitSentences(text), []).map((q) => q.speaker);

describe('the subject after a quote', () => {
  it('reads a speech verb’s form after a determiner as a noun, not the attribution', () => {
    expect(speakersOf('“It is an overreach by the federal government,” Jane Doe, the attorney general of Idaho, one of the states suing the agency, said on Friday.')).toEqual([
      'Jane Doe',
    ]);
    expect(speakersOf('“The numbers are somewhat deceiving,” the report said.')).toEqual(['the report']);
  });

  it('reads a name with a long appositive before its verb', () => {
    expect(
      speakersOf('“The story is being told by the people who lived it,” Ana Matos, the director of the island’s oral history project and a ferry captain for twenty years, told the paper.'),
    ).toEqual(['Ana Matos']);
  });
});

describe('the subject of a sentence without a speech verb', () => {
  it('takes no verb opening the sentence for a name', () => {
    expect(speakersOf('Enjoyed your article, Maria, and “the bit about the ferries” most of all.')).toEqual([null]);
    expect(speakersOf('Summarizing the match for the radio, commentator Jo Lind described the “birth of a new era for island football.”')).toEqual(['Jo Lind']);
  });
});

describe('speakers named by a relative pronoun or a description', () => {
  const mentionsOf = (text: string) => findQuotes(text, splitSentences(text), []).map((q) => (q.speakerMention ? text.slice(q.speakerMention.start, q.speakerMention.end) : null));

  it('gives “…, who said” to the name right before the comma, the pronoun as its mention', () => {
    const s = 'The timetable was criticised by the mayor, Ana Matos, who in 2019 said it was “an insult to the island.”';
    expect(speakersOf(s)).toEqual(['Ana Matos']);
    expect(mentionsOf(s)).toEqual(['who']);
    // After a preposition the clause may belong to anyone: no guess.
    expect(speakersOf('She held a photo of the harbour defaced to look like Venice, who demanded to know why the council backed the “ferry tax.”')).not.toContain('Venice');
  });

  it('takes the sentence’s subject past a modifier ending in a preposition’s object', () => {
    expect(speakersOf('Protesters marching through the streets chanted “What curfew?”')).toEqual(['Protesters']);
    expect(speakersOf('In August, the island council backed the ferry captains in the harbour, saying their “wages were never the problem.”')).toEqual(['the island council']);
  });

  it('takes the subject of the clause right before a participle', () => {
    expect(speakersOf('Although the crossing has been studied for years, the new report adds little: the captain offered to help, but Ana Matos refused, saying, “I will not let you do that.”')).toEqual([
      'Ana Matos',
    ]);
  });

  it('ends a description at its verb', () => {
    expect(speakersOf('The harbour board said that, at current prices, the crossing is “no longer worth running.”')).toEqual(['The harbour board']);
    expect(speakersOf('The ferry company vigorously denied that the crossing was “ever unsafe for passengers.”')).toEqual(['The ferry company']);
  });
});

describe('a quote after a paraphrase', () => {
  it('goes to the speaker of the sentence before it in the paragraph', () => {
    const s = 'The harbour master, Rui Costa, called the plan a gamble with other people’s money. “Nobody has crossed in winter since 1990.”\n\nThe council meets on Friday.';
    expect(speakersOf(s)).toEqual(['Rui Costa']);
  });

  it('not across a paragraph', () => {
    expect(speakersOf('Rui Costa called the plan a gamble.\n\n“Nobody has crossed in winter since 1990.”')).toEqual([null]);
  });
});

describe('a pronoun inside what a named person says', () => {
  it('is read as the outer speech verb’s subject, not resolved on its own', () => {
    const s = 'Maria Castellano led the crew. Ana Matos says she admired Castellano’s courage through what she calls a “winter of hard crossings.”';
    const [q] = findQuotes(s, splitSentences(s), []);
    expect(q.speaker).toBe('Ana Matos');
    expect(s.slice(q.speakerMention!.start, q.speakerMention!.end)).toBe('Ana Matos');
  });
});

describe('a description inside a reported clause', () => {
  it('gives the quote to the named speaker of the clause, not to the description', () => {
    expect(speakersOf('Mayor Ana Matos (Ind.) said the recent run of storms and closures demands that the company run “more crossings.”')).toEqual(['Ana Matos']);
  });

  it('keeps the description once a comma has opened another clause', () => {
    expect(speakersOf('Ana Matos said the crossing was safe, but the island’s fishermen demanded “more crossings.”')).toEqual(['the island’s fishermen']);
  });
});

describe('the person a profile is about, named after lower-case title words', () => {
  it('keeps “he said” with the subject named “Diesel mechanic Robert Penman”, not the man named last', () => {
    const s =
      'Diesel mechanic Robert Penman has kept the island ferries running for thirty years. Islanders call the shed of Penman ' +
      'the engine room, and the mayor thanks Penman every spring. The shed is owned by Jorge Almeida. “I fixed every engine on this island,” he said.';
    const sentences = splitSentences(s);
    expect(findQuotes(s, sentences, findEntities(s, sentences)).map((q) => q.speaker)).toEqual(['Robert Penman']);
  });
});
