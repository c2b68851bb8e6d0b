/**
 * Boilerplate rules on the structures real pages give them: each case is
 * hand-written HTML reproducing a block seen in the content Readability kept
 * on a tuning page of the Zyte benchmark's development part
 * (../shared/corpora/extraction-dev; the text here is invented). The rules
 * run on the content element as extraction hands it over after Readability.
 */
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../cli/dom';
import { removeBoilerplate } from '../../lib/extract/boilerplate';
import { elementText } from '../../lib/extract/dom-text';

const URL = 'https://www.aldervalleycourier.example/news/2026/03/12/ferry';
const PROSE = [
  'The morning ferry from Port Alder ran aground on a sandbar near the north jetty on Thursday, the harbor master said.',
  'All 46 passengers were taken ashore by a fire department boat, and no one was hurt, according to the county.',
  'The ferry operator said the boat would be towed off at high tide and inspected before it returns to service.',
  'The channel near the jetty has not been dredged since 2019, and pilots have complained about it for months.',
  'A council committee is to take up the dredging contract again in June, after two bidders asked for more time.',
];
const body = PROSE.map((p) => `<p>${p}</p>`).join('');

/** The text left once the rules have run on the <article> of this page. */
function cleaned(inner: string): string {
  const doc = parseHtmlDocument(`<!doctype html><html><body><article>${inner}</article></body></html>`, URL);
  const root = doc.querySelector('article')!;
  removeBoilerplate(root, URL);
  return elementText(root).text;
}

describe('removeBoilerplate on structures from real pages', () => {
  it('takes a site menu kept inside the content (a <nav>, or role="menu")', () => {
    const menu = ['Home', 'Local', 'US & World', 'Sports', 'Business'].map((s) => `<li><a href="/${s}/">${s}</a></li>`).join('');
    const text = cleaned(`<header><nav id="siteNav"><ul class="topnav">${menu}</ul></nav></header>${body}<div role="menu"><a href="/jobs/">Jobs</a> <a href="/cars/">Cars</a></div>`);
    for (const item of ['Home', 'US & World', 'Jobs', 'Cars']) expect(text).not.toContain(item);
    expect(text).toBe(PROSE.join('\n\n'));
  });

  it('takes the site\'s address and phone line under the story, named as its copyright block', () => {
    const text = cleaned(`${body}<div class="page-bottom"><div class="copyright-wrp"><p>The Courier 12 Main Street, Suite 4 Port Alder | 555-0100 tel | 555-0101 fax</p></div></div>`);
    expect(text).toBe(PROSE.join('\n\n'));
  });

  it('takes a caption in a box whose id, not class, names it as an image\'s', () => {
    const text = cleaned(`<div id="featured-image-wrapper"><p><img src="/ferry.jpg" alt="The ferry on the sandbar"></p><p><span>The ferry on the sandbar (left) and the fire boat</span></p></div>${body}`);
    expect(text).toBe(PROSE.join('\n\n'));
  });

  it('takes a line of headline links with their labels under a "Don\'t miss" heading, not the prose after it', () => {
    const links =
      '<a href="/news/1">Council delays harbor vote</a> [<strong>INSIGHT]|<br></strong>' +
      '<a href="/news/2">Bridge lane closures begin Monday night across the river</a> [<strong>VIDEO]<br></strong>' +
      '<a href="/news/3">Library reopens its east wing after repairs</a> [<strong>REACTION]</strong>';
    const text = cleaned(`${PROSE.slice(0, 3).map((p) => `<p>${p}</p>`).join('')}<p><strong>DON'T MISS</strong></p><p>${links}</p>${PROSE.slice(3).map((p) => `<p>${p}</p>`).join('')}`);
    expect(text).toBe(PROSE.join('\n\n'));
  });

  it('takes a short sign-off under a rule drawn in text ("___"), and the rule', () => {
    // (Under a story of ten paragraphs: the sign-off must be a small part of the text.)
    const text = cleaned(`${body}${body}<p>___</p><p>Follow the Courier's full coverage of the harbor at https://aldervalleycourier.example/harbor</p>`);
    expect(text).toBe([...PROSE, ...PROSE].join('\n\n'));
    const bio = cleaned(`${body}<h2><span>______________________________</span></h2><em>Dana Whitcombe covers the harbor for the Courier.</em>`);
    expect(bio).toBe(PROSE.join('\n\n'));
  });

  it('keeps what follows a rule when it is a real part of the story, or a bare text of the body\'s own', () => {
    // A section after "* * *" as long as the story before it.
    const long = cleaned(`${body}<p>* * *</p>${body}`);
    expect(long).toContain(`${PROSE[4]}\n\n* * *\n\n${PROSE[0]}`);
    const bare = cleaned(`<div>${body}<p>___</p>Dana Whitcombe covers the harbor.</div>`);
    expect(bare).toContain('Dana Whitcombe covers the harbor.');
    // An <hr> is not taken for such a line: a reference under it belongs to the story.
    const ref = cleaned(`${body}<hr><p>More information: A. Author et al., Sandbars of the Alder estuary (2025).</p>`);
    expect(ref).toContain('More information: A. Author et al.');
  });
});
