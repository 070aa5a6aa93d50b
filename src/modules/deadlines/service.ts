import type { Readable } from 'node:stream';
import type { Kysely, Transaction } from 'kysely';
import { hasRole, requireAuthenticated, requireRole, scopeOf, type MachineActor, type RequestContext, type UserActor } from '../../kernel/auth/actor.ts';
import type { BlobStore } from '../../kernel/blobs/blob-store.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { Database } from '../../kernel/db/types.ts';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../../kernel/errors.ts';
import { pageBounds } from '../../kernel/http/schemas.ts';
import {
  CLIENT_CLOCK_TOLERANCE_MS,
  durations,
  FORCE_MAJEURE_CLEARED_UPLOAD_MS,
  FORCE_MAJEURE_FILING_WINDOW_MS,
  FORCE_MAJEURE_MAX_DOCUMENTS,
  FORCE_MAJEURE_MAX_SUSPENSION_MS,
  UPLOAD_DEADLINE_MS,
} from '../../kernel/policy.ts';
import { beijingDate, beijingTime } from '../../kernel/time.ts';
import { type BatchRow, batchVisibleTo, currentFilings, deadlineView, type DeadlineView, findVisibleBatch, forceMajeureFilingAllowed, type ForceMajeureStatus, refreshDeadline, timingOf, writeBatchEvent } from '../batches/index.ts';
import { useDocument } from '../documents/index.ts';
import { agencyRecipients, departmentRecipients, notify } from '../notifications/index.ts';
import { supplementaryUploads } from '../violations/index.ts';
import { handlingDepartmentRegion } from '../projects/index.ts';
import type { ForceMajeureFilingRow } from './tables.ts';
import './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

export const FORCE_MAJEURE_STATUS_LABELS: Record<ForceMajeureStatus, string> = { pending: '待审核', accepted: '已同意', rejected: '已驳回' };

export interface ForceMajeureFiling {
  id: string;
  batchId: string;
  batchNumber: string;
  agency: { id: string; name: string };
  project: { id: string; name: string };
  regionCode: string;
  department: { regionCode: string; regionName: string; id: string | null; name: string | null };
  reason: string;
  filedAt: string;
  filedByName: string;
  filedByType: 'user' | 'machine';
  status: ForceMajeureStatus;
  statusLabel: string;
  decidedAt: string | null;
  decidedByName: string | null;
  decisionReason: string | null;
  clearedAt: string | null;
  clearedDeclaredAt: string | null;
  clearedNote: string | null;
  /** Completion + 2 h: the deadline the filing suspends. */
  originalDeadline: string | null;
  /** Clearing + 2 h, once the fault is declared cleared. */
  clearedDeadline: string | null;
  documents: { id: string; sha256: string; filename: string; contentType: string; size: number }[];
}

export interface BatchDeadlineInfo {
  batchId: string;
  batchNumber: string;
  status: BatchRow['status'];
  completedAt: string | null;
  sealedAt: string | null;
  deadline: DeadlineView;
  lock: { locked: boolean; lockedAt: string | null; lockReason: string | null; unlockedAt: string | null; unlockReason: string | null };
  /** Latest first. */
  filings: ForceMajeureFiling[];
  /** What the caller may do now (the console's buttons; the API checks again). */
  can: { file: boolean; clear: boolean; unlock: boolean };
  /** The last instant a filing is accepted (completion + 2 h), while it is still ahead. */
  filingWindowEndsAt: string | null;
}

export interface FilingFilter {
  status?: ForceMajeureStatus;
  batchId?: string;
  /** Only the filings the caller's department decides. */
  inbox?: boolean;
  page?: number;
  pageSize?: number;
}

const FILING_NOT_FOUND = () => notFound('FORCE_MAJEURE_NOT_FOUND', '不可抗力报备不存在或无权查看');
const iso = (d: Date | null) => (d ? d.toISOString() : null);
/** `d` moved on by one of the policy's periods (the 2-hour windows), or null. */
const plus = (d: Date | null, ms: number) => (d ? new Date(d.getTime() + ms) : null);

