import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { requireUser, scopeOf, type RequestContext, type Scope, type UserActor } from '../../kernel/auth/actor.ts';
import type { Database } from '../../kernel/db/types.ts';
import { regionInSubtree } from '../../kernel/db/scope-sql.ts';
import { forbidden, notFound } from '../../kernel/errors.ts';
import type { RegionRow } from '../regions/index.ts';

type Db = Kysely<Database> | Transaction<Database>;

export type InspectionScope = Extract<Scope, { kind: 'all' } | { kind: 'region' }>;

/** Inspections are the departments' work: their officers (own jurisdiction and below) and the platform's administrators. */
export function requireInspectionReader(ctx: RequestContext): { user: UserActor; scope: InspectionScope } {
  const user = requireUser(ctx.actor);
  const scope = scopeOf(user);
  if (scope.kind !== 'all' && scope.kind !== 'region') throw forbidden('INSPECTION_DEPARTMENT_ONLY', '只有住建部门监管人员可以查看核查与检查');
  return { user, scope };
}

/** Only a department's officer acts (publishes a draw, opens a campaign, records findings): an administrator reads. */
export function requireDepartmentOfficer(ctx: RequestContext): { user: UserActor; scope: Extract<Scope, { kind: 'region' }> } {
  const user = requireUser(ctx.actor);
  const scope = scopeOf(user);
  if (scope.kind !== 'region') throw forbidden('INSPECTION_OFFICER_ONLY', '只有住建部门监管人员可以办理');
  return { user, scope };
}

const REGION_NOT_IN_SCOPE = () => notFound('REGION_NOT_FOUND', '辖区不存在或不在本部门管辖范围内');

/** The region if it is the caller's jurisdiction or below it; 404 otherwise (a foreign region is not confirmed). */
export async function regionInScope(db: Db, scope: InspectionScope, code: string): Promise<RegionRow> {
  let q = db.selectFrom('regions as r').selectAll('r').where('r.code', '=', code);
  if (scope.kind === 'region') q = q.where((eb) => regionInSubtree(eb.ref('r.code'), scope.regionCode));
  const row = await q.executeTakeFirst();
  if (!row) throw REGION_NOT_IN_SCOPE();
  return row;
}

/** The caller's own jurisdiction (the province for administrators). */
export async function homeRegion(db: Db, scope: InspectionScope): Promise<RegionRow> {
  if (scope.kind === 'region') return regionInScope(db, scope, scope.regionCode);
  return db.selectFrom('regions').selectAll().where('parent_code', 'is', null).orderBy('sort_order').limit(1).executeTakeFirstOrThrow();
}

export interface OfficerRef {
  id: string;
  name: string;
  departmentName: string;
  regionCode: string;
}

/** Active department officers whose department lies within `rootCode`'s subtree: candidate inspectors and visitors. */
export async function officersWithin(db: Db, rootCode: string): Promise<OfficerRef[]> {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('organisations as d', 'd.id', 'u.organisation_id')
    .innerJoin('regions as r', 'r.code', 'd.region_code')
    .select(['u.id', 'u.display_name', 'd.name as department_name', 'd.region_code'])
    .where('u.status', '=', 'active')
    .where('d.type', '=', 'department')
    .where(sql<SqlBool>`'dept_officer' = any(u.roles)`)
    .where((eb) => regionInSubtree(eb.ref('d.region_code'), rootCode))
    .orderBy('r.sort_order')
    .orderBy('u.display_name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name, departmentName: r.department_name, regionCode: r.region_code }));
}
