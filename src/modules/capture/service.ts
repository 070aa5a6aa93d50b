import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { hasRole, requireAuthenticated, type MachineActor, type RequestContext, type UserActor } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import type { Database } from '../../kernel/db/types.ts';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../../kernel/errors.ts';
import { CAPTURE_CHALLENGE_TTL_MS, CAPTURE_CHALLENGES_HELD_MAX, CAPTURE_KEY_VALIDITY_MS, CAPTURE_KEYS_PER_HOLDER_MAX } from '../../kernel/policy.ts';
import { newCheckCode, normaliseCheckCode } from '../reports/index.ts';
import {
  assertChallengeUsable,
  assertHashMatches,
  assertKeyUsable,
  assertManifestAgrees,
  fingerprintOf,
  keyState,
  parseCapturePublicKey,
  positionFlags,
  verifyCaptureSignature,
  type CaptureAlgorithm,
  type CaptureEnvelope,
  type CaptureFlag,
  type DeclaredCapture,
  type KeyState,
} from './manifest.ts';
import type { CaptureChallengeRow, CaptureKeyRow } from './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;
type Holder = UserActor | MachineActor;

export interface CaptureKeyView {
  id: string;
  owner: { type: 'user' | 'machine'; id: string; name: string };
  organisationId: string;
  algorithm: CaptureAlgorithm;
  publicKey: string;
  fingerprint: string;
  label: string;
  state: KeyState;
  enrolledAt: string;
  expiresAt: string;
  approvedAt: string | null;
  approvedBy: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
}

export interface ChallengeView {
  nonce: string;
  issuedAt: string;
  expiresAt: string;
  /** The short verification code printed in the watermark of the photo that uses this challenge. */
  code: string;
}

/** What an image view shows of its capture. */
export interface CaptureStatus {
  status: 'verified' | 'unsigned';
  keyId: string | null;
  algorithm: CaptureAlgorithm | null;
  code: string | null;
  positionAccuracy: number | null;
  appVersion: string | null;
}

/** A capture verified on upload, to be stored beside its image once the image row exists. */
export interface VerifiedCapture {
  keyId: string;
  challengeId: string;
  code: string;
  envelope: CaptureEnvelope;
  flags: CaptureFlag[];
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function toKeyView(r: CaptureKeyRow, now: Date): CaptureKeyView {
  return {
    id: r.id,
    owner: { type: r.owner_type, id: r.owner_id, name: r.owner_name },
    organisationId: r.organisation_id,
    algorithm: r.algorithm,
    publicKey: r.public_key_spki,
    fingerprint: r.fingerprint,
    label: r.label,
    state: keyState({ approvedAt: r.approved_at, revokedAt: r.revoked_at, expiresAt: r.expires_at }, now),
    enrolledAt: r.enrolled_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    approvedAt: iso(r.approved_at),
    approvedBy: r.approved_by_name,
    revokedAt: iso(r.revoked_at),
    revokeReason: r.revoke_reason,
  };
}

const holderOf = (ctx: RequestContext): Holder => {
  const a = requireAuthenticated(ctx.actor);
  if (!a.organisation) throw forbidden('CAPTURE_NO_ORGANISATION', '只有检测机构或监理单位的人员可以登记采集设备');
  return a;
};
const holderRef = (h: Holder) => ({ type: h.kind, id: h.id });
const holderName = (h: Holder) => (h.kind === 'user' ? h.displayName : h.name);
const KEY_NOT_FOUND = () => notFound('CAPTURE_KEY_NOT_FOUND', '采集密钥不存在或无权查看');

/**
 * Who approves a key and may see and revoke the organisation's keys: the agency administrator for an agency's people
 * and systems; for a supervision unit, which has no administrator role on the platform, another witness of the same
 * unit (never the holder themself); the platform administrator anywhere.
 */
function isKeyAdministrator(actor: Holder, key: Pick<CaptureKeyRow, 'organisation_id' | 'owner_type' | 'owner_id'>): boolean {
  if (actor.kind !== 'user') return false;
  if (hasRole(actor, 'platform_admin')) return true;
  if (actor.organisation?.id !== key.organisation_id) return false;
  if (actor.organisation.type === 'agency') return hasRole(actor, 'agency_admin');
  if (actor.organisation.type === 'supervision_unit') return hasRole(actor, 'witness') && !(key.owner_type === 'user' && key.owner_id === actor.id);
  return false;
}

/** Enrolment, approval, listing and revocation of capture keys; challenges; verification of signed captures. */
export class CaptureService {
  readonly #db: Kysely<Database>;
  constructor(deps: { db: Kysely<Database> }) {
    this.#db = deps.db;
  }

