import { sql, type Kysely, type Transaction } from 'kysely';
import type { RequestContext } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import { LOCKS } from '../../kernel/db/locks.ts';
import type { Database } from '../../kernel/db/types.ts';
import { CREDIT_DEDUCTION } from '../../kernel/policy.ts';
import { yearBounds } from '../../kernel/time.ts';
import { handlingDepartmentRegion } from '../projects/index.ts';
import { planProposal, settleViolation, type CaseFacts } from './rules/cases.ts';
import { proposeRung, type LadderRectification } from './rules/ladder.ts';
import type { EnforcementCaseRow } from '../enforcement/index.ts';

/**
 * The platform side of the ladder: after every new violation, every step of a case and once an hour, the
 * organisation's year is re-read and (1) a case is proposed when the ladder asks for one that no case covers yet and
 * (2) violations whose place in the credit record is now known are settled. Idempotent: running it twice changes
 * nothing the second time. Kept apart from the service so that the violations module can call it without a cycle.
 */

type Db = Kysely<Database> | Transaction<Database>;



/**
 * 补传 counted per agency per year (DESIGN.md §2 rules 7 and 10, "补传超1次"): the number of the agency's batches that
 * received supplementary uploads (records or process images after a lock), each counted in the Beijing calendar year
 * of its first supplementary upload. A batch supplemented with twenty files is one 补传, not twenty. `uploads` is the
 * number of supplementary files, for information. It reads records and process images, each marked `supplementary` by
 * its owner when it arrives after a lock; it lives here, beside its one rule-side reader (the ladder), so that the
 * deadlines module can show it without the ladder depending on deadlines.
 */
export async function supplementaryUploads(db: Db, agencyId: string, year: number): Promise<{ batches: number; uploads: number }> {
  const { from, to } = yearBounds(year);
  const r = await sql<{ batches: number; uploads: number }>`
    select count(*)::int as batches, coalesce(sum(s.n), 0)::int as uploads from (
      select u.batch_id, min(u.at) as first_at, count(*) as n from (
        select r.batch_id, r.received_at as at from batch_records r join batches b on b.id = r.batch_id
         where r.supplementary and b.agency_id = ${agencyId}
        union all
        select i.batch_id, i.uploaded_at from images i where i.supplementary and i.kind = 'process' and i.agency_id = ${agencyId}
      ) u group by u.batch_id
    ) s where s.first_at >= ${from} and s.first_at < ${to}`.execute(db);
  const row = r.rows[0];
  return { batches: Number(row?.batches ?? 0), uploads: Number(row?.uploads ?? 0) };
}

/**
 * "补传" count of an agency in a year (policy SUPPLEMENTARY_COUNT_UNIT = batch): the 2-hour rule's own count
 * (the query above), one per batch that received supplementary uploads, in the Beijing year of the first.
 */
export async function supplementaryUploadCount(db: Db, agencyId: string, year: number): Promise<number> {
  return (await supplementaryUploads(db, agencyId, year)).batches;
}

export const toCaseFacts = (r: EnforcementCaseRow): CaseFacts => ({
  id: r.id,
  rung: r.rung,
  status: r.status,
  outcome: r.outcome,
  reasons: r.reasons,
  violationIds: r.violation_ids,
  confirmedAt: r.confirmed_at,
  dueAt: r.due_at,
  closedAt: r.closed_at,
  interviewHeldAt: r.interview_held_at,
  reportSubmittedAt: r.report_submitted_at,
});

/** The ladder's view of the rectification orders in force: only what can still make it escalate. */
function rectificationsOf(cases: readonly EnforcementCaseRow[]): LadderRectification[] {
  const out: LadderRectification[] = [];
  for (const c of cases) {
    if (c.rung !== 'rectification' || !c.due_at || c.confirmed_at === null) continue;
    if (c.outcome === 'rejected') out.push({ dueAt: c.due_at, status: 'rejected', decidedAt: c.closed_at });
    // Completed when the agency handed in the report that was accepted (or that awaits the officer's decision).
    else if (c.outcome === 'accepted' || c.status === 'report_submitted') out.push({ dueAt: c.due_at, status: 'accepted', decidedAt: c.report_submitted_at });
    else if (c.status === 'confirmed') out.push({ dueAt: c.due_at, status: 'open', decidedAt: null });
  }
  return out;
}

export async function appendCaseEvent(trx: Transaction<Database>, ctx: RequestContext, caseId: string, event: string, details: Record<string, unknown> = {}): Promise<void> {
  const a = ctx.actor;
  await trx
    .insertInto('enforcement_case_events')
    .values({
      case_id: caseId,
      at: ctx.now,
      event,
      actor_type: a.kind === 'user' || a.kind === 'machine' || a.kind === 'system' ? a.kind : 'anonymous',
      actor_id: a.kind === 'user' || a.kind === 'machine' ? a.id : null,
      actor_name: a.kind === 'user' ? a.displayName : a.kind === 'machine' || a.kind === 'system' ? a.name : null,
      details: JSON.stringify(details),
    })
    .execute();
}

export interface ReassessResult {
  proposed: { id: string; rung: string } | null;
  superseded: string[];
  settled: { violationId: string; settlement: 'counts' | 'exempt' }[];
}

