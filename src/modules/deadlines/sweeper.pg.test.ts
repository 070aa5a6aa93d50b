import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../kernel/clock.ts';
import { openPostgres, type DbHandle } from '../../kernel/db/database.ts';
import { withDatabase } from '../../testing/db.ts';
import { signedRecord, startBatchHarness, type BatchHarness } from '../batches/test-fixtures.ts';
import { sweepDeadlines } from './sweeper.ts';

/**
 * Several processes on one PostgreSQL database (DESIGN.md §5: timed work happens once): two sweepers with their own
 * connection pools lock each late batch once and record one violation; a sweeping process killed mid-chunk loses
 * nothing. PostgreSQL only: the embedded database is one process by construction.
 */
const url = process.env.DATABASE_URL;
const H = 3_600_000;

let h: BatchHarness;
let dbUrl: string;
let T: Date;
beforeAll(async () => {
  if (!url) return;
  h = await startBatchHarness();
  const name = (await sql<{ d: string }>`select current_database() as d`.execute(h.t.deps.db)).rows[0]!.d;
  dbUrl = withDatabase(url, name);
}, 60_000);
afterAll(async () => {
  if (h) await h.t.close();
});

/** One late batch through the API, then `n` clones of it by SQL (distinct numbers), all due at T + 2 h. */
async function lateBatches(n: number, seqFrom: number): Promise<string[]> {
  const b = await h.open();
  h.clock.advance(60_000);
  expect((await h.upload('lims', b.id, signedRecord(h.refs, b.id, new Date(h.clock.now().getTime() - 1000)))).statusCode).toBe(201);
  T = h.clock.now();
  expect((await h.post('lims', `/api/v1/batches/${b.id}/complete`, { completedAt: T.toISOString() })).statusCode).toBe(200);
  const r = await sql<{ id: string }>`
    insert into batches (agency_id, batch_number, number_year, number_seq, project_id, region_code, commission_id, specialty,
      catalogue_version, item_codes, component_codes, equipment_ids, tester_person_ids, witness_person_id, upload_owner_person_id,
      status, opened_at, opened_by_type, completed_at, completion_declared_at, lock_due_at, warn_due_at)
    select agency_id, 'JC-' || number_year || '-' || lpad((${seqFrom} + g)::text, 6, '0'), number_year, ${seqFrom} + g, project_id, region_code,
      commission_id, specialty, catalogue_version, item_codes, component_codes, equipment_ids, tester_person_ids, witness_person_id,
      upload_owner_person_id, status, opened_at, opened_by_type, completed_at, completion_declared_at, lock_due_at, warn_due_at
      from batches, generate_series(1, ${n}) g where id = ${b.id}
    returning id`.execute(h.t.deps.db);
  return [b.id, ...r.rows.map((x) => x.id)];
}

async function expectLockedOnce(ids: string[]) {
  const db = h.t.deps.db;
  const locked = await db.selectFrom('batches').select((eb) => eb.fn.countAll<number>().as('n')).where('id', 'in', ids).where('locked', '=', true).executeTakeFirstOrThrow();
  expect(Number(locked.n)).toBe(ids.length);
  const perBatch = async (q: ReturnType<typeof sql<{ k: string; n: number }>>) => (await q.execute(db)).rows;
  const events = await perBatch(sql<{ k: string; n: number }>`select batch_id as k, count(*)::int as n from batch_events where event = 'lock' and batch_id in (${sql.join(ids)}) group by batch_id`);
  expect(events).toHaveLength(ids.length);
  expect(events.every((e) => e.n === 1)).toBe(true);
  const violations = await perBatch(sql<{ k: string; n: number }>`select split_part(source_ref, ':', 2) as k, count(*)::int as n from violations where type = 'late_upload' and split_part(source_ref, ':', 2) in (${sql.join(ids)}) group by 1`);
  expect(violations).toHaveLength(ids.length);
  expect(violations.every((v) => v.n === 1)).toBe(true);
  const audits = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'batch.lock').where('target_id', 'in', ids).executeTakeFirstOrThrow();
  expect(Number(audits.n)).toBe(ids.length);
}

