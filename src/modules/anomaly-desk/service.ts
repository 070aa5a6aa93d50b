import { sql, type Kysely, type Transaction } from 'kysely';
import { requireRole, scopeOf, type RequestContext, type UserActor } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import type { BlobStore } from '../../kernel/blobs/blob-store.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { Database } from '../../kernel/db/types.ts';
import { badRequest, conflict, notFound } from '../../kernel/errors.ts';
import { pageBounds } from '../../kernel/http/schemas.ts';
import {
  ANOMALY_BULK_MAX,
  ANOMALY_CONFIRMED_VIOLATION_TYPE,
  ANOMALY_DECISION_REASON_MAX,
  ANOMALY_DECISION_REASON_MIN,
  ANOMALY_SEVERITIES,
} from '../../kernel/policy.ts';
import { ANOMALY_KINDS, anomalySeverity, batchVisibleTo, toAnomaly, type Anomaly, type AnomalyKind, type AnomalySeverity } from '../batches/index.ts';
import { isViolationType, recordViolation, VIOLATION_TYPE_LABELS, type ViolationType } from '../violations/index.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The department's anomaly desk (issue 12 item 4): one queue per jurisdiction, decisions one by one or for a batch. */
export interface DeskItem extends Anomaly {
  batchNumber: string;
  batchStatus: string;
  agencyName: string;
  projectId: string;
  projectName: string;
  /** For reuse: the image the platform takes for the original (from the evidence), when there is one. */
  originalImageId: string | null;
  /** The violation type a confirmation records unless the officer names another. */
  proposedViolationType: ViolationType;
  violationTypeLabel: string;
}

export interface DeskFilter {
  status?: 'open' | 'decided';
  severity?: AnomalySeverity;
  kind?: AnomalyKind;
  batchId?: string;
  page?: number;
  pageSize?: number;
}

export type DecisionInput = { decision: 'dismiss'; reason: string } | { decision: 'confirm'; reason: string; violationType?: ViolationType };

/** The suspected original an anomaly's evidence names (`otherImageId`, or `originalImageId` from the reuse search). */
export function originalImageOf(kind: string, details: Record<string, unknown>): string | null {
  if (kind !== 'duplicate_image') return null;
  const id = details.originalImageId ?? details.otherImageId;
  return typeof id === 'string' ? id : null;
}

/** The ledger type a confirmation records by default (policy ANOMALY_CONFIRMED_VIOLATION_TYPE, else `other`). */
export function proposedViolationType(kind: string): ViolationType {
  const t = ANOMALY_CONFIRMED_VIOLATION_TYPE[kind];
  return t && isViolationType(t) ? t : 'other';
}

/** The severity rank as SQL (critical first), so that the queue orders in the database and pages stay stable. */
function severityRank() {
  const whens = ANOMALY_KINDS.map((k) => sql`when ${k} then ${ANOMALY_SEVERITIES.indexOf(anomalySeverity(k))}`);
  return sql<number>`case a.kind ${sql.join(whens, sql` `)} else 0 end`;
}

function deskQuery(db: Db, ctx: RequestContext) {
  const scope = scopeOf(ctx.actor);
  return db
    .selectFrom('anomalies as a')
    .innerJoin('batches as b', 'b.id', 'a.batch_id')
    .innerJoin('organisations as ao', 'ao.id', 'a.agency_id')
    .innerJoin('projects as p', 'p.id', 'b.project_id')
    .selectAll('a')
    .select(['b.batch_number', 'b.status as batch_status', 'ao.name as agency_name', 'p.id as project_id', 'p.name as project_name'])
    .where((eb) => batchVisibleTo(scope, { agency: eb.ref('b.agency_id'), region: eb.ref('a.region_code'), project: eb.ref('b.project_id') }));
}

type DeskRow = Awaited<ReturnType<ReturnType<typeof deskQuery>['executeTakeFirstOrThrow']>>;

function toDeskItem(r: DeskRow): DeskItem {
  const a = toAnomaly(r);
  const proposed = proposedViolationType(a.kind);
  return {
    ...a,
    batchNumber: r.batch_number,
    batchStatus: r.batch_status,
    agencyName: r.agency_name,
    projectId: r.project_id,
    projectName: r.project_name,
    originalImageId: originalImageOf(a.kind, a.details),
    proposedViolationType: proposed,
    violationTypeLabel: VIOLATION_TYPE_LABELS[proposed],
  };
}

