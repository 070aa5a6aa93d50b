import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * Two tiers. `pure`: rules and other code that never opens a database — run once. `db`: everything that writes or
 * reads a database — run on embedded PGlite by `npm test` and again on a PostgreSQL server by `npm run test:pg`.
 * A file belongs to `db` when it uses the test database helpers (directly or through a module's test fixtures);
 * a `pure` file that opens a test database anyway fails loudly (src/testing/db.ts), so none is misfiled.
 */
const DB_MARKERS = /createTestApp|createTestDb|startTestServer|openPglite|openPostgres|DATABASE_URL|testing\/(app|db|server)\.ts|test-(fixtures|helpers)\.ts/;
const all = ['src', 'test']
  .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => `${dir}/${f}`))
  .filter((f) => f.endsWith('.test.ts'))
  .sort();
const dbFiles = all.filter((f) => DB_MARKERS.test(readFileSync(f, 'utf8')));
const pureFiles = all.filter((f) => !dbFiles.includes(f));

// A fixed key for personal ID numbers in tests, so no run writes ./data/pii.key (never use it outside tests).
const PII_KEY = 'cXRyYWNlLXRlc3Qta2V5LW5vdC1mb3ItcHJvZHVjdGk=';

export default defineConfig({
  test: {
    // Two cores: two workers; each test file builds its own databases (from a migrated template).
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'pure', include: pureFiles, env: { PII_KEY, QTRACE_TEST_TIER: 'pure' } } },
      { extends: true, test: { name: 'db', include: dbFiles, env: { PII_KEY } } },
    ],
  },
});
