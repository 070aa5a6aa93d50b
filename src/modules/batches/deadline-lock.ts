import { sql, type Kysely, type Transaction } from 'kysely';
import type { RequestContext } from '../../kernel/auth/actor.ts';
import type { Database } from '../../kernel/db/types.ts';
import { durations, FORCE_MAJEURE_MAX_SUSPENSION_MS } from '../../kernel/policy.ts';
import { beijingTime } from '../../kernel/time.ts';
import type { ForceMajeureFilingRow } from '../deadlines/index.ts';
import { agencyRecipients, notify, type NewNotification } from '../notifications/index.ts';
import { severityOf } from '../violations/index.ts';
import { deadlineSchedule, type DeadlineSchedule } from './rules/schedule.ts';
import { deadlineState, shouldLock, type BatchTiming } from './rules/upload-deadline.ts';
import type { BatchRow } from './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The report lock of 一(三) (未及时上传的，平台自动锁定该批次检测报告生成权限): the one place that locks a batch, used by
 * the sweeper for whatever fell due and by request transactions that find a batch already late (a late seal, a
 * filing rejected after the original deadline, a clearing declared more than 2 h ago). Each lock writes, in the
 * caller's transaction: the batch's lock columns, a batch event, an audit row, one 迟传 violation with its evidence
 * (unique by its cause, so no process or retry records it twice) and the agency's notifications.
 */

export type FilingTiming = Pick<ForceMajeureFilingRow, 'id' | 'status' | 'filed_at' | 'decided_at' | 'cleared_at'>;

/** The filing that applies to a batch: its latest one (an earlier one was rejected, or this one is in force). */
export async function currentFilings(db: Db, batchIds: readonly string[]): Promise<Map<string, FilingTiming>> {
  const out = new Map<string, FilingTiming>();
  if (batchIds.length === 0) return out;
  const rows = await db
    .selectFrom('force_majeure_filings')
    .select(['id', 'batch_id', 'status', 'filed_at', 'decided_at', 'cleared_at'])
    .where('batch_id', 'in', batchIds)
    .orderBy('batch_id')
    .orderBy('filed_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  for (const r of rows) if (!out.has(r.batch_id)) out.set(r.batch_id, r);
  return out;
}

export type TimingRow = Pick<BatchRow, 'opened_at' | 'completed_at' | 'first_sealed_at'>;

/** The pure rule's input from a batch row and its current filing. */
export function timingOf(b: TimingRow, f: FilingTiming | null | undefined): BatchTiming {
  return {
    openedAt: b.opened_at,
    completedAt: b.completed_at,
    sealedAt: b.first_sealed_at,
    forceMajeure: f ? { filedAt: f.filed_at, status: f.status, decidedAt: f.decided_at, clearedAt: f.cleared_at } : null,
  };
}

/** The sweeper's columns for a batch, from the rule. */
export function scheduleColumns(b: TimingRow & Pick<BatchRow, 'locked_at' | 'missing_flagged_at'>, f: FilingTiming | null | undefined): { lock_due_at: Date | null; warn_due_at: Date | null; missing_due_at: Date | null } {
  const s: DeadlineSchedule = deadlineSchedule(timingOf(b, f), { everLocked: b.locked_at !== null, missingFlagged: b.missing_flagged_at !== null });
  return { lock_due_at: s.lockDueAt, warn_due_at: s.warnDueAt, missing_due_at: s.missingDueAt };
}


export type LockCandidate = Pick<
  BatchRow,
  'id' | 'agency_id' | 'project_id' | 'region_code' | 'batch_number' | 'status' | 'opened_at' | 'completed_at' | 'first_sealed_at' | 'locked' | 'locked_at' | 'upload_owner_person_id'
>;

/** Whether the rule says lock now, and the batch has not been locked before (a lock is applied once). */
export function mustLockNow(b: LockCandidate, f: FilingTiming | null | undefined, now: Date): boolean {
  return !b.locked && b.locked_at === null && shouldLock(timingOf(b, f), now);
}

interface Arrived {
  records: number;
  recordVersions: number;
  images: number;
  lastUploadAt: Date | null;
}

async function arrivedFor(trx: Transaction<Database>, ids: readonly string[]): Promise<Map<string, Arrived>> {
  const out = new Map<string, Arrived>(ids.map((id) => [id, { records: 0, recordVersions: 0, images: 0, lastUploadAt: null }]));
  const recs = await trx
    .selectFrom('batch_records')
    .select(['batch_id'])
    .select((eb) => [eb.fn.count<number>('record_key').distinct().as('keys'), eb.fn.countAll<number>().as('versions'), eb.fn.max('received_at').as('last')])
    .where('batch_id', 'in', ids)
    .groupBy('batch_id')
    .execute();
  for (const r of recs) {
    const a = out.get(r.batch_id)!;
    a.records = Number(r.keys);
    a.recordVersions = Number(r.versions);
    a.lastUploadAt = r.last ? new Date(r.last) : null;
  }
  const imgs = await trx
    .selectFrom('images')
    .select(['batch_id'])
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('uploaded_at').as('last')])
    .where('batch_id', 'in', ids)
    .where('kind', '=', 'process')
    .groupBy('batch_id')
    .execute();
  for (const r of imgs) {
    const a = out.get(r.batch_id)!;
    a.images = Number(r.n);
    const last = r.last ? new Date(r.last) : null;
    if (last && (!a.lastUploadAt || last > a.lastUploadAt)) a.lastUploadAt = last;
  }
  return out;
}