  /** The caller enrols a public key of theirs (SPKI, base64 or PEM; Ed25519 or P-256). It waits for approval. */
  async enrol(ctx: RequestContext, input: { publicKey: string; label: string }): Promise<CaptureKeyView> {
    const holder = holderOf(ctx);
    const parsed = parseCapturePublicKey(input.publicKey);
    if (!parsed) throw badRequest('CAPTURE_KEY_INVALID', '公钥应为 Ed25519 或 ECDSA P-256 的 SubjectPublicKeyInfo（base64 或 PEM）', 'body.publicKey');
    const label = input.label.trim();
    if (label.length === 0) throw badRequest('CAPTURE_KEY_LABEL_REQUIRED', '请为设备命名（如“张三的手机”）', 'body.label');
    const fingerprint = fingerprintOf(parsed.spkiDer);
    return this.#db.transaction().execute(async (trx) => {
      // One enrolment at a time per holder, so that the count below holds.
      await sql`select pg_advisory_xact_lock(hashtext(${`capture-keys:${holder.id}`}))`.execute(trx);
      const held = await trx
        .selectFrom('capture_keys')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('owner_type', '=', holder.kind)
        .where('owner_id', '=', holder.id)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', ctx.now)
        .executeTakeFirstOrThrow();
      if (Number(held.n) >= CAPTURE_KEYS_PER_HOLDER_MAX) {
        throw conflict('CAPTURE_KEYS_TOO_MANY', `每人最多同时登记 ${CAPTURE_KEYS_PER_HOLDER_MAX} 台采集设备，请先吊销不再使用的设备`);
      }
      const existing = await trx.selectFrom('capture_keys').select('id').where('fingerprint', '=', fingerprint).executeTakeFirst();
      if (existing) throw conflict('CAPTURE_KEY_ALREADY_ENROLLED', '该公钥已经登记过', 'body.publicKey');
      const row = await trx
        .insertInto('capture_keys')
        .values({
          owner_type: holder.kind,
          owner_id: holder.id,
          owner_name: holderName(holder),
          organisation_id: holder.organisation!.id,
          region_code: holder.organisation!.regionCode,
          algorithm: parsed.alg,
          public_key_spki: parsed.spkiDer.toString('base64'),
          fingerprint,
          label,
          enrolled_at: ctx.now,
          expires_at: new Date(ctx.now.getTime() + CAPTURE_KEY_VALIDITY_MS),
          approved_at: null,
          approved_by_id: null,
          approved_by_name: null,
          revoked_at: null,
          revoked_by_type: null,
          revoked_by_id: null,
          revoke_reason: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'capture_key.enrol',
        targetType: 'capture_key',
        targetId: row.id,
        organisationId: row.organisation_id,
        regionCode: row.region_code,
        details: { algorithm: row.algorithm, fingerprint, label },
      });
      return toKeyView(row, ctx.now);
    });
  }

  /** The caller's own keys, or (`organisation`) every key of the organisation the caller administers. Newest first. */
  async list(ctx: RequestContext, q: { scope?: 'mine' | 'organisation' }): Promise<CaptureKeyView[]> {
    const holder = holderOf(ctx);
    let query = this.#db.selectFrom('capture_keys').selectAll().orderBy('enrolled_at', 'desc').orderBy('id');
    if (q.scope === 'organisation') {
      const org = holder.organisation!;
      const admin = holder.kind === 'user' && (hasRole(holder, 'platform_admin') || (org.type === 'agency' ? hasRole(holder, 'agency_admin') : org.type === 'supervision_unit' && hasRole(holder, 'witness')));
      if (!admin) throw forbidden('CAPTURE_KEYS_ADMIN_ONLY', '只有本单位管理员可以查看全部采集设备');
      query = query.where('organisation_id', '=', org.id);
    } else {
      query = query.where('owner_type', '=', holder.kind).where('owner_id', '=', holder.id);
    }
    return (await query.execute()).map((r) => toKeyView(r, ctx.now));
  }

  async #forAdministration(trx: Transaction<Database>, ctx: RequestContext, id: string): Promise<{ row: CaptureKeyRow; actor: Holder }> {
    // The platform administrator belongs to no organisation; everyone else acts within theirs.
    const actor = requireAuthenticated(ctx.actor);
    const row = await trx.selectFrom('capture_keys').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw KEY_NOT_FOUND();
    const own = row.owner_type === actor.kind && row.owner_id === actor.id;
    if (!own && !isKeyAdministrator(actor, row)) {
      if (actor.organisation?.id !== row.organisation_id && !(actor.kind === 'user' && hasRole(actor, 'platform_admin'))) throw KEY_NOT_FOUND();
    }
    return { row, actor };
  }

  /** The organisation's administrator approves a waiting key (never their own). */
  async approve(ctx: RequestContext, id: string): Promise<CaptureKeyView> {
    return this.#db.transaction().execute(async (trx) => {
      const { row, actor } = await this.#forAdministration(trx, ctx, id);
      if (row.owner_type === actor.kind && row.owner_id === actor.id) throw forbidden('CAPTURE_KEY_SELF_APPROVAL', '不能批准自己的采集设备，请由本单位管理员批准');
      if (!isKeyAdministrator(actor, row)) throw forbidden('CAPTURE_KEY_ADMIN_ONLY', '只有本单位管理员可以批准采集设备');
      const state = keyState({ approvedAt: row.approved_at, revokedAt: row.revoked_at, expiresAt: row.expires_at }, ctx.now);
      if (state !== 'pending') throw conflict('CAPTURE_KEY_NOT_PENDING', `该采集设备当前状态为${KEY_STATE_LABELS[state]}，不能批准`);
      const user = actor as UserActor;
      const updated = await trx
        .updateTable('capture_keys')
        .set({ approved_at: ctx.now, approved_by_id: user.id, approved_by_name: user.displayName })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'capture_key.approve',
        targetType: 'capture_key',
        targetId: id,
        organisationId: row.organisation_id,
        regionCode: row.region_code,
        details: { owner: { type: row.owner_type, id: row.owner_id, name: row.owner_name }, fingerprint: row.fingerprint },
      });
      return toKeyView(updated, ctx.now);
    });
  }

  /** The holder or the organisation's administrator revokes a key, with a reason; signatures by it are refused from now. */
  async revoke(ctx: RequestContext, id: string, reason: string): Promise<CaptureKeyView> {
    const why = reason.trim();
    if (why.length < 2) throw badRequest('CAPTURE_REVOKE_REASON_REQUIRED', '请说明吊销原因（如“手机遗失”）', 'body.reason');
    return this.#db.transaction().execute(async (trx) => {
      const { row, actor } = await this.#forAdministration(trx, ctx, id);
      const own = row.owner_type === actor.kind && row.owner_id === actor.id;
      if (!own && !isKeyAdministrator(actor, row)) throw forbidden('CAPTURE_KEY_ADMIN_ONLY', '只有持有人或本单位管理员可以吊销采集设备');
      if (row.revoked_at) throw conflict('CAPTURE_KEY_ALREADY_REVOKED', '该采集设备已被吊销');
      const updated = await trx
        .updateTable('capture_keys')
        .set({ revoked_at: ctx.now, revoked_by_type: actor.kind, revoked_by_id: actor.id, revoke_reason: why })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'capture_key.revoke',
        targetType: 'capture_key',
        targetId: id,
        organisationId: row.organisation_id,
        regionCode: row.region_code,
        details: { owner: { type: row.owner_type, id: row.owner_id, name: row.owner_name }, fingerprint: row.fingerprint, reason: why },
      });
      return toKeyView(updated, ctx.now);
    });
  }

  /**
   * The caller's challenges in hand: the unused, unexpired ones already issued, topped up to the policy's number with
   * new ones (oldest first, so the phone uses them in that order).
   */
  async challenges(ctx: RequestContext): Promise<ChallengeView[]> {
    const holder = holderOf(ctx);
    return this.#db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext(${`capture-challenges:${holder.id}`}))`.execute(trx);
      const held = await trx
        .selectFrom('capture_challenges')
        .selectAll()
        .where('issued_to_type', '=', holder.kind)
        .where('issued_to_id', '=', holder.id)
        .where('used_at', 'is', null)
        .where('expires_at', '>', ctx.now)
        .orderBy('issued_at')
        .orderBy('id')
        .execute();
      const missing = CAPTURE_CHALLENGES_HELD_MAX - held.length;
      let fresh: CaptureChallengeRow[] = [];
      if (missing > 0) {
        fresh = await trx
          .insertInto('capture_challenges')
          .values(
            Array.from({ length: missing }, () => ({
              nonce: randomBytes(32).toString('base64url'),
              code: newCheckCode(),
              issued_to_type: holder.kind,
              issued_to_id: holder.id,
              organisation_id: holder.organisation!.id,
              issued_at: ctx.now,
              expires_at: new Date(ctx.now.getTime() + CAPTURE_CHALLENGE_TTL_MS),
              used_at: null,
              used_for: null,
            })),
          )
          .returningAll()
          .execute();
      }
      const byIssue = (a: CaptureChallengeRow, b: CaptureChallengeRow) => a.issued_at.getTime() - b.issued_at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
      return [...held, ...fresh].sort(byIssue).map((c) => ({ nonce: c.nonce, issuedAt: c.issued_at.toISOString(), expiresAt: c.expires_at.toISOString(), code: c.code }));
    });
  }

  /** Public: what a watermark's verification code stands for (time, place, agency, batch, hash; no personal data). */
  async publicCapture(codeText: string): Promise<PublicCapture> {
    const code = normaliseCheckCode(codeText);
    const none = () => notFound('CAPTURE_CODE_NOT_FOUND', '验证码不存在：该照片不是经平台签名验证的现场采集照片');
    if (!code) throw none();
    const row = await this.#db
      .selectFrom('capture_challenges as c')
      .innerJoin('image_captures as ic', 'ic.challenge_id', 'c.id')
      .innerJoin('images as i', 'i.id', 'ic.image_id')
      .innerJoin('batches as b', 'b.id', 'i.batch_id')
      .innerJoin('organisations as o', 'o.id', 'i.agency_id')
      .select(['c.code', 'i.captured_at', 'i.location_lat', 'i.location_lng', 'i.sha256', 'i.kind', 'i.uploaded_at', 'ic.position_accuracy', 'ic.algorithm', 'ic.verified_at', 'b.batch_number', 'o.name as agency_name'])
      .where('c.code', '=', code)
      .executeTakeFirst();
    if (!row) throw none();
    return {
      code: row.code,
      kind: row.kind,
      capturedAt: row.captured_at.toISOString(),
      location: { lat: row.location_lat, lng: row.location_lng, accuracy: row.position_accuracy },
      agencyName: row.agency_name,
      batchNumber: row.batch_number,
      sha256: row.sha256,
      algorithm: row.algorithm,
      receivedAt: row.uploaded_at.toISOString(),
      verifiedAt: row.verified_at.toISOString(),
    };
  }
}

