import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import {
  requireUser,
  type MachineActor,
  type OrganisationType,
  type RequestContext,
  type Role,
  type UserActor,
} from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../kernel/auth/password.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { Database } from '../../kernel/db/types.ts';
import { badRequest, tooManyRequests, unauthorized } from '../../kernel/errors.ts';
import { LOGIN_DEVICE_TRUST_MS, LOGIN_FAILURE_WINDOW_MS, SESSION_IDLE_MS, SESSION_MAX_AGE_MS } from '../../kernel/policy.ts';
import { closedBy, decideLoginThrottle, LIMITS as THROTTLE_LIMITS, type RecentFailures, type ThrottleScope } from './login-throttle.ts';
import { checkPasswordStrength } from './password-rules.ts';
import { factorInForce, secondFactorRequiredFor, spendSecondFactor } from './second-factor.service.ts';
import { revokeSessions, type UserService } from './users.service.ts';
import './tables.ts';

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** How often a session's last-seen time is written: not on every request, which would make reads write. */
const TOUCH_EVERY_MS = 60_000;

/** Device cookies hold 256 random bits; anything else presented as one is ignored. */
const DEVICE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Advisory-lock namespaces (first key) of sign-in checks: one per account, one per client address. */
const LOCK_ACCOUNT = 7301;
const LOCK_ADDRESS = 7302;

/** Machine credentials read `qtm_<keyId>_<secret>`: the prefix makes a leaked one easy to spot and scan for. */
const MACHINE_TOKEN = /^qtm_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  organisation: { id: string; name: string; type: OrganisationType; regionCode: string } | null;
  jurisdiction: { code: string; name: string; level: 'province' | 'city' | 'county' } | null;
  mustChangePassword: boolean;
  assignableRoles: Role[];
  /** Two-factor sign-in: whether the person has a factor, must have one, and must set one up before anything else. */
  secondFactor: { enrolled: boolean; required: boolean; enrollmentPending: boolean };
}

export class AuthService {
  readonly #db: Kysely<Database>;
  readonly #clock: Clock;
  readonly #users: UserService;
  readonly #secondFactorRequired: boolean;
  constructor(db: Kysely<Database>, clock: Clock, users: UserService, opts: { secondFactorRequired: boolean }) {
    this.#db = db;
    this.#clock = clock;
    this.#users = users;
    this.#secondFactorRequired = opts.secondFactorRequired;
  }

