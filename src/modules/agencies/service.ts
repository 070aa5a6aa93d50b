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
import type { AgencyFilingRow, AgencyQualificationRow, QualificationGrade, VerificationStatus } from './tables.ts';
import './tables.ts';

/** One 入吉备案 submission (a version); it counts for connection only once verified (issue 15 item 7). */
/** What a department's check adds to a submitted document (a 入吉备案 or a qualification certificate). */
export interface Verification {
  status: VerificationStatus;
  submittedAt: string;
  decidedAt: string | null;
  decidedByName: string | null;
  decisionReason: string | null;
  supersededBy: string | null;
  supersededAt: string | null;
  /** Verified, not superseded, and in its validity period now: it counts for connection (and, for a certificate, its specialties). */
  inForce: boolean;
}

export interface Filing extends Verification {
  id: string;
  agencyId: string;
  agencyName: string;
  version: number;
  number: string;
  /** 备案日期. */
  date: string;
  validFrom: string;
  validTo: string;
  documentId: string | null;
}

export interface NewFiling {
  number: string;
  date: string;
  validFrom: string;
  validTo: string;
  documentId: string;
}

export interface AgencyProfile {
  agencyId: string;
  agencyName: string;
  /** null until the agency declares it. */
  origin: AgencyOrigin | null;
  /** The newest 入吉备案 submission, whatever its status. */
  filing: Filing | null;
  /** The verified submission not superseded by a newer verified one (it may have expired). */
  verifiedFiling: Filing | null;
  /** 0 while no profile has been saved: send 0 to create it. */
  rowVersion: number;
  updatedAt: string | null;
}

export interface ProfileInput {
  rowVersion: number;
  origin: AgencyOrigin;
}

export interface Qualification extends Verification {
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

type FilingViewRow = AgencyFilingRow & { agency_name: string; region_code: string; decided_by_name: string | null };

const toFiling = (f: FilingViewRow, now: Date): Filing => ({
  id: f.id,
  agencyId: f.agency_id,
  agencyName: f.agency_name,
  version: f.version,
  number: f.filing_number,
  date: f.filing_date,
  validFrom: f.valid_from,
  validTo: f.valid_to,
  documentId: f.document_id,
  status: f.status,
  submittedAt: f.submitted_at.toISOString(),
  decidedAt: f.decided_at ? f.decided_at.toISOString() : null,
  decidedByName: f.decided_by_name,
  decisionReason: f.decision_reason,
  supersededBy: f.superseded_by,
  supersededAt: f.superseded_at ? f.superseded_at.toISOString() : null,
  inForce: f.status === 'verified' && f.superseded_by === null && isValidAt({ validFrom: f.valid_from, validTo: f.valid_to }, now),
});

/** The administrative division code inside a USCC (characters 3–8). */
const usccDivision = (uscc: string | null): string | null => (uscc && uscc.length === 18 ? uscc.slice(2, 8) : null);

const QUALIFICATION_NOT_FOUND = () => notFound('QUALIFICATION_NOT_FOUND', '资质证书不存在或无权查看');
const FILING_NOT_FOUND = () => notFound('FILING_NOT_FOUND', '入吉备案不存在或无权查看');

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

  /** The scoped base query for 入吉备案 submissions: the same visibility, hence the same verifiers, as qualifications. */
  #visibleFilings(ctx: RequestContext, db: Db = this.#db) {
    const scope = scopeOf(ctx.actor);
    return db
      .selectFrom('agency_filings as f')
      .innerJoin('organisations as o', 'o.id', 'f.agency_id')
      .leftJoin('users as du', 'du.id', 'f.decided_by')
      .selectAll('f')
      .select(['o.name as agency_name', 'o.region_code', 'du.display_name as decided_by_name'])
      .where((eb) => visibleTo(scope, { organisation: eb.ref('f.agency_id'), region: eb.ref('o.region_code') }));
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
    return { agencyId, agencyName: agency.name, origin: p?.origin ?? null, ...(await this.#currentFilings(ctx, this.#db, agencyId)), rowVersion: p?.row_version ?? 0, updatedAt: p ? p.updated_at.toISOString() : null };
  }

  async #currentFilings(ctx: RequestContext, db: Db, agencyId: string): Promise<{ filing: Filing | null; verifiedFiling: Filing | null }> {
    const rows = await this.#visibleFilings(ctx, db).where('f.agency_id', '=', agencyId).where('f.superseded_by', 'is', null).orderBy('f.version', 'desc').execute();
    const newest = rows[0];
    const verified = rows.find((r) => r.status === 'verified');
    return { filing: newest ? toFiling(newest, ctx.now) : null, verifiedFiling: verified ? toFiling(verified, ctx.now) : null };
  }

