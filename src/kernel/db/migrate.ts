import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DbHandle } from './database.ts';

/**
 * Plain-SQL migrations, forward only: `migrations/NNNN_name.sql`, applied in order, each in its own transaction,
 * recorded with the SHA-256 of its text. Several processes starting together serialise on an advisory lock, so
 * each migration runs once. A changed or vanished applied migration stops the start: the schema would no
 * longer be what the files say.
 */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));

/** Arbitrary but fixed: the advisory-lock key all QTrace processes use for migrations ("QTRC"). */
const MIGRATION_LOCK_KEY = 0x51545243;

export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const seen = new Set<number>();
  return files.map((file) => {
    const m = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!m) throw new MigrationError(`Migration file name must look like 0001_name.sql: ${file}`);
    const version = Number(m[1]);
    if (seen.has(version)) throw new MigrationError(`Two migrations share version ${version}`);
    seen.add(version);
    const text = readFileSync(`${dir}/${file}`, 'utf8');
    return { version, name: m[2]!, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
  });
}

export async function migrate(handle: DbHandle, files = readMigrations()): Promise<{ applied: number[] }> {
  return handle.session(async (s) => {
    await s.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await s.exec(`create table if not exists schema_migrations (
        version integer primary key,
        name text not null,
        checksum text not null,
        applied_at timestamptz not null default now()
      )`);
      const done = await s.query<{ version: number; name: string; checksum: string }>(
        'select version, name, checksum from schema_migrations order by version',
      );
      const byVersion = new Map(files.map((f) => [f.version, f]));
      for (const row of done) {
        const file = byVersion.get(row.version);
        if (!file) {
          throw new MigrationError(`Applied migration ${row.version}_${row.name} is missing from ${MIGRATIONS_DIR}`);
        }
        if (file.checksum !== row.checksum) {
          throw new MigrationError(
            `Applied migration ${row.version}_${row.name} has changed since it was applied ` +
              `(checksum ${row.checksum.slice(0, 12)}… now ${file.checksum.slice(0, 12)}…). ` +
              'Migrations are forward-only: restore the file and add a new migration instead.',
          );
        }
      }
      const doneVersions = new Set(done.map((r) => r.version));
      const applied: number[] = [];
      for (const file of files) {
        if (doneVersions.has(file.version)) continue;
        await s.exec('begin');
        try {
          await s.exec(file.sql);
          await s.query('insert into schema_migrations (version, name, checksum) values ($1, $2, $3)', [
            file.version,
            file.name,
            file.checksum,
          ]);
          await s.exec('commit');
        } catch (err) {
          await s.exec('rollback');
          throw new MigrationError(`Migration ${file.version}_${file.name} failed: ${(err as Error).message}`);
        }
        applied.push(file.version);
      }
      return { applied };
    } finally {
      await s.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
}
