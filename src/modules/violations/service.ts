import { sql, type Kysely, type SqlBool, type Expression, type Transaction } from 'kysely';
import { requireAuthenticated, requireRole, requireUser, scopeOf, type OrganisationType, type RequestContext, type Scope } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import type { Database } from '../../kernel/db/types.ts';
import { containsPattern, regionInSubtree, visibleTo } from '../../kernel/db/scope-sql.ts';
import { badRequest, conflict, forbidden, notFound } from '../../kernel/errors.ts';
import { writeXlsx } from '../../kernel/export/xlsx.ts';
import { VIOLATION_EXPORT_MAX_ROWS } from '../../kernel/policy.ts';
import { beijingYear, formatBeijing } from '../../kernel/time.ts';
import { reassessOrganisation } from './reassess.ts';
import type { ViolationRow } from './tables.ts';
import { severityOf, SEVERITY_LABELS, VIOLATION_TYPE_LABELS, type Severity, type ViolationSource, type ViolationType } from './types.ts';
import './tables.ts';

export interface NewViolation {
  /** The organisation in violation (agency, supervision unit, construction unit…). */
  organisationId: string;
  type: ViolationType;
  occurredAt: Date;
  source: ViolationSource;
  /** What shows it: times, ids, hashes. Never a clear ID number or other secret. */
  evidence: Record<string, unknown>;
  /** The person concerned: a user id or a short description. */
  personRef?: string | null;
  /** null (the default): not yet determined. */
  intentional?: boolean | null;
  projectId?: string | null;
  batchRef?: string | null;
  /** The handling department's region; by default the project's, or else the organisation's own. */
  regionCode?: string | null;
  /** For automatic records: what caused it ('batch:<id>:late'). The same cause records one violation only. */
  sourceRef?: string | null;
}

export interface Violation {
  id: string;
  organisationId: string;
  organisationName: string;
  organisationType: OrganisationType;
  personRef: string | null;
  type: ViolationType;
  typeLabel: string;
  severity: Severity;
  severityLabel: string;
  occurredAt: string;
  source: ViolationSource;
  intentional: boolean | null;
  evidence: Record<string, unknown>;
  regionCode: string;
  regionName: string;
  projectId: string | null;
  batchRef: string | null;
  createdAt: string;
  recordedBy: { id: string; name: string } | null;
  /** Its place in the credit record (五): pending until settled, then counted or exempt. */
  creditStatus: CreditStatus;
}

export type CreditStatus = 'pending' | 'counts' | 'exempt';

export interface ViolationFilter {
  type?: ViolationType;
  organisationType?: OrganisationType;
  /** Contains, case-insensitive. */
  personRef?: string;
  source?: ViolationSource;
  organisationId?: string;
  projectId?: string;
  severity?: Severity;
  /** occurred_at ≥ from */
  from?: string;
  /** occurred_at < to */
  to?: string;
  page?: number;
  pageSize?: number;
}

type Row = ViolationRow & { organisation_name: string; organisation_type: OrganisationType; region_name: string; recorded_by_name: string | null; credit_kind: string | null };

const toViolation = (r: Row): Violation => ({
  id: r.id,
  organisationId: r.organisation_id,
  organisationName: r.organisation_name,
  organisationType: r.organisation_type,
  personRef: r.person_ref,
  type: r.type,
  typeLabel: VIOLATION_TYPE_LABELS[r.type],
  severity: r.severity,
  severityLabel: SEVERITY_LABELS[r.severity],
  occurredAt: r.occurred_at.toISOString(),
  source: r.source,
  intentional: r.intentional,
  evidence: r.evidence,
  regionCode: r.region_code,
  regionName: r.region_name,
  projectId: r.project_id,
  batchRef: r.batch_ref,
  createdAt: r.created_at.toISOString(),
  recordedBy: r.recorded_by ? { id: r.recorded_by, name: r.recorded_by_name ?? '' } : null,
  creditStatus: r.credit_kind === 'violation' ? 'counts' : r.credit_kind === 'exemption' ? 'exempt' : 'pending',
});

/**
 * Who sees a violation: its organisation; a department whose jurisdiction holds either the handling region or the
 * organisation's own region (a county sees its own firms' records wherever they were found); administrators.
 */
