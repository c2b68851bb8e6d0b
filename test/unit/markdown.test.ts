import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyze } from '@/lib/analyze';
import { parseHtmlDocument } from '@/cli/dom';
import { analysisToMarkdown, escapeMarkdown, keySentenceTexts } from '@/lib/markdown';

const sampleHtml = readFileSync(new URL('../fixtures/sample/article.html', import.meta.url), 'utf8');

describe('analysisToMarkdown', () => {
  it('writes title, link, numbered key sentences and quotes of the sample article', () => {
    const a = analyze(parseHtmlDocument(sampleHtml), { sentences: 3 });
    if (!a.ok) throw new Error(a.message);
    const md = analysisToMarkdown(a, 'https://courier.example/transit');
    const lines = md.split('\n');
    expect(lines[0]).toBe(`# ${escapeMarkdown(a.title ?? 'Untitled')}`);
    expect(md).toContain('<https://courier.example/transit>');
    const numbered = lines.filter((l) => /^\d+\. /.test(l));
    expect(numbered).toHaveLength(a.summary.length);
    keySentenceTexts(a).forEach((s, i) => expect(numbered[i]).toBe(`${i + 1}. ${escapeMarkdown(s)}`));
    const quoteLines = lines.filter((l) => l.startsWith('- “'));
    expect(quoteLines).toHaveLength(a.quotes.length);
    a.quotes.forEach((q, i) => expect(quoteLines[i]).toContain(q.speaker ? escapeMarkdown(q.speaker) : 'unattributed'));
    expect(md.endsWith('\n')).toBe(true);
  });

  it('treats page text as text: markup and links are escaped, line breaks folded', () => {
    expect(escapeMarkdown('Click [here](javascript:alert(1)) *now*')).toBe('Click \\[here\\](javascript:alert(1)) \\*now\\*');
    expect(escapeMarkdown('# Not a heading\nsecond line')).toBe('\\# Not a heading second line');
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert(1)\\>');
    expect(escapeMarkdown('1. Not a list')).toBe('1\\. Not a list');
  });

  it('omits a link that is not http(s)', () => {
    const a = analyze(parseHtmlDocument(sampleHtml));
    if (!a.ok) throw new Error(a.message);
    expect(analysisToMarkdown(a, 'javascript:alert(1)')).not.toContain('javascript:');
  });
});