export interface PublicCapture {
  code: string;
  kind: 'process' | 'witness_checkin';
  capturedAt: string;
  location: { lat: number; lng: number; accuracy: number };
  agencyName: string;
  batchNumber: string;
  sha256: string;
  algorithm: CaptureAlgorithm;
  receivedAt: string;
  verifiedAt: string;
}

export const KEY_STATE_LABELS: Record<KeyState, string> = { pending: '待批准', approved: '已批准', revoked: '已吊销', expired: '已过期' };

/**
 * Verifies a signed capture on upload, in the caller's transaction, and consumes its challenge for `usedFor`:
 * key (enrolled, the uploader's, approved, not revoked or expired), signature over the manifest's JCS bytes, challenge
 * (issued to the uploader, unused, received before it expired), agreement of the manifest with the declared metadata,
 * and — when the bytes are there (`sha256`) — their hash. Refusals are 4xx with their own codes (manifest.ts).
 */
export async function verifyCapture(
  trx: Transaction<Database>,
  ctx: RequestContext,
  env: CaptureEnvelope,
  declared: DeclaredCapture,
  opts: { usedFor: string; receivedAt: Date; sha256: string | null; field: string },
): Promise<VerifiedCapture> {
  const uploader = requireAuthenticated(ctx.actor);
  const who = holderRef(uploader);
  const field = opts.field;
  const key = await trx.selectFrom('capture_keys').selectAll().where('id', '=', env.keyId).executeTakeFirst();
  assertKeyUsable(
    key ? { ownerType: key.owner_type, ownerId: key.owner_id, algorithm: key.algorithm, approvedAt: key.approved_at, revokedAt: key.revoked_at, expiresAt: key.expires_at } : null,
    who,
    env.alg,
    opts.receivedAt,
    field,
  );
  if (!verifyCaptureSignature(env.alg, key!.public_key_spki, env.canonical, env.signature)) {
    throw badSignature(field);
  }
  const challenge = await trx.selectFrom('capture_challenges').selectAll().where('nonce', '=', env.manifest.challenge.nonce).forUpdate().executeTakeFirst();
  assertChallengeUsable(
    challenge ? { issuedToType: challenge.issued_to_type, issuedToId: challenge.issued_to_id, issuedAt: challenge.issued_at, expiresAt: challenge.expires_at, usedFor: challenge.used_for } : null,
    who,
    env.manifest.challenge.issuedAt,
    opts.usedFor,
    opts.receivedAt,
    field,
  );
  assertManifestAgrees(env.manifest, declared, field);
  if (opts.sha256 !== null) assertHashMatches(env.manifest, opts.sha256, field);
  if (challenge!.used_for === null) {
    await trx.updateTable('capture_challenges').set({ used_at: ctx.now, used_for: opts.usedFor }).where('id', '=', challenge!.id).where('used_for', 'is', null).execute();
  }
  return { keyId: key!.id, challengeId: challenge!.id, code: challenge!.code, envelope: env, flags: positionFlags(env.manifest) };
}

