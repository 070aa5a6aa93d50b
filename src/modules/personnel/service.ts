import type { Kysely, Transaction } from 'kysely';
import { requireAuthenticated, scopeOf, type RequestContext } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { Database } from '../../kernel/db/types.ts';
import { visibleTo, containsPattern } from '../../kernel/db/scope-sql.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../kernel/errors.ts';
import { beijingDate, isInverted, isValidAt, type ValidityPeriod } from '../../kernel/time.ts';
import { agencyForNewEntry, findVisibleAgency, mayManageAgency } from '../organisations/index.ts';
import { canonicalSpecialties, isSpecialty, type Specialty } from '../../kernel/specialties.ts';
import { useDocument } from '../documents/index.ts';
import { validateResidentId } from '../registry/index.ts';
import { piiKey } from './pii-key.ts';
import { PERSONNEL_ROLES, type PersonCertificateKind, type PersonnelRole } from './roles.ts';
import { PiiCodec } from './rules/pii.ts';
import type { PersonCertificateRow, PersonRow } from './tables.ts';
import './tables.ts';

export interface PersonCertificate {
  id: string;
  kind: PersonCertificateKind;
  certificateNumber: string;
  specialty: Specialty;
  validFrom: string;
  validTo: string;
  documentId: string | null;
  createdAt: string;
  inForce: boolean;
}

export interface Person {
  id: string;
  agencyId: string;
  agencyName: string;
  name: string;
  /** The only form of the 身份证号 the API shows, except through the audited reveal. */
  residentIdMasked: string;
  roles: PersonnelRole[];
  userId: string | null;
  username: string | null;
  status: 'active' | 'left';
  joinedOn: string;
  leftOn: string | null;
  /** Specialties for which the person holds a certificate in force now. */
  certifiedSpecialties: Specialty[];
  createdAt: string;
  rowVersion: number;
}

export interface PersonDetail extends Person {
  certificates: PersonCertificate[];
}

export interface NewPersonCertificate {
  kind: PersonCertificateKind;
  certificateNumber: string;
  specialty: string;
  validFrom: string;
  validTo: string;
  documentId?: string | null;
}

export interface NewPerson {
  agencyId?: string | null;
  name: string;
  residentId: string;
  roles: PersonnelRole[];
  userId?: string | null;
  joinedOn?: string;
  certificates?: NewPersonCertificate[];
}

export interface PersonPatch {
  rowVersion: number;
  name?: string;
  roles?: PersonnelRole[];
  userId?: string | null;
}

export interface PersonnelFilter {
  agencyId?: string;
  status?: 'active' | 'left';
  role?: PersonnelRole;
  q?: string;
  page?: number;
  pageSize?: number;
}

type Db = Kysely<Database> | Transaction<Database>;
type Row = PersonRow & { agency_name: string; region_code: string; username: string | null };

const toCertificate = (c: PersonCertificateRow, now: Date): PersonCertificate => ({
  id: c.id,
  kind: c.kind,
  certificateNumber: c.certificate_number,
  specialty: c.specialty,
  validFrom: c.valid_from,
  validTo: c.valid_to,
  documentId: c.document_id,
  createdAt: c.created_at.toISOString(),
  inForce: isValidAt({ validFrom: c.valid_from, validTo: c.valid_to }, now),
});

function toPerson(r: Row, certs: PersonCertificateRow[], now: Date): Person {
  const inForce = certs.filter((c) => isValidAt({ validFrom: c.valid_from, validTo: c.valid_to }, now)).map((c) => c.specialty);
  return {
    id: r.id,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    name: r.name,
    residentIdMasked: r.resident_id_masked,
    roles: r.roles,
    userId: r.user_id,
    username: r.username,
    status: r.status,
    joinedOn: r.joined_on,
    leftOn: r.left_on,
    certifiedSpecialties: r.status === 'active' ? canonicalSpecialties(inForce) : [],
    createdAt: r.created_at.toISOString(),
    rowVersion: r.row_version,
  };
}

