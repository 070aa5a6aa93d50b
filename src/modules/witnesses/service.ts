import { randomUUID } from 'node:crypto';
import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { requireAuthenticated, requireUser, scopeOf, type RequestContext, type UserActor } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import type { Database } from '../../kernel/db/types.ts';
import { regionInSubtree, containsPattern } from '../../kernel/db/scope-sql.ts';
import { AppError, badRequest, conflict, forbidden, notFound, unprocessable } from '../../kernel/errors.ts';
import { WITNESS_CHANGE_WORKING_DAYS } from '../../kernel/policy.ts';
import { getWorkCalendar } from '../calendar/index.ts';
import { useDocument } from '../documents/index.ts';
import { PiiCodec } from '../personnel/index.ts';
import { maskResidentId, validateResidentId } from '../registry/index.ts';
import { recordViolation } from '../violations/index.ts';
import { assessWitnessChange, type WitnessChangeAssessment } from './rules/change-deadline.ts';
import { checkChangeTiming } from './rules/change-input.ts';
import { coverageAt, type CoverageEffect } from './rules/coverage.ts';
import { AUTHORIZATION_KIND_LABELS, type AuthorizationKind, type WitnessAuthorizationRow, type WitnessPersonRow } from './tables.ts';
import './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface Witness {
  id: string;
  supervisionUnitId: string;
  supervisionUnitName: string;
  name: string;
  /** Masked 身份证号: the number itself is not stored. */
  idNumberMasked: string;
  phone: string;
  user: { id: string; username: string; displayName: string } | null;
  /** Registered for at least one project now. */
  active: boolean;
  /** Projects the witness is registered for now, with the start of that registration. */
  projects: { projectId: string; projectName: string; since: string }[];
  createdAt: string;
}

export interface Registration {
  id: string;
  witnessId: string;
  witnessName: string;
  kind: AuthorizationKind;
  kindLabel: string;
  replacesWitness: { id: string; name: string } | null;
  document: { id: string; sha256: string } | null;
  signedOn: string | null;
  changedAt: string | null;
  registeredAt: string;
  registeredBy: { id: string; name: string };
  reason: string | null;
  /** The 3-working-day deadline of a change (二(二)); null for the initial registration. */
  deadline: { dueDate: string; dueAt: string; provisional: boolean; uncoveredYears: number[]; workingDays: number } | null;
  late: boolean | null;
  violationId: string | null;
  effects: { witnessId: string; projectId: string; projectName: string; effect: 'grant' | 'end'; effectiveAt: string }[];
}

export interface WitnessRegistrationResult {
  witness: Witness;
  registration: Registration;
}

export interface NewWitness {
  /** Required of a platform administrator; others register for their own supervision unit. */
  supervisionUnitId?: string | null;
  name: string;
  idNumber: string;
  phone: string;
  userId?: string | null;
  authorization: {
    documentId: string;
    signedOn: string;
    projectIds: string[];
    /** A new person taking over from a registered witness: then a change, with its deadline. */
    replacesWitnessId?: string | null;
    changedAt?: string | null;
  };
}

export interface AuthorizationChange {
  kind: 'new_authorization' | 'replacement' | 'revocation';
  changedAt: string;
  documentId?: string | null;
  signedOn?: string | null;
  /** Grants for a new authorization or replacement; for a revocation, the projects revoked (absent: all). */
  projectIds?: string[];
  replacesWitnessId?: string | null;
  reason?: string | null;
}

export interface WitnessFilter {
  q?: string;
  supervisionUnitId?: string;
  projectId?: string;
  page?: number;
  pageSize?: number;
}

const PHONE = /^[0-9+\-() ]{5,30}$/;

type NamedEffect = CoverageEffect & { projectName: string; supervisedByUnit: boolean };

/**
 * Effects of the given witnesses, grouped by witness, with the names of their projects and whether the witness's
 * unit still supervises each.
 */
