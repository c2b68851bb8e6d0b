/**
 * Sentences and quotes of the team-written German, Japanese and Chinese pages
 * of test/fixtures/hostile/ (see its README), read through the whole pipeline:
 * a German ordinal date ("für den 2. April") stays inside its sentence, a
 * Japanese quote that follows a sentence end (…話した。「週末は…」) opens the
 * next sentence instead of ending the one before, and the quotes in „…“, 「…」
 * and “…” are found with their exact text. Speakers stay unknown: the speech
 * verbs and the entity model are English.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../cli/dom';
import { analyze } from '../../lib/analyze';
import type { Analysis } from '../../lib/types';
import { readHostile } from '../fixtures/hostile/generate';

function read(name: string): Analysis {
  const r = analyze(parseHtmlDocument(readHostile(name)));
  if (!r.ok) throw new Error(`${name}: no article (${r.reason})`);
  return r;
}

const sentenceTexts = (a: Analysis) => a.sentences.map((s) => a.text.slice(s.start, s.end));

/** The quotes' texts, after checking each is its span of the text and has the speaker given (none by default). */
function quoteTexts(a: Analysis, speakers: (string | null)[] = a.quotes.map(() => null)): string[] {
  a.quotes.forEach((q, i) => {
    expect(a.text.slice(q.start, q.end)).toBe(q.text);
    expect(q.speaker).toBe(speakers[i]);
  });
  return a.quotes.map((q) => q.text);
}

describe('German article (german.html)', () => {
  let a: Analysis;
  beforeAll(() => {
    a = read('german.html');
  });

  it('keeps the ordinal date "2. April" inside its sentence', () => {
    expect(sentenceTexts(a)).toContain('Eine erste Informationsveranstaltung ist für den 2. April im Rathaussaal geplant.');
    expect(sentenceTexts(a).some((s) => s.endsWith(' 2.'))).toBe(false);
  });

  it('still ends sentences at the full stops and the question mark', () => {
    const s = sentenceTexts(a);
    expect(s).toContain('Kritik kam vor allem aus dem Einzelhandel.');
    expect(s).toContain('Wie geht es nun weiter?');
    expect(s).toContain('„Viele unserer Kunden kommen aus den umliegenden Dörfern, und die fahren nun einmal mit dem Auto“, sagte Krüger.');
  });

  it('finds the quotes in „…“, the partial one included, and their speakers after "sagte"', () => {
    expect(quoteTexts(a, ['Oberbürgermeisterin Sabine Hellwig', 'Oberbürgermeisterin Sabine Hellwig', 'Thomas Krüger'])).toEqual([
      'Wir reden seit fünfzehn Jahren über sichere Radwege, jetzt bauen wir sie endlich',
      'historischen Tag für die Stadt',
      'Viele unserer Kunden kommen aus den umliegenden Dörfern, und die fahren nun einmal mit dem Auto',
    ]);
  });
});

describe('Japanese article (japanese.html)', () => {
  let a: Analysis;
  beforeAll(() => {
    a = read('japanese.html');
  });

  it('starts a sentence with the 「 that opens a quote after 。', () => {
    const s = sentenceTexts(a);
    expect(s).toContain('「週末は家族で来ようと思います！」');
    expect(s).toContain('「子どもの頃から通っていた図書館が新しくなって、本当にうれしい」と、市内に住む会社員の田中浩二さんは話した。');
    // No sentence ends on an opening bracket.
    expect(s.filter((t) => /[「『（]$/.test(t))).toEqual([]);
  });

  it('keeps a closing 」 and the rest of the sentence after it together', () => {
    expect(sentenceTexts(a)).toContain('高橋和夫市長は記者会見で、「通勤や通学の途中に気軽に立ち寄れる場所にしたかった」と説明した。');
  });

  it('finds the quotes in 「…」', () => {
    expect(quoteTexts(a)).toEqual([
      '子どもの頃から通っていた図書館が新しくなって、本当にうれしい',
      '週末は家族で来ようと思います！',
      '通勤や通学の途中に気軽に立ち寄れる場所にしたかった',
    ]);
  });
});

describe('Chinese article (chinese.html)', () => {
  it('finds the quotes in “…”, not the organisation’s quoted name “青川绿水”', () => {
    expect(quoteTexts(read('chinese.html'))).toEqual(['过去一到夏天，河边的味道就让人受不了。', '现在终于有希望了！']);
  });
});
