import type { ComponentChildren } from 'preact';
import { SUMMARY_LENGTHS, type SummaryLength } from '@/lib/messages';
import type { HighlightColours, Settings, SettingsPatch } from '@/lib/settings';

interface Props {
  settings: Settings;
  onChange(patch: SettingsPatch): void;
  onReset(): void;
  /** "Saved" after a change, for the status line. */
  status: string | null;
}

const COLOUR_LABELS: Array<{ key: keyof HighlightColours; label: string; how: string }> = [
  { key: 'keySentence', label: 'Key sentences', how: 'laid over the text' },
  { key: 'quote', label: 'Quotes', how: 'underlined' },
  { key: 'entity', label: 'Person, organization or place you select', how: 'laid over the text and underlined' },
];

/** One option: its control beside a label, and a sentence on what it does under them. */
function Field({ id, label, description, children }: { id: string; label: string; description: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <div class="field-row">
        <label for={id} class="field-label">
          {label}
        </label>
        {children}
      </div>
      <p class="field-description" id={`${id}-description`}>
        {description}
      </p>
    </div>
  );
}

export function Options({ settings, onChange, onReset, status }: Props) {
  return (
    <form class="options" onSubmit={(e) => e.preventDefault()}>
      <header class="options-header">
        <h1>Lede options</h1>
        <p class="options-intro">Lede reads the article on your device: nothing you read leaves the browser. Changes are saved as you make them.</p>
      </header>

      <section class="card" aria-labelledby="reading-heading">
        <h2 id="reading-heading">Reading</h2>
        <Field
          id="summary-length"
          label="Key sentences to show"
          description="How many of the article’s sentences the popup lists first; you can change it there for one article. Auto lists 3 for a short story and up to 7 for a long one."
        >
          <select
            id="summary-length"
            aria-describedby="summary-length-description"
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
        </Field>
        <Field
          id="highlight-on-open"
          label="Highlight the page as soon as the popup opens"
          description="Marks the key sentences and quotes in the article itself. When off, the page stays as it is until you turn on “Highlights in the page” in the popup."
        >
          <input
            id="highlight-on-open"
            type="checkbox"
            role="switch"
            aria-describedby="highlight-on-open-description"
            checked={settings.highlightOnOpen}
            onChange={(e) => onChange({ highlightOnOpen: (e.currentTarget as HTMLInputElement).checked })}
          />
        </Field>
      </section>

      <section class="card" aria-labelledby="colours-heading">
        <h2 id="colours-heading">Highlight colours</h2>
        <p class="card-description">The colours Lede marks the page with. The page’s own text colour is kept, so pick light colours for light pages.</p>
        {COLOUR_LABELS.map(({ key, label, how }) => (
          <Field key={key} id={`colour-${key}`} label={label} description={`In this colour, ${how}.`}>
            <input
              id={`colour-${key}`}
              type="color"
              aria-describedby={`colour-${key}-description`}
              value={settings.colours[key]}
              onChange={(e) => onChange({ colours: { [key]: (e.currentTarget as HTMLInputElement).value } })}
            />
          </Field>
        ))}
      </section>

      <div class="options-footer">
        <button type="button" class="button" onClick={onReset}>
          Restore defaults
        </button>
        <span role="status" class="status-line">
          {status ?? ''}
        </span>
      </div>
    </form>
  );
}
