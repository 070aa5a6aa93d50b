import type { Kysely, Transaction } from 'kysely';
import { requireAuthenticated, requireRole, scopeOf, type RequestContext } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { Database } from '../../kernel/db/types.ts';
import { visibleTo } from '../../kernel/db/scope-sql.ts';
import { AppError, badRequest, conflict, notFound, unprocessable } from '../../kernel/errors.ts';
import { useDocument } from '../documents/index.ts';
import { EquipmentService, verifiedEquipmentCalibrations, type Equipment } from '../equipment/index.ts';
import { activePersonnelCertificates } from '../personnel/index.ts';
import { findVisibleAgency, requireManagedAgency } from '../organisations/index.ts';
import { canonicalSpecialties, isSpecialty, SPECIALTY_CODES, type Specialty } from '../../kernel/specialties.ts';
import { evaluateConnection, type AgencyOrigin, type ConnectionFacts, type ConnectionStatus } from './rules/connection.ts';
import { isInverted, isValidAt } from '../../kernel/time.ts';
import type { AgencyProfileRow, AgencyQualificationRow, QualificationGrade, VerificationStatus } from './tables.ts';
import './tables.ts';

export interface Filing {
  number: string;
  /** 备案日期. */
  date: string;
  validFrom: string;
  validTo: string;
}

export interface AgencyProfile {
  agencyId: string;
  agencyName: string;
  /** null until the agency declares it. */
  origin: AgencyOrigin | null;
  filing: Filing | null;
  /** 0 while no profile has been saved: send 0 to create it. */
  rowVersion: number;
  updatedAt: string | null;
}

export interface ProfileInput {
  rowVersion: number;
  origin: AgencyOrigin;
  filing?: Filing | null;
}

export interface Qualification {
  id: string;
  agencyId: string;
  agencyName: string;
  certificateNumber: string;
  grade: QualificationGrade;
  specialties: Specialty[];
  validFrom: string;
  validTo: string;
  issuer: string;
  documentId: string | null;
  replacesId: string | null;
  status: VerificationStatus;
  submittedAt: string;
  decidedAt: string | null;
  decidedByName: string | null;
  decisionReason: string | null;
  supersededBy: string | null;
  supersededAt: string | null;
  /** Verified, not superseded, and in its validity period now: it counts for connection and specialties. */
  inForce: boolean;
}

export interface NewQualification {
  certificateNumber: string;
  grade: QualificationGrade;
  /** Required for 专项; a 综合 certificate covers all nine whatever is sent. */
  specialties?: string[];
  validFrom: string;
  validTo: string;
  issuer: string;
  documentId: string;
  /** The certificate this one replaces (renewal, change of scope); it is superseded when this one is approved. */
  replacesId?: string | null;
}

export interface Connection extends ConnectionStatus {
  agencyId: string;
  checkedAt: string;
}

type Db = Kysely<Database> | Transaction<Database>;
type QualificationViewRow = AgencyQualificationRow & { agency_name: string; region_code: string; decided_by_name: string | null };

const inForce = (q: AgencyQualificationRow, now: Date) =>
  q.status === 'verified' && q.superseded_by === null && isValidAt({ validFrom: q.valid_from, validTo: q.valid_to }, now);

const toQualification = (q: QualificationViewRow, now: Date): Qualification => ({
  id: q.id,
  agencyId: q.agency_id,
  agencyName: q.agency_name,
  certificateNumber: q.certificate_number,
  grade: q.grade,
  specialties: q.specialties,
  validFrom: q.valid_from,
  validTo: q.valid_to,
  issuer: q.issuer,
  documentId: q.document_id,
  replacesId: q.replaces_id,
  status: q.status,
  submittedAt: q.submitted_at.toISOString(),
  decidedAt: q.decided_at ? q.decided_at.toISOString() : null,
  decidedByName: q.decided_by_name,
  decisionReason: q.decision_reason,
  supersededBy: q.superseded_by,
  supersededAt: q.superseded_at ? q.superseded_at.toISOString() : null,
  inForce: inForce(q, now),
});

const toFiling = (p: AgencyProfileRow): Filing | null =>
  p.filing_number && p.filing_date && p.filing_valid_from && p.filing_valid_to
    ? { number: p.filing_number, date: p.filing_date, validFrom: p.filing_valid_from, validTo: p.filing_valid_to }
    : null;