function violationVisible(scope: Scope, cols: { organisation: Expression<string>; handlingRegion: Expression<string>; orgRegion: Expression<string> }): Expression<SqlBool> {
  if (scope.kind !== 'region') return visibleTo(scope, { organisation: cols.organisation, region: cols.handlingRegion });
  return sql<SqlBool>`(${regionInSubtree(cols.handlingRegion, scope.regionCode)} or ${regionInSubtree(cols.orgRegion, scope.regionCode)})`;
}

function baseQuery(db: Kysely<Database> | Transaction<Database>) {
  return db
    .selectFrom('violations as v')
    .innerJoin('organisations as o', 'o.id', 'v.organisation_id')
    .innerJoin('regions as r', 'r.code', 'v.region_code')
    .leftJoin('users as u', 'u.id', 'v.recorded_by')
    .leftJoin('credit_entries as ce', 'ce.violation_id', 'v.id')
    .selectAll('v')
    .select(['o.name as organisation_name', 'o.type as organisation_type', 'r.name as region_name', 'u.display_name as recorded_by_name', 'ce.kind as credit_kind']);
}

/**
 * Records a violation in the caller's transaction, with its audit row: for other modules (the 2-hour rule, witness
 * changes, officers' findings). Severity comes from policy. With a `sourceRef` already recorded, returns that
 * violation and records nothing (`created: false`).
 */
