/**
 * Sentence splitting on news-style text. The passages are written by the team in
 * the style of wire copy (no corpus text); each case exercises one repair.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../lib/sentences';

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('keeps titles and their names together', () => {
    expect(
      split('Mr. Smith flew to Washington on Tuesday. He met Dr. Ana Ruiz, Gen. Mark Ellis and Sen. Joan Pike.'),
    ).toEqual([
      'Mr. Smith flew to Washington on Tuesday.',
      'He met Dr. Ana Ruiz, Gen. Mark Ellis and Sen. Joan Pike.',
    ]);
    expect(split('Mrs. Okafor and Rep. Dan Hale spoke. Gov. Lee did not.')).toEqual([
      'Mrs. Okafor and Rep. Dan Hale spoke.',
      'Gov. Lee did not.',
    ]);
  });

  it('keeps U.S./U.K. and company forms inside a sentence, but ends one before an opener', () => {
    expect(split('U.S. officials met U.K. Prime Minister Keir Starmer. Exports to the U.S. The talks ended.')).toEqual([
      'U.S. officials met U.K. Prime Minister Keir Starmer.',
      'Exports to the U.S.',
      'The talks ended.',
    ]);
    expect(split('Acme Corp. Chief Executive Jo Park said Northwind Ltd. would pay. Shares rose.')).toEqual([
      'Acme Corp. Chief Executive Jo Park said Northwind Ltd. would pay.',
      'Shares rose.',
    ]);
  });

  it('ends a sentence at an acronym or a name that only looks like an abbreviation', () => {
    expect(split('The plan was first reported by the FT. But the bank denied it. The servers are made by Sun. So-called grid systems are next.')).toEqual([
      'The plan was first reported by the FT.',
      'But the bank denied it.',
      'The servers are made by Sun.',
      'So-called grid systems are next.',
    ]);
    expect(split('He moved to Ft. Worth in May.')).toEqual(['He moved to Ft. Worth in May.']);
  });

  it('keeps initials with the name they belong to', () => {
    expect(split('The book by J. K. Rowling was praised by George W. Bush. Sales doubled.')).toEqual([
      'The book by J. K. Rowling was praised by George W. Bush.',
      'Sales doubled.',
    ]);
    expect(split('The survey by Wallis, G. P. and Trewick, S. A. was cited. A. Smith disagreed.')).toEqual([
      'The survey by Wallis, G. P. and Trewick, S. A. was cited.',
      'A. Smith disagreed.',
    ]);
  });

  it('keeps numbers, decimals, dates and "No." references whole', () => {
    expect(
      split('The economy grew 3.5% to $1.2bn in Jan. 2024. The vote at No. 10 came at 3 p.m. on Friday. It passed.'),
    ).toEqual([
      'The economy grew 3.5% to $1.2bn in Jan. 2024.',
      'The vote at No. 10 came at 3 p.m. on Friday.',
      'It passed.',
    ]);
  });

  it('ends a sentence before one that opens with a figure, but not after No./Jan./U.S.', () => {
    expect(split('Sales fell sharply in 2003. 2004 was better for the firm. "2005 will be better still," she said.')).toEqual([
      'Sales fell sharply in 2003.',
      '2004 was better for the firm.',
      '"2005 will be better still," she said.',
    ]);
    expect(split('He lives at No. 4 Mill Lane. Prices rose on Jan. 12 in the U.S. 10-year bond market.')).toEqual([
      'He lives at No. 4 Mill Lane.',
      'Prices rose on Jan. 12 in the U.S. 10-year bond market.',
    ]);
  });

  it('keeps e.g., i.e. and vs. inside a sentence', () => {
    expect(split('Small teams, e.g. the Hawks vs. the Owls, i.e. the two newest, drew crowds. Both lost.')).toEqual([
      'Small teams, e.g. the Hawks vs. the Owls, i.e. the two newest, drew crowds.',
      'Both lost.',
    ]);
  });

  it('gives a closing quotation mark to the sentence it closes', () => {
    expect(split('"We will rebuild the bridge," the mayor said. "It will take a year." Work starts in May.')).toEqual([
      '"We will rebuild the bridge," the mayor said.',
      '"It will take a year."',
      'Work starts in May.',
    ]);
    expect(split('“The deal is done.” She left the room. “Why now?” he asked.')).toEqual([
      '“The deal is done.”',
      'She left the room.',
      '“Why now?” he asked.',
    ]);
  });

  it('does not end a sentence at an ellipsis followed by lower case', () => {
    expect(split('Prices rose... and rose again… before falling. Traders were relieved.')).toEqual([
      'Prices rose... and rose again… before falling.',
      'Traders were relieved.',
    ]);
  });

  it('ends a sentence at every line break: headlines, decks, list items, repeated lines', () => {
    const text =
      'Storm closes coastal roads\n\nStorm closes coastal roads\nResidents told to stay home\nThe storm hit at dawn. Roads closed.\n\nWhat to do:\n1. Stay indoors\n2. Charge phones\n- Avoid the beach';
    expect(split(text.replace(/\n/g, '\r\n'))).toEqual(split(text));
    expect(split(text)).toEqual([
      'Storm closes coastal roads',
      'Storm closes coastal roads',
      'Residents told to stay home',
      'The storm hit at dawn.',
      'Roads closed.',
      'What to do:',
      '1. Stay indoors',
      '2. Charge phones',
      '- Avoid the beach',
    ]);
  });

  it('splits Chinese and Japanese on 。！？ and Arabic on its question mark', () => {
    expect(split('我们今天去公园。天气很好！你去吗？')).toEqual(['我们今天去公园。', '天气很好！', '你去吗？']);
    expect(split('東京で会議が開かれた。首相が出席した。')).toEqual(['東京で会議が開かれた。', '首相が出席した。']);
    expect(split('وصل الرئيس إلى المدينة. هل غادر؟ نعم.')).toHaveLength(3);
  });

  it('gives an opening bracket after 。 to the sentence it opens, and keeps 「…！」と with its sentence', () => {
    expect(split('と話した。「週末は来ます！」と言った。『本』を読んだ。')).toEqual([
      'と話した。',
      '「週末は来ます！」と言った。',
      '『本』を読んだ。',
    ]);
    expect(split('他说了。“现在有希望了！”')).toEqual(['他说了。', '“现在有希望了！”']);
    // A German “ after a full stop closes its quote.
    expect(split('Er sagte: „Wir kommen.“ Dann ging er.')).toEqual(['Er sagte: „Wir kommen.“', 'Dann ging er.']);
  });

  it('keeps German ordinals whole ("2. April", "im 19. Jahrhundert"), but not a year or a number ending a sentence', () => {
    expect(split('Die Sitzung ist am 14. Februar. Im 19. Jahrhundert war der 3. Oktober kein Feiertag. Die Zahl stieg auf 12. Die Polizei kam.')).toEqual([
      'Die Sitzung ist am 14. Februar.',
      'Im 19. Jahrhundert war der 3. Oktober kein Feiertag.',
      'Die Zahl stieg auf 12.',
      'Die Polizei kam.',
    ]);
    expect(split('Sales rose in 2019. April was worse. I am 25. I play on. He was 32. May Smith said so.')).toEqual([
      'Sales rose in 2019.',
      'April was worse.',
      'I am 25.',
      'I play on.',
      'He was 32.',
      'May Smith said so.',
    ]);
  });

  it('returns trimmed, ordered, non-overlapping spans inside the text, never across a line', () => {
    const pieces = ['Mr. ', 'U.S. ', 'J. ', 'said. ', '"Why?" ', 'he ', '3.5 ', '\n', '\n\n', ' ', 'No. 4 ', '。', '… ', '「', '」', '“', '2. ', 'April ', 'と'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces, 'The', 'word', 'Bush', '.'), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const spans = splitSentences(text);
        let last = 0;
        for (const s of spans) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.end).toBeLessThanOrEqual(text.length);
          const t = text.slice(s.start, s.end);
          expect(t).toBe(t.trim());
          expect(t).not.toMatch(/\n/);
          last = s.end;
        }
        // Every non-space character is inside some sentence.
        const covered = spans.reduce((n, s) => n + text.slice(s.start, s.end).replace(/\s/g, '').length, 0);
        expect(covered).toBe(text.replace(/\s/g, '').length);
      }),
    );
  });

  it('splits a paragraph far longer than one segmenter window the same way throughout', () => {
    const para = 'The council met on Monday. Mr. Ruiz said the U.S. plan would cost $1.2bn, officials said. ';
    const small = para.repeat(500);
    const large = para.repeat(5000);
    expect(splitSentences(small)).toHaveLength(1000);
    expect(splitSentences(large)).toHaveLength(10000);
  });
});