const QUALIFICATION_NOT_FOUND = () => notFound('QUALIFICATION_NOT_FOUND', '资质证书不存在或无权查看');

/**
 * Agencies (issue 3 item 2): origin and 入吉备案, qualification certificates with department verification, the
 * computed connection status, and the departments' verification queue.
 */
export class AgencyService {
  readonly #db: Kysely<Database>;
  readonly #equipment: EquipmentService;
  constructor(deps: Pick<AppDeps, 'db'>) {
    this.#db = deps.db;
    this.#equipment = new EquipmentService(deps);
  }

  /** The scoped base query for qualification certificates. */
  #visibleQualifications(ctx: RequestContext, db: Db = this.#db) {
    const scope = scopeOf(ctx.actor);
    return db
      .selectFrom('agency_qualifications as q')
      .innerJoin('organisations as o', 'o.id', 'q.agency_id')
      .leftJoin('users as du', 'du.id', 'q.decided_by')
      .selectAll('q')
      .select(['o.name as agency_name', 'o.region_code', 'du.display_name as decided_by_name'])
      .where((eb) => visibleTo(scope, { organisation: eb.ref('q.agency_id'), region: eb.ref('o.region_code') }));
  }

  async #agency(ctx: RequestContext, db: Db, id: string) {
    requireAuthenticated(ctx.actor);
    const agency = await findVisibleAgency(db, ctx, id);
    if (!agency) throw notFound('AGENCY_NOT_FOUND', '检测机构不存在或无权查看');
    return agency;
  }

  async getProfile(ctx: RequestContext, agencyId: string): Promise<AgencyProfile> {
    const agency = await this.#agency(ctx, this.#db, agencyId);
    const p = await this.#db.selectFrom('agency_profiles').selectAll().where('organisation_id', '=', agencyId).executeTakeFirst();
    return {
      agencyId,
      agencyName: agency.name,
      origin: p?.origin ?? null,
      filing: p ? toFiling(p) : null,
      rowVersion: p?.row_version ?? 0,
      updatedAt: p ? p.updated_at.toISOString() : null,
    };
  }

  /**
   * Origin and 入吉备案, edited by the agency's administrators (or a platform administrator) with optimistic
   * concurrency; every change is audited with its before and after.
   */
  async putProfile(ctx: RequestContext, agencyId: string, input: ProfileInput): Promise<AgencyProfile> {
    const filing = input.filing ?? null;
    if (input.origin === 'local' && filing) {
      throw badRequest('FILING_NOT_APPLICABLE', '本省注册的检测机构无需入吉备案', 'body.filing');
    }
    if (filing) {
      if (!filing.number.trim()) throw badRequest('FIELD_REQUIRED', '请填写入吉备案编号', 'body.filing.number');
      if (isInverted(filing)) throw badRequest('VALIDITY_INVERTED', '入吉备案有效期截止日期早于起始日期', 'body.filing.validTo');
    }
    return this.#db.transaction().execute(async (trx) => {
      const agency = await requireManagedAgency(trx, ctx, agencyId);
      const before = await trx.selectFrom('agency_profiles').selectAll().where('organisation_id', '=', agencyId).forUpdate().executeTakeFirst();
      if ((before?.row_version ?? 0) !== input.rowVersion) {
        throw conflict('EDIT_CONFLICT', '机构信息已被他人修改，请刷新后重试', 'body.rowVersion');
      }
      const values = {
        origin: input.origin,
        filing_number: filing?.number.trim() ?? null,
        filing_date: filing?.date ?? null,
        filing_valid_from: filing?.validFrom ?? null,
        filing_valid_to: filing?.validTo ?? null,
        updated_at: ctx.now,
      };
      let row: AgencyProfileRow | undefined;
      if (before) {
        row = await trx
          .updateTable('agency_profiles')
          .set({ ...values, row_version: before.row_version + 1 })
          .where('organisation_id', '=', agencyId)
          .returningAll()
          .executeTakeFirstOrThrow();
      } else {
        // Two first saves racing: the second finds the row taken and is told to reload, like any stale edit.
        row = await trx
          .insertInto('agency_profiles')
          .values({ organisation_id: agencyId, ...values, created_at: ctx.now })
          .onConflict((oc) => oc.column('organisation_id').doNothing())
          .returningAll()
          .executeTakeFirst();
        if (!row) throw conflict('EDIT_CONFLICT', '机构信息已被他人修改，请刷新后重试', 'body.rowVersion');
      }
      await recordAudit(trx, ctx, {
        action: 'agency.profile.update',
        targetType: 'organisation',
        targetId: agencyId,
        organisationId: agencyId,
        regionCode: agency.regionCode,
        details: {
          from: before ? { origin: before.origin, filing: toFiling(before) } : null,
          to: { origin: row.origin, filing: toFiling(row) },
        },
      });
      return { agencyId, agencyName: agency.name, origin: row.origin, filing: toFiling(row), rowVersion: row.row_version, updatedAt: row.updated_at.toISOString() };
    });
  }

  async connection(ctx: RequestContext, agencyId: string): Promise<Connection> {
    await this.#agency(ctx, this.#db, agencyId);
    return { agencyId, checkedAt: ctx.now.toISOString(), ...(await getConnection(this.#db, agencyId, ctx.now)) };
  }

  /** The agency's certificates, all of them: pending, verified, rejected and superseded (the history). */
  async listQualifications(ctx: RequestContext, agencyId: string): Promise<Qualification[]> {
    await this.#agency(ctx, this.#db, agencyId);
    const rows = await this.#visibleQualifications(ctx).where('q.agency_id', '=', agencyId).orderBy('q.submitted_at', 'desc').orderBy('q.id').execute();
    return rows.map((r) => toQualification(r, ctx.now));
  }

  async getQualification(ctx: RequestContext, id: string): Promise<Qualification> {
    requireAuthenticated(ctx.actor);
    const row = await this.#visibleQualifications(ctx).where('q.id', '=', id).executeTakeFirst();
    if (!row) throw QUALIFICATION_NOT_FOUND();
    return toQualification(row, ctx.now);
  }

  /** Submits a certificate for verification. It never changes an existing one: a replacement names it instead. */
  async createQualification(ctx: RequestContext, agencyId: string, input: NewQualification): Promise<Qualification> {
    const user = requireAuthenticated(ctx.actor);
    const certificateNumber = input.certificateNumber.trim();
    if (!certificateNumber) throw badRequest('FIELD_REQUIRED', '请填写资质证书编号', 'body.certificateNumber');
    const issuer = input.issuer.trim();
    if (issuer.length < 2) throw badRequest('FIELD_REQUIRED', '请填写发证机关', 'body.issuer');
    const given = input.specialties ?? [];
    given.forEach((s, i) => {
      if (!isSpecialty(s)) throw badRequest('SPECIALTY_UNKNOWN', `未知专项 ${s}`, `body.specialties.${i}`);
    });
    if (input.grade === 'specialised' && given.length === 0) {
      throw badRequest('SPECIALTIES_REQUIRED', '专项资质须列明所含专项', 'body.specialties');
    }
    const specialties = input.grade === 'comprehensive' ? [...SPECIALTY_CODES] : canonicalSpecialties(given as Specialty[]);
    if (isInverted(input)) throw badRequest('VALIDITY_INVERTED', '有效期截止日期早于起始日期', 'body.validTo');

    return this.#db.transaction().execute(async (trx) => {
      const agency = await requireManagedAgency(trx, ctx, agencyId);
      const sameNumber = await trx
        .selectFrom('agency_qualifications')
        .selectAll()
        .where('certificate_number', '=', certificateNumber)
        .where('status', '<>', 'rejected')
        .execute();
      if (sameNumber.some((q) => q.agency_id !== agencyId)) {
        throw conflict('QUALIFICATION_NUMBER_TAKEN', '该资质证书编号已由其他检测机构登记', 'body.certificateNumber');
      }
      const overlapping = sameNumber.find(
        (q) => q.superseded_by === null && q.id !== input.replacesId && q.valid_from <= input.validTo && input.validFrom <= q.valid_to,
      );
      if (overlapping) {
        throw conflict(
          'QUALIFICATION_OVERLAP',
          `与已登记的同编号证书（有效期 ${overlapping.valid_from} 至 ${overlapping.valid_to}）有效期重叠；如为换证，请指明被替换的证书`,
          'body.validFrom',
        );
      }
      if (input.replacesId) {
        const old = await trx.selectFrom('agency_qualifications').selectAll().where('id', '=', input.replacesId).where('agency_id', '=', agencyId).executeTakeFirst();
        if (!old || old.status !== 'verified' || old.superseded_by !== null) {
          throw badRequest('REPLACES_INVALID', '被替换的证书须为本机构已核验且未被替换的资质证书', 'body.replacesId');
        }
        const successor = await trx.selectFrom('agency_qualifications').select('id').where('replaces_id', '=', old.id).where('status', '<>', 'rejected').executeTakeFirst();
        if (successor) throw conflict('REPLACEMENT_PENDING', '该证书已有待核验或已核验的替换证书', 'body.replacesId');
      }
      const doc = await useDocument(trx, ctx, input.documentId, 'body.documentId');
      const row = await trx
        .insertInto('agency_qualifications')
        .values({
          agency_id: agencyId,
          certificate_number: certificateNumber,
          grade: input.grade,
          specialties,
          valid_from: input.validFrom,
          valid_to: input.validTo,
          issuer,
          document_id: doc.id,
          replaces_id: input.replacesId ?? null,
          status: 'pending',
          submitted_by: user.kind === 'user' ? user.id : null,
          submitted_at: ctx.now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'qualification.submit',
        targetType: 'qualification',
        targetId: row.id,
        organisationId: agencyId,
        regionCode: agency.regionCode,
        details: { certificateNumber, grade: input.grade, specialties, validFrom: input.validFrom, validTo: input.validTo, replacesId: row.replaces_id, documentSha256: doc.sha256 },
      });
      return toQualification({ ...row, agency_name: agency.name, region_code: agency.regionCode, decided_by_name: null }, ctx.now);
    });
  }

  /**
   * Verification by a department whose jurisdiction contains the agency (the province sees all). Outside it the
   * certificate is 404; visible to someone who is not a department officer, 403.
   */
  async decideQualification(ctx: RequestContext, id: string, decision: 'approve' | 'reject', reason?: string): Promise<Qualification> {
    requireAuthenticated(ctx.actor);
    const why = reason?.trim() ?? '';
    return this.#db.transaction().execute(async (trx) => {
      const q = await this.#visibleQualifications(ctx, trx).where('q.id', '=', id).forUpdate('q').executeTakeFirst();
      if (!q) throw QUALIFICATION_NOT_FOUND();
      const officer = requireRole(ctx.actor, 'dept_officer');
      if (decision === 'reject' && !why) throw badRequest('REASON_REQUIRED', '驳回须说明理由', 'body.reason');
      if (q.status !== 'pending') throw conflict('QUALIFICATION_ALREADY_DECIDED', '该资质证书已核验完毕，不在待核验状态');
      let superseded: string | null = null;
      if (decision === 'approve' && q.replaces_id) {
        const old = await trx
          .updateTable('agency_qualifications')
          .set({ superseded_by: id, superseded_at: ctx.now })
          .where('id', '=', q.replaces_id)
          .where('superseded_by', 'is', null)
          .returning('id')
          .executeTakeFirst();
        superseded = old?.id ?? null;
      }
      const row = await trx
        .updateTable('agency_qualifications')
        .set({ status: decision === 'approve' ? 'verified' : 'rejected', decided_by: officer.id, decided_at: ctx.now, decision_reason: why || null })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: decision === 'approve' ? 'qualification.approve' : 'qualification.reject',
        targetType: 'qualification',
        targetId: id,
        organisationId: q.agency_id,
        regionCode: q.region_code,
        details: { certificateNumber: q.certificate_number, ...(why ? { reason: why } : {}), ...(superseded ? { superseded } : {}) },
      });
      return toQualification({ ...row, agency_name: q.agency_name, region_code: q.region_code, decided_by_name: officer.displayName }, ctx.now);
    });
  }

  /** Pending qualifications and equipment in the officer's jurisdiction, oldest first. */
  async verificationQueue(
    ctx: RequestContext,
    limit: number,
  ): Promise<{ qualifications: { items: Qualification[]; total: number }; equipment: { items: Equipment[]; total: number } }> {
    requireRole(ctx.actor, 'dept_officer');
    const q = this.#visibleQualifications(ctx).where('q.status', '=', 'pending');
    const rows = await q.orderBy('q.submitted_at').orderBy('q.id').limit(limit).execute();
    const count = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return {
      qualifications: { items: rows.map((r) => toQualification(r, ctx.now)), total: Number(count.n) },
      equipment: await this.#equipment.listPending(ctx, limit),
    };
  }
}

