/**
 * The names of Lede's highlights and the style sheet that colours them. The
 * content script registers Ranges under these names (lib/highlight.ts); the
 * popup puts the sheet into the tab with `scripting.insertCSS`, so no element
 * of Lede's ever enters the page's DOM and the page's `document.styleSheets`
 * do not change. Small and pure, so the popup bundles it without the analysis.
 */
import { DEFAULT_SETTINGS, isColour, type HighlightColours } from './settings';

export const HIGHLIGHT_NAMES = {
  keySentence: 'lede-key-sentence',
  quote: 'lede-quote',
  entity: 'lede-entity',
  flash: 'lede-flash',
} as const;

/** Only #rrggbb reaches the style sheet: settings validate, and so does this (the default for anything else). */
export function cssColours(given: Partial<HighlightColours> | null | undefined): HighlightColours {
  const d = DEFAULT_SETTINGS.colours;
  const pick = (v: unknown, fallback: string) => (isColour(v) ? v.toLowerCase() : fallback);
  return { keySentence: pick(given?.keySentence, d.keySentence), quote: pick(given?.quote, d.quote), entity: pick(given?.entity, d.entity) };
}

export function sameColours(a: Partial<HighlightColours>, b: Partial<HighlightColours>): boolean {
  const x = cssColours(a);
  const y = cssColours(b);
  return x.keySentence === y.keySentence && x.quote === y.quote && x.entity === y.entity;
}

/**
 * The style sheet: backgrounds at partial opacity (the hex alpha "80"/"99") so
 * the page's own background shows through and its text colour stays readable on
 * light and dark pages alike; entities also get an underline that survives any
 * background. Quotes are underlined, not filled: most quotes sit inside a key
 * sentence, and a blue fill over the yellow one blends into the green of a
 * selected entity. It styles Lede's highlight names and nothing else.
 */
export function highlightCss(colours?: Partial<HighlightColours> | null): string {
  const c = cssColours(colours);
  const n = HIGHLIGHT_NAMES;
  return [
    `::highlight(${n.keySentence}) { background-color: ${c.keySentence}80; color: inherit; }`,
    `::highlight(${n.quote}) { background-color: transparent; color: inherit; text-decoration: underline 3px ${c.quote}; }`,
    `::highlight(${n.entity}) { background-color: ${c.entity}99; color: inherit; text-decoration: underline 2px ${c.entity}; }`,
    `::highlight(${n.flash}) { background-color: #ff9800cc; color: inherit; }`,
  ].join('\n');
}
