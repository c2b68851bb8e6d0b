/** Options page wiring: settings from storage.local to components/Options and back. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Options } from '@/components/Options';
import '@/components/options.css';
import { DEFAULT_SETTINGS, SETTINGS_KEY, loadSettings, saveSettings, type Settings, type SettingsPatch } from '@/lib/settings';

function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    void loadSettings(browser.storage.local).then(setSettings);
  }, []);

  const change = async (patch: SettingsPatch) => {
    setSettings(await saveSettings(browser.storage.local, patch));
    setStatus('Saved.');
  };
  const reset = async () => {
    await browser.storage.local.set({ [SETTINGS_KEY]: DEFAULT_SETTINGS });
    setSettings(DEFAULT_SETTINGS);
    setStatus('Defaults restored.');
  };

  return settings ? <Options settings={settings} onChange={(p) => void change(p)} onReset={() => void reset()} status={status} /> : null;
}

render(<OptionsApp />, document.getElementById('app')!);
