/**
 * User settings with their defaults and a validator. Stored under one key in
 * `storage.local`; read by the popup, the options page and the content script.
 *
 * Pure: the caller passes the storage area (`browser.storage.local` in the
 * extension, a Map-backed fake in tests), so lib/ touches no extension API.
 */
import { SUMMARY_LENGTHS, type SummaryLength } from './messages';

export interface HighlightColours {
  keySentence: string;
  quote: string;
  entity: string;
}

export interface Settings {
  /** Key sentences shown by default: 3, 5, 7 or chosen from the article's length. */
  summaryLength: SummaryLength;
  /** Paint the page highlights as soon as the popup opens. */
  highlightOnOpen: boolean;
  colours: HighlightColours;
}

export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  summaryLength: 'auto',
  highlightOnOpen: true,
  colours: Object.freeze({ keySentence: '#ffe066', quote: '#9fd3ff', entity: '#b8f0b0' }),
}) as Settings;

/** `<input type="color">` gives #rrggbb; nothing else reaches a style sheet. */
const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

export function isColour(v: unknown): v is string {
  return typeof v === 'string' && HEX_COLOUR.test(v);
}

/** Keeps every valid field of `raw` and takes the default for the rest, so a bad value never locks the user out. */
export function validateSettings(raw: unknown): Settings {
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const c = (typeof o.colours === 'object' && o.colours !== null ? o.colours : {}) as Record<string, unknown>;
  const d = DEFAULT_SETTINGS;
  return {
    summaryLength: SUMMARY_LENGTHS.includes(o.summaryLength as SummaryLength)
      ? (o.summaryLength as SummaryLength)
      : d.summaryLength,
    highlightOnOpen: typeof o.highlightOnOpen === 'boolean' ? o.highlightOnOpen : d.highlightOnOpen,
    colours: {
      keySentence: isColour(c.keySentence) ? c.keySentence : d.colours.keySentence,
      quote: isColour(c.quote) ? c.quote : d.colours.quote,
      entity: isColour(c.entity) ? c.entity : d.colours.entity,
    },
  };
}

/** The part of `storage.local` we use. */
export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export async function loadSettings(area: StorageArea): Promise<Settings> {
  const stored = await area.get(SETTINGS_KEY);
  return validateSettings(stored[SETTINGS_KEY]);
}

export type SettingsPatch = Partial<Omit<Settings, 'colours'>> & { colours?: Partial<HighlightColours> };

/** Merges a patch into the stored settings, validates the whole, stores and returns it. */
export async function saveSettings(area: StorageArea, patch: SettingsPatch): Promise<Settings> {
  const current = await loadSettings(area);
  const next = validateSettings({ ...current, ...patch, colours: { ...current.colours, ...patch.colours } });
  await area.set({ [SETTINGS_KEY]: next });
  return next;
}
