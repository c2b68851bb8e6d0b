import type { Analysis } from '@/lib/types';
import { pageLimitNotes } from '@/lib/limits';
import { sourceNames } from '@/lib/extract/metadata';

export function Header({ analysis }: { analysis: Analysis }) {
  const minutes = analysis.stats.readingMinutes;
  const meta = sourceNames(analysis);
  return (
    <header class="article-header">
      <h1 class="article-title">{analysis.title ?? 'Untitled'}</h1>
      <p class="article-meta">
        {meta.map((m) => (
          <span key={m}>{m}</span>
        ))}
        <span>{minutes <= 1 ? '1 min read' : `${minutes} min read`}</span>
      </p>
      {pageLimitNotes(analysis.limits?.page).map((note) => (
        <p key={note} class="note page-limit" role="note">
          {note}
        </p>
      ))}
      {analysis.truncated && (
        <p class="note" role="note">
          This article is very long: Lede read its first {analysis.truncated.analyzedChars.toLocaleString('en')} of{' '}
          {analysis.truncated.originalChars.toLocaleString('en')} characters.
        </p>
      )}
    </header>
  );
}