export async function recordViolation(
  trx: Transaction<Database>,
  ctx: RequestContext,
  v: NewViolation,
): Promise<{ violation: Violation; created: boolean }> {
  const recordedBy = v.source === 'officer' ? requireUser(ctx.actor).id : null;
  if (v.sourceRef) {
    const existing = await baseQuery(trx).where('v.source_ref', '=', v.sourceRef).executeTakeFirst();
    if (existing) return { violation: toViolation(existing), created: false };
  }
  let regionCode = v.regionCode ?? null;
  if (!regionCode && v.projectId) {
    const project = await trx.selectFrom('projects').select('region_code').where('id', '=', v.projectId).executeTakeFirst();
    if (!project) throw new Error(`recordViolation: unknown project ${v.projectId}`);
    regionCode = project.region_code;
  }
  if (!regionCode) {
    const org = await trx.selectFrom('organisations').select('region_code').where('id', '=', v.organisationId).executeTakeFirst();
    if (!org) throw new Error(`recordViolation: unknown organisation ${v.organisationId}`);
    regionCode = org.region_code;
  }
  const severity = severityOf(v.type);
  const inserted = await trx
    .insertInto('violations')
    .values({
      organisation_id: v.organisationId,
      person_ref: v.personRef ?? null,
      type: v.type,
      severity,
      occurred_at: v.occurredAt,
      source: v.source,
      intentional: v.intentional ?? null,
      evidence: JSON.stringify(v.evidence),
      region_code: regionCode,
      project_id: v.projectId ?? null,
      batch_ref: v.batchRef ?? null,
      source_ref: v.sourceRef ?? null,
      created_at: ctx.now,
      recorded_by: recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx, {
    action: 'violation.record',
    targetType: 'violation',
    targetId: inserted.id,
    organisationId: v.organisationId,
    regionCode,
    details: { type: v.type, severity, source: v.source, occurredAt: v.occurredAt.toISOString(), projectId: v.projectId ?? null, batchRef: v.batchRef ?? null, sourceRef: v.sourceRef ?? null },
  });
  // The ladder runs at once over the organisation's year (proposes a case, settles the credit record).
  await reassessOrganisation(trx, ctx, v.organisationId, beijingYear(v.occurredAt));
  const row = await baseQuery(trx).where('v.id', '=', inserted.id).executeTakeFirstOrThrow();
  return { violation: toViolation(row), created: true };
}

export class ViolationService {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  #visible(ctx: RequestContext, db: Kysely<Database> | Transaction<Database> = this.#db) {
    const scope = scopeOf(ctx.actor);
    return baseQuery(db).where((eb) =>
      violationVisible(scope, { organisation: eb.ref('v.organisation_id'), handlingRegion: eb.ref('v.region_code'), orgRegion: eb.ref('o.region_code') }),
    );
  }

  #filtered(ctx: RequestContext, f: ViolationFilter) {
    requireAuthenticated(ctx.actor);
    const from = f.from ? new Date(f.from) : null;
    const to = f.to ? new Date(f.to) : null;
    if (from && to && from.getTime() >= to.getTime()) throw badRequest('PERIOD_INVALID', '统计区间的结束时间应晚于开始时间', 'querystring.to');
    let q = this.#visible(ctx);
    if (f.type) q = q.where('v.type', '=', f.type);
    if (f.severity) q = q.where('v.severity', '=', f.severity);
    if (f.organisationId) q = q.where('v.organisation_id', '=', f.organisationId);
    if (f.organisationType) q = q.where('o.type', '=', f.organisationType);
    if (f.projectId) q = q.where('v.project_id', '=', f.projectId);
    if (f.personRef?.trim()) q = q.where('v.person_ref', 'ilike', containsPattern(f.personRef));
    if (f.source) q = q.where('v.source', '=', f.source);
    if (from) q = q.where('v.occurred_at', '>=', from);
    if (to) q = q.where('v.occurred_at', '<', to);
    return q;
  }

  async list(ctx: RequestContext, f: ViolationFilter): Promise<{ items: Violation[]; total: number }> {
    const q = this.#filtered(ctx, f);
    const pageSize = f.pageSize ?? 20;
    const [rows, count] = await Promise.all([
      q.orderBy('v.occurred_at', 'desc').orderBy('v.id').limit(pageSize).offset(((f.page ?? 1) - 1) * pageSize).execute(),
      q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toViolation), total: Number(count.n) };
  }

  /** The same filter for the Excel export, up to VIOLATION_EXPORT_MAX_ROWS rows, newest first. */
  async exportXlsx(ctx: RequestContext, f: ViolationFilter): Promise<Buffer> {
    const rows = (await this.#filtered(ctx, f).orderBy('v.occurred_at', 'desc').orderBy('v.id').limit(VIOLATION_EXPORT_MAX_ROWS).execute()).map(toViolation);
    return writeXlsx([
      {
        name: '违规记录',
        title: `违规记录（${await scopeTitle(this.#db, ctx)}，导出于 ${formatBeijing(ctx.now)}）`,
        columns: [
          { header: '发生时间', width: 20, value: (v: Violation) => new Date(v.occurredAt) },
          { header: '单位', width: 34, value: (v: Violation) => v.organisationName },
          { header: '单位类型', width: 10, value: (v: Violation) => ORGANISATION_TYPE_LABELS[v.organisationType] },
          { header: '涉及人员', width: 16, value: (v: Violation) => v.personRef },
          { header: '违规类型', width: 22, value: (v: Violation) => v.typeLabel },
          { header: '严重程度', width: 10, value: (v: Violation) => v.severityLabel },
          { header: '来源', width: 12, value: (v: Violation) => (v.source === 'automatic' ? '平台自动发现' : '监管人员认定') },
          { header: '是否故意', width: 10, value: (v: Violation) => (v.intentional === null ? '未认定' : v.intentional ? '故意' : '非故意') },
          { header: '信用记录', width: 12, value: (v: Violation) => CREDIT_STATUS_LABELS[v.creditStatus] },
          { header: '处置辖区', width: 14, value: (v: Violation) => v.regionName },
          { header: '批次', width: 18, value: (v: Violation) => v.batchRef },
          { header: '认定人员', width: 12, value: (v: Violation) => v.recordedBy?.name ?? null },
          { header: '编号', width: 38, value: (v: Violation) => v.id },
        ],
        rows,
      },
    ]);
  }

  async get(ctx: RequestContext, id: string): Promise<Violation> {
    requireAuthenticated(ctx.actor);
    const row = await this.#visible(ctx).where('v.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('VIOLATION_NOT_FOUND', '违规记录不存在或无权查看');
    return toViolation(row);
  }

  /**
   * An officer's finding (违规认定): a department officer records a violation of an organisation, for a project in
   * their jurisdiction, or with no project for an organisation of their jurisdiction.
   */
  async recordFinding(ctx: RequestContext, input: OfficerFinding): Promise<Violation> {
    const user = requireRole(ctx.actor, 'dept_officer');
    const scope = scopeOf(user);
    if (scope.kind !== 'region') throw forbidden();
    const occurredAt = new Date(input.occurredAt);
    if (occurredAt.getTime() > ctx.now.getTime()) throw badRequest('OCCURRED_IN_FUTURE', '发生时间不能晚于当前时间', 'body.occurredAt');
    const description = input.description.trim();
    if (description.length < 2) throw badRequest('FINDING_DESCRIPTION_REQUIRED', '请填写认定事实', 'body.description');
    return this.#db.transaction().execute(async (trx) => {
      const org = await trx.selectFrom('organisations').select(['id', 'type', 'region_code']).where('id', '=', input.organisationId).executeTakeFirst();
      if (!org || org.type === 'department') throw badRequest('ORGANISATION_UNKNOWN', '单位不存在', 'body.organisationId');
      let regionCode = org.region_code;
      if (input.projectId) {
        const p = await trx.selectFrom('projects').select('region_code').where('id', '=', input.projectId).executeTakeFirst();
        if (!p) throw badRequest('PROJECT_UNKNOWN', '项目不存在', 'body.projectId');
        regionCode = p.region_code;
      }
      const inJurisdiction = await trx
        .selectFrom('regions')
        .select('code')
        .where('code', '=', regionCode)
        .where((eb) => regionInSubtree(eb.ref('code'), scope.regionCode))
        .executeTakeFirst();
      if (!inJurisdiction) throw forbidden('FINDING_OUTSIDE_JURISDICTION', '只能认定本辖区内项目或单位的违规');
      const { violation } = await recordViolation(trx, ctx, {
        organisationId: org.id,
        type: input.type,
        occurredAt,
        source: 'officer',
        evidence: { description, ...(input.evidence ?? {}) },
        personRef: input.personRef?.trim() || null,
        intentional: input.intentional ?? null,
        projectId: input.projectId ?? null,
        batchRef: input.batchRef?.trim() || null,
        regionCode,
      });
      return violation;
    });
  }

  /** An officer of the handling jurisdiction decides whether an undetermined violation was intentional (once). */
  async decideIntent(ctx: RequestContext, id: string, intentional: boolean): Promise<Violation> {
    const user = requireRole(ctx.actor, 'dept_officer');
    const scope = scopeOf(user);
    if (scope.kind !== 'region') throw forbidden();
    return this.#db.transaction().execute(async (trx) => {
      const row = await this.#visible(ctx, trx).where('v.id', '=', id).executeTakeFirst();
      if (!row) throw notFound('VIOLATION_NOT_FOUND', '违规记录不存在或无权查看');
      const handles = await trx
        .selectFrom('regions')
        .select('code')
        .where('code', '=', row.region_code)
        .where((eb) => regionInSubtree(eb.ref('code'), scope.regionCode))
        .executeTakeFirst();
      if (!handles) throw forbidden('VIOLATION_NOT_HANDLED_HERE', '该违规由其他辖区住建部门处置');
      if (row.intentional !== null) throw conflict('INTENT_ALREADY_DECIDED', '该违规是否故意已经认定，不能更改', 'body.intentional');
      await trx.updateTable('violations').set({ intentional }).where('id', '=', id).execute();
      await recordAudit(trx, ctx, { action: 'violation.intent.decide', targetType: 'violation', targetId: id, organisationId: row.organisation_id, regionCode: row.region_code, details: { intentional } });
      await reassessOrganisation(trx, ctx, row.organisation_id, beijingYear(row.occurred_at));
      return toViolation(await baseQuery(trx).where('v.id', '=', id).executeTakeFirstOrThrow());
    });
  }
}