async function effectsOf(db: Db, witnessIds: readonly string[]): Promise<Map<string, NamedEffect[]>> {
  const out = new Map<string, NamedEffect[]>();
  if (witnessIds.length === 0) return out;
  const rows = await db
    .selectFrom('witness_authorization_effects as e')
    .innerJoin('projects as p', 'p.id', 'e.project_id')
    .innerJoin('witness_persons as w', 'w.id', 'e.witness_id')
    .select(['e.witness_id', 'e.project_id', 'e.effect', 'e.effective_at', 'e.seq', 'p.name as project_name'])
    .select(sql<boolean>`p.supervision_unit_id is not distinct from w.supervision_unit_id`.as('supervised'))
    .where('e.witness_id', 'in', witnessIds)
    .execute();
  for (const r of rows) {
    const list = out.get(r.witness_id) ?? [];
    list.push({ projectId: r.project_id, effect: r.effect, effectiveAt: r.effective_at, seq: Number(r.seq), projectName: r.project_name, supervisedByUnit: r.supervised });
    out.set(r.witness_id, list);
  }
  return out;
}

/**
 * Whether witness `witnessId` is registered for `projectId` at instant `at` (二(二): 严禁无证见证). Only while the
 * witness's unit is still the project's supervision unit: a project handed to another supervisor ends them all.
 */
export async function isWitnessRegisteredFor(db: Db, witnessId: string, projectId: string, at: Date): Promise<boolean> {
  const unit = await db
    .selectFrom('witness_persons as w')
    .innerJoin('projects as p', 'p.supervision_unit_id', 'w.supervision_unit_id')
    .select('w.id')
    .where('w.id', '=', witnessId)
    .where('p.id', '=', projectId)
    .executeTakeFirst();
  if (!unit) return false;
  const rows = await db
    .selectFrom('witness_authorization_effects')
    .select(['project_id', 'effect', 'effective_at', 'seq'])
    .where('witness_id', '=', witnessId)
    .where('project_id', '=', projectId)
    .execute();
  const effects = rows.map((r) => ({ projectId: r.project_id, effect: r.effect, effectiveAt: r.effective_at, seq: Number(r.seq) }));
  return coverageAt(effects, at).has(projectId);
}

/** For batches: a witness not registered for the project cannot witness there. 422 naming `field` otherwise. */
export async function assertWitnessRegistered(db: Db, witnessPersonId: string, projectId: string, now: Date, field: string): Promise<void> {
  if (!(await isWitnessRegisteredFor(db, witnessPersonId, projectId, now))) {
    throw unprocessable('WITNESS_NOT_REGISTERED', '该见证人员未在本项目登记（未经书面授权登记的人员不得见证）', field);
  }
}

/** The witness person a platform account stands for (for the proxy-witnessing check 他人代见证), if any. */
export async function findWitnessByUser(db: Db, userId: string): Promise<{ id: string; supervisionUnitId: string } | null> {
  const row = await db.selectFrom('witness_persons').select(['id', 'supervision_unit_id']).where('user_id', '=', userId).executeTakeFirst();
  return row ? { id: row.id, supervisionUnitId: row.supervision_unit_id } : null;
}

function personQuery(db: Db) {
  return db
    .selectFrom('witness_persons as w')
    .innerJoin('organisations as o', 'o.id', 'w.supervision_unit_id')
    .leftJoin('users as u', 'u.id', 'w.user_id')
    .selectAll('w')
    .select(['o.name as unit_name', 'o.region_code as unit_region', 'u.username as user_username', 'u.display_name as user_display_name']);
}
type PersonRow = WitnessPersonRow & { unit_name: string; unit_region: string; user_username: string | null; user_display_name: string | null };

function toWitness(r: PersonRow, effects: readonly NamedEffect[], now: Date): Witness {
  const names = new Map(effects.map((e) => [e.projectId, e.projectName]));
  // As isWitnessRegisteredFor: a project no longer supervised by the unit is not one its witnesses may witness.
  const supervised = new Set(effects.filter((e) => e.supervisedByUnit).map((e) => e.projectId));
  const covered = [...coverageAt(effects, now)]
    .filter(([projectId]) => supervised.has(projectId))
    .map(([projectId, since]) => ({ projectId, projectName: names.get(projectId) ?? '', since: since.toISOString() }))
    .sort((a, b) => a.since.localeCompare(b.since) || a.projectName.localeCompare(b.projectName));
  return {
    id: r.id,
    supervisionUnitId: r.supervision_unit_id,
    supervisionUnitName: r.unit_name,
    name: r.name,
    idNumberMasked: r.resident_id_masked,
    phone: r.phone,
    user: r.user_id ? { id: r.user_id, username: r.user_username ?? '', displayName: r.user_display_name ?? '' } : null,
    active: covered.length > 0,
    projects: covered,
    createdAt: r.created_at.toISOString(),
  };
}

