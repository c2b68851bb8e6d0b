import { SUMMARY_LENGTHS, type SummaryLength } from '@/lib/messages';
import type { HighlightColours, Settings, SettingsPatch } from '@/lib/settings';

interface Props {
  settings: Settings;
  onChange(patch: SettingsPatch): void;
  onReset(): void;
  /** "Saved" after a change, for the status line. */
  status: string | null;
}

const COLOUR_LABELS: Array<{ key: keyof HighlightColours; label: string }> = [
  { key: 'keySentence', label: 'Key sentences' },
  { key: 'quote', label: 'Quotes' },
  { key: 'entity', label: 'Selected person, organization or place' },
];

export function Options({ settings, onChange, onReset, status }: Props) {
  return (
    <form class="options" onSubmit={(e) => e.preventDefault()}>
      <h1>Lede options</h1>
      <label class="row">
        <span>Key sentences to show</span>
        <select
          value={String(settings.summaryLength)}
          onChange={(e) => {
            const v = (e.currentTarget as HTMLSelectElement).value;
            onChange({ summaryLength: (v === 'auto' ? 'auto' : Number(v)) as SummaryLength });
          }}
        >
          {SUMMARY_LENGTHS.map((n) => (
            <option key={n} value={String(n)}>
              {n === 'auto' ? 'Auto (from the article’s length)' : n}
            </option>
          ))}
        </select>
      </label>
      <label class="row">
        <input
          type="checkbox"
          checked={settings.highlightOnOpen}
          onChange={(e) => onChange({ highlightOnOpen: (e.currentTarget as HTMLInputElement).checked })}
        />
        <span>Highlight the page as soon as the popup opens</span>
      </label>
      <fieldset>
        <legend>Highlight colours</legend>
        {COLOUR_LABELS.map(({ key, label }) => (
          <label class="row" key={key}>
            <input
              type="color"
              value={settings.colours[key]}
              onChange={(e) => onChange({ colours: { [key]: (e.currentTarget as HTMLInputElement).value } })}
            />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      <div class="row">
        <button type="button" onClick={onReset}>
          Restore defaults
        </button>
        <span role="status" class="status-line">
          {status ?? ''}
        </span>
      </div>
    </form>
  );
}
