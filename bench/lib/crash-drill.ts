import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  createQTraceClient,
  imageSigningPayload,
  recordSigningPayload,
  sha256Hex,
  signPayload,
  type ImageMetadata,
} from '../../src/client/index.ts';
import { openPostgres } from '../../src/kernel/db/database.ts';
import { IMAGE_JOB_LEASE_MS, DEADLINE_SWEEP_INTERVAL_MS } from '../../src/kernel/policy.ts';
import { beijingRfc3339, beijingWallClock, makeSitePhoto, withComment } from '../../src/simulator/photos.ts';
import { reboundValues } from '../../src/simulator/simulate.ts';
import { insertBatches } from './clone-batches.ts';
import { freshDatabase, provisionAgency, startServer, type Agency, type ServerProcess } from './servers.ts';

/**
 * The crash drill (issue 15 item 8): two server processes on one PostgreSQL database and one blob folder, agency systems
 * uploading records and images to both (direct and resumable), and in each trial one process, chosen at random, killed
 * with SIGKILL at a random moment and started again. After each trial, and again at the end once the leases have run
 * out: every acknowledged upload has its row and its blob with the right hash (else "lost"), no image job is left
 * claimed past its lease and every due batch is locked (else "stuck"), and no batch was locked twice (else "double").
 */

export interface CrashDrillOptions {
  trials: number;
  /** Upload load per trial, in ms (the kill falls at a random moment inside it). */
  loadMs?: number;
  /** Concurrent agency clients. */
  clients?: number;
  /** Due batches cloned into the database per trial, for the deadline sweepers of both processes to lock. */
  dueBatchesPerTrial?: number;
  /** A PostgreSQL URL whose server gets the drill's own database (default DATABASE_URL, else the local server). */
  databaseBase?: string;
  log: (line: string) => void;
}

export interface TrialFigures {
  trial: number;
  killed: 'A' | 'B';
  killedAtMs: number;
  restartMs: number;
  acknowledged: { direct: number; resumable: number; records: number };
  /** Uploads that failed (their server died under them): never acknowledged, so nothing is owed for them. */
  failed: number;
  lost: number;
  stuck: number;
  double: number;
}

export interface CrashDrillResult {
  trials: TrialFigures[];
  acknowledged: number;
  lost: number;
  stuck: number;
  double: number;
  seconds: number;
}

interface Ack {
  kind: 'direct' | 'resumable';
  imageId: string;
  sha256: string;
  batchId: string;
  recordKey: string;
}

const SITE = { lat: 43.8468, lng: 125.3562 };

