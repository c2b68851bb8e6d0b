import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const CONTENT_ENTITY_DATA = fileURLToPath(new URL('./entrypoints/content/entity-data.ts', import.meta.url));

/**
 * In the extension, lib/entities/ reads its model and gazetteer from the file
 * entrypoints/entity-data injects before the content script, not from its own
 * bundle: the data is two thirds of the script and grows with the model, while
 * the code has a size budget of its own. Only imports made inside lib/entities/
 * are swapped; entrypoints/entity-data imports the real module. Builds only:
 * unit tests read lib/entities/data.ts as Node does.
 */
function entityDataFromItsOwnFile(): Plugin {
  return {
    name: 'lede:entity-data-from-its-own-file',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './data' && importer && /[\\/]lib[\\/]entities[\\/][^\\/]+\.ts$/.test(importer)) return CONTENT_ENTITY_DATA;
      return null;
    },
  };
}

// `--mode e2e` builds a test variant into its own folder with one extra host
// permission for the loopback test server: a headless browser cannot click the
// toolbar, so it never receives the activeTab grant. The shipped build has none.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: '.output',
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  vite: () => ({ plugins: [preact(), entityDataFromItsOwnFile()] }),
  // The sources zip (for Firefox review) holds the project only: never build/
  // (evaluation outputs can quote corpus text that must not be redistributed).
  zip: { excludeSources: ['build/**', '.wxt/**', '**/*.log'] },
  hooks: {
    // entrypoints/content/index.ts is built as an unlisted script (defineUnlistedScript: WXT wraps it in no
    // ContentScriptContext, whose start-up message and event would tell the page Lede's id at every click),
    // and stays where WXT puts content scripts: the popup injects /content-scripts/content.js by name.
    'entrypoints:resolved': (_wxt, entrypoints) => {
      for (const e of entrypoints) {
        if (e.name === 'content' && e.type === 'content-script') {
          Object.assign(e, { type: 'unlisted-script', options: {} });
        }
      }
    },
  },
  manifest: ({ mode, browser, manifestVersion }) => ({
    name: 'Lede',
    description:
      'Reads a news article for you: key sentences, people, organizations, places and quotes. Runs on your device only.',
    permissions: ['activeTab', 'scripting', 'storage'],
    ...(mode === 'e2e' ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    // Firefox needs a stable add-on id (storage and signing are keyed by it);
    // Lede collects no data, which AMO asks every new add-on to declare. Firefox
    // paints highlights (CSS Custom Highlight API) and reads that declaration from
    // 140 on, Firefox for Android from 142 (addons-linter checks the minimums).
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'lede@lede-reader.org', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
    commands: {
      // MV2 (Firefox) names the toolbar button's command differently.
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Read this article with Lede',
      },
    },
  }),
});
