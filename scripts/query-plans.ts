/**
 * `npm run sql:plans` — the SQL of the hot paths and its query plans, committed in docs/sql/ (as Immich commits its
 * queries), so that a reviewer sees exactly what reaches the database and how PostgreSQL runs it.
 * `npm run sql:plans -- --check` (CI) regenerates them and fails when the committed files differ.
 *
 * On PostgreSQL (DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres): a fresh database (dropped at the
 * end) with the demo and its month of history, plus 30 000 cloned open batches so that the planner sees a table of
 * some size, analysed; then each path is played through the real API and services while every statement Kysely sends
 * is recorded, and each distinct statement is explained (`EXPLAIN (COSTS OFF)`, no parallel plans, so the text does
 * not depend on timing). The paths:
 *   upload        the agency-system simulator: open a batch, signed records, camera JPEGs (direct and resumable
 *                 upload), witness check-in and attestation, seal; then the image worker's jobs for those images
 *   deadline-sweep the sweeper with batches past their deadline
 *   batch-list    the batch list as a province officer, a county officer and the agency, with and without filters
 *   dashboards    the daily check (table and trend over 30 days) for the province and a county
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { bootstrap } from '../src/bootstrap.ts';
import { systemClock } from '../src/kernel/clock.ts';
import { loadConfig } from '../src/kernel/config.ts';
import { openPostgres } from '../src/kernel/db/database.ts';
import { sweepDeadlines } from '../src/modules/deadlines/index.ts';
import { runImageJobs } from '../src/modules/images/index.ts';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';
import { simulate } from '../src/simulator/simulate.ts';
import { withDatabase } from '../src/testing/db.ts';
import { insertBatches } from '../bench/lib/clone-batches.ts';

const BASE = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const OUT = join(import.meta.dirname, '..', 'docs', 'sql');
const CLONED_OPEN_BATCHES = 30_000;
const check = process.argv.includes('--check');
// The database is thrown away at the end: a one-off key for its personal ID numbers, never ./data/pii.key.
process.env.PII_KEY ??= randomBytes(32).toString('base64');

interface Statement {
  /** As shown: a multi-row VALUES list is shortened to its first row and `, …`. */
  sql: string;
  /** As first sent, to explain. */
  sent: string;
  parameters: readonly unknown[];
  count: number;
}

let recording: Map<string, Statement> | null = null;

function record(text: string, parameters: readonly unknown[]): void {
  if (!recording) return;
  // Transaction control, locks and settings have no plan worth reading.
  if (!/^\s*(select|insert|update|delete|with)\b/i.test(text) || /pg_advisory/i.test(text)) return;
  const sent = text.replace(/\s+/g, ' ').trim();
  // One statement however many rows it inserts: the row count follows the data (image hashes kept per picture), and
  // the plan does not depend on it.
  const key = sent.replace(/ values (\([^()]*\))(?:, \([^()]*\))+/, ' values $1, …');
  const seen = recording.get(key);
  if (seen) seen.count++;
  else recording.set(key, { sql: key, sent, parameters, count: 1 });
}

async function during(fn: () => Promise<unknown>): Promise<Statement[]> {
  recording = new Map();
  try {
    await fn();
    // Ordered by text, not by first appearance: a flow runs some statements concurrently (a page and its count), and
    // their order of arrival differs from run to run, which made the drift check fail on an unchanged tree.
    return [...recording.values()].sort((a, b) => (a.sql < b.sql ? -1 : a.sql > b.sql ? 1 : 0));
  } finally {
    recording = null;
  }
}

async function admin(q: string): Promise<void> {
  const c = new pg.Client({ connectionString: withDatabase(BASE, 'postgres') });
  await c.connect();
  try {
    await c.query(q);
  } finally {
    await c.end();
  }
}

/**
 * Each statement is explained as a generic plan (prepared, `plan_cache_mode = force_generic_plan`), so its conditions
 * read `$1` rather than one run's ids and instants; a statement whose parameter types PostgreSQL cannot infer alone is
 * explained with its recorded values, its quoted literals then masked. All inside a transaction that is rolled back.
 */
async function explainAll(url: string, statements: Statement[]): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('set max_parallel_workers_per_gather = 0');
    await c.query(`set timezone = 'UTC'`);
    await c.query('set plan_cache_mode = force_generic_plan');
    const out: string[] = [];
    for (const s of statements) {
      await c.query('begin');
      try {
        await c.query('savepoint generic');
        let plan: string;
        try {
          await c.query(`prepare plan_stmt as ${s.sent}`);
          const types = (await c.query<{ t: string[] | string }>(`select parameter_types::text[] as t from pg_prepared_statements where name = 'plan_stmt'`)).rows[0]!.t;
          const n = Array.isArray(types) ? types.length : 0;
          const nulls = Array.from({ length: n }, () => 'null').join(', ');
          const r = await c.query<{ 'QUERY PLAN': string }>(`explain (costs off) execute plan_stmt${n ? `(${nulls})` : ''}`);
          plan = r.rows.map((row) => row['QUERY PLAN']).join('\n');
        } catch {
          await c.query('rollback to savepoint generic');
          const r = await c.query<{ 'QUERY PLAN': string }>(`explain (costs off) ${s.sent}`, s.parameters as unknown[]);
          plan = r.rows.map((row) => row['QUERY PLAN'].replace(/'(?:[^']|'')*'::/g, "'…'::")).join('\n');
        }
        out.push(plan);
      } catch (e) {
        out.push(`(not explained: ${(e as Error).message})`);
      } finally {
        await c.query('rollback');
        await c.query('deallocate all');
      }
    }
    return out;
  } finally {
    await c.end();
  }
}

