import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { hasRole, requireAuthenticated, requireRole, scopeOf, type OrganisationType, type RequestContext, type Scope } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { Database } from '../../kernel/db/types.ts';
import { regionInSubtree, containsPattern } from '../../kernel/db/scope-sql.ts';
import { badRequest, conflict, forbidden, notFound } from '../../kernel/errors.ts';
import { checkSite, type LngLat, type SiteBoundary } from './rules/geo.ts';
import { normalisePermitNumber } from './rules/permit.ts';
import type { ProjectRow } from './tables.ts';
import './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface OrgRef {
  id: string;
  name: string;
}

export interface Project {
  id: string;
  name: string;
  permitNumber: string;
  address: string;
  regionCode: string;
  regionName: string;
  /** The region whose housing department handles the project (the county's, or the city's where it has none). */
  departmentRegionCode: string;
  location: { lng: number; lat: number };
  site: SiteBoundary;
  constructionUnit: OrgRef;
  supervisionUnit: OrgRef | null;
  contractor: OrgRef | null;
  createdAt: string;
  updatedAt: string;
  rowVersion: number;
}

export interface NewProject {
  name: string;
  permitNumber: string;
  address: string;
  regionCode: string;
  location: { lng: number; lat: number };
  site: SiteBoundary;
  /** The construction unit (建设单位) that owns the record; a construction-unit user may only name their own. */
  constructionUnitId?: string;
  supervisionUnitId?: string | null;
  contractorId?: string | null;
}

export interface ProjectPatch {
  rowVersion: number;
  name?: string;
  permitNumber?: string;
  address?: string;
  location?: { lng: number; lat: number };
  site?: SiteBoundary;
  supervisionUnitId?: string | null;
  contractorId?: string | null;
}

export interface ProjectFilter {
  q?: string;
  regionCode?: string;
  page?: number;
  pageSize?: number;
}

/**
 * Who sees a project: the platform; the departments whose jurisdiction contains its region; its participants
 * (construction unit, supervision unit, contractor); and every agency commissioned on it (a terminated commission
 * still shows the project whose tests the agency did).
 */
export function projectVisibleTo(
  scope: Scope,
  p: { id: Expression<string>; region: Expression<string>; constructionUnit: Expression<string>; supervisionUnit: Expression<string | null>; contractor: Expression<string | null> },
): Expression<SqlBool> {
  switch (scope.kind) {
    case 'all':
      return sql<SqlBool>`true`;
    case 'region':
      return regionInSubtree(p.region, scope.regionCode);
    case 'organisation': {
      const org = scope.organisationId;
      return sql<SqlBool>`(${p.constructionUnit} = ${org} or ${p.supervisionUnit} = ${org} or ${p.contractor} = ${org}
        or exists (select 1 from commissions vc where vc.project_id = ${p.id} and vc.agency_id = ${org}))`;
    }
    case 'none':
      return sql<SqlBool>`false`;
  }
}

/** The ids of the projects `scope` sees, for other modules' queries (`where project_id in (…)`). */
export function visibleProjectIds(db: Db, scope: Scope) {
  return db
    .selectFrom('projects as vp')
    .select('vp.id')
    .where((eb) =>
      projectVisibleTo(scope, {
        id: eb.ref('vp.id'),
        region: eb.ref('vp.region_code'),
        constructionUnit: eb.ref('vp.construction_unit_id'),
        supervisionUnit: eb.ref('vp.supervision_unit_id'),
        contractor: eb.ref('vp.contractor_id'),
      }),
    );
}

/** A project row if the caller sees it, else undefined (callers answer 404). Locks it for update when asked. */
export async function findVisibleProject(db: Db, ctx: RequestContext, id: string, opts: { forUpdate?: boolean } = {}): Promise<ProjectRow | undefined> {
  let q = db
    .selectFrom('projects as p')
    .selectAll('p')
    .where('p.id', '=', id)
    .where((eb) =>
      projectVisibleTo(scopeOf(ctx.actor), {
        id: eb.ref('p.id'),
        region: eb.ref('p.region_code'),
        constructionUnit: eb.ref('p.construction_unit_id'),
        supervisionUnit: eb.ref('p.supervision_unit_id'),
        contractor: eb.ref('p.contractor_id'),
      }),
    );
  if (opts.forUpdate) q = q.forUpdate('p');
  return q.executeTakeFirst();
}

