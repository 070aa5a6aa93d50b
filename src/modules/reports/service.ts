import { createHash } from 'node:crypto';
import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { hasRole, requireAuthenticated, requireUser, scopeOf, type RequestContext, type UserActor } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import type { BlobStore } from '../../kernel/blobs/blob-store.ts';
import { canonicalJson } from '../../kernel/crypto/canonical-json.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { Database } from '../../kernel/db/types.ts';
import { badRequest, conflict, forbidden, notFound } from '../../kernel/errors.ts';
import { pageBounds } from '../../kernel/http/schemas.ts';
import { REPORT_NUMBER_MAX_SEQ, REPORT_REASON_MAX_LENGTH, REPORT_REASON_MIN_LENGTH } from '../../kernel/policy.ts';
import { beijingDate, isValidAt } from '../../kernel/time.ts';
import { specialtyName } from '../../kernel/specialties.ts';
import { getConnection } from '../agencies/index.ts';
import { type BatchRow, batchVisibleTo, findVisibleBatch, writeBatchEvent } from '../batches/index.ts';
import { findItem, getCatalogueVersion } from '../catalogue/index.ts';
import { formatComponentId } from '../components/index.ts';
import { activePersonForUser } from '../personnel/index.ts';
import { renderReportPdf } from './pdf.ts';
import { deriveConclusion, displayValues, REPORT_STATUS_LABELS, summarise, type ReportContent, type ReportRecordLine, type ReportStatus } from './rules/content.ts';
import { reportEligibility, supersedeEligibility, type Eligibility } from './rules/eligibility.ts';
import { agencyCodeFromUscc, checkCodesMatch, formatReportNumber, newCheckCode, normaliseCheckCode, parseReportNumber, verificationUrl } from './rules/number.ts';
import type { ReportRow } from './tables.ts';
import './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

const sha256 = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');
const iso = (d: Date | null) => (d ? d.toISOString() : null);

// ───────────────────────────── views ─────────────────────────────

export interface Ref {
  id: string;
  name: string;
}

export interface ReportSummary {
  id: string;
  reportNumber: string;
  checkCode: string;
  status: ReportStatus;
  statusLabel: string;
  batch: { id: string; batchNumber: string };
  agency: Ref;
  project: Ref;
  regionCode: string;
  specialtyName: string;
  reportDate: string;
  generatedAt: string;
  signatory: Ref;
  contentSha256: string;
  pdfSha256: string;
  pdfSize: number;
  /** The console's public verification page for this report (what the QR code encodes, without the host). */
  verifyPath: string;
  supersedes: { id: string; reportNumber: string; reason: string } | null;
  supersededBy: { id: string; reportNumber: string } | null;
  supersededAt: string | null;
  revokedAt: string | null;
  revokedByName: string | null;
  revokeReason: string | null;
  summary: ReportContent['summary'];
}

export interface ReportDetail extends ReportSummary {
  content: ReportContent;
}

/** What the public verification page shows, and nothing more (issue 5 item 6). */
export interface PublicVerification {
  reportNumber: string;
  agencyName: string;
  projectName: string;
  reportDate: string;
  status: ReportStatus;
  statusLabel: string;
  /** When the report was superseded or revoked. */
  statusChangedAt: string | null;
  /** The number of the corrected report that replaced this one. */
  supersededBy: string | null;
  contentSha256: string;
  pdfSha256: string;
}

