import type { Kysely, Transaction } from 'kysely';
import type { RequestContext } from './auth/actor.ts';
import type { Database } from './db/types.ts';
import './audit-tables.ts';

export interface AuditEntry {
  /** Dotted verb, module first: `organisation.create`, `user.roles.change`, `auth.login.failed`. */
  action: string;
  targetType: string;
  targetId?: string | null;
  /** The organisation whose data changed, so its admins read its trail. */
  organisationId?: string | null;
  /** The region the change belongs to, so the department of that jurisdiction reads it. */
  regionCode?: string | null;
  /** What changed (before/after of the fields that changed, a reason). Never secrets or ID numbers. */
  details?: Record<string, unknown>;
}

/** The audit row for `entry` (for writing it within another statement, as a CTE of an insert). */
export function auditRow(ctx: RequestContext, entry: AuditEntry) {
  const a = ctx.actor;
  const actor =
    a.kind === 'user'
      ? { actor_type: 'user', actor_id: a.id, actor_name: a.displayName, actor_roles: a.roles as string[] }
      : a.kind === 'machine'
        ? { actor_type: 'machine', actor_id: a.id, actor_name: a.name, actor_roles: [] }
        : a.kind === 'system'
          ? { actor_type: 'system', actor_id: null, actor_name: a.name, actor_roles: [] }
          : { actor_type: 'anonymous', actor_id: null, actor_name: null, actor_roles: [] };
  return {
    at: ctx.now,
    ...actor,
    organisation_id: entry.organisationId ?? null,
    region_code: entry.regionCode ?? null,
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId ?? null,
    client_ip: ctx.clientIp,
    request_id: ctx.requestId,
    details: JSON.stringify(entry.details ?? {}),
  };
}

/**
 * Writes one audit row inside the caller's transaction: the change and its trace commit together or not at all.
 * The table refuses UPDATE, DELETE and TRUNCATE (migration 0001).
 */
export async function recordAudit(
  db: Kysely<Database> | Transaction<Database>,
  ctx: RequestContext,
  entry: AuditEntry,
): Promise<void> {
  await db.insertInto('audit_log').values(auditRow(ctx, entry)).execute();
}
