import { defineConfig } from 'vitest/config';

/**
 * Browser tests: the real server (in-memory PGlite, demo seed) serving the built console, driven by Chromium.
 * Run with `npm run test:e2e`, which builds web/dist first.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
