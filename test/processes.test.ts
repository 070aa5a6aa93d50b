import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { readMigrations } from '../src/kernel/db/migrate.ts';
import { withDatabase } from '../src/testing/db.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const pinnedNode = join(root, 'node_modules', '.bin', 'node');
const nodeBin = existsSync(pinnedNode) ? pinnedNode : process.execPath;
const children: ChildProcess[] = [];

afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

/** Starts `src/server.ts`; resolves with its base URL once it prints it, or rejects with what it printed. */
function startServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const child = spawn(nodeBin, ['src/server.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /控制台 Console:\s+(http:\/\/\S+?)\/\s/.exec(out);
      if (m) resolve({ url: m[1]!, child, output: () => out });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(Object.assign(new Error(`server exited with ${code}`), { output: out })));
  });
}

describe('the embedded database folder', () => {
  it('is refused to a second process with a clear error, while the first keeps serving', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qtrace-lock-'));
    const env = { DATA_DIR: dataDir, SEED_DEMO: 'false', DATABASE_URL: '' };
    const first = await startServer(env);
    const second = await startServer(env).then(
      () => null,
      (e: { output: string }) => e.output,
    );
    expect(second).toMatch(/in use by process \d+/);
    expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
    // A graceful stop releases the folder for the next process.
    first.child.kill('SIGTERM');
    await new Promise((r) => first.child.once('exit', r));
    const third = await startServer(env);
    expect((await fetch(`${third.url}/readyz`)).status).toBe(200);
  }, 60_000);
});

describe('graceful shutdown', () => {
  it('finishes a request in flight when SIGTERM arrives, then exits', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qtrace-drain-'));
    const server = await startServer({ DATA_DIR: dataDir, SEED_DEMO: 'true', DATABASE_URL: '' });
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'jz.admin', password: 'Demo@2026' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    // A slow upload: the multipart body trickles in while the server is told to stop.
    const boundary = 'qtrace-drain';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`;
    let sigtermSent = false;
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(new TextEncoder().encode(head));
        await new Promise((r) => setTimeout(r, 300));
        server.child.kill('SIGTERM');
        sigtermSent = true;
        await new Promise((r) => setTimeout(r, 500));
        controller.enqueue(new TextEncoder().encode(`${'x'.repeat(1000)}\n%%EOF\r\n--${boundary}--\r\n`));
        controller.close();
      },
    });
    const exited = new Promise<number | null>((r) => server.child.once('exit', (code) => r(code)));
    const res = await fetch(`${server.url}/api/v1/documents`, {
      method: 'POST',
      headers: { cookie, 'x-qtrace-request': '1', 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(sigtermSent).toBe(true);
    expect(res.status).toBe(201);
    const code = await exited;
    expect(code, server.output()).toBe(0);
  }, 60_000);
});

describe.runIf(process.env.DATABASE_URL)('several server processes on one PostgreSQL database', () => {
  it('start together on an empty database; both serve and each migration is applied once', async () => {
    const url = process.env.DATABASE_URL!;
    const name = `qtrace_mp_${randomBytes(5).toString('hex')}`;
    const adminClient = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
    await adminClient.connect();
    await adminClient.query(`create database ${name}`);
    try {
      const env = { DATABASE_URL: withDatabase(url, name), SEED_DEMO: 'true', DATA_DIR: mkdtempSync(join(tmpdir(), 'qtrace-mp-')) };
      const [a, b] = await Promise.all([startServer(env), startServer(env)]);
      for (const s of [a, b]) expect(((await (await fetch(`${s.url}/readyz`)).json()) as { status: string }).status).toBe('ready');
      const db = new pg.Client({ connectionString: withDatabase(url, name) });
      await db.connect();
      try {
        const m = await db.query('select version from schema_migrations order by version');
        expect(m.rows.map((r) => r.version)).toEqual(readMigrations().map((f) => f.version));
        // The demo seed, too, happened once: seeding is guarded by the same "empty database" check in one transaction.
        const admins = await db.query(`select count(*)::int as n from users where username = 'admin'`);
        expect((admins.rows[0] as { n: number }).n).toBe(1);
      } finally {
        await db.end();
      }
    } finally {
      for (const c of children.splice(0)) {
        c.kill('SIGTERM');
        await new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)));
      }
      await adminClient.query(`drop database if exists ${name} with (force)`);
      await adminClient.end();
    }
  }, 60_000);
});
