import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import { sql, type Kysely, type Transaction } from 'kysely';
import pino from 'pino';
import type { RequestContext } from '../../kernel/auth/actor.ts';
import { auditRow, recordAudit } from '../../kernel/audit.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { Database } from '../../kernel/db/types.ts';
import {
  IMAGE_DUPLICATE_MAX_HAMMING,
  IMAGE_JOB_LEASE_MS,
  IMAGE_JOB_MAX_ATTEMPTS,
  IMAGE_JOB_POLL_MS,
  IMAGE_JOB_RETRY_DELAY_MS,
  IMAGE_WORKER_CONCURRENCY,
} from '../../kernel/policy.ts';
import { exifFacts, forensicChecks, type ForensicResult } from '../forensics/index.ts';
import { exifInstant, readExifTags, summariseExif, thumbnailAndHash, type DecodedPicture, type ImageExif } from './inspect.ts';
import { bandProbes, contentFlags, findDuplicate, hashBands, probeRadius, type DuplicateCandidate, type ImageFlag } from './rules/flags.ts';
import { IMAGE_JOB_QUEUED, imageJobSignal, recordFlags } from './service.ts';
import { withBlobFile } from './store.ts';
import type { ImageRow } from './tables.ts';
import './tables.ts';

/**
 * Image processing after the acknowledgement (issue 4 item 3, "Processing cost" in docs/decisions.md): EXIF, one
 * shrink-on-load decode giving the thumbnail and the perceptual hash, the content flags and the duplicate lookup.
 * Jobs are rows of `image_jobs`, claimed with FOR UPDATE SKIP LOCKED under a lease, so any number of processes share
 * the queue and each job finishes once; a worker that dies mid-job leaves it claimable again when the lease runs out.
 */

/** Serialises the duplicate lookup with the insertion of each analysis, so two copies processed at once see each other. */
const DUPLICATE_LOOKUP_LOCK = 0x51540101;

type Deps = Pick<AppDeps, 'db' | 'blobs' | 'clock'>;

export interface ClaimedJob {
  imageId: string;
  token: string;
  attempts: number;
  /** The image, read with the claim, and its batch's number (for the audit trail of what the job finds). */
  image: ImageRow & { batch_number: string };
}

/** Fastify's logger (`app.log`) or any pino logger. */
export type Logger = Pick<FastifyBaseLogger, 'error' | 'warn'>;

/**
 * Claims the oldest job that is ready, or one whose claim's lease has run out, and reads its image in the same
 * statement. Null when there is none.
 */
export async function claimImageJob(db: Kysely<Database>, now: Date, workerName: string): Promise<ClaimedJob | null> {
  const token = randomUUID();
  const leaseUntil = new Date(now.getTime() + IMAGE_JOB_LEASE_MS);
  const r = await sql<ImageRow & { batch_number: string; job_attempts: number }>`
    with claimed as (
      update image_jobs j
         set state = 'running', attempts = j.attempts + 1, claim_token = ${token}, claimed_by = ${workerName}, lease_until = ${leaseUntil}
       where j.image_id = (
         select c.image_id from image_jobs c
          where (c.state = 'pending' and c.available_at <= ${now}) or (c.state = 'running' and c.lease_until < ${now})
          order by c.available_at, c.image_id
          limit 1
          for update skip locked)
      returning j.image_id, j.attempts)
    select i.*, b.batch_number, claimed.attempts as job_attempts
      from claimed join images i on i.id = claimed.image_id join batches b on b.id = i.batch_id`.execute(db);
  const row = r.rows[0];
  if (!row) return null;
  const { job_attempts, ...image } = row;
  return { imageId: image.id, token, attempts: Number(job_attempts), image };
}

const systemCtx = (now: Date, imageId: string): RequestContext => ({
  actor: { kind: 'system', name: 'image-worker' },
  requestId: `image-job:${imageId}`,
  clientIp: null,
  now,
});

/** The claim is still ours: finishing and failing change the job only then (a lease that ran out is someone else's). */
class LostClaimError extends Error {}

