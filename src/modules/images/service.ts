import { receiptValues } from '../ledger/index.ts';
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { sql, type Kysely, type Transaction } from 'kysely';
import { requireAuthenticated, scopeOf, type MachineActor, type RequestContext, type UserActor } from '../../kernel/auth/actor.ts';
import { auditRow, type AuditEntry } from '../../kernel/audit.ts';
import type { BlobStore } from '../../kernel/blobs/blob-store.ts';
import { canonicalJson } from '../../kernel/crypto/canonical-json.ts';
import { verifyEd25519 } from '../../kernel/crypto/ed25519.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { Database } from '../../kernel/db/types.ts';
import { conflict, notFound, unprocessable } from '../../kernel/errors.ts';
import { hashRequest, idempotencyScope, idempotent, type IdempotentResult } from '../../kernel/idempotency.ts';
import { pageBounds } from '../../kernel/http/schemas.ts';
import { CAPTURE_ANOMALY_SEVERITY, CLIENT_CLOCK_TOLERANCE_MS } from '../../kernel/policy.ts';
import {
  ANOMALY_KIND_LABELS,
  assertAgencyOperator,
  batchVisibleTo,
  findVisibleBatch,
  getBatchWithSiteForUpload,
  isSupplementary,
  markUploading,
  recordAnomaly,
  uploadPrecheck,
  type Anomaly,
  type AnomalyBatch,
  type AnomalyKind,
  type BatchForUpload,
} from '../batches/index.ts';
import { captureStatuses, recordImageCapture, UNSIGNED_CAPTURE, verifyCapture, type CaptureStatus, type VerifiedCapture } from '../capture/index.ts';
import { formatComponentId } from '../components/index.ts';
import { deviceKeysAtColumn, devicePublicKeyObject, verificationKeys } from '../equipment/index.ts';
import type { SiteBoundary } from '../projects/index.ts';
import type { ImageExif } from './inspect.ts';
import { imageSigningPayload, parseProcessMetadata, type CaptureMetadata, type ProcessMetadata } from './metadata.ts';
import { declaredProcessFlags, type ImageFlag, type ProjectSite } from './rules/flags.ts';
import { storeImage, type StoredImage } from './store.ts';
import type { ImageAnalysisRow, ImageJobState, ImageKind, ImageRow } from './tables.ts';
import './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Raised after an image commits, so that a worker in this process starts on it at once instead of at its next poll. */
export const imageJobSignal = new EventEmitter();
export const IMAGE_JOB_QUEUED = 'queued';

export type ImageStatus = 'processing' | 'done' | 'failed';

export interface ImageFlagView {
  kind: string;
  label: string;
  details: Record<string, unknown>;
  detectedAt: string;
  status: 'open' | 'acknowledged';
}

/** An image as the API shows it: what was declared, what the platform read in the file, and what did not fit. */
export interface ImageView {
  id: string;
  batchId: string;
  kind: ImageKind;
  /** processing: accepted and stored, EXIF/thumbnail/duplicate checks still to run; done; failed (see the job). */
  status: ImageStatus;
  sha256: string;
  size: number;
  contentType: string;
  format: string;
  width: number;
  height: number;
  declared: {
    capturedAt: string;
    location: { lat: number; lng: number };
    testerPersonId: string | null;
    equipmentId: string | null;
    componentId: string | null;
    componentIdDisplay: string | null;
    recordKeys: string[];
  };
  /** What the platform read from the file (null until processed). */
  exif: (ImageExif & { takenAt: string | null }) | null;
  perceptualHash: string | null;
  thumbnail: { width: number; height: number } | null;
  previewNote: string | null;
  analysedAt: string | null;
  signed: boolean;
  signatureKeyId: string | null;
  /** Signed capture (issue 11): verified when a capture key's signature over a fresh challenge checked out on upload. */
  capture: CaptureStatus;
  supplementary: boolean;
  channel: 'direct' | 'resumable';
  uploadedAt: string;
  uploadedBy: { type: 'user' | 'machine'; id: string; name: string };
  flags: ImageFlagView[];
}

const statusOf = (state: ImageJobState | null | undefined): ImageStatus => (state === 'done' ? 'done' : state === 'failed' ? 'failed' : 'processing');

interface ImageParts {
  row: ImageRow;
  analysis: ImageAnalysisRow | null;
  jobState: ImageJobState | null;
  recordKeys: string[];
  flags: ImageFlagView[];
  capture: CaptureStatus;
}

