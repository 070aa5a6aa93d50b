import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { hasRole, requireAuthenticated, requireRole, scopeOf, type RequestContext } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { Database } from '../../kernel/db/types.ts';
import { regionInSubtree, containsPattern } from '../../kernel/db/scope-sql.ts';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../../kernel/errors.ts';
import { canonicalSpecialties, type Specialty, specialtyName } from '../../kernel/specialties.ts';
import { assertAgencyConnected, getConnection, qualifiedSpecialties, specialtyCoverage } from '../agencies/index.ts';
import { findVisibleProject } from '../projects/index.ts';
import { commissionRefusal, restrictionInForce, type CoverageRefusal } from './rules/coverage.ts';
import type { CommissionRow, MarketRestrictionRow } from './tables.ts';
import './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface OrgRef {
  id: string;
  name: string;
}

export interface Commission {
  id: string;
  project: OrgRef;
  projectRegionCode: string;
  agency: OrgRef;
  constructionUnit: OrgRef;
  specialties: Specialty[];
  contractNumber: string | null;
  note: string | null;
  status: 'active' | 'terminated';
  createdAt: string;
  terminatedAt: string | null;
  terminationReason: string | null;
}

export interface NewCommission {
  projectId: string;
  agencyId: string;
  specialties: Specialty[];
  contractNumber?: string | null;
  note?: string | null;
}

export interface CommissionFilter {
  projectId?: string;
  agencyId?: string;
  status?: 'active' | 'terminated';
  page?: number;
  pageSize?: number;
}

export interface MarketRestriction {
  id: string;
  organisationId: string;
  reason: string;
  restrictedFrom: string;
  restrictedUntil: string | null;
  decidedBy: string;
  caseReference: string | null;
  createdAt: string;
  liftedAt: string | null;
  liftReason: string | null;
}

const toRestriction = (r: MarketRestrictionRow): MarketRestriction => ({
  id: r.id,
  organisationId: r.organisation_id,
  reason: r.reason,
  restrictedFrom: r.restricted_from.toISOString(),
  restrictedUntil: r.restricted_until?.toISOString() ?? null,
  decidedBy: r.decided_by,
  caseReference: r.case_reference,
  createdAt: r.created_at.toISOString(),
  liftedAt: r.lifted_at?.toISOString() ?? null,
  liftReason: r.lift_reason,
});

/** The restriction of an organisation's market access in force at `now`, if any (the one ending last). */
export async function activeMarketRestriction(db: Db, orgId: string, now: Date): Promise<MarketRestriction | null> {
  const rows = await db
    .selectFrom('market_restrictions')
    .selectAll()
    .where('organisation_id', '=', orgId)
    .where('restricted_from', '<=', now)
    .execute();
  const inForce = rows.filter((r) => restrictionInForce({ restrictedFrom: r.restricted_from, restrictedUntil: r.restricted_until, liftedAt: r.lifted_at }, now));
  inForce.sort((a, b) => (b.restricted_until?.getTime() ?? Infinity) - (a.restricted_until?.getTime() ?? Infinity));
  return inForce[0] ? toRestriction(inForce[0]) : null;
}

export interface NewMarketRestriction {
  organisationId: string;
  reason: string;
  restrictedFrom: Date;
  restrictedUntil: Date | null;
  /** The department (organisation) whose decision this is. */
  decidedBy: string;
  caseReference?: string | null;
}

/**
 * Records a decision to restrict an organisation's market access (四(二)). Enforcement calls this inside its own
 * transaction, beside the decision it records; the restriction and its audit row commit with it.
 */
