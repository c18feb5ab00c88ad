import { configDefaults, defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** The e2e files: the built extension in a real Chromium (test/e2e/README.md). */
const E2E = 'test/e2e/**/*.e2e.test.ts';

export default defineConfig({
  // WXT's test plugin: the `browser` of extension code is WXT's in-memory fake, and its auto-imports resolve.
  plugins: [WxtVitest()],
  test: {
    setupFiles: ['test/support/extension-setup.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    // The command-line tests start real processes; give them room on a 2-core machine.
    testTimeout: 30_000,
    // Two projects only to run the browser files apart; `include` lives in the projects (extends merges arrays).
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'core/**/*.test.ts',
            'cli/**/*.test.ts',
            'sync-server/**/*.test.ts',
            'packaging/**/*.test.ts',
            'scripts/**/*.test.ts',
            'extension/**/*.test.{ts,tsx}',
            'test/**/*.test.ts',
          ],
          exclude: [...configDefaults.exclude, E2E],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: [E2E],
          // Each file starts Chromium: after the unit files (groupOrder), and one file at a time (2 cores).
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
          // Builds the extension once and starts the simulated sites for all e2e files.
          globalSetup: ['test/e2e/support/setup.ts'],
        },
      },
    ],
  },
});
