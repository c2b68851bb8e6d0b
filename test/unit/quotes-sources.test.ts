/**
 * Who a quote's attribution names (lib/quotes/speakers.ts): short team-written
 * sentences in the forms of news copy (fictional people and places, no corpus text).
 */
import { describe, expect, it } from 'vitest';
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
