/**
 * Finding the analysis's passages again in the live page (lib/anchor/ via
 * lib/highlight): the page text map, then passages of the real extracted text of
 * a team-written page (test/fixtures/anchoring/markup.html) anchored across its
 * markup, repeated, changed and removed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyze } from '../../lib/analyze';
import { extractArticle } from '../../lib/extract';
import { anchorPassages, buildTextMap, createAnchorer, positionAt, rangeStillMatches } from '../../lib/highlight';
import type { Span } from '../../lib/types';
import { happyPage, type HappyPage } from '../support/happy-page';
import { PROJECT_ROOT } from '../support/shared';

const MARKUP = readFileSync(resolve(PROJECT_ROOT, 'test/fixtures/anchoring/markup.html'), 'utf8');

let page: HappyPage;
afterEach(() => page?.close());

describe('buildTextMap', () => {
  it('collapses whitespace, drops soft hyphens and zero-width characters, breaks lines at blocks and <br>, skips what is never read', () => {
    page = happyPage(
      '<body><div><p>Hello <b>wor</b>ld</p><p>Soft&shy;ware  and\n   more&#8203;over</p>' +
        '<script>var hidden = 1;</script><style>p{}</style><noscript>enable js</noscript><template>tpl</template>' +
        '<p hidden>secret</p><p style="display: none">gone</p><span aria-hidden="true">icon</span>' +
        '<p>one<br>two&nbsp;three</p><table><tr><td>a</td><td>b</td></tr></table></div></body>',
    );
    const map = buildTextMap(page.doc.body);
    expect(map.text).toBe('Hello world\nSoftware and moreover\none\ntwo three\na b');
  });

  it('maps every character back to the text node and offset it came from', () => {
    page = happyPage(MARKUP);
    const map = buildTextMap(page.doc.body);
    let checked = 0;
    for (let i = 0; i < map.text.length; i++) {
      const c = map.text[i];
      if (/\s/.test(c)) continue;
      const { node, offset } = positionAt(map, i);
      expect(node.data[offset]).toBe(c);
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
    // Runs break only where normalization changed something: far fewer than characters.
    expect(map.runStart.length).toBeLessThan(map.text.length / 10);
    // Nothing of the head's script or title comes through.
    expect(map.text).not.toContain('dataLayer');
  });

  it('walks a page nested thousands of levels deep without overflowing the stack', () => {
    page = happyPage('<body></body>');
    // Built detached: happy-dom itself recurses when it tears a connected tree down.
    const root = page.doc.createElement('div');
    let el: Element = root;
    for (let i = 0; i < 20000; i++) {
      const child = page.doc.createElement(i % 2 ? 'span' : 'b');
      el.append(child);
      el = child;
    }
    el.append(page.doc.createTextNode('deep down'));
    expect(buildTextMap(root).text).toBe('deep down');
  });
});

/** The span of the n-th occurrence of `phrase` in `text`, any whitespace matching any whitespace. */
function spanOf(text: string, phrase: string, nth = 0): Span {
  const pattern = new RegExp(phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'), 'g');
  const all = [...text.matchAll(pattern)];
  if (!all[nth]) throw new Error(`"${phrase}" (#${nth}) is not in the extracted text`);
  return { start: all[nth].index!, end: all[nth].index! + all[nth][0].length };
}

function paragraphOf(range: Range): string | null {
  const node = range.startContainer;
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return el?.closest('p')?.id ?? null;
}

describe('anchorPassages on the extracted text of a team-written page', () => {
  let text: string;
  beforeEach(() => {
    page = happyPage(MARKUP);
    const article = extractArticle(page.doc);
    if ('ok' in article) throw new Error(`no article: ${article.message}`);
    text = article.text;
  });

  const anchorOne = (span: Span) => anchorPassages(page.doc.body, text, [span])[0];

  it.each([
    ['links, emphasis and strong', 'The Lowmoor town council voted seven to two on Tuesday to close the old ferry pier', 'p-vote'],
    ['a <br>', 'The pier opened in 1911. It carried forty thousand passengers', 'p-history'],
    ['soft hyphens', 'Residents said the decision was unfair, and a petition against it', 'p-soft'],
    ['runs of whitespace and no-break spaces', 'The council’s engineer, Tom Reyes, told the meeting that repairs would cost £3.2 million', 'p-space'],
    ['element boundaries', 'who voted against the closure, said the town had “traded its history', 'p-split'],
    ['a zero-width space', 'The island’s ferryman, Ian Trelawny, said', 'p-zwsp'],
  ])('finds a passage across %s exactly', (_what, phrase, paragraph) => {
    const span = spanOf(text, phrase);
    const result = anchorOne(span);
    expect(result.method).toBe('exact');
    expect(result.score).toBe(1);
    expect(result.range).not.toBeNull();
    expect(paragraphOf(result.range!)).toBe(paragraph);
    expect(rangeStillMatches(result.range!, text.slice(span.start, span.end))).toBe(true);
  });

  it('keeps the soft hyphens inside the range (the page is not changed, only pointed at)', () => {
    const { range } = anchorOne(spanOf(text, 'Residents said the decision was unfair'));
    expect(range!.toString()).toBe('Resi\u00ADdents said the deci\u00ADsion was unfair');
  });

  it('tells repeated sentences apart by their surroundings, ignoring the copy in the "Most read" box', () => {
    const first = spanOf(text, 'The meeting lasted three hours.', 0);
    const second = spanOf(text, 'The meeting lasted three hours.', 1);
    // Given in either order, each lands in its own paragraph.
    const [b, a] = anchorPassages(page.doc.body, text, [second, first]);
    expect(paragraphOf(a.range!)).toBe('p-first');
    expect(paragraphOf(b.range!)).toBe('p-second');
    expect(a.method).toBe('exact');
    expect(b.method).toBe('exact');
  });

  it('anchors every sentence, quote and entity mention analyze() finds, each to its own text', () => {
    const reading = analyze(page.doc);
    if (!reading.ok) throw new Error(reading.message);
    const mentions = reading.entities.flatMap((e) => e.mentions);
    const passages: Span[] = [...reading.sentences, ...reading.quotes, ...mentions];
    expect(reading.quotes.length).toBeGreaterThanOrEqual(2);
    expect(mentions.length).toBeGreaterThanOrEqual(5);
    const results = createAnchorer(page.doc.body, reading.text).anchor(passages);
    results.forEach((r, i) => {
      const passage = reading.text.slice(passages[i].start, passages[i].end);
      expect(r.range, passage).not.toBeNull();
      expect(r.method, passage).toBe('exact');
      expect(rangeStillMatches(r.range!, passage), passage).toBe(true);
      expect(r.range!.startContainer.parentElement?.closest('#story'), passage).not.toBeNull();
    });
  });

  it('puts each mention of a repeated name in its own paragraph', () => {
    const mentions = [spanOf(text, 'Okafor', 0), spanOf(text, 'Okafor', 1)];
    const results = anchorPassages(page.doc.body, text, mentions);
    expect(results.map((r) => paragraphOf(r.range!))).toEqual(['p-quote', 'p-end']);
  });

  it('finds a passage whose quotation marks the page has since straightened (normalized)', () => {
    const span = spanOf(text, '“We were never asked,” said Maria Okafor');
    for (const node of textNodesOf(page.doc.getElementById('p-quote')!)) node.data = node.data.replace(/[“”]/g, '"');
    const result = anchorOne(span);
    expect(result.method).toBe('normalized');
    expect(result.range!.toString()).toBe('"We were never asked," said Maria Okafor');
  });

  it('finds a sentence the page has changed a word of since the analysis (fuzzy)', () => {
    const span = spanOf(text, 'The Lowmoor town council voted seven to two on Tuesday to close the old ferry pier');
    const vote = page.doc.getElementById('p-vote')!;
    for (const node of textNodesOf(vote)) node.data = node.data.replace('Tuesday', 'Wednesday');
    const result = anchorOne(span);
    expect(result.method).toBe('fuzzy');
    expect(result.score).toBeGreaterThan(0.8);
    expect(result.score).toBeLessThan(1);
    expect(paragraphOf(result.range!)).toBe('p-vote');
    expect(result.range!.toString().replace(/\s+/g, ' ')).toContain('on Wednesday to close the old ferry pier');
  });

  it('says none for a passage the page no longer has, and for empty or impossible spans', () => {
    const span = spanOf(text, 'Ms Okafor said she would take the petition to the county council.');
    page.doc.getElementById('p-end')!.remove();
    const [gone, empty, outside, reversed] = anchorPassages(page.doc.body, text, [
      span,
      { start: 10, end: 10 },
      { start: text.length + 5, end: text.length + 50 },
      { start: 40, end: 20 },
    ]);
    expect(gone).toEqual({ range: null, method: 'none', score: 0 });
    for (const r of [empty, outside, reversed]) expect(r.method).toBe('none');
  });

  it('does not take a merely similar sentence for an absent one', () => {
    const other = 'The Lowmoor town council voted nine to nil on Friday to rebuild the new ferry pier at once.';
    const [result] = anchorPassages(page.doc.body, other, [{ start: 0, end: other.length }]);
    expect(result.method).toBe('none');
  });

  it('anchors in the order given and returns nothing for no passages', () => {
    expect(anchorPassages(page.doc.body, text, [])).toEqual([]);
    const spans = [spanOf(text, 'Gull Island'), spanOf(text, 'Maria Okafor')];
    const results = anchorPassages(page.doc.body, text, spans);
    expect(results.map((r) => r.range!.toString())).toEqual(['Gull Island', 'Maria Okafor']);
  });
});

describe('anchorPassages on a long passage', () => {
  // About 1,900 characters in one paragraph, split over links: longer than the
  // passages the approximate search takes whole, so its head and tail are found apart.
  const sentences = Array.from(
    { length: 30 },
    (_, i) => `Ferry crossing number ${i + 1} left the quay at ${6 + (i % 12)} o'clock with ${10 + i * 3} passengers aboard.`,
  );
  const text = `Timetable\n\n${sentences.join(' ')}\n\nEnd of the timetable.`;
  const html = `<body><h1>Timetable</h1><p id="long">${sentences
    .map((s, i) => (i % 4 === 1 ? `<a href="#s${i}">${s}</a>` : s))
    .join(' ')}</p><p>End of the timetable.</p></body>`;
  const span = { start: text.indexOf('Ferry'), end: text.indexOf('\n\nEnd') };

  it('finds it exactly, and approximately once a number in its middle has changed', () => {
    page = happyPage(html);
    expect(span.end - span.start).toBeGreaterThan(1500);
    expect(anchorPassages(page.doc.body, text, [span])[0].method).toBe('exact');

    const node = textNodesOf(page.doc.getElementById('long')!).find((t) => t.data.includes('number 15 left'))!;
    node.data = node.data.replace('number 15 left', 'number fifteen left');
    const [result] = anchorPassages(page.doc.body, text, [span]);
    expect(result.method).toBe('fuzzy');
    expect(result.score).toBeGreaterThan(0.9);
    const got = result.range!.toString();
    expect(got.startsWith('Ferry crossing number 1 left')).toBe(true);
    expect(got.endsWith('with 97 passengers aboard.')).toBe(true);
    expect(got).toContain('number fifteen left');
  });
});

function textNodesOf(el: Element): Text[] {
  const out: Text[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) out.push(n as Text);
    n.childNodes.forEach(walk);
  };
  walk(el);
  return out;
}
