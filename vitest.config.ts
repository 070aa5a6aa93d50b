import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // A fixed key for personal ID numbers in tests, so no run writes ./data/pii.key (never use it outside tests).
    env: { PII_KEY: 'cXRyYWNlLXRlc3Qta2V5LW5vdC1mb3ItcHJvZHVjdGk=' },
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Two cores: two workers; each test file builds its own databases.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
