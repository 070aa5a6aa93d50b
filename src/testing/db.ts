import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres, type DbHandle } from '../kernel/db/database.ts';
import { migrate, readMigrations } from '../kernel/db/migrate.ts';
import { RegionService } from '../modules/regions/index.ts';
import { createHash } from 'node:crypto';

/**
 * A fresh, migrated database for one test: in-memory PGlite loaded from a migrated dump by default; with
 * DATABASE_URL set, a new database on that PostgreSQL server cloned from a migrated template, dropped on close.
 * Both templates are keyed by the migrations' checksums and the region data, so a changed migration makes a new one.
 */
export async function createTestDb(): Promise<DbHandle> {
  if (process.env.QTRACE_TEST_TIER === 'pure') {
    throw new Error('This test file opens a database but was classified as pure: see DB_MARKERS in vitest.config.ts');
  }
  const url = process.env.DATABASE_URL;
  if (!url) return openPglite(undefined, { loadDataDir: await pgliteTemplate() });
  const template = await ensureTemplate(url);
  const name = `qtrace_t_${randomBytes(6).toString('hex')}`;
  await admin(url, async (c) => {
    await c.query(`create database ${name} template ${template}`);
  });
  const handle = await openPostgres(withDatabase(url, name), 4);
  return {
    ...handle,
    async close() {
      await handle.close();
      await admin(url, async (c) => {
        await c.query(`drop database if exists ${name} with (force)`);
      });
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

let sumPromise: Promise<string> | undefined;

function templateSum(): Promise<string> {
  sumPromise ??= (async () =>
    createHash('sha256')
      .update(readMigrations().map((m) => m.checksum).join())
      .update(JSON.stringify((await import('../modules/regions/index.ts')).loadRegionData()))
      .digest('hex')
      .slice(0, 16))();
  return sumPromise;
}

let dumpPromise: Promise<Blob> | undefined;

/**
 * The migrated PGlite data directory, made once per checksum and kept as a file that every test worker (and the
 * next run) loads; written to a temporary name and renamed, so a reader never sees half a file.
 */
function pgliteTemplate(): Promise<Blob> {
  dumpPromise ??= (async () => {
    const dir = join(tmpdir(), 'qtrace-pglite-templates');
    const file = join(dir, `${await templateSum()}.tar`);
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    const handle = await openPglite(undefined);
    try {
      await migrate(handle);
      await new RegionService(handle.db).sync();
      const dump = await handle.dumpDataDir!();
      mkdirSync(dir, { recursive: true });
      const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      renameSync(partial, file);
      return dump;
    } finally {
      await handle.close();
    }
  })();
  return dumpPromise;
}

let templatePromise: Promise<string> | undefined;

/** One template per migration set: its name carries their checksum, so a changed migration makes a new one. */
function ensureTemplate(url: string): Promise<string> {
  templatePromise ??= (async () => {
    const name = `qtrace_tpl_${await templateSum()}`;
    await admin(url, async (c) => {
      // Test workers start together: one builds the template, the others wait on the lock.
      await c.query('select pg_advisory_lock(8128401)');
      try {
        const exists = await c.query('select 1 from pg_database where datname = $1', [name]);
        if (exists.rowCount === 0) {
          const building = `${name}_building_${randomBytes(3).toString('hex')}`;
          await c.query(`create database ${building}`);
          const h = await openPostgres(withDatabase(url, building), 2);
          try {
            await migrate(h);
            await new RegionService(h.db).sync();
          } finally {
            await h.close();
          }
          await c.query(`alter database ${building} rename to ${name}`);
        }
      } finally {
        await c.query('select pg_advisory_unlock(8128401)');
      }
    });
    return name;
  })();
  return templatePromise;
}
