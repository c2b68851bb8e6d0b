// @vitest-environment happy-dom
/**
 * The popup header on real pages: the headline a reader expects and the site
 * and author each named once, never a machine's address (issue 15, item 2).
 * Pages are read at a loopback address, as the e2e server serves them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { parseHtmlDocument } from '@/cli/dom';
import { Header } from '@/components/Header';
import { analyze } from '@/lib/analyze';
import { siteHost } from '@/lib/extract/metadata';
import { analysisToMarkdown } from '@/lib/markdown';
import type { Analysis } from '@/lib/types';
import { hasShared, PROJECT_ROOT, sharedPath } from '../support/shared';

const LOOPBACK = 'http://127.0.0.1:41234/article.html';

function read(html: string, url = LOOPBACK): Analysis {
  const r = analyze(parseHtmlDocument(html, url), { url });
  if (!r.ok) throw new Error(r.message);
  return r;
}
const fixturePage = (name: string) => readFileSync(join(PROJECT_ROOT, 'test/fixtures/pages', name), 'utf8');
const corpusPage = (name: string) => readFileSync(sharedPath('corpora/readability-pages', name, 'source.html'), 'utf8');

let host: HTMLElement | null = null;
afterEach(() => {
  if (host) render(null, host);
  host?.remove();
  host = null;
});

/** The header as the popup renders it: its title and the items of its meta line. */
function header(a: Analysis): { title: string; meta: string[] } {
  host = document.createElement('div');
  document.body.append(host);
  render(<Header analysis={a} />, host);
  return {
    title: host.querySelector('.article-title')?.textContent ?? '',
    meta: [...host.querySelectorAll('.article-meta span')].map((s) => s.textContent ?? ''),
  };
}

describe('the header', () => {
  it('shows the <h1> as the headline when the <title> is the publishing software’s name, and the site once when it is also the author', () => {
    const a = read(fixturePage('cms-defaults.html'));
    const h = header(a);
    expect(h.title).toBe('Harbour bridge to close for two nights of cable work');
    expect(h.meta).toEqual(['The Alder Valley Courier', '1 min read']);
    expect(analysisToMarkdown(a, LOOPBACK).split('\n')[2]).toBe(`The Alder Valley Courier: <${LOOPBACK}>`);
  });

  it('names no site from a loopback address, and keeps a real host name as the site', () => {
    const html = fixturePage('tricky-body.html');
    expect(header(read(html)).meta).toEqual(['Dana Whitcombe', expect.stringMatching(/min read$/)]);
    expect(read(html, 'https://www.aldervalleycourier.example/news/levy').siteName).toBe('aldervalleycourier.example');
    for (const machine of ['127.0.0.1', 'localhost', '[::1]', '10.0.0.7', 'fakehost']) expect(siteHost(machine)).toBeNull();
  });

  it.skipIf(!hasShared('corpora/readability-pages'))('on the BBC and New York Times test pages (../shared): "BBC News" once, the Times’ byline alone', () => {
    expect(header(read(corpusPage('bbc-1'))).meta).toEqual(['BBC News', expect.stringMatching(/min read$/)]);
    const times = header(read(corpusPage('nytimes-1')));
    expect(times.title).toBe('United States to Lift Sudan Sanctions');
    expect(times.meta).toEqual(['Jeffrey Gettleman', expect.stringMatching(/min read$/)]);
  });
});
