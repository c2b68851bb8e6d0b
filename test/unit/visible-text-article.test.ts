/**
 * "Analyze the whole visible text" (issue 15, item 2): the page gave no article,
 * so its sign-in box, newsletter and cookie lines sit in the text beside the
 * story; none of them may be a key sentence.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '@/lib/analyze';
import { articleFromVisibleText } from '@/lib/extract/plain-text';
import { keySentenceTexts } from '@/lib/markdown';
import { PROJECT_ROOT } from '../support/shared';

const text = readFileSync(join(PROJECT_ROOT, 'test/fixtures/pages/visible-text-furniture.txt'), 'utf8');
const STORY = text.split('\n').filter((l) => l.split(' ').length > 16);

describe('articleFromVisibleText', () => {
  it('picks key sentences from the story only, never from the sign-in box or the footer', () => {
    expect(STORY).toHaveLength(4);
    const r = analyze(articleFromVisibleText(text, { title: 'Sections', lang: 'en' }), { sentences: 5 });
    if (!r.ok) throw new Error(r.message);
    const keys = keySentenceTexts(r);
    expect(keys).not.toContain('A password will be e-mailed to you.');
    expect(keys.length).toBeGreaterThanOrEqual(3);
    for (const k of keys) expect(STORY).toContain(k);
  });

  it('keeps the text as given, and marks whole furniture lines only', () => {
    const a = articleFromVisibleText(text, { title: null, lang: null });
    expect(a.text).toBe(text);
    const marked = (line: string) => {
      const start = text.indexOf(line);
      return a.nonBody.some((s) => s.start <= start && start + line.length <= s.end);
    };
    const touched = (line: string) => {
      const start = text.indexOf(line);
      return a.nonBody.some((s) => s.start < start + line.length && start < s.end);
    };
    for (const line of ['Log in', 'Forgot your password?', 'A password will be e-mailed to you.', 'Sign up for our newsletter', 'We use cookies to improve your experience.', 'Sport'])
      expect(marked(line), line).toBe(true);
    for (const line of STORY) expect(touched(line), line).toBe(false);
  });

  it('reads a page of nothing but headlines from its headlines, but not from its copyright line', () => {
    const headlines = 'Sections\nCouncil delays vote on bridge repairs\nHarbour festival returns in June\nStorm warning for the valley tonight\n© The Alder Valley Courier';
    const r = analyze(articleFromVisibleText(headlines, { title: null, lang: 'en' }), { sentences: 3 });
    if (!r.ok) throw new Error(r.message);
    const keys = keySentenceTexts(r);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toContain('©');
  });
});
