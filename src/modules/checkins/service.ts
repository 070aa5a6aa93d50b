import { appendReceipt, contentHash } from '../ledger/index.ts';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Kysely, Transaction } from 'kysely';
import { hasRole, requireUser, type RequestContext, type UserActor } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import type { BlobStore } from '../../kernel/blobs/blob-store.ts';
import { canonicalJson } from '../../kernel/crypto/canonical-json.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { Database } from '../../kernel/db/types.ts';
import { forbidden } from '../../kernel/errors.ts';
import { hashRequest, idempotent, type IdempotentResult } from '../../kernel/idempotency.ts';
import { CAPTURE_ANOMALY_SEVERITY } from '../../kernel/policy.ts';
import { recordImageCapture, verifyCapture, type VerifiedCapture } from '../capture/index.ts';
import { findVisibleBatch, getBatchForUpload, type BatchForUpload } from '../batches/index.ts';
import { assertNotInFuture, captureWindowFlag, type CheckinMetadata, idempotencyKeyUsed, IMAGE_JOB_QUEUED, type ImageFlag, type ImageFlagView, imageJobSignal, type ImageView, insertImage, loadImageViews, outsideSite, parseCheckinMetadata, projectSite, recordFlags, type StoredImage, storeImage, toFlagView } from '../images/index.ts';
import { assertWitnessRegistered, findWitnessByUser } from '../witnesses/index.ts';
import type { WitnessCheckinRow } from './tables.ts';
import './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface Checkin {
  id: string;
  batchId: string;
  witness: { personId: string; name: string };
  userId: string;
  /** The platform's time of the check-in. */
  checkedInAt: string;
  location: { lat: number; lng: number };
  insideSite: boolean;
  /** Whether the witness is the one the batch named. */
  namedOnBatch: boolean;
  photo: ImageView;
  flags: ImageFlagView[];
}

async function toCheckins(db: Db, rows: WitnessCheckinRow[]): Promise<Checkin[]> {
  if (rows.length === 0) return [];
  const images = await db.selectFrom('images').selectAll().where('id', 'in', rows.map((r) => r.image_id)).execute();
  const views = new Map((await loadImageViews(db, images)).map((v) => [v.id, v]));
  const names = new Map(
    (await db.selectFrom('witness_persons').select(['id', 'name']).where('id', 'in', rows.map((r) => r.witness_person_id)).execute()).map((w) => [w.id, w.name]),
  );
  const anomalies = await db
    .selectFrom('anomalies')
    .select(['subject_id', 'kind', 'details', 'detected_at', 'status'])
    .where('subject_type', '=', 'checkin')
    .where('subject_id', 'in', rows.map((r) => r.id))
    .orderBy('detected_at')
    .orderBy('kind')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    batchId: r.batch_id,
    witness: { personId: r.witness_person_id, name: names.get(r.witness_person_id) ?? '' },
    userId: r.user_id,
    checkedInAt: r.checked_in_at.toISOString(),
    location: { lat: r.location_lat, lng: r.location_lng },
    insideSite: r.inside_site,
    namedOnBatch: r.named_on_batch,
    photo: views.get(r.image_id)!,
    flags: anomalies.filter((a) => a.subject_id === r.id).map(toFlagView),
  }));
}

/**
 * The witness's check-in at the site (issue 4 item 6; 二(二) 见证旁站、实时上传见证信息): the registered witness — a
 * platform account linked to a witness person registered for the batch's project — checks in with the time (the
 * platform's), the position and a photo, which goes through the image pipeline as kind `witness_checkin` (stored
 * before the row, EXIF and thumbnail after). Outside the site, after the work, or by another registered witness than
 * the batch names: accepted and flagged.
 */
export class CheckinService {
  readonly #db: Kysely<Database>;
  readonly #blobs: BlobStore;
  constructor(deps: Pick<AppDeps, 'db' | 'blobs'>) {
    this.#db = deps.db;
    this.#blobs = deps.blobs;
  }