describe.skipIf(!url)('sweeping from several processes on one PostgreSQL database', () => {
  it('two sweepers with their own pools, two loops each: one lock, one event, one violation per late batch', async () => {
    const ids = await lateBatches(400, 100_000);
    const handles: DbHandle[] = [await openPostgres(dbUrl, 4), await openPostgres(dbUrl, 4)];
    try {
      const at = new ManualClock(T.getTime() + 2 * H + 1);
      const results = await Promise.all(handles.flatMap((hd) => [0, 1].map(() => sweepDeadlines({ db: hd.db, clock: at }, { chunkSize: 25 }))));
      // Every sweeper did part of the work (SKIP LOCKED shares it), and together exactly all of it.
      expect(results.reduce((s, r) => s + r.locked, 0)).toBeGreaterThanOrEqual(ids.length);
      await expectLockedOnce(ids);
      const again = await Promise.all(handles.map((hd) => sweepDeadlines({ db: hd.db, clock: at })));
      expect(again.every((r) => r.locked === 0)).toBe(true);
    } finally {
      for (const hd of handles) await hd.close();
    }
  }, 120_000);

  it('a sweeping process killed (SIGKILL) in the middle of a chunk loses nothing: the next sweep finishes, once each', async () => {
    const ids = await lateBatches(120, 200_000);
    const now = new Date(T.getTime() + 2 * H + 1).toISOString();
    const child = spawn(process.execPath, [fileURLToPath(new URL('./testing/sweep-child.ts', import.meta.url)), dbUrl, now, '50'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const claimed = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('CLAIMED')) resolve(out);
      });
      child.on('exit', (code) => reject(new Error(`child exited ${code} before claiming: ${out}`)));
    });
    expect(claimed).toMatch(/CLAIMED 50/);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    const db = h.t.deps.db;
    const lockedBefore = Number((await db.selectFrom('batches').select((eb) => eb.fn.countAll<number>().as('n')).where('id', 'in', ids).where('locked', '=', true).executeTakeFirstOrThrow()).n);
    // The first chunk committed; the killed one wrote nothing.
    expect(lockedBefore).toBe(50);
    // The server notices the dead connection and releases its row locks; sweep until everything is done.
    const clock = new ManualClock(now);
    for (let i = 0; i < 50; i++) {
      await sweepDeadlines({ db, clock });
      const left = await db.selectFrom('batches').select('id').where('id', 'in', ids).where('locked', '=', false).limit(1).executeTakeFirst();
      if (!left) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await expectLockedOnce(ids);
  }, 120_000);

  it('two real server processes (src/server.ts) on the database: their sweepers lock each late batch once, one violation each', async () => {
    // Completed on the harness's July clock: long past its deadline for servers on the real clock. Each server sweeps
    // as soon as it listens (then every DEADLINE_SWEEP_INTERVAL_MS), so no shorter interval is needed; six chunks of
    // DEADLINE_SWEEP_CHUNK, so that both start-up sweeps find work (measured: about half each).
    const ids = await lateBatches(3000, 300_000);
    const dir = mkdtempSync(join(tmpdir(), 'qtrace-two-servers-'));
    const servers: ChildProcessByStdio<null, Readable, Readable>[] = [];
    const output: string[] = [];
    const startServer = (i: number) => {
      const child = spawn(process.execPath, [fileURLToPath(new URL('../../server.ts', import.meta.url))], {
        env: { ...process.env, DATABASE_URL: dbUrl, PORT: '0', SEED_DEMO: 'false', LOG_LEVEL: 'info', DATA_DIR: join(dir, `data${i}`), BLOB_DIR: join(dir, 'blobs'), PG_POOL_MAX: '4' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      output[i] = '';
      child.stdout.on('data', (d: Buffer) => (output[i] += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output[i] += d.toString()));
      servers.push(child);
      return new Promise<void>((resolve, reject) => {
        const t = setInterval(() => {
          if (output[i]!.includes('is running')) {
            clearInterval(t);
            resolve();
          }
        }, 50);
        child.on('exit', (code) => {
          clearInterval(t);
          reject(new Error(`server ${i} exited ${code}: ${output[i]}`));
        });
      });
    };
    const started = new Date();
    try {
      await Promise.all([startServer(0), startServer(1)]);
      const db = h.t.deps.db;
      for (let i = 0; i < 300; i++) {
        const left = await db.selectFrom('batches').select('id').where('id', 'in', ids).where('locked', '=', false).limit(1).executeTakeFirst();
        if (!left) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await expectLockedOnce(ids);
      // The servers did it: the locks they log (any batch of the database due by the real clock) are the lock events
      // written since they started, none twice.
      const logged = output
        .flatMap((o) => o.split('\n'))
        .filter((l) => l.includes('"msg":"deadline sweep"'))
        .reduce((n, l) => n + (JSON.parse(l) as { sweep: { locked: number } }).sweep.locked, 0);
      const events = await db.selectFrom('batch_events').select((eb) => eb.fn.countAll<number>().as('n')).where('event', '=', 'lock').where('at', '>=', started).executeTakeFirstOrThrow();
      expect(logged).toBeGreaterThanOrEqual(ids.length);
      expect(Number(events.n)).toBe(logged);
      for (const o of output) expect(o).not.toContain('deadline sweep failed');
    } finally {
      await Promise.all(
        servers.map(
          (c) =>
            new Promise((resolve) => {
              if (c.exitCode !== null) return resolve(null);
              c.on('exit', resolve);
              c.kill('SIGTERM');
            }),
        ),
      );
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