export interface OfficerFinding {
  organisationId: string;
  type: ViolationType;
  occurredAt: string;
  description: string;
  projectId?: string | null;
  personRef?: string | null;
  intentional?: boolean | null;
  batchRef?: string | null;
  evidence?: Record<string, unknown>;
}

export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, string> = {
  agency: '检测机构',
  construction_unit: '建设单位',
  supervision_unit: '监理单位',
  contractor: '施工单位',
  department: '住建部门',
};

export const CREDIT_STATUS_LABELS: Record<CreditStatus, string> = { pending: '待定', counts: '已记入', exempt: '不纳入（试行期）' };

/** The jurisdiction or organisation an export is for, for its title line. */
export async function scopeTitle(db: Kysely<Database>, ctx: RequestContext): Promise<string> {
  const scope = scopeOf(ctx.actor);
  if (scope.kind === 'all') return '全省';
  if (scope.kind === 'region') {
    const r = await db.selectFrom('regions').select('name').where('code', '=', scope.regionCode).executeTakeFirst();
    return r?.name ?? scope.regionCode;
  }
  if (scope.kind === 'organisation') {
    const o = await db.selectFrom('organisations').select('name').where('id', '=', scope.organisationId).executeTakeFirst();
    return o?.name ?? '';
  }
  return '';
}

