import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createQTraceClient, loadDeviceKey, type NewBatch, type QTraceClient } from '../../src/client/index.ts';
import { simulate } from '../../src/simulator/simulate.ts';

/**
 * Real server processes for the benchmarks and the reliability drills: a fresh database on a PostgreSQL server, the
 * server started as `npm start` starts it, and an agency system provisioned through the API as the simulator does it.
 */

export const root = fileURLToPath(new URL('../..', import.meta.url));

export interface Database {
  /** null: PostgreSQL was not reachable and the caller allowed the embedded database instead. */
  url: string | null;
  label: string;
  drop: () => Promise<void>;
}

/**
 * A fresh database (`qtrace_<prefix>_<random>`) on DATABASE_URL's server, else on the local PostgreSQL. When neither
 * answers: the embedded database if `fallback` says so (said loudly through `say`), else an error.
 */
export async function freshDatabase(prefix: string, opts: { fallback?: boolean; say?: (s: string) => void; base?: string } = {}): Promise<Database> {
  const base = opts.base ?? (process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  const adminUrl = new URL(base);
  adminUrl.pathname = '/postgres';
  const name = `qtrace_${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl.toString(), connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
  } catch (err) {
    await admin.end().catch(() => {});
    if (!opts.fallback) throw new Error(`PostgreSQL not reachable at ${adminUrl.host}: ${(err as Error).message}`, { cause: err });
    opts.say?.(`!! PostgreSQL not reachable at ${adminUrl.host} (${(err as Error).message}); FALLING BACK to the embedded PGlite database.`);
    opts.say?.('!! The issue asks for PostgreSQL: set DATABASE_URL to measure on it.');
    return { url: null, label: 'PGlite (embedded; fallback)', drop: async () => {} };
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    label: `PostgreSQL ${adminUrl.host}, fresh database ${name}`,
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl.toString() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** What the process printed so far (the first 100 000 characters). */
  output: () => string;
  /** Resolves when the process has exited (at once if it already has). */
  exited: () => Promise<void>;
}

/**
 * The server as `npm start` runs it (its V8 flags from package.json), in its own process on a free port; resolves
 * once it prints its console address. `nodeArgs` adds V8 flags; `log` receives everything it prints.
 */
export function startServer(opts: { databaseUrl: string | null; dataDir: string; blobDir: string; env?: Record<string, string>; nodeArgs?: string[]; log?: string }): Promise<ServerProcess> {
  const pinned = join(root, 'node_modules', '.bin', 'node');
  const startScript = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const nodeArgs = [...startScript.split(' ').filter((a) => a.startsWith('--')), ...(opts.nodeArgs ?? [])];
  const child = spawn(existsSync(pinned) ? pinned : process.execPath, [...nodeArgs, 'src/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'true',
      DATABASE_URL: opts.databaseUrl ?? '',
      DATA_DIR: opts.dataDir,
      BLOB_DIR: opts.blobDir,
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const log = opts.log ? createWriteStream(opts.log, { flags: 'a' }) : null;
  const exit = new Promise<void>((r) => child.once('exit', () => r()));
  return new Promise((resolve, reject) => {
    const onData = (b: Buffer) => {
      log?.write(b);
      if (text.length > 100_000) return;
      text += b.toString();
      const m = /控制台 Console:\s+(http:\/\/\S+?)\/\s/.exec(text);
      if (m) resolve({ url: m[1]!, child, output: () => text, exited: () => exit });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code, signal) => reject(new Error(`server exited with ${code ?? signal}:\n${text}`)));
  });
}

/** An agency system on a running server: its machine credential, its instrument's signing key, a batch's opening. */
export interface Agency {
  q: QTraceClient;
  credential: string;
  device: ReturnType<typeof loadDeviceKey>;
  keyId: string;
  openBody: NewBatch;
  /** The batch the simulator opened (a template for batches cloned by SQL). */
  batchId: string;
}

/** Provisions an agency system through the API as the simulator does (credential, device key, batch plan). */
export async function provisionAgency(url: string, statePath: string): Promise<Agency> {
  class Stop extends Error {}
  await simulate({
    baseUrl: url,
    statePath,
    witnessUsername: null,
    log: () => {},
    afterStep: (s) => {
      if (s === 'opened') throw new Stop();
    },
  }).catch((e) => {
    if (!(e instanceof Stop)) throw e;
  });
  const state = JSON.parse(readFileSync(statePath, 'utf8')) as { credential: string; device: { keyId: string; privateKeyPem: string }; plan: { openBody: NewBatch }; batch: { id: string } };
  return {
    q: createQTraceClient({ baseUrl: url, credential: state.credential }),
    credential: state.credential,
    device: loadDeviceKey(state.device.privateKeyPem),
    keyId: state.device.keyId,
    openBody: state.plan.openBody,
    batchId: state.batch.id,
  };
}
