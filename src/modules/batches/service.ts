import { createHash } from 'node:crypto';
import { sql, type AliasedExpression, type Expression, type ExpressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { hasRole, requireAuthenticated, requireRole, requireUser, scopeOf, type RequestContext, type Scope, type UserActor, type MachineActor } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import { canonicalJson } from '../../kernel/crypto/canonical-json.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { Database } from '../../kernel/db/types.ts';
import { containsPattern, regionInSubtree } from '../../kernel/db/scope-sql.ts';
import { AppError, badRequest, conflict, forbidden, notFound, unprocessable } from '../../kernel/errors.ts';
import { pageBounds } from '../../kernel/http/schemas.ts';
import { idempotencyScope } from '../../kernel/idempotency.ts';
import { beijingDate } from '../../kernel/time.ts';
import { type Specialty, specialtyName } from '../../kernel/specialties.ts';
import { assertAgencyConnected } from '../agencies/index.ts';
import { findItem, getCatalogueVersion, getCurrentCatalogue, type Catalogue } from '../catalogue/index.ts';
import { commissionCovers } from '../commissions/index.ts';
import { formatComponentId, parseComponentId } from '../components/index.ts';
import { currentFilings, refreshDeadline, scheduleColumns, timingOf } from './deadline-lock.ts';
import type { BatchTiming, ForceMajeureStatus } from './rules/upload-deadline.ts';
import { assertEquipmentUsable } from '../equipment/index.ts';
import { findVisibleProject, type SiteBoundary } from '../projects/index.ts';
import { activePersonForUser, isCertifiedFor } from '../personnel/index.ts';
import { countImagesForRecord, imageHashesOfBatch, lastImageCaptureAt, witnessCheckinCount } from './evidence.ts';
import { assertWitnessRegistered, findWitnessByUser, isWitnessRegisteredFor } from '../witnesses/index.ts';
import { recordAnomaly, toAnomaly, type Anomaly, type AnomalyKind } from './anomalies.ts';
import { deadlineView, type DeadlineView } from './rules/deadline-view.ts';
import {
  BATCH_STATUS_LABELS,
  checkCompletion,
  formatBatchNumber,
  transition,
  BATCH_NUMBER_MAX_SEQ,
  type BatchAction,
  type BatchStatus,
} from './rules/lifecycle.ts';
import { checkManifestShape, compareManifest, describeProblem, type ManifestProblem, type SealManifest } from './rules/manifest.ts';
import type { BatchEventRow, BatchRow, BatchReviewRow, BatchSealRow } from './tables.ts';
import './tables.ts';

export { recordAnomaly, ANOMALY_KINDS, ANOMALY_KIND_LABELS, isAnomalyKind, type Anomaly, type AnomalyKind, type NewAnomaly, type AnomalyBatch } from './anomalies.ts';
export { isSupplementary } from './rules/lifecycle.ts';

type Db = Kysely<Database> | Transaction<Database>;

// ───────────────────────────── scope ─────────────────────────────

/**
 * Who sees a batch: the platform; a department whose jurisdiction holds the project's region; the agency (its people
 * and its systems); the project's construction unit, supervision unit (its witnesses) and contractor.
 */
export function batchVisibleTo(scope: Scope, b: { agency: Expression<string>; region: Expression<string>; project: Expression<string> }): Expression<SqlBool> {
  switch (scope.kind) {
    case 'all':
      return sql<SqlBool>`true`;
    case 'region':
      return regionInSubtree(b.region, scope.regionCode);
    case 'organisation': {
      const org = scope.organisationId;
      return sql<SqlBool>`(${b.agency} = ${org} or exists (select 1 from projects bvp where bvp.id = ${b.project}
        and (bvp.construction_unit_id = ${org} or bvp.supervision_unit_id = ${org} or bvp.contractor_id = ${org})))`;
    }
    case 'none':
      return sql<SqlBool>`false`;
  }
}

function visibleBatches(db: Db, ctx: RequestContext) {
  const scope = scopeOf(ctx.actor);
  return db
    .selectFrom('batches as b')
    .where((eb) => batchVisibleTo(scope, { agency: eb.ref('b.agency_id'), region: eb.ref('b.region_code'), project: eb.ref('b.project_id') }));
}

const BATCH_NOT_FOUND = () => notFound('BATCH_NOT_FOUND', '检测批次不存在或无权查看');

/** The batch row if the caller sees it; 404 otherwise. `lock`: the row lock to take in the caller's transaction. */
export async function findVisibleBatch(db: Db, ctx: RequestContext, id: string, lock: 'update' | 'key_share' | null = null): Promise<BatchRow> {
  requireAuthenticated(ctx.actor);
  let q = visibleBatches(db, ctx).selectAll('b').where('b.id', '=', id);
  if (lock === 'update') q = q.forUpdate('b');
  if (lock === 'key_share') q = q.forKeyShare('b');
  const row = await q.executeTakeFirst();
  if (!row) throw BATCH_NOT_FOUND();
  return row;
}

// ───────────────────────────── actors ─────────────────────────────

const AGENCY_OPERATOR_ROLES = ['upload_owner', 'tester'] as const;

/**
 * The agency's people who operate a batch (upload owner, testers) and its systems (machine credentials). Another
 * caller who sees the batch (a department, the construction unit…) gets 403.
 */
export function assertAgencyOperator(ctx: RequestContext, agencyId: string): UserActor | MachineActor {
  const a = requireAuthenticated(ctx.actor);
  if (a.kind === 'machine') {
    if (a.organisation.id !== agencyId) throw forbidden('BATCH_AGENCY_ONLY', '只有承担该批次的检测机构可以办理');
    return a;
  }
  if (a.organisation?.id !== agencyId) throw forbidden('BATCH_AGENCY_ONLY', '只有承担该批次的检测机构可以办理');
  if (!hasRole(a, ...AGENCY_OPERATOR_ROLES)) throw forbidden('BATCH_OPERATOR_ROLE_REQUIRED', '只有检测人员或上传负责人可以办理');
  return a;
}

function actorColumns(ctx: RequestContext): { type: 'user' | 'machine' | 'system'; id: string | null; name: string | null } {
  const a = ctx.actor;
  if (a.kind === 'user') return { type: 'user', id: a.id, name: a.displayName };
  if (a.kind === 'machine') return { type: 'machine', id: a.id, name: a.name };
  if (a.kind === 'system') return { type: 'system', id: null, name: a.name };
  throw new AppError(401, 'AUTH_REQUIRED', '请先登录');
}

// ───────────────────────────── events ─────────────────────────────

export interface BatchEventInput {
  /** `open`, `upload_started`, `complete`, `seal`, `review.approve`, `review.return`, `lock`, `unlock`, `report`… */
  event: string;
  from: BatchStatus | null;
  to: BatchStatus | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/**
 * The next batch number of an agency in the Beijing year of `at`. The counter row stays locked until the transaction
 * ends, so numbers are consecutive and a rolled-back opening consumes none.
 */
export async function takeBatchNumber(trx: Transaction<Database>, agencyId: string, at: Date): Promise<{ year: number; seq: number }> {
  const year = Number(beijingDate(at).slice(0, 4));
  await trx.insertInto('batch_number_counters').values({ agency_id: agencyId, year, last_value: 0 }).onConflict((oc) => oc.columns(['agency_id', 'year']).doNothing()).execute();
  const counter = await trx.selectFrom('batch_number_counters').select('last_value').where('agency_id', '=', agencyId).where('year', '=', year).forUpdate().executeTakeFirstOrThrow();
  const seq = counter.last_value + 1;
  if (seq > BATCH_NUMBER_MAX_SEQ) throw conflict('BATCH_NUMBERS_EXHAUSTED', '本年度批次编号已用尽');
  await trx.updateTable('batch_number_counters').set({ last_value: seq }).where('agency_id', '=', agencyId).where('year', '=', year).execute();
  return { year, seq };
}

/**
 * One batch event (append-only, migration 0007) and its audit row, in the caller's transaction: what every change of
 * a batch writes, here and in the modules that build on batches (deadlines, reports).
 */
export async function writeBatchEvent(trx: Transaction<Database>, ctx: RequestContext, batch: Pick<BatchRow, 'id' | 'agency_id' | 'region_code' | 'batch_number'>, e: BatchEventInput): Promise<void> {
  const a = ctx.actor;
  const actor =
    a.kind === 'user'
      ? { actor_type: 'user' as const, actor_id: a.id, actor_name: a.displayName }
      : a.kind === 'machine'
        ? { actor_type: 'machine' as const, actor_id: a.id, actor_name: a.name }
        : a.kind === 'system'
          ? { actor_type: 'system' as const, actor_id: null, actor_name: a.name }
          : { actor_type: 'anonymous' as const, actor_id: null, actor_name: null };
  await trx
    .insertInto('batch_events')
    .values({
      batch_id: batch.id,
      at: ctx.now,
      event: e.event,
      from_status: e.from,
      to_status: e.to,
      ...actor,
      reason: e.reason ?? null,
      details: JSON.stringify(e.details ?? {}),
    })
    .execute();
  await recordAudit(trx, ctx, {
    action: `batch.${e.event}`,
    targetType: 'batch',
    targetId: batch.id,
    organisationId: batch.agency_id,
    regionCode: batch.region_code,
    details: { batchNumber: batch.batch_number, from: e.from, to: e.to, ...(e.reason ? { reason: e.reason } : {}), ...(e.details ?? {}) },
  });
}

function mustTransition(status: BatchStatus, action: BatchAction, locked = false): BatchStatus {
  const t = transition(status, action, locked);
  if (!t.ok) throw conflict(t.code, t.message);
  return t.to;
}

// ───────────────────────────── upload helpers (records, images, check-ins) ─────────────────────────────

export interface BatchForUpload {
  id: string;
  batchNumber: string;
  agencyId: string;
  projectId: string;
  regionCode: string;
  specialty: Specialty;
  status: BatchStatus;
  locked: boolean;
  /** When the batch was (last) locked; stays set after an unlock, so later uploads are 补传. */
  lockedAt: Date | null;
  openedAt: Date;
  firstUploadAt: Date | null;
  completedAt: Date | null;
  testerPersonIds: string[];
  equipmentIds: string[];
  /** Platform component IDs (components.code, canonical form without blanks). */
  componentIds: string[];
  itemCodes: string[];
  catalogueVersion: number;
  uploadOwnerPersonId: string;
  witnessPersonId: string;
}

const toUploadShape = (b: BatchRow): BatchForUpload => ({
  id: b.id,
  batchNumber: b.batch_number,
  agencyId: b.agency_id,
  projectId: b.project_id,
  regionCode: b.region_code,
  specialty: b.specialty,
  status: b.status,
  locked: b.locked,
  lockedAt: b.locked_at,
  openedAt: b.opened_at,
  firstUploadAt: b.first_upload_at,
  completedAt: b.completed_at,
  testerPersonIds: b.tester_person_ids,
  equipmentIds: b.equipment_ids,
  componentIds: b.component_codes,
  itemCodes: b.item_codes,
  catalogueVersion: b.catalogue_version,
  uploadOwnerPersonId: b.upload_owner_person_id,
  witnessPersonId: b.witness_person_id,
});

/**
 * For every upload into a batch (records, images, check-in photos), inside the upload's transaction: the batch if the
 * caller sees it (404 otherwise) and it still takes uploads (409 `BATCH_SEALED` once sealed, 409
 * `BATCH_NOT_OPEN_FOR_UPLOAD` once reviewed or reported). Takes a KEY SHARE lock on the batch row: uploads do not
 * wait for each other, but a seal or review (FOR UPDATE) waits for uploads in flight and sees them.
 * Who may upload is the caller's decision (see `assertAgencyOperator`).
 */
export async function getBatchForUpload(trx: Transaction<Database>, ctx: RequestContext, batchId: string): Promise<BatchForUpload> {
  const row = await findVisibleBatch(trx, ctx, batchId, 'key_share');
  mustTransition(row.status, 'upload');
  return toUploadShape(row);
}

/** The project's site boundary and location point, as the geofence flags read them. */
export interface BatchProjectSite {
  site: SiteBoundary;
  location: { lat: number; lng: number };
}

/** Columns an upload reads together with its batch: scalar subqueries that may refer to the batch as `b`. */
export type UploadExtras = (eb: ExpressionBuilder<Database, never>) => AliasedExpression<unknown, string>[];

/**
 * `getBatchForUpload` with the project's site and the caller's `extras` (the tester, the equipment, the device keys…)
 * read in the same statement: an upload's checks cost one round trip instead of four.
 */
export async function getBatchWithSiteForUpload(
  trx: Transaction<Database>,
  ctx: RequestContext,
  batchId: string,
  extras: UploadExtras = () => [],
): Promise<BatchForUpload & { projectSite: BatchProjectSite; extras: Record<string, unknown> }> {
  requireAuthenticated(ctx.actor);
  const row = await visibleBatches(trx, ctx)
    .innerJoin('projects as p', 'p.id', 'b.project_id')
    .selectAll('b')
    .select(['p.site as project_site', 'p.location_lat as project_lat', 'p.location_lng as project_lng'])
    .select((eb) => extras(eb as unknown as ExpressionBuilder<Database, never>))
    .where('b.id', '=', batchId)
    .forKeyShare('b')
    .executeTakeFirst();
  if (!row) throw BATCH_NOT_FOUND();
  mustTransition(row.status, 'upload');
  const site = (typeof row.project_site === 'string' ? JSON.parse(row.project_site) : row.project_site) as SiteBoundary;
  return { ...toUploadShape(row), projectSite: { site, location: { lat: row.project_lat, lng: row.project_lng } }, extras: row as Record<string, unknown> };
}

/**
 * Before an image's body is read (so a doomed upload stores nothing), in one round trip: whether the caller already
 * used this Idempotency-Key (its first answer is then replayed, whatever the batch's state now, and nothing else is
 * checked); otherwise that the batch exists for the caller, takes uploads, and the caller operates it. A plain read:
 * the upload's own transaction checks again under its lock.
 */
export async function uploadPrecheck(db: Kysely<Database>, ctx: RequestContext, batchId: string, idempotencyKey: string): Promise<{ keyUsed: boolean }> {
  requireAuthenticated(ctx.actor);
  const scope = scopeOf(ctx.actor);
  const r = await db
    .selectNoFrom((eb) => [
      eb.exists(eb.selectFrom('idempotency_keys').select('key').where('scope', '=', idempotencyScope(ctx)).where('key', '=', idempotencyKey)).as('key_used'),
      eb
        .selectFrom('batches as b')
        .select(sql<unknown>`json_build_object('status', b.status, 'agency_id', b.agency_id)`.as('b'))
        .where('b.id', '=', batchId)
        .where((w) => batchVisibleTo(scope, { agency: w.ref('b.agency_id'), region: w.ref('b.region_code'), project: w.ref('b.project_id') }))
        .as('batch'),
    ])
    .executeTakeFirstOrThrow();
  if (r.key_used) return { keyUsed: true };
  const batch = (typeof r.batch === 'string' ? JSON.parse(r.batch) : r.batch) as { status: BatchStatus; agency_id: string } | null;
  if (!batch) throw BATCH_NOT_FOUND();
  mustTransition(batch.status, 'upload');
  assertAgencyOperator(ctx, batch.agency_id);
  return { keyUsed: false };
}

/**
 * The first upload moves an opened batch to `uploading` (event + audit, once); later calls change nothing but the
 * first-upload time. Returns the batch's status afterwards. Given the batch as the upload read it (under its key-share
 * lock), every upload after the first costs no statement: there is nothing left to change.
 */
export async function markUploading(trx: Transaction<Database>, ctx: RequestContext, batchId: string, read?: Pick<BatchForUpload, 'status' | 'firstUploadAt'>): Promise<BatchStatus> {
  if (read && read.status !== 'opened' && read.firstUploadAt !== null) return read.status;
  await trx.updateTable('batches').set({ first_upload_at: ctx.now }).where('id', '=', batchId).where('first_upload_at', 'is', null).execute();
  const moved = await trx
    .updateTable('batches')
    .set((eb) => ({ status: 'uploading', row_version: eb('row_version', '+', 1) }))
    .where('id', '=', batchId)
    .where('status', '=', 'opened')
    .returning(['id', 'agency_id', 'region_code', 'batch_number'])
    .executeTakeFirst();
  if (moved) {
    await writeBatchEvent(trx, ctx, moved, { event: 'upload_started', from: 'opened', to: 'uploading' });
    return 'uploading';
  }
  const row = await trx.selectFrom('batches').select('status').where('id', '=', batchId).executeTakeFirstOrThrow();
  return row.status;
}

/** The timing the 2-hour rule reads, with the batch's current force-majeure filing when the row carries it (`fm_*`). */
export function batchTiming(
  b: Pick<BatchRow, 'opened_at' | 'completed_at' | 'first_sealed_at'> & { fm_id?: string | null; fm_status?: ForceMajeureStatus | null; fm_filed_at?: Date | null; fm_decided_at?: Date | null; fm_cleared_at?: Date | null },
): BatchTiming {
  const fm = b.fm_id && b.fm_status && b.fm_filed_at ? { id: b.fm_id, status: b.fm_status, filed_at: b.fm_filed_at, decided_at: b.fm_decided_at ?? null, cleared_at: b.fm_cleared_at ?? null } : null;
  return timingOf(b, fm);
}

// ───────────────────────────── views ─────────────────────────────

export interface Ref {
  id: string;
  name: string;
}

export interface BatchSummary {
  id: string;
  batchNumber: string;
  agency: Ref;
  project: Ref;
  regionCode: string;
  specialty: Specialty;
  specialtyName: string;
  status: BatchStatus;
  statusLabel: string;
  locked: boolean;
  openedAt: string;
  firstUploadAt: string | null;
  completedAt: string | null;
  sealedAt: string | null;
  reviewedAt: string | null;
  reportedAt: string | null;
  itemCodes: string[];
  deadline: DeadlineView;
  recordCount: number;
  openAnomalyCount: number;
}

export interface BatchEvent {
  id: number;
  at: string;
  event: string;
  fromStatus: string | null;
  toStatus: string | null;
  actorType: string;
  actorName: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

export interface BatchSeal {
  id: string;
  seq: number;
  sealedAt: string;
  sealedByName: string | null;
  sealedByType: string;
  recordCount: number;
  imageCount: number;
  manifestSha256: string;
}

export interface BatchReview {
  id: string;
  sealId: string;
  decision: 'approve' | 'return';
  reasons: string | null;
  reviewer: Ref;
  reviewedAt: string;
}

export interface ManualEntryException {
  id: string;
  batchId: string;
  itemCode: string;
  reason: string;
  department: Ref;
  grantedByName: string;
  grantedAt: string;
}

export interface WitnessAttestation {
  id: string;
  batchId: string;
  witness: Ref;
  statement: string;
  attestedAt: string;
  registered: boolean;
}

export interface BatchDetail extends BatchSummary {
  commission: { id: string; contractNumber: string | null };
  catalogueVersion: number;
  items: { code: string; name: string; standard: string; autoCollected: boolean; minImages: number }[];
  components: { code: string; display: string; building: string | null; floor: string | null; position: string | null; componentType: string | null }[];
  equipment: { id: string; equipmentType: string; model: string; serialNumber: string; autoCollect: boolean }[];
  testers: Ref[];
  uploadOwner: Ref;
  witness: Ref & { registeredNow: boolean };
  lock: { locked: boolean; lockedAt: string | null; lockReason: string | null; unlockedAt: string | null; unlockReason: string | null };
  note: string | null;
  events: BatchEvent[];
  anomalies: Anomaly[];
  seals: BatchSeal[];
  reviews: BatchReview[];
  manualEntryExceptions: ManualEntryException[];
  attestations: WitnessAttestation[];
  latestRecordCount: number;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const toEvent = (e: BatchEventRow): BatchEvent => ({
  id: Number(e.id),
  at: e.at.toISOString(),
  event: e.event,
  fromStatus: e.from_status,
  toStatus: e.to_status,
  actorType: e.actor_type,
  actorName: e.actor_name,
  reason: e.reason,
  details: typeof e.details === 'string' ? (JSON.parse(e.details) as Record<string, unknown>) : e.details,
});

const toSeal = (s: BatchSealRow): BatchSeal => ({
  id: s.id,
  seq: s.seq,
  sealedAt: s.sealed_at.toISOString(),
  sealedByName: s.sealed_by_name,
  sealedByType: s.sealed_by_type,
  recordCount: s.record_count,
  imageCount: s.image_count,
  manifestSha256: s.manifest_sha256,
});

const toReview = (r: BatchReviewRow): BatchReview => ({
  id: r.id,
  sealId: r.seal_id,
  decision: r.decision,
  reasons: r.reasons,
  reviewer: { id: r.reviewer_person_id, name: r.reviewer_name },
  reviewedAt: r.reviewed_at.toISOString(),
});

type SummaryRow = BatchRow & {
  agency_name: string;
  project_name: string;
  sealed_at: Date | null;
  record_count: number;
  open_anomaly_count: number;
  fm_id: string | null;
  fm_status: ForceMajeureStatus | null;
  fm_filed_at: Date | null;
  fm_decided_at: Date | null;
  fm_cleared_at: Date | null;
};

function toSummary(r: SummaryRow, now: Date): BatchSummary {
  return {
    id: r.id,
    batchNumber: r.batch_number,
    agency: { id: r.agency_id, name: r.agency_name },
    project: { id: r.project_id, name: r.project_name },
    regionCode: r.region_code,
    specialty: r.specialty,
    specialtyName: specialtyName(r.specialty),
    status: r.status,
    statusLabel: BATCH_STATUS_LABELS[r.status],
    locked: r.locked,
    openedAt: r.opened_at.toISOString(),
    firstUploadAt: iso(r.first_upload_at),
    completedAt: iso(r.completed_at),
    sealedAt: iso(r.first_sealed_at),
    reviewedAt: iso(r.reviewed_at),
    reportedAt: iso(r.reported_at),
    itemCodes: r.item_codes,
    deadline: deadlineView(batchTiming(r), now),
    recordCount: Number(r.record_count),
    openAnomalyCount: Number(r.open_anomaly_count),
  };
}

function summaryQuery(db: Db, ctx: RequestContext) {
  return visibleBatches(db, ctx)
    .innerJoin('organisations as ao', 'ao.id', 'b.agency_id')
    .innerJoin('projects as p', 'p.id', 'b.project_id')
    .selectAll('b')
    .select(['ao.name as agency_name', 'p.name as project_name'])
    .select(sql<Date | null>`b.first_sealed_at`.as('sealed_at'))
    .select(sql<number>`(select count(*)::int from batch_records br where br.batch_id = b.id)`.as('record_count'))
    .select(sql<number>`(select count(*)::int from anomalies an where an.batch_id = b.id and an.status = 'open')`.as('open_anomaly_count'))
    // The current force-majeure filing (the latest), which the 2-hour rule reads.
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('force_majeure_filings as fm')
          .select(['fm.id as fm_id', 'fm.status as fm_status', 'fm.filed_at as fm_filed_at', 'fm.decided_at as fm_decided_at', 'fm.cleared_at as fm_cleared_at'])
          .whereRef('fm.batch_id', '=', 'b.id')
          .orderBy('fm.filed_at', 'desc')
          .orderBy('fm.id', 'desc')
          .limit(1)
          .as('fm'),
      (j) => j.onTrue(),
    )
    .select(['fm.fm_id', 'fm.fm_status', 'fm.fm_filed_at', 'fm.fm_decided_at', 'fm.fm_cleared_at']);
}

export interface BatchFilter {
  status?: BatchStatus;
  specialty?: Specialty;
  /** Part of the batch number (the console's search box). */
  q?: string;
  projectId?: string;
  agencyId?: string;
  locked?: boolean;
  /** opened_at ≥ from */
  from?: string;
  /** opened_at < to */
  to?: string;
  page?: number;
  pageSize?: number;
}

// ───────────────────────────── inputs ─────────────────────────────

export interface NewBatch {
  projectId: string;
  commissionId: string;
  specialty: Specialty;
  itemCodes: string[];
  componentIds: string[];
  equipmentIds: string[];
  testerPersonIds: string[];
  witnessPersonId: string;
  uploadOwnerPersonId: string;
  note?: string | null;
}

export interface ReviewInput {
  decision: 'approve' | 'return';
  reasons?: string | null;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Batches (issue 4 items 1, 2, 6, 7, 8): opening with every registry check, the lifecycle with its events, the
 * completion declaration, the seal against a manifest, double review, manual-entry exceptions granted by departments,
 * witness attestations, and the scoped read side with the 2-hour deadline of each batch.
 */
export class BatchService {
  readonly #db: Kysely<Database>;
  constructor(deps: Pick<AppDeps, 'db'>) {
    this.#db = deps.db;
  }

  // ── opening ──

  /** Opens a batch in the caller's transaction (the route wraps it for an optional Idempotency-Key). */
  async open(trx: Transaction<Database>, ctx: RequestContext, input: NewBatch): Promise<BatchDetail> {
    const actor = requireAuthenticated(ctx.actor);
    const org = actor.organisation;
    if (!org || org.type !== 'agency') throw forbidden('BATCH_OPEN_AGENCY_ONLY', '只有检测机构的检测人员、上传负责人或其业务系统可以开启检测批次');
    if (actor.kind === 'user' && !hasRole(actor, ...AGENCY_OPERATOR_ROLES)) {
      throw forbidden('BATCH_OPERATOR_ROLE_REQUIRED', '只有检测人员或上传负责人可以开启检测批次');
    }
    const agencyId = org.id;
    const now = ctx.now;

    // A market restriction bars new commissions (docs/decisions.md), not the tests of one already made.
    await assertAgencyConnected(trx, agencyId, now, 'agency');

    // Projects an agency sees are those it is commissioned on; any other id is unknown to it.
    const project = await findVisibleProject(trx, ctx, input.projectId);
    if (!project) throw unprocessable('PROJECT_NOT_FOUND', '工程项目不存在或未委托本机构', 'body.projectId');

    const coverage = await commissionCovers(trx, input.commissionId, agencyId, input.specialty, now);
    if (!coverage.covers) {
      const field = coverage.code === 'COMMISSION_SPECIALTY_NOT_COVERED' || coverage.code === 'COMMISSION_SPECIALTY_NOT_QUALIFIED' || coverage.code === 'COMMISSION_QUALIFICATION_LAPSED' ? 'body.specialty' : 'body.commissionId';
      throw unprocessable(coverage.code, coverage.message, field);
    }
    if (coverage.projectId !== project.id) throw unprocessable('COMMISSION_OTHER_PROJECT', '该委托不是本项目的委托', 'body.commissionId');

    const catalogue = await getCurrentCatalogue(trx);
    input.itemCodes.forEach((code, i) => {
      const found = findItem(catalogue, code);
      if (!found) throw unprocessable('ITEM_UNKNOWN', `检测项目目录（第 ${catalogue.version} 版）中没有检测项目 ${code}`, `body.itemCodes.${i}`);
      if (found.specialty !== input.specialty) {
        throw unprocessable('ITEM_NOT_IN_SPECIALTY', `检测项目“${found.item.name}”属于${found.specialtyName}专项，不属于${specialtyName(input.specialty)}`, `body.itemCodes.${i}`);
      }
    });

    for (const [i, id] of input.equipmentIds.entries()) {
      try {
        await assertEquipmentUsable(trx, id, agencyId, now, `body.equipmentIds.${i}`);
      } catch (err) {
        // A reference in the body that does not resolve is an unprocessable request, not a missing resource.
        if (err instanceof AppError && err.statusCode === 404) throw unprocessable(err.code, err.message, err.field);
        throw err;
      }
    }

    const people = await trx
      .selectFrom('personnel')
      .select(['id', 'name', 'agency_id', 'status', 'roles'])
      .where('id', 'in', [...input.testerPersonIds, input.uploadOwnerPersonId])
      .execute();
    const person = (id: string) => people.find((p) => p.id === id && p.agency_id === agencyId && p.status === 'active');
    for (const [i, id] of input.testerPersonIds.entries()) {
      const field = `body.testerPersonIds.${i}`;
      const p = person(id);
      if (!p) throw unprocessable('TESTER_UNKNOWN', '检测人员不是本机构在册人员', field);
      if (!p.roles.includes('tester')) throw unprocessable('TESTER_ROLE_MISSING', `${p.name}未登记为检测人员`, field);
      if (!(await isCertifiedFor(trx, id, input.specialty, now))) {
        throw unprocessable('TESTER_NOT_CERTIFIED', `${p.name}没有有效期内的${specialtyName(input.specialty)}专项上岗证书`, field);
      }
    }
    const owner = person(input.uploadOwnerPersonId);
    if (!owner) throw unprocessable('UPLOAD_OWNER_UNKNOWN', '上传负责人不是本机构在册人员', 'body.uploadOwnerPersonId');
    if (!owner.roles.includes('upload_owner')) throw unprocessable('UPLOAD_OWNER_ROLE_MISSING', `${owner.name}未登记为上传负责人（专人负责）`, 'body.uploadOwnerPersonId');

    await assertWitnessRegistered(trx, input.witnessPersonId, project.id, now, 'body.witnessPersonId');

    const codes = input.componentIds.map((raw, i) => {
      const code = parseComponentId(raw);
      if (!code) throw badRequest('COMPONENT_ID_INVALID', `构件编号 ${raw.slice(0, 40)} 格式或校验位不正确`, `body.componentIds.${i}`);
      return code;
    });
    const dup = codes.findIndex((c, i) => codes.indexOf(c) !== i);
    if (dup >= 0) throw badRequest('COMPONENT_DUPLICATE', '同一构件重复列出', `body.componentIds.${dup}`);
    const known = new Set(
      (await trx.selectFrom('components').select('code').where('project_id', '=', project.id).where('code', 'in', codes).execute()).map((c) => c.code),
    );
    codes.forEach((c, i) => {
      if (!known.has(c)) throw unprocessable('COMPONENT_NOT_IN_PROJECT', `构件 ${formatComponentId(c)} 不是本项目登记的构件`, `body.componentIds.${i}`);
    });

    // Everything checked: take the next number.
    const { year, seq } = await takeBatchNumber(trx, agencyId, now);

    const by = actorColumns(ctx);
    const row = await trx
      .insertInto('batches')
      .values({
        agency_id: agencyId,
        batch_number: formatBatchNumber(year, seq),
        number_year: year,
        number_seq: seq,
        project_id: project.id,
        region_code: project.region_code,
        commission_id: input.commissionId,
        specialty: input.specialty,
        catalogue_version: catalogue.version,
        item_codes: input.itemCodes,
        component_codes: codes,
        equipment_ids: input.equipmentIds,
        tester_person_ids: input.testerPersonIds,
        witness_person_id: input.witnessPersonId,
        upload_owner_person_id: input.uploadOwnerPersonId,
        note: input.note?.trim() || null,
        status: 'opened',
        opened_at: now,
        opened_by_type: by.type,
        opened_by_id: by.id,
        opened_by_name: by.name,
        first_upload_at: null,
        completed_at: null,
        completion_declared_at: null,
        first_sealed_at: null,
        current_seal_id: null,
        reviewed_at: null,
        reported_at: null,
        locked_at: null,
        lock_reason: null,
        unlocked_at: null,
        unlocked_by: null,
        unlock_reason: null,
        // The 漏传 instant (the batch is open; nothing else is due yet).
        ...scheduleColumns({ opened_at: now, completed_at: null, first_sealed_at: null, locked_at: null, missing_flagged_at: null }, null),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeBatchEvent(trx, ctx, row, {
      event: 'open',
      from: null,
      to: 'opened',
      details: {
        projectId: project.id,
        commissionId: input.commissionId,
        specialty: input.specialty,
        catalogueVersion: catalogue.version,
        itemCodes: input.itemCodes,
        componentIds: codes,
        equipmentIds: input.equipmentIds,
        testerPersonIds: input.testerPersonIds,
        witnessPersonId: input.witnessPersonId,
        uploadOwnerPersonId: input.uploadOwnerPersonId,
      },
    });
    return this.#detail(trx, ctx, row.id);
  }

  // ── completion ──

  /**
   * The agency declares the completion of on-site testing, T (DESIGN.md §2 rule 3). T before the batch's last
   * capture (records or images) is accepted and flagged `completion_before_capture`; the deadline is T + 2 h.
   */
  async complete(ctx: RequestContext, id: string, completedAt: Date): Promise<BatchDetail> {
    return this.#db.transaction().execute(async (trx) => {
      const b = await findVisibleBatch(trx, ctx, id, 'update');
      assertAgencyOperator(ctx, b.agency_id);
      const to = mustTransition(b.status, 'complete');
      const lastRecord = await trx.selectFrom('batch_records').select((eb) => eb.fn.max('captured_at').as('at')).where('batch_id', '=', id).executeTakeFirst();
      const recordAt = lastRecord?.at ? new Date(lastRecord.at) : null;
      const imageAt = await lastImageCaptureAt(trx, id);
      const lastCapture = [recordAt, imageAt].filter((d): d is Date => d !== null).sort((x, y) => y.getTime() - x.getTime())[0] ?? null;
      const check = checkCompletion(completedAt, b.opened_at, ctx.now, lastCapture);
      if (!check.ok) throw unprocessable(check.code, check.message, 'body.completedAt');
      await trx
        .updateTable('batches')
        .set({ status: to, completed_at: completedAt, completion_declared_at: ctx.now, row_version: b.row_version + 1 })
        .where('id', '=', id)
        .execute();
      const view = deadlineView(batchTiming({ opened_at: b.opened_at, completed_at: completedAt, first_sealed_at: null }), ctx.now);
      await writeBatchEvent(trx, ctx, b, { event: 'complete', from: b.status, to, details: { completedAt: completedAt.toISOString(), deadline: view.deadline } });
      // The deadline starts running (and a completion declared more than 2 h back is late at once).
      await refreshDeadline(trx, ctx, id);
      if (check.beforeCapture) {
        await recordAnomaly(trx, ctx, {
          batchId: id,
          kind: 'completion_before_capture',
          subjectType: 'batch',
          subjectId: null,
          details: { completedAt: completedAt.toISOString(), lastCaptureAt: lastCapture?.toISOString() ?? null },
        });
      }
      return this.#detail(trx, ctx, id);
    });
  }

  // ── seal ──

  /**
   * The upload owner (or the agency's system acting for them) declares the batch whole. Every declared record version
   * and image must have arrived with the declared content hash, else 422 SEAL_MANIFEST_INCOMPLETE listing each
   * problem. At the seal the platform also flags what it can only see now: records lacking the images their item
   * requires, items that arrived undeclared, and a witness who never checked in or attested.
   */
  async seal(ctx: RequestContext, id: string, manifest: SealManifest): Promise<BatchDetail> {
    const shape = checkManifestShape(manifest);
    if (shape) throw badRequest(shape.code, shape.message, shape.field);
    return this.#db.transaction().execute(async (trx) => {
      const b = await findVisibleBatch(trx, ctx, id, 'update');
      const actor = assertAgencyOperator(ctx, b.agency_id);
      if (actor.kind === 'user') {
        const person = await activePersonForUser(trx, actor.id);
        if (person?.id !== b.upload_owner_person_id) throw forbidden('SEAL_UPLOAD_OWNER_ONLY', '只有本批次的上传负责人（专人负责）可以封存批次');
      }
      const to = mustTransition(b.status, 'seal');
      const records = await trx
        .selectFrom('batch_records')
        .select(['record_key', 'version', 'content_sha256', 'item_code'])
        .where('batch_id', '=', id)
        .orderBy('record_key')
        .orderBy('version')
        .execute();
      const images = await imageHashesOfBatch(trx, id);
      const cmp = compareManifest(
        manifest,
        records.map((r) => ({ recordKey: r.record_key, version: r.version, sha256: r.content_sha256 })),
        images,
      );
      if (cmp.problems.length > 0) {
        const shown = cmp.problems.slice(0, 10).map(describeProblem).join('；');
        const more = cmp.problems.length > 10 ? ` 等 ${cmp.problems.length} 项` : '';
        const first = cmp.problems[0]!;
        const field = first.kind === 'image_missing' ? `body.images.${first.index}` : `body.records.${first.index}`;
        throw unprocessable('SEAL_MANIFEST_INCOMPLETE', `封存清单与已收到的内容不符：${shown}${more}`, field, { problems: cmp.problems });
      }

      const manifestJson = canonicalJson(manifest);
      const seq = Number((await trx.selectFrom('batch_seals').select((eb) => eb.fn.countAll<number>().as('n')).where('batch_id', '=', id).executeTakeFirstOrThrow()).n) + 1;
      const by = actorColumns(ctx);
      const seal = await trx
        .insertInto('batch_seals')
        .values({
          batch_id: id,
          seq,
          manifest: manifestJson,
          manifest_sha256: sha256(manifestJson),
          record_count: manifest.recordCount,
          image_count: manifest.imageCount,
          sealed_at: ctx.now,
          sealed_by_type: by.type,
          sealed_by_id: by.id,
          sealed_by_name: by.name,
          owner_person_id: b.upload_owner_person_id,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('batches')
        .set({ status: to, current_seal_id: seal.id, first_sealed_at: b.first_sealed_at ?? ctx.now, row_version: b.row_version + 1 })
        .where('id', '=', id)
        .execute();
      const view = deadlineView(timingOf({ ...b, first_sealed_at: b.first_sealed_at ?? ctx.now }, (await currentFilings(trx, [id])).get(id)), ctx.now);
      await writeBatchEvent(trx, ctx, b, {
        event: 'seal',
        from: b.status,
        to,
        details: { sealId: seal.id, seq, recordCount: manifest.recordCount, imageCount: manifest.imageCount, manifestSha256: seal.manifest_sha256, deadline: view.deadline, sealedOnTime: view.sealedOnTime },
      });

      await recordSealFindings(trx, ctx, b, seal.id, cmp);
      // Sealed on time: nothing is due any more. Sealed late and not yet locked by the sweeper: locked now.
      await refreshDeadline(trx, ctx, id);
      return this.#detail(trx, ctx, id);
    });
  }

  // ── review ──

  /**
   * 双人复核 (二(三), DESIGN.md §2 rule 9): a registered reviewer of the agency, certified for the specialty and never
   * one of the batch's testers, approves the sealed batch or returns it with reasons (back to `completed`, so
   * corrections can be uploaded and the batch sealed again).
   */
  async review(ctx: RequestContext, id: string, input: ReviewInput): Promise<BatchDetail> {
    const reasons = input.reasons?.trim() ?? '';
    return this.#db.transaction().execute(async (trx) => {
      const b = await findVisibleBatch(trx, ctx, id, 'update');
      const user = requireUser(ctx.actor);
      if (user.organisation?.id !== b.agency_id || !hasRole(user, 'reviewer')) {
        throw forbidden('REVIEWER_ROLE_REQUIRED', '只有承担该批次的检测机构的复核人员可以复核');
      }
      const person = await activePersonForUser(trx, user.id);
      if (!person || person.agencyId !== b.agency_id || !person.roles.includes('reviewer')) {
        throw forbidden('REVIEWER_NOT_REGISTERED', '复核人员须为本机构在册并登记为复核岗位的人员');
      }
      if (b.tester_person_ids.includes(person.id)) throw forbidden('REVIEWER_IS_TESTER', '复核人员不能是本批次的检测人员（双人复核）');
      if (!(await isCertifiedFor(trx, person.id, b.specialty, ctx.now))) {
        throw forbidden('REVIEWER_NOT_CERTIFIED', `复核人员没有有效期内的${specialtyName(b.specialty)}专项上岗证书`);
      }
      if (input.decision === 'return' && reasons.length < 2) throw badRequest('REVIEW_REASONS_REQUIRED', '退回须说明理由', 'body.reasons');
      const to = mustTransition(b.status, input.decision);
      const review = await trx
        .insertInto('batch_reviews')
        .values({
          batch_id: id,
          seal_id: b.current_seal_id!,
          decision: input.decision,
          reasons: reasons || null,
          reviewer_person_id: person.id,
          reviewer_user_id: user.id,
          reviewer_name: person.name,
          reviewed_at: ctx.now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('batches')
        .set(input.decision === 'approve' ? { status: to, reviewed_at: ctx.now, row_version: b.row_version + 1 } : { status: to, row_version: b.row_version + 1 })
        .where('id', '=', id)
        .execute();
      await writeBatchEvent(trx, ctx, b, {
        event: `review.${input.decision}`,
        from: b.status,
        to,
        reason: reasons || null,
        details: { reviewId: review.id, sealId: review.seal_id, reviewerPersonId: person.id },
      });
      return this.#detail(trx, ctx, id);
    });
  }

  // ── manual-entry exceptions ──

  /**
   * A department officer whose jurisdiction holds the batch allows manual entry of one of its items (e.g. the
   * instrument's interface failed on site). Audited; one per batch and item.
   */
  async grantManualEntryException(ctx: RequestContext, id: string, itemCode: string, reason: string): Promise<ManualEntryException> {
    const why = reason.trim();
    return this.#db.transaction().execute(async (trx) => {
      const b = await findVisibleBatch(trx, ctx, id, 'update');
      const officer = requireRole(ctx.actor, 'dept_officer');
      if (officer.organisation?.type !== 'department') throw forbidden('DEPARTMENT_OFFICER_REQUIRED', '只有住建部门监管人员可以批准人工录入例外');
      if (why.length < 2) throw badRequest('REASON_REQUIRED', '请说明允许人工录入的理由', 'body.reason');
      if (!b.item_codes.includes(itemCode)) throw unprocessable('ITEM_NOT_ON_BATCH', `检测项目 ${itemCode} 不在本批次中`, 'body.itemCode');
      mustTransition(b.status, 'grant_exception');
      const existing = await trx.selectFrom('manual_entry_exceptions').select('id').where('batch_id', '=', id).where('item_code', '=', itemCode).executeTakeFirst();
      if (existing) throw conflict('MANUAL_EXCEPTION_EXISTS', '该检测项目已批准人工录入例外', 'body.itemCode');
      const row = await trx
        .insertInto('manual_entry_exceptions')
        .values({ batch_id: id, item_code: itemCode, reason: why, department_id: officer.organisation.id, granted_by: officer.id, granted_by_name: officer.displayName, granted_at: ctx.now })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeBatchEvent(trx, ctx, b, { event: 'manual_exception.grant', from: b.status, to: b.status, reason: why, details: { exceptionId: row.id, itemCode } });
      return { id: row.id, batchId: id, itemCode, reason: why, department: { id: officer.organisation.id, name: officer.organisation.name }, grantedByName: officer.displayName, grantedAt: row.granted_at.toISOString() };
    });
  }

  // ── witness ──

  /**
   * The batch's registered witness attests it (见证信息实时上传): time and statement. Only the user linked to the
   * batch's witness may (他人代见证 is refused). A witness whose registration has ended is still heard, and flagged.
   */
  async attest(ctx: RequestContext, id: string, statement: string): Promise<WitnessAttestation> {
    const text = statement.trim();
    return this.#db.transaction().execute(async (trx) => {
      const b = await findVisibleBatch(trx, ctx, id, 'update');
      const user = requireUser(ctx.actor);
      const witness = await findWitnessByUser(trx, user.id);
      if (!witness || witness.id !== b.witness_person_id) throw forbidden('WITNESS_NOT_BATCH_WITNESS', '只有本批次登记的见证人员本人可以确认见证（严禁他人代见证）');
      if (text.length < 2) throw badRequest('STATEMENT_REQUIRED', '请填写见证说明', 'body.statement');
      mustTransition(b.status, 'attest');
      const registered = await isWitnessRegisteredFor(trx, witness.id, b.project_id, ctx.now);
      const w = await trx.selectFrom('witness_persons').select('name').where('id', '=', witness.id).executeTakeFirstOrThrow();
      const row = await trx
        .insertInto('witness_attestations')
        .values({ batch_id: id, witness_person_id: witness.id, user_id: user.id, statement: text, attested_at: ctx.now, registered })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeBatchEvent(trx, ctx, b, { event: 'witness.attest', from: b.status, to: b.status, details: { attestationId: row.id, witnessPersonId: witness.id, registered } });
      if (!registered) {
        await recordAnomaly(trx, ctx, { batchId: id, kind: 'witness_not_registered', subjectType: 'attestation', subjectId: row.id, details: { witnessPersonId: witness.id, at: ctx.now.toISOString() } });
      }
      return { id: row.id, batchId: id, witness: { id: witness.id, name: w.name }, statement: text, attestedAt: row.attested_at.toISOString(), registered };
    });
  }

  // ── reads ──

  async list(ctx: RequestContext, f: BatchFilter): Promise<{ items: BatchSummary[]; total: number }> {
    requireAuthenticated(ctx.actor);
    let q = summaryQuery(this.#db, ctx);
    if (f.status) q = q.where('b.status', '=', f.status);
    if (f.specialty) q = q.where('b.specialty', '=', f.specialty);
    if (f.q?.trim()) q = q.where('b.batch_number', 'ilike', containsPattern(f.q));
    if (f.projectId) q = q.where('b.project_id', '=', f.projectId);
    if (f.agencyId) q = q.where('b.agency_id', '=', f.agencyId);
    if (f.locked !== undefined) q = q.where('b.locked', '=', f.locked);
    if (f.from) q = q.where('b.opened_at', '>=', new Date(f.from));
    if (f.to) q = q.where('b.opened_at', '<', new Date(f.to));
    const { limit, offset } = pageBounds(f);
    const rows = await q.orderBy('b.opened_at', 'desc').orderBy('b.id').limit(limit).offset(offset).execute();
    const count = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { items: rows.map((r) => toSummary(r, ctx.now)), total: Number(count.n) };
  }

  async get(ctx: RequestContext, id: string): Promise<BatchDetail> {
    return this.#detail(this.#db, ctx, id);
  }

  async events(ctx: RequestContext, id: string): Promise<BatchEvent[]> {
    await findVisibleBatch(this.#db, ctx, id);
    const rows = await this.#db.selectFrom('batch_events').selectAll().where('batch_id', '=', id).orderBy('id').execute();
    return rows.map(toEvent);
  }

  /**
   * The witnesses registered now for a project the caller sees (id and name only): what an agency picks from when it
   * opens a batch, since the witness registry itself is the supervision unit's and the departments'.
   */
  async witnessOptions(ctx: RequestContext, projectId: string): Promise<Ref[]> {
    requireAuthenticated(ctx.actor);
    const project = await findVisibleProject(this.#db, ctx, projectId);
    if (!project) throw notFound('PROJECT_NOT_FOUND', '工程项目不存在或无权查看');
    const candidates = await this.#db
      .selectFrom('witness_persons as w')
      .innerJoin('projects as p', 'p.supervision_unit_id', 'w.supervision_unit_id')
      .select(['w.id', 'w.name'])
      .where('p.id', '=', projectId)
      .orderBy('w.name')
      .orderBy('w.id')
      .execute();
    const out: Ref[] = [];
    for (const w of candidates) if (await isWitnessRegisteredFor(this.#db, w.id, projectId, ctx.now)) out.push({ id: w.id, name: w.name });
    return out;
  }

  async listManualEntryExceptions(ctx: RequestContext, id: string): Promise<ManualEntryException[]> {
    await findVisibleBatch(this.#db, ctx, id);
    return manualExceptions(this.#db, id);
  }

  async #catalogue(db: Db, version: number): Promise<Catalogue> {
    const c = await getCatalogueVersion(db, version);
    if (!c) throw new Error(`catalogue version ${version} pinned by a batch is missing`);
    return c;
  }

  async #detail(db: Db, ctx: RequestContext, id: string): Promise<BatchDetail> {
    const row = await summaryQuery(db, ctx).where('b.id', '=', id).executeTakeFirst();
    if (!row) throw BATCH_NOT_FOUND();
    const summary = toSummary(row, ctx.now);
    const catalogue = await this.#catalogue(db, row.catalogue_version);
    const commission = await db.selectFrom('commissions').select(['id', 'contract_number']).where('id', '=', row.commission_id).executeTakeFirstOrThrow();
    const components = await db.selectFrom('components').selectAll().where('code', 'in', row.component_codes).execute();
    const equipment = await db.selectFrom('equipment').select(['id', 'equipment_type', 'model', 'serial_number', 'auto_collect']).where('id', 'in', row.equipment_ids).execute();
    const people = await db.selectFrom('personnel').select(['id', 'name']).where('id', 'in', [...row.tester_person_ids, row.upload_owner_person_id]).execute();
    const nameOf = (pid: string) => people.find((p) => p.id === pid)?.name ?? '';
    const witness = await db.selectFrom('witness_persons').select(['id', 'name']).where('id', '=', row.witness_person_id).executeTakeFirstOrThrow();
    const events = await db.selectFrom('batch_events').selectAll().where('batch_id', '=', id).orderBy('id').execute();
    const anomalies = await db.selectFrom('anomalies').selectAll().where('batch_id', '=', id).orderBy('detected_at').orderBy('id').execute();
    const seals = await db.selectFrom('batch_seals').selectAll().where('batch_id', '=', id).orderBy('seq').execute();
    const reviews = await db
      .selectFrom('batch_reviews as r')
      .innerJoin('batch_seals as s', 's.id', 'r.seal_id')
      .selectAll('r')
      .where('r.batch_id', '=', id)
      .orderBy('r.reviewed_at')
      .orderBy('s.seq')
      .execute();
    const attestations = await db
      .selectFrom('witness_attestations as wa')
      .innerJoin('witness_persons as wp', 'wp.id', 'wa.witness_person_id')
      .selectAll('wa')
      .select('wp.name as witness_name')
      .where('wa.batch_id', '=', id)
      .orderBy('wa.attested_at')
      .orderBy('wa.id')
      .execute();
    const latest = await db.selectFrom('batch_records').select((eb) => eb.fn.count<number>('record_key').distinct().as('n')).where('batch_id', '=', id).executeTakeFirstOrThrow();
    return {
      ...summary,
      commission: { id: commission.id, contractNumber: commission.contract_number },
      catalogueVersion: row.catalogue_version,
      items: row.item_codes.map((code) => {
        const item = findItem(catalogue, code)?.item;
        return { code, name: item?.name ?? code, standard: item?.standard ?? '', autoCollected: item?.autoCollected ?? false, minImages: item?.minImages ?? 0 };
      }),
      components: row.component_codes.map((code) => {
        const c = components.find((x) => x.code === code);
        return { code, display: formatComponentId(code), building: c?.building ?? null, floor: c?.floor ?? null, position: c?.position ?? null, componentType: c?.component_type ?? null };
      }),
      equipment: row.equipment_ids.map((eid) => {
        const e = equipment.find((x) => x.id === eid);
        return { id: eid, equipmentType: e?.equipment_type ?? '', model: e?.model ?? '', serialNumber: e?.serial_number ?? '', autoCollect: e?.auto_collect ?? false };
      }),
      testers: row.tester_person_ids.map((pid) => ({ id: pid, name: nameOf(pid) })),
      uploadOwner: { id: row.upload_owner_person_id, name: nameOf(row.upload_owner_person_id) },
      witness: { id: witness.id, name: witness.name, registeredNow: await isWitnessRegisteredFor(db, witness.id, row.project_id, ctx.now) },
      lock: { locked: row.locked, lockedAt: iso(row.locked_at), lockReason: row.lock_reason, unlockedAt: iso(row.unlocked_at), unlockReason: row.unlock_reason },
      note: row.note,
      events: events.map(toEvent),
      anomalies: anomalies.map(toAnomaly),
      seals: seals.map(toSeal),
      reviews: reviews.map(toReview),
      manualEntryExceptions: await manualExceptions(db, id),
      attestations: attestations.map((a) => ({ id: a.id, batchId: a.batch_id, witness: { id: a.witness_person_id, name: a.witness_name }, statement: a.statement, attestedAt: a.attested_at.toISOString(), registered: a.registered })),
      latestRecordCount: Number(latest.n),
    };
  }
}

/**
 * What a seal can only see now, recorded as anomalies (never refusals): items that arrived but were not declared,
 * records lacking the images their catalogue item requires, a witness no longer registered, no check-in, no
 * attestation. Exported for the demo seed, which seals its batches the same way.
 */
export async function recordSealFindings(
  trx: Transaction<Database>,
  ctx: RequestContext,
  b: Pick<BatchRow, 'id' | 'catalogue_version' | 'witness_person_id' | 'project_id'>,
  sealId: string,
  cmp: Pick<ReturnType<typeof compareManifest>, 'undeclaredRecords' | 'undeclaredImages'>,
): Promise<void> {
  const id = b.id;
  const flag = (kind: AnomalyKind, subjectType: 'batch' | 'record' | 'image', subjectId: string | null, details: Record<string, unknown>) =>
    recordAnomaly(trx, ctx, { batchId: id, kind, subjectType, subjectId, details });
  for (const r of cmp.undeclaredRecords) {
    await flag('undeclared_at_seal', 'record', `${r.recordKey}@${r.version}`, { recordKey: r.recordKey, version: r.version, sha256: r.sha256, sealId });
  }
  for (const h of cmp.undeclaredImages) await flag('undeclared_at_seal', 'image', h, { sha256: h, sealId });

  const catalogue = await getCatalogueVersion(trx, b.catalogue_version);
  if (!catalogue) throw new Error(`catalogue version ${b.catalogue_version} pinned by batch ${id} is missing`);
  const records = await trx.selectFrom('batch_records').select(['record_key', 'item_code']).where('batch_id', '=', id).orderBy('record_key').orderBy('version').execute();
  const latest = new Map<string, string>();
  for (const r of records) latest.set(r.record_key, r.item_code);
  for (const [recordKey, itemCode] of latest) {
    const required = findItem(catalogue, itemCode)?.item.minImages ?? 0;
    if (required === 0) continue;
    const have = await countImagesForRecord(trx, id, recordKey);
    if (have < required) await flag('record_missing_images', 'record', recordKey, { recordKey, itemCode, required, found: have });
  }

  if (!(await isWitnessRegisteredFor(trx, b.witness_person_id, b.project_id, ctx.now))) {
    await flag('witness_not_registered', 'batch', null, { witnessPersonId: b.witness_person_id, at: ctx.now.toISOString() });
  }
  if ((await witnessCheckinCount(trx, id)) === 0) await flag('witness_no_checkin', 'batch', null, { witnessPersonId: b.witness_person_id, sealId });
  const attested = await trx.selectFrom('witness_attestations').select('id').where('batch_id', '=', id).limit(1).executeTakeFirst();
  if (!attested) await flag('witness_no_attestation', 'batch', null, { witnessPersonId: b.witness_person_id, sealId });
}

async function manualExceptions(db: Db, batchId: string): Promise<ManualEntryException[]> {
  const rows = await db
    .selectFrom('manual_entry_exceptions as m')
    .innerJoin('organisations as d', 'd.id', 'm.department_id')
    .selectAll('m')
    .select('d.name as department_name')
    .where('m.batch_id', '=', batchId)
    .orderBy('m.granted_at')
    .execute();
  return rows.map((m) => ({
    id: m.id,
    batchId: m.batch_id,
    itemCode: m.item_code,
    reason: m.reason,
    department: { id: m.department_id, name: m.department_name },
    grantedByName: m.granted_by_name,
    grantedAt: m.granted_at.toISOString(),
  }));
}

/** The exception that allows manual entry of `itemCode` in the batch, if a department granted one. */
export async function manualEntryExceptionFor(db: Db, batchId: string, itemCode: string): Promise<{ id: string } | null> {
  const row = await db.selectFrom('manual_entry_exceptions').select('id').where('batch_id', '=', batchId).where('item_code', '=', itemCode).executeTakeFirst();
  return row ?? null;
}

// ───────────────────────────── anomalies (departments' review list) ─────────────────────────────

export interface AnomalyFilter {
  status?: 'open' | 'acknowledged';
  kind?: AnomalyKind;
  batchId?: string;
  agencyId?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export type AnomalyListItem = Anomaly & { batchNumber: string; agencyName: string; projectId: string; projectName: string };

function visibleAnomalies(db: Db, ctx: RequestContext) {
  const scope = scopeOf(ctx.actor);
  return db
    .selectFrom('anomalies as a')
    .innerJoin('batches as b', 'b.id', 'a.batch_id')
    .innerJoin('organisations as ao', 'ao.id', 'a.agency_id')
    .innerJoin('projects as p', 'p.id', 'b.project_id')
    .selectAll('a')
    .select(['b.batch_number', 'ao.name as agency_name', 'p.id as project_id', 'p.name as project_name'])
    .where((eb) => batchVisibleTo(scope, { agency: eb.ref('b.agency_id'), region: eb.ref('a.region_code'), project: eb.ref('b.project_id') }));
}

export class AnomalyService {
  readonly #db: Kysely<Database>;
  constructor(deps: Pick<AppDeps, 'db'>) {
    this.#db = deps.db;
  }

  /** The departments' review list (and each agency's own), newest first. */
  async list(ctx: RequestContext, f: AnomalyFilter): Promise<{ items: AnomalyListItem[]; total: number }> {
    requireAuthenticated(ctx.actor);
    let q = visibleAnomalies(this.#db, ctx);
    if (f.status) q = q.where('a.status', '=', f.status);
    if (f.kind) q = q.where('a.kind', '=', f.kind);
    if (f.batchId) q = q.where('a.batch_id', '=', f.batchId);
    if (f.agencyId) q = q.where('a.agency_id', '=', f.agencyId);
    if (f.from) q = q.where('a.detected_at', '>=', new Date(f.from));
    if (f.to) q = q.where('a.detected_at', '<', new Date(f.to));
    const { limit, offset } = pageBounds(f);
    const rows = await q.orderBy('a.detected_at', 'desc').orderBy('a.id').limit(limit).offset(offset).execute();
    const count = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return {
      items: rows.map((r) => ({ ...toAnomaly(r), batchNumber: r.batch_number, agencyName: r.agency_name, projectId: r.project_id, projectName: r.project_name })),
      total: Number(count.n),
    };
  }

  /** A department officer of the jurisdiction marks an anomaly as reviewed, with a note. Audited; once. */
  async acknowledge(ctx: RequestContext, id: string, note: string): Promise<AnomalyListItem> {
    const text = note.trim();
    return this.#db.transaction().execute(async (trx) => {
      const row = await visibleAnomalies(trx, ctx).where('a.id', '=', id).forUpdate('a').executeTakeFirst();
      if (!row) throw notFound('ANOMALY_NOT_FOUND', '异常不存在或无权查看');
      const officer = requireRole(ctx.actor, 'dept_officer');
      if (text.length < 2) throw badRequest('NOTE_REQUIRED', '请填写核查意见', 'body.note');
      if (row.status !== 'open') throw conflict('ANOMALY_ALREADY_ACKNOWLEDGED', '该异常已核查');
      const updated = await trx
        .updateTable('anomalies')
        .set({ status: 'acknowledged', acknowledged_at: ctx.now, acknowledged_by: officer.id, acknowledge_note: text })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'anomaly.acknowledge',
        targetType: 'anomaly',
        targetId: id,
        organisationId: row.agency_id,
        regionCode: row.region_code,
        details: { batchId: row.batch_id, kind: row.kind, note: text },
      });
      return { ...toAnomaly(updated), batchNumber: row.batch_number, agencyName: row.agency_name, projectId: row.project_id, projectName: row.project_name };
    });
  }
}

export type { SealManifest, ManifestProblem, DeadlineView };