/**
 * Who sees a witness: the supervision unit itself; a department whose jurisdiction holds the unit, or any project
 * the witness was ever registered for; administrators.
 */
function witnessVisible(ctx: RequestContext, cols: { unit: Expression<string>; unitRegion: Expression<string>; witness: Expression<string> }): Expression<SqlBool> {
  const scope = scopeOf(ctx.actor);
  switch (scope.kind) {
    case 'all':
      return sql<SqlBool>`true`;
    case 'organisation':
      return sql<SqlBool>`${cols.unit} = ${scope.organisationId}`;
    case 'none':
      return sql<SqlBool>`false`;
    case 'region':
      return sql<SqlBool>`(${regionInSubtree(cols.unitRegion, scope.regionCode)} or exists (
        select 1 from witness_authorization_effects e join projects p on p.id = e.project_id
        where e.witness_id = ${cols.witness} and ${regionInSubtree(sql.ref('p.region_code'), scope.regionCode)}))`;
  }
}

async function registrationsOf(db: Db, where: { ids?: string[]; witnessId?: string }): Promise<Registration[]> {
  let q = db
    .selectFrom('witness_authorizations as a')
    .innerJoin('witness_persons as w', 'w.id', 'a.witness_id')
    .leftJoin('witness_persons as r', 'r.id', 'a.replaces_witness_id')
    .innerJoin('users as u', 'u.id', 'a.registered_by')
    .selectAll('a')
    .select(['w.name as witness_name', 'r.name as replaces_name', 'u.display_name as registered_by_name']);
  if (where.ids) q = q.where('a.id', 'in', where.ids);
  const witnessId = where.witnessId;
  if (witnessId) q = q.where((eb) => eb.or([eb('a.witness_id', '=', witnessId), eb('a.replaces_witness_id', '=', witnessId)]));
  const rows = await q.orderBy('a.registered_at').orderBy('a.seq').execute();
  if (rows.length === 0) return [];
  const effects = await db
    .selectFrom('witness_authorization_effects as e')
    .innerJoin('projects as p', 'p.id', 'e.project_id')
    .select(['e.authorization_id', 'e.witness_id', 'e.project_id', 'e.effect', 'e.effective_at', 'e.seq', 'p.name as project_name'])
    .where('e.authorization_id', 'in', rows.map((r) => r.id))
    .orderBy('e.seq')
    .execute();
  return rows.map((a) => toRegistration(a, effects.filter((e) => e.authorization_id === a.id)));
}

function toRegistration(
  a: WitnessAuthorizationRow & { witness_name: string; replaces_name: string | null; registered_by_name: string },
  effects: { witness_id: string; project_id: string; project_name: string; effect: 'grant' | 'end'; effective_at: Date }[],
): Registration {
  return {
    id: a.id,
    witnessId: a.witness_id,
    witnessName: a.witness_name,
    kind: a.kind,
    kindLabel: AUTHORIZATION_KIND_LABELS[a.kind],
    replacesWitness: a.replaces_witness_id ? { id: a.replaces_witness_id, name: a.replaces_name ?? '' } : null,
    document: a.document_id && a.document_sha256 ? { id: a.document_id, sha256: a.document_sha256 } : null,
    signedOn: a.signed_on,
    changedAt: a.changed_at?.toISOString() ?? null,
    registeredAt: a.registered_at.toISOString(),
    registeredBy: { id: a.registered_by, name: a.registered_by_name },
    reason: a.reason,
    deadline:
      a.due_at && a.due_date
        ? { dueDate: a.due_date, dueAt: a.due_at.toISOString(), provisional: a.due_provisional === true, uncoveredYears: a.uncovered_years, workingDays: WITNESS_CHANGE_WORKING_DAYS }
        : null,
    late: a.late,
    violationId: a.violation_id,
    effects: effects.map((e) => ({ witnessId: e.witness_id, projectId: e.project_id, projectName: e.project_name, effect: e.effect, effectiveAt: e.effective_at.toISOString() })),
  };
}

