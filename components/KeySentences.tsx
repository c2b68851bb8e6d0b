import { keySentenceSpans, type SummaryLength } from '@/lib/messages';
import type { Analysis } from '@/lib/types';
import { LengthControl } from './LengthControl';

interface Props {
  analysis: Analysis;
  length: SummaryLength;
  onLength(v: SummaryLength): void;
  onFocus(index: number): void;
}

export function KeySentences({ analysis, length, onLength, onFocus }: Props) {
  const spans = keySentenceSpans(analysis);
  return (
    <section class="section" aria-labelledby="key-heading">
      <div class="section-head">
        <h2 id="key-heading">Key sentences</h2>
        <LengthControl value={length} onChange={onLength} />
      </div>
      {spans.length === 0 ? (
        <p class="empty">No key sentences.</p>
      ) : (
        <ol class="key-sentences">
          {spans.map((s, i) => (
            <li key={`${s.start}-${s.end}`}>
              <button type="button" class="passage" onClick={() => onFocus(i)} title="Show in the page">
                {analysis.text.slice(s.start, s.end)}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
