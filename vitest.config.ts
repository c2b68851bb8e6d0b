import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

// Two projects: fast unit tests (Node, happy-dom where a test asks for it) and
// end-to-end tests that build the extension and drive Debian's Chromium.
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
    ],
  },
});
