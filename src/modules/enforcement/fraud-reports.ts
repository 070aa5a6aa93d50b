import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { requireAuthenticated, requireRole, scopeOf, type RequestContext } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import type { Database } from '../../kernel/db/types.ts';
import { regionInSubtree } from '../../kernel/db/scope-sql.ts';
import { badRequest, conflict, forbidden, notFound } from '../../kernel/errors.ts';
import { FRAUD_REPORT_MAX_ATTACHMENTS, FRAUD_REPORT_MAX_CHARS, FRAUD_REPORT_MIN_CHARS } from '../../kernel/policy.ts';
import { useDocument } from '../documents/index.ts';
import { findVisibleProject, handlingDepartmentRegion } from '../projects/index.ts';
import { recordViolation, type ViolationType } from '../violations/index.ts';
import type { FraudReportRow } from './tables.ts';
import './tables.ts';

/**
 * 二(一): a construction unit that finds tampering or fabricated data reports it to the department where the project
 * is. The report is a queue item for that department: an officer records a violation from it, or dismisses it.
 */

type Db = Kysely<Database> | Transaction<Database>;

export interface FraudReport {
  id: string;
  project: { id: string; name: string };
  reporter: { id: string; name: string };
  reportedBy: string;
  subjectOrganisation: { id: string; name: string } | null;
  description: string;
  documentIds: string[];
  regionCode: string;
  regionName: string;
  createdAt: string;
  status: 'open' | 'recorded' | 'dismissed';
  handledAt: string | null;
  handledBy: string | null;
  handlingNote: string | null;
  violationId: string | null;
}

type Row = FraudReportRow & { project_name: string; reporter_name: string; reported_by_name: string; subject_name: string | null; region_name: string; handled_by_name: string | null };

const toReport = (r: Row): FraudReport => ({
  id: r.id,
  project: { id: r.project_id, name: r.project_name },
  reporter: { id: r.reporter_organisation_id, name: r.reporter_name },
  reportedBy: r.reported_by_name,
  subjectOrganisation: r.subject_organisation_id ? { id: r.subject_organisation_id, name: r.subject_name ?? '' } : null,
  description: r.description,
  documentIds: r.document_ids,
  regionCode: r.region_code,
  regionName: r.region_name,
  createdAt: r.created_at.toISOString(),
  status: r.status,
  handledAt: r.handled_at?.toISOString() ?? null,
  handledBy: r.handled_by_name,
  handlingNote: r.handling_note,
  violationId: r.violation_id,
});

function baseQuery(db: Db) {
  return db
    .selectFrom('fraud_reports as f')
    .innerJoin('projects as p', 'p.id', 'f.project_id')
    .innerJoin('organisations as ro', 'ro.id', 'f.reporter_organisation_id')
    .innerJoin('users as ru', 'ru.id', 'f.reported_by')
    .innerJoin('regions as r', 'r.code', 'f.region_code')
    .leftJoin('organisations as so', 'so.id', 'f.subject_organisation_id')
    .leftJoin('users as hu', 'hu.id', 'f.handled_by')
    .selectAll('f')
    .select(['p.name as project_name', 'ro.name as reporter_name', 'ru.display_name as reported_by_name', 'so.name as subject_name', 'r.name as region_name', 'hu.display_name as handled_by_name']);
}

