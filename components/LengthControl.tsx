import { SUMMARY_LENGTHS, type SummaryLength } from '@/lib/messages';

/** A radio group: arrow keys move between 3 / 5 / 7 / auto, as a native radio group does. */
export function LengthControl({ value, onChange }: { value: SummaryLength; onChange(v: SummaryLength): void }) {
  return (
    <fieldset class="length-control">
      <legend class="visually-hidden">Number of key sentences</legend>
      {SUMMARY_LENGTHS.map((n) => (
        <label key={n} class={n === value ? 'selected' : undefined}>
          <input
            type="radio"
            name="summary-length"
            value={String(n)}
            checked={n === value}
            onChange={() => onChange(n)}
          />
          {n === 'auto' ? 'Auto' : n}
        </label>
      ))}
    </fieldset>
  );
}