async function releaseClaim(
  trx: Transaction<Database>,
  job: ClaimedJob,
  set: { state: 'done' | 'failed' | 'pending'; now: Date; error?: string | null; availableAt?: Date },
  /** Also take this transaction-scoped advisory lock, in the same statement (only when the claim was still ours). */
  lock?: number,
) {
  const done = set.state !== 'pending';
  const r = await trx
    .updateTable('image_jobs')
    .set({
      state: set.state,
      claim_token: null,
      lease_until: null,
      last_error: set.error ?? null,
      finished_at: done ? set.now : null,
      ...(set.availableAt ? { available_at: set.availableAt } : {}),
    })
    .where('image_id', '=', job.imageId)
    .where('state', '=', 'running')
    .where('claim_token', '=', job.token)
    .returning(lock === undefined ? sql<number>`1`.as('released') : sql<number>`(select 1 from pg_advisory_xact_lock(${lock}))`.as('released'))
    .execute();
  if (r.length !== 1) throw new LostClaimError(`claim on image ${job.imageId} lost`);
}

interface Analysis {
  exif: ImageExif;
  thumbnail: { sha256: string; width: number; height: number } | null;
  perceptualHash: string | null;
  previewNote: string | null;
  forensics: ForensicResult;
}

/**
 * Reads the stored file and stores the thumbnail as its own blob. A JPEG is read into memory once (at most
 * IMAGE_MAX_BYTES): its marker structure, quantization tables and EXIF thumbnail are read from those bytes, and exifr
 * and sharp take the same buffer; other formats are read by path (sharp and exifr read what they need). A file the
 * decoder cannot read (a HEIF coded in HEVC where this build has no HEVC decoder; a damaged body behind a good header)
 * gets no thumbnail and says why; that is a property of the file, not a failure to retry. The forensic checks
 * (src/modules/forensics) run on what this reads and decodes, nothing more.
 */
async function analyse(deps: Deps, image: ImageRow): Promise<Analysis> {
  return withBlobFile(deps.blobs, image.sha256, async (path) => {
    const bytes = image.format === 'jpeg' ? await readFile(path) : null;
    const input = bytes ?? path;
    const tags = await readExifTags(input);
    const exif = summariseExif(tags);
    let th: DecodedPicture | null = null;
    let previewNote: string | null = null;
    try {
      th = await thumbnailAndHash(input);
    } catch (err) {
      const note =
        image.format === 'heif'
          ? '本平台当前的图像库无法解码此 HEIF 图像的编码（如 HEVC），未生成缩略图和感知哈希；原图、EXIF 和内容哈希不受影响'
          : '图像数据无法解码（文件可能损坏或不完整），未生成缩略图和感知哈希';
      previewNote = `${note}（${(err as Error).message.slice(0, 120)}）`;
    }
    const forensics = await forensicChecks({
      picture: { format: image.format, width: image.width, height: image.height, signed: image.signed },
      exif: exifFacts(tags),
      jpegBytes: bytes,
      signature: th?.signature ?? null,
      decodeWarning: th?.decodeWarning ?? null,
    });
    if (!th) return { exif, thumbnail: null, perceptualHash: null, previewNote, forensics };
    const stored = await deps.blobs.put(th.thumbnail);
    return { exif, thumbnail: { sha256: stored.sha256, width: th.thumbnailWidth, height: th.thumbnailHeight }, perceptualHash: th.perceptualHash, previewNote: null, forensics };
  });
}

/**
 * Images in other batches that may repeat this one: the same bytes, or a perceptual hash in a probed band. One round
 * trip, two index lookups (UNION ALL: an OR across the two tables could use neither index); the same bytes come first.
 */
async function duplicateCandidates(trx: Transaction<Database>, image: ImageRow, perceptualHash: string | null): Promise<DuplicateCandidate[]> {
  // Only images already analysed: of two copies, the one analysed second is flagged (the lookup is serialised).
  const analysed = () =>
    trx
      .selectFrom('images as i')
      .innerJoin('image_analyses as a', 'a.image_id', 'i.id')
      .select(['i.id as imageId', 'i.batch_id as batchId', 'i.sha256', 'a.perceptual_hash as perceptualHash'])
      .where('i.batch_id', '<>', image.batch_id)
      .orderBy('i.uploaded_at');
  const same = analysed().where('i.sha256', '=', image.sha256).limit(1);
  if (!perceptualHash) return same.execute();
  const [b0, b1, b2, b3] = hashBands(perceptualHash).map((b) => bandProbes(b, probeRadius(IMAGE_DUPLICATE_MAX_HAMMING)));
  const similar = analysed()
    .where((eb) => eb.or([eb('a.phash_b0', 'in', b0!), eb('a.phash_b1', 'in', b1!), eb('a.phash_b2', 'in', b2!), eb('a.phash_b3', 'in', b3!)]))
    .limit(500);
  const rows = (await sql<DuplicateCandidate>`(${same}) union all (${similar})`.execute(trx)).rows;
  const identical = rows.find((r) => r.sha256 === image.sha256);
  return identical ? [identical] : rows;
}

