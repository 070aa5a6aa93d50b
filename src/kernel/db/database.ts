import { mkdirSync, readFileSync, rmSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql, type LogEvent } from 'kysely';
import pg from 'pg';
import { Mutex, PGliteDialect } from './pglite-dialect.ts';
import type { Database } from './types.ts';

/** OIDs whose default parsing differs between node-postgres and PGlite; we make both agree. */
const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;

/** One pinned connection, for work that must happen on a single session (advisory locks, multi-statement scripts). */
export interface RawSession {
  exec(script: string): Promise<void>;
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
}

export interface DbHandle {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Kysely<Database>;
  /** Runs `fn` on one dedicated connection. */
  session<T>(fn: (s: RawSession) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball, to start other in-memory databases from (tests). */
  dumpDataDir?(): Promise<Blob>;
}

export class DataDirLockedError extends Error {}

/**
 * PGlite keeps its files in one folder and must never be opened by two processes at once: that corrupts it.
 * We hold an exclusive lock file with our pid; a lock left by a dead process is taken over.
 */
function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lockPath = join(dir, 'qtrace.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new DataDirLockedError(
          `The embedded database in ${dir} is in use by process ${holder}. ` +
            'Only one QTrace process may use an embedded database; stop the other process, ' +
            'or set DATABASE_URL to a PostgreSQL server to run several processes.',
        );
      }
      rmSync(lockPath, { force: true }); // stale: its process is gone
    }
  }
  throw new DataDirLockedError(`Could not lock ${lockPath}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * `dataDir` undefined → in memory (tests). `loadDataDir`: start from a dump made by `dumpDataDir` (a migrated
 * template), which takes about a fifth of the time of initdb inside WebAssembly.
 */
export async function openPglite(dataDir: string | undefined, opts: { loadDataDir?: Blob } = {}): Promise<DbHandle> {
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  let pgl: PGlite;
  try {
    pgl = await PGlite.create(dataDir ? join(dataDir, 'pg') : 'memory://', {
      parsers: { [INT8]: (v: string) => Number(v), [DATE]: (v: string) => v, [NUMERIC]: (v: string) => v },
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    });
  } catch (err) {
    unlock();
    throw err;
  }
  const mutex = new Mutex();
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pgl, mutex) });
  return {
    kind: 'pglite',
    db,
    async session(fn) {
      const release = await mutex.acquire();
      try {
        return await fn({
          exec: async (script) => {
            await pgl.exec(script);
          },
          query: async <R>(text: string, params: unknown[] = []) => (await pgl.query<R>(text, params)).rows,
        });
      } finally {
        release();
      }
    },
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
      await pgl.close();
      unlock();
    },
    async dumpDataDir() {
      const release = await mutex.acquire();
      try {
        return await pgl.dumpDataDir('none');
      } finally {
        release();
      }
    },
  };
}

/** `onQuery`: sees every statement Kysely sends, with its parameters (scripts/query-plans.ts records the hot paths). */
export async function openPostgres(url: string, poolMax: number, opts: { onQuery?: (sql: string, parameters: readonly unknown[]) => void } = {}): Promise<DbHandle> {
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') => {
      if (oid === INT8) return (v: string) => Number(v);
      if (oid === DATE || oid === NUMERIC) return (v: string) => v;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({ connectionString: url, max: poolMax, types: types as pg.CustomTypesConfig });
  // An idle client losing its server must not crash the process; the next checkout reconnects.
  pool.on('error', () => {});
  const onQuery = opts.onQuery;
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    ...(onQuery ? { log: (e: LogEvent) => onQuery(e.query.sql, e.query.parameters) } : {}),
  });
  return {
    kind: 'postgres',
    db,
    async session(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          exec: async (script) => {
            await client.query(script);
          },
          query: async <R>(text: string, params: unknown[] = []) =>
            (await client.query(text, params)).rows as R[],
        });
      } finally {
        client.release();
      }
    },
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy(); // ends the pool
    },
  };
}
