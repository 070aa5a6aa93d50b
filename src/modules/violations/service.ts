import { sql, type Kysely, type SqlBool, type Expression, type Transaction } from 'kysely';
import { requireAuthenticated, requireUser, scopeOf, type OrganisationType, type RequestContext, type Scope } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import type { Database } from '../../kernel/db/types.ts';
import { regionInSubtree, visibleTo } from '../../kernel/db/scope-sql.ts';
import { badRequest, notFound } from '../../kernel/errors.ts';
import type { ViolationRow } from './tables.ts';
import { severityOf, SEVERITY_LABELS, VIOLATION_TYPE_LABELS, type Severity, type ViolationSource, type ViolationType } from './types.ts';
import './tables.ts';
import '../organisations/tables.ts';
import '../regions/tables.ts';
import '../identity/tables.ts';
import '../projects/tables.ts';

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
}

export interface ViolationFilter {
  type?: ViolationType;
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

type Row = ViolationRow & { organisation_name: string; organisation_type: OrganisationType; region_name: string; recorded_by_name: string | null };

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
    .selectAll('v')
    .select(['o.name as organisation_name', 'o.type as organisation_type', 'r.name as region_name', 'u.display_name as recorded_by_name']);
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
  const row = await baseQuery(trx).where('v.id', '=', inserted.id).executeTakeFirstOrThrow();
  return { violation: toViolation(row), created: true };
}

export class ViolationService {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  #visible(ctx: RequestContext) {
    const scope = scopeOf(ctx.actor);
    return baseQuery(this.#db).where((eb) =>
      violationVisible(scope, { organisation: eb.ref('v.organisation_id'), handlingRegion: eb.ref('v.region_code'), orgRegion: eb.ref('o.region_code') }),
    );
  }

  async list(ctx: RequestContext, f: ViolationFilter): Promise<{ items: Violation[]; total: number }> {
    requireAuthenticated(ctx.actor);
    const from = f.from ? new Date(f.from) : null;
    const to = f.to ? new Date(f.to) : null;
    if (from && to && from.getTime() >= to.getTime()) throw badRequest('PERIOD_INVALID', '统计区间的结束时间应晚于开始时间', 'querystring.to');
    let q = this.#visible(ctx);
    if (f.type) q = q.where('v.type', '=', f.type);
    if (f.severity) q = q.where('v.severity', '=', f.severity);
    if (f.organisationId) q = q.where('v.organisation_id', '=', f.organisationId);
    if (f.projectId) q = q.where('v.project_id', '=', f.projectId);
    if (from) q = q.where('v.occurred_at', '>=', from);
    if (to) q = q.where('v.occurred_at', '<', to);
    const pageSize = f.pageSize ?? 20;
    const [rows, count] = await Promise.all([
      q.orderBy('v.occurred_at', 'desc').orderBy('v.id').limit(pageSize).offset(((f.page ?? 1) - 1) * pageSize).execute(),
      q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toViolation), total: Number(count.n) };
  }

  async get(ctx: RequestContext, id: string): Promise<Violation> {
    requireAuthenticated(ctx.actor);
    const row = await this.#visible(ctx).where('v.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('VIOLATION_NOT_FOUND', '违规记录不存在或无权查看');
    return toViolation(row);
  }
}