function toView(p: ImageParts): ImageView {
  const { row: r, analysis: a } = p;
  return {
    id: r.id,
    batchId: r.batch_id,
    kind: r.kind,
    status: statusOf(p.jobState),
    sha256: r.sha256,
    size: r.size,
    contentType: r.content_type,
    format: r.format,
    width: r.width,
    height: r.height,
    declared: {
      capturedAt: r.captured_at.toISOString(),
      location: { lat: r.location_lat, lng: r.location_lng },
      testerPersonId: r.tester_person_id,
      equipmentId: r.equipment_id,
      componentId: r.component_code,
      componentIdDisplay: r.component_code ? formatComponentId(r.component_code) : null,
      recordKeys: p.recordKeys,
    },
    exif: a ? { ...(typeof a.exif === 'string' ? (JSON.parse(a.exif) as ImageExif) : a.exif), takenAt: a.exif_taken_at?.toISOString() ?? null } : null,
    perceptualHash: a?.perceptual_hash ?? null,
    thumbnail: a?.thumbnail_sha256 && a.thumbnail_width && a.thumbnail_height ? { width: a.thumbnail_width, height: a.thumbnail_height } : null,
    previewNote: a?.preview_note ?? null,
    analysedAt: a?.analysed_at ? new Date(a.analysed_at).toISOString() : null,
    signed: r.signed,
    signatureKeyId: r.signature_key_id,
    capture: p.capture,
    supplementary: r.supplementary,
    channel: r.channel,
    uploadedAt: r.uploaded_at.toISOString(),
    uploadedBy: { type: r.uploaded_by_type, id: r.uploaded_by_id, name: r.uploaded_by_name },
    flags: p.flags,
  };
}

/** Images with everything their views need, in the order given. */
export async function loadImageViews(db: Db, rows: ImageRow[]): Promise<ImageView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [analyses, jobs, links, anomalies, captures] = await Promise.all([
    db.selectFrom('image_analyses').selectAll().where('image_id', 'in', ids).execute(),
    db.selectFrom('image_jobs').select(['image_id', 'state']).where('image_id', 'in', ids).execute(),
    db.selectFrom('image_records').select(['image_id', 'record_key']).where('image_id', 'in', ids).execute(),
    db.selectFrom('anomalies').select(['subject_id', 'kind', 'details', 'detected_at', 'status']).where('subject_type', '=', 'image').where('subject_id', 'in', ids).execute(),
    captureStatuses(db, ids),
  ]);
  const analysisOf = new Map(analyses.map((a) => [a.image_id, a]));
  const jobOf = new Map(jobs.map((j) => [j.image_id, j.state]));
  return rows.map((row) =>
    toView({
      row,
      analysis: analysisOf.get(row.id) ?? null,
      jobState: jobOf.get(row.id) ?? null,
      recordKeys: links
        .filter((l) => l.image_id === row.id)
        .map((l) => l.record_key)
        .sort(byCodeUnits),
      flags: sortFlags(
        anomalies.filter((a) => a.subject_id === row.id).map(toFlagView),
      ),
      capture: captures.get(row.id) ?? UNSIGNED_CAPTURE,
    }),
  );
}

/** An anomaly row as the flags of an image or a check-in show it. */
export const toFlagView = (a: { kind: string; details: unknown; detected_at: Date; status: 'open' | 'acknowledged' }): ImageFlagView => ({
  kind: a.kind,
  label: ANOMALY_KIND_LABELS[a.kind as AnomalyKind] ?? a.kind,
  details: typeof a.details === 'string' ? (JSON.parse(a.details) as Record<string, unknown>) : (a.details as Record<string, unknown>),
  detectedAt: a.detected_at.toISOString(),
  status: a.status,
});

/** Sorted here rather than by the database, so that an upload's answer and later reads agree whatever the collation. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const sortFlags = (flags: ImageFlagView[]): ImageFlagView[] => flags.sort((x, y) => byCodeUnits(x.detectedAt, y.detectedAt) || byCodeUnits(x.kind, y.kind));

const IMAGE_NOT_FOUND = () => notFound('IMAGE_NOT_FOUND', '影像不存在或无权查看');

/** The image row if the caller sees its batch (the batch's agency, jurisdiction and project participants); else 404. */
export async function findVisibleImage(db: Db, ctx: RequestContext, id: string): Promise<ImageRow> {
  requireAuthenticated(ctx.actor);
  const scope = scopeOf(ctx.actor);
  const row = await db
    .selectFrom('images as i')
    .selectAll('i')
    .where('i.id', '=', id)
    .where((eb) => batchVisibleTo(scope, { agency: eb.ref('i.agency_id'), region: eb.ref('i.region_code'), project: eb.ref('i.project_id') }))
    .executeTakeFirst();
  if (!row) throw IMAGE_NOT_FOUND();
  return row;
}