/** The agency's people who act on a batch's deadline (upload owner, testers, administrator) and its systems. */
function assertAgencyActor(ctx: RequestContext, agencyId: string): UserActor | MachineActor {
  const a = requireAuthenticated(ctx.actor);
  if (a.organisation?.id !== agencyId) throw forbidden('BATCH_AGENCY_ONLY', '只有承担该批次的检测机构可以办理');
  if (a.kind === 'user' && !hasRole(a, 'upload_owner', 'tester', 'agency_admin')) throw forbidden('AGENCY_ROLE_REQUIRED', '只有本机构的上传负责人、检测人员或机构管理员可以办理');
  return a;
}

function assertDepartmentOfficer(ctx: RequestContext): UserActor & { organisation: NonNullable<UserActor['organisation']> } {
  const officer = requireRole(ctx.actor, 'dept_officer');
  if (officer.organisation?.type !== 'department') throw forbidden('DEPARTMENT_OFFICER_REQUIRED', '只有住建部门监管人员可以办理');
  return officer as UserActor & { organisation: NonNullable<UserActor['organisation']> };
}

function visibleFilings(db: Db, ctx: RequestContext) {
  const scope = scopeOf(ctx.actor);
  return db
    .selectFrom('force_majeure_filings as f')
    .innerJoin('batches as b', 'b.id', 'f.batch_id')
    .innerJoin('organisations as ao', 'ao.id', 'f.agency_id')
    .innerJoin('projects as p', 'p.id', 'f.project_id')
    .innerJoin('regions as dr', 'dr.code', 'f.department_region_code')
    .leftJoin('organisations as dept', 'dept.id', 'f.department_id')
    .selectAll('f')
    .select(['b.batch_number', 'b.completed_at as batch_completed_at', 'ao.name as agency_name', 'p.name as project_name', 'dr.name as department_region_name', 'dept.name as department_name'])
    .where((eb) => batchVisibleTo(scope, { agency: eb.ref('f.agency_id'), region: eb.ref('f.region_code'), project: eb.ref('f.project_id') }));
}

type FilingListRow = ForceMajeureFilingRow & {
  batch_number: string;
  batch_completed_at: Date | null;
  agency_name: string;
  project_name: string;
  department_region_name: string;
  department_name: string | null;
};

