import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  test: {
    projects: [
      {
        extends: true,
        // A loaded 2-core machine: a type-check of the shipped .d.ts can take over 10 s there.
        test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], environment: 'node', testTimeout: 60_000 },
      },
      {
        extends: true,
        // Checks on the built data and the content: they read src/generated (npm run data).
        test: { name: 'data', include: ['tests/data/**/*.test.ts'], environment: 'node', testTimeout: 120_000 },
      },
      {
        extends: true,
        // The static server (scripts/serve.mjs) on port 0, against a tiny site each suite writes;
        // hundreds of requests and child processes per file, hence the time allowed on a busy machine.
        test: { name: 'server', include: ['tests/server/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
      },
      {
        extends: true,
        // End-to-end in headless Chromium against the production build served locally.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        // The benchmark's own checks: its measuring code, and one quick run end to end. They time
        // things and spawn browsers, so they stay out of `npm test` (`npm run test:bench`).
        test: {
          name: 'bench',
          include: ['tests/bench/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
