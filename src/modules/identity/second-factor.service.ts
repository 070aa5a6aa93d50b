import type { Kysely, Transaction } from 'kysely';
import QRCode from 'qrcode';
import { requireUser, type RequestContext, type Role, type UserActor } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import type { Database } from '../../kernel/db/types.ts';
import { badRequest, conflict } from '../../kernel/errors.ts';
import { SECOND_FACTOR_REQUIRED_ROLES } from '../../kernel/policy.ts';
import { acceptTotp, newRecoveryCodes, newTotpSecret, RECOVERY_CODE, recoveryCodeHash, totpUri } from './totp.ts';
import './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Whether this person must sign in with a second factor under the platform's configuration. */
export const secondFactorRequiredFor = (roles: readonly Role[], required: boolean): boolean =>
  required && roles.some((r) => (SECOND_FACTOR_REQUIRED_ROLES as readonly Role[]).includes(r));

/** The factor in force for a person, if any. */
export async function factorInForce(db: Db, userId: string) {
  return db
    .selectFrom('user_totp')
    .select(['id', 'secret_base32', 'last_used_step', 'confirmed_at'])
    .where('user_id', '=', userId)
    .where('confirmed_at', 'is not', null)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
}

/**
 * Checks a second-factor code at sign-in: a TOTP code (6 digits) or an unused recovery code. On success the code is
 * spent (the TOTP step recorded, the recovery code marked used) in `trx`. Returns how it was proven, or null.
 */
export async function spendSecondFactor(
  trx: Transaction<Database>,
  factor: { id: string; secret_base32: string; last_used_step: string | number | null },
  code: string,
  now: Date,
): Promise<'totp' | 'recovery_code' | null> {
  const trimmed = code.trim();
  if (/^\d+$/.test(trimmed)) {
    const step = acceptTotp(factor.secret_base32, trimmed, now, factor.last_used_step === null ? null : Number(factor.last_used_step));
    if (step === null) return null;
    // Guarded by the step read: of two sign-ins racing with one code, one updates the row and the other finds none.
    const spent = await trx
      .updateTable('user_totp')
      .set({ last_used_step: step })
      .where('id', '=', factor.id)
      .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]))
      .executeTakeFirst();
    return spent.numUpdatedRows > 0n ? 'totp' : null;
  }
  if (!RECOVERY_CODE.test(trimmed)) return null;
  const used = await trx
    .updateTable('user_recovery_codes')
    .set({ used_at: now })
    .where('totp_id', '=', factor.id)
    .where('code_hash', '=', recoveryCodeHash(trimmed))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return used.numUpdatedRows > 0n ? 'recovery_code' : null;
}

