/**
 * A synthetic multi-megabyte article page for the anchoring timings: article
 * texts of the corpus joined until `targetChars`, marked up as pages are (links,
 * emphasis, soft hyphens, <br> between some sentences), with the article text
 * extraction would give and sentence passages spread over it. Built at run time
 * under build/ only: corpus text is never committed.
 */
import type { Span } from '../../lib/types';

export interface SyntheticPage {
  html: string;
  text: string;
  /** Every sentence found (a simple pattern, enough for timing). */
  sentences: Span[];
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function markup(paragraph: string, seed: number): string {
  let n = seed;
  return paragraph
    .split(' ')
    .map((word) => {
      n++;
      let w = escape(word);
      if (n % 17 === 0 && word.length > 7) w = `${escape(word.slice(0, 3))}&shy;${escape(word.slice(3))}`;
      if (n % 9 === 0) return `<a href="#w${n}">${w}</a>`;
      if (n % 13 === 0) return `<em>${w}</em>`;
      return w;
    })
    .join(' ')
    .replace(/([.!?]) (?=[A-Z])/g, (m, p: string) => (n++ % 3 === 0 ? `${p}<br>\n` : m));
}

export function syntheticPage(articleTexts: string[], targetChars: number): SyntheticPage {
  const paragraphs: string[] = [];
  let length = 0;
  for (let round = 0; length < targetChars && articleTexts.length; round++) {
    for (const t of articleTexts) {
      for (const p of t.split(/\n+/)) {
        const para = p.replace(/\s+/g, ' ').trim();
        if (!para) continue;
        // Later rounds are numbered so the page does not simply repeat itself.
        paragraphs.push(round ? `(${round}) ${para}` : para);
        length += para.length + 2;
        if (length >= targetChars) break;
      }
      if (length >= targetChars) break;
    }
  }
  const text = paragraphs.join('\n\n');
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><title>Synthetic long article</title></head><body>' +
    '<nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Synthetic long article</h1>' +
    paragraphs.map((p, i) => `<p>${markup(p, i)}</p>`).join('\n') +
    '</article><footer>Footer</footer></body></html>';
  const sentences: Span[] = [];
  for (const m of text.matchAll(/[A-Z“"][^.!?\n]{20,400}[.!?]/g)) sentences.push({ start: m.index!, end: m.index! + m[0].length });
  return { html, text, sentences };
}

/** `count` passages spread evenly over the sentences. */
export function spread(sentences: Span[], count: number): Span[] {
  if (sentences.length <= count) return sentences;
  const step = sentences.length / count;
  return Array.from({ length: count }, (_, i) => sentences[Math.floor(i * step)]);
}
