import { useState } from 'preact/hooks';
import { quoteGroups } from '@/lib/quotes/phrases';
import type { Analysis, Quote } from '@/lib/types';

/** Statements listed before "Show all": enough to see who speaks, short enough that people and places stay in reach. */
export const QUOTES_SHOWN = 5;

interface Props {
  analysis: Analysis;
  /** Called with the quote's index in analysis.quotes (document order). */
  onFocus(index: number): void;
}

function Statement({ quote, index, onFocus }: { quote: Quote; index: number; onFocus(index: number): void }) {
  return (
    <li>
      <button type="button" class="passage quote" data-quote={index} onClick={() => onFocus(index)} title="Show in the page">
        <q>{quote.text}</q>
        <span class={quote.speaker ? 'speaker' : 'speaker unattributed'}>— {quote.speaker ?? 'unattributed'}</span>
      </button>
    </li>
  );
}

/** Quoted words and phrases, folded: each still a button that shows it in the page. */
function Phrases({ analysis, indices, onFocus }: Props & { indices: number[] }) {
  if (indices.length === 0) return null;
  return (
    <details class="quoted-phrases">
      <summary>
        Quoted words and phrases <span class="count">{indices.length}</span>
      </summary>
      <ul class="phrases">
        {indices.map((i) => {
          const q = analysis.quotes[i];
          return (
            <li key={`${q.start}-${q.end}`}>
              <button type="button" class="phrase" data-quote={i} onClick={() => onFocus(i)} title={q.speaker ? `${q.speaker} — show in the page` : 'Show in the page'}>
                <q>{q.text}</q>
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}

export function Quotes({ analysis, onFocus }: Props) {
  const [showAll, setShowAll] = useState(false);
  const { statements, phrases } = quoteGroups(analysis.quotes);
  const shown = showAll ? statements : statements.slice(0, QUOTES_SHOWN);
  return (
    <section class="section" aria-labelledby="quotes-heading">
      <h2 id="quotes-heading">Quotes</h2>
      {analysis.quotes.length === 0 && <p class="empty">No direct quotes.</p>}
      {statements.length > 0 && (
        <ul class="quotes">
          {shown.map((i) => (
            <Statement key={`${analysis.quotes[i].start}-${analysis.quotes[i].end}`} quote={analysis.quotes[i]} index={i} onFocus={onFocus} />
          ))}
        </ul>
      )}
      {statements.length > QUOTES_SHOWN && (
        <button type="button" class="link show-all" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show fewer' : `Show all ${statements.length} quotes`}
        </button>
      )}
      <Phrases analysis={analysis} indices={phrases} onFocus={onFocus} />
    </section>
  );
}