export async function recordMarketRestriction(trx: Transaction<Database>, ctx: RequestContext, input: NewMarketRestriction): Promise<MarketRestriction> {
  const reason = input.reason.trim();
  if (reason.length < 2) throw badRequest('RESTRICTION_REASON_REQUIRED', '请填写限制市场准入的理由', 'body.reason');
  if (input.restrictedUntil && input.restrictedUntil.getTime() <= input.restrictedFrom.getTime()) {
    throw badRequest('RESTRICTION_PERIOD_INVERTED', '限制截止时间应晚于开始时间', 'body.restrictedUntil');
  }
  const org = await trx.selectFrom('organisations').select(['id', 'region_code']).where('id', '=', input.organisationId).executeTakeFirst();
  if (!org) throw badRequest('ORGANISATION_UNKNOWN', '机构不存在', 'body.organisationId');
  const dept = await trx.selectFrom('organisations').select('type').where('id', '=', input.decidedBy).executeTakeFirst();
  if (dept?.type !== 'department') throw badRequest('DECIDING_DEPARTMENT_INVALID', '作出决定的应为住建部门', 'body.decidedBy');
  const row = await trx
    .insertInto('market_restrictions')
    .values({
      organisation_id: input.organisationId,
      reason,
      restricted_from: input.restrictedFrom,
      restricted_until: input.restrictedUntil,
      decided_by: input.decidedBy,
      case_reference: input.caseReference?.trim() || null,
      created_by: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      created_at: ctx.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx, {
    action: 'market_restriction.create',
    targetType: 'market_restriction',
    targetId: row.id,
    organisationId: row.organisation_id,
    regionCode: org.region_code,
    details: { reason, from: row.restricted_from.toISOString(), until: row.restricted_until?.toISOString() ?? null, decidedBy: row.decided_by, caseReference: row.case_reference },
  });
  return toRestriction(row);
}

/** Ends a restriction early (after review or rehabilitation): the row stays, with when, by whom and why. */
export async function liftMarketRestriction(trx: Transaction<Database>, ctx: RequestContext, id: string, reason: string): Promise<MarketRestriction> {
  const text = reason.trim();
  if (text.length < 2) throw badRequest('RESTRICTION_LIFT_REASON_REQUIRED', '请填写解除限制的理由', 'body.reason');
  const before = await trx.selectFrom('market_restrictions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!before) throw notFound('MARKET_RESTRICTION_NOT_FOUND', '限制记录不存在');
  if (before.lifted_at) throw conflict('MARKET_RESTRICTION_ALREADY_LIFTED', '该限制已解除');
  const row = await trx
    .updateTable('market_restrictions')
    .set({ lifted_at: ctx.now, lifted_by: ctx.actor.kind === 'user' ? ctx.actor.id : null, lift_reason: text })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const org = await trx.selectFrom('organisations').select('region_code').where('id', '=', row.organisation_id).executeTakeFirstOrThrow();
  await recordAudit(trx, ctx, {
    action: 'market_restriction.lift',
    targetType: 'market_restriction',
    targetId: id,
    organisationId: row.organisation_id,
    regionCode: org.region_code,
    details: { reason: text },
  });
  return toRestriction(row);
}

export type CommissionCoverage =
  | { covers: true; projectId: string }
  | { covers: false; code: CoverageRefusal | 'COMMISSION_NOT_FOUND' | 'COMMISSION_QUALIFICATION_LAPSED' | 'COMMISSION_SPECIALTY_NOT_QUALIFIED'; message: string };

const REFUSAL_MESSAGES: Record<CoverageRefusal, string> = {
  COMMISSION_OTHER_AGENCY: '该委托不是委托给本机构的',
  COMMISSION_NOT_YET_MADE: '检测时间早于委托时间',
  COMMISSION_TERMINATED: '该委托已终止',
  COMMISSION_SPECIALTY_NOT_COVERED: '委托范围不包括该专项',
};

/**
 * For batches: whether commission `commissionId` lets `agencyId` test `specialty` at `now` — the commission in force
 * and naming the specialty, and the agency still qualified for it at that instant (a qualification may lapse after the
 * commission was made). Connection and market access are the batch's own gates.
 */
export async function commissionCovers(db: Db, commissionId: string, agencyId: string, specialty: Specialty, now: Date): Promise<CommissionCoverage> {
  const c = await db.selectFrom('commissions').selectAll().where('id', '=', commissionId).executeTakeFirst();
  if (!c) return { covers: false, code: 'COMMISSION_NOT_FOUND', message: '委托不存在' };
  const refusal = commissionRefusal({ agencyId: c.agency_id, specialties: c.specialties, createdAt: c.created_at, terminatedAt: c.terminated_at }, agencyId, specialty, now);
  if (refusal) return { covers: false, code: refusal, message: REFUSAL_MESSAGES[refusal] };
  const coverage = await specialtyCoverage(db, agencyId, specialty, now);
  if (coverage === 'lapsed') return { covers: false, code: 'COMMISSION_QUALIFICATION_LAPSED', message: `本机构${specialtyName(specialty)}专项资质已过有效期` };
  if (coverage === 'never') return { covers: false, code: 'COMMISSION_SPECIALTY_NOT_QUALIFIED', message: `本机构不具备${specialtyName(specialty)}专项资质` };
  return { covers: true, projectId: c.project_id };
}

type Row = CommissionRow & { project_name: string; project_region_code: string; agency_name: string; construction_unit_name: string };

const toCommission = (r: Row): Commission => ({
  id: r.id,
  project: { id: r.project_id, name: r.project_name },
  projectRegionCode: r.project_region_code,
  agency: { id: r.agency_id, name: r.agency_name },
  constructionUnit: { id: r.construction_unit_id, name: r.construction_unit_name },
  specialties: canonicalSpecialties(r.specialties),
  contractNumber: r.contract_number,
  note: r.note,
  status: r.status,
  createdAt: r.created_at.toISOString(),
  terminatedAt: r.terminated_at?.toISOString() ?? null,
  terminationReason: r.termination_reason,
});

export interface AgencyOption {
  id: string;
  name: string;
  uscc: string | null;
  regionCode: string;
  regionName: string;
  connected: boolean;
  qualifiedSpecialties: Specialty[];
  restricted: boolean;
}

export class CommissionService {
  readonly #db: Kysely<Database>;
  constructor(deps: Pick<AppDeps, 'db'>) {
    this.#db = deps.db;
  }

  /**
   * Who sees a commission: the platform; departments by the project's region; the agency commissioned; the
   * commissioning construction unit; the project's supervision unit (its witnesses work with the agency) and contractor.
   */
  #visible(ctx: RequestContext, db: Db = this.#db) {
    const scope = scopeOf(ctx.actor);
    return db
      .selectFrom('commissions as c')
      .innerJoin('projects as p', 'p.id', 'c.project_id')
      .innerJoin('organisations as a', 'a.id', 'c.agency_id')
      .innerJoin('organisations as cu', 'cu.id', 'c.construction_unit_id')
      .selectAll('c')
      .select(['p.name as project_name', 'p.region_code as project_region_code', 'a.name as agency_name', 'cu.name as construction_unit_name'])
      .where((eb) => {
        switch (scope.kind) {
          case 'all':
            return sql<SqlBool>`true`;
          case 'region':
            return regionInSubtree(eb.ref('p.region_code'), scope.regionCode);
          case 'organisation':
            return eb.or([
              eb('c.agency_id', '=', scope.organisationId),
              eb('c.construction_unit_id', '=', scope.organisationId),
              eb('p.supervision_unit_id', '=', scope.organisationId),
              eb('p.contractor_id', '=', scope.organisationId),
            ]);
          case 'none':
            return sql<SqlBool>`false`;
        }
      });
  }

  /**
   * The agencies a construction unit may choose from (二(一) 委托具有相应资质且完成监管平台对接的检测机构): every active
   * agency on the platform with what decides a commission — connected, specialties qualified now, market access.
   * Name, code, region and these facts are market information for those who commission, not an agency's own data.
   */
  async agencyOptions(ctx: RequestContext, f: { q?: string; page?: number; pageSize?: number }): Promise<{ items: AgencyOption[]; total: number }> {
    requireRole(ctx.actor, 'construction_user', 'platform_admin', 'dept_officer');
    let q = this.#db
      .selectFrom('organisations as o')
      .innerJoin('regions as r', 'r.code', 'o.region_code')
      .select(['o.id', 'o.name', 'o.uscc', 'o.region_code', 'r.name as region_name'])
      .where('o.type', '=', 'agency')
      .where('o.status', '=', 'active');
    if (f.q && f.q.trim()) {
      const like = containsPattern(f.q);
      q = q.where((eb) => eb.or([eb('o.name', 'ilike', like), eb('o.uscc', 'ilike', like)]));
    }
    const pageSize = f.pageSize ?? 20;
    const [rows, count] = await Promise.all([
      q.orderBy('o.name').limit(pageSize).offset(((f.page ?? 1) - 1) * pageSize).execute(),
      q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const items: AgencyOption[] = [];
    for (const r of rows) {
      const [connection, specialties, restriction] = await Promise.all([
        getConnection(this.#db, r.id, ctx.now),
        qualifiedSpecialties(this.#db, r.id, ctx.now),
        activeMarketRestriction(this.#db, r.id, ctx.now),
      ]);
      items.push({
        id: r.id,
        name: r.name,
        uscc: r.uscc,
        regionCode: r.region_code,
        regionName: r.region_name,
        connected: connection.connected,
        qualifiedSpecialties: specialties,
        restricted: restriction !== null,
      });
    }
    return { items, total: Number(count.n) };
  }

  async list(ctx: RequestContext, f: CommissionFilter): Promise<{ items: Commission[]; total: number }> {
    requireAuthenticated(ctx.actor);
    let q = this.#visible(ctx);
    if (f.projectId) q = q.where('c.project_id', '=', f.projectId);
    if (f.agencyId) q = q.where('c.agency_id', '=', f.agencyId);
    if (f.status) q = q.where('c.status', '=', f.status);
    const pageSize = f.pageSize ?? 20;
    const [rows, count] = await Promise.all([
      q.orderBy('c.created_at', 'desc').orderBy('c.id').limit(pageSize).offset(((f.page ?? 1) - 1) * pageSize).execute(),
      q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toCommission), total: Number(count.n) };
  }

  async get(ctx: RequestContext, id: string): Promise<Commission> {
    requireAuthenticated(ctx.actor);
    const row = await this.#visible(ctx).where('c.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('COMMISSION_NOT_FOUND', '委托不存在或无权查看');
    return toCommission(row);
  }

  /**
   * 二(一): a construction unit commissions an agency that is qualified for the specialties and connected to the
   * platform. Refusals name their reason and field, checked in this order: the agency's market access, its connection,
   * then each specialty (outside its qualification, or a qualification that has lapsed), then an existing commission.
   */
  async create(ctx: RequestContext, input: NewCommission): Promise<Commission> {
    const user = requireRole(ctx.actor, 'construction_user');
    const specialties = input.specialties;
    const contractNumber = input.contractNumber?.trim() || null;
    const note = input.note?.trim() || null;
    return this.#db.transaction().execute(async (trx) => {
      const project = await findVisibleProject(trx, ctx, input.projectId, { forUpdate: true });
      if (!project) throw notFound('PROJECT_NOT_FOUND', '项目不存在或无权查看');
      if (project.construction_unit_id !== user.organisation?.id) {
        throw forbidden('COMMISSION_FORBIDDEN', '只有项目的建设单位可以委托检测机构');
      }
      const agency = await trx.selectFrom('organisations').select(['id', 'name', 'type', 'status']).where('id', '=', input.agencyId).executeTakeFirst();
      if (!agency || agency.type !== 'agency') throw badRequest('AGENCY_UNKNOWN', '检测机构不存在', 'body.agencyId');
      if (agency.status !== 'active') throw unprocessable('COMMISSION_AGENCY_DISABLED', `检测机构“${agency.name}”已停用`, 'body.agencyId');
      const restriction = await activeMarketRestriction(trx, agency.id, ctx.now);
      if (restriction) {
        const until = restriction.restrictedUntil ? `，限制至 ${restriction.restrictedUntil}` : '';
        throw unprocessable('COMMISSION_AGENCY_RESTRICTED', `检测机构“${agency.name}”被限制市场准入（${restriction.reason}${until}），不能委托`, 'body.agencyId');
      }
      await assertAgencyConnected(trx, agency.id, ctx.now, 'body.agencyId');
      for (const [i, s] of specialties.entries()) {
        const coverage = await specialtyCoverage(trx, agency.id, s, ctx.now);
        if (coverage === 'never') {
          throw unprocessable('COMMISSION_SPECIALTY_NOT_QUALIFIED', `检测机构“${agency.name}”不具备${specialtyName(s)}专项资质`, `body.specialties.${i}`);
        }
        if (coverage === 'lapsed') {
          throw unprocessable('COMMISSION_QUALIFICATION_LAPSED', `检测机构“${agency.name}”的${specialtyName(s)}专项资质已过有效期`, `body.specialties.${i}`);
        }
      }
      const active = await trx
        .selectFrom('commissions')
        .select('specialties')
        .where('project_id', '=', project.id)
        .where('agency_id', '=', agency.id)
        .where('status', '=', 'active')
        .execute();
      const already = new Set(active.flatMap((c) => c.specialties));
      for (const [i, s] of specialties.entries()) {
        if (already.has(s)) {
          throw conflict('COMMISSION_DUPLICATE', `已委托该机构承担本项目的${specialtyName(s)}检测，无需重复委托`, `body.specialties.${i}`);
        }
      }
      const row = await trx
        .insertInto('commissions')
        .values({
          project_id: project.id,
          agency_id: agency.id,
          construction_unit_id: project.construction_unit_id,
          specialties: canonicalSpecialties(specialties),
          contract_number: contractNumber,
          note,
          status: 'active',
          created_by: user.id,
          created_at: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'commission.create',
        targetType: 'commission',
        targetId: row.id,
        organisationId: project.construction_unit_id,
        regionCode: project.region_code,
        details: { projectId: project.id, agencyId: agency.id, specialties: canonicalSpecialties(specialties), contractNumber },
      });
      return toCommission(await this.#visible(ctx, trx).where('c.id', '=', row.id).executeTakeFirstOrThrow());
    });
  }

  /** The commissioning construction unit ends a commission; it stays on record, tests done before remain covered. */
  async terminate(ctx: RequestContext, id: string, reason: string): Promise<Commission> {
    const user = requireAuthenticated(ctx.actor);
    const text = reason.trim();
    if (text.length < 2) throw badRequest('TERMINATION_REASON_REQUIRED', '请填写终止委托的理由', 'body.reason');
    return this.#db.transaction().execute(async (trx) => {
      const before = await this.#visible(ctx, trx).where('c.id', '=', id).forUpdate('c').executeTakeFirst();
      if (!before) throw notFound('COMMISSION_NOT_FOUND', '委托不存在或无权查看');
      const isCommissioner = user.kind === 'user' && hasRole(user, 'construction_user') && user.organisation?.id === before.construction_unit_id;
      if (!isCommissioner) throw forbidden('COMMISSION_TERMINATE_FORBIDDEN', '只有委托方建设单位可以终止委托');
      if (before.status === 'terminated') throw conflict('COMMISSION_ALREADY_TERMINATED', '该委托已终止');
      await trx
        .updateTable('commissions')
        .set({ status: 'terminated', terminated_at: ctx.now, terminated_by: user.id, termination_reason: text })
        .where('id', '=', id)
        .execute();
      await recordAudit(trx, ctx, {
        action: 'commission.terminate',
        targetType: 'commission',
        targetId: id,
        organisationId: before.construction_unit_id,
        regionCode: before.project_region_code,
        details: { reason: text, agencyId: before.agency_id, projectId: before.project_id },
      });
      return toCommission(await this.#visible(ctx, trx).where('c.id', '=', id).executeTakeFirstOrThrow());
    });
  }
}
