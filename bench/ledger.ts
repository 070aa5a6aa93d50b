import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openPostgres } from '../src/kernel/db/database.ts';
import { migrate } from '../src/kernel/db/migrate.ts';
import { contentHash, LedgerService, receiptValues } from '../src/modules/ledger/index.ts';
import { loadConfig } from '../src/kernel/config.ts';
import { systemClock } from '../src/kernel/clock.ts';

/**
 * `npm run bench:ledger -- [--leaves 1000000] [--url postgres://postgres@127.0.0.1:5432/postgres]`: on a fresh
 * database of the PostgreSQL server, writes receipts into the outbox (as the services do, many per transaction),
 * sequences them (tiles + signed checkpoint per batch) and reports appends/s with proofs current, then an inclusion
 * proof's time and size at the final size, and tile reads per second.
 */
const { values } = parseArgs({ options: { leaves: { type: 'string', default: '1000000' }, url: { type: 'string', default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' }, keep: { type: 'boolean', default: false } } });
const total = Number(values.leaves);
const url = new URL(values.url!);
const name = `qtrace_bench_ledger_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: url.toString() });
await admin.connect();
await admin.query(`create database ${name}`);
url.pathname = `/${name}`;
const handle = await openPostgres(url.toString(), 4);
const out = (s: string) => process.stdout.write(`${s}\n`);
try {
  await migrate(handle);
  const config = { ...loadConfig({}), host: 'bench.local' };
  const svc = new LedgerService({ db: handle.db, clock: systemClock, config });
  const ctx = { actor: { kind: 'system', name: 'bench' } as const, now: new Date() };
  const WRITE = 2_000;
  let written = 0;
  let sequenced = 0;
  const t0 = performance.now();
  let writeMs = 0;
  let seqMs = 0;
  while (written < total) {
    const n = Math.min(WRITE * 4, total - written);
    const w0 = performance.now();
    for (let i = 0; i < n; i += WRITE) {
      const rows = Array.from({ length: Math.min(WRITE, n - i) }, (_, j) => receiptValues(ctx, { type: 'image', id: `00000000-0000-4000-8000-${String(written + i + j).padStart(12, '0')}`, sha256: contentHash(written + i + j), refs: { batchId: 'bench' } }));
      await handle.db.insertInto('ledger_entries').values(rows).execute();
    }
    written += n;
    const s0 = performance.now();
    writeMs += s0 - w0;
    const r = await svc.sequenceAll();
    seqMs += performance.now() - s0;
    sequenced = r.size;
    if (written % 100_000 === 0 || written === total) out(`${written} leaves: sequencing ${Math.round(sequenced / (seqMs / 1000))} appends/s (tiles + signed checkpoint per ${4096}), outbox inserts ${Math.round(written / (writeMs / 1000))}/s`);
  }
  const wall = (performance.now() - t0) / 1000;
  out(`total ${total} leaves in ${wall.toFixed(1)} s wall: sequencer ${Math.round(total / (seqMs / 1000))} appends/s`);
  const samples = 200;
  const p0 = performance.now();
  let size = 0;
  for (let i = 0; i < samples; i++) {
    const p = await svc.inclusion(Math.floor(Math.random() * total));
    size = p.inclusionProof!.length;
  }
  out(`inclusion proof at ${total}: ${((performance.now() - p0) / samples).toFixed(2)} ms each (service, from tiles), ${size} hashes = ${size * 32} bytes`);
  const tiles = Math.floor(total / 256);
  const q0 = performance.now();
  const reads = 2_000;
  for (let i = 0; i < reads; i++) await svc.tile({ level: 0, index: Math.floor(Math.random() * tiles), width: 256 });
  out(`tile reads: ${Math.round(reads / ((performance.now() - q0) / 1000))} full level-0 tiles/s (one connection, service layer)`);
} finally {
  await handle.close();
  if (!values.keep) await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