  /**
   * The origin, declared by the agency's administrators (or a platform administrator) with optimistic concurrency and
   * audited. A "local" declaration must agree with the USCC the platform registered; the 入吉备案 itself is a separate,
   * verified submission (createFiling).
   */
  async putProfile(ctx: RequestContext, agencyId: string, input: ProfileInput): Promise<AgencyProfile> {
    return this.#db.transaction().execute(async (trx) => {
      const agency = await requireManagedAgency(trx, ctx, agencyId);
      if (input.origin === 'local') {
        const org = await trx.selectFrom('organisations').select('uscc').where('id', '=', agencyId).executeTakeFirstOrThrow();
        const division = usccDivision(org.uscc);
        if (division !== null && !division.startsWith('22')) {
          throw unprocessable('ORIGIN_CONTRADICTS_USCC', '统一社会信用代码显示机构非本省注册，请登记为外省入吉并提交入吉备案', 'body.origin');
        }
      }
      const before = await trx.selectFrom('agency_profiles').selectAll().where('organisation_id', '=', agencyId).forUpdate().executeTakeFirst();
      if ((before?.row_version ?? 0) !== input.rowVersion) {
        throw conflict('EDIT_CONFLICT', '机构信息已被他人修改，请刷新后重试', 'body.rowVersion');
      }
      let row;
      if (before) {
        row = await trx
          .updateTable('agency_profiles')
          .set({ origin: input.origin, updated_at: ctx.now, row_version: before.row_version + 1 })
          .where('organisation_id', '=', agencyId)
          .returningAll()
          .executeTakeFirstOrThrow();
      } else {
        // Two first saves racing: the second finds the row taken and is told to reload, like any stale edit.
        row = await trx
          .insertInto('agency_profiles')
          .values({ organisation_id: agencyId, origin: input.origin, updated_at: ctx.now, created_at: ctx.now })
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
        details: { from: before ? { origin: before.origin } : null, to: { origin: row.origin } },
      });
      return {
        agencyId,
        agencyName: agency.name,
        origin: row.origin,
        ...(await this.#currentFilings(ctx, trx, agencyId)),
        rowVersion: row.row_version,
        updatedAt: row.updated_at.toISOString(),
      };
    });
  }

  /** The agency's 入吉备案 submissions, newest version first (the history, superseded and rejected included). */
  async listFilings(ctx: RequestContext, agencyId: string): Promise<Filing[]> {
    await this.#agency(ctx, this.#db, agencyId);
    const rows = await this.#visibleFilings(ctx).where('f.agency_id', '=', agencyId).orderBy('f.version', 'desc').execute();
    return rows.map((r) => toFiling(r, ctx.now));
  }

  async getFiling(ctx: RequestContext, id: string): Promise<Filing> {
    requireAuthenticated(ctx.actor);
    const row = await this.#visibleFilings(ctx).where('f.id', '=', id).executeTakeFirst();
    if (!row) throw FILING_NOT_FOUND();
    return toFiling(row, ctx.now);
  }

  /**
   * Submits a 入吉备案 with its scan for the department to verify. Nothing is overwritten: a changed filing is the
   * next version, and the verified one before it keeps counting until the new one is approved.
   */
  async createFiling(ctx: RequestContext, agencyId: string, input: NewFiling): Promise<Filing> {
    const user = requireAuthenticated(ctx.actor);
    const number = input.number.trim();
    if (!number) throw badRequest('FIELD_REQUIRED', '请填写入吉备案编号', 'body.number');
    if (isInverted(input)) throw badRequest('VALIDITY_INVERTED', '入吉备案有效期截止日期早于起始日期', 'body.validTo');
    return this.#db.transaction().execute(async (trx) => {
      const agency = await requireManagedAgency(trx, ctx, agencyId);
      // Locking the profile serialises submissions of one agency (version numbers, one pending at a time).
      const profile = await trx.selectFrom('agency_profiles').select('origin').where('organisation_id', '=', agencyId).forUpdate().executeTakeFirst();
      if (profile?.origin !== 'out_of_province') {
        throw unprocessable('FILING_NOT_APPLICABLE', '只有登记为外省入吉的检测机构办理入吉备案；请先登记机构来源', 'body');
      }
      const versions = await trx
        .selectFrom('agency_filings')
        .select(['status', 'version'])
        .where('agency_id', '=', agencyId)
        .orderBy('version', 'desc')
        .execute();
      if (versions.some((v) => v.status === 'pending')) {
        throw conflict('FILING_PENDING', '已有待住建部门核验的入吉备案，请等待核验结果后再提交', 'body.number');
      }
      const doc = await useDocument(trx, ctx, input.documentId, 'body.documentId');
      const row = await trx
        .insertInto('agency_filings')
        .values({
          agency_id: agencyId,
          version: (versions[0]?.version ?? 0) + 1,
          filing_number: number,
          filing_date: input.date,
          valid_from: input.validFrom,
          valid_to: input.validTo,
          document_id: doc.id,
          status: 'pending',
          submitted_by: user.kind === 'user' ? user.id : null,
          submitted_at: ctx.now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'filing.submit',
        targetType: 'agency_filing',
        targetId: row.id,
        organisationId: agencyId,
        regionCode: agency.regionCode,
        details: { version: row.version, number, date: input.date, validFrom: input.validFrom, validTo: input.validTo, documentSha256: doc.sha256 },
      });
      return toFiling({ ...row, agency_name: agency.name, region_code: agency.regionCode, decided_by_name: null }, ctx.now);
    });
  }

  /**
   * Verification of a 入吉备案 by a department whose jurisdiction contains the agency, exactly as for qualifications:
   * outside it 404, visible to someone who is not a department officer (the agency itself) 403. Approval supersedes
   * the previously verified version.
   */
  async decideFiling(ctx: RequestContext, id: string, decision: 'approve' | 'reject', reason?: string): Promise<Filing> {
    requireAuthenticated(ctx.actor);
    const why = reason?.trim() ?? '';
    return this.#db.transaction().execute(async (trx) => {
      const f = await this.#visibleFilings(ctx, trx).where('f.id', '=', id).forUpdate('f').executeTakeFirst();
      if (!f) throw FILING_NOT_FOUND();
      const officer = requireRole(ctx.actor, 'dept_officer');
      if (decision === 'reject' && !why) throw badRequest('REASON_REQUIRED', '驳回须说明理由', 'body.reason');
      if (f.status !== 'pending') throw conflict('FILING_ALREADY_DECIDED', '该入吉备案已核验完毕，不在待核验状态');
      const superseded =
        decision === 'approve'
          ? await trx
              .updateTable('agency_filings')
              .set({ superseded_by: id, superseded_at: ctx.now })
              .where('agency_id', '=', f.agency_id)
              .where('status', '=', 'verified')
              .where('superseded_by', 'is', null)
              .returning('id')
              .execute()
          : [];
      const row = await trx
        .updateTable('agency_filings')
        .set({ status: decision === 'approve' ? 'verified' : 'rejected', decided_by: officer.id, decided_at: ctx.now, decision_reason: why || null })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: decision === 'approve' ? 'filing.approve' : 'filing.reject',
        targetType: 'agency_filing',
        targetId: id,
        organisationId: f.agency_id,
        regionCode: f.region_code,
        details: { version: f.version, number: f.filing_number, ...(why ? { reason: why } : {}), ...(superseded.length ? { superseded: superseded.map((s) => s.id) } : {}) },
      });
      return toFiling({ ...row, agency_name: f.agency_name, region_code: f.region_code, decided_by_name: officer.displayName }, ctx.now);
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

  /** Pending 入吉备案, qualifications and equipment in the officer's jurisdiction, oldest first. */
  async verificationQueue(ctx: RequestContext, limit: number): Promise<{
    filings: { items: Filing[]; total: number };
    qualifications: { items: Qualification[]; total: number };
    equipment: { items: Equipment[]; total: number };
  }> {
    requireRole(ctx.actor, 'dept_officer');
    const q = this.#visibleQualifications(ctx).where('q.status', '=', 'pending');
    const rows = await q.orderBy('q.submitted_at').orderBy('q.id').limit(limit).execute();
    const count = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const f = this.#visibleFilings(ctx).where('f.status', '=', 'pending');
    const filings = await f.orderBy('f.submitted_at').orderBy('f.id').limit(limit).execute();
    const filingCount = await f.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return {
      filings: { items: filings.map((r) => toFiling(r, ctx.now)), total: Number(filingCount.n) },
      qualifications: { items: rows.map((r) => toQualification(r, ctx.now)), total: Number(count.n) },
      equipment: await this.#equipment.listPending(ctx, limit),
    };
  }
}

/** The facts the connection rule reads, gathered from the registries. */
export async function connectionFacts(db: Db, agencyId: string): Promise<ConnectionFacts> {
  const profile = await db.selectFrom('agency_profiles').selectAll().where('organisation_id', '=', agencyId).executeTakeFirst();
  const quals = await db
    .selectFrom('agency_qualifications')
    .select(['valid_from', 'valid_to'])
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'verified')
    .where('superseded_by', 'is', null)
    .execute();
  const org = await db.selectFrom('organisations').select('uscc').where('id', '=', agencyId).executeTakeFirst();
  const filings = await db
    .selectFrom('agency_filings')
    .select(['status', 'valid_from', 'valid_to'])
    .where('agency_id', '=', agencyId)
    .where('superseded_by', 'is', null)
    .orderBy('version', 'desc')
    .execute();
  return {
    origin: profile?.origin ?? null,
    usccDivision: usccDivision(org?.uscc ?? null),
    filings: filings.map((f) => ({ status: f.status, validFrom: f.valid_from, validTo: f.valid_to })),
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