function render(path: string, what: string, statements: Statement[], plans: string[]): string {
  const parts = [`# ${path}\n\n${what}\n\nGenerated by \`npm run sql:plans\`; checked for drift in CI. ${statements.length} distinct statements.\n`];
  statements.forEach((s, i) => {
    parts.push(`## ${i + 1}. (${s.count}×)\n\n\`\`\`sql\n${s.sql}\n\`\`\`\n\n\`\`\`\n${plans[i]}\n\`\`\`\n`);
  });
  return parts.join('\n');
}

async function main(): Promise<number> {
  const name = `qtrace_plans_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(BASE, name);
  await admin(`create database ${name}`);
  const blobDir = mkdtempSync(join(tmpdir(), 'qtrace-plans-'));
  const handle = await openPostgres(url, 8, { onQuery: record });
  const files = new Map<string, string>();
  try {
    const config = { ...loadConfig({}), blobDir, seedDemo: 'true' as const, logLevel: 'silent' as const };
    const { deps } = await bootstrap(config, { handle, clock: systemClock, demoHistory: true });
    const template = (await deps.db.selectFrom('batches').select('id').orderBy('opened_at').limit(1).executeTakeFirstOrThrow()).id;
    await insertBatches(deps.db, template, CLONED_OPEN_BATCHES, 'open');
    await sweepDeadlines(deps);
    const app = await buildApp(deps, { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.address();
    if (!addr || typeof addr !== 'object') throw new Error('no address');
    const baseUrl = `http://127.0.0.1:${addr.port}`;
    const login = async (username: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      const cookie = res.cookies.find((c) => c.name === 'qtrace_session');
      if (!cookie) throw new Error(`login ${username}: ${res.statusCode}`);
      return `qtrace_session=${cookie.value}`;
    };
    const get = async (cookie: string, path: string) => {
      const res = await app.inject({ method: 'GET', url: `/api/v1${path}`, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`GET ${path}: ${res.statusCode} ${res.body}`);
    };
    const cookies = { province: await login('officer.province'), county: await login('officer.nanguan'), agency: await login('jz.owner') };

    const paths: { path: string; what: string; setup?: () => Promise<unknown>; run: () => Promise<unknown> }[] = [
      {
        path: 'upload',
        what: 'An agency system uploads a batch (the simulator: records, camera JPEGs direct and resumable, witness, seal), then the image worker checks the images.',
        run: async () => {
          await simulate({ baseUrl, records: 2, images: 2, imageBytes: 200_000, statePath: join(blobDir, 'sim.json'), log: () => {} });
          await runImageJobs(deps, { log: { error: () => {}, warn: () => {} } });
        },
      },
      {
        path: 'deadline-sweep',
        what: 'The deadline sweeper with 200 batches past their deadline among the open ones.',
        setup: () => insertBatches(deps.db, template, 200, 'due', new Date(Date.now() - 60_000), 50_000),
        run: () => sweepDeadlines(deps),
      },
      {
        path: 'batch-list',
        what: 'The batch list as the province, a county and the agency, first page, then filtered by status and by the lock.',
        run: async () => {
          for (const c of Object.values(cookies)) await get(c, '/batches');
          await get(cookies.province, '/batches?status=completed');
          await get(cookies.province, '/batches?locked=true');
        },
      },
      {
        path: 'dashboards',
        what: 'The daily check (日常核查) as the province and a county over the last 30 days: the table and the trend.',
        run: async () => {
          const day = (d: number) => new Date(Date.now() + 8 * 3_600_000 - d * 86_400_000).toISOString().slice(0, 10);
          const range = `from=${day(30)}&to=${day(0)}`;
          for (const c of [cookies.province, cookies.county]) {
            await get(c, `/daily-checks?${range}`);
            await get(c, `/daily-checks/trend?${range}`);
          }
        },
      },
    ];
    for (const p of paths) {
      await p.setup?.();
      const statements = await during(p.run);
      files.set(`${p.path}.md`, render(p.path, p.what, statements, await explainAll(url, statements)));
    }
    await app.close();
  } finally {
    await handle.close();
    await admin(`drop database if exists ${name} with (force)`);
    rmSync(blobDir, { recursive: true, force: true });
  }

  if (!check) {
    mkdirSync(OUT, { recursive: true });
    for (const [f, text] of files) writeFileSync(join(OUT, f), text);
    console.log(`wrote ${[...files.keys()].map((f) => `docs/sql/${f}`).join(', ')}`);
    return 0;
  }
  const committed = new Set(readdirSync(OUT).filter((f) => f.endsWith('.md')));
  let drift = 0;
  for (const [f, text] of files) {
    const old = committed.has(f) ? readFileSync(join(OUT, f), 'utf8') : '';
    // How many times a statement ran follows timing (polls, retries, hashes kept per picture); what is checked is
    // which statements the code sends and their plans.
    const withoutCounts = (t: string): string => t.replace(/^## (\d+)\. \(\d+×\)$/gm, '## $1.');
    if (withoutCounts(old) !== withoutCounts(text)) {
      drift++;
      console.error(`docs/sql/${f} differs from what the code sends now: run \`npm run sql:plans\` and review the change`);
    }
  }
  if (drift === 0) console.log(`docs/sql: ${files.size} hot paths, no drift`);
  return drift === 0 ? 0 : 1;
}

process.exit(await main());