/** Whether the caller's organisation already used this Idempotency-Key (its answer is then replayed). */
export async function idempotencyKeyUsed(db: Db, ctx: RequestContext, key: string): Promise<boolean> {
  const row = await db.selectFrom('idempotency_keys').select('key').where('scope', '=', idempotencyScope(ctx)).where('key', '=', key).executeTakeFirst();
  return row !== undefined;
}

/** The project's site and location point, for the geofence flags. */
export async function projectSite(db: Db, projectId: string): Promise<ProjectSite> {
  const p = await db.selectFrom('projects').select(['site', 'location_lat', 'location_lng']).where('id', '=', projectId).executeTakeFirstOrThrow();
  const site = (typeof p.site === 'string' ? JSON.parse(p.site) : p.site) as SiteBoundary;
  return { site, location: { lat: p.location_lat, lng: p.location_lng } };
}

/** A capture time further ahead of the platform's clock than the tolerance cannot be real (as for raw records). */
export function assertNotInFuture(capture: CaptureMetadata, ctx: RequestContext, field: string): void {
  if (capture.capturedAt.getTime() > ctx.now.getTime() + CLIENT_CLOCK_TOLERANCE_MS) {
    throw unprocessable('IMAGE_CAPTURED_IN_FUTURE', '拍摄时间晚于平台当前时间', `${field}.capturedAt`);
  }
}

export interface NewImage {
  batch: BatchForUpload;
  stored: StoredImage;
  kind: ImageKind;
  capture: CaptureMetadata;
  raw: Record<string, unknown>;
  process: { testerPersonId: string; equipmentId: string; componentCode: string; recordKeys: string[] } | null;
  signature: { keyId: string; value: string; payload: string } | null;
  channel: 'direct' | 'resumable';
  by: UserActor | MachineActor;
  /** The new image's id when the caller made it first (a signed capture's challenge names it); made here otherwise. */
  id?: string;
  /** The audit row of the change, written by the same statement (given the new image's id and whether it is 补传). */
  audit?: (image: { id: string; supplementary: boolean }) => AuditEntry;
}

/**
 * Inserts an image (kind process or witness_checkin) with its record links and its processing job, in the caller's
 * transaction, after its blob is stored: the row, the links, the job and (by the caller) the anomalies commit together.
 * One statement (the id is made here, so the links and the job need not wait for it to come back).
 */
export async function insertImage(trx: Transaction<Database>, ctx: RequestContext, n: NewImage): Promise<ImageRow> {
  const id = n.id ?? randomUUID();
  const supplementary = isSupplementary(n.batch);
  const links = n.process?.recordKeys.map((record_key) => ({ image_id: id, batch_id: n.batch.id, record_key })) ?? [];
  let q = trx
    .with('image', (db) =>
      db
        .insertInto('images')
        .values({
          id,
          batch_id: n.batch.id,
          kind: n.kind,
          agency_id: n.batch.agencyId,
          project_id: n.batch.projectId,
          region_code: n.batch.regionCode,
          sha256: n.stored.sha256,
          size: n.stored.size,
          content_type: n.stored.contentType,
          format: n.stored.format,
          width: n.stored.width,
          height: n.stored.height,
          captured_at: n.capture.capturedAt,
          location_lat: n.capture.location.lat,
          location_lng: n.capture.location.lng,
          tester_person_id: n.process?.testerPersonId ?? null,
          equipment_id: n.process?.equipmentId ?? null,
          component_code: n.process?.componentCode ?? null,
          declared: JSON.stringify(n.raw),
          signed: n.signature !== null,
          signed_payload: n.signature?.payload ?? null,
          signature_alg: n.signature ? 'Ed25519' : null,
          signature_value: n.signature?.value ?? null,
          signature_key_id: n.signature?.keyId ?? null,
          supplementary,
          channel: n.channel,
          uploaded_at: ctx.now,
          uploaded_by_type: n.by.kind,
          uploaded_by_id: n.by.id,
          uploaded_by_name: n.by.kind === 'user' ? n.by.displayName : n.by.name,
        })
        .returningAll(),
    )
    .with('job', (db) => db.insertInto('image_jobs').values({ image_id: id, state: 'pending', available_at: ctx.now, created_at: ctx.now }))
    // Its ledger receipt (issue 13): the blob's hash, in the same statement.
    .with('ledger', (db) =>
      db.insertInto('ledger_entries').values(
        receiptValues(ctx, {
          type: 'image',
          id,
          sha256: n.stored.sha256,
          refs: { batchId: n.batch.id, kind: n.kind, capturedAt: n.capture.capturedAt.toISOString(), recordKeys: (n.process?.recordKeys ?? []).join(',') },
        }),
      ),
    );
  if (links.length > 0) q = q.with('links', (db) => db.insertInto('image_records').values(links)) as unknown as typeof q;
  if (n.audit) {
    const entry = n.audit({ id, supplementary });
    q = q.with('audit', (db) => db.insertInto('audit_log').values(auditRow(ctx, entry))) as unknown as typeof q;
  }
  return q.selectFrom('image').selectAll().executeTakeFirstOrThrow();
}