/**
 * Runs one claimed job: analyse, then in one transaction (only if the claim is still ours) the analysis row, the
 * content flags and the duplicate finding as anomalies, the audit row, and the job marked done. On an error the job
 * goes back to the queue after a delay, or fails for good after IMAGE_JOB_MAX_ATTEMPTS.
 */
export async function processImageJob(deps: Deps, job: ClaimedJob, log: Logger): Promise<'done' | 'retry' | 'failed' | 'lost'> {
  return (await runJob(deps, job, log, null)).outcome;
}

type JobOutcome = 'done' | 'retry' | 'failed' | 'lost';

/**
 * `processImageJob`, and with `claimNextAs` the next ready job claimed in the transaction that finishes this one: a
 * worker with a backlog goes from job to job without a claim of its own (one commit less per image).
 */
async function runJob(deps: Deps, job: ClaimedJob, log: Logger, claimNextAs: string | null): Promise<{ outcome: JobOutcome; next: ClaimedJob | null }> {
  const image = job.image;
  try {
    if (job.attempts > IMAGE_JOB_MAX_ATTEMPTS) throw new Error(`gave up after ${job.attempts - 1} attempts whose workers did not finish (crash or timeout)`);
    const analysis = await analyse(deps, image);
    const now = deps.clock.now();
    const ctx = systemCtx(now, image.id);
    const next = await deps.db.transaction().execute(async (trx) => {
      // The claim released (if still ours) and the duplicate lookup's lock taken, in one statement.
      await releaseClaim(trx, job, { state: 'done', now }, DUPLICATE_LOOKUP_LOCK);
      const flags: ImageFlag[] = contentFlags({
        exif: analysis.exif,
        declared: { capturedAt: image.captured_at, location: { lat: image.location_lat, lng: image.location_lng } },
        signed: image.signed,
      });
      flags.push(...analysis.forensics.findings);
      const duplicate = findDuplicate({ sha256: image.sha256, perceptualHash: analysis.perceptualHash }, await duplicateCandidates(trx, image, analysis.perceptualHash));
      if (duplicate) flags.push(duplicate);
      // The analysis and its audit row in one statement.
      const bands = analysis.perceptualHash ? hashBands(analysis.perceptualHash) : null;
      await trx
        .with('analysis', (db) =>
          db.insertInto('image_analyses').values({
            image_id: image.id,
            exif: JSON.stringify(analysis.exif),
            exif_taken_at: exifInstant(analysis.exif),
            thumbnail_sha256: analysis.thumbnail?.sha256 ?? null,
            thumbnail_width: analysis.thumbnail?.width ?? null,
            thumbnail_height: analysis.thumbnail?.height ?? null,
            perceptual_hash: analysis.perceptualHash,
            phash_b0: bands?.[0] ?? null,
            phash_b1: bands?.[1] ?? null,
            phash_b2: bands?.[2] ?? null,
            phash_b3: bands?.[3] ?? null,
            preview_note: analysis.previewNote,
            forensics: JSON.stringify(analysis.forensics.evidence),
            analysed_at: now,
          }),
        )
        .insertInto('audit_log')
        .values(
          auditRow(ctx, {
            action: 'image.analyse',
            targetType: 'image',
            targetId: image.id,
            organisationId: image.agency_id,
            regionCode: image.region_code,
            details: {
              batchId: image.batch_id,
              thumbnail: analysis.thumbnail?.sha256 ?? null,
              perceptualHash: analysis.perceptualHash,
              previewNote: analysis.previewNote,
              flags: flags.map((f) => f.kind),
              attempt: job.attempts,
            },
          }),
        )
        .execute();
      await recordFlags(trx, ctx, { id: image.batch_id, agencyId: image.agency_id, regionCode: image.region_code, batchNumber: image.batch_number }, { type: 'image', id: image.id }, flags);
      return claimNextAs === null ? null : claimImageJob(trx, now, claimNextAs);
    });
    return { outcome: 'done', next };
  } catch (err) {
    if (err instanceof LostClaimError) return { outcome: 'lost', next: null };
    const now = deps.clock.now();
    const final = job.attempts >= IMAGE_JOB_MAX_ATTEMPTS;
    const message = (err as Error).message?.slice(0, 500) ?? String(err);
    log.error({ err, imageId: image.id, attempt: job.attempts }, final ? 'image job failed for good' : 'image job failed; will retry');
    try {
      await deps.db.transaction().execute(async (trx) => {
        await releaseClaim(trx, job, final ? { state: 'failed', now, error: message } : { state: 'pending', now, error: message, availableAt: new Date(now.getTime() + IMAGE_JOB_RETRY_DELAY_MS) });
        if (final) {
          await recordAudit(trx, systemCtx(now, image.id), {
            action: 'image.analyse.failed',
            targetType: 'image',
            targetId: image.id,
            organisationId: image.agency_id,
            regionCode: image.region_code,
            details: { batchId: image.batch_id, attempts: job.attempts, error: message },
          });
        }
      });
    } catch (releaseErr) {
      if (releaseErr instanceof LostClaimError) return { outcome: 'lost', next: null };
      throw releaseErr;
    }
    return { outcome: final ? 'failed' : 'retry', next: null };
  }
}

