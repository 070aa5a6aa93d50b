/**
 * `npm run bench:deadlines` — the deadline sweeper at scale (issue 5, Performance), on PostgreSQL: DATABASE_URL, or
 * postgres://postgres@127.0.0.1:5432/postgres. Creates a fresh database (dropped at the end), seeds the demo, then
 * bulk-inserts 100 000 and then 1 000 000 open batches (generate_series), and for each size:
 *   1. one sweep with 10 000 batches already due: its time and its rate;
 *   2. one sweep with nothing due: what the open batches cost by themselves;
 *   3. the lag from deadline to lock: 10 000 deadlines falling due over the next 20 s, the real sweeper loop running
 *      at its policy interval; lag = locked_at − deadline per batch.
 * The sweep's cost must follow the number due, not the number open: the two sizes are printed side by side.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { bootstrap } from '../src/bootstrap.ts';
import { systemClock } from '../src/kernel/clock.ts';
import { loadConfig } from '../src/kernel/config.ts';
import { openPostgres } from '../src/kernel/db/database.ts';
import { DEADLINE_SWEEP_INTERVAL_MS } from '../src/kernel/policy.ts';
import { startDeadlineSweeper, sweepDeadlines } from '../src/modules/deadlines/index.ts';
import { withDatabase } from '../src/testing/db.ts';
import { insertBatches } from './lib/clone-batches.ts';

const BASE = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DUE = 10_000;
const SIZES = [100_000, 1_000_000];
const silent = { info: () => {}, error: (o: unknown, m?: string) => console.error(m, o) };

async function admin(q: string) {
  const c = new pg.Client({ connectionString: withDatabase(BASE, 'postgres') });
  await c.connect();
  try {
    await c.query(q);
  } finally {
    await c.end();
  }
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

interface Row {
  open: number;
  sweepMs: number;
  locked: number;
  emptySweepMs: number;
  lagP50: number;
  lagP99: number;
  lagMax: number;
}

async function main() {
  const name = `qtrace_bench_${randomBytes(4).toString('hex')}`;
  await admin(`create database ${name}`);
  const blobDir = mkdtempSync(join(tmpdir(), 'qtrace-bench-'));
  const handle = await openPostgres(withDatabase(BASE, name), 8);
  const rows: Row[] = [];
  try {
    const t0 = performance.now();
    const { deps } = await bootstrap({ ...loadConfig({}), blobDir, seedDemo: 'true', logLevel: 'silent' }, { handle, clock: systemClock });
    const db = deps.db;
    const template = (await db.selectFrom('batches').select('id').orderBy('opened_at').limit(1).executeTakeFirstOrThrow()).id;
    // Let the demo's own instants be handled first, so the measured sweeps see only the benchmark's batches.
    await sweepDeadlines({ db, clock: systemClock });
    console.log(`database ${name} ready with the demo in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    let open = 0;
    for (const size of SIZES) {
      const t1 = performance.now();
      await insertBatches(db, template, size - open, 'open');
      open = size;
      console.log(`${size.toLocaleString('en')} open batches in place (+${((performance.now() - t1) / 1000).toFixed(1)} s)`);

      // 1. One sweep with DUE batches past their deadline.
      await insertBatches(db, template, DUE, 'due', new Date(Date.now() - 60_000), 50_000);
      const s0 = performance.now();
      const r = await sweepDeadlines({ db, clock: systemClock });
      const sweepMs = performance.now() - s0;

      // 2. A sweep with nothing due.
      const e0 = performance.now();
      await sweepDeadlines({ db, clock: systemClock });
      const emptySweepMs = performance.now() - e0;

      // 3. Lag: DUE deadlines over the next 20 s, the sweeper loop at its policy interval.
      const start = new Date(Date.now() + 1_000);
      await insertBatches(db, template, DUE, 'due', start, 20_000);
      const ids = (await db.selectFrom('batches').select(['id', 'lock_due_at']).where('lock_due_at', '>=', start).where('locked', '=', false).execute()).filter((b) => b.lock_due_at!.getTime() <= start.getTime() + 20_000);
      const deadlines = new Map(ids.map((b) => [b.id, b.lock_due_at!.getTime()]));
      const sweeper = startDeadlineSweeper({ db, clock: systemClock }, { log: silent });
      const waitUntil = start.getTime() + 20_000 + DEADLINE_SWEEP_INTERVAL_MS + 30_000;
      let lags: number[] = [];
      while (Date.now() < waitUntil) {
        await new Promise((res) => setTimeout(res, 1_000));
        const locked = await db.selectFrom('batches').select(['id', 'locked_at']).where('id', 'in', [...deadlines.keys()]).where('locked', '=', true).execute();
        if (locked.length === deadlines.size) {
          lags = locked.map((b) => b.locked_at!.getTime() - deadlines.get(b.id)!).sort((a, b) => a - b);
          break;
        }
      }
      await sweeper.stop();
      if (lags.length !== deadlines.size) throw new Error(`only ${lags.length} of ${deadlines.size} locked in time`);
      rows.push({ open: size, sweepMs, locked: r.locked, emptySweepMs, lagP50: pct(lags, 50), lagP99: pct(lags, 99), lagMax: lags[lags.length - 1]! });
      console.log(`  sweep of ${r.locked} due: ${sweepMs.toFixed(0)} ms; empty sweep ${emptySweepMs.toFixed(1)} ms; lag p50 ${pct(lags, 50)} ms, max ${lags[lags.length - 1]} ms`);
    }

    const [a, b] = rows as [Row, Row];
    const line = (label: string, f: (r: Row) => string) => `${label.padEnd(34)}${f(a).padStart(16)}${f(b).padStart(16)}`;
    console.log('');
    console.log(`Deadline sweeper, PostgreSQL, ${DUE.toLocaleString('en')} due per measurement, interval ${DEADLINE_SWEEP_INTERVAL_MS / 1000} s`);
    console.log(line('open batches', (r) => r.open.toLocaleString('en')));
    console.log(line('one sweep, 10 000 due (ms)', (r) => r.sweepMs.toFixed(0)));
    console.log(line('  locked by that sweep', (r) => String(r.locked)));
    console.log(line('  batches locked per second', (r) => ((r.locked / r.sweepMs) * 1000).toFixed(0)));
    console.log(line('one sweep, nothing due (ms)', (r) => r.emptySweepMs.toFixed(1)));
    console.log(line('lag deadline→lock p50 (ms)', (r) => String(r.lagP50)));
    console.log(line('lag deadline→lock p99 (ms)', (r) => String(r.lagP99)));
    console.log(line('lag deadline→lock max (ms)', (r) => String(r.lagMax)));
    console.log('');
    console.log(`ratio 1 000 000 / 100 000: open batches ×${(b.open / a.open).toFixed(0)}, sweep time ×${(b.sweepMs / a.sweepMs).toFixed(2)}, empty sweep ×${(b.emptySweepMs / a.emptySweepMs).toFixed(2)}`);
  } finally {
    await handle.close();
    await admin(`drop database if exists ${name} with (force)`);
    rmSync(blobDir, { recursive: true, force: true });
  }
}

await main();