async function toFilings(db: Db, rows: FilingListRow[]): Promise<ForceMajeureFiling[]> {
  const docs =
    rows.length === 0
      ? []
      : await db
          .selectFrom('force_majeure_documents as fd')
          .innerJoin('documents as d', 'd.id', 'fd.document_id')
          .select(['fd.filing_id', 'd.id', 'fd.sha256', 'd.filename', 'd.content_type', 'd.size'])
          .where(
            'fd.filing_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('d.uploaded_at')
          .execute();
  return rows.map((r) => ({
    id: r.id,
    batchId: r.batch_id,
    batchNumber: r.batch_number,
    agency: { id: r.agency_id, name: r.agency_name },
    project: { id: r.project_id, name: r.project_name },
    regionCode: r.region_code,
    department: { regionCode: r.department_region_code, regionName: r.department_region_name, id: r.department_id, name: r.department_name },
    reason: r.reason,
    filedAt: r.filed_at.toISOString(),
    filedByName: r.filed_by_name,
    filedByType: r.filed_by_type,
    status: r.status,
    statusLabel: FORCE_MAJEURE_STATUS_LABELS[r.status],
    decidedAt: iso(r.decided_at),
    decidedByName: r.decided_by_name,
    decisionReason: r.decision_reason,
    clearedAt: iso(r.cleared_at),
    clearedDeclaredAt: iso(r.cleared_declared_at),
    clearedNote: r.cleared_note,
    originalDeadline: iso(plus(r.batch_completed_at, UPLOAD_DEADLINE_MS)),
    clearedDeadline: iso(plus(r.cleared_at, FORCE_MAJEURE_CLEARED_UPLOAD_MS)),
    documents: docs.filter((d) => d.filing_id === r.id).map((d) => ({ id: d.id, sha256: d.sha256, filename: d.filename, contentType: d.content_type, size: d.size })),
  }));
}

/**
 * Force-majeure filings (不可抗力报备), the department's decision, the agency's clearing, the officers' unlock, and the
 * deadline view of one batch (issue 5 items 2 and 4). Every change re-derives the batch's deadline through
 * `refreshDeadline` in the same transaction, so a decision that leaves the batch late locks it at once.
 */
export class DeadlineService {
  readonly #db: Kysely<Database>;
  readonly #blobs: BlobStore;
  constructor(deps: Pick<AppDeps, 'db' | 'blobs'>) {
    this.#db = deps.db;
    this.#blobs = deps.blobs;
  }

  async batchDeadline(ctx: RequestContext, batchId: string, db: Db = this.#db): Promise<BatchDeadlineInfo> {
    const b = await findVisibleBatch(db, ctx, batchId);
    const rows = (await visibleFilings(db, ctx).where('f.batch_id', '=', batchId).orderBy('f.filed_at', 'desc').orderBy('f.id', 'desc').execute()) as FilingListRow[];
    const filings = await toFilings(db, rows);
    const current = (await currentFilings(db, [batchId])).get(batchId);
    const view = deadlineView(timingOf(b, current), ctx.now);
    const a = ctx.actor;
    const isAgency = (a.kind === 'user' || a.kind === 'machine') && a.organisation?.id === b.agency_id && (a.kind === 'machine' || hasRole(a, 'upload_owner', 'tester', 'agency_admin'));
    const isOfficer = a.kind === 'user' && hasRole(a, 'dept_officer') && a.organisation?.type === 'department';
    const windowOpen = b.completed_at !== null && forceMajeureFilingAllowed(b.completed_at, ctx.now);
    const active = current && current.status !== 'rejected';
    return {
      batchId: b.id,
      batchNumber: b.batch_number,
      status: b.status,
      completedAt: iso(b.completed_at),
      sealedAt: iso(b.first_sealed_at),
      deadline: view,
      lock: { locked: b.locked, lockedAt: iso(b.locked_at), lockReason: b.lock_reason, unlockedAt: iso(b.unlocked_at), unlockReason: b.unlock_reason },
      filings,
      can: {
        file: isAgency && windowOpen && !active && !b.locked && b.first_sealed_at === null,
        clear: isAgency && current?.status === 'accepted' && current.cleared_at === null,
        unlock: isOfficer && b.locked,
      },
      filingWindowEndsAt: b.completed_at && windowOpen ? iso(plus(b.completed_at, FORCE_MAJEURE_FILING_WINDOW_MS)) : null,
    };
  }

  /** The agency files within 2 h of completion, with a reason and evidence, to the department where the project is. */
  async file(ctx: RequestContext, batchId: string, input: { reason: string; documentIds?: string[] }): Promise<ForceMajeureFiling> {
    const reason = input.reason.trim();
    const documentIds = input.documentIds ?? [];
    return this.#db.transaction().execute(async (trx) => {
      const b = await findVisibleBatch(trx, ctx, batchId, 'update');
      const actor = assertAgencyActor(ctx, b.agency_id);
      if (reason.length < 4) throw badRequest('REASON_REQUIRED', '请说明不可抗力的情况（至少 4 个字）', 'body.reason');
      if (documentIds.length > FORCE_MAJEURE_MAX_DOCUMENTS) throw badRequest('TOO_MANY_DOCUMENTS', `证明材料最多 ${FORCE_MAJEURE_MAX_DOCUMENTS} 份`, 'body.documentIds');
      if (new Set(documentIds).size !== documentIds.length) throw badRequest('DOCUMENT_DUPLICATE', '证明材料重复', 'body.documentIds');
      if (actor.kind === 'machine' && documentIds.length > 0) {
        throw badRequest('DOCUMENTS_CONSOLE_ONLY', '证明材料请由机构人员在控制台上传并附加；接口报备只提交情况说明', 'body.documentIds');
      }
      if (!b.completed_at) throw conflict('BATCH_NOT_COMPLETED', '请先申报现场检测完成时间，再进行不可抗力报备');
      if (!forceMajeureFilingAllowed(b.completed_at, ctx.now)) {
        throw unprocessable('FORCE_MAJEURE_WINDOW_CLOSED', `不可抗力报备须在现场检测完成后 2 小时内（${beijingTime(plus(b.completed_at, FORCE_MAJEURE_FILING_WINDOW_MS)!)} 前）提交，已超过时限`, 'body');
      }
      if (b.locked) throw conflict('BATCH_LOCKED', '批次已锁定报告生成权限，不能再报备');
      if (b.first_sealed_at) throw conflict('BATCH_ALREADY_SEALED', '批次已封存，无需报备');
      const current = (await currentFilings(trx, [batchId])).get(batchId);
      if (current && current.status !== 'rejected') throw conflict('FORCE_MAJEURE_EXISTS', '本批次已有待审核或已同意的不可抗力报备');
      const docs = [];
      for (const [i, id] of documentIds.entries()) docs.push(await useDocument(trx, ctx, id, `body.documentIds.${i}`));

      const deptRegion = (await handlingDepartmentRegion(trx, b.region_code)) ?? b.region_code;
      const dept = await trx
        .selectFrom('organisations')
        .select(['id', 'name'])
        .where('type', '=', 'department')
        .where('region_code', '=', deptRegion)
        .where('status', '=', 'active')
        .orderBy('created_at')
        .limit(1)
        .executeTakeFirst();
      const filing = await trx
        .insertInto('force_majeure_filings')
        .values({
          batch_id: b.id,
          agency_id: b.agency_id,
          project_id: b.project_id,
          region_code: b.region_code,
          department_region_code: deptRegion,
          department_id: dept?.id ?? null,
          reason,
          filed_at: ctx.now,
          filed_by_type: actor.kind,
          filed_by_id: actor.id,
          filed_by_name: actor.kind === 'user' ? actor.displayName : actor.name,
          decided_at: null,
          decided_by: null,
          decided_by_name: null,
          decision_reason: null,
          cleared_at: null,
          cleared_declared_at: null,
          cleared_by_name: null,
          cleared_note: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (docs.length > 0) await trx.insertInto('force_majeure_documents').values(docs.map((d) => ({ filing_id: filing.id, document_id: d.id, sha256: d.sha256 }))).execute();
      await refreshDeadline(trx, ctx, b.id);
      await writeBatchEvent(trx, ctx, b, {
        event: 'force_majeure.file',
        from: b.status,
        to: b.status,
        reason,
        details: { filingId: filing.id, departmentRegionCode: deptRegion, departmentId: dept?.id ?? null, documents: docs.map((d) => d.sha256), completedAt: b.completed_at.toISOString() },
      });
      const officers = await departmentRecipients(trx, deptRegion);
      await notify(
        trx,
        ctx.now,
        officers.map((userId) => ({
          userId,
          kind: 'force_majeure_filed' as const,
          title: `不可抗力报备待审核：批次 ${b.batch_number}`,
          body: `检测机构报备：${reason.slice(0, 200)}。审核期间该批次暂停锁定。`,
          batchId: b.id,
          filingId: filing.id,
          dedupeKey: `force_majeure_filed:${filing.id}`,
        })),
      );
      return this.#filing(trx, ctx, filing.id);
    });
  }

  /** The responsible department accepts or rejects a pending filing (a rejection needs a reason). */
  async decide(ctx: RequestContext, filingId: string, input: { decision: 'accept' | 'reject'; reason?: string | null }): Promise<ForceMajeureFiling> {
    const why = input.reason?.trim() ?? '';
    return this.#db.transaction().execute(async (trx) => {
      const f = await visibleFilings(trx, ctx).where('f.id', '=', filingId).executeTakeFirst();
      if (!f) throw FILING_NOT_FOUND();
      const officer = assertDepartmentOfficer(ctx);
      if (officer.organisation.regionCode !== f.department_region_code) {
        throw forbidden('FORCE_MAJEURE_OTHER_DEPARTMENT', `该报备由${f.department_region_name}住建部门审核`);
      }
      if (input.decision === 'reject' && why.length < 2) throw badRequest('REASON_REQUIRED', '驳回须说明理由', 'body.reason');
      // The batch first, then the filing: the order the sweeper and the agency's requests take them.
      const b = await findVisibleBatch(trx, ctx, f.batch_id, 'update');
      const locked = await trx.selectFrom('force_majeure_filings').select('status').where('id', '=', filingId).forUpdate().executeTakeFirstOrThrow();
      if (locked.status !== 'pending') throw conflict('FORCE_MAJEURE_ALREADY_DECIDED', '该报备已审核');
      const status = input.decision === 'accept' ? 'accepted' : 'rejected';
      await trx
        .updateTable('force_majeure_filings')
        .set({ status, decided_at: ctx.now, decided_by: officer.id, decided_by_name: officer.displayName, decision_reason: why || null })
        .where('id', '=', filingId)
        .execute();
      await writeBatchEvent(trx, ctx, b, { event: `force_majeure.${input.decision}`, from: b.status, to: b.status, reason: why || null, details: { filingId } });
      // A rejection restores the original deadline: if it has passed, the batch is locked here and now.
      const { locked: lockedNow } = await refreshDeadline(trx, ctx, b.id);
      const recipients = (await agencyRecipients(trx, [b])).get(b.id) ?? [];
      const verdict = input.decision === 'accept' ? '已同意' : '已驳回';
      const after =
        input.decision === 'accept'
          ? `锁定暂停；故障排除后请在平台申报排除时间，并在排除后 2 小时内完成全部信息的上传。同意后 ${FORCE_MAJEURE_MAX_SUSPENSION_MS / durations.HOUR} 小时内未申报排除的，视为已排除，须在 ${beijingTime(new Date(ctx.now.getTime() + FORCE_MAJEURE_MAX_SUSPENSION_MS + FORCE_MAJEURE_CLEARED_UPLOAD_MS))} 前完成上传。`
          : lockedNow
            ? '原截止时间已过，批次已锁定报告生成权限。'
            : `恢复原截止时间 ${beijingTime(plus(b.completed_at, UPLOAD_DEADLINE_MS)!)}。`;
      await notify(
        trx,
        ctx.now,
        recipients.map((userId) => ({
          userId,
          kind: 'force_majeure_decided' as const,
          title: `不可抗力报备${verdict}：批次 ${b.batch_number}`,
          body: `${f.department_region_name}住建部门${verdict}报备${why ? `（${why.slice(0, 200)}）` : ''}。${after}`,
          batchId: b.id,
          filingId,
          dedupeKey: `force_majeure_decided:${filingId}`,
        })),
      );
      return this.#filing(trx, ctx, filingId);
    });
  }

  /** The agency declares the fault cleared at C (not before the filing, not in the future): the deadline becomes C + 2 h. */
  async clear(ctx: RequestContext, filingId: string, input: { clearedAt: Date; note?: string | null }): Promise<ForceMajeureFiling> {
    const note = input.note?.trim() || null;
    return this.#db.transaction().execute(async (trx) => {
      const f = await visibleFilings(trx, ctx).where('f.id', '=', filingId).executeTakeFirst();
      if (!f) throw FILING_NOT_FOUND();
      const actor = assertAgencyActor(ctx, f.agency_id);
      const b = await findVisibleBatch(trx, ctx, f.batch_id, 'update');
      const cur = await trx.selectFrom('force_majeure_filings').select(['status', 'cleared_at']).where('id', '=', filingId).forUpdate().executeTakeFirstOrThrow();
      if (cur.status !== 'accepted') throw conflict('FORCE_MAJEURE_NOT_ACCEPTED', '只有已同意的报备才能申报故障排除');
      if (cur.cleared_at) throw conflict('FORCE_MAJEURE_ALREADY_CLEARED', '已申报故障排除时间，不能更改');
      if (input.clearedAt.getTime() < f.filed_at.getTime()) throw unprocessable('CLEARED_BEFORE_FILING', '故障排除时间不能早于报备时间', 'body.clearedAt');
      if (input.clearedAt.getTime() > ctx.now.getTime() + CLIENT_CLOCK_TOLERANCE_MS) throw unprocessable('CLEARED_IN_FUTURE', '故障排除时间不能晚于当前时间', 'body.clearedAt');
      await trx
        .updateTable('force_majeure_filings')
        .set({ cleared_at: input.clearedAt, cleared_declared_at: ctx.now, cleared_by_name: actor.kind === 'user' ? actor.displayName : actor.name, cleared_note: note })
        .where('id', '=', filingId)
        .execute();
      await writeBatchEvent(trx, ctx, b, {
        event: 'force_majeure.clear',
        from: b.status,
        to: b.status,
        reason: note,
        details: { filingId, clearedAt: input.clearedAt.toISOString(), deadline: plus(input.clearedAt, FORCE_MAJEURE_CLEARED_UPLOAD_MS)!.toISOString() },
      });
      // C + 2 h may already have passed (a clearing declared late): then the batch is locked at once.
      await refreshDeadline(trx, ctx, b.id);
      return this.#filing(trx, ctx, filingId);
    });
  }

  /** An officer of the project's jurisdiction unlocks a locked batch after handling, with a reason. */
  async unlock(ctx: RequestContext, batchId: string, reason: string): Promise<BatchDeadlineInfo> {
    const why = reason.trim();
    return this.#db.transaction().execute(async (trx) => {
      // Scope in SQL: a batch outside the officer's jurisdiction is 404.
      const b = await findVisibleBatch(trx, ctx, batchId, 'update');
      const officer = assertDepartmentOfficer(ctx);
      if (why.length < 2) throw badRequest('REASON_REQUIRED', '解锁须说明处理情况和理由', 'body.reason');
      if (!b.locked) throw conflict('BATCH_NOT_LOCKED', '批次未锁定');
      await trx
        .updateTable('batches')
        .set({ locked: false, unlocked_at: ctx.now, unlocked_by: officer.id, unlock_reason: why, row_version: b.row_version + 1 })
        .where('id', '=', batchId)
        .execute();
      await writeBatchEvent(trx, ctx, b, { event: 'unlock', from: b.status, to: b.status, reason: why, details: { lockedAt: iso(b.locked_at), lockReason: b.lock_reason, departmentId: officer.organisation.id } });
      const recipients = (await agencyRecipients(trx, [b])).get(b.id) ?? [];
      await notify(
        trx,
        ctx.now,
        recipients.map((userId) => ({
          userId,
          kind: 'batch_unlocked' as const,
          title: `批次 ${b.batch_number} 已解锁`,
          body: `${officer.organisation.name}已处理并解锁报告生成权限：${why.slice(0, 300)}。此后上传仍记为补传。`,
          batchId: b.id,
          dedupeKey: `batch_unlocked:${b.id}:${ctx.now.toISOString()}`,
        })),
      );
      return this.batchDeadline(ctx, batchId, trx);
    });
  }

  async listFilings(ctx: RequestContext, f: FilingFilter): Promise<{ items: ForceMajeureFiling[]; total: number }> {
    requireAuthenticated(ctx.actor);
    let q = visibleFilings(this.#db, ctx);
    if (f.inbox) {
      const officer = assertDepartmentOfficer(ctx);
      q = q.where('f.department_region_code', '=', officer.organisation.regionCode);
    }
    if (f.status) q = q.where('f.status', '=', f.status);
    if (f.batchId) q = q.where('f.batch_id', '=', f.batchId);
    const { limit, offset } = pageBounds(f);
    const rows = (await q.orderBy('f.filed_at', 'desc').orderBy('f.id').limit(limit).offset(offset).execute()) as FilingListRow[];
    const count = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { items: await toFilings(this.#db, rows), total: Number(count.n) };
  }

  async getFiling(ctx: RequestContext, id: string): Promise<ForceMajeureFiling> {
    requireAuthenticated(ctx.actor);
    return this.#filing(this.#db, ctx, id);
  }

  /** A filing's evidence, for whoever sees the filing (the deciding department may be outside the agency's region). */
  async openDocument(ctx: RequestContext, filingId: string, documentId: string): Promise<{ contentType: string; filename: string; sha256: string; stream: Readable }> {
    const filing = await this.#filing(this.#db, ctx, filingId);
    const doc = filing.documents.find((d) => d.id === documentId);
    if (!doc) throw notFound('DOCUMENT_NOT_FOUND', '文件不存在或无权查看');
    return { contentType: doc.contentType, filename: doc.filename, sha256: doc.sha256, stream: await this.#blobs.open(doc.sha256) };
  }

  /** 补传 of an agency in a Beijing calendar year: the agency itself, the departments and the platform read it. */
  async supplementary(ctx: RequestContext, agencyId: string, year: number | undefined): Promise<{ agencyId: string; year: number; batches: number; uploads: number }> {
    const a = requireAuthenticated(ctx.actor);
    const scope = scopeOf(a);
    if (scope.kind === 'organisation' && scope.organisationId !== agencyId) throw notFound('AGENCY_NOT_FOUND', '检测机构不存在或无权查看');
    const agency = await this.#db.selectFrom('organisations').select('id').where('id', '=', agencyId).where('type', '=', 'agency').executeTakeFirst();
    if (!agency) throw notFound('AGENCY_NOT_FOUND', '检测机构不存在或无权查看');
    const y = year ?? Number(beijingDate(ctx.now).slice(0, 4));
    return { agencyId, year: y, ...(await supplementaryUploads(this.#db, agencyId, y)) };
  }

  async #filing(db: Db, ctx: RequestContext, id: string): Promise<ForceMajeureFiling> {
    const row = (await visibleFilings(db, ctx).where('f.id', '=', id).executeTakeFirst()) as FilingListRow | undefined;
    if (!row) throw FILING_NOT_FOUND();
    return (await toFilings(db, [row]))[0]!;
  }
}