export interface ReportFilter {
  status?: ReportStatus;
  batchId?: string;
  projectId?: string;
  agencyId?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

type ListRow = Omit<ReportRow, 'content'> & {
  summary: ReportContent['summary'] | string;
  report_date: string;
  specialty_name: string;
  agency_name: string;
  project_name: string;
  batch_number: string;
  supersedes_number: string | null;
  superseded_by_id: string | null;
  superseded_by_number: string | null;
};

function reportVisibleTo(ctx: RequestContext) {
  const scope = scopeOf(ctx.actor);
  return (eb: { ref(c: 'r.agency_id' | 'r.region_code' | 'r.project_id'): Expression<string> }): Expression<SqlBool> =>
    batchVisibleTo(scope, { agency: eb.ref('r.agency_id'), region: eb.ref('r.region_code'), project: eb.ref('r.project_id') });
}

const LIST_COLUMNS = [
  'r.id',
  'r.report_number',
  'r.agency_id',
  'r.number_year',
  'r.number_seq',
  'r.check_code',
  'r.batch_id',
  'r.seal_id',
  'r.project_id',
  'r.region_code',
  'r.content_sha256',
  'r.pdf_sha256',
  'r.pdf_size',
  'r.signatory_person_id',
  'r.signatory_name',
  'r.generated_at',
  'r.generated_by',
  'r.supersedes_id',
  'r.supersede_reason',
  'r.status',
  'r.superseded_at',
  'r.revoked_at',
  'r.revoked_by',
  'r.revoked_by_name',
  'r.revoke_reason',
] as const;

function listQuery(db: Db, ctx: RequestContext) {
  return db
    .selectFrom('reports as r')
    .innerJoin('organisations as ao', 'ao.id', 'r.agency_id')
    .innerJoin('projects as p', 'p.id', 'r.project_id')
    .innerJoin('batches as b', 'b.id', 'r.batch_id')
    .leftJoin('reports as prev', 'prev.id', 'r.supersedes_id')
    .leftJoin('reports as next', 'next.supersedes_id', 'r.id')
    .select(LIST_COLUMNS)
    // The list carries the content's summary, not the content (every record of the batch).
    .select([
      sql<ReportContent['summary'] | string>`r.content -> 'summary'`.as('summary'),
      sql<string>`r.content ->> 'reportDate'`.as('report_date'),
      sql<string>`r.content -> 'batch' ->> 'specialtyName'`.as('specialty_name'),
    ])
    .select(['ao.name as agency_name', 'p.name as project_name', 'b.batch_number', 'prev.report_number as supersedes_number', 'next.id as superseded_by_id', 'next.report_number as superseded_by_number'])
    .where(reportVisibleTo(ctx));
}

const contentOf = (c: ReportContent | string): ReportContent => (typeof c === 'string' ? (JSON.parse(c) as ReportContent) : c);

function toSummary(r: ListRow): ReportSummary {
  return {
    id: r.id,
    reportNumber: r.report_number,
    checkCode: r.check_code,
    status: r.status,
    statusLabel: REPORT_STATUS_LABELS[r.status],
    batch: { id: r.batch_id, batchNumber: r.batch_number },
    agency: { id: r.agency_id, name: r.agency_name },
    project: { id: r.project_id, name: r.project_name },
    regionCode: r.region_code,
    specialtyName: r.specialty_name,
    reportDate: r.report_date,
    generatedAt: r.generated_at.toISOString(),
    signatory: { id: r.signatory_person_id, name: r.signatory_name },
    contentSha256: r.content_sha256,
    pdfSha256: r.pdf_sha256,
    pdfSize: r.pdf_size,
    verifyPath: verificationUrl('', r.report_number, r.check_code),
    supersedes: r.supersedes_id && r.supersedes_number ? { id: r.supersedes_id, reportNumber: r.supersedes_number, reason: r.supersede_reason ?? '' } : null,
    supersededBy: r.superseded_by_id && r.superseded_by_number ? { id: r.superseded_by_id, reportNumber: r.superseded_by_number } : null,
    supersededAt: iso(r.superseded_at),
    revokedAt: iso(r.revoked_at),
    revokedByName: r.revoked_by_name,
    revokeReason: r.revoke_reason,
    summary: typeof r.summary === 'string' ? (JSON.parse(r.summary) as ReportContent['summary']) : r.summary,
  };
}

const REPORT_NOT_FOUND = () => notFound('REPORT_NOT_FOUND', '检测报告不存在或无权查看');
/** The one answer for an unknown number, a wrong check code or a malformed input: never which of them. */
const NOT_VERIFIED = () => notFound('REPORT_NOT_VERIFIED', '报告编号不存在或已被篡改');

// ───────────────────────────── who ─────────────────────────────

/**
 * ⚙ A report is issued by the agency's 授权签字人 (报告签发人): a platform account with the `signatory` role at the
 * batch's agency, linked to an active registered person with the personnel role `signatory`. The agency's systems
 * (machine credentials) cannot sign for a person.
 */
async function assertSignatory(db: Db, ctx: RequestContext, agencyId: string): Promise<{ user: UserActor; person: { id: string; name: string } }> {
  const a = requireAuthenticated(ctx.actor);
  if (a.kind !== 'user' || a.organisation?.id !== agencyId || !hasRole(a, 'signatory')) {
    throw forbidden('REPORT_SIGNATORY_REQUIRED', '只有承担该批次的检测机构的授权签字人可以出具检测报告');
  }
  const person = await activePersonForUser(db, a.id);
  if (!person || person.agencyId !== agencyId || !person.roles.includes('signatory')) {
    throw forbidden('REPORT_SIGNATORY_NOT_REGISTERED', '授权签字人须为本机构在册并登记为报告签发岗位的人员');
  }
  return { user: a, person: { id: person.id, name: person.name } };
}

function mustBeEligible(e: Eligibility): void {
  if (!e.ok) throw conflict(e.code, e.message);
}

function reasonText(reason: string, field: string, what: string): string {
  const text = reason.trim();
  if (text.length < REPORT_REASON_MIN_LENGTH || text.length > REPORT_REASON_MAX_LENGTH) {
    throw badRequest('REASON_REQUIRED', `请填写${what}（${REPORT_REASON_MIN_LENGTH}–${REPORT_REASON_MAX_LENGTH} 字）`, field);
  }
  return text;
}

async function connectionMissing(db: Db, agencyId: string, now: Date): Promise<string[]> {
  const status = await getConnection(db, agencyId, now);
  return status.checklist.filter((c) => !c.ok).map((c) => c.message);
}

// ───────────────────────────── content ─────────────────────────────

/** Everything the report states, read from the batch and the registries at generation. */
async function buildContent(db: Db, b: BatchRow, now: Date, number: string, signatory: string, supersedes: ReportContent['supersedes']): Promise<ReportContent> {
  const agency = await db.selectFrom('organisations').select(['name', 'uscc']).where('id', '=', b.agency_id).executeTakeFirstOrThrow();
  const quals = await db
    .selectFrom('agency_qualifications')
    .select(['certificate_number', 'specialties', 'valid_from', 'valid_to'])
    .where('agency_id', '=', b.agency_id)
    .where('status', '=', 'verified')
    .where('superseded_by', 'is', null)
    .orderBy('certificate_number')
    .execute();
  const project = await db.selectFrom('projects').select(['name', 'address', 'permit_number', 'construction_unit_id', 'supervision_unit_id']).where('id', '=', b.project_id).executeTakeFirstOrThrow();
  const orgName = async (id: string | null) => (id ? ((await db.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null) : null);
  const commission = await db.selectFrom('commissions').select('contract_number').where('id', '=', b.commission_id).executeTakeFirstOrThrow();
  const catalogue = await getCatalogueVersion(db, b.catalogue_version);
  if (!catalogue) throw new Error(`catalogue version ${b.catalogue_version} pinned by batch ${b.id} is missing`);

  // The current version of every record (a correction replaces its earlier versions in the report).
  const versions = await db.selectFrom('batch_records').selectAll().where('batch_id', '=', b.id).orderBy('record_key').orderBy('version').execute();
  const latest = new Map<string, (typeof versions)[number]>();
  for (const r of versions) latest.set(r.record_key, r);
  const records = [...latest.values()].sort((x, y) => x.captured_at.getTime() - y.captured_at.getTime() || x.record_key.localeCompare(y.record_key));

  const componentCodes = [...new Set([...b.component_codes, ...records.map((r) => r.component_code)])];
  const components = componentCodes.length ? await db.selectFrom('components').selectAll().where('code', 'in', componentCodes).execute() : [];
  const personIds = [...new Set([...b.tester_person_ids, ...records.map((r) => r.tester_person_id)])];
  const people = await db.selectFrom('personnel').select(['id', 'name']).where('id', 'in', personIds).execute();
  const personName = (id: string) => people.find((p) => p.id === id)?.name ?? '';
  const equipment = await db.selectFrom('equipment').select(['id', 'equipment_type', 'model', 'serial_number']).where('id', 'in', b.equipment_ids).execute();
  const calibrations = await db.selectFrom('equipment_calibrations').select(['equipment_id', 'certificate_number', 'valid_from', 'valid_to']).where('equipment_id', 'in', b.equipment_ids).execute();
  const seal = await db.selectFrom('batch_seals').selectAll().where('id', '=', b.current_seal_id!).executeTakeFirstOrThrow();
  const review = await db
    .selectFrom('batch_reviews')
    .select('reviewer_name')
    .where('batch_id', '=', b.id)
    .where('seal_id', '=', seal.id)
    .where('decision', '=', 'approve')
    .orderBy('reviewed_at', 'desc')
    .executeTakeFirstOrThrow();
  const witness = await db.selectFrom('witness_persons').select(['name', 'supervision_unit_id']).where('id', '=', b.witness_person_id).executeTakeFirstOrThrow();
  const images = await db.selectFrom('images').select((eb) => eb.fn.countAll<number>().as('n')).where('batch_id', '=', b.id).where('kind', '=', 'process').executeTakeFirstOrThrow();

  const testedAt = b.completed_at ?? b.opened_at;
  const componentLine = (code: string) => {
    const c = components.find((x) => x.code === code);
    return { id: formatComponentId(code), where: c ? [c.building, c.floor, c.position, c.component_type].filter(Boolean).join(' ') : '' };
  };
  const lines: ReportRecordLine[] = records.map((r) => {
    const item = findItem(catalogue, r.item_code)?.item;
    const values = typeof r.values === 'string' ? (JSON.parse(r.values) as Record<string, unknown>) : r.values;
    const fields = item?.fields ?? [];
    const comp = componentLine(r.component_code);
    return {
      recordKey: r.record_key,
      version: r.version,
      itemCode: r.item_code,
      itemName: item?.name ?? r.item_code,
      component: comp.id,
      position: comp.where,
      capturedAt: r.captured_at.toISOString(),
      source: r.source,
      tester: personName(r.tester_person_id),
      values: displayValues(fields, values),
      conclusion: deriveConclusion(fields, values),
      contentSha256: r.content_sha256,
    };
  });

  return {
    format: 'qtrace.report.v1',
    number,
    reportDate: beijingDate(now),
    generatedAt: now.toISOString(),
    agency: {
      name: agency.name,
      uscc: agency.uscc ?? '',
      qualificationNumbers: quals.filter((q) => q.specialties.includes(b.specialty) && isValidAt({ validFrom: q.valid_from, validTo: q.valid_to }, now)).map((q) => q.certificate_number),
    },
    project: { name: project.name, address: project.address, permitNumber: project.permit_number },
    client: (await orgName(project.construction_unit_id)) ?? '',
    supervisionUnit: await orgName(project.supervision_unit_id),
    contractNumber: commission.contract_number,
    batch: {
      number: b.batch_number,
      specialty: b.specialty,
      specialtyName: specialtyName(b.specialty),
      openedAt: b.opened_at.toISOString(),
      completedAt: iso(b.completed_at),
      sealedAt: iso(b.first_sealed_at),
      reviewedAt: iso(b.reviewed_at),
      catalogueVersion: b.catalogue_version,
    },
    items: b.item_codes.map((code) => {
      const item = findItem(catalogue, code)?.item;
      return { code, name: item?.name ?? code, standard: item?.standard ?? '' };
    }),
    records: lines,
    summary: summarise(lines),
    components: b.component_codes.map((code) => {
      const c = components.find((x) => x.code === code);
      return { id: formatComponentId(code), building: c?.building ?? null, floor: c?.floor ?? null, position: c?.position ?? null, componentType: c?.component_type ?? null };
    }),
    equipment: b.equipment_ids.map((id) => {
      const e = equipment.find((x) => x.id === id);
      const cals = calibrations.filter((c) => c.equipment_id === id);
      const inForce = cals.filter((c) => isValidAt({ validFrom: c.valid_from, validTo: c.valid_to }, testedAt)).sort((x, y) => y.valid_to.localeCompare(x.valid_to))[0];
      const shown = inForce ?? cals.sort((x, y) => y.valid_to.localeCompare(x.valid_to))[0];
      return {
        equipmentType: e?.equipment_type ?? '',
        model: e?.model ?? '',
        serialNumber: e?.serial_number ?? '',
        calibrationCertificate: shown?.certificate_number ?? null,
        calibrationValidTo: shown?.valid_to ?? null,
        inCalibration: inForce !== undefined,
      };
    }),
    people: {
      testers: b.tester_person_ids.map(personName),
      reviewer: review.reviewer_name,
      signatory,
      witness: witness.name,
      witnessUnit: await orgName(witness.supervision_unit_id),
    },
    evidence: { recordCount: records.length, imageCount: Number(images.n), manifestSha256: seal.manifest_sha256, sealedAt: seal.sealed_at.toISOString() },
    supersedes,
  };
}

/**
 * The agency's next report number of the Beijing calendar year of `now`. The counter row stays locked FOR UPDATE until
 * the caller's transaction ends: concurrent generations queue here and get consecutive numbers, and a transaction that
 * rolls back (a refusal, a failed PDF or blob write) rolls its number back with it, so none is skipped or reused.
 */
export async function allocateReportNumber(trx: Transaction<Database>, agencyId: string, agencyCode: string, now: Date): Promise<{ number: string; year: number; seq: number }> {
  const year = Number(beijingDate(now).slice(0, 4));
  await trx.insertInto('report_number_counters').values({ agency_id: agencyId, year, last_value: 0 }).onConflict((oc) => oc.columns(['agency_id', 'year']).doNothing()).execute();
  const counter = await trx.selectFrom('report_number_counters').select('last_value').where('agency_id', '=', agencyId).where('year', '=', year).forUpdate().executeTakeFirstOrThrow();
  const seq = counter.last_value + 1;
  if (seq > REPORT_NUMBER_MAX_SEQ) throw conflict('REPORT_NUMBERS_EXHAUSTED', '本年度报告编号已用尽');
  await trx.updateTable('report_number_counters').set({ last_value: seq }).where('agency_id', '=', agencyId).where('year', '=', year).execute();
  return { number: formatReportNumber(agencyCode, year, seq), year, seq };
}

/** Number, content, PDF and row of a new report, in the caller's transaction. */
async function issueReport(
  trx: Transaction<Database>,
  blobs: BlobStore,
  ctx: RequestContext,
  b: BatchRow,
  user: UserActor,
  person: { id: string; name: string },
  baseUrl: string,
  supersedes: { id: string; number: string; reason: string } | null,
): Promise<ReportRow> {
  if (!b.current_seal_id) throw conflict('BATCH_NOT_SEALED', '批次尚未封存，不能出具检测报告');
  const agency = await trx.selectFrom('organisations').select('uscc').where('id', '=', b.agency_id).executeTakeFirstOrThrow();
  const agencyCode = agencyCodeFromUscc(agency.uscc);
  if (!agencyCode) throw conflict('AGENCY_USCC_MISSING', '检测机构未登记统一社会信用代码，无法编制报告编号');

  // Everything checked: take the next number (the counter row stays locked until this transaction ends).
  const { number, year, seq } = await allocateReportNumber(trx, b.agency_id, agencyCode, ctx.now);

  const content = await buildContent(trx, b, ctx.now, number, person.name, supersedes ? { number: supersedes.number, reason: supersedes.reason } : null);
  const contentJson = canonicalJson(content);
  const contentSha256 = sha256(contentJson);
  const checkCode = newCheckCode();
  const pdf = await renderReportPdf({ content, checkCode, verifyUrl: verificationUrl(baseUrl, number, checkCode), contentSha256 });
  // Durable before the row that names it commits; a rollback leaves an unreferenced blob, never a dangling row.
  const stored = await blobs.put(pdf);
  const row = await trx
    .insertInto('reports')
    .values({
      report_number: number,
      agency_id: b.agency_id,
      number_year: year,
      number_seq: seq,
      check_code: checkCode,
      batch_id: b.id,
      seal_id: b.current_seal_id,
      project_id: b.project_id,
      region_code: b.region_code,
      content: contentJson,
      content_sha256: contentSha256,
      pdf_sha256: stored.sha256,
      pdf_size: stored.size,
      signatory_person_id: person.id,
      signatory_name: person.name,
      generated_at: ctx.now,
      generated_by: user.id,
      supersedes_id: supersedes?.id ?? null,
      supersede_reason: supersedes?.reason ?? null,
      superseded_at: null,
      revoked_at: null,
      revoked_by: null,
      revoked_by_name: null,
      revoke_reason: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx, {
    action: 'report.generate',
    targetType: 'report',
    targetId: row.id,
    organisationId: b.agency_id,
    regionCode: b.region_code,
    details: { reportNumber: number, batchId: b.id, batchNumber: b.batch_number, contentSha256, pdfSha256: stored.sha256, ...(supersedes ? { supersedes: supersedes.number } : {}) },
  });
  return row;
}

/**
 * Generates the batch's report in the caller's transaction (the API's and the demo seed's path): the checks, the next
 * number of the agency's year (the counter row stays locked until commit, so numbers are consecutive and a failure
 * anywhere rolls its number back), the PDF stored in the blob store, the report row, and the batch moved to `reported`
 * with its event and audit entries. Returns the report's id.
 */
export async function generateReport(trx: Transaction<Database>, ctx: RequestContext, blobs: BlobStore, batchId: string, baseUrl: string): Promise<string> {
  const b = await findVisibleBatch(trx, ctx, batchId, 'update');
  const { user, person } = await assertSignatory(trx, ctx, b.agency_id);
  mustBeEligible(reportEligibility({ status: b.status, locked: b.locked, connectionMissing: await connectionMissing(trx, b.agency_id, ctx.now) }));
  const report = await issueReport(trx, blobs, ctx, b, user, person, baseUrl, null);
  await trx.updateTable('batches').set({ status: 'reported', reported_at: ctx.now, row_version: b.row_version + 1 }).where('id', '=', b.id).execute();
  await writeBatchEvent(trx, ctx, b, { event: 'report', from: b.status, to: 'reported', details: { reportId: report.id, reportNumber: report.report_number } });
  return report.id;
}

// ───────────────────────────── service ─────────────────────────────

/**
 * Reports (issue 5 items 5–6): generation by the agency's signatory for a sealed, reviewed, unlocked batch of a
 * connected agency, numbered per agency per year without gaps; the PDF stored once; corrected reports that supersede,
 * revocation with a reason; the scoped read side; and the public verification by number and check code.
 */
export class ReportService {
  readonly #db: Kysely<Database>;
  readonly #blobs: BlobStore;
  constructor(deps: Pick<AppDeps, 'db' | 'blobs'>) {
    this.#db = deps.db;
    this.#blobs = deps.blobs;
  }

  /** Generates the batch's report (see generateReport). */
  async generate(ctx: RequestContext, batchId: string, baseUrl: string): Promise<ReportDetail> {
    const id = await this.#db.transaction().execute((trx) => generateReport(trx, ctx, this.#blobs, batchId, baseUrl));
    return this.get(ctx, id);
  }

  /**
   * A corrected report (更正报告): a new report with a new number, generated from the batch as it is now, that names the
   * one it replaces; the old one becomes `superseded` in the same transaction.
   */
  async supersede(ctx: RequestContext, reportId: string, reason: string, baseUrl: string): Promise<ReportDetail> {
    const id = await this.#db.transaction().execute(async (trx) => {
      const old = await this.#visible(trx, ctx, reportId);
      const b = await findVisibleBatch(trx, ctx, old.batch_id, 'update');
      const { user, person } = await assertSignatory(trx, ctx, b.agency_id);
      const why = reasonText(reason, 'body.reason', '更正原因');
      const current = await trx.selectFrom('reports').selectAll().where('id', '=', old.id).forUpdate().executeTakeFirstOrThrow();
      mustBeEligible(supersedeEligibility({ reportStatus: current.status, locked: b.locked, connectionMissing: await connectionMissing(trx, b.agency_id, ctx.now) }));
      await trx.updateTable('reports').set({ status: 'superseded', superseded_at: ctx.now }).where('id', '=', old.id).execute();
      const report = await issueReport(trx, this.#blobs, ctx, b, user, person, baseUrl, { id: old.id, number: old.report_number, reason: why });
      await recordAudit(trx, ctx, {
        action: 'report.supersede',
        targetType: 'report',
        targetId: old.id,
        organisationId: old.agency_id,
        regionCode: old.region_code,
        details: { reportNumber: old.report_number, supersededBy: report.report_number, reason: why },
      });
      await writeBatchEvent(trx, ctx, b, { event: 'report.supersede', from: b.status, to: b.status, reason: why, details: { reportId: report.id, reportNumber: report.report_number, supersedes: old.report_number } });
      return report.id;
    });
    return this.get(ctx, id);
  }

  /** A department officer of the jurisdiction, or the agency's administrator, revokes a valid report with a reason. */
  async revoke(ctx: RequestContext, reportId: string, reason: string): Promise<ReportDetail> {
    await this.#db.transaction().execute(async (trx) => {
      const r = await this.#visible(trx, ctx, reportId);
      const user = requireUser(ctx.actor);
      const officer = hasRole(user, 'dept_officer') && user.organisation?.type === 'department';
      const agencyAdmin = hasRole(user, 'agency_admin') && user.organisation?.id === r.agency_id;
      if (!officer && !agencyAdmin) throw forbidden('REPORT_REVOKE_FORBIDDEN', '只有辖区住建部门监管人员或本机构管理员可以撤销检测报告');
      const why = reasonText(reason, 'body.reason', '撤销原因');
      const b = await findVisibleBatch(trx, ctx, r.batch_id, 'update');
      const current = await trx.selectFrom('reports').selectAll().where('id', '=', r.id).forUpdate().executeTakeFirstOrThrow();
      if (current.status !== 'valid') throw conflict('REPORT_NOT_VALID', `该报告${REPORT_STATUS_LABELS[current.status]}，不能撤销`);
      await trx
        .updateTable('reports')
        .set({ status: 'revoked', revoked_at: ctx.now, revoked_by: user.id, revoked_by_name: user.displayName, revoke_reason: why })
        .where('id', '=', r.id)
        .execute();
      await recordAudit(trx, ctx, {
        action: 'report.revoke',
        targetType: 'report',
        targetId: r.id,
        organisationId: r.agency_id,
        regionCode: r.region_code,
        details: { reportNumber: r.report_number, reason: why },
      });
      await writeBatchEvent(trx, ctx, b, { event: 'report.revoke', from: b.status, to: b.status, reason: why, details: { reportId: r.id, reportNumber: r.report_number } });
    });
    return this.get(ctx, reportId);
  }