/** What one registration does, before it is written. */
interface RegistrationPlan {
  id: string;
  witness: { id: string; supervisionUnitId: string };
  kind: AuthorizationKind;
  replaces: string | null;
  document: { id: string; sha256: string } | null;
  signedOn: string | null;
  changedAt: Date | null;
  reason: string | null;
  grants: string[];
  /** Ends: whose registration for which projects stops, effective at `changedAt`. */
  ends: { witnessId: string; projectIds: string[] } | null;
}

export class WitnessService {
  readonly #db: Kysely<Database>;
  readonly #pii: () => PiiCodec;
  constructor(db: Kysely<Database>, piiKey: () => Buffer) {
    this.#db = db;
    let codec: PiiCodec | undefined;
    // The key is resolved on first use: building the app must not create key files.
    this.#pii = () => (codec ??= new PiiCodec(piiKey()));
  }

  #visible(ctx: RequestContext, db: Db = this.#db) {
    return personQuery(db).where((eb) => witnessVisible(ctx, { unit: eb.ref('w.supervision_unit_id'), unitRegion: eb.ref('o.region_code'), witness: eb.ref('w.id') }));
  }

  async list(ctx: RequestContext, f: WitnessFilter): Promise<{ items: Witness[]; total: number }> {
    requireAuthenticated(ctx.actor);
    let q = this.#visible(ctx);
    if (f.supervisionUnitId) q = q.where('w.supervision_unit_id', '=', f.supervisionUnitId);
    const projectId = f.projectId;
    if (projectId) {
      q = q.where((eb) => eb.exists(eb.selectFrom('witness_authorization_effects as pe').select('pe.seq').whereRef('pe.witness_id', '=', 'w.id').where('pe.project_id', '=', projectId)));
    }
    if (f.q && f.q.trim()) {
      const like = containsPattern(f.q);
      q = q.where('w.name', 'ilike', like);
    }
    const pageSize = f.pageSize ?? 20;
    const [rows, count] = await Promise.all([
      q.orderBy('w.created_at', 'desc').orderBy('w.id').limit(pageSize).offset(((f.page ?? 1) - 1) * pageSize).execute(),
      q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const effects = await effectsOf(this.#db, rows.map((r) => r.id));
    return { items: rows.map((r) => toWitness(r, effects.get(r.id) ?? [], ctx.now)), total: Number(count.n) };
  }

  async get(ctx: RequestContext, id: string): Promise<Witness> {
    requireAuthenticated(ctx.actor);
    const row = await this.#visible(ctx).where('w.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('WITNESS_NOT_FOUND', '见证人员不存在或无权查看');
    return toWitness(row, (await effectsOf(this.#db, [id])).get(id) ?? [], ctx.now);
  }

  /** Every registration that concerns the witness (their own, and replacements of them), oldest first. */
  async history(ctx: RequestContext, id: string): Promise<{ items: Registration[] }> {
    requireAuthenticated(ctx.actor);
    const row = await this.#visible(ctx).where('w.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('WITNESS_NOT_FOUND', '见证人员不存在或无权查看');
    return { items: await registrationsOf(this.#db, { witnessId: id }) };
  }

  /**
   * Registers a witness person with their written authorization (二(二): 书面授权后在监管平台注册登记). Decided ⚙: a
   * platform administrator or any person of the supervision unit registers (units have no administrator role);
   * every registration names its author in the audit trail.
   */
  async create(ctx: RequestContext, input: NewWitness): Promise<WitnessRegistrationResult> {
    const user = requireUser(ctx.actor);
    const unitId = this.#unitFor(user, input.supervisionUnitId ?? null);
    const name = input.name.trim();
    if (name.length < 2) throw badRequest('NAME_TOO_SHORT', '姓名至少 2 个字符', 'body.name');
    const id = validateResidentId(input.idNumber, ctx.now);
    if (!id.ok) throw badRequest('ID_NUMBER_INVALID', id.message, 'body.idNumber');
    const phone = input.phone.trim();
    if (!PHONE.test(phone)) throw badRequest('PHONE_INVALID', '联系电话格式不正确', 'body.phone');
    const auth = input.authorization;
    const replacing = auth.replacesWitnessId ?? null;
    const changedAt = auth.changedAt ? new Date(auth.changedAt) : null;
    if (replacing && !changedAt) throw badRequest('CHANGED_AT_REQUIRED', '更换见证人员须填写变更发生时间', 'body.authorization.changedAt');
    if (!replacing && changedAt) {
      throw badRequest('CHANGED_AT_ONLY_FOR_REPLACEMENT', '首次登记无需变更时间；如为更换见证人员，请填写被更换的见证人员', 'body.authorization.replacesWitnessId');
    }
    const timing = checkChangeTiming({ changedAt, signedOn: auth.signedOn }, ctx.now);
    if (timing) throw badRequest(timing.code, timing.message, `body.authorization.${timing.field}`);
    const codec = this.#pii();
    const protectedId = { lookup: codec.lookup(id.code), masked: maskResidentId(id.code), keyId: codec.keyId };

    return this.#db.transaction().execute(async (trx) => {
      const unit = await trx.selectFrom('organisations').select(['id', 'type', 'status', 'region_code']).where('id', '=', unitId).executeTakeFirst();
      if (!unit || unit.type !== 'supervision_unit' || unit.status !== 'active') {
        throw badRequest('NOT_SUPERVISION_UNIT', '所选单位不是在用的监理单位', 'body.supervisionUnitId');
      }
      const otherKey = await trx.selectFrom('witness_persons').select('pii_key_id').where('pii_key_id', '<>', protectedId.keyId).limit(1).executeTakeFirst();
      if (otherKey) {
        throw new AppError(500, 'PII_KEY_MISMATCH', '本服务的个人信息密钥与已登记数据不一致，请联系运维人员检查 PII_KEY 配置');
      }
      if (input.userId) await this.#checkUserLink(trx, unitId, input.userId);
      const dup = await trx.selectFrom('witness_persons').select('id').where('supervision_unit_id', '=', unitId).where('resident_id_lookup', '=', protectedId.lookup).executeTakeFirst();
      if (dup) throw conflict('WITNESS_EXISTS', '该身份证号的见证人员已在本单位登记', 'body.idNumber');
      const document = await useDocument(trx, ctx, auth.documentId, 'body.authorization.documentId');
      await this.#checkProjects(trx, unitId, auth.projectIds, 'body.authorization.projectIds');
      let ends: RegistrationPlan['ends'] = null;
      if (replacing && changedAt) {
        await this.#lockReplaced(trx, unitId, replacing, 'body.authorization.replacesWitnessId');
        await this.#checkEnds(trx, replacing, auth.projectIds, changedAt, 'body.authorization', ctx.now);
        ends = { witnessId: replacing, projectIds: auth.projectIds };
      }
      const witnessId = randomUUID();
      await trx
        .insertInto('witness_persons')
        .values({
          id: witnessId,
          supervision_unit_id: unitId,
          name,
          resident_id_lookup: protectedId.lookup,
          resident_id_masked: protectedId.masked,
          pii_key_id: protectedId.keyId,
          phone,
          user_id: input.userId ?? null,
          created_at: ctx.now,
          created_by: user.id,
        })
        .execute();
      const plan: RegistrationPlan = {
        id: randomUUID(),
        witness: { id: witnessId, supervisionUnitId: unitId },
        kind: replacing ? 'replacement' : 'initial',
        replaces: replacing,
        document,
        signedOn: auth.signedOn,
        changedAt,
        reason: null,
        grants: auth.projectIds,
        ends,
      };
      const assessment = await this.#write(trx, ctx, plan);
      await recordAudit(trx, ctx, {
        action: 'witness.register',
        targetType: 'witness',
        targetId: witnessId,
        organisationId: unitId,
        regionCode: unit.region_code,
        details: {
          name,
          idNumberMasked: protectedId.masked,
          userId: input.userId ?? null,
          registrationId: plan.id,
          kind: plan.kind,
          replacesWitnessId: replacing,
          projectIds: auth.projectIds,
          documentSha256: document.sha256,
          ...auditDeadline(assessment),
        },
      });
      return this.#result(trx, ctx, witnessId, plan.id);
    });
  }

  /**
   * Registers a change (二(二): 变更的应在3个工作日内完成更新注册) as a new row: a new authorization, the replacement of
   * another witness by this one, or a revocation. A registration after the deadline records a violation of the unit.
   */
  async addAuthorization(ctx: RequestContext, witnessId: string, input: AuthorizationChange): Promise<WitnessRegistrationResult> {
    const user = requireUser(ctx.actor);
    const changedAt = new Date(input.changedAt);
    const documentId = input.documentId ?? null;
    const signedOn = input.signedOn ?? null;
    if (input.kind !== 'revocation' && !documentId) throw badRequest('DOCUMENT_REQUIRED', '请上传书面授权书', 'body.documentId');
    if (documentId && !signedOn) throw badRequest('SIGNED_ON_REQUIRED', '请填写授权书签署日期', 'body.signedOn');
    if (!documentId && signedOn) throw badRequest('DOCUMENT_REQUIRED', '填写签署日期时请同时上传书面文件', 'body.documentId');
    if (input.kind === 'replacement' && !input.replacesWitnessId) throw badRequest('REPLACED_WITNESS_REQUIRED', '请选择被更换的见证人员', 'body.replacesWitnessId');
    if (input.kind !== 'replacement' && input.replacesWitnessId) {
      throw badRequest('REPLACED_WITNESS_NOT_APPLICABLE', '只有“更换见证人员”需要填写被更换的见证人员', 'body.replacesWitnessId');
    }
    if (input.kind !== 'revocation' && (!input.projectIds || input.projectIds.length === 0)) {
      throw badRequest('PROJECTS_REQUIRED', '请选择授权见证的项目', 'body.projectIds');
    }
    const timing = checkChangeTiming({ changedAt, signedOn }, ctx.now);
    if (timing) throw badRequest(timing.code, timing.message, `body.${timing.field}`);
    const reason = input.reason?.trim() || null;

    return this.#db.transaction().execute(async (trx) => {
      const witness = await this.#visible(ctx, trx).where('w.id', '=', witnessId).forUpdate('w').executeTakeFirst();
      if (!witness) throw notFound('WITNESS_NOT_FOUND', '见证人员不存在或无权查看');
      const unitId = witness.supervision_unit_id;
      if (!user.roles.includes('platform_admin') && user.organisation?.id !== unitId) {
        throw forbidden('WITNESS_CHANGE_FORBIDDEN', '只有见证人员所在监理单位或平台管理员可以登记变更');
      }
      const document = documentId ? await useDocument(trx, ctx, documentId, 'body.documentId') : null;
      let grants: string[] = [];
      let ends: RegistrationPlan['ends'] = null;
      if (input.kind === 'revocation') {
        const current = coverageAt((await effectsOf(trx, [witnessId])).get(witnessId) ?? [], ctx.now);
        const projectIds = input.projectIds && input.projectIds.length > 0 ? input.projectIds : [...current.keys()];
        if (projectIds.length === 0) throw unprocessable('WITNESS_NOT_AUTHORIZED', '该见证人员当前未在任何项目登记，无可撤销的授权', 'body.projectIds');
        await this.#checkEnds(trx, witnessId, projectIds, changedAt, 'body', ctx.now);
        ends = { witnessId, projectIds };
      } else {
        grants = input.projectIds ?? [];
        await this.#checkProjects(trx, unitId, grants, 'body.projectIds');
        if (input.kind === 'replacement' && input.replacesWitnessId) {
          if (input.replacesWitnessId === witnessId) throw badRequest('REPLACED_WITNESS_INVALID', '不能更换为本人', 'body.replacesWitnessId');
          await this.#lockReplaced(trx, unitId, input.replacesWitnessId, 'body.replacesWitnessId');
          await this.#checkEnds(trx, input.replacesWitnessId, grants, changedAt, 'body', ctx.now);
          ends = { witnessId: input.replacesWitnessId, projectIds: grants };
        }
      }
      const plan: RegistrationPlan = {
        id: randomUUID(),
        witness: { id: witnessId, supervisionUnitId: unitId },
        kind: input.kind,
        replaces: input.replacesWitnessId ?? null,
        document,
        signedOn,
        changedAt,
        reason,
        grants,
        ends,
      };
      const assessment = await this.#write(trx, ctx, plan);
      await recordAudit(trx, ctx, {
        action: `witness.authorization.${input.kind}`,
        targetType: 'witness',
        targetId: witnessId,
        organisationId: unitId,
        regionCode: witness.unit_region,
        details: {
          registrationId: plan.id,
          replacesWitnessId: plan.replaces,
          granted: grants,
          ended: ends?.projectIds ?? [],
          documentSha256: document?.sha256 ?? null,
          reason,
          ...auditDeadline(assessment),
        },
      });
      return this.#result(trx, ctx, witnessId, plan.id);
    });
  }

  /** The unit a registration is for: an admin names it; a supervision unit's person registers for their own. */
  #unitFor(user: UserActor, requested: string | null): string {
    if (user.roles.includes('platform_admin')) {
      if (!requested) throw badRequest('SUPERVISION_UNIT_REQUIRED', '请选择监理单位', 'body.supervisionUnitId');
      return requested;
    }
    const org = user.organisation;
    if (!org || org.type !== 'supervision_unit') throw forbidden('WITNESS_REGISTRATION_FORBIDDEN', '只有监理单位或平台管理员可以登记见证人员');
    if (requested && requested !== org.id) throw forbidden('WITNESS_REGISTRATION_FORBIDDEN', '只能为本单位登记见证人员');
    return org.id;
  }

  async #checkUserLink(trx: Transaction<Database>, unitId: string, userId: string): Promise<void> {
    const u = await trx.selectFrom('users').select(['id', 'organisation_id', 'roles', 'status']).where('id', '=', userId).executeTakeFirst();
    if (!u || u.organisation_id !== unitId || !u.roles.includes('witness') || u.status !== 'active') {
      throw badRequest('USER_NOT_WITNESS_OF_UNIT', '关联账号须为本监理单位在用的见证人员账号', 'body.userId');
    }
    const linked = await trx.selectFrom('witness_persons').select('id').where('user_id', '=', userId).executeTakeFirst();
    if (linked) throw conflict('USER_ALREADY_LINKED', '该账号已关联其他见证人员', 'body.userId');
  }

  /** 二(二) with issue 3 item 9: a unit authorizes witnesses only for projects it supervises. */
  async #checkProjects(trx: Transaction<Database>, unitId: string, projectIds: readonly string[], field: string): Promise<void> {
    const rows = await trx.selectFrom('projects').select(['id', 'supervision_unit_id']).where('id', 'in', projectIds).execute();
    const unitOf = new Map(rows.map((r) => [r.id, r.supervision_unit_id]));
    projectIds.forEach((p, i) => {
      if (unitOf.get(p) !== unitId) throw badRequest('PROJECT_NOT_SUPERVISED_BY_UNIT', '项目不存在，或其监理单位不是本单位', `${field}.${i}`);
    });
  }

  /** The witness being replaced: of the same unit, locked against a concurrent change. */
  async #lockReplaced(trx: Transaction<Database>, unitId: string, replacedId: string, field: string): Promise<void> {
    const r = await trx.selectFrom('witness_persons').select(['id', 'supervision_unit_id']).where('id', '=', replacedId).forUpdate().executeTakeFirst();
    if (!r || r.supervision_unit_id !== unitId) throw badRequest('REPLACED_WITNESS_UNKNOWN', '被更换的见证人员不是本单位登记的见证人员', field);
  }

  /** An end needs a registration in force now, and cannot precede the start of that registration. */
  async #checkEnds(trx: Transaction<Database>, witnessId: string, projectIds: readonly string[], changedAt: Date, prefix: string, now: Date): Promise<void> {
    const current = coverageAt((await effectsOf(trx, [witnessId])).get(witnessId) ?? [], now);
    projectIds.forEach((p, i) => {
      const since = current.get(p);
      if (!since) throw unprocessable('WITNESS_NOT_AUTHORIZED_FOR_PROJECT', '该见证人员当前未在此项目登记', `${prefix}.projectIds.${i}`);
      if (changedAt.getTime() < since.getTime()) {
        throw badRequest('CHANGED_AT_BEFORE_REGISTRATION', `变更发生时间早于该见证人员在此项目的登记时间（${since.toISOString()}）`, `${prefix}.changedAt`);
      }
    });
  }

  /**
   * Writes one registration and its effects; for a change, decides the deadline on the calendar in force and, when
   * registered after it, records the violation (见证变更逾期) in the same transaction.
   */
  async #write(trx: Transaction<Database>, ctx: RequestContext, plan: RegistrationPlan): Promise<(WitnessChangeAssessment & { calendarVersions: Record<number, number> }) | null> {
    let assessment: (WitnessChangeAssessment & { calendarVersions: Record<number, number> }) | null = null;
    let violationId: string | null = null;
    if (plan.changedAt) {
      const cal = await getWorkCalendar(trx);
      assessment = { ...assessWitnessChange(cal, plan.changedAt, ctx.now), calendarVersions: cal.versions };
      if (assessment.late) {
        const projects = [...new Set([...plan.grants, ...(plan.ends?.projectIds ?? [])])];
        const { violation } = await recordViolation(trx, ctx, {
          organisationId: plan.witness.supervisionUnitId,
          type: 'witness_change_late',
          // The first instant after the due day: the moment the registration became late.
          occurredAt: new Date(assessment.dueAt.getTime() + 1),
          source: 'automatic',
          evidence: {
            registrationId: plan.id,
            witnessId: plan.witness.id,
            kind: plan.kind,
            replacesWitnessId: plan.replaces,
            projectIds: projects,
            changedAt: plan.changedAt.toISOString(),
            changedOn: assessment.changedOn,
            workingDays: WITNESS_CHANGE_WORKING_DAYS,
            dueDate: assessment.dueDate,
            dueAt: assessment.dueAt.toISOString(),
            registeredAt: ctx.now.toISOString(),
            provisional: assessment.provisional,
            uncoveredYears: assessment.uncoveredYears,
            calendarVersions: assessment.calendarVersions,
          },
          projectId: projects.length === 1 ? projects[0]! : null,
          sourceRef: `witness_authorization:${plan.id}`,
        });
        violationId = violation.id;
      }
    }
    await trx
      .insertInto('witness_authorizations')
      .values({
        id: plan.id,
        witness_id: plan.witness.id,
        supervision_unit_id: plan.witness.supervisionUnitId,
        kind: plan.kind,
        replaces_witness_id: plan.replaces,
        document_id: plan.document?.id ?? null,
        document_sha256: plan.document?.sha256 ?? null,
        signed_on: plan.signedOn,
        changed_at: plan.changedAt,
        registered_at: ctx.now,
        registered_by: requireUser(ctx.actor).id,
        reason: plan.reason,
        due_date: assessment?.dueDate ?? null,
        due_at: assessment?.dueAt ?? null,
        due_provisional: assessment ? assessment.provisional : null,
        uncovered_years: sql<number[]>`string_to_array(${(assessment?.uncoveredYears ?? []).join(',')}, ',')::integer[]`,
        late: assessment ? assessment.late : null,
        violation_id: violationId,
      })
      .execute();
    const effects = [
      ...plan.grants.map((projectId) => ({ authorization_id: plan.id, witness_id: plan.witness.id, project_id: projectId, effect: 'grant' as const, effective_at: ctx.now })),
      ...(plan.ends && plan.changedAt
        ? plan.ends.projectIds.map((projectId) => ({ authorization_id: plan.id, witness_id: plan.ends!.witnessId, project_id: projectId, effect: 'end' as const, effective_at: plan.changedAt! }))
        : []),
    ];
    if (effects.length > 0) await trx.insertInto('witness_authorization_effects').values(effects).execute();
    return assessment;
  }

  async #result(trx: Transaction<Database>, ctx: RequestContext, witnessId: string, registrationId: string): Promise<WitnessRegistrationResult> {
    const row = await personQuery(trx).where('w.id', '=', witnessId).executeTakeFirstOrThrow();
    const witness = toWitness(row, (await effectsOf(trx, [witnessId])).get(witnessId) ?? [], ctx.now);
    const [registration] = await registrationsOf(trx, { ids: [registrationId] });
    return { witness, registration: registration! };
  }
}

function auditDeadline(a: (WitnessChangeAssessment & { calendarVersions: Record<number, number> }) | null): Record<string, unknown> {
  if (!a) return {};
  return { dueDate: a.dueDate, dueAt: a.dueAt.toISOString(), provisional: a.provisional, uncoveredYears: a.uncoveredYears, late: a.late, calendarVersions: a.calendarVersions };
}
