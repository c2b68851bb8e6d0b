/**
 * "Copy as Markdown": the article's title, link, key sentences and quotes with
 * their speakers, as a note the user can paste anywhere.
 */
import { sourceNames } from './extract/metadata';
import { keySentenceSpans } from './messages';
import type { Analysis } from './types';

/**
 * Page text is data, not markup: escape what Markdown would read as formatting
 * or links, and fold line breaks so one passage stays one list item.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_{}[\]<>|]/g, (c) => `\\${c}`)
    .replace(/^([#>+-])/, '\\$1')
    .replace(/^(\d+)\. /, '$1\\. ');
}

/** A URL inside <…> must not contain spaces or angle brackets. */
function safeUrl(url: string): string | null {
  return /^https?:\/\/[^\s<>]+$/i.test(url) ? url : null;
}

export function keySentenceTexts(a: Pick<Analysis, 'text' | 'sentences' | 'summary'>): string[] {
  return keySentenceSpans(a).map((span) => a.text.slice(span.start, span.end));
}

export function analysisToMarkdown(a: Analysis, url: string | null): string {
  const lines: string[] = [];
  lines.push(`# ${escapeMarkdown(a.title ?? 'Untitled')}`, '');
  const link = url ? safeUrl(url) : null;
  const source = sourceNames(a).map(escapeMarkdown).join(', ');
  if (link) lines.push(source ? `${source}: <${link}>` : `<${link}>`, '');
  else if (source) lines.push(source, '');

  const key = keySentenceTexts(a);
  if (key.length) {
    lines.push('## Key sentences', '');
    key.forEach((s, i) => lines.push(`${i + 1}. ${escapeMarkdown(s)}`));
    lines.push('');
  }
  if (a.quotes.length) {
    lines.push('## Quotes', '');
    for (const q of a.quotes) {
      lines.push(`- “${escapeMarkdown(q.text)}” — ${q.speaker ? escapeMarkdown(q.speaker) : 'unattributed'}`);
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
