/**
 * A quote inside a sentence with no speech verb next to it goes to the sentence's
 * subject (lib/quotes/speakers.ts): short invented sentences.
 */
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../lib/quotes';
import { splitSentences } from '../../lib/sentences';

const speakersOf = (text: string) => findQuotes(text, splitSentences(text), []).map((q) => q.speaker);

describe('the subject of the sentence as the speaker', () => {
  it('takes the name the sentence opens with, past a possessive and title words', () => {
    expect(speakersOf('Hillary Clinton\u2019s campaign manager Robby Mook went further on Thursday, arguing that Trump "lashed out at our generals when asked."')).toEqual([
      'Robby Mook',
    ]);
  });

  it('takes no adverbial opening the sentence as a name', () => {
    expect(speakersOf('Once in my early 20s, when my mother asked, I laughed and said, "I don\u2019t believe in the devil."')).not.toContain('Once');
  });

  it('takes no gerund opening the sentence as a name', () => {
    expect(speakersOf('Bemoaning the "phony system," the crowd left early.')).not.toContain('Bemoaning');
  });
});