/** The facts the connection rule reads, gathered from the three registries. */
export async function connectionFacts(db: Db, agencyId: string): Promise<ConnectionFacts> {
  const profile = await db.selectFrom('agency_profiles').selectAll().where('organisation_id', '=', agencyId).executeTakeFirst();
  const quals = await db
    .selectFrom('agency_qualifications')
    .select(['valid_from', 'valid_to'])
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'verified')
    .where('superseded_by', 'is', null)
    .execute();
  const filing = profile ? toFiling(profile) : null;
  return {
    origin: profile?.origin ?? null,
    filing: filing ? { validFrom: filing.validFrom, validTo: filing.validTo } : null,
    verifiedQualifications: quals.map((q) => ({ validFrom: q.valid_from, validTo: q.valid_to })),
    verifiedEquipment: await verifiedEquipmentCalibrations(db, agencyId),
    activePersonnel: await activePersonnelCertificates(db, agencyId),
  };
}

async function requireAgency(db: Db, agencyId: string, field?: string): Promise<{ id: string; name: string }> {
  const row = await db.selectFrom('organisations').select(['id', 'name']).where('id', '=', agencyId).where('type', '=', 'agency').executeTakeFirst();
  if (!row) throw new AppError(404, 'AGENCY_NOT_FOUND', '检测机构不存在', field);
  return row;
}