function officer(ctx: RequestContext): UserActor {
  return requireRole(ctx.actor, 'dept_officer');
}

function reasonOf(reason: string): string {
  const text = reason.trim();
  if (text.length < ANOMALY_DECISION_REASON_MIN || text.length > ANOMALY_DECISION_REASON_MAX) {
    throw badRequest('DECISION_REASON_REQUIRED', `请填写核查理由（${ANOMALY_DECISION_REASON_MIN}–${ANOMALY_DECISION_REASON_MAX} 字）`, 'body.reason');
  }
  return text;
}

/** Decides one open anomaly (row locked by the caller) and writes its audit row; a confirmation records the violation. */
async function decideRow(trx: Transaction<Database>, ctx: RequestContext, user: UserActor, row: DeskRow, input: DecisionInput, reason: string): Promise<void> {
  if (row.status !== 'open') throw conflict('ANOMALY_ALREADY_DECIDED', `异常“${toAnomaly(row).kindLabel}”已核查，不能重复决定`);
  let violationId: string | null = null;
  if (input.decision === 'confirm') {
    const type = input.violationType ?? proposedViolationType(row.kind);
    const { violation } = await recordViolation(trx, ctx, {
      organisationId: row.agency_id,
      type,
      occurredAt: row.detected_at,
      source: 'officer',
      evidence: { description: reason, anomalyKind: row.kind, anomalyId: row.id, batchNumber: row.batch_number, details: row.details },
      projectId: row.project_id,
      batchRef: row.batch_number,
      regionCode: row.region_code,
      // One violation per batch and type: several findings of one act in one batch are one violation.
      sourceRef: `anomaly:${row.batch_id}:${type}`,
    });
    violationId = violation.id;
  }
  await trx
    .updateTable('anomalies')
    .set({
      status: 'acknowledged',
      acknowledged_at: ctx.now,
      acknowledged_by: user.id,
      acknowledge_note: reason,
      decision: input.decision === 'confirm' ? 'confirmed' : 'dismissed',
      violation_id: violationId,
      decided_by_name: user.displayName,
    })
    .where('id', '=', row.id)
    .execute();
  await recordAudit(trx, ctx, {
    action: input.decision === 'confirm' ? 'anomaly.confirm' : 'anomaly.dismiss',
    targetType: 'anomaly',
    targetId: row.id,
    organisationId: row.agency_id,
    regionCode: row.region_code,
    details: { batchId: row.batch_id, batchNumber: row.batch_number, kind: row.kind, reason, ...(violationId ? { violationId } : {}) },
  });
}

export class AnomalyDeskService {
  readonly #db: Kysely<Database>;
  readonly #blobs: BlobStore;
  constructor(deps: Pick<AppDeps, 'db' | 'blobs'>) {
    this.#db = deps.db;
    this.#blobs = deps.blobs;
  }

  /** The queue of the officer's jurisdiction: open first by default, most serious first, then oldest first. */
  async queue(ctx: RequestContext, f: DeskFilter): Promise<{ items: DeskItem[]; total: number; open: number; blockingOpen: number }> {
    officer(ctx);
    let q = deskQuery(this.#db, ctx);
    q = f.status === 'decided' ? q.where('a.status', '<>', 'open') : q.where('a.status', '=', 'open');
    if (f.kind) q = q.where('a.kind', '=', f.kind);
    if (f.severity) q = q.where('a.kind', 'in', ANOMALY_KINDS.filter((k) => anomalySeverity(k) === f.severity));
    if (f.batchId) q = q.where('a.batch_id', '=', f.batchId);
    const { limit, offset } = pageBounds(f);
    const ordered = f.status === 'decided' ? q.orderBy('a.acknowledged_at', 'desc') : q.orderBy(severityRank()).orderBy('a.detected_at', 'asc');
    const rows = await ordered.orderBy('a.id').limit(limit).offset(offset).execute();
    const count = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const open = await deskQuery(this.#db, ctx)
      .where('a.status', '=', 'open')
      .clearSelect()
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.countAll<number>().filterWhere('a.kind', 'not in', ANOMALY_KINDS.filter((k) => anomalySeverity(k) === 'minor')).as('blocking')])
      .executeTakeFirstOrThrow();
    return { items: rows.map(toDeskItem), total: Number(count.n), open: Number(open.n), blockingOpen: Number(open.blocking) };
  }