  /**
   * Signs a person in. Returns the new session token and the browser's device token (both for cookies). A browser
   * that signed in to this account before presents its device token and is judged by its own failures only
   * (login-throttle.ts); every other attempt counts against the account and the real client address.
   */
  async login(
    ctx: RequestContext,
    username: string,
    password: string,
    userAgent: string | null,
    deviceToken: string | null,
    secondFactorCode: string | null = null,
  ): Promise<{ token: string; expiresAt: Date; deviceToken: string }> {
    const ulower = username.trim().toLowerCase();
    const ip = ctx.clientIp ?? 'unknown';
    const presentedDevice = deviceToken !== null && DEVICE_TOKEN.test(deviceToken) ? sha256(deviceToken) : null;

    // Check and record the attempt under a lock per account and per address, so that parallel guesses see each other.
    // The attempt is written as failed and turned into a success only after the password verifies: a crash in
    // between counts against the guesser, never for them.
    const phase = await this.#db.transaction().execute(async (trx) => {
      // Always account first, then address: one order everywhere, so two sign-ins never wait on each other in a cycle.
      await sql`select pg_advisory_xact_lock(${LOCK_ACCOUNT}::int4, hashtext(${ulower}))`.execute(trx);
      await sql`select pg_advisory_xact_lock(${LOCK_ADDRESS}::int4, hashtext(${ip}))`.execute(trx);
      const knownDevice = presentedDevice === null
        ? null
        : await trx
            .selectFrom('login_devices')
            .select('token_hash')
            .where('token_hash', '=', presentedDevice)
            .where('username_lower', '=', ulower)
            .where('last_success_at', '>', new Date(ctx.now.getTime() - LOGIN_DEVICE_TRUST_MS))
            .executeTakeFirst();
      const deviceHash = knownDevice?.token_hash ?? null;
      const since = new Date(ctx.now.getTime() - LOGIN_FAILURE_WINDOW_MS);
      const failedAt = async (scope: ThrottleScope): Promise<Date[]> => {
        let q = trx.selectFrom('login_attempts').select('at').where('success', '=', false).where('at', '>', since);
        if (scope === 'device') q = q.where('username_lower', '=', ulower).where('device_hash', '=', deviceHash);
        else q = (scope === 'account' ? q.where('username_lower', '=', ulower) : q.where('client_ip', '=', ip)).where('device_hash', 'is', null);
        const rows = await q.orderBy('at', 'desc').limit(THROTTLE_LIMITS[scope]).execute();
        return rows.map((r) => r.at);
      };
      const recent: RecentFailures = deviceHash !== null
        ? { account: [], address: [], device: await failedAt('device') }
        : { account: await failedAt('account'), address: await failedAt('address'), device: null };
      const decision = decideLoginThrottle(ctx.now, recent);
      if (!decision.allowed) {
        await recordAudit(trx, ctx, {
          action: 'auth.login.throttled',
          targetType: 'user',
          targetId: null,
          details: { username: ulower, scope: decision.scope, retryAfterSeconds: decision.retryAfterSeconds, knownDevice: deviceHash !== null },
        });
        return { refused: true, retryAfterSeconds: decision.retryAfterSeconds } as const;
      }
      const attempt = await trx
        .insertInto('login_attempts')
        .values({ username_lower: ulower, client_ip: ip, at: ctx.now, success: false, device_hash: deviceHash })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { refused: false, attemptId: attempt.id, recent, deviceHash } as const;
    });
    if (phase.refused) {
      const minutes = Math.ceil(phase.retryAfterSeconds / 60);
      throw tooManyRequests('AUTH_THROTTLED', `登录失败次数过多，请 ${minutes} 分钟后再试`, phase.retryAfterSeconds);
    }
    const { attemptId, recent, deviceHash } = phase;

    const user = await this.#db
      .selectFrom('users as u')
      .leftJoin('organisations as o', 'o.id', 'u.organisation_id')
      .select(['u.id', 'u.username', 'u.display_name', 'u.roles', 'u.password_hash', 'u.status', 'u.organisation_id', 'o.status as org_status', 'o.region_code'])
      .where('u.username_lower', '=', ulower)
      .executeTakeFirst();
    // Always spend one hash, so a missing user answers as slowly as a wrong password.
    const ok = await verifyPassword(password, user?.password_hash ?? (await dummyPasswordHash()));
    const active = user !== undefined && user.status === 'active' && (user.organisation_id === null || user.org_status === 'active');

    // A refused attempt stays recorded as failed; the trail says why, and whether this failure closed a limit.
    const refuse = async (reason: 'unknown_user' | 'wrong_password' | 'disabled' | 'wrong_second_factor'): Promise<void> => {
      await this.#db.transaction().execute(async (trx) => {
        const where = { organisationId: user?.organisation_id ?? null, regionCode: user?.region_code ?? null };
        await recordAudit(trx, ctx, {
          action: 'auth.login.failed',
          targetType: 'user',
          targetId: user?.id ?? null,
          ...where,
          details: { username: ulower, reason, knownDevice: deviceHash !== null },
        });
        for (const scope of closedBy(ctx.now, recent)) {
          await recordAudit(trx, ctx, {
            action: 'auth.login.locked',
            targetType: 'user',
            targetId: user?.id ?? null,
            ...where,
            details: { username: ulower, scope, failures: THROTTLE_LIMITS[scope], windowMinutes: LOGIN_FAILURE_WINDOW_MS / 60_000 },
          });
        }
      });
    };
    if (!ok || !active || !user) {
      await refuse(!user ? 'unknown_user' : !ok ? 'wrong_password' : 'disabled');
      throw unauthorized('AUTH_INVALID_CREDENTIALS', '用户名或密码错误');
    }

    // The second step: a person with a factor proves it with a code; one who must have one and has none gets a
    // session that can only set one up.
    const factor = await factorInForce(this.#db, user.id);
    let proof: 'totp' | 'recovery_code' | null = null;
    if (factor) {
      if (!secondFactorCode) {
        // The password was right: not a failure. Nothing is granted until the code comes with it.
        await this.#db.updateTable('login_attempts').set({ success: true }).where('id', '=', attemptId).execute();
        throw unauthorized('AUTH_SECOND_FACTOR_REQUIRED', '请输入两步验证的动态验证码');
      }
      proof = await this.#db.transaction().execute((trx) => spendSecondFactor(trx, factor, secondFactorCode, ctx.now));
      if (proof === null) {
        await refuse('wrong_second_factor');
        throw unauthorized('AUTH_SECOND_FACTOR_INVALID', '动态验证码不正确或已使用，请输入验证器中当前显示的 6 位数字或一个未用过的恢复码');
      }
    }
    const enrollmentPending = !factor && secondFactorRequiredFor(user.roles, this.#secondFactorRequired);


    return this.#db.transaction().execute(async (trx) => {
      await trx.updateTable('login_attempts').set({ success: true }).where('id', '=', attemptId).execute();
      // The browser becomes (or stays) known to this account: its device cookie is kept, or a new one is issued.
      const nextDevice = deviceToken !== null && DEVICE_TOKEN.test(deviceToken) ? deviceToken : randomBytes(32).toString('base64url');
      await trx
        .insertInto('login_devices')
        .values({ token_hash: sha256(nextDevice), username_lower: ulower, first_success_at: ctx.now, last_success_at: ctx.now })
        .onConflict((oc) => oc.columns(['token_hash', 'username_lower']).doUpdateSet({ last_success_at: ctx.now }))
        .execute();
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(ctx.now.getTime() + SESSION_MAX_AGE_MS);
      await trx
        .insertInto('sessions')
        .values({
          token_hash: sha256(token),
          user_id: user.id,
          created_at: ctx.now,
          last_seen_at: ctx.now,
          expires_at: expiresAt,
          revoked_at: null,
          client_ip: ctx.clientIp,
          user_agent: userAgent?.slice(0, 300) ?? null,
          second_factor_enrollment_pending: enrollmentPending,
        })
        .execute();
      await trx.updateTable('users').set({ last_login_at: ctx.now }).where('id', '=', user.id).execute();
      const self: UserActor = { kind: 'user', id: user.id, username: user.username, displayName: user.display_name, roles: user.roles, organisation: null, sessionTokenHash: '' };
      await recordAudit(trx, { ...ctx, actor: self }, {
        action: 'auth.login',
        targetType: 'user',
        targetId: user.id,
        organisationId: user.organisation_id,
        regionCode: user.region_code,
        details: { secondFactor: proof ?? (enrollmentPending ? 'enrollment_required' : 'none') },
      });
      return { token, expiresAt, deviceToken: nextDevice };
    });
  }

  /** The person behind a session cookie, or null when it is unknown, revoked, idle too long or expired. */
  async resolveSession(token: string): Promise<UserActor | null> {
    if (token.length < 20 || token.length > 100) return null;
    const now = this.#clock.now();
    const hash = sha256(token);
    const row = await this.#db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .leftJoin('organisations as o', 'o.id', 'u.organisation_id')
      .select([
        's.last_seen_at', 's.expires_at', 's.revoked_at', 's.second_factor_enrollment_pending',
        'u.id', 'u.username', 'u.display_name', 'u.roles', 'u.status', 'u.must_change_password',
        'o.id as org_id', 'o.name as org_name', 'o.type as org_type', 'o.region_code as org_region', 'o.status as org_status',
      ])
      .where('s.token_hash', '=', hash)
      .executeTakeFirst();
    if (!row || row.revoked_at || row.status !== 'active') return null;
    if (row.expires_at <= now || row.last_seen_at.getTime() + SESSION_IDLE_MS <= now.getTime()) return null;
    if (row.org_id && row.org_status !== 'active') return null;
    if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
      await this.#db.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', hash).execute();
    }
    return {
      kind: 'user',
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      roles: row.roles,
      organisation: row.org_id ? { id: row.org_id, name: row.org_name!, type: row.org_type!, regionCode: row.org_region! } : null,
      sessionTokenHash: hash,
      ...(row.second_factor_enrollment_pending ? { secondFactorEnrollmentPending: true } : {}),
      ...(row.must_change_password ? { passwordChangeRequired: true } : {}),
    };
  }

  async resolveMachineToken(token: string): Promise<MachineActor | null> {
    const m = MACHINE_TOKEN.exec(token);
    if (!m) return null;
    const row = await this.#db
      .selectFrom('machine_credentials as c')
      .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
      .select(['c.id', 'c.name', 'c.secret_hash', 'c.revoked_at', 'c.last_used_at', 'o.id as org_id', 'o.name as org_name', 'o.type as org_type', 'o.region_code', 'o.status as org_status'])
      .where('c.key_id', '=', m[1]!)
      .executeTakeFirst();
    if (!row || row.revoked_at || row.org_status !== 'active') return null;
    // The secret is 256 random bits: a plain SHA-256 is enough, and constant-time compare is moot on a hash.
    if (sha256(m[2]!) !== row.secret_hash) return null;
    const now = this.#clock.now();
    if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > TOUCH_EVERY_MS) {
      await this.#db.updateTable('machine_credentials').set({ last_used_at: now }).where('id', '=', row.id).execute();
    }
    return { kind: 'machine', id: row.id, name: row.name, organisation: { id: row.org_id, name: row.org_name, type: row.org_type, regionCode: row.region_code } };
  }

  async logout(ctx: RequestContext): Promise<void> {
    const user = requireUser(ctx.actor);
    await this.#db.transaction().execute(async (trx) => {
      await trx.updateTable('sessions').set({ revoked_at: ctx.now }).where('token_hash', '=', user.sessionTokenHash).execute();
      await recordAudit(trx, ctx, { action: 'auth.logout', targetType: 'user', targetId: user.id, organisationId: user.organisation?.id ?? null, regionCode: user.organisation?.regionCode ?? null });
    });
  }

  async changePassword(ctx: RequestContext, current: string, next: string): Promise<void> {
    const user = requireUser(ctx.actor);
    const row = await this.#db.selectFrom('users').select(['password_hash', 'row_version']).where('id', '=', user.id).executeTakeFirstOrThrow();
    if (!(await verifyPassword(current, row.password_hash))) {
      throw badRequest('PASSWORD_WRONG', '当前密码不正确', 'body.currentPassword');
    }
    if (current === next) throw badRequest('PASSWORD_UNCHANGED', '新密码不能与当前密码相同', 'body.newPassword');
    checkPasswordStrength(next, 'body.newPassword', { username: user.username, displayName: user.displayName });
    const hash = await hashPassword(next);
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ password_hash: hash, must_change_password: false, password_changed_at: ctx.now, updated_at: ctx.now, row_version: row.row_version + 1 })
        .where('id', '=', user.id)
        .execute();
      // Other sessions may be someone who knew the old password.
      await revokeSessions(trx, user.id, ctx.now, user.sessionTokenHash);
      await recordAudit(trx, ctx, { action: 'user.password.change', targetType: 'user', targetId: user.id, organisationId: user.organisation?.id ?? null, regionCode: user.organisation?.regionCode ?? null });
    });
  }

  async me(ctx: RequestContext): Promise<Me> {
    const user = requireUser(ctx.actor);
    const row = await this.#db.selectFrom('users').select('must_change_password').where('id', '=', user.id).executeTakeFirstOrThrow();
    let jurisdiction: Me['jurisdiction'] = null;
    if (user.organisation?.type === 'department') {
      const r = await this.#db.selectFrom('regions').select(['code', 'name', 'level']).where('code', '=', user.organisation.regionCode).executeTakeFirstOrThrow();
      jurisdiction = r;
    }
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      organisation: user.organisation,
      jurisdiction,
      mustChangePassword: row.must_change_password,
      assignableRoles: this.#users.allAssignableRoles(user),
      secondFactor: {
        enrolled: Boolean(await factorInForce(this.#db, user.id)),
        required: secondFactorRequiredFor(user.roles, this.#secondFactorRequired),
        enrollmentPending: user.secondFactorEnrollmentPending === true,
      },
    };
  }
}

export { hashPassword };