export async function runCrashDrill(o: CrashDrillOptions): Promise<CrashDrillResult> {
  const loadMs = o.loadMs ?? 3000;
  const clients = o.clients ?? 4;
  const duePerTrial = o.dueBatchesPerTrial ?? 40;
  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), 'qtrace-drill-crash-'));
  const db = await freshDatabase('drill', { ...(o.databaseBase ? { base: o.databaseBase } : {}) });
  const url = db.url!;
  const serverOpts = { databaseUrl: url, dataDir: join(work, 'data'), blobDir: join(work, 'blobs'), log: join(work, 'servers.log') };
  const servers: ServerProcess[] = [];
  const check = new pg.Client({ connectionString: url });
  const handle = await openPostgres(url, 2).catch(() => null);
  try {
    // The first process migrates and seeds; the agency system is provisioned through it, the second starts beside it.
    servers.push(await startServer(serverOpts));
    const agency = await provisionAgency(servers[0]!.url, join(work, 'sim-state.json'));
    servers.push(await startServer(serverOpts));
    await check.connect();
    const batches: string[] = [];
    for (let c = 0; c < clients; c++) batches.push((await agency.q.openBatch(agency.openBody, { idempotencyKey: `drill-${c}-${randomBytes(4).toString('hex')}` })).id);
    const frames = await Promise.all([0, 1, 2].map((seed) => makeSitePhoto({ targetBytes: 120_000, takenAtLocal: beijingWallClock(new Date()), latitude: SITE.lat, longitude: SITE.lng, make: 'HUAWEI', model: 'Mate 60 Pro', seed })));
    const allAcks: Ack[] = [];
    const allRecords: { batchId: string; recordKey: string }[] = [];
    const dueBatches: string[] = [];
    const figures: TrialFigures[] = [];
    let seq = 0;

    for (let trial = 1; trial <= o.trials; trial++) {
      dueBatches.push(...(await insertBatches(handle!.db, agency.batchId, duePerTrial, 'due', new Date(Date.now() - 60_000), 0, false)));
      const acks: Ack[] = [];
      const records: { batchId: string; recordKey: string }[] = [];
      let failed = 0;
      const t0 = performance.now();
      const loadUntil = t0 + loadMs;
      const victim = Math.random() < 0.5 ? 0 : 1;
      const killAt = loadMs * (0.1 + 0.8 * Math.random());
      let restartMs = 0;
      const chaos = (async () => {
        await sleep(killAt);
        const dying = servers[victim]!;
        dying.child.kill('SIGKILL');
        await dying.exited();
        const r0 = performance.now();
        servers[victim] = await startServer(serverOpts);
        restartMs = performance.now() - r0;
      })();
      await Promise.all(
        batches.map(async (batchId, c) => {
          while (performance.now() < loadUntil) {
            const n = seq++;
            const target = servers[Math.random() < 0.5 ? 0 : 1]!;
            const kind = n % 2 === 0 ? 'direct' : 'resumable';
            try {
              const ack = await uploadOne(agency, target.url, batchId, frames[n % frames.length]!, `D${trial}-${c}-${n}`, kind);
              records.push({ batchId, recordKey: ack.recordKey });
              if (ack.image) acks.push(ack.image);
            } catch {
              failed++;
              await sleep(50);
            }
          }
        }),
      );
      await chaos;
      allAcks.push(...acks);
      allRecords.push(...records);
      const lost = await countLost(check, acks, records, serverOpts.blobDir);
      const stuck = await countStuckJobs(check);
      const double = await countDoubleLocks(check, o.log);
      const f: TrialFigures = {
        trial,
        killed: victim === 0 ? 'A' : 'B',
        killedAtMs: Math.round(killAt),
        restartMs: Math.round(restartMs),
        acknowledged: { direct: acks.filter((a) => a.kind === 'direct').length, resumable: acks.filter((a) => a.kind === 'resumable').length, records: records.length },
        failed,
        lost,
        stuck,
        double,
      };
      figures.push(f);
      o.log(
        `trial ${String(trial).padStart(3)}/${o.trials}  kill -9 ${f.killed} at ${(f.killedAtMs / 1000).toFixed(2)} s, restarted in ${(f.restartMs / 1000).toFixed(1)} s  ` +
          `acknowledged ${f.acknowledged.direct} direct + ${f.acknowledged.resumable} resumable images, ${f.acknowledged.records} records  ` +
          `failed ${f.failed}  lost ${lost}  stuck ${stuck}  double ${double}`,
      );
    }

    // The end: the killed processes' leases run out and the survivors take their jobs over; the sweepers lock every due
    // batch. Whatever is still claimed, pending or unlocked after a lease and two sweep intervals is stuck.
    o.log(`waiting for the image queue to drain and every due batch to be locked (at most ${Math.round((IMAGE_JOB_LEASE_MS + 2 * DEADLINE_SWEEP_INTERVAL_MS + 30_000) / 1000)} s) …`);
    const until = Date.now() + IMAGE_JOB_LEASE_MS + 2 * DEADLINE_SWEEP_INTERVAL_MS + 30_000;
    let final = await finalState(check, dueBatches);
    while ((final.unfinishedJobs > 0 || final.unlocked > 0) && Date.now() < until) {
      await sleep(2000);
      final = await finalState(check, dueBatches);
    }
    const finalLost = await countLost(check, allAcks, allRecords, serverOpts.blobDir);
    const finalDouble = await countDoubleLocks(check, o.log);
    o.log(
      `final: ${allAcks.length} acknowledged images and ${allRecords.length} records re-checked: lost ${finalLost}; ` +
        `image jobs not finished ${final.unfinishedJobs} (failed ${final.failedJobs}); due batches ${dueBatches.length}, not locked ${final.unlocked}; double ${finalDouble}`,
    );
    const acknowledged = allAcks.length + allRecords.length;
    return {
      trials: figures,
      acknowledged,
      lost: Math.max(finalLost, figures.reduce((s, f) => s + f.lost, 0)),
      stuck: figures.reduce((s, f) => s + f.stuck, 0) + final.unfinishedJobs + final.unlocked,
      double: Math.max(finalDouble, ...figures.map((f) => f.double)),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    for (const s of servers) {
      s.child.kill('SIGTERM');
      await s.exited();
    }
    await check.end().catch(() => {});
    await handle?.close();
    await db.drop().catch(() => {});
    rmSync(work, { recursive: true, force: true });
  }
}

