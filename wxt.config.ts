import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// `--mode e2e` builds a test variant into its own folder with one extra host
// permission for the loopback test server: a headless browser cannot click the
// toolbar, so it never receives the activeTab grant. The shipped build has none.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: '.output',
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ mode }) => ({
    name: 'Lede',
    description:
      'Reads a news article for you: key sentences, people, organizations, places and quotes. Runs on your device only.',
    permissions: ['activeTab', 'scripting', 'storage'],
    ...(mode === 'e2e' ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Read this article with Lede',
      },
    },
  }),
});
