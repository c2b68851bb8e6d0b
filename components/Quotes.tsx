import type { Analysis } from '@/lib/types';

export function Quotes({ analysis, onFocus }: { analysis: Analysis; onFocus(index: number): void }) {
  return (
    <section class="section" aria-labelledby="quotes-heading">
      <h2 id="quotes-heading">Quotes</h2>
      {analysis.quotes.length === 0 ? (
        <p class="empty">No direct quotes.</p>
      ) : (
        <ul class="quotes">
          {analysis.quotes.map((q, i) => (
            <li key={`${q.start}-${q.end}`}>
              <button type="button" class="passage quote" onClick={() => onFocus(i)} title="Show in the page">
                <q>{q.text}</q>
                <span class={q.speaker ? 'speaker' : 'speaker unattributed'}>— {q.speaker ?? 'unattributed'}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