/**
 * The region of the housing department that handles a project in `regionCode`: the nearest region at or above it
 * that has a department (a development zone without one is handled by its city). Null for an unknown code.
 */
export async function handlingDepartmentRegion(db: Db, regionCode: string): Promise<string | null> {
  const row = await db
    .selectFrom('regions as r')
    .innerJoin('regions as self', (j) => j.on('self.code', '=', regionCode))
    .select('r.code')
    .where('r.has_department', '=', true)
    .where(sql<SqlBool>`self.path like r.path || '%'`)
    .orderBy(sql`length(r.path)`, 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.code ?? null;
}

const toLngLat = (p: { lng: number; lat: number }): LngLat => [p.lng, p.lat];

const PARTICIPANTS = [
  { key: 'constructionUnitId', type: 'construction_unit', zh: '建设单位' },
  { key: 'supervisionUnitId', type: 'supervision_unit', zh: '监理单位' },
  { key: 'contractorId', type: 'contractor', zh: '施工单位' },
] as const satisfies readonly { key: string; type: OrganisationType; zh: string }[];

export class ProjectService {
  readonly #db: Kysely<Database>;
  constructor(deps: Pick<AppDeps, 'db'>) {
    this.#db = deps.db;
  }

  /** The scoped base query with the names a project is shown with. */
  #visible(ctx: RequestContext, db: Db = this.#db) {
    const scope = scopeOf(ctx.actor);
    return db
      .selectFrom('projects as p')
      .innerJoin('regions as r', 'r.code', 'p.region_code')
      .innerJoin('organisations as cu', 'cu.id', 'p.construction_unit_id')
      .leftJoin('organisations as su', 'su.id', 'p.supervision_unit_id')
      .leftJoin('organisations as co', 'co.id', 'p.contractor_id')
      .selectAll('p')
      .select(['r.name as region_name', 'cu.name as construction_unit_name', 'su.name as supervision_unit_name', 'co.name as contractor_name'])
      .select(
        sql<string>`(select d.code from regions d where d.has_department and r.path like d.path || '%' order by length(d.path) desc limit 1)`.as(
          'department_region_code',
        ),
      )
      .where((eb) =>
        projectVisibleTo(scope, {
          id: eb.ref('p.id'),
          region: eb.ref('p.region_code'),
          constructionUnit: eb.ref('p.construction_unit_id'),
          supervisionUnit: eb.ref('p.supervision_unit_id'),
          contractor: eb.ref('p.contractor_id'),
        }),
      );
  }

  #toProject(r: ProjectRow & { region_name: string; department_region_code: string; construction_unit_name: string; supervision_unit_name: string | null; contractor_name: string | null }): Project {
    return {
      id: r.id,
      name: r.name,
      permitNumber: r.permit_number,
      address: r.address,
      regionCode: r.region_code,
      regionName: r.region_name,
      departmentRegionCode: r.department_region_code,
      location: { lng: r.location_lng, lat: r.location_lat },
      site: typeof r.site === 'string' ? (JSON.parse(r.site) as SiteBoundary) : r.site,
      constructionUnit: { id: r.construction_unit_id, name: r.construction_unit_name },
      supervisionUnit: r.supervision_unit_id ? { id: r.supervision_unit_id, name: r.supervision_unit_name ?? '' } : null,
      contractor: r.contractor_id ? { id: r.contractor_id, name: r.contractor_name ?? '' } : null,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
      rowVersion: r.row_version,
    };
  }

  async list(ctx: RequestContext, f: ProjectFilter): Promise<{ items: Project[]; total: number }> {
    requireAuthenticated(ctx.actor);
    let q = this.#visible(ctx);
    if (f.regionCode) {
      const code = f.regionCode;
      q = q.where((eb) => regionInSubtree(eb.ref('p.region_code'), code));
    }
    if (f.q && f.q.trim()) {
      const like = containsPattern(f.q);
      q = q.where((eb) => eb.or([eb('p.name', 'ilike', like), eb('p.permit_number', 'ilike', like), eb('p.address', 'ilike', like)]));
    }
    const pageSize = f.pageSize ?? 20;
    const [rows, count] = await Promise.all([
      q.orderBy('p.created_at', 'desc').orderBy('p.id').limit(pageSize).offset(((f.page ?? 1) - 1) * pageSize).execute(),
      q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map((r) => this.#toProject(r)), total: Number(count.n) };
  }

  async get(ctx: RequestContext, id: string): Promise<Project> {
    requireAuthenticated(ctx.actor);
    const row = await this.#visible(ctx).where('p.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('PROJECT_NOT_FOUND', '项目不存在或无权查看');
    return this.#toProject(row);
  }

  /** A construction-unit user registers their own unit's project; the platform admin registers any. */
  async create(ctx: RequestContext, input: NewProject): Promise<Project> {
    const user = requireRole(ctx.actor, 'construction_user', 'platform_admin');
    let ownerId: string;
    if (hasRole(user, 'platform_admin')) {
      if (!input.constructionUnitId) throw badRequest('CONSTRUCTION_UNIT_REQUIRED', '请指定建设单位', 'body.constructionUnitId');
      ownerId = input.constructionUnitId;
    } else {
      const own = user.organisation!.id;
      if (input.constructionUnitId && input.constructionUnitId !== own) {
        throw forbidden('PROJECT_OWNER_NOT_OWN', '建设单位用户只能登记本单位的项目');
      }
      ownerId = own;
    }
    const name = checkText(input.name, 2, 'PROJECT_NAME_TOO_SHORT', '项目名称至少 2 个字符', 'body.name');
    const address = checkText(input.address, 2, 'PROJECT_ADDRESS_TOO_SHORT', '项目地址至少 2 个字符', 'body.address');
    const permit = checkPermit(input.permitNumber);
    checkGeometry(input.site, input.location);

    return this.#db.transaction().execute(async (trx) => {
      const region = await trx.selectFrom('regions').select(['code', 'name']).where('code', '=', input.regionCode).executeTakeFirst();
      if (!region) throw badRequest('REGION_UNKNOWN', `行政区划 ${input.regionCode} 不存在`, 'body.regionCode');
      const child = await trx.selectFrom('regions').select('code').where('parent_code', '=', input.regionCode).limit(1).executeTakeFirst();
      if (child) throw badRequest('PROJECT_REGION_NOT_COUNTY', `项目所在地应为县级行政区（${region.name}下设县级行政区）`, 'body.regionCode');
      await checkParticipants(trx, { constructionUnitId: ownerId, supervisionUnitId: input.supervisionUnitId ?? null, contractorId: input.contractorId ?? null });
      await assertPermitFree(trx, permit.key, null);
      const row = await trx
        .insertInto('projects')
        .values({
          name,
          permit_number: permit.display,
          permit_number_key: permit.key,
          address,
          region_code: region.code,
          location_lng: input.location.lng,
          location_lat: input.location.lat,
          site: JSON.stringify(input.site),
          construction_unit_id: ownerId,
          supervision_unit_id: input.supervisionUnitId ?? null,
          contractor_id: input.contractorId ?? null,
          created_by: user.id,
          created_at: ctx.now,
          updated_at: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'project.create',
        targetType: 'project',
        targetId: row.id,
        organisationId: ownerId,
        regionCode: region.code,
        details: {
          name,
          permitNumber: permit.display,
          regionCode: region.code,
          location: input.location,
          site: input.site,
          supervisionUnitId: input.supervisionUnitId ?? null,
          contractorId: input.contractorId ?? null,
        },
      });
      const created = await this.#visible({ ...ctx, actor: { kind: 'system', name: 'project.create' } }, trx).where('p.id', '=', row.id).executeTakeFirstOrThrow();
      return this.#toProject(created);
    });
  }

  /**
   * The construction unit (or the platform admin) corrects a project. The region is not editable: a project moving
   * to another jurisdiction is a new registration. Every change keeps its before and after in the audit trail.
   */
  async update(ctx: RequestContext, id: string, patch: ProjectPatch): Promise<Project> {
    const user = requireAuthenticated(ctx.actor);
    const name = patch.name === undefined ? undefined : checkText(patch.name, 2, 'PROJECT_NAME_TOO_SHORT', '项目名称至少 2 个字符', 'body.name');
    const address = patch.address === undefined ? undefined : checkText(patch.address, 2, 'PROJECT_ADDRESS_TOO_SHORT', '项目地址至少 2 个字符', 'body.address');
    const permit = patch.permitNumber === undefined ? undefined : checkPermit(patch.permitNumber);
    return this.#db.transaction().execute(async (trx) => {
      const before = await findVisibleProject(trx, ctx, id, { forUpdate: true });
      if (!before) throw notFound('PROJECT_NOT_FOUND', '项目不存在或无权查看');
      const isOwner = user.kind === 'user' && hasRole(user, 'construction_user') && user.organisation?.id === before.construction_unit_id;
      if (!isOwner && !hasRole(user, 'platform_admin')) throw forbidden('PROJECT_EDIT_FORBIDDEN', '只有项目的建设单位或平台管理员可以修改项目');
      if (before.row_version !== patch.rowVersion) throw conflict('EDIT_CONFLICT', '该项目已被他人修改，请刷新后重试', 'body.rowVersion');

      const beforeSite = typeof before.site === 'string' ? (JSON.parse(before.site) as SiteBoundary) : before.site;
      const location = patch.location ?? { lng: before.location_lng, lat: before.location_lat };
      const site = patch.site ?? beforeSite;
      if (patch.location || patch.site) checkGeometry(site, location);

      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const set: Partial<{ name: string; address: string; permit_number: string; permit_number_key: string; location_lng: number; location_lat: number; site: string; supervision_unit_id: string | null; contractor_id: string | null }> = {};
      if (name !== undefined && name !== before.name) {
        set.name = name;
        changes.name = { from: before.name, to: name };
      }
      if (address !== undefined && address !== before.address) {
        set.address = address;
        changes.address = { from: before.address, to: address };
      }
      if (permit && permit.key !== before.permit_number_key) {
        await assertPermitFree(trx, permit.key, id);
        set.permit_number = permit.display;
        set.permit_number_key = permit.key;
        changes.permitNumber = { from: before.permit_number, to: permit.display };
      }
      if (patch.location && (patch.location.lng !== before.location_lng || patch.location.lat !== before.location_lat)) {
        set.location_lng = patch.location.lng;
        set.location_lat = patch.location.lat;
        changes.location = { from: { lng: before.location_lng, lat: before.location_lat }, to: patch.location };
      }
      if (patch.site && JSON.stringify(patch.site) !== JSON.stringify(beforeSite)) {
        set.site = JSON.stringify(patch.site);
        changes.site = { from: beforeSite, to: patch.site };
      }
      const participants = { supervisionUnitId: before.supervision_unit_id, contractorId: before.contractor_id };
      if (patch.supervisionUnitId !== undefined && patch.supervisionUnitId !== before.supervision_unit_id) {
        participants.supervisionUnitId = patch.supervisionUnitId;
        set.supervision_unit_id = patch.supervisionUnitId;
        changes.supervisionUnitId = { from: before.supervision_unit_id, to: patch.supervisionUnitId };
      }
      if (patch.contractorId !== undefined && patch.contractorId !== before.contractor_id) {
        participants.contractorId = patch.contractorId;
        set.contractor_id = patch.contractorId;
        changes.contractorId = { from: before.contractor_id, to: patch.contractorId };
      }
      if (changes.supervisionUnitId || changes.contractorId) {
        await checkParticipants(trx, {
          supervisionUnitId: changes.supervisionUnitId ? participants.supervisionUnitId : null,
          contractorId: changes.contractorId ? participants.contractorId : null,
        });
      }
      if (Object.keys(changes).length > 0) {
        await trx.updateTable('projects').set({ ...set, updated_at: ctx.now, row_version: before.row_version + 1 }).where('id', '=', id).execute();
        await recordAudit(trx, ctx, {
          action: 'project.update',
          targetType: 'project',
          targetId: id,
          organisationId: before.construction_unit_id,
          regionCode: before.region_code,
          details: { changes },
        });
      }
      const after = await this.#visible({ ...ctx, actor: { kind: 'system', name: 'project.update' } }, trx).where('p.id', '=', id).executeTakeFirstOrThrow();
      return this.#toProject(after);
    });
  }

  /**
   * Organisations a project may name as participants, for the console's pickers: active ones of one type, by name or
   * 统一社会信用代码. Company names and codes are public registry facts; nothing else is shown.
   */
  async participantOptions(ctx: RequestContext, type: 'construction_unit' | 'supervision_unit' | 'contractor', q: string | undefined): Promise<{ id: string; name: string; uscc: string | null; regionName: string }[]> {
    requireRole(ctx.actor, 'construction_user', 'platform_admin');
    let query = this.#db
      .selectFrom('organisations as o')
      .innerJoin('regions as r', 'r.code', 'o.region_code')
      .select(['o.id', 'o.name', 'o.uscc', 'r.name as regionName'])
      .where('o.type', '=', type)
      .where('o.status', '=', 'active');
    if (q && q.trim()) {
      const like = containsPattern(q);
      query = query.where((eb) => eb.or([eb('o.name', 'ilike', like), eb('o.uscc', 'ilike', like)]));
    }
    return query.orderBy('o.name').limit(20).execute();
  }
}

