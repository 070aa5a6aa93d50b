import type { Kysely } from 'kysely';
import { requireUser, scopeOf, type RequestContext, type UserActor } from '../../kernel/auth/actor.ts';
import type { Database } from '../../kernel/db/types.ts';
import { visibleTo } from '../../kernel/db/scope-sql.ts';
import { badRequest, forbidden, notFound } from '../../kernel/errors.ts';

/**
 * Shared by the agency, personnel and equipment registries: which agency a caller may see, and who may change an
 * agency's registry entries (its own agency administrators and the platform administrators). Department officers
 * read and verify; they do not edit an agency's own records.
 */
export interface AgencyRef {
  id: string;
  name: string;
  regionCode: string;
}

/** The agency `id` if the caller may see it (an organisation of type agency within their scope). */
export async function findVisibleAgency(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<AgencyRef | undefined> {
  const scope = scopeOf(ctx.actor);
  const row = await db
    .selectFrom('organisations as o')
    .select(['o.id', 'o.name', 'o.region_code'])
    .where('o.id', '=', id)
    .where('o.type', '=', 'agency')
    .where((eb) => visibleTo(scope, { organisation: eb.ref('o.id'), region: eb.ref('o.region_code') }))
    .executeTakeFirst();
  return row ? { id: row.id, name: row.name, regionCode: row.region_code } : undefined;
}

export function mayManageAgency(ctx: RequestContext, agencyId: string): boolean {
  const a = ctx.actor;
  if (a.kind !== 'user') return false;
  if (a.roles.includes('platform_admin')) return true;
  return a.roles.includes('agency_admin') && a.organisation?.id === agencyId;
}

/** 404 when the agency is outside the caller's scope, 403 when visible but not theirs to change. */
export async function requireManagedAgency(db: Kysely<Database>, ctx: RequestContext, agencyId: string): Promise<AgencyRef> {
  requireUser(ctx.actor);
  const agency = await findVisibleAgency(db, ctx, agencyId);
  if (!agency) throw notFound('AGENCY_NOT_FOUND', '检测机构不存在或无权查看');
  if (!mayManageAgency(ctx, agencyId)) throw forbidden('AGENCY_ADMIN_REQUIRED', '只有本机构管理员或平台管理员可以办理');
  return agency;
}

/**
 * The agency a new registry entry belongs to: the caller's own agency, or (platform administrators) the one named
 * in the body. A foreign or unknown agency id is refused without saying which of the two it is.
 */
export async function agencyForNewEntry(
  db: Kysely<Database>,
  ctx: RequestContext,
  given: string | null | undefined,
  field: string,
): Promise<AgencyRef> {
  const user: UserActor = requireUser(ctx.actor);
  const id = given ?? (user.organisation?.type === 'agency' ? user.organisation.id : undefined);
  if (!id) throw badRequest('AGENCY_REQUIRED', '请指定检测机构', field);
  const agency = await findVisibleAgency(db, ctx, id);
  if (!agency) throw badRequest('AGENCY_NOT_FOUND', '检测机构不存在或无权查看', field);
  if (!mayManageAgency(ctx, id)) throw forbidden('AGENCY_ADMIN_REQUIRED', '只有本机构管理员或平台管理员可以办理');
  return agency;
}
