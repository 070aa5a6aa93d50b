import type { Kysely, Transaction } from 'kysely';
import {
  hasRole,
  requireAuthenticated,
  requireRole,
  ROLES,
  ROLES_BY_ORGANISATION_TYPE,
  scopeOf,
  type OrganisationType,
  type RequestContext,
  type Role,
  type UserActor,
} from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import { hashPassword } from '../../kernel/auth/password.ts';
import type { Database } from '../../kernel/db/types.ts';
import { visibleTo, containsPattern } from '../../kernel/db/scope-sql.ts';
import { badRequest, conflict, forbidden, notFound } from '../../kernel/errors.ts';
import { checkPasswordStrength } from './password-rules.ts';
import { endFactors } from './second-factor.service.ts';
import type { UserRow } from './tables.ts';
import './tables.ts';

export interface User {
  id: string;
  username: string;
  displayName: string;
  organisationId: string | null;
  organisationName: string | null;
  roles: Role[];
  status: 'active' | 'disabled';
  createdAt: string;
  lastLoginAt: string | null;
}

export interface NewUser {
  username: string;
  displayName: string;
  organisationId: string | null;
  roles: Role[];
  password: string;
}

type Row = UserRow & { organisation_name: string | null; organisation_type: OrganisationType | null; region_code: string | null };

const toUser = (r: Row): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  organisationId: r.organisation_id,
  organisationName: r.organisation_name,
  roles: r.roles,
  status: r.status,
  createdAt: r.created_at.toISOString(),
  lastLoginAt: r.last_login_at ? r.last_login_at.toISOString() : null,
});

/**
 * People and their roles. Who may manage whom:
 * - a platform administrator manages everyone;
 * - an agency administrator manages the people of their own agency, with agency roles only;
 * - a department officer reads the people of organisations in their jurisdiction.
 */
