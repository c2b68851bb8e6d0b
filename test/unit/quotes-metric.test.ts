/**
 * The direct-quote metric of issue 13 item 3 (scripts/eval/quotes-metric.ts),
 * on short invented annotations.
 */
import { describe, expect, it } from 'vitest';
import {
  annotatedContents,
  goldQuotes,
  isDirectQuote,
  isHeldOut,
  judge,
  nameWords,
  onePerText,
  type Attribution,
  type PolnearRecord,
} from '../../scripts/eval/quotes-metric';

const TEXT = 'Tapper said Brazile\u2019s actions were \u201cunethical\u201d on Sunday. The senator said the plan would fail.';
const at = (s: string) => [TEXT.indexOf(s), TEXT.indexOf(s) + s.length] as [number, number];

function attribution(content: string, source: string, cue = 'said'): Attribution {
  return { source: [source], source_spans: [[at(source)]], cue: [cue], content: [content], content_spans: [[at(content)]] };
}

const partial = attribution('Brazile\u2019s actions were \u201cunethical\u201d', 'Tapper');
const indirect = attribution('the plan would fail', 'The senator');
const record: PolnearRecord = { doc: 'd', annotator: 'a', text: TEXT, attributions: [partial, indirect] };
const word = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });

describe('quotes metric', () => {
  it('takes as direct quotes the attributions whose content starts or ends with a double mark', () => {
    expect(isDirectQuote(partial)).toBe(true);
    expect(isDirectQuote(indirect)).toBe(false);
    expect(isDirectQuote({ ...indirect, content: ['\u201cWe will win,', 'and soon'] })).toBe(true);
    expect(goldQuotes(record)).toHaveLength(1);
  });

  it('finds a partial quote only when the prediction covers half of the reported clause', () => {
    const gold = goldQuotes(record);
    const bare = { ...word('unethical'), speaker: 'Tapper', speakerMention: word('Tapper') };
    expect(judge(gold, [bare]).tally.found).toBe(0);
    const withStatement = { ...bare, span: word('Brazile\u2019s actions were \u201cunethical\u201d') };
    const judged = judge(gold, [withStatement]).tally;
    expect(judged).toMatchObject({ found: 1, speakerGold: 1, speakerRight: 1, right: 1 });
  });

  it('judges precision against any annotated content, and against the direct quotes alone beside it', () => {
    const inIndirect = { ...word('the plan would fail'), speaker: null, speakerMention: null };
    const t = judge(goldQuotes(record), [inIndirect], annotatedContents(record)).tally;
    expect(t).toMatchObject({ predicted: 1, right: 1, rightStrict: 0 });
  });

  it('counts a speaker right by a shared capitalised name word, titles and function words aside', () => {
    expect([...nameWords('Sen. Elizabeth Warren\u2019s')]).toEqual(['Elizabeth', 'Warren']);
    const gold = goldQuotes({ ...record, attributions: [{ ...partial, source_spans: [] }] });
    const p = (speaker: string) => ({ ...word('unethical'), span: word('Brazile\u2019s actions were \u201cunethical\u201d'), speaker, speakerMention: null });
    expect(judge(gold, [p('Jake Tapper')]).tally.speakerRight).toBe(1);
    expect(judge(gold, [p('The President')]).tally.speakerRight).toBe(0);
  });

  it('scores a text annotated twice once, against the alphabetically first annotator', () => {
    const texts = onePerText([
      { ...record, annotator: 'zed' },
      { ...record, annotator: 'amy' },
      { ...record, doc: 'c', annotator: 'bob' },
    ]);
    expect(texts.map((r) => [r.doc, r.annotator])).toEqual([
      ['c', 'bob'],
      ['d', 'amy'],
    ]);
  });

  it('splits the texts by their id, the same way every time, holding out about a third', () => {
    const ids = Array.from({ length: 300 }, (_, i) => `doc-${i}`);
    const held = ids.filter(isHeldOut).length;
    expect(held).toBeGreaterThan(70);
    expect(held).toBeLessThan(130);
    expect(ids.filter(isHeldOut)).toEqual(ids.filter(isHeldOut));
  });
});