/** Records each flag as an anomaly of the batch about `subject`; returns them as an image view shows them. */
export async function recordFlags(
  trx: Transaction<Database>,
  ctx: RequestContext,
  batch: string | AnomalyBatch,
  subject: { type: 'image' | 'checkin'; id: string },
  flags: readonly ImageFlag[],
): Promise<ImageFlagView[]> {
  const batchId = typeof batch === 'string' ? batch : batch.id;
  const known = typeof batch === 'string' ? undefined : batch;
  const out: Anomaly[] = [];
  for (const f of flags) {
    out.push((await recordAnomaly(trx, ctx, { batchId, kind: f.kind, subjectType: subject.type, subjectId: subject.id, details: f.details }, known)).anomaly);
  }
  return sortFlags(out.map((a) => ({ kind: a.kind, label: a.kindLabel, details: a.details, detectedAt: a.detectedAt, status: a.status })));
}

/**
 * Process images (过程影像): upload (direct; resumable uploads finish through `attachProcessImage` too), listing with
 * declared and EXIF values side by side, content and thumbnail.
 */
export class ImageService {
  readonly #db: Kysely<Database>;
  readonly #blobs: BlobStore;
  constructor(deps: Pick<AppDeps, 'db' | 'blobs'>) {
    this.#db = deps.db;
    this.#blobs = deps.blobs;
  }