function actorColumns(ctx: RequestContext) {
  const a = ctx.actor;
  if (a.kind === 'user') return { actor_type: 'user' as const, actor_id: a.id, actor_name: a.displayName, actor_roles: a.roles as string[] };
  if (a.kind === 'machine') return { actor_type: 'machine' as const, actor_id: a.id, actor_name: a.name, actor_roles: [] as string[] };
  if (a.kind === 'system') return { actor_type: 'system' as const, actor_id: null, actor_name: a.name, actor_roles: [] as string[] };
  return { actor_type: 'anonymous' as const, actor_id: null, actor_name: null, actor_roles: [] as string[] };
}

/** The violation's cause: one 迟传 per batch and deadline basis, whoever finds it first. */
export const lateSourceRef = (batchId: string, deadline: Date) => `batch:${batchId}:late:${deadline.toISOString()}`;

/**
 * Locks every candidate that the rule (re-checked here, on rows the caller holds FOR UPDATE) says must be locked at
 * `ctx.now`, set-based: a constant number of statements per call, whatever the number of batches. Returns the ids
 * locked.
 */
export async function lockBatches(trx: Transaction<Database>, ctx: RequestContext, candidates: readonly LockCandidate[], filings: Map<string, FilingTiming>): Promise<string[]> {
  const now = ctx.now;
  const due = candidates.filter((b) => mustLockNow(b, filings.get(b.id), now));
  if (due.length === 0) return [];
  const info = new Map(
    due.map((b) => {
      const s = deadlineState(timingOf(b, filings.get(b.id)));
      if (s.kind !== 'running') throw new Error(`lockBatches: batch ${b.id} has no running deadline`);
      const reason =
        s.basis === 'completion'
          ? `迟传：现场检测完成时间 ${beijingTime(b.completed_at!)} 后 2 小时内（截止 ${beijingTime(s.deadline)}）未完成全部数据和影像的上传封存，平台自动锁定报告生成权限`
          : s.basis === 'force_majeure_cleared'
            ? `迟传：不可抗力故障排除后 2 小时内（截止 ${beijingTime(s.deadline)}）未完成全部信息的上传封存，平台自动锁定报告生成权限`
            : `迟传：不可抗力报备同意后 ${FORCE_MAJEURE_MAX_SUSPENSION_MS / durations.HOUR} 小时内未申报故障排除，视为已排除；其后 2 小时内（截止 ${beijingTime(s.deadline)}）未完成全部信息的上传封存，平台自动锁定报告生成权限`;
      return [b.id, { deadline: s.deadline, basis: s.basis, reason }] as const;
    }),
  );
  const ids = due.map((b) => b.id);
  // Each row with its own reason: one statement through a VALUES list.
  const values = sql.join(due.map((b) => sql`(${b.id}::uuid, ${info.get(b.id)!.reason})`));
  const updated = await sql<{ id: string }>`
    update batches b set locked = true, locked_at = ${now}, lock_reason = v.reason, lock_due_at = null, warn_due_at = null,
           row_version = b.row_version + 1
      from (values ${values}) as v(id, reason)
     where b.id = v.id and not b.locked and b.locked_at is null
    returning b.id`.execute(trx);
  const lockedIds = new Set(updated.rows.map((r) => r.id));
  const locked = due.filter((b) => lockedIds.has(b.id));
  if (locked.length === 0) return [];

  const arrived = await arrivedFor(trx, ids);
  const actor = actorColumns(ctx);
  const evidenceOf = (b: LockCandidate) => {
    const i = info.get(b.id)!;
    const a = arrived.get(b.id)!;
    const f = filings.get(b.id);
    return {
      batchId: b.id,
      batchNumber: b.batch_number,
      completedAt: b.completed_at!.toISOString(),
      deadline: i.deadline.toISOString(),
      deadlineBasis: i.basis,
      lockedAt: now.toISOString(),
      sealedAt: b.first_sealed_at?.toISOString() ?? null,
      arrived: { records: a.records, recordVersions: a.recordVersions, images: a.images, lastUploadAt: a.lastUploadAt?.toISOString() ?? null },
      forceMajeure: f ? { filingId: f.id, status: f.status, filedAt: f.filed_at.toISOString(), decidedAt: f.decided_at?.toISOString() ?? null, clearedAt: f.cleared_at?.toISOString() ?? null } : null,
    };
  };

  await trx
    .insertInto('batch_events')
    .values(
      locked.map((b) => ({
        batch_id: b.id,
        at: now,
        event: 'lock',
        from_status: b.status,
        to_status: b.status,
        actor_type: actor.actor_type,
        actor_id: actor.actor_id,
        actor_name: actor.actor_name,
        reason: info.get(b.id)!.reason,
        details: JSON.stringify(evidenceOf(b)),
      })),
    )
    .execute();
  const audit = (rows: { action: string; targetType: string; targetId: string; organisationId: string; regionCode: string; details: Record<string, unknown> }[]) =>
    trx
      .insertInto('audit_log')
      .values(
        rows.map((r) => ({
          at: now,
          ...actor,
          organisation_id: r.organisationId,
          region_code: r.regionCode,
          action: r.action,
          target_type: r.targetType,
          target_id: r.targetId,
          client_ip: ctx.clientIp,
          request_id: ctx.requestId,
          details: JSON.stringify(r.details),
        })),
      )
      .execute();
  await audit(
    locked.map((b) => ({
      action: 'batch.lock',
      targetType: 'batch',
      targetId: b.id,
      organisationId: b.agency_id,
      regionCode: b.region_code,
      details: { batchNumber: b.batch_number, from: b.status, to: b.status, reason: info.get(b.id)!.reason, deadline: info.get(b.id)!.deadline.toISOString() },
    })),
  );

  const violations = await trx
    .insertInto('violations')
    .values(
      locked.map((b) => ({
        organisation_id: b.agency_id,
        person_ref: null,
        type: 'late_upload' as const,
        severity: severityOf('late_upload'),
        occurred_at: info.get(b.id)!.deadline,
        source: 'automatic' as const,
        intentional: null,
        evidence: JSON.stringify(evidenceOf(b)),
        region_code: b.region_code,
        project_id: b.project_id,
        batch_ref: b.batch_number,
        source_ref: lateSourceRef(b.id, info.get(b.id)!.deadline),
        created_at: now,
        recorded_by: null,
      })),
    )
    .onConflict((oc) => oc.column('source_ref').doNothing())
    .returning(['id', 'source_ref', 'organisation_id', 'region_code', 'project_id', 'batch_ref', 'occurred_at'])
    .execute();
  if (violations.length > 0) {
    await audit(
      violations.map((v) => ({
        action: 'violation.record',
        targetType: 'violation',
        targetId: v.id,
        organisationId: v.organisation_id,
        regionCode: v.region_code,
        details: { type: 'late_upload', severity: severityOf('late_upload'), source: 'automatic', occurredAt: v.occurred_at.toISOString(), projectId: v.project_id, batchRef: v.batch_ref, sourceRef: v.source_ref },
      })),
    );
  }

  const recipients = await agencyRecipients(trx, locked);
  const notes: NewNotification[] = [];
  for (const b of locked) {
    for (const userId of recipients.get(b.id) ?? []) {
      notes.push({
        userId,
        kind: 'batch_locked',
        title: `批次 ${b.batch_number} 已锁定报告生成权限`,
        body: `${info.get(b.id)!.reason}。已记录迟传违规；此后上传的数据和影像记为补传，须经项目所在地住建部门处理后解锁。`,
        batchId: b.id,
        dedupeKey: `batch_locked:${b.id}:${now.toISOString()}`,
      });
    }
  }
  await notify(trx, now, notes);
  return locked.map((b) => b.id);
}

const LOCK_COLUMNS = [
  'id',
  'agency_id',
  'project_id',
  'region_code',
  'batch_number',
  'status',
  'opened_at',
  'completed_at',
  'first_sealed_at',
  'locked',
  'locked_at',
  'upload_owner_person_id',
  'missing_flagged_at',
] as const;

/**
 * After any change to a batch's timing (completion, seal, filing, decision, clearing), in the same transaction and
 * with the batch row held FOR UPDATE by the caller: rewrites the sweeper's instants from the rule and, if the batch is
 * already late, locks it at once. Returns whether it locked.
 */
export async function refreshDeadline(trx: Transaction<Database>, ctx: RequestContext, batchId: string): Promise<{ locked: boolean }> {
  const b = await trx.selectFrom('batches').select(LOCK_COLUMNS).where('id', '=', batchId).executeTakeFirstOrThrow();
  const filings = await currentFilings(trx, [batchId]);
  await trx.updateTable('batches').set(scheduleColumns(b, filings.get(batchId))).where('id', '=', batchId).execute();
  const locked = await lockBatches(trx, ctx, [b], filings);
  return { locked: locked.length > 0 };
}

export { LOCK_COLUMNS };
