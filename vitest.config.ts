import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

// Two projects: fast unit tests (Node, happy-dom where a test asks for it) and
// end-to-end tests that build the extension and drive Debian's Chromium and
// Firefox ESR, one browser after the other (LEDE_E2E_BROWSERS=firefox for one).
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}', 'lib/**/*.test.ts', 'components/**/*.test.tsx'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        plugins: [WxtVitest()],
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // Builds the e2e variant for each browser afresh once per run, before any test file.
          globalSetup: ['test/e2e/support/global-setup.ts'],
          // One browser at a time on a shared machine: files run one after another.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
