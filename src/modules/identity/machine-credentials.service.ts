import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { requireRole, type RequestContext } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import type { Database } from '../../kernel/db/types.ts';
import { badRequest, notFound } from '../../kernel/errors.ts';
import { sha256 } from './auth.service.ts';
import './tables.ts';

export interface MachineCredential {
  id: string;
  organisationId: string;
  name: string;
  keyId: string;
  createdAt: string;
  createdByName: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/**
 * Credentials for an agency's own lab system (LIMS). The agency admin creates one, sees the secret once,
 * and can revoke it; the platform keeps only a hash. A platform administrator can see and revoke any.
 */
export class MachineCredentialService {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  #visible(ctx: RequestContext, db: Kysely<Database> = this.#db) {
    const actor = requireRole(ctx.actor, 'agency_admin', 'platform_admin');
    let q = db
      .selectFrom('machine_credentials as c')
      .innerJoin('users as u', 'u.id', 'c.created_by')
      .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
      .selectAll('c')
      .select(['u.display_name as created_by_name', 'o.region_code']);
    if (!actor.roles.includes('platform_admin')) q = q.where('c.organisation_id', '=', actor.organisation?.id ?? '00000000-0000-0000-0000-000000000000');
    return q;
  }

  async list(ctx: RequestContext): Promise<MachineCredential[]> {
    const rows = await this.#visible(ctx).orderBy('c.created_at', 'desc').execute();
    return rows.map(toCredential);
  }

  async create(ctx: RequestContext, name: string): Promise<{ credential: MachineCredential; secret: string }> {
    const actor = requireRole(ctx.actor, 'agency_admin');
    const org = actor.organisation;
    if (!org || org.type !== 'agency') throw badRequest('NOT_AN_AGENCY', '只有检测机构可以创建接口凭证');
    if (!name.trim()) throw badRequest('NAME_REQUIRED', '请填写凭证名称', 'body.name');
    const keyId = randomBytes(8).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    return this.#db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('machine_credentials')
        .values({ organisation_id: org.id, name: name.trim(), key_id: keyId, secret_hash: sha256(secret), created_by: actor.id, created_at: ctx.now })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'machine_credential.create',
        targetType: 'machine_credential',
        targetId: row.id,
        organisationId: org.id,
        regionCode: org.regionCode,
        details: { name: row.name, keyId },
      });
      return {
        credential: toCredential({ ...row, created_by_name: actor.displayName, region_code: org.regionCode }),
        secret: `qtm_${keyId}_${secret}`,
      };
    });
  }

  async revoke(ctx: RequestContext, id: string): Promise<MachineCredential> {
    const actor = requireRole(ctx.actor, 'agency_admin', 'platform_admin');
    return this.#db.transaction().execute(async (trx) => {
      const before = await this.#visible(ctx, trx).where('c.id', '=', id).executeTakeFirst();
      if (!before) throw notFound('CREDENTIAL_NOT_FOUND', '凭证不存在或无权查看');
      if (before.revoked_at) return toCredential(before);
      const row = await trx
        .updateTable('machine_credentials')
        .set({ revoked_at: ctx.now, revoked_by: actor.id })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'machine_credential.revoke',
        targetType: 'machine_credential',
        targetId: id,
        organisationId: row.organisation_id,
        regionCode: before.region_code,
        details: { name: row.name, keyId: row.key_id },
      });
      return toCredential({ ...row, created_by_name: before.created_by_name, region_code: before.region_code });
    });
  }
}

function toCredential(r: {
  id: string; organisation_id: string; name: string; key_id: string; created_at: Date; created_by_name: string; revoked_at: Date | null; last_used_at: Date | null; region_code?: string;
}): MachineCredential {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    name: r.name,
    keyId: r.key_id,
    createdAt: r.created_at.toISOString(),
    createdByName: r.created_by_name,
    revokedAt: r.revoked_at?.toISOString() ?? null,
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
  };
}
