import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { requireAuthenticated, requireRole, requireUser, scopeOf, type OrganisationType, type RequestContext, type Scope, type UserActor } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { Database } from '../../kernel/db/types.ts';
import { regionInSubtree } from '../../kernel/db/scope-sql.ts';
import { badRequest, conflict, forbidden, notFound } from '../../kernel/errors.ts';
import { writeXlsx } from '../../kernel/export/xlsx.ts';
import {
  CREDIT_DISHONESTY_RESTRICTION_MONTHS,
  CREDIT_PENALTY_DEDUCTION,
  CREDIT_SERIOUS_RESTRICTION_MONTHS,
  INTERVIEW_DUE_DAYS,
  KEY_SUPERVISION_CLEAR_MONTHS,
  RECTIFICATION_DEFAULT_DAYS,
  RECTIFICATION_MAX_DAYS,
  RECTIFICATION_MIN_DAYS,
  VIOLATION_EXPORT_MAX_ROWS,
  durations,
} from '../../kernel/policy.ts';
import { useDocument } from '../documents/index.ts';
import { recordMarketRestriction } from '../commissions/index.ts';
import { formatBeijing, beijingYear, yearBounds } from '../../kernel/time.ts';
import { addMonths, appendCaseEvent, type CaseOutcome, type CaseRung, type CaseStatus, keySupervision, ORGANISATION_TYPE_LABELS, reassessOrganisation, scopeTitle } from '../violations/index.ts';
import { CASE_STATUS_LABELS, KEY_SUPERVISION_LEAVE_RULE, OUTCOME_LABELS, reasonLabel, RUNG_LABELS } from './labels.ts';
import { assessCredit, type CreditLevel } from './rules/credit.ts';
import type { EnforcementCaseRow } from './tables.ts';
import './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface EnforcementCase {
  id: string;
  organisation: { id: string; name: string; type: OrganisationType; regionCode: string };
  year: number;
  rung: CaseRung;
  rungLabel: string;
  status: CaseStatus;
  statusLabel: string;
  outcome: CaseOutcome | null;
  outcomeLabel: string | null;
  regionCode: string;
  regionName: string;
  reasons: string[];
  reasonLabels: string[];
  violationIds: string[];
  supplementaryUploads: number;
  proposedAt: string;
  confirmedAt: string | null;
  confirmedBy: string | null;
  dueAt: string | null;
  dismissedAt: string | null;
  dismissReason: string | null;
  interview: { heldAt: string; attendees: string; minutes: string } | null;
  report: { text: string; documentIds: string[]; submittedAt: string } | null;
  decisionNote: string | null;
  penalty: { decisionNumber: string; content: string; dishonest: boolean } | null;
  marketRestrictionId: string | null;
  closedAt: string | null;
}

export interface CaseEvent {
  at: string;
  event: string;
  actorName: string | null;
  details: Record<string, unknown>;
}

type CaseRowJoined = EnforcementCaseRow & { organisation_name: string; organisation_type: OrganisationType; organisation_region: string; region_name: string; confirmed_by_name: string | null };

const iso = (d: Date | null) => d?.toISOString() ?? null;

const toCase = (r: CaseRowJoined): EnforcementCase => ({
  id: r.id,
  organisation: { id: r.organisation_id, name: r.organisation_name, type: r.organisation_type, regionCode: r.organisation_region },
  year: r.year,
  rung: r.rung,
  rungLabel: RUNG_LABELS[r.rung],
  status: r.status,
  statusLabel: CASE_STATUS_LABELS[r.status],
  outcome: r.outcome,
  outcomeLabel: r.outcome ? OUTCOME_LABELS[r.outcome] : null,
  regionCode: r.region_code,
  regionName: r.region_name,
  reasons: r.reasons,
  reasonLabels: r.reasons.map(reasonLabel),
  violationIds: r.violation_ids,
  supplementaryUploads: r.supplementary_uploads,
  proposedAt: r.proposed_at.toISOString(),
  confirmedAt: iso(r.confirmed_at),
  confirmedBy: r.confirmed_by_name,
  dueAt: iso(r.due_at),
  dismissedAt: iso(r.dismissed_at),
  dismissReason: r.dismiss_reason,
  interview: r.interview_held_at && r.interview_attendees && r.interview_minutes ? { heldAt: r.interview_held_at.toISOString(), attendees: r.interview_attendees, minutes: r.interview_minutes } : null,
  report: r.report_submitted_at && r.report_text ? { text: r.report_text, documentIds: r.report_document_ids, submittedAt: r.report_submitted_at.toISOString() } : null,
  decisionNote: r.decision_note,
  penalty: r.penalty_decision_number && r.penalty_content ? { decisionNumber: r.penalty_decision_number, content: r.penalty_content, dishonest: r.dishonest === true } : null,
  marketRestrictionId: r.market_restriction_id,
  closedAt: iso(r.closed_at),
});

