import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { openPostgres } from '../src/kernel/db/database.ts';
import { migrate } from '../src/kernel/db/migrate.ts';
import { IMAGE_REUSE_MAX_HAMMING } from '../src/kernel/policy.ts';
import { hashBands, hashToBigint, nearHashes } from '../src/modules/images/index.ts';

/**
 * `npm run bench:dupes` (issue 12 item 2): the reuse index at province scale. Loads N hashes (default 10 million; rows
 * shaped as image_reuse_hashes, ten per image like the worker's whole picture and nine windows) into a copy of the
 * table in its own PostgreSQL database with COPY (fixed seed; indexes built after the load, from the migration's own
 * definitions), then times the lookup the worker makes (src/modules/images/reuse.ts `nearHashes`, the same SQL) for
 * one hash and for one image's eleven hashes, and checks its recall against a brute-force scan of the whole table for
 * a sample of queries. A second run with the same N and seed reuses the loaded database (`--reload` to load again).
 *
 *   npm run bench:dupes -- [--hashes 10000000] [--queries 1000] [--images 200] [--brute 20] [--reload]
 */

const { values: args } = parseArgs({
  options: {
    hashes: { type: 'string', default: '10000000' },
    queries: { type: 'string', default: '1000' },
    images: { type: 'string', default: '200' },
    brute: { type: 'string', default: '20' },
    seed: { type: 'string', default: '20261204' },
    reload: { type: 'boolean', default: false },
  },
});
const N = Number(args.hashes);
const SEED = Number(args.seed) >>> 0;
const D = IMAGE_REUSE_MAX_HAMMING;
const TABLE = 'bench_reuse_hashes';
const PER_IMAGE = 10;
const REGIONS = ['whole', 'w00', 'w10', 'w20', 'w01', 'w11', 'w21', 'w02', 'w12', 'w22'];
const out = (s = '') => process.stdout.write(`${s}\n`);

/** murmur3's finaliser: a fast 32-bit mix, so that row k's hash is computed from k alone (random access). */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
/** Row k's 64-bit hash as 16 hex (the top bit 0, as the worker's hashes). */
function rowHash(k: number): string {
  const hi = fmix32(fmix32(k ^ SEED) + 0x9e3779b9) & 0x7fffffff;
  const lo = fmix32(fmix32(k + SEED * 31) ^ 0x7f4a7c15);
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}
const imageId = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

let rng = SEED || 1;
const rand = () => {
  rng ^= rng << 13;
  rng ^= rng >>> 17;
  rng ^= rng << 5;
  return (rng >>> 0) / 2 ** 32;
};
/** `hex` with `flips` distinct bits among the low 63 changed. */
function flip(hex: string, flips: number): string {
  let v = BigInt(`0x${hex}`);
  const bits = new Set<number>();
  while (bits.size < flips) bits.add(Math.floor(rand() * 63));
  for (const b of bits) v ^= 1n << BigInt(b);
  return v.toString(16).padStart(16, '0');
}
/** Half the queries are a stored hash with 0…D bits changed (a copy), half random (a new picture). */
const query = () => (rand() < 0.5 ? flip(rowHash(Math.floor(rand() * N)), Math.floor(rand() * (D + 1))) : rowHash(N + Math.floor(rand() * 1e9)));

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