export class UserService {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  #visible(ctx: RequestContext, db: Kysely<Database> = this.#db) {
    const scope = scopeOf(ctx.actor);
    return db
      .selectFrom('users as u')
      .leftJoin('organisations as o', 'o.id', 'u.organisation_id')
      .selectAll('u')
      .select(['o.name as organisation_name', 'o.type as organisation_type', 'o.region_code'])
      .where((eb) =>
        scope.kind === 'all'
          ? eb.lit(true)
          : // Platform administrators (no organisation) are visible to platform administrators only.
            eb.and([eb('u.organisation_id', 'is not', null), visibleTo(scope, { organisation: eb.ref('u.organisation_id'), region: eb.ref('o.region_code') })]),
      );
  }

  /** Roles this actor may give to people of an organisation of `type` (all of them: null). */
  assignableRoles(actor: UserActor, type: OrganisationType | null): Role[] {
    if (actor.roles.includes('platform_admin')) {
      return type ? [...ROLES_BY_ORGANISATION_TYPE[type]] : ['platform_admin'];
    }
    if (actor.roles.includes('agency_admin') && type === 'agency') return [...ROLES_BY_ORGANISATION_TYPE.agency];
    return [];
  }

  /** The union the console offers in its role picker. */
  allAssignableRoles(actor: UserActor): Role[] {
    if (actor.roles.includes('platform_admin')) return [...ROLES];
    if (actor.roles.includes('agency_admin')) return [...ROLES_BY_ORGANISATION_TYPE.agency];
    return [];
  }

  async list(ctx: RequestContext, f: { q?: string; organisationId?: string; page?: number; pageSize?: number }) {
    requireAuthenticated(ctx.actor);
    let q = this.#visible(ctx);
    if (f.organisationId) q = q.where('u.organisation_id', '=', f.organisationId);
    if (f.q && f.q.trim()) {
      const like = containsPattern(f.q);
      q = q.where((eb) => eb.or([eb('u.username', 'ilike', like), eb('u.display_name', 'ilike', like)]));
    }
    const pageSize = f.pageSize ?? 20;
    const [rows, count] = await Promise.all([
      q.orderBy('u.created_at', 'desc').orderBy('u.id').limit(pageSize).offset(((f.page ?? 1) - 1) * pageSize).execute(),
      q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toUser), total: Number(count.n) };
  }

  async get(ctx: RequestContext, id: string): Promise<User> {
    requireAuthenticated(ctx.actor);
    return toUser(await this.#getRow(ctx, id));
  }

  async #getRow(ctx: RequestContext, id: string, db: Kysely<Database> = this.#db, lock = false): Promise<Row> {
    let q = this.#visible(ctx, db).where('u.id', '=', id);
    if (lock) q = q.forUpdate('u');
    const row = await q.executeTakeFirst();
    if (!row) throw notFound('USER_NOT_FOUND', '用户不存在或无权查看');
    return row;
  }

  /** May `actor` manage this person? (read access is already given by `#visible`) */
  #assertManages(actor: UserActor, target: Row): void {
    if (actor.roles.includes('platform_admin')) return;
    if (actor.roles.includes('agency_admin') && target.organisation_id === actor.organisation?.id && target.organisation_type === 'agency') return;
    throw forbidden('USER_MANAGE_FORBIDDEN', '无权管理该用户');
  }

  #checkRoles(actor: UserActor, type: OrganisationType | null, roles: Role[]): void {
    if (roles.length === 0) throw badRequest('ROLES_REQUIRED', '至少选择一个角色', 'body.roles');
    const allowed = this.assignableRoles(actor, type);
    roles.forEach((r, i) => {
      if (!allowed.includes(r)) {
        throw badRequest('ROLE_NOT_ASSIGNABLE', `角色 ${r} 不能授予该机构的人员`, `body.roles.${i}`);
      }
    });
    if (new Set(roles).size !== roles.length) throw badRequest('ROLES_DUPLICATE', '角色有重复', 'body.roles');
  }

  async create(ctx: RequestContext, input: NewUser): Promise<User> {
    const actor = requireRole(ctx.actor, 'platform_admin', 'agency_admin');
    const orgId = actor.roles.includes('platform_admin') ? input.organisationId : actor.organisation?.id ?? null;
    if (!actor.roles.includes('platform_admin') && input.organisationId && input.organisationId !== orgId) {
      throw forbidden('USER_MANAGE_FORBIDDEN', '只能为本机构创建用户');
    }
    checkPasswordStrength(input.password, 'body.password', { username: input.username, displayName: input.displayName });
    const passwordHash = await hashPassword(input.password);
    return this.#db.transaction().execute(async (trx) => {
      const org = orgId
        ? await trx.selectFrom('organisations').selectAll().where('id', '=', orgId).executeTakeFirst()
        : undefined;
      if (orgId && !org) throw badRequest('ORGANISATION_UNKNOWN', '所属机构不存在', 'body.organisationId');
      if (org && org.status !== 'active') throw badRequest('ORGANISATION_DISABLED', '所属机构已停用', 'body.organisationId');
      this.#checkRoles(actor, org?.type ?? null, input.roles);
      await this.#assertUsernameFree(trx, input.username);
      const row = await trx
        .insertInto('users')
        .values({
          username: input.username,
          display_name: input.displayName.trim(),
          organisation_id: org?.id ?? null,
          roles: input.roles,
          password_hash: passwordHash,
          // Whoever set the first password knows it; the person chooses their own at first login.
          must_change_password: true,
          status: 'active',
          created_at: ctx.now,
          updated_at: ctx.now,
          password_changed_at: ctx.now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'user.create',
        targetType: 'user',
        targetId: row.id,
        organisationId: row.organisation_id,
        regionCode: org?.region_code ?? null,
        details: { username: row.username, roles: row.roles },
      });
      return toUser({ ...row, organisation_name: org?.name ?? null, organisation_type: org?.type ?? null, region_code: org?.region_code ?? null });
    });
  }

  async #assertUsernameFree(trx: Transaction<Database>, username: string): Promise<void> {
    const dup = await trx.selectFrom('users').select('id').where('username_lower', '=', username.toLowerCase()).executeTakeFirst();
    if (dup) throw conflict('USERNAME_TAKEN', '用户名已被使用', 'body.username');
  }

  async setRoles(ctx: RequestContext, id: string, roles: Role[]): Promise<User> {
    const actor = requireRole(ctx.actor, 'platform_admin', 'agency_admin');
    return this.#db.transaction().execute(async (trx) => {
      const before = await this.#getRow(ctx, id, trx, true);
      this.#assertManages(actor, before);
      this.#checkRoles(actor, before.organisation_type, roles);
      if (before.id === actor.id && hasRole(actor, 'platform_admin') && !roles.includes('platform_admin')) {
        throw badRequest('CANNOT_DROP_OWN_ADMIN', '不能撤销自己的平台管理员角色', 'body.roles');
      }
      const row = await trx
        .updateTable('users')
        .set({ roles, updated_at: ctx.now, row_version: before.row_version + 1 })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'user.roles.change',
        targetType: 'user',
        targetId: id,
        organisationId: before.organisation_id,
        regionCode: before.region_code,
        details: { from: before.roles, to: roles },
      });
      return toUser({ ...before, ...row });
    });
  }

  async setStatus(ctx: RequestContext, id: string, status: 'active' | 'disabled'): Promise<User> {
    const actor = requireRole(ctx.actor, 'platform_admin', 'agency_admin');
    return this.#db.transaction().execute(async (trx) => {
      const before = await this.#getRow(ctx, id, trx, true);
      this.#assertManages(actor, before);
      if (before.id === actor.id && status === 'disabled') throw badRequest('CANNOT_DISABLE_SELF', '不能停用自己的账号');
      if (before.status === status) return toUser(before);
      const row = await trx
        .updateTable('users')
        .set({ status, updated_at: ctx.now, row_version: before.row_version + 1 })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (status === 'disabled') await revokeSessions(trx, id, ctx.now);
      await recordAudit(trx, ctx, {
        action: status === 'disabled' ? 'user.disable' : 'user.enable',
        targetType: 'user',
        targetId: id,
        organisationId: before.organisation_id,
        regionCode: before.region_code,
        details: { from: before.status, to: status },
      });
      return toUser({ ...before, ...row });
    });
  }

  /** An administrator sets a temporary password; the person must change it at next login. */
  async resetPassword(ctx: RequestContext, id: string, newPassword: string): Promise<void> {
    const actor = requireRole(ctx.actor, 'platform_admin', 'agency_admin');
    const target = await this.#getRow(ctx, id);
    checkPasswordStrength(newPassword, 'body.newPassword', { username: target.username, displayName: target.display_name });
    const hash = await hashPassword(newPassword);
    await this.#db.transaction().execute(async (trx) => {
      const before = await this.#getRow(ctx, id, trx, true);
      this.#assertManages(actor, before);
      await trx
        .updateTable('users')
        .set({ password_hash: hash, must_change_password: true, password_changed_at: ctx.now, updated_at: ctx.now, row_version: before.row_version + 1 })
        .where('id', '=', id)
        .execute();
      await revokeSessions(trx, id, ctx.now);
      await recordAudit(trx, ctx, {
        action: 'user.password.reset',
        targetType: 'user',
        targetId: id,
        organisationId: before.organisation_id,
        regionCode: before.region_code,
      });
    });
  }

  /**
   * An administrator removes a person's second factor (a lost or replaced phone), with the reason for the trail. The
   * person's sessions end; at the next sign-in a person who must have one sets up a new one.
   */
  async resetSecondFactor(ctx: RequestContext, id: string, reason: string): Promise<void> {
    const actor = requireRole(ctx.actor, 'platform_admin', 'agency_admin');
    const why = reason.trim();
    if (why.length < 4) throw badRequest('REASON_REQUIRED', '请写明重置原因（至少 4 个字）', 'body.reason');
    await this.#db.transaction().execute(async (trx) => {
      const before = await this.#getRow(ctx, id, trx, true);
      this.#assertManages(actor, before);
      const ended = await endFactors(trx, id, ctx.now, actor.id, why);
      if (ended === 0) throw conflict('SECOND_FACTOR_NOT_ENROLLED', '该用户尚未绑定两步验证');
      await revokeSessions(trx, id, ctx.now);
      await recordAudit(trx, ctx, {
        action: 'user.second_factor.reset',
        targetType: 'user',
        targetId: id,
        organisationId: before.organisation_id,
        regionCode: before.region_code,
        details: { reason: why },
      });
    });
  }
}

export async function revokeSessions(db: Kysely<Database>, userId: string, now: Date, exceptTokenHash?: string): Promise<void> {
  let q = db.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (exceptTokenHash) q = q.where('token_hash', '!=', exceptTokenHash);
  await q.execute();
}