export async function reassessOrganisation(trx: Transaction<Database>, ctx: RequestContext, organisationId: string, year: number): Promise<ReassessResult> {
  await sql`select pg_advisory_xact_lock(${LOCKS.enforcementReassess}, hashtext(${organisationId}))`.execute(trx);
  const { from, to } = yearBounds(year);
  const org = await trx.selectFrom('organisations').select(['id', 'type', 'region_code']).where('id', '=', organisationId).executeTakeFirstOrThrow();
  const violations = await trx
    .selectFrom('violations')
    .select(['id', 'type', 'severity', 'occurred_at', 'intentional', 'person_ref', 'region_code'])
    .where('organisation_id', '=', organisationId)
    .where('occurred_at', '>=', from)
    .where('occurred_at', '<', to)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
  const cases = await trx.selectFrom('enforcement_cases').selectAll().where('organisation_id', '=', organisationId).where('year', '=', year).orderBy('proposed_at').execute();
  const supplementary = org.type === 'agency' ? await supplementaryUploadCount(trx, organisationId, year) : 0;
  const proposal = proposeRung(
    { violations: violations.map((v) => ({ id: v.id, occurredAt: v.occurred_at, severity: v.severity })), supplementaryUploads: supplementary, rectifications: rectificationsOf(cases) },
    ctx.now,
  );
  const violationIds = violations.map((v) => v.id);
  const plan = planProposal(proposal, violationIds, cases.map(toCaseFacts));
  const result: ReassessResult = { proposed: null, superseded: [], settled: [] };

  if (plan.propose) {
    const latest = violations.at(-1);
    const region = (await handlingDepartmentRegion(trx, latest?.region_code ?? org.region_code)) ?? latest?.region_code ?? org.region_code;
    for (const id of plan.supersede) {
      await trx.updateTable('enforcement_cases').set({ status: 'superseded', row_version: sql`row_version + 1` }).where('id', '=', id).where('status', '=', 'proposed').execute();
      await appendCaseEvent(trx, ctx, id, 'superseded', { by: plan.rung });
      await recordAudit(trx, ctx, { action: 'enforcement.case.supersede', targetType: 'enforcement_case', targetId: id, organisationId, regionCode: region, details: { by: plan.rung } });
      result.superseded.push(id);
    }
    const row = await trx
      .insertInto('enforcement_cases')
      .values({
        organisation_id: organisationId,
        year,
        rung: plan.rung,
        status: 'proposed',
        outcome: null,
        region_code: region,
        reasons: proposal.reasons,
        violation_ids: violationIds,
        supplementary_uploads: supplementary,
        proposed_at: ctx.now,
        confirmed_at: null,
        confirmed_by: null,
        due_at: null,
        dismissed_at: null,
        dismissed_by: null,
        dismiss_reason: null,
        interview_held_at: null,
        interview_attendees: null,
        interview_minutes: null,
        report_text: null,
        report_submitted_at: null,
        report_submitted_by: null,
        decision_note: null,
        penalty_decision_number: null,
        penalty_content: null,
        dishonest: null,
        market_restriction_id: null,
        closed_at: null,
        closed_by: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const details = { rung: plan.rung, year, reasons: proposal.reasons, violationIds, supplementaryUploads: supplementary };
    await appendCaseEvent(trx, ctx, row.id, 'proposed', details);
    await recordAudit(trx, ctx, { action: 'enforcement.case.propose', targetType: 'enforcement_case', targetId: row.id, organisationId, regionCode: region, details });
    cases.push(row);
    result.proposed = { id: row.id, rung: plan.rung };
    for (const c of cases) if (result.superseded.includes(c.id)) c.status = 'superseded';
  }

  // Settle what is now known about each violation's place in the credit record.
  const settledIds = new Set(
    violationIds.length === 0
      ? []
      : (await trx.selectFrom('credit_entries').select('violation_id').where('violation_id', 'in', violationIds).execute()).map((r) => r.violation_id),
  );
  const facts = cases.map(toCaseFacts);
  for (const v of violations) {
    if (settledIds.has(v.id)) continue;
    const covering = facts.filter((c) => c.violationIds.includes(v.id));
    const s = settleViolation({ id: v.id, type: v.type, occurredAt: v.occurred_at, intentional: v.intentional }, covering, ctx.now);
    if (s === 'pending') continue;
    await trx
      .insertInto('credit_entries')
      .values({
        organisation_id: organisationId,
        person_ref: v.person_ref,
        year,
        kind: s === 'counts' ? 'violation' : 'exemption',
        violation_id: v.id,
        case_id: null,
        points: s === 'counts' ? CREDIT_DEDUCTION[v.severity] : 0,
        note: s === 'counts' ? '违规记入信用记录' : '试行期非故意迟传/漏传，已按期约谈整改，不纳入信用记录',
        recorded_at: ctx.now,
      })
      .execute();
    await recordAudit(trx, ctx, {
      action: s === 'counts' ? 'credit.entry.violation' : 'credit.entry.exemption',
      targetType: 'violation',
      targetId: v.id,
      organisationId,
      regionCode: v.region_code,
      details: { year, points: s === 'counts' ? CREDIT_DEDUCTION[v.severity] : 0 },
    });
    result.settled.push({ violationId: v.id, settlement: s });
  }
  return result;
}