export class FraudReportService {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Reporters see their own organisation's reports; departments those handled in their jurisdiction. */
  #visible(ctx: RequestContext, db: Db = this.#db) {
    const scope = scopeOf(ctx.actor);
    return baseQuery(db).where((eb) => {
      switch (scope.kind) {
        case 'all':
          return sql<SqlBool>`true`;
        case 'region':
          return regionInSubtree(eb.ref('f.region_code'), scope.regionCode);
        case 'organisation':
          return eb('f.reporter_organisation_id', '=', scope.organisationId);
        case 'none':
          return sql<SqlBool>`false`;
      }
    });
  }

  async create(ctx: RequestContext, input: { projectId: string; subjectOrganisationId?: string | null; description: string; documentIds?: string[] }): Promise<FraudReport> {
    const user = requireRole(ctx.actor, 'construction_user');
    const description = input.description.trim();
    if (description.length < FRAUD_REPORT_MIN_CHARS || description.length > FRAUD_REPORT_MAX_CHARS) {
      throw badRequest('REPORT_DESCRIPTION_LENGTH', `请用 ${FRAUD_REPORT_MIN_CHARS}–${FRAUD_REPORT_MAX_CHARS} 字说明发现的问题`, 'body.description');
    }
    const docIds = input.documentIds ?? [];
    if (docIds.length > FRAUD_REPORT_MAX_ATTACHMENTS) throw badRequest('TOO_MANY_ATTACHMENTS', `附件最多 ${FRAUD_REPORT_MAX_ATTACHMENTS} 个`, 'body.documentIds');
    return this.#db.transaction().execute(async (trx) => {
      const project = await findVisibleProject(trx, ctx, input.projectId);
      if (!project) throw notFound('PROJECT_NOT_FOUND', '项目不存在或无权查看');
      if (project.construction_unit_id !== user.organisation?.id) throw forbidden('REPORT_FORBIDDEN', '只有项目的建设单位可以举报该项目的问题');
      if (input.subjectOrganisationId) {
        const subject = await trx.selectFrom('organisations').select(['id', 'type']).where('id', '=', input.subjectOrganisationId).executeTakeFirst();
        if (!subject || subject.type === 'department') throw badRequest('ORGANISATION_UNKNOWN', '被举报单位不存在', 'body.subjectOrganisationId');
      }
      const docs: string[] = [];
      for (const [i, d] of docIds.entries()) docs.push((await useDocument(trx, ctx, d, `body.documentIds.${i}`)).id);
      const region = (await handlingDepartmentRegion(trx, project.region_code)) ?? project.region_code;
      const row = await trx
        .insertInto('fraud_reports')
        .values({
          project_id: project.id,
          reporter_organisation_id: project.construction_unit_id,
          reported_by: user.id,
          subject_organisation_id: input.subjectOrganisationId ?? null,
          description,
          document_ids: docs,
          region_code: region,
          created_at: ctx.now,
          handled_at: null,
          handled_by: null,
          handling_note: null,
          violation_id: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'fraud_report.create',
        targetType: 'fraud_report',
        targetId: row.id,
        organisationId: project.construction_unit_id,
        regionCode: region,
        details: { projectId: project.id, subjectOrganisationId: input.subjectOrganisationId ?? null, documentIds: docs },
      });
      return toReport(await baseQuery(trx).where('f.id', '=', row.id).executeTakeFirstOrThrow());
    });
  }

  async list(ctx: RequestContext, f: { status?: 'open' | 'recorded' | 'dismissed'; page?: number; pageSize?: number }): Promise<{ items: FraudReport[]; total: number }> {
    requireAuthenticated(ctx.actor);
    let q = this.#visible(ctx);
    if (f.status) q = q.where('f.status', '=', f.status);
    const pageSize = f.pageSize ?? 20;
    const [rows, count] = await Promise.all([
      q.orderBy('f.created_at', 'desc').orderBy('f.id').limit(pageSize).offset(((f.page ?? 1) - 1) * pageSize).execute(),
      q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toReport), total: Number(count.n) };
  }

  async get(ctx: RequestContext, id: string): Promise<FraudReport> {
    requireAuthenticated(ctx.actor);
    const row = await this.#visible(ctx).where('f.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('FRAUD_REPORT_NOT_FOUND', '举报不存在或无权查看');
    return toReport(row);
  }

  async #handle(ctx: RequestContext, id: string, fn: (trx: Transaction<Database>, r: FraudReportRow) => Promise<void>): Promise<FraudReport> {
    requireRole(ctx.actor, 'dept_officer');
    return this.#db.transaction().execute(async (trx) => {
      const visible = await this.#visible(ctx, trx).where('f.id', '=', id).executeTakeFirst();
      if (!visible) throw notFound('FRAUD_REPORT_NOT_FOUND', '举报不存在或无权查看');
      const r = await trx.selectFrom('fraud_reports').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
      if (r.status !== 'open') throw conflict('FRAUD_REPORT_HANDLED', '该举报已处理');
      await fn(trx, r);
      return toReport(await baseQuery(trx).where('f.id', '=', id).executeTakeFirstOrThrow());
    });
  }

  /** The officer finds a violation in the report: recorded as the officer's finding, on the report's project. */
  recordViolation(
    ctx: RequestContext,
    id: string,
    input: { organisationId: string; type: ViolationType; occurredAt: string; note: string; personRef?: string | null; intentional?: boolean | null },
  ): Promise<FraudReport> {
    return this.#handle(ctx, id, async (trx, r) => {
      const occurredAt = new Date(input.occurredAt);
      if (occurredAt.getTime() > ctx.now.getTime()) throw badRequest('OCCURRED_IN_FUTURE', '发生时间不能晚于当前时间', 'body.occurredAt');
      const note = input.note.trim();
      if (note.length < 2) throw badRequest('HANDLING_NOTE_REQUIRED', '请填写认定意见', 'body.note');
      const org = await trx.selectFrom('organisations').select(['id', 'type']).where('id', '=', input.organisationId).executeTakeFirst();
      if (!org || org.type === 'department') throw badRequest('ORGANISATION_UNKNOWN', '单位不存在', 'body.organisationId');
      const project = await trx.selectFrom('projects').select('region_code').where('id', '=', r.project_id).executeTakeFirstOrThrow();
      const rec = await recordViolation(trx, ctx, {
        organisationId: org.id,
        type: input.type,
        occurredAt,
        source: 'officer',
        evidence: { fraudReportId: r.id, report: r.description.slice(0, 500), documentIds: r.document_ids, finding: note },
        personRef: input.personRef?.trim() || null,
        intentional: input.intentional ?? null,
        projectId: r.project_id,
        regionCode: project.region_code,
        sourceRef: `fraud_report:${r.id}`,
      });
      const user = requireRole(ctx.actor, 'dept_officer');
      await trx.updateTable('fraud_reports').set({ status: 'recorded', handled_at: ctx.now, handled_by: user.id, handling_note: note, violation_id: rec.violation.id }).where('id', '=', id).execute();
      await recordAudit(trx, ctx, { action: 'fraud_report.record', targetType: 'fraud_report', targetId: id, organisationId: r.reporter_organisation_id, regionCode: r.region_code, details: { violationId: rec.violation.id, type: input.type } });
    });
  }

  dismiss(ctx: RequestContext, id: string, reason: string): Promise<FraudReport> {
    return this.#handle(ctx, id, async (trx, r) => {
      const note = reason.trim();
      if (note.length < 2) throw badRequest('HANDLING_NOTE_REQUIRED', '请填写不予认定的理由', 'body.reason');
      const user = requireRole(ctx.actor, 'dept_officer');
      await trx.updateTable('fraud_reports').set({ status: 'dismissed', handled_at: ctx.now, handled_by: user.id, handling_note: note }).where('id', '=', id).execute();
      await recordAudit(trx, ctx, { action: 'fraud_report.dismiss', targetType: 'fraud_report', targetId: id, organisationId: r.reporter_organisation_id, regionCode: r.region_code, details: { reason: note } });
    });
  }
}