const badSignature = (field: string) => unprocessable('CAPTURE_SIGNATURE_INVALID', '签名验证未通过：采集清单与签名不符，或不是该密钥所签', `${field}.signature`);

/** Stores the verified manifest beside its image (the image row exists in this transaction). */
export async function recordImageCapture(trx: Transaction<Database>, ctx: RequestContext, imageId: string, v: VerifiedCapture): Promise<void> {
  await trx
    .insertInto('image_captures')
    .values({
      image_id: imageId,
      key_id: v.keyId,
      challenge_id: v.challengeId,
      algorithm: v.envelope.alg,
      manifest: v.envelope.canonical,
      signature: v.envelope.signature,
      position_accuracy: v.envelope.manifest.position.accuracy,
      position_fixed_at: new Date(v.envelope.manifest.position.fixedAt),
      app_version: v.envelope.manifest.appVersion,
      verified_at: ctx.now,
    })
    .execute();
}

/** The capture status of each image (verified with its code, or unsigned). */
export async function captureStatuses(db: Db, imageIds: string[]): Promise<Map<string, CaptureStatus>> {
  const out = new Map<string, CaptureStatus>();
  if (imageIds.length === 0) return out;
  const rows = await db
    .selectFrom('image_captures as ic')
    .innerJoin('capture_challenges as c', 'c.id', 'ic.challenge_id')
    .select(['ic.image_id', 'ic.key_id', 'ic.algorithm', 'ic.position_accuracy', 'ic.app_version', 'c.code'])
    .where('ic.image_id', 'in', imageIds)
    .execute();
  for (const r of rows) {
    out.set(r.image_id, { status: 'verified', keyId: r.key_id, algorithm: r.algorithm, code: r.code, positionAccuracy: r.position_accuracy, appVersion: r.app_version });
  }
  return out;
}

export const UNSIGNED_CAPTURE: CaptureStatus = { status: 'unsigned', keyId: null, algorithm: null, code: null, positionAccuracy: null, appVersion: null };
