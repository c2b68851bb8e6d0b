/**
 * proseShape (lib/extract/no-article.ts) counts a paragraph's words only as
 * far as the rule needs (eight): it must answer as the plain count did,
 * `para.split(/\s+/).length >= 8`, kept below as the reference, on the text
 * of every fixture page and corpus page (../shared, skipped when absent) and
 * on arbitrary strings of words, whitespace and sentence ends.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../cli/dom';
import { extractArticle } from '../../lib/extract';
import { proseShape } from '../../lib/extract/no-article';
import { fixturePages, READABILITY_PAGES, readabilityPages } from '../support/pages';
import { hasShared } from '../support/shared';

const SENTENCE_END = /[.!?。！？…]["'”’»)\]]*(?=\s|$|\p{Lu}\p{Ll})/gu;

function referenceShape(text: string) {
  let sentences = 0;
  let proseChars = 0;
  for (const para of text.split(/\n+/)) {
    const n = para.match(SENTENCE_END)?.length ?? 0;
    if (n > 0 && (para.split(/\s+/).length >= 8 || (para.length >= 20 && /[\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]/.test(para)))) {
      sentences += n;
      proseChars += para.length;
    }
  }
  return { chars: text.length, sentences, proseChars };
}

function textsOf(pages: { html: string }[]): string[] {
  const out: string[] = [];
  for (const { html } of pages) {
    const a = extractArticle(parseHtmlDocument(html), { ownsDocument: true });
    if ('text' in a) out.push(a.text);
  }
  return out;
}

describe('proseShape counts words only as far as it needs', () => {
  it('answers as the plain count on every fixture page’s text', () => {
    const texts = textsOf(fixturePages());
    expect(texts.length).toBeGreaterThan(10);
    for (const t of texts) expect(proseShape(t)).toEqual(referenceShape(t));
  });

  it('answers as the plain count on strings of words, whitespace and sentence ends', () => {
    const piece = fc.constantFrom('a', 'Word', 'x.', 'end.', '!', '?”', ' ', '  ', '\t', '\n', '\n\n', '\u00a0', '\u2028', '\u3000', '日本語。', 'Ab');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const t = pieces.join('');
        expect(proseShape(t)).toEqual(referenceShape(t));
      }),
      { numRuns: 3000 },
    );
  });
});

describe.skipIf(!hasShared(READABILITY_PAGES))('proseShape on Readability’s test pages (../shared)', () => {
  it('answers as the plain count on every page’s text', () => {
    for (const t of textsOf(readabilityPages())) expect(proseShape(t)).toEqual(referenceShape(t));
  }, 120_000);
});