async function certificatesOf(db: Db, personIds: string[]): Promise<Map<string, PersonCertificateRow[]>> {
  const map = new Map<string, PersonCertificateRow[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return map;
  const rows = await db.selectFrom('personnel_certificates').selectAll().where('person_id', 'in', personIds).orderBy('valid_from', 'desc').orderBy('created_at', 'desc').execute();
  for (const r of rows) map.get(r.person_id)?.push(r);
  return map;
}

function checkRoles(roles: PersonnelRole[], field: string): PersonnelRole[] {
  if (roles.length === 0) throw badRequest('ROLES_REQUIRED', '请至少选择一个岗位', field);
  roles.forEach((r, i) => {
    if (!PERSONNEL_ROLES.includes(r)) throw badRequest('ROLE_UNKNOWN', `未知岗位 ${String(r)}`, `${field}.${i}`);
  });
  return PERSONNEL_ROLES.filter((r) => roles.includes(r));
}

function checkCertificate(c: NewPersonCertificate, prefix: string): NewPersonCertificate & { specialty: Specialty } {
  const certificateNumber = c.certificateNumber.trim();
  if (!certificateNumber) throw badRequest('FIELD_REQUIRED', '请填写证书编号', `${prefix}.certificateNumber`);
  if (!isSpecialty(c.specialty)) throw badRequest('SPECIALTY_UNKNOWN', `未知专项 ${c.specialty}`, `${prefix}.specialty`);
  if (isInverted(c)) throw badRequest('VALIDITY_INVERTED', '有效期截止日期早于起始日期', `${prefix}.validTo`);
  return { ...c, certificateNumber, specialty: c.specialty };
}

const NOT_FOUND = () => notFound('PERSON_NOT_FOUND', '人员不存在或无权查看');
const MANAGE_ONLY = () => forbidden('AGENCY_ADMIN_REQUIRED', '只有本机构管理员或平台管理员可以办理');
const keyMismatch = () =>
  new AppError(500, 'PII_KEY_MISMATCH', '身份证号加密密钥与已存数据不一致，请运维人员检查各进程的 PII_KEY 配置');

/**
 * Registered personnel (issue 3 item 4). The 身份证号 is validated (GB 11643), never stored or shown in clear
 * (see rules/pii.ts), and revealed only to the person's own agency administrators and platform administrators,
 * each reveal audited. One agency at a time (部令57号).
 */
export class PersonnelService {
  readonly #db: Kysely<Database>;
  readonly #pii: PiiCodec;

  /** The key is resolved here, at start, so a misconfigured PII_KEY stops the process instead of a later request. */
  constructor(deps: Pick<AppDeps, 'db'>, pii: PiiCodec = new PiiCodec(piiKey())) {
    this.#db = deps.db;
    this.#pii = pii;
  }

  /** The scoped base query: every read of personnel goes through here. */
  #visible(ctx: RequestContext, db: Db = this.#db) {
    const scope = scopeOf(ctx.actor);
    return db
      .selectFrom('personnel as p')
      .innerJoin('organisations as o', 'o.id', 'p.agency_id')
      .leftJoin('users as u', 'u.id', 'p.user_id')
      .selectAll('p')
      .select(['o.name as agency_name', 'o.region_code', 'u.username'])
      .where((eb) => visibleTo(scope, { organisation: eb.ref('p.agency_id'), region: eb.ref('o.region_code') }));
  }

  async #rowFor(ctx: RequestContext, db: Db, id: string, lock = false): Promise<Row> {
    let q = this.#visible(ctx, db).where('p.id', '=', id);
    if (lock) q = q.forUpdate('p');
    const row = await q.executeTakeFirst();
    if (!row) throw NOT_FOUND();
    return row;
  }

  async #detail(db: Db, row: Row, now: Date): Promise<PersonDetail> {
    const certs = (await certificatesOf(db, [row.id])).get(row.id) ?? [];
    return { ...toPerson(row, certs, now), certificates: certs.map((c) => toCertificate(c, now)) };
  }

  /** Refuses to mix PII keys: every stored number must have been sealed under this process's key. */
  async #assertSameKey(db: Db): Promise<void> {
    const other = await db.selectFrom('personnel').select('pii_key_id').where('pii_key_id', '<>', this.#pii.keyId).limit(1).executeTakeFirst();
    if (other) throw keyMismatch();
  }

  /** The platform account to link: a person of the same agency, not linked to another active registration. */
  async #checkUser(db: Db, userId: string, agencyId: string, exceptPersonId: string | null): Promise<void> {
    const user = await db.selectFrom('users').select(['id', 'organisation_id']).where('id', '=', userId).executeTakeFirst();
    if (!user || user.organisation_id !== agencyId) throw badRequest('USER_NOT_IN_AGENCY', '关联的平台账号不存在或不属于本检测机构', 'body.userId');
    let q = db.selectFrom('personnel').select('name').where('user_id', '=', userId).where('status', '=', 'active');
    if (exceptPersonId) q = q.where('id', '<>', exceptPersonId);
    const linked = await q.executeTakeFirst();
    if (linked) throw conflict('USER_ALREADY_LINKED', `该平台账号已关联在职人员 ${linked.name}`, 'body.userId');
  }

  async list(ctx: RequestContext, f: PersonnelFilter): Promise<{ items: Person[]; total: number }> {
    requireAuthenticated(ctx.actor);
    let q = this.#visible(ctx);
    if (f.agencyId) q = q.where('p.agency_id', '=', f.agencyId);
    if (f.status) q = q.where('p.status', '=', f.status);
    if (f.role) {
      const role = f.role;
      q = q.where((eb) => eb(eb.val(role), '=', eb.fn.any('p.roles')));
    }
    if (f.q && f.q.trim()) {
      const like = containsPattern(f.q);
      q = q.where('p.name', 'ilike', like);
    }
    const pageSize = f.pageSize ?? 20;
    const rows = await q.orderBy('p.created_at', 'desc').orderBy('p.id').limit(pageSize).offset(((f.page ?? 1) - 1) * pageSize).execute();
    const count = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const certs = await certificatesOf(this.#db, rows.map((r) => r.id));
    return { items: rows.map((r) => toPerson(r, certs.get(r.id) ?? [], ctx.now)), total: Number(count.n) };
  }

  async get(ctx: RequestContext, id: string): Promise<PersonDetail> {
    requireAuthenticated(ctx.actor);
    return this.#detail(this.#db, await this.#rowFor(ctx, this.#db, id), ctx.now);
  }

  async create(ctx: RequestContext, input: NewPerson): Promise<PersonDetail> {
    const user = requireAuthenticated(ctx.actor);
    const name = input.name.trim();
    if (!name) throw badRequest('FIELD_REQUIRED', '请填写姓名', 'body.name');
    const id = validateResidentId(input.residentId, ctx.now);
    if (!id.ok) throw badRequest('RESIDENT_ID_INVALID', id.message, 'body.residentId');
    const roles = checkRoles(input.roles, 'body.roles');
    const today = beijingDate(ctx.now);
    const joinedOn = input.joinedOn ?? today;
    if (joinedOn > today) throw badRequest('JOIN_DATE_IN_FUTURE', '入职日期不能晚于今天', 'body.joinedOn');
    const certificates = (input.certificates ?? []).map((c, i) => checkCertificate(c, `body.certificates.${i}`));
    const sealed = this.#pii.protect(id.code);

    return this.#db.transaction().execute(async (trx) => {
      const agency = await agencyForNewEntry(trx, ctx, input.agencyId, 'body.agencyId');
      await this.#assertSameKey(trx);
      const current = await trx
        .selectFrom('personnel')
        .select(['agency_id'])
        .where('resident_id_lookup', '=', sealed.lookup)
        .where('status', '=', 'active')
        .executeTakeFirst();
      if (current?.agency_id === agency.id) {
        throw conflict('PERSON_ALREADY_REGISTERED', '该人员已在本机构注册', 'body.residentId');
      }
      if (current) {
        // 部令57号: one agency at a time. Name the other agency only to a caller who may see it.
        const other = await findVisibleAgency(trx, ctx, current.agency_id);
        throw conflict('PERSON_ACTIVE_ELSEWHERE', `该人员目前在${other ? `“${other.name}”` : '另一检测机构'}在职，须先办理离职后才能在本机构注册`, 'body.residentId');
      }
      const lastLeave = await trx
        .selectFrom('personnel')
        .select((eb) => eb.fn.max('left_on').as('left_on'))
        .where('resident_id_lookup', '=', sealed.lookup)
        .executeTakeFirst();
      if (lastLeave?.left_on && joinedOn < lastLeave.left_on) {
        throw badRequest('JOIN_BEFORE_PREVIOUS_LEAVE', `入职日期早于该人员上一次离职日期（${lastLeave.left_on}）`, 'body.joinedOn');
      }
      if (input.userId) await this.#checkUser(trx, input.userId, agency.id, null);
      const createdBy = user.kind === 'user' ? user.id : null;
      let row: PersonRow;
      try {
        row = await trx
          .insertInto('personnel')
          .values({
            agency_id: agency.id,
            name,
            resident_id_lookup: sealed.lookup,
            resident_id_sealed: sealed.sealed,
            resident_id_masked: sealed.masked,
            pii_key_id: sealed.keyId,
            roles,
            user_id: input.userId ?? null,
            status: 'active',
            joined_on: joinedOn,
            left_on: null,
            created_by: createdBy,
            created_at: ctx.now,
            updated_at: ctx.now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
      } catch (err) {
        // A registration racing this one at another agency reached the database's own guard.
        if (isUniqueViolation(err, 'personnel_one_active_per_person')) {
          throw conflict('PERSON_ACTIVE_ELSEWHERE', '该人员目前在另一检测机构在职，须先办理离职后才能在本机构注册', 'body.residentId');
        }
        throw err;
      }
      for (const [i, c] of certificates.entries()) {
        const doc = c.documentId ? await useDocument(trx, ctx, c.documentId, `body.certificates.${i}.documentId`) : null;
        await trx
          .insertInto('personnel_certificates')
          .values({
            person_id: row.id,
            kind: c.kind,
            certificate_number: c.certificateNumber,
            specialty: c.specialty,
            valid_from: c.validFrom,
            valid_to: c.validTo,
            document_id: doc?.id ?? null,
            created_by: createdBy,
            created_at: ctx.now,
          })
          .execute();
      }
      await recordAudit(trx, ctx, {
        action: 'personnel.create',
        targetType: 'person',
        targetId: row.id,
        organisationId: agency.id,
        regionCode: agency.regionCode,
        // Never the ID number, not even masked: the trail is read more widely than the registry.
        details: { name, roles, userId: row.user_id, joinedOn, certificates: certificates.map((c) => ({ specialty: c.specialty, certificateNumber: c.certificateNumber, validTo: c.validTo })) },
      });
      const username = input.userId ? ((await trx.selectFrom('users').select('username').where('id', '=', input.userId).executeTakeFirst())?.username ?? null) : null;
      return this.#detail(trx, { ...row, agency_name: agency.name, region_code: agency.regionCode, username }, ctx.now);
    });
  }

  /** Administrative fields, with optimistic concurrency. */
  async update(ctx: RequestContext, id: string, patch: PersonPatch): Promise<PersonDetail> {
    requireAuthenticated(ctx.actor);
    const roles = patch.roles ? checkRoles(patch.roles, 'body.roles') : undefined;
    const name = patch.name?.trim();
    if (name !== undefined && !name) throw badRequest('FIELD_REQUIRED', '请填写姓名', 'body.name');
    return this.#db.transaction().execute(async (trx) => {
      const before = await this.#rowFor(ctx, trx, id, true);
      if (!mayManageAgency(ctx, before.agency_id)) throw MANAGE_ONLY();
      if (before.row_version !== patch.rowVersion) throw conflict('EDIT_CONFLICT', '该人员信息已被他人修改，请刷新后重试', 'body.rowVersion');
      if (before.status !== 'active') throw conflict('PERSON_NOT_ACTIVE', '该人员已离职，不能修改');
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const set: { name?: string; roles?: PersonnelRole[]; user_id?: string | null } = {};
      if (name !== undefined && name !== before.name) {
        set.name = name;
        changes.name = { from: before.name, to: name };
      }
      if (roles && roles.join() !== before.roles.join()) {
        set.roles = roles;
        changes.roles = { from: before.roles, to: roles };
      }
      if (patch.userId !== undefined && patch.userId !== before.user_id) {
        if (patch.userId) await this.#checkUser(trx, patch.userId, before.agency_id, id);
        set.user_id = patch.userId;
        changes.userId = { from: before.user_id, to: patch.userId };
      }
      if (Object.keys(changes).length === 0) return this.#detail(trx, before, ctx.now);
      const row = await trx
        .updateTable('personnel')
        .set({ ...set, updated_at: ctx.now, row_version: before.row_version + 1 })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'personnel.update',
        targetType: 'person',
        targetId: id,
        organisationId: before.agency_id,
        regionCode: before.region_code,
        details: { changes },
      });
      const username = row.user_id ? ((await trx.selectFrom('users').select('username').where('id', '=', row.user_id).executeTakeFirst())?.username ?? null) : null;
      return this.#detail(trx, { ...row, agency_name: before.agency_name, region_code: before.region_code, username }, ctx.now);
    });
  }

  /** Leaving the agency (离职) frees the person to register elsewhere; the registration stays as history. */
  async leave(ctx: RequestContext, id: string, input: { date: string; reason?: string }): Promise<PersonDetail> {
    requireAuthenticated(ctx.actor);
    return this.#db.transaction().execute(async (trx) => {
      const before = await this.#rowFor(ctx, trx, id, true);
      if (!mayManageAgency(ctx, before.agency_id)) throw MANAGE_ONLY();
      if (before.status !== 'active') throw conflict('PERSON_NOT_ACTIVE', '该人员已离职');
      if (input.date < before.joined_on) throw badRequest('LEAVE_BEFORE_JOIN', `离职日期不能早于入职日期 ${before.joined_on}`, 'body.date');
      if (input.date > beijingDate(ctx.now)) throw badRequest('LEAVE_DATE_IN_FUTURE', '离职日期不能晚于今天', 'body.date');
      const row = await trx
        .updateTable('personnel')
        .set({ status: 'left', left_on: input.date, updated_at: ctx.now, row_version: before.row_version + 1 })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'personnel.leave',
        targetType: 'person',
        targetId: id,
        organisationId: before.agency_id,
        regionCode: before.region_code,
        details: { name: before.name, leftOn: input.date, ...(input.reason?.trim() ? { reason: input.reason.trim() } : {}) },
      });
      return this.#detail(trx, { ...row, agency_name: before.agency_name, region_code: before.region_code, username: before.username }, ctx.now);
    });
  }

  /**
   * The full 身份证号, for the person's own agency administrators and platform administrators only (others who can
   * see the person get 403). Every reveal is audited, in the same transaction that reads it.
   */
  async revealResidentId(ctx: RequestContext, id: string): Promise<{ residentId: string }> {
    requireAuthenticated(ctx.actor);
    return this.#db.transaction().execute(async (trx) => {
      const row = await this.#rowFor(ctx, trx, id);
      if (!mayManageAgency(ctx, row.agency_id)) throw forbidden('REVEAL_NOT_ALLOWED', '只有本机构管理员或平台管理员可以查看完整身份证号');
      if (row.pii_key_id !== this.#pii.keyId) throw keyMismatch();
      const residentId = this.#pii.reveal(row.resident_id_sealed, row.resident_id_lookup);
      await recordAudit(trx, ctx, {
        action: 'personnel.resident_id.reveal',
        targetType: 'person',
        targetId: id,
        organisationId: row.agency_id,
        regionCode: row.region_code,
        details: { name: row.name },
      });
      return { residentId };
    });
  }

  async listCertificates(ctx: RequestContext, id: string): Promise<PersonCertificate[]> {
    requireAuthenticated(ctx.actor);
    const row = await this.#rowFor(ctx, this.#db, id);
    return ((await certificatesOf(this.#db, [row.id])).get(row.id) ?? []).map((c) => toCertificate(c, ctx.now));
  }

  /** A new or renewed certificate is a new row; the earlier ones stay. */
  async addCertificate(ctx: RequestContext, id: string, input: NewPersonCertificate): Promise<PersonCertificate> {
    const user = requireAuthenticated(ctx.actor);
    const c = checkCertificate(input, 'body');
    return this.#db.transaction().execute(async (trx) => {
      const person = await this.#rowFor(ctx, trx, id, true);
      if (!mayManageAgency(ctx, person.agency_id)) throw MANAGE_ONLY();
      if (person.status !== 'active') throw conflict('PERSON_NOT_ACTIVE', '该人员已离职，不能再登记证书');
      const dup = await trx
        .selectFrom('personnel_certificates')
        .select('id')
        .where('person_id', '=', id)
        .where('certificate_number', '=', c.certificateNumber)
        .where('specialty', '=', c.specialty)
        .where('valid_from', '=', c.validFrom)
        .executeTakeFirst();
      if (dup) throw conflict('CERTIFICATE_DUPLICATE', '该证书已登记', 'body.certificateNumber');
      const doc = c.documentId ? await useDocument(trx, ctx, c.documentId, 'body.documentId') : null;
      const cert = await trx
        .insertInto('personnel_certificates')
        .values({
          person_id: id,
          kind: c.kind,
          certificate_number: c.certificateNumber,
          specialty: c.specialty,
          valid_from: c.validFrom,
          valid_to: c.validTo,
          document_id: doc?.id ?? null,
          created_by: user.kind === 'user' ? user.id : null,
          created_at: ctx.now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'personnel.certificate.add',
        targetType: 'person',
        targetId: id,
        organisationId: person.agency_id,
        regionCode: person.region_code,
        details: { certificateId: cert.id, kind: cert.kind, specialty: cert.specialty, certificateNumber: cert.certificate_number, validFrom: cert.valid_from, validTo: cert.valid_to },
      });
      return toCertificate(cert, ctx.now);
    });
  }
}