  /** One anomaly with its evidence (in the officer's jurisdiction; 404 outside it). */
  async get(ctx: RequestContext, id: string): Promise<DeskItem> {
    officer(ctx);
    const row = await deskQuery(this.#db, ctx).where('a.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('ANOMALY_NOT_FOUND', '异常不存在或无权查看');
    return toDeskItem(row);
  }

  /** Dismiss with a reason, or confirm (records a violation on the ledger, which runs the ladder). Audited; once. */
  async decide(ctx: RequestContext, id: string, input: DecisionInput): Promise<DeskItem> {
    const user = officer(ctx);
    const reason = reasonOf(input.reason);
    await this.#db.transaction().execute(async (trx) => {
      const row = await deskQuery(trx, ctx).where('a.id', '=', id).forUpdate('a').executeTakeFirst();
      if (!row) throw notFound('ANOMALY_NOT_FOUND', '异常不存在或无权查看');
      await decideRow(trx, ctx, user, row, input, reason);
    });
    return this.get(ctx, id);
  }

  /**
   * One decision for several open anomalies of one batch (all of them when `anomalyIds` is absent), in one
   * transaction: every one is decided and audited, or none.
   */
  async decideBatch(ctx: RequestContext, batchId: string, input: DecisionInput & { anomalyIds?: string[] }): Promise<{ decided: number; items: DeskItem[] }> {
    const user = officer(ctx);
    const reason = reasonOf(input.reason);
    const ids = await this.#db.transaction().execute(async (trx) => {
      let q = deskQuery(trx, ctx).where('a.batch_id', '=', batchId).where('a.status', '=', 'open');
      if (input.anomalyIds) {
        if (input.anomalyIds.length === 0) throw badRequest('ANOMALIES_REQUIRED', '请选择要核查的异常', 'body.anomalyIds');
        q = q.where('a.id', 'in', input.anomalyIds);
      }
      const rows = await q.orderBy('a.detected_at').orderBy('a.id').limit(ANOMALY_BULK_MAX + 1).forUpdate('a').execute();
      if (rows.length > ANOMALY_BULK_MAX) throw badRequest('TOO_MANY_ANOMALIES', `一次最多核查 ${ANOMALY_BULK_MAX} 项异常`, 'body.anomalyIds');
      if (input.anomalyIds) {
        const found = new Set(rows.map((r) => r.id));
        const missing = input.anomalyIds.findIndex((x) => !found.has(x));
        if (missing >= 0) throw conflict('ANOMALY_NOT_OPEN', '所选异常不属于该批次、已核查或无权查看', `body.anomalyIds.${missing}`);
      }
      if (rows.length === 0) throw conflict('NO_OPEN_ANOMALIES', '该批次没有待核查的异常');
      for (const row of rows) await decideRow(trx, ctx, user, row, input, reason);
      return rows.map((r) => r.id);
    });
    const rows = await deskQuery(this.#db, ctx).where('a.id', 'in', ids).orderBy('a.detected_at').execute();
    return { decided: ids.length, items: rows.map(toDeskItem) };
  }

  /**
   * The thumbnail of the picture a reuse anomaly takes for the original, side by side with the flagged one. The
   * anomaly is the officer's to decide, so its evidence is shown even when the original belongs to a batch of another
   * jurisdiction; nothing else of that batch is.
   */
  async originalThumbnail(ctx: RequestContext, id: string): Promise<{ sha256: string; stream: NodeJS.ReadableStream }> {
    const item = await this.get(ctx, id);
    if (!item.originalImageId) throw notFound('ANOMALY_ORIGINAL_NONE', '该异常没有疑似原图');
    const a = await this.#db.selectFrom('image_analyses').select('thumbnail_sha256').where('image_id', '=', item.originalImageId).executeTakeFirst();
    if (!a?.thumbnail_sha256) throw notFound('IMAGE_THUMBNAIL_UNAVAILABLE', '疑似原图没有缩略图');
    return { sha256: a.thumbnail_sha256, stream: await this.#blobs.open(a.thumbnail_sha256) };
  }
}

export type { Db };