/** One signed record, then its image (direct or resumable in 40 kB PATCHes), to one server; no retries elsewhere. */
async function uploadOne(agency: Agency, baseUrl: string, batchId: string, frame: Buffer, recordKey: string, kind: Ack['kind']): Promise<{ recordKey: string; image: Ack | null }> {
  // Few, quick retries: a server that died does not come back at this address (it restarts on another port).
  const q = createQTraceClient({ baseUrl, credential: agency.credential, retry: { attempts: 2, baseDelayMs: 50, maxDelayMs: 200 } });
  const now = new Date();
  const componentId = agency.openBody.componentIds[0]!;
  const fields = { recordKey, itemCode: 'concrete_rebound', componentId, values: reboundValues(recordKey.length, recordKey), capturedAt: beijingRfc3339(now), equipmentId: agency.openBody.equipmentIds[0]! };
  const sign = (payload: Parameters<typeof signPayload>[1]) => ({ alg: 'Ed25519' as const, keyId: agency.keyId, value: signPayload(agency.device.privateKey, payload) });
  await q.uploadRecord(batchId, { ...fields, source: 'auto', testerPersonId: agency.openBody.testerPersonIds[0]!, signature: sign(recordSigningPayload(batchId, fields)) });
  const bytes = withComment(frame, `${recordKey}-${randomBytes(6).toString('hex')}`);
  const meta: ImageMetadata = { capturedAt: beijingRfc3339(now), location: SITE, testerPersonId: agency.openBody.testerPersonIds[0]!, equipmentId: fields.equipmentId, componentId, recordKeys: [recordKey] };
  meta.signature = sign(imageSigningPayload(batchId, sha256Hex(bytes), meta));
  const image = kind === 'direct' ? (await q.uploadImage(batchId, bytes, meta)).image : await q.resumableUpload(batchId, bytes, meta, { chunkBytes: 40_000 });
  return { recordKey, image: { kind, imageId: image.id, sha256: sha256Hex(bytes), batchId, recordKey } };
}

/** Acknowledged images without their row, with another hash, or whose blob is missing or hashes otherwise; records without their row. */
async function countLost(db: pg.Client, acks: Ack[], records: { batchId: string; recordKey: string }[], blobDir: string): Promise<number> {
  let lost = 0;
  const rows = await db.query<{ id: string; sha256: string }>('select id, sha256 from images where id = any($1::uuid[])', [acks.map((a) => a.imageId)]);
  const byId = new Map(rows.rows.map((r) => [r.id, r.sha256]));
  for (const a of acks) {
    if (byId.get(a.imageId) !== a.sha256) {
      lost++;
      continue;
    }
    const path = join(blobDir, 'sha256', a.sha256.slice(0, 2), a.sha256.slice(2, 4), a.sha256);
    const bytes = await readFile(path).catch(() => null);
    if (!bytes || createHash('sha256').update(bytes).digest('hex') !== a.sha256) lost++;
  }
  const keys = await db.query<{ k: string }>(
    `select batch_id || '/' || record_key as k from batch_records where (batch_id, record_key) in (select * from unnest($1::uuid[], $2::text[]))`,
    [records.map((r) => r.batchId), records.map((r) => r.recordKey)],
  );
  const present = new Set(keys.rows.map((r) => r.k));
  lost += records.filter((r) => !present.has(`${r.batchId}/${r.recordKey}`)).length;
  return lost;
}

/** Image jobs still claimed although their lease ran out more than a few worker polls ago: nobody took them over. */
async function countStuckJobs(db: pg.Client): Promise<number> {
  const r = await db.query<{ n: number }>(`select count(*)::int as n from image_jobs where state = 'running' and lease_until < now() - interval '10 seconds'`);
  return r.rows[0]!.n;
}

/** Batches with more than one lock event, late-upload violation or lock audit entry (each such batch is named). */
async function countDoubleLocks(db: pg.Client, log: (s: string) => void): Promise<number> {
  const r = await db.query<{ k: string; what: string }>(`
    select batch_id::text as k, 'lock events' as what from batch_events where event = 'lock' group by batch_id having count(*) > 1
    union all
    select split_part(source_ref, ':', 2), 'late-upload violations' from violations where type = 'late_upload' and source_ref like 'batch:%' group by 1 having count(*) > 1
    union all
    select target_id::text, 'lock audit entries' from audit_log where action = 'batch.lock' group by target_id having count(*) > 1`);
  for (const row of r.rows) log(`  !! batch ${row.k}: more than one of its ${row.what}`);
  return new Set(r.rows.map((x) => x.k)).size;
}

async function finalState(db: pg.Client, dueBatches: string[]): Promise<{ unfinishedJobs: number; failedJobs: number; unlocked: number }> {
  const jobs = await db.query<{ unfinished: number; failed: number }>(
    `select count(*) filter (where state in ('pending', 'running'))::int as unfinished, count(*) filter (where state = 'failed')::int as failed from image_jobs`,
  );
  const unlocked = await db.query<{ n: number }>('select count(*)::int as n from batches where id = any($1::uuid[]) and not locked', [dueBatches]);
  return { unfinishedJobs: jobs.rows[0]!.unfinished, failedJobs: jobs.rows[0]!.failed, unlocked: unlocked.rows[0]!.n };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