function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = err as { code?: unknown; constraint?: unknown; message?: unknown };
  return e.code === '23505' && (e.constraint === constraint || (typeof e.message === 'string' && e.message.includes(constraint)));
}

/** For batches and reports: the person is active and holds a certificate for `specialty` in force at `now`. */
export async function isCertifiedFor(db: Db, personId: string, specialty: Specialty, now: Date): Promise<boolean> {
  const certs = await db
    .selectFrom('personnel_certificates as c')
    .innerJoin('personnel as p', 'p.id', 'c.person_id')
    .select(['c.valid_from', 'c.valid_to'])
    .where('c.person_id', '=', personId)
    .where('p.status', '=', 'active')
    .where('c.specialty', '=', specialty)
    .execute();
  return certs.some((c) => isValidAt({ validFrom: c.valid_from, validTo: c.valid_to }, now));
}

/** The active registration linked to a platform account ("is the logged-in tester this registered person?"). */
export async function activePersonForUser(
  db: Db,
  userId: string,
): Promise<{ id: string; agencyId: string; name: string; roles: PersonnelRole[] } | null> {
  const row = await db
    .selectFrom('personnel')
    .select(['id', 'agency_id', 'name', 'roles'])
    .where('user_id', '=', userId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row ? { id: row.id, agencyId: row.agency_id, name: row.name, roles: row.roles } : null;
}

/** For the connection check: every active person of the agency with their certificate periods. */
export async function activePersonnelCertificates(db: Db, agencyId: string): Promise<{ personId: string; certificates: ValidityPeriod[] }[]> {
  const ids = (await db.selectFrom('personnel').select('id').where('agency_id', '=', agencyId).where('status', '=', 'active').execute()).map((r) => r.id);
  const certs = await certificatesOf(db, ids);
  return ids.map((id) => ({ personId: id, certificates: (certs.get(id) ?? []).map((c) => ({ validFrom: c.valid_from, validTo: c.valid_to })) }));
}