  /** The witness person the caller is; 403 for anyone else. */
  async #witness(ctx: RequestContext): Promise<{ user: UserActor; witnessId: string }> {
    const user = requireUser(ctx.actor);
    if (!hasRole(user, 'witness')) throw forbidden('CHECKIN_WITNESS_ONLY', '只有见证人员可以现场签到');
    const witness = await findWitnessByUser(this.#db, user.id);
    if (!witness) throw forbidden('CHECKIN_WITNESS_NOT_LINKED', '您的账号未关联已登记的见证人员，请由监理单位在见证人员登记中关联账号');
    return { user, witnessId: witness.id };
  }

  /** One check-in, exactly once per Idempotency-Key (same photo, same metadata). */
  async checkIn(ctx: RequestContext, batchId: string, meta: CheckinMetadata, body: Readable, idempotencyKey: string, field: string): Promise<IdempotentResult<Checkin>> {
    const { user, witnessId } = await this.#witness(ctx);
    if (!(await idempotencyKeyUsed(this.#db, ctx, idempotencyKey))) {
      await this.#db.transaction().execute((trx) => batchForWitness(trx, ctx, batchId, witnessId));
      assertNotInFuture(meta, ctx, field);
    }
    const stored = await storeImage(this.#blobs, body);
    const requestHash = hashRequest(['witness-checkin', batchId, stored.sha256, canonicalJson(meta.raw)]);
    const result = await idempotent(this.#db, ctx, idempotencyKey, requestHash, async (trx) => ({
      statusCode: 201,
      body: await addCheckin(trx, ctx, { batchId, witnessId, user, stored, meta, field }),
    }));
    if (!result.replayed) imageJobSignal.emit(IMAGE_JOB_QUEUED);
    return result;
  }

  /** The batch's check-ins, oldest first, for whoever sees the batch. */
  async list(ctx: RequestContext, batchId: string): Promise<Checkin[]> {
    await findVisibleBatch(this.#db, ctx, batchId);
    const rows = await this.#db.selectFrom('witness_checkins').selectAll().where('batch_id', '=', batchId).orderBy('checked_in_at').orderBy('id').execute();
    return toCheckins(this.#db, rows);
  }
}

export interface NewCheckin {
  batchId: string;
  witnessId: string;
  user: UserActor;
  stored: StoredImage;
  meta: CheckinMetadata;
  field: string;
}

/** The batch, if it takes uploads and the witness is registered for its project now (422 otherwise). */
async function batchForWitness(trx: Transaction<Database>, ctx: RequestContext, batchId: string, witnessId: string): Promise<BatchForUpload> {
  const batch = await getBatchForUpload(trx, ctx, batchId);
  await assertWitnessRegistered(trx, witnessId, batch.projectId, ctx.now, 'params.id');
  return batch;
}

/**
 * The work of one check-in, in the caller's transaction, after its photo is stored: the photo as an image of kind
 * witness_checkin, the check-in row, its flags as anomalies, the audit row.
 */
export async function addCheckin(trx: Transaction<Database>, ctx: RequestContext, n: NewCheckin): Promise<Checkin> {
  const { batchId, witnessId, user, stored, meta, field } = n;
  const batch = await batchForWitness(trx, ctx, batchId, witnessId);
  assertNotInFuture(meta, ctx, field);
  // A check-in signed with the witness's enrolled key over a fresh challenge (issue 11 item 6): the same manifest as a
  // process image, with purpose witness_checkin and no tester, equipment, component or records.
  const imageId = randomUUID();
  let capture: VerifiedCapture | null = null;
  if (meta.capture) {
    capture = await verifyCapture(
      trx,
      ctx,
      meta.capture,
      { purpose: 'witness_checkin', batchId: batch.id, capturedAt: meta.capturedAtText, location: meta.location, testerPersonId: null, equipmentId: null, componentId: null, recordKeys: [] },
      { usedFor: `image:${imageId}`, receivedAt: ctx.now, sha256: stored.sha256, field: `${field}.capture` },
    );
  }
  const image = await insertImage(trx, ctx, { id: imageId, batch, stored, kind: 'witness_checkin', capture: meta, raw: meta.raw, process: null, signature: null, channel: 'direct', by: user });
  if (capture) await recordImageCapture(trx, ctx, image.id, capture);
  const project = await projectSite(trx, batch.projectId);
  const outside = outsideSite(meta.location, project);
  const named = batch.witnessPersonId === witnessId;
  const row = await trx
    .insertInto('witness_checkins')
    .values({
      batch_id: batch.id,
      witness_person_id: witnessId,
      user_id: user.id,
      image_id: image.id,
      checked_in_at: ctx.now,
      location_lat: meta.location.lat,
      location_lng: meta.location.lng,
      inside_site: outside === null,
      named_on_batch: named,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendReceipt(trx, ctx, {
    type: 'witness_checkin',
    id: row.id,
    sha256: contentHash({ batchId: batch.id, witnessPersonId: witnessId, imageId: image.id, imageSha256: image.sha256, checkedInAt: ctx.now.toISOString(), location: meta.location }),
    refs: { batchId: batch.id, imageId: image.id },
  });
  const window = { openedAt: batch.openedAt, completedAt: batch.completedAt };
  const checkinFlags: ImageFlag[] = [];
  if (outside) checkinFlags.push({ kind: 'witness_checkin_outside_site', details: outside });
  const late = captureWindowFlag(ctx.now, window);
  if (late) checkinFlags.push({ ...late, details: { ...late.details, checkedInAt: ctx.now.toISOString() } });
  if (!named) checkinFlags.push({ kind: 'witness_proxy_suspected', details: { batchWitnessPersonId: batch.witnessPersonId, checkedInWitnessPersonId: witnessId } });
  await recordFlags(trx, ctx, batch.id, { type: 'checkin', id: row.id }, checkinFlags);
  const photoFlags: ImageFlag[] = [];
  const photoWindow = captureWindowFlag(meta.capturedAt, window);
  if (photoWindow) photoFlags.push(photoWindow);
  if (capture) photoFlags.push(...capture.flags);
  else photoFlags.push({ kind: 'unsigned_capture', details: { severity: CAPTURE_ANOMALY_SEVERITY.unsigned_capture, channel: 'direct', uploadedBy: 'user' } });
  await recordFlags(trx, ctx, batch.id, { type: 'image', id: image.id }, photoFlags);
  await recordAudit(trx, ctx, {
    action: 'witness.checkin',
    targetType: 'witness_checkin',
    targetId: row.id,
    organisationId: batch.agencyId,
    regionCode: batch.regionCode,
    details: {
      batchId: batch.id,
      batchNumber: batch.batchNumber,
      witnessPersonId: witnessId,
      imageId: image.id,
      sha256: image.sha256,
      insideSite: row.inside_site,
      namedOnBatch: named,
      capture: capture ? { keyId: capture.keyId, code: capture.code } : null,
      flags: checkinFlags.map((f) => f.kind),
    },
  });
  return (await toCheckins(trx, [row]))[0]!;
}

/**
 * For seeds and tools inside a transaction: the check-in of the witness the ctx's user is, with `bytes` as the photo
 * and `metadata` as the JSON a client would send in X-QTrace-Metadata.
 */
export async function addCheckinFromBytes(
  trx: Transaction<Database>,
  blobs: BlobStore,
  ctx: RequestContext,
  batchId: string,
  bytes: Buffer,
  metadata: Record<string, unknown>,
): Promise<Checkin> {
  const user = requireUser(ctx.actor);
  const witness = await findWitnessByUser(trx, user.id);
  if (!witness) throw forbidden('CHECKIN_WITNESS_NOT_LINKED', '您的账号未关联已登记的见证人员');
  const meta = parseCheckinMetadata(metadata, 'metadata');
  const stored = await storeImage(blobs, Readable.from([bytes]));
  return addCheckin(trx, ctx, { batchId, witnessId: witness.id, user, stored, meta, field: 'metadata' });
}