/** Ends a person's factors (in force and being set up) with who and why; the rows stay for the trail. */
export async function endFactors(trx: Transaction<Database>, userId: string, now: Date, by: string, reason: string): Promise<number> {
  const r = await trx
    .updateTable('user_totp')
    .set({ ended_at: now, ended_by: by, end_reason: reason })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export interface SecondFactorStatus {
  enrolled: boolean;
  required: boolean;
  enrolledAt: Date | null;
  recoveryCodesLeft: number;
}

export interface EnrollmentStart {
  secret: string;
  otpauthUri: string;
  /** The URI as a QR code (PNG data URL) for the authenticator app to scan. */
  qrDataUrl: string;
}

/** A person's own second factor: set it up with a first code, see its state, remove it where it is optional. */
export class SecondFactorService {
  readonly #db: Kysely<Database>;
  readonly #required: boolean;
  constructor(db: Kysely<Database>, required: boolean) {
    this.#db = db;
    this.#required = required;
  }

  /** Whether the platform requires the second factor of the roles that need it (MFA_REQUIRED). */
  get requiredByConfiguration(): boolean {
    return this.#required;
  }

  async status(ctx: RequestContext): Promise<SecondFactorStatus> {
    const user = requireUser(ctx.actor);
    const factor = await factorInForce(this.#db, user.id);
    const left = factor
      ? Number((await this.#db.selectFrom('user_recovery_codes').select((eb) => eb.fn.countAll().as('n')).where('totp_id', '=', factor.id).where('used_at', 'is', null).executeTakeFirstOrThrow()).n)
      : 0;
    return { enrolled: Boolean(factor), required: secondFactorRequiredFor(user.roles, this.#required), enrolledAt: factor?.confirmed_at ?? null, recoveryCodesLeft: left };
  }

  /** Starts (or restarts) setting up a factor: a new secret, shown once as a QR code and as text. */
  async startEnrollment(ctx: RequestContext): Promise<EnrollmentStart> {
    const user = requireUser(ctx.actor);
    const secret = newTotpSecret();
    await this.#db.transaction().execute(async (trx) => {
      if (await factorInForce(trx, user.id)) throw conflict('SECOND_FACTOR_ALREADY_ENROLLED', '已绑定两步验证；如需更换，请先解除或请管理员重置');
      // A setup started before and never confirmed is ended: only the newest QR code works.
      await trx
        .updateTable('user_totp')
        .set({ ended_at: ctx.now, ended_by: user.id, end_reason: '重新开始绑定' })
        .where('user_id', '=', user.id)
        .where('confirmed_at', 'is', null)
        .where('ended_at', 'is', null)
        .execute();
      await trx.insertInto('user_totp').values({ user_id: user.id, secret_base32: secret, created_at: ctx.now, confirmed_at: null, last_used_step: null, ended_at: null, ended_by: null, end_reason: null }).execute();
      await recordAudit(trx, ctx, { ...this.#where(user), action: 'auth.second_factor.enrollment_started', targetType: 'user', targetId: user.id });
    });
    const otpauthUri = totpUri(secret, user.username);
    return { secret, otpauthUri, qrDataUrl: await QRCode.toDataURL(otpauthUri, { margin: 1, width: 240 }) };
  }

  /**
   * Confirms the setup with a first code from the app. Returns the recovery codes, shown this once. A session that
   * could only set up a factor becomes a full one.
   */
  async confirmEnrollment(ctx: RequestContext, code: string): Promise<{ recoveryCodes: string[] }> {
    const user = requireUser(ctx.actor);
    const recoveryCodes = newRecoveryCodes();
    await this.#db.transaction().execute(async (trx) => {
      const pending = await trx
        .selectFrom('user_totp')
        .select(['id', 'secret_base32'])
        .where('user_id', '=', user.id)
        .where('confirmed_at', 'is', null)
        .where('ended_at', 'is', null)
        .forUpdate()
        .executeTakeFirst();
      if (!pending) throw conflict('SECOND_FACTOR_NOT_STARTED', '请先开始绑定，扫描二维码后再输入验证码');
      const step = acceptTotp(pending.secret_base32, code.trim(), ctx.now, null);
      if (step === null) throw badRequest('SECOND_FACTOR_CODE_INVALID', '验证码不正确或已过期，请输入验证器中当前显示的 6 位数字', 'body.code');
      await trx.updateTable('user_totp').set({ confirmed_at: ctx.now, last_used_step: step }).where('id', '=', pending.id).execute();
      await trx.insertInto('user_recovery_codes').values(recoveryCodes.map((c) => ({ totp_id: pending.id, code_hash: recoveryCodeHash(c), used_at: null }))).execute();
      await trx.updateTable('sessions').set({ second_factor_enrollment_pending: false }).where('token_hash', '=', user.sessionTokenHash).execute();
      await recordAudit(trx, ctx, { ...this.#where(user), action: 'auth.second_factor.enrolled', targetType: 'user', targetId: user.id });
    });
    return { recoveryCodes };
  }

  /** Removes one's own factor where it is optional; proven with a current code. */
  async remove(ctx: RequestContext, code: string): Promise<void> {
    const user = requireUser(ctx.actor);
    if (secondFactorRequiredFor(user.roles, this.#required)) {
      throw conflict('SECOND_FACTOR_REQUIRED', '您的角色必须使用两步验证，不能解除；更换手机请联系平台管理员重置');
    }
    await this.#db.transaction().execute(async (trx) => {
      const factor = await factorInForce(trx, user.id);
      if (!factor) throw conflict('SECOND_FACTOR_NOT_ENROLLED', '尚未绑定两步验证');
      if ((await spendSecondFactor(trx, factor, code, ctx.now)) === null) {
        throw badRequest('SECOND_FACTOR_CODE_INVALID', '验证码不正确或已过期，请输入验证器中当前显示的 6 位数字', 'body.code');
      }
      await endFactors(trx, user.id, ctx.now, user.id, '本人解除');
      await recordAudit(trx, ctx, { ...this.#where(user), action: 'auth.second_factor.removed', targetType: 'user', targetId: user.id });
    });
  }

  #where(user: UserActor) {
    return { organisationId: user.organisation?.id ?? null, regionCode: user.organisation?.regionCode ?? null };
  }
}