async function main() {
  const base = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const adminUrl = new URL(base);
  adminUrl.pathname = '/postgres';
  const dbName = 'qtrace_bench_dupes';
  const admin = new pg.Client({ connectionString: adminUrl.toString(), connectionTimeoutMillis: 3000 });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [dbName])).rowCount === 1;
  if (!exists) await admin.query(`create database ${dbName}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${dbName}`;
  const handle = await openPostgres(url.toString(), 2);
  const db = handle.db;
  try {
    await migrate(handle);
    await sql`create table if not exists bench_meta (hashes bigint not null, seed bigint not null, loaded_at timestamptz not null)`.execute(db);
    const meta = (await sql<{ hashes: string; seed: string }>`select hashes::text, seed::text from bench_meta`.execute(db)).rows[0];
    const version = (await sql<{ v: string }>`select version() as v`.execute(db)).rows[0]!.v;
    out(`reuse index benchmark: ${N.toLocaleString('en')} hashes, threshold ${D} bits, PostgreSQL ${url.host}/${dbName}`);
    out(`  ${version.split(',')[0]}`);
    if (!args.reload && meta && Number(meta.hashes) === N && Number(meta.seed) === SEED) {
      out('  reusing the database loaded by an earlier run (same size and seed; --reload to load again)');
    } else {
      await load(handle.db, url.toString());
    }
    await sql`analyze ${sql.table(TABLE)}`.execute(db);
    const size = (await sql<{ t: string; i: string }>`select pg_size_pretty(pg_table_size(${TABLE})) as t, pg_size_pretty(pg_indexes_size(${TABLE})) as i`.execute(db)).rows[0]!;
    out(`  table ${size.t}, indexes ${size.i}`);

    // Warm-up (the first lookups read the indexes' upper levels into the cache).
    for (let i = 0; i < 20; i++) await nearHashes(db, [query()], { table: TABLE });

    const single: number[] = [];
    let found = 0;
    for (let i = 0; i < Number(args.queries); i++) {
      const q = query();
      const t0 = performance.now();
      const hits = await nearHashes(db, [q], { table: TABLE });
      single.push(performance.now() - t0);
      if (hits.length > 0) found++;
    }
    out(`  lookup of one hash (${single.length} queries, half of them copies): p50 ${pct(single, 50).toFixed(2)} ms, p99 ${pct(single, 99).toFixed(2)} ms, max ${Math.max(...single).toFixed(2)} ms; ${found} found something`);

    const perImage: number[] = [];
    for (let i = 0; i < Number(args.images); i++) {
      const qs = Array.from({ length: PER_IMAGE + 1 }, query);
      const t0 = performance.now();
      await nearHashes(db, qs, { table: TABLE });
      perImage.push(performance.now() - t0);
    }
    out(`  lookup of one image (${PER_IMAGE + 1} hashes in one statement, as the worker does; ${perImage.length} images): p50 ${pct(perImage, 50).toFixed(2)} ms, p99 ${pct(perImage, 99).toFixed(2)} ms`);

    // Recall against a brute-force scan of every row, for a sample of queries (one scan for the whole sample).
    const sample = Array.from({ length: Number(args.brute) }, query);
    const t0 = performance.now();
    const brute = await sql<{ i: number; image_id: string; hash: string }>`
      select q.i, h.image_id, lpad(to_hex(h.hash), 16, '0') as hash
        from ${sql.table(TABLE)} h cross join unnest(${sample.map((_, i) => i)}::int[], ${sample.map(hashToBigint)}::bigint[]) as q(i, hash)
       where bit_count((h.hash # q.hash)::bit(64)) <= ${D}`.execute(db);
    const bruteMs = performance.now() - t0;
    const truth = new Set(brute.rows.map((r) => `${r.i}|${r.image_id}|${r.hash}`));
    const got = new Set<string>();
    const t1 = performance.now();
    for (let i = 0; i < sample.length; i++) for (const h of await nearHashes(db, [sample[i]!], { table: TABLE })) got.add(`${i}|${h.imageId}|${h.hash}`);
    const indexMs = performance.now() - t1;
    const hit = [...truth].filter((k) => got.has(k)).length;
    const extra = [...got].filter((k) => !truth.has(k)).length;
    out(
      `  recall at ≤ ${D} bits: ${truth.size === 0 ? 'n/a (no true neighbours in the sample)' : (hit / truth.size).toFixed(4)} (${hit} of ${truth.size} true neighbours of ${sample.length} queries; ${extra} false)`,
    );
    out(`  brute force: one scan of ${N.toLocaleString('en')} rows for ${sample.length} queries ${(bruteMs / 1000).toFixed(1)} s (${(bruteMs / sample.length).toFixed(0)} ms a query); the index: ${(indexMs / sample.length).toFixed(2)} ms a query`);
  } finally {
    await handle.close();
  }
}

/** Drops and refills the table with COPY (psql's \copy from this process's generator), then builds the indexes. */
async function load(db: Parameters<typeof nearHashes>[0], url: string) {
  await sql`drop table if exists ${sql.table(TABLE)}`.execute(db);
  await sql`delete from bench_meta`.execute(db);
  // The shape of image_reuse_hashes without its foreign key and triggers; its indexes are made after the load.
  await sql`create unlogged table ${sql.table(TABLE)} (like image_reuse_hashes including defaults including constraints)`.execute(db);
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const psql = spawn('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', `\\copy ${TABLE} (image_id, region, orientation, hash, c0, c1, c2, c3) from stdin`], { stdio: ['pipe', 'inherit', 'inherit'] });
    psql.on('error', reject);
    psql.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql exited with ${code}`))));
    let k = 0;
    const write = () => {
      while (k < N) {
        const lines: string[] = [];
        for (let j = 0; j < 50_000 && k < N; j++, k++) {
          const h = rowHash(k);
          const [c0, c1, c2, c3] = hashBands(h);
          lines.push(`${imageId(Math.floor(k / PER_IMAGE))}\t${REGIONS[k % PER_IMAGE]}\tid\t${hashToBigint(h)}\t${c0}\t${c1}\t${c2}\t${c3}\n`);
        }
        if (k % 1_000_000 < 50_000) process.stdout.write(`  … ${k.toLocaleString('en')} rows\r`);
        if (!psql.stdin.write(lines.join(''))) {
          psql.stdin.once('drain', write);
          return;
        }
      }
      psql.stdin.end();
    };
    write();
  });
  out(`  COPY of ${N.toLocaleString('en')} rows: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const t1 = performance.now();
  const defs = (await sql<{ def: string }>`select indexdef as def from pg_indexes where tablename = 'image_reuse_hashes' order by indexname`.execute(db)).rows;
  await sql`set maintenance_work_mem = '512MB'`.execute(db);
  for (const { def } of defs) {
    const mine = def.replace(/INDEX (\w+) ON public\.image_reuse_hashes/, (_m, name: string) => `INDEX ${name.replace('image_reuse_hashes', TABLE)} ON public.${TABLE}`);
    await sql.raw(mine).execute(db);
  }
  await sql`vacuum analyze ${sql.table(TABLE)}`.execute(db);
  out(`  indexes (${defs.length}, as migration 0016 defines them) and vacuum: ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  await sql`insert into bench_meta values (${N}, ${SEED}, now())`.execute(db);
}

await main();