/** Connection status of an agency at `now`, unscoped: callers have already checked what their caller may see. */
export async function getConnection(db: Db, agencyOrganisationId: string, now: Date): Promise<ConnectionStatus> {
  await requireAgency(db, agencyOrganisationId);
  return evaluateConnection(await connectionFacts(db, agencyOrganisationId), now);
}

/** For commissions, batches and reports: 422 AGENCY_NOT_CONNECTED naming what is missing. */
export async function assertAgencyConnected(db: Db, agencyId: string, now: Date, field: string): Promise<void> {
  const agency = await requireAgency(db, agencyId, field);
  const status = evaluateConnection(await connectionFacts(db, agencyId), now);
  if (!status.connected) {
    const missing = status.checklist.filter((c) => !c.ok).map((c) => c.message);
    throw unprocessable('AGENCY_NOT_CONNECTED', `检测机构“${agency.name}”尚未完成监管平台对接：${missing.join('；')}`, field, {
      missing: status.checklist.filter((c) => !c.ok).map((c) => c.item),
    });
  }
}

async function verifiedCertificates(db: Db, agencyId: string) {
  return db
    .selectFrom('agency_qualifications')
    .select(['specialties', 'valid_from', 'valid_to'])
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'verified')
    .where('superseded_by', 'is', null)
    .execute();
}

/** Specialties covered at `now` by the agency's verified, not superseded certificates in force. */
export async function qualifiedSpecialties(db: Db, agencyId: string, now: Date): Promise<Specialty[]> {
  const rows = await verifiedCertificates(db, agencyId);
  return canonicalSpecialties(rows.filter((r) => isValidAt({ validFrom: r.valid_from, validTo: r.valid_to }, now)).flatMap((r) => r.specialties));
}

/**
 * Why a specialty is or is not covered, for a precise refusal (a commission "outside its specialties" differs from
 * one whose qualification "has lapsed"): `covered` now; `lapsed` when a verified certificate covered it but none is
 * in force now; `never` otherwise.
 */
export async function specialtyCoverage(db: Db, agencyId: string, specialty: Specialty, now: Date): Promise<'covered' | 'lapsed' | 'never'> {
  const rows = (await verifiedCertificates(db, agencyId)).filter((r) => r.specialties.includes(specialty));
  if (rows.some((r) => isValidAt({ validFrom: r.valid_from, validTo: r.valid_to }, now))) return 'covered';
  return rows.length > 0 ? 'lapsed' : 'never';
}