  /**
   * A direct upload, exactly once per Idempotency-Key. Order for "nothing lost, nothing twice": the body streams into
   * the blob store and is fsynced first; then the row, record links, job and anomalies commit in one transaction with
   * the idempotency key and its answer. A crash between leaves an unreferenced blob and no answer, so the client's
   * retry (same key, same bytes) stores nothing new and commits once. Before the body is read, what can refuse the
   * upload is checked (a retry of an answered upload is answered again even if the batch has since been sealed).
   */
  async upload(ctx: RequestContext, batchId: string, meta: ProcessMetadata, body: Readable, idempotencyKey: string, field: string): Promise<IdempotentResult<ImageView>> {
    const { keyUsed } = await uploadPrecheck(this.#db, ctx, batchId, idempotencyKey);
    if (!keyUsed) assertNotInFuture(meta, ctx, field);
    const stored = await storeImage(this.#blobs, body);
    const requestHash = hashRequest(['batch-image', batchId, stored.sha256, canonicalJson(meta.raw)]);
    const result = await idempotent(
      this.#db,
      ctx,
      idempotencyKey,
      requestHash,
      async (trx) => ({ statusCode: 201, body: await attachProcessImage(trx, ctx, batchId, stored, meta, 'direct', field) }),
      { keyJustChecked: !keyUsed },
    );
    if (!result.replayed) imageJobSignal.emit(IMAGE_JOB_QUEUED);
    return result;
  }

  /** The batch's images (process images unless `kind` says otherwise), oldest first. 404 if the batch is not visible. */
  async list(ctx: RequestContext, batchId: string, q: { kind?: ImageKind; page?: number; pageSize?: number }): Promise<{ items: ImageView[]; total: number }> {
    await findVisibleBatch(this.#db, ctx, batchId);
    const kind = q.kind ?? 'process';
    const { limit, offset } = pageBounds(q);
    const base = this.#db.selectFrom('images').where('batch_id', '=', batchId).where('kind', '=', kind);
    const [rows, count] = await Promise.all([
      base.selectAll().orderBy('uploaded_at').orderBy('id').limit(limit).offset(offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: await loadImageViews(this.#db, rows), total: Number(count.n) };
  }

  async get(ctx: RequestContext, id: string): Promise<ImageView> {
    const row = await findVisibleImage(this.#db, ctx, id);
    return (await loadImageViews(this.#db, [row]))[0]!;
  }

  /** The image's bytes, as uploaded (verified against its hash while streaming). */
  async content(ctx: RequestContext, id: string): Promise<{ sha256: string; contentType: string; size: number; stream: Readable }> {
    const row = await findVisibleImage(this.#db, ctx, id);
    return { sha256: row.sha256, contentType: row.content_type, size: row.size, stream: await this.#blobs.open(row.sha256) };
  }

  /** The console's thumbnail (JPEG, IMAGE_THUMBNAIL_WIDTH wide): 409 while processing, 404 where none could be made. */
  async thumbnail(ctx: RequestContext, id: string): Promise<{ sha256: string; stream: Readable }> {
    const row = await findVisibleImage(this.#db, ctx, id);
    const analysis = await this.#db.selectFrom('image_analyses').select(['thumbnail_sha256', 'preview_note']).where('image_id', '=', row.id).executeTakeFirst();
    if (!analysis) throw conflict('IMAGE_STILL_PROCESSING', '影像正在处理，缩略图稍后可用');
    if (!analysis.thumbnail_sha256) throw notFound('IMAGE_THUMBNAIL_UNAVAILABLE', analysis.preview_note ?? '该影像没有缩略图');
    return { sha256: analysis.thumbnail_sha256, stream: await this.#blobs.open(analysis.thumbnail_sha256) };
  }
}

/**
 * The work of attaching a stored process image to its batch, in the caller's transaction (direct and resumable
 * uploads alike): the batch still takes uploads, the caller operates it, the tester and equipment are the agency's,
 * the signature (if any) verifies with the equipment's key in force at the capture time; then the row, links and job,
 * the batch's first-upload mark, the declared-metadata flags as anomalies, and the audit row.
 */
export async function attachProcessImage(
  trx: Transaction<Database>,
  ctx: RequestContext,
  batchId: string,
  stored: StoredImage,
  meta: ProcessMetadata,
  channel: 'direct' | 'resumable',
  field: string,
  /** The resumable upload it came through (its challenge was consumed at its creation, its receipt is that time). */
  upload: { id: string; createdAt: Date } | null = null,
): Promise<ImageView> {
  // The batch with its project's site; the tester and the equipment, the agency's own; the device's keys in force at
  // the capture: one round trip.
  const batch = await getBatchWithSiteForUpload(trx, ctx, batchId, (eb) => [
    eb.selectFrom('personnel').select('personnel.id').where('personnel.id', '=', meta.testerPersonId).where('personnel.agency_id', '=', sql.ref<string>('b.agency_id')).as('tester_id'),
    eb.selectFrom('equipment').select('equipment.id').where('equipment.id', '=', meta.equipmentId).where('equipment.agency_id', '=', sql.ref<string>('b.agency_id')).as('equipment_id'),
    meta.signature ? deviceKeysAtColumn(eb, meta.equipmentId, meta.capturedAt).as('device_keys') : sql<unknown>`'[]'::json`.as('device_keys'),
  ]);
  const by = assertAgencyOperator(ctx, batch.agencyId);
  assertNotInFuture(meta, ctx, field);
  const registered = batch.extras as { tester_id: string | null; equipment_id: string | null; device_keys: unknown };
  const tester = registered.tester_id ? { id: registered.tester_id } : null;
  if (!tester) throw unprocessable('IMAGE_TESTER_UNKNOWN', '检测人员不是本机构登记的人员', `${field}.testerPersonId`);
  const equipment = registered.equipment_id ? { id: registered.equipment_id } : null;
  if (!equipment) throw unprocessable('IMAGE_EQUIPMENT_UNKNOWN', '检测设备不是本机构登记的设备', `${field}.equipmentId`);

  let signature: NewImage['signature'] = null;
  if (meta.signature) {
    const payload = imageSigningPayload(batchId, stored.sha256, meta);
    const keys = verificationKeys(registered.device_keys).filter((k) => !meta.signature?.keyId || k.id === meta.signature.keyId);
    const key = keys.find((k) => verifyEd25519(devicePublicKeyObject(k.publicKey), payload, meta.signature!.value));
    if (!key) {
      throw unprocessable(
        'IMAGE_SIGNATURE_INVALID',
        keys.length === 0 ? '设备在拍摄时间没有有效的登记密钥，签名无法验证' : '签名验证未通过：影像内容或申报信息与签名不符',
        `${field}.signature.value`,
      );
    }
    signature = { keyId: key.id, value: meta.signature.value, payload };
  }

  const imageId = randomUUID();
  let capture: VerifiedCapture | null = null;
  if (meta.capture) {
    capture = await verifyCapture(trx, ctx, meta.capture, declaredCaptureOf(batchId, meta), {
      usedFor: upload ? `image_upload:${upload.id}` : `image:${imageId}`,
      receivedAt: upload?.createdAt ?? ctx.now,
      sha256: stored.sha256,
      field: `${field}.capture`,
    });
  }

  const declaredFlags = declaredProcessFlags(
    {
      capturedAt: meta.capturedAt,
      location: meta.location,
      testerPersonId: tester.id,
      equipmentId: equipment.id,
      componentCode: meta.componentCode,
      recordKeys: meta.recordKeys,
    },
    { openedAt: batch.openedAt, completedAt: batch.completedAt, testerPersonIds: batch.testerPersonIds, equipmentIds: batch.equipmentIds, componentCodes: batch.componentIds },
    batch.projectSite,
  );
  const captureFlags: ImageFlag[] = capture
    ? capture.flags
    : signature
      ? []
      : [{ kind: 'unsigned_capture', details: { severity: CAPTURE_ANOMALY_SEVERITY.unsigned_capture, channel, uploadedBy: by.kind } }];
  const allFlags = [...declaredFlags, ...captureFlags];
  const row = await insertImage(trx, ctx, {
    id: imageId,
    batch,
    stored,
    kind: 'process',
    capture: meta,
    raw: meta.raw,
    process: { testerPersonId: tester.id, equipmentId: equipment.id, componentCode: meta.componentCode, recordKeys: meta.recordKeys },
    signature,
    channel,
    by,
    audit: (image) => ({
      action: 'image.upload',
      targetType: 'image',
      targetId: image.id,
      organisationId: batch.agencyId,
      regionCode: batch.regionCode,
      details: {
        batchId,
        batchNumber: batch.batchNumber,
        sha256: stored.sha256,
        size: stored.size,
        contentType: stored.contentType,
        signed: signature !== null,
        capture: capture ? { keyId: capture.keyId, code: capture.code } : null,
        channel,
        supplementary: image.supplementary,
        recordKeys: meta.recordKeys,
        flags: allFlags.map((f) => f.kind),
      },
    }),
  });
  if (capture) await recordImageCapture(trx, ctx, row.id, capture);
  await markUploading(trx, ctx, batchId, batch);
  const flags = await recordFlags(trx, ctx, batch, { type: 'image', id: row.id }, allFlags);
  // A new image: nothing analysed yet, its job pending, its links and flags as just written.
  const captureView: CaptureStatus = capture
    ? { status: 'verified', keyId: capture.keyId, algorithm: capture.envelope.alg, code: capture.code, positionAccuracy: capture.envelope.manifest.position.accuracy, appVersion: capture.envelope.manifest.appVersion }
    : UNSIGNED_CAPTURE;
  return toView({ row, analysis: null, jobState: 'pending', recordKeys: [...meta.recordKeys].sort(byCodeUnits), flags, capture: captureView });
}

/** What a process image's metadata declares, in the terms of a capture manifest (values exactly as sent). */
export function declaredCaptureOf(batchId: string, meta: ProcessMetadata) {
  return {
    purpose: 'process' as const,
    batchId,
    capturedAt: meta.capturedAtText,
    location: meta.location,
    testerPersonId: meta.testerPersonId,
    equipmentId: meta.equipmentId,
    componentId: meta.componentIdText,
    recordKeys: meta.recordKeys,
  };
}

/**
 * For seeds and tools that work inside a transaction (the demo seed's batches): stores `bytes` and attaches them as a
 * process image exactly as an upload does — same checks, flags, job and audit — without an idempotency key. `metadata`
 * is the JSON a client would send in X-QTrace-Metadata. A running worker picks the job up at its next poll.
 */
export async function addProcessImage(
  trx: Transaction<Database>,
  blobs: BlobStore,
  ctx: RequestContext,
  batchId: string,
  bytes: Buffer,
  metadata: Record<string, unknown>,
): Promise<ImageView> {
  const meta = parseProcessMetadata(metadata, 'metadata');
  const stored = await storeImage(blobs, Readable.from([bytes]));
  return attachProcessImage(trx, ctx, batchId, stored, meta, 'direct', 'metadata');
}
