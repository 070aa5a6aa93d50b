import type { Kysely } from 'kysely';
import { requireRole, scopeOf, type RequestContext } from '../../kernel/auth/actor.ts';
import type { Database } from '../../kernel/db/types.ts';
import { regionInSubtree, escapeLike } from '../../kernel/db/scope-sql.ts';
import '../../kernel/audit-tables.ts';

export interface AuditRecord {
  id: number;
  at: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string;
  organisationId: string | null;
  organisationName: string | null;
  regionCode: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  clientIp: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

/**
 * Reading the audit trail: administrators everything; a department its jurisdiction's entries (by the region
 * recorded on the entry or by the organisation's region); an agency administrator their organisation's.
 */
export class AuditService {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async list(ctx: RequestContext, f: { action?: string; targetType?: string; targetId?: string; page?: number; pageSize?: number }) {
    requireRole(ctx.actor, 'platform_admin', 'dept_officer', 'agency_admin');
    const scope = scopeOf(ctx.actor);
    let q = this.#db
      .selectFrom('audit_log as a')
      .leftJoin('organisations as o', 'o.id', 'a.organisation_id')
      .selectAll('a')
      .select('o.name as organisation_name');
    if (scope.kind === 'region') {
      q = q.where((eb) => eb.or([regionInSubtree(eb.ref('a.region_code'), scope.regionCode), regionInSubtree(eb.ref('o.region_code'), scope.regionCode)]));
    } else if (scope.kind === 'organisation') {
      q = q.where('a.organisation_id', '=', scope.organisationId);
    } else if (scope.kind === 'none') {
      q = q.where((eb) => eb.lit(false));
    }
    if (f.action) q = q.where('a.action', 'like', `${escapeLike(f.action)}%`);
    if (f.targetType) q = q.where('a.target_type', '=', f.targetType);
    if (f.targetId) q = q.where('a.target_id', '=', f.targetId);
    const pageSize = f.pageSize ?? 20;
    const [rows, count] = await Promise.all([
      q.orderBy('a.id', 'desc').limit(pageSize).offset(((f.page ?? 1) - 1) * pageSize).execute(),
      q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map(
        (r): AuditRecord => ({
          id: r.id,
          at: r.at.toISOString(),
          actorType: r.actor_type,
          actorId: r.actor_id,
          actorName: r.actor_name,
          actorRole: r.actor_roles.join(','),
          organisationId: r.organisation_id,
          organisationName: r.organisation_name,
          regionCode: r.region_code,
          action: r.action,
          targetType: r.target_type,
          targetId: r.target_id,
          clientIp: r.client_ip,
          requestId: r.request_id,
          details: (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Record<string, unknown>,
        }),
      ),
      total: Number(count.n),
    };
  }
}