function checkText(raw: string, min: number, code: string, message: string, field: string): string {
  const v = raw.trim().replace(/\s+/g, ' ');
  if (v.length < min) throw badRequest(code, message, field);
  return v;
}

function checkPermit(raw: string): { display: string; key: string } {
  const p = normalisePermitNumber(raw);
  if (!p.ok) throw badRequest('PERMIT_NUMBER_INVALID', p.message, 'body.permitNumber');
  return p;
}

function checkGeometry(site: SiteBoundary, location: { lng: number; lat: number }): void {
  const e = checkSite(site, toLngLat(location))[0];
  if (e) throw badRequest(e.code, e.message, `body.${e.field}`);
}

async function assertPermitFree(trx: Transaction<Database>, key: string, exceptId: string | null): Promise<void> {
  let q = trx.selectFrom('projects').select('id').where('permit_number_key', '=', key);
  if (exceptId) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) throw conflict('PERMIT_NUMBER_TAKEN', '该施工许可证号已登记在其他项目', 'body.permitNumber');
}

/** Each named participant must be an active organisation of the right type; null means "not yet appointed". */
async function checkParticipants(trx: Transaction<Database>, ids: Partial<Record<(typeof PARTICIPANTS)[number]['key'], string | null>>): Promise<void> {
  for (const p of PARTICIPANTS) {
    const id = ids[p.key];
    if (!id) continue;
    const org = await trx.selectFrom('organisations').select(['type', 'status', 'name']).where('id', '=', id).executeTakeFirst();
    if (!org) throw badRequest('PARTICIPANT_UNKNOWN', `${p.zh}不存在`, `body.${p.key}`);
    if (org.type !== p.type) throw badRequest('PARTICIPANT_WRONG_TYPE', `${org.name}不是${p.zh}`, `body.${p.key}`);
    if (org.status !== 'active') throw badRequest('PARTICIPANT_DISABLED', `${org.name}已停用`, `body.${p.key}`);
  }
}