  async #visible(db: Db, ctx: RequestContext, id: string): Promise<ReportRow> {
    requireAuthenticated(ctx.actor);
    const row = await db.selectFrom('reports as r').selectAll('r').where('r.id', '=', id).where(reportVisibleTo(ctx)).executeTakeFirst();
    if (!row) throw REPORT_NOT_FOUND();
    return row;
  }

  // ── reads ──

  async list(ctx: RequestContext, f: ReportFilter): Promise<{ items: ReportSummary[]; total: number }> {
    requireAuthenticated(ctx.actor);
    let q = listQuery(this.#db, ctx);
    if (f.status) q = q.where('r.status', '=', f.status);
    if (f.batchId) q = q.where('r.batch_id', '=', f.batchId);
    if (f.projectId) q = q.where('r.project_id', '=', f.projectId);
    if (f.agencyId) q = q.where('r.agency_id', '=', f.agencyId);
    if (f.q?.trim()) {
      const t = f.q.trim().toUpperCase();
      q = q.where((eb) => eb.or([eb('r.report_number', '=', t), eb('b.batch_number', '=', t)]));
    }
    const { limit, offset } = pageBounds(f);
    const rows = await q.orderBy('r.generated_at', 'desc').orderBy('r.report_number', 'desc').limit(limit).offset(offset).execute();
    const count = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { items: rows.map(toSummary), total: Number(count.n) };
  }

  async get(ctx: RequestContext, id: string): Promise<ReportDetail> {
    requireAuthenticated(ctx.actor);
    const row = await listQuery(this.#db, ctx).select('r.content').where('r.id', '=', id).executeTakeFirst();
    if (!row) throw REPORT_NOT_FOUND();
    return { ...toSummary(row), content: contentOf(row.content) };
  }

  /** The stored PDF, byte for byte as generated. */
  async pdf(ctx: RequestContext, id: string): Promise<{ pdf: Buffer; filename: string }> {
    const row = await this.#visible(this.#db, ctx, id);
    return { pdf: await this.#blobs.read(row.pdf_sha256), filename: `检测报告-${row.report_number}.pdf` };
  }

  /**
   * Public verification (no login): the exact number and its check code, or one plain "does not exist or was
   * altered" for everything else, so that neither an altered number nor a guessed one reveals another report.
   */
  async verify(numberText: string, codeText: string): Promise<PublicVerification> {
    const parsed = parseReportNumber(numberText);
    const code = normaliseCheckCode(codeText);
    if (!parsed || !code) throw NOT_VERIFIED();
    const row = await this.#db
      .selectFrom('reports as r')
      .innerJoin('organisations as ao', 'ao.id', 'r.agency_id')
      .innerJoin('projects as p', 'p.id', 'r.project_id')
      .leftJoin('reports as next', 'next.supersedes_id', 'r.id')
      .select(['r.report_number', 'r.check_code', 'r.status', 'r.content', 'r.superseded_at', 'r.revoked_at', 'r.content_sha256', 'r.pdf_sha256', 'ao.name as agency_name', 'p.name as project_name', 'next.report_number as superseded_by'])
      .where('r.report_number', '=', parsed.number)
      .executeTakeFirst();
    if (!row || !checkCodesMatch(code, row.check_code)) throw NOT_VERIFIED();
    const content = contentOf(row.content);
    return {
      reportNumber: row.report_number,
      agencyName: row.agency_name,
      projectName: row.project_name,
      reportDate: content.reportDate,
      status: row.status,
      statusLabel: REPORT_STATUS_LABELS[row.status],
      statusChangedAt: iso(row.superseded_at ?? row.revoked_at),
      supersededBy: row.superseded_by,
      contentSha256: row.content_sha256,
      pdfSha256: row.pdf_sha256,
    };
  }
}