/**
 * Who sees an organisation's enforcement facts: the organisation itself; a department whose jurisdiction holds the
 * handling region or the organisation's own region (as for violations); administrators.
 */
function enforcementVisible(scope: Scope, cols: { organisation: Expression<string>; handlingRegion: Expression<string> | null; orgRegion: Expression<string> }): Expression<SqlBool> {
  switch (scope.kind) {
    case 'all':
      return sql<SqlBool>`true`;
    case 'organisation':
      return sql<SqlBool>`${cols.organisation} = ${scope.organisationId}`;
    case 'none':
      return sql<SqlBool>`false`;
    case 'region':
      return cols.handlingRegion
        ? sql<SqlBool>`(${regionInSubtree(cols.handlingRegion, scope.regionCode)} or ${regionInSubtree(cols.orgRegion, scope.regionCode)})`
        : regionInSubtree(cols.orgRegion, scope.regionCode);
  }
}

function casesQuery(db: Db) {
  return db
    .selectFrom('enforcement_cases as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .innerJoin('regions as r', 'r.code', 'c.region_code')
    .leftJoin('users as cu', 'cu.id', 'c.confirmed_by')
    .selectAll('c')
    .select(['o.name as organisation_name', 'o.type as organisation_type', 'o.region_code as organisation_region', 'r.name as region_name', 'cu.display_name as confirmed_by_name']);
}

export interface CaseFilter {
  status?: CaseStatus;
  rung?: CaseRung;
  organisationId?: string;
  year?: number;
  /** Only cases that need a step now: proposed, confirmed, report submitted. */
  open?: boolean;
  page?: number;
  pageSize?: number;
}

export interface KeySupervisionEntry {
  organisation: { id: string; name: string; type: OrganisationType; typeLabel: string; regionCode: string; regionName: string };
  rung: 'rectification' | 'penalty';
  rungLabel: string;
  reasons: string[];
  since: string;
  leavesAt: string | null;
  leaveRule: string;
  handlingRegionName: string;
  violationsThisYear: number;
}

export interface OrganisationCredit {
  organisation: { id: string; name: string; type: OrganisationType; typeLabel: string; regionCode: string; regionName: string };
  year: number;
  score: number;
  level: CreditLevel;
  downgraded: boolean;
  breakdown: { base: number; bonus: number; deductions: number };
  violations: number;
  countedViolations: number;
  exemptViolations: number;
  pendingViolations: number;
  penalties: number;
  dishonest: boolean;
  restriction: { id: string; reason: string; restrictedUntil: string | null } | null;
}

export interface PersonCredit {
  personRef: string;
  personName: string;
  organisation: { id: string; name: string };
  year: number;
  score: number;
  level: CreditLevel;
  violations: number;
  countedViolations: number;
}

export interface RestrictionEntry {
  id: string;
  organisation: { id: string; name: string; type: OrganisationType };
  reason: string;
  restrictedFrom: string;
  restrictedUntil: string | null;
  caseReference: string | null;
  inForce: boolean;
  liftedAt: string | null;
}

export class EnforcementService {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  #visibleCases(ctx: RequestContext, db: Db = this.#db) {
    const scope = scopeOf(ctx.actor);
    return casesQuery(db).where((eb) => enforcementVisible(scope, { organisation: eb.ref('c.organisation_id'), handlingRegion: eb.ref('c.region_code'), orgRegion: eb.ref('o.region_code') }));
  }

  async listCases(ctx: RequestContext, f: CaseFilter): Promise<{ items: EnforcementCase[]; total: number }> {
    requireAuthenticated(ctx.actor);
    let q = this.#visibleCases(ctx);
    if (f.status) q = q.where('c.status', '=', f.status);
    if (f.rung) q = q.where('c.rung', '=', f.rung);
    if (f.organisationId) q = q.where('c.organisation_id', '=', f.organisationId);
    if (f.year) q = q.where('c.year', '=', f.year);
    if (f.open) q = q.where('c.status', 'in', ['proposed', 'confirmed', 'report_submitted']);
    const pageSize = f.pageSize ?? 20;
    const [rows, count] = await Promise.all([
      q.orderBy('c.proposed_at', 'desc').orderBy('c.id').limit(pageSize).offset(((f.page ?? 1) - 1) * pageSize).execute(),
      q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toCase), total: Number(count.n) };
  }

  async getCase(ctx: RequestContext, id: string): Promise<EnforcementCase & { events: CaseEvent[] }> {
    requireAuthenticated(ctx.actor);
    const row = await this.#visibleCases(ctx).where('c.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('CASE_NOT_FOUND', '处置案件不存在或无权查看');
    const events = await this.#db.selectFrom('enforcement_case_events').selectAll().where('case_id', '=', id).orderBy('id').execute();
    return { ...toCase(row), events: events.map((e) => ({ at: e.at.toISOString(), event: e.event, actorName: e.actor_name, details: e.details })) };
  }

  /**
   * A step on a case by an officer of the handling jurisdiction (the department of the case's region or above), in one
   * transaction with its event, its audit row and a reassessment of the organisation's year.
   */
  async #officerStep(
    ctx: RequestContext,
    id: string,
    rowVersion: number | undefined,
    step: (trx: Transaction<Database>, c: EnforcementCaseRow, officer: UserActor) => Promise<{ event: string; details: Record<string, unknown> }>,
  ): Promise<EnforcementCase> {
    const officer = requireRole(ctx.actor, 'dept_officer');
    const scope = scopeOf(officer);
    if (scope.kind !== 'region') throw forbidden();
    return this.#db.transaction().execute(async (trx) => {
      const visible = await this.#visibleCases(ctx, trx).where('c.id', '=', id).executeTakeFirst();
      if (!visible) throw notFound('CASE_NOT_FOUND', '处置案件不存在或无权查看');
      const handles = await trx.selectFrom('regions').select('code').where('code', '=', visible.region_code).where((eb) => regionInSubtree(eb.ref('code'), scope.regionCode)).executeTakeFirst();
      if (!handles) throw forbidden('CASE_NOT_HANDLED_HERE', `该案件由${visible.region_name}住建部门处置`);
      const c = await trx.selectFrom('enforcement_cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
      if (rowVersion !== undefined && rowVersion !== c.row_version) throw conflict('CASE_CHANGED', '案件已被他人更新，请刷新后重试', 'body.rowVersion');
      const { event, details } = await step(trx, c, officer);
      await trx.updateTable('enforcement_cases').set({ row_version: sql`row_version + 1` }).where('id', '=', id).execute();
      await appendCaseEvent(trx, ctx, id, event, details);
      await recordAudit(trx, ctx, { action: `enforcement.case.${event}`, targetType: 'enforcement_case', targetId: id, organisationId: c.organisation_id, regionCode: c.region_code, details: { rung: c.rung, ...details } });
      await reassessOrganisation(trx, ctx, c.organisation_id, c.year);
      return toCase(await casesQuery(trx).where('c.id', '=', id).executeTakeFirstOrThrow());
    });
  }

  confirm(ctx: RequestContext, id: string, input: { dueDays?: number; note?: string | null; rowVersion?: number }): Promise<EnforcementCase> {
    return this.#officerStep(ctx, id, input.rowVersion, async (trx, c, officer) => {
      if (c.status !== 'proposed') throw conflict('CASE_NOT_PROPOSED', '只有待确认的平台建议可以确认');
      let due: Date | null = null;
      if (c.rung === 'interview') due = new Date(ctx.now.getTime() + INTERVIEW_DUE_DAYS * durations.DAY);
      if (c.rung === 'rectification') {
        const days = input.dueDays ?? RECTIFICATION_DEFAULT_DAYS;
        if (!Number.isInteger(days) || days < RECTIFICATION_MIN_DAYS || days > RECTIFICATION_MAX_DAYS) {
          throw badRequest('RECTIFICATION_DAYS_INVALID', `整改期限应为 ${RECTIFICATION_MIN_DAYS}–${RECTIFICATION_MAX_DAYS} 天`, 'body.dueDays');
        }
        due = new Date(ctx.now.getTime() + days * durations.DAY);
      }
      const note = input.note?.trim() || null;
      await trx.updateTable('enforcement_cases').set({ status: 'confirmed', confirmed_at: ctx.now, confirmed_by: officer.id, due_at: due, decision_note: note }).where('id', '=', id).execute();
      return { event: 'confirm', details: { dueAt: iso(due), note } };
    });
  }

  dismiss(ctx: RequestContext, id: string, input: { reason: string; rowVersion?: number }): Promise<EnforcementCase> {
    return this.#officerStep(ctx, id, input.rowVersion, async (trx, c, officer) => {
      if (c.status !== 'proposed') throw conflict('CASE_NOT_PROPOSED', '只有待确认的平台建议可以不予处置');
      const reason = input.reason.trim();
      if (reason.length < 2) throw badRequest('DISMISS_REASON_REQUIRED', '请填写不予处置的理由', 'body.reason');
      await trx.updateTable('enforcement_cases').set({ status: 'dismissed', dismissed_at: ctx.now, dismissed_by: officer.id, dismiss_reason: reason }).where('id', '=', id).execute();
      return { event: 'dismiss', details: { reason } };
    });
  }

  /** 约谈提醒 held: date, attendees, minutes; optionally the finding on intent for the case's undetermined violations. */
  recordInterview(
    ctx: RequestContext,
    id: string,
    input: { heldAt: string; attendees: string; minutes: string; intent?: 'unintentional' | 'intentional' | null; rowVersion?: number },
  ): Promise<EnforcementCase> {
    return this.#officerStep(ctx, id, input.rowVersion, async (trx, c, officer) => {
      if (c.rung !== 'interview') throw conflict('CASE_RUNG_MISMATCH', '该案件不是约谈提醒');
      if (c.status !== 'confirmed') throw conflict('CASE_NOT_CONFIRMED', '请先确认约谈提醒，再登记约谈情况');
      const heldAt = new Date(input.heldAt);
      if (heldAt.getTime() > ctx.now.getTime()) throw badRequest('INTERVIEW_IN_FUTURE', '约谈时间不能晚于当前时间', 'body.heldAt');
      if (c.confirmed_at && heldAt.getTime() < c.confirmed_at.getTime() - durations.DAY) throw badRequest('INTERVIEW_BEFORE_CONFIRMATION', '约谈时间不能早于案件确认时间', 'body.heldAt');
      const attendees = input.attendees.trim();
      const minutes = input.minutes.trim();
      if (attendees.length < 2) throw badRequest('INTERVIEW_ATTENDEES_REQUIRED', '请填写参加约谈的人员', 'body.attendees');
      if (minutes.length < 2) throw badRequest('INTERVIEW_MINUTES_REQUIRED', '请填写约谈纪要', 'body.minutes');
      await trx
        .updateTable('enforcement_cases')
        .set({ status: 'closed', outcome: 'held', interview_held_at: heldAt, interview_attendees: attendees, interview_minutes: minutes, closed_at: ctx.now, closed_by: officer.id })
        .where('id', '=', id)
        .execute();
      const intentSet = await decideCaseIntent(trx, ctx, c, input.intent);
      return { event: 'interview', details: { heldAt: heldAt.toISOString(), attendees, intent: input.intent ?? null, intentDecidedFor: intentSet } };
    });
  }

  /** The organisation hands in its rectification report (整改报告), with attachments it uploaded. */
  async submitReport(ctx: RequestContext, id: string, input: { text: string; documentIds?: string[] }): Promise<EnforcementCase> {
    const user = requireUser(ctx.actor);
    return this.#db.transaction().execute(async (trx) => {
      const visible = await this.#visibleCases(ctx, trx).where('c.id', '=', id).executeTakeFirst();
      if (!visible) throw notFound('CASE_NOT_FOUND', '处置案件不存在或无权查看');
      const ownOrg = user.organisation?.id === visible.organisation_id;
      const mayAct = ownOrg && (visible.organisation_type !== 'agency' || user.roles.includes('agency_admin') || user.roles.includes('upload_owner'));
      if (!mayAct) throw forbidden('REPORT_FORBIDDEN', '只有被责令整改的单位可以提交整改报告');
      const c = await trx.selectFrom('enforcement_cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
      if (c.rung !== 'rectification') throw conflict('CASE_RUNG_MISMATCH', '该案件不是限期整改');
      if (c.status !== 'confirmed') throw conflict('REPORT_NOT_EXPECTED', c.status === 'report_submitted' ? '整改报告已提交，等待审核' : '该案件当前不接受整改报告');
      const text = input.text.trim();
      if (text.length < 2) throw badRequest('REPORT_TEXT_REQUIRED', '请填写整改情况', 'body.text');
      const docs: string[] = [];
      for (const [i, d] of (input.documentIds ?? []).entries()) docs.push((await useDocument(trx, ctx, d, `body.documentIds.${i}`)).id);
      await trx
        .updateTable('enforcement_cases')
        .set({ status: 'report_submitted', report_text: text, report_document_ids: docs, report_submitted_at: ctx.now, report_submitted_by: user.id, row_version: sql`row_version + 1` })
        .where('id', '=', id)
        .execute();
      const late = c.due_at !== null && ctx.now.getTime() > c.due_at.getTime();
      await appendCaseEvent(trx, ctx, id, 'report', { documentIds: docs, late });
      await recordAudit(trx, ctx, { action: 'enforcement.case.report', targetType: 'enforcement_case', targetId: id, organisationId: c.organisation_id, regionCode: c.region_code, details: { documentIds: docs, late } });
      await reassessOrganisation(trx, ctx, c.organisation_id, c.year);
      return toCase(await casesQuery(trx).where('c.id', '=', id).executeTakeFirstOrThrow());
    });
  }

  /** The officer accepts or rejects the rectification report; with no report, only rejection once the deadline passed. */
  decideRectification(
    ctx: RequestContext,
    id: string,
    input: { decision: 'accepted' | 'rejected'; note: string; intent?: 'unintentional' | 'intentional' | null; rowVersion?: number },
  ): Promise<EnforcementCase> {
    return this.#officerStep(ctx, id, input.rowVersion, async (trx, c, officer) => {
      if (c.rung !== 'rectification') throw conflict('CASE_RUNG_MISMATCH', '该案件不是限期整改');
      const overdueWithoutReport = c.status === 'confirmed' && c.due_at !== null && ctx.now.getTime() > c.due_at.getTime();
      if (c.status !== 'report_submitted' && !(overdueWithoutReport && input.decision === 'rejected')) {
        throw conflict('REPORT_NOT_SUBMITTED', c.status === 'confirmed' ? '整改报告尚未提交；逾期未提交的可判定整改不合格' : '该案件当前不能审核整改');
      }
      const note = input.note.trim();
      if (note.length < 2) throw badRequest('DECISION_NOTE_REQUIRED', '请填写审核意见', 'body.note');
      await trx.updateTable('enforcement_cases').set({ status: 'closed', outcome: input.decision, decision_note: note, closed_at: ctx.now, closed_by: officer.id }).where('id', '=', id).execute();
      const intentSet = await decideCaseIntent(trx, ctx, c, input.intent);
      return { event: input.decision === 'accepted' ? 'accept' : 'reject', details: { note, withoutReport: c.status === 'confirmed', intent: input.intent ?? null, intentDecidedFor: intentSet } };
    });
  }

  /**
   * 行政处罚 decided: decision number and content; the adverse credit record (不良信用记录) is written with it, and a
   * serious violation or a finding of dishonesty (失信) restricts market access for the policy's months.
   */
  decidePenalty(ctx: RequestContext, id: string, input: { decisionNumber: string; content: string; dishonest: boolean; rowVersion?: number }): Promise<EnforcementCase> {
    return this.#officerStep(ctx, id, input.rowVersion, async (trx, c, officer) => {
      if (c.rung !== 'penalty') throw conflict('CASE_RUNG_MISMATCH', '该案件不是行政处罚');
      if (c.status !== 'confirmed') throw conflict('CASE_NOT_CONFIRMED', '请先确认行政处罚建议，再登记处罚决定');
      const decisionNumber = input.decisionNumber.trim();
      const content = input.content.trim();
      if (decisionNumber.length < 2) throw badRequest('DECISION_NUMBER_REQUIRED', '请填写处罚决定书文号', 'body.decisionNumber');
      if (content.length < 2) throw badRequest('PENALTY_CONTENT_REQUIRED', '请填写处罚内容', 'body.content');
      const taken = await trx.selectFrom('enforcement_cases').select('id').where('penalty_decision_number', '=', decisionNumber).executeTakeFirst();
      if (taken) throw conflict('DECISION_NUMBER_TAKEN', '该处罚决定书文号已被使用', 'body.decisionNumber');
      const violations = c.violation_ids.length
        ? await trx
            .selectFrom('violations as v')
            .leftJoin('credit_entries as ce', 'ce.violation_id', 'v.id')
            .select(['v.id', 'v.severity', 'ce.kind'])
            .where('v.id', 'in', c.violation_ids)
            .execute()
        : [];
      const allExempt = violations.length > 0 && violations.every((v) => v.kind === 'exemption');
      const serious = violations.some((v) => v.severity === 'serious' && v.kind !== 'exemption');
      let restrictionId: string | null = null;
      if (serious || input.dishonest) {
        const dept = officer.organisation!;
        const months = input.dishonest ? CREDIT_DISHONESTY_RESTRICTION_MONTHS : CREDIT_SERIOUS_RESTRICTION_MONTHS;
        const r = await recordMarketRestriction(trx, ctx, {
          organisationId: c.organisation_id,
          reason: input.dishonest ? `失信：${content}`.slice(0, 500) : `严重违规，信用降级：${content}`.slice(0, 500),
          restrictedFrom: ctx.now,
          restrictedUntil: addMonths(ctx.now, months),
          decidedBy: dept.id,
          caseReference: decisionNumber,
        });
        restrictionId = r.id;
      }
      await trx
        .updateTable('enforcement_cases')
        .set({
          status: 'closed',
          outcome: 'decided',
          penalty_decision_number: decisionNumber,
          penalty_content: content,
          dishonest: input.dishonest,
          market_restriction_id: restrictionId,
          closed_at: ctx.now,
          closed_by: officer.id,
        })
        .where('id', '=', id)
        .execute();
      if (!allExempt) {
        await trx
          .insertInto('credit_entries')
          .values({
            organisation_id: c.organisation_id,
            person_ref: null,
            year: c.year,
            kind: 'penalty',
            violation_id: null,
            case_id: id,
            points: CREDIT_PENALTY_DEDUCTION,
            note: `行政处罚（${decisionNumber}），记不良信用记录`.slice(0, 500),
            recorded_at: ctx.now,
          })
          .execute();
      }
      return { event: 'penalty', details: { decisionNumber, dishonest: input.dishonest, adverseCreditRecord: !allExempt, marketRestrictionId: restrictionId } };
    });
  }

  /** 重点监管名单 (三(一)): organisations above the first rung now, with reason, since when and the rule for leaving. */
  async keySupervisionList(ctx: RequestContext): Promise<KeySupervisionEntry[]> {
    requireAuthenticated(ctx.actor);
    const cases = await this.#visibleCases(ctx)
      .innerJoin('regions as orr', 'orr.code', 'o.region_code')
      .select(['orr.name as organisation_region_name'])
      .where('c.rung', 'in', ['rectification', 'penalty'])
      .where('c.confirmed_at', 'is not', null)
      .orderBy('c.confirmed_at')
      .execute();
    const byOrg = new Map<string, typeof cases>();
    for (const c of cases) byOrg.set(c.organisation_id, [...(byOrg.get(c.organisation_id) ?? []), c]);
    if (byOrg.size === 0) return [];
    const orgIds = [...byOrg.keys()];
    const last = await this.#db
      .selectFrom('violations')
      .select(['organisation_id', (eb) => eb.fn.max('occurred_at').as('last_at')])
      .where('organisation_id', 'in', orgIds)
      .where('occurred_at', '<=', ctx.now)
      .groupBy('organisation_id')
      .execute();
    const lastAt = new Map(last.map((r) => [r.organisation_id, new Date(r.last_at as unknown as string | Date)]));
    const { from, to } = yearBounds(beijingYear(ctx.now));
    const counts = await this.#db
      .selectFrom('violations')
      .select(['organisation_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('organisation_id', 'in', orgIds)
      .where('occurred_at', '>=', from)
      .where('occurred_at', '<', to)
      .groupBy('organisation_id')
      .execute();
    const countOf = new Map(counts.map((r) => [r.organisation_id, Number(r.n)]));
    const out: KeySupervisionEntry[] = [];
    for (const [orgId, cs] of byOrg) {
      const status = keySupervision(
        { cases: cs.map((c) => ({ rung: c.rung, status: c.status, confirmedAt: c.confirmed_at, closedAt: c.closed_at, reasons: c.reasons })), lastViolationAt: lastAt.get(orgId) ?? null },
        ctx.now,
      );
      if (!status.member || !status.rung || !status.since) continue;
      const latest = cs.at(-1)!;
      out.push({
        organisation: {
          id: orgId,
          name: latest.organisation_name,
          type: latest.organisation_type,
          typeLabel: ORGANISATION_TYPE_LABELS[latest.organisation_type],
          regionCode: latest.organisation_region,
          regionName: latest.organisation_region_name,
        },
        rung: status.rung,
        rungLabel: RUNG_LABELS[status.rung],
        reasons: status.reasons.map(reasonLabel),
        since: status.since.toISOString(),
        leavesAt: iso(status.leavesAt),
        leaveRule: KEY_SUPERVISION_LEAVE_RULE(KEY_SUPERVISION_CLEAR_MONTHS),
        handlingRegionName: latest.region_name,
        violationsThisYear: countOf.get(orgId) ?? 0,
      });
    }
    out.sort((a, b) => (a.rung === b.rung ? a.since.localeCompare(b.since) : a.rung === 'penalty' ? -1 : 1));
    return out.slice(0, VIOLATION_EXPORT_MAX_ROWS);
  }

  async keySupervisionXlsx(ctx: RequestContext): Promise<Buffer> {
    const rows = await this.keySupervisionList(ctx);
    return writeXlsx([
      {
        name: '重点监管名单',
        title: `重点监管名单（${await scopeTitle(this.#db, ctx)}，导出于 ${formatBeijing(ctx.now)}）`,
        columns: [
          { header: '单位', width: 36, value: (r: KeySupervisionEntry) => r.organisation.name },
          { header: '单位类型', width: 10, value: (r: KeySupervisionEntry) => r.organisation.typeLabel },
          { header: '所在地', width: 14, value: (r: KeySupervisionEntry) => r.organisation.regionName },
          { header: '处置级别', width: 10, value: (r: KeySupervisionEntry) => r.rungLabel },
          { header: '列入原因', width: 40, value: (r: KeySupervisionEntry) => r.reasons.join('；') },
          { header: '列入时间', width: 20, value: (r: KeySupervisionEntry) => new Date(r.since) },
          { header: '预计移出时间', width: 20, value: (r: KeySupervisionEntry) => (r.leavesAt ? new Date(r.leavesAt) : '案件未办结') },
          { header: '本年度违规次数', width: 14, value: (r: KeySupervisionEntry) => r.violationsThisYear },
          { header: '处置部门辖区', width: 14, value: (r: KeySupervisionEntry) => r.handlingRegionName },
          { header: '移出规则', width: 60, value: (r: KeySupervisionEntry) => r.leaveRule },
        ],
        rows,
      },
    ]);
  }

  /** Credit of organisations (四(二)) for a year: the model of rules/credit.ts over the ledger and the credit record. */
  async organisationCredit(ctx: RequestContext, f: { year: number; type?: OrganisationType; q?: string }): Promise<OrganisationCredit[]> {
    requireAuthenticated(ctx.actor);
    const scope = scopeOf(ctx.actor);
    let q = this.#db
      .selectFrom('organisations as o')
      .innerJoin('regions as r', 'r.code', 'o.region_code')
      .select(['o.id', 'o.name', 'o.type', 'o.region_code', 'r.name as region_name', 'o.created_at'])
      .where('o.type', 'in', f.type ? [f.type] : ['agency', 'supervision_unit', 'construction_unit'])
      .where((eb) => enforcementVisible(scope, { organisation: eb.ref('o.id'), handlingRegion: null, orgRegion: eb.ref('o.region_code') }))
      .orderBy('o.name');
    if (f.q?.trim()) q = q.where('o.name', 'ilike', `%${f.q.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    const orgs = await q.execute();
    return Promise.all(orgs.map((o) => this.#creditOf(o, f.year, ctx.now)));
  }

  async #creditOf(o: { id: string; name: string; type: OrganisationType; region_code: string; region_name: string; created_at: Date }, year: number, now: Date): Promise<OrganisationCredit> {
    const { from, to } = yearBounds(year);
    const prev = yearBounds(year - 1);
    const [violations, penalties, prevCount, restriction] = await Promise.all([
      this.#db
        .selectFrom('violations as v')
        .leftJoin('credit_entries as ce', 'ce.violation_id', 'v.id')
        .select(['v.id', 'v.type', 'v.severity', 'ce.kind', 'ce.recorded_at'])
        .where('v.organisation_id', '=', o.id)
        .where('v.occurred_at', '>=', from)
        .where('v.occurred_at', '<', to)
        .execute(),
      this.#db
        .selectFrom('enforcement_cases as c')
        .leftJoin('credit_entries as ce', 'ce.case_id', 'c.id')
        .select(['c.dishonest', 'ce.id as entry_id'])
        .where('c.organisation_id', '=', o.id)
        .where('c.year', '=', year)
        .where('c.outcome', '=', 'decided')
        .execute(),
      this.#db
        .selectFrom('violations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organisation_id', '=', o.id)
        .where('occurred_at', '>=', prev.from)
        .where('occurred_at', '<', prev.to)
        .executeTakeFirstOrThrow(),
      this.#db
        .selectFrom('market_restrictions')
        .select(['id', 'reason', 'restricted_until'])
        .where('organisation_id', '=', o.id)
        .where('restricted_from', '<=', now)
        .where('lifted_at', 'is', null)
        .where((eb) => eb.or([eb('restricted_until', 'is', null), eb('restricted_until', '>', now)]))
        .orderBy('restricted_from', 'desc')
        .executeTakeFirst(),
    ]);
    const dishonest = penalties.some((p) => p.dishonest === true) || violations.some((v) => v.type === 'fabricated_data' && v.kind === 'violation');
    const a = assessCredit({
      year,
      violations: violations.map((v) => ({ severity: v.severity, exemptFromCredit: v.kind !== 'violation', decidedAt: v.recorded_at ?? now })),
      penalties: penalties.filter((p) => p.entry_id !== null).length,
      dishonest,
      // A whole previous year on the platform (registered before it began) without any violation.
      previousYearClean: o.created_at.getTime() <= prev.from.getTime() && Number(prevCount.n) === 0,
    });
    return {
      organisation: { id: o.id, name: o.name, type: o.type, typeLabel: ORGANISATION_TYPE_LABELS[o.type], regionCode: o.region_code, regionName: o.region_name },
      year,
      score: a.score,
      level: a.level,
      downgraded: a.downgraded,
      breakdown: a.breakdown,
      violations: violations.length,
      countedViolations: violations.filter((v) => v.kind === 'violation').length,
      exemptViolations: violations.filter((v) => v.kind === 'exemption').length,
      pendingViolations: violations.filter((v) => v.kind === null).length,
      penalties: penalties.filter((p) => p.entry_id !== null).length,
      dishonest,
      restriction: restriction ? { id: restriction.id, reason: restriction.reason, restrictedUntil: iso(restriction.restricted_until) } : null,
    };
  }

  /** Credit of individuals: the same model over the violations naming a person (person_ref), per organisation. */
  async personCredit(ctx: RequestContext, f: { year: number }): Promise<PersonCredit[]> {
    requireAuthenticated(ctx.actor);
    const scope = scopeOf(ctx.actor);
    const { from, to } = yearBounds(f.year);
    const rows = await this.#db
      .selectFrom('violations as v')
      .innerJoin('organisations as o', 'o.id', 'v.organisation_id')
      .leftJoin('credit_entries as ce', 'ce.violation_id', 'v.id')
      .leftJoin('users as u', (j) => j.on(sql`u.id::text`, '=', sql.ref('v.person_ref')))
      .select(['v.person_ref', 'v.organisation_id', 'o.name as organisation_name', 'v.severity', 'ce.kind', 'ce.recorded_at', 'u.display_name'])
      .where('v.person_ref', 'is not', null)
      .where('v.occurred_at', '>=', from)
      .where('v.occurred_at', '<', to)
      .where((eb) => enforcementVisible(scope, { organisation: eb.ref('v.organisation_id'), handlingRegion: eb.ref('v.region_code'), orgRegion: eb.ref('o.region_code') }))
      .execute();
    const groups = new Map<string, typeof rows>();
    for (const r of rows) {
      const k = `${r.organisation_id}\u0000${r.person_ref}`;
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    const out: PersonCredit[] = [];
    for (const g of groups.values()) {
      const first = g[0]!;
      const a = assessCredit({
        year: f.year,
        violations: g.map((v) => ({ severity: v.severity, exemptFromCredit: v.kind !== 'violation', decidedAt: v.recorded_at ?? ctx.now })),
        penalties: 0,
        dishonest: false,
        previousYearClean: false,
      });
      out.push({
        personRef: first.person_ref!,
        personName: first.display_name ?? first.person_ref!,
        organisation: { id: first.organisation_id, name: first.organisation_name },
        year: f.year,
        score: a.score,
        level: a.level,
        violations: g.length,
        countedViolations: g.filter((v) => v.kind === 'violation').length,
      });
    }
    return out.sort((a, b) => a.score - b.score || a.personName.localeCompare(b.personName));
  }

  /** Market-access restrictions (限制市场准入) of the organisations the caller sees, newest first. */
  async restrictions(ctx: RequestContext): Promise<RestrictionEntry[]> {
    requireAuthenticated(ctx.actor);
    const scope = scopeOf(ctx.actor);
    const rows = await this.#db
      .selectFrom('market_restrictions as m')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .selectAll('m')
      .select(['o.name as organisation_name', 'o.type as organisation_type'])
      .where((eb) => enforcementVisible(scope, { organisation: eb.ref('m.organisation_id'), handlingRegion: null, orgRegion: eb.ref('o.region_code') }))
      .orderBy('m.restricted_from', 'desc')
      .limit(500)
      .execute();
    const now = ctx.now.getTime();
    return rows.map((m) => ({
      id: m.id,
      organisation: { id: m.organisation_id, name: m.organisation_name, type: m.organisation_type },
      reason: m.reason,
      restrictedFrom: m.restricted_from.toISOString(),
      restrictedUntil: iso(m.restricted_until),
      caseReference: m.case_reference,
      inForce: m.lifted_at === null && m.restricted_from.getTime() <= now && (m.restricted_until === null || m.restricted_until.getTime() > now),
      liftedAt: iso(m.lifted_at),
    }));
  }
}

/** The officer's finding on intent (故意/非故意) for a case's violations not yet determined; audited one by one. */
async function decideCaseIntent(trx: Transaction<Database>, ctx: RequestContext, c: EnforcementCaseRow, intent: 'unintentional' | 'intentional' | null | undefined): Promise<string[]> {
  if (!intent || c.violation_ids.length === 0) return [];
  const rows = await trx
    .updateTable('violations')
    .set({ intentional: intent === 'intentional' })
    .where('id', 'in', c.violation_ids)
    .where('intentional', 'is', null)
    .returning('id')
    .execute();
  for (const r of rows) {
    await recordAudit(trx, ctx, { action: 'violation.intent.decide', targetType: 'violation', targetId: r.id, organisationId: c.organisation_id, regionCode: c.region_code, details: { intentional: intent === 'intentional', caseId: c.id } });
  }
  return rows.map((r) => r.id);
}

/**
 * The daily (here: hourly) pass: every organisation with facts this year or an open case is reassessed, each in its
 * own transaction, so overdue interviews and rectifications escalate without anyone clicking. Safe to run in several
 * processes: reassessment is serialised per organisation and idempotent.
 */
export async function runEnforcementPass(db: Kysely<Database>, clock: Clock): Promise<{ organisations: number; proposed: number; settled: number }> {
  const now = clock.now();
  const year = beijingYear(now);
  const { from, to } = yearBounds(year);
  const orgs = await db
    .selectFrom('violations')
    .select(['organisation_id'])
    .where('occurred_at', '>=', from)
    .where('occurred_at', '<', to)
    .union(db.selectFrom('enforcement_cases').select('organisation_id').where('year', '=', year))
    .union(db.selectFrom('batches').select('agency_id as organisation_id').where('locked_at', '>=', from).where('locked_at', '<', to))
    .execute();
  let proposed = 0;
  let settled = 0;
  const ctx: RequestContext = { actor: { kind: 'system', name: 'enforcement-pass' }, requestId: `enforcement-pass-${now.toISOString()}`, clientIp: null, now };
  for (const { organisation_id } of orgs) {
    const r = await db.transaction().execute((trx) => reassessOrganisation(trx, ctx, organisation_id, year));
    if (r.proposed) proposed++;
    settled += r.settled.length;
  }
  return { organisations: orgs.length, proposed, settled };
}
