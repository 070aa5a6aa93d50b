import { defineConfig } from 'vitest/config';

/**
 * Browser tests: the real server (in-memory PGlite, demo seed) serving the built console, driven by Chromium.
 * Run with `npm run test:e2e`, which builds web/dist first.
 */
export default defineConfig({
  test: {
    // A fixed key for personal ID numbers in tests, so no run writes ./data/pii.key (never use it outside tests).
    env: { PII_KEY: 'cXRyYWNlLXRlc3Qta2V5LW5vdC1mb3ItcHJvZHVjdGk=' },
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
