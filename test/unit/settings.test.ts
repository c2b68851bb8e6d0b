import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { beforeEach } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_KEY, loadSettings, saveSettings, validateSettings } from '@/lib/settings';

describe('validateSettings', () => {
  it('fills defaults for missing or invalid fields and keeps valid ones', () => {
    expect(validateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(validateSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    const s = validateSettings({
      summaryLength: 7,
      highlightOnOpen: 'no',
      colours: { keySentence: '#112233', quote: 'red; background: url(x)', entity: '#ABCDEF' },
    });
    expect(s).toEqual({
      summaryLength: 7,
      highlightOnOpen: DEFAULT_SETTINGS.highlightOnOpen,
      colours: { keySentence: '#112233', quote: DEFAULT_SETTINGS.colours.quote, entity: '#ABCDEF' },
    });
    expect(validateSettings({ summaryLength: 4 }).summaryLength).toBe(DEFAULT_SETTINGS.summaryLength);
    expect(validateSettings({ summaryLength: '5' }).summaryLength).toBe(DEFAULT_SETTINGS.summaryLength);
  });
});

describe('settings in storage.local', () => {
  beforeEach(() => fakeBrowser.reset());

  it('loads defaults from empty storage, saves a patch, and ignores a corrupted stored value', async () => {
    const area = fakeBrowser.storage.local;
    expect(await loadSettings(area)).toEqual(DEFAULT_SETTINGS);
    await saveSettings(area, { summaryLength: 3, colours: { quote: '#000000' } });
    const loaded = await loadSettings(area);
    expect(loaded.summaryLength).toBe(3);
    expect(loaded.colours.quote).toBe('#000000');
    expect(loaded.colours.keySentence).toBe(DEFAULT_SETTINGS.colours.keySentence);
    await area.set({ [SETTINGS_KEY]: { summaryLength: 'all', colours: 7 } });
    expect(await loadSettings(area)).toEqual(DEFAULT_SETTINGS);
  });
});