/** Claims and runs jobs until none is ready (tests, scripts, and a process that wants its queue empty before stopping). */
export async function runImageJobs(deps: Deps, opts: { workerName?: string; log?: Logger } = {}): Promise<number> {
  const name = opts.workerName ?? workerIdentity();
  const log = opts.log ?? defaultLogger();
  let n = 0;
  let job = await claimImageJob(deps.db, deps.clock.now(), name);
  while (job) {
    const r = await runJob(deps, job, log, name);
    n++;
    job = r.next ?? (r.outcome === 'done' ? null : await claimImageJob(deps.db, deps.clock.now(), name));
  }
  return n;
}

export interface ImageWorker {
  /** Stops claiming; resolves when the jobs in hand are finished. */
  stop(): Promise<void>;
}

const workerIdentity = () => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
const defaultLogger = (): Logger => pino({ name: 'image-worker' });

/**
 * Starts the image worker inside this server process: `concurrency` loops, each claiming one job at a time; an idle
 * loop sleeps until an upload in this process queues a job or the poll interval passes (jobs queued by other processes,
 * retries, leases that ran out). Wire it where the server starts and stop it before the database closes.
 */
export function startImageWorker(deps: Deps, opts: { concurrency?: number; pollMs?: number; log?: Logger; workerName?: string } = {}): ImageWorker {
  const name = opts.workerName ?? workerIdentity();
  const log = opts.log ?? defaultLogger();
  const pollMs = opts.pollMs ?? IMAGE_JOB_POLL_MS;
  let stopping = false;
  const sleepers = new Set<() => void>();
  const wake = () => {
    for (const s of [...sleepers]) s();
  };
  // One queued job wakes one idle loop (the others' claims would find nothing); a loop that finished a job claims the
  // next at once, so a backlog is drained by every loop.
  const wakeOne = () => sleepers.values().next().value?.();
  imageJobSignal.on(IMAGE_JOB_QUEUED, wakeOne);
  const idle = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, pollMs);
      sleepers.add(done);
    });
  const loop = async () => {
    while (!stopping) {
      try {
        let job = await claimImageJob(deps.db, deps.clock.now(), name);
        if (!job) {
          await idle();
          continue;
        }
        // Stopping claims nothing more; a job claimed just before is still finished (stop() waits for the loops).
        while (job) job = (await runJob(deps, job, log, stopping ? null : name)).next;
      } catch (err) {
        log.error({ err }, 'image worker loop error');
        if (!stopping) await idle();
      }
    }
  };
  const loops = Array.from({ length: opts.concurrency ?? IMAGE_WORKER_CONCURRENCY }, loop);
  return {
    async stop() {
      stopping = true;
      imageJobSignal.off(IMAGE_JOB_QUEUED, wakeOne);
      wake();
      await Promise.all(loops);
    },
  };
}
