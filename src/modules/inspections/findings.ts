import type { Kysely, Transaction } from 'kysely';
import type { RequestContext } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import type { Database } from '../../kernel/db/types.ts';
import { regionInSubtree } from '../../kernel/db/scope-sql.ts';
import { conflict, notFound, unprocessable } from '../../kernel/errors.ts';
import { recordViolation, type Violation, type ViolationType } from '../violations/index.ts';
import { requireDepartmentOfficer } from './access.ts';
import type { InspectionFindingRow } from './tables.ts';
import './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Findings of random checks and special inspections: one row per look at a drawn item or worklist batch, never
 * changed; a finding of a problem can be turned, once, into a violation of the ledger (source 'officer').
 */

export type FindingOutcome = 'compliant' | 'problem';
export const FINDING_OUTCOME_LABELS: Record<FindingOutcome, string> = { compliant: '未发现问题', problem: '发现问题' };

export interface Finding {
  id: string;
  drawId: string | null;
  campaignId: string | null;
  itemKind: 'batch' | 'agency';
  itemId: string;
  outcome: FindingOutcome;
  outcomeLabel: string;
  note: string;
  recordedAt: string;
  recordedByName: string;
  violationId: string | null;
}

type Row = InspectionFindingRow & { violation_id: string | null };

const toFinding = (r: Row): Finding => ({
  id: r.id,
  drawId: r.draw_id,
  campaignId: r.campaign_id,
  itemKind: r.item_kind,
  itemId: r.item_id,
  outcome: r.outcome,
  outcomeLabel: FINDING_OUTCOME_LABELS[r.outcome],
  note: r.note,
  recordedAt: r.recorded_at.toISOString(),
  recordedByName: r.recorded_by_name,
  violationId: r.violation_id,
});

function findingsQuery(db: Db) {
  return db
    .selectFrom('inspection_findings as f')
    .leftJoin('inspection_finding_violations as fv', 'fv.finding_id', 'f.id')
    .selectAll('f')
    .select('fv.violation_id');
}

export async function findingsOf(db: Db, of: { drawId: string } | { campaignId: string }): Promise<Finding[]> {
  let q = findingsQuery(db);
  q = 'drawId' in of ? q.where('f.draw_id', '=', of.drawId) : q.where('f.campaign_id', '=', of.campaignId);
  return (await q.orderBy('f.recorded_at').orderBy('f.id').execute()).map(toFinding);
}

export interface NewFinding {
  itemId: string;
  outcome: FindingOutcome;
  note: string;
}

/** Writes one finding and its audit row in the caller's transaction; the caller has checked who may and on what. */
export async function insertFinding(
  trx: Transaction<Database>,
  ctx: RequestContext,
  on: { drawId: string } | { campaignId: string },
  itemKind: 'batch' | 'agency',
  input: NewFinding,
  audit: { organisationId: string; regionCode: string },
): Promise<Finding> {
  const { user } = requireDepartmentOfficer(ctx);
  const row = await trx
    .insertInto('inspection_findings')
    .values({
      draw_id: 'drawId' in on ? on.drawId : null,
      campaign_id: 'campaignId' in on ? on.campaignId : null,
      item_kind: itemKind,
      item_id: input.itemId,
      outcome: input.outcome,
      note: input.note.trim(),
      recorded_at: ctx.now,
      recorded_by: user.id,
      recorded_by_name: user.displayName,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx, {
    action: 'inspection.finding.record',
    targetType: 'inspection_finding',
    targetId: row.id,
    organisationId: audit.organisationId,
    regionCode: audit.regionCode,
    details: { ...on, itemKind, itemId: input.itemId, outcome: input.outcome },
  });
  return toFinding({ ...(await trx.selectFrom('inspection_findings').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow()), violation_id: null });
}

export interface FindingViolationInput {
  type: ViolationType;
  intentional?: boolean | null;
}

const FINDING_NOT_FOUND = () => notFound('FINDING_NOT_FOUND', '检查发现不存在或无权查看');

/**
 * Turns a problem finding into a violation: of the batch's agency on its project (a batch), or of the agency (an
 * agency drawn), handled by the draw's or campaign's region. Any officer whose jurisdiction holds that region may.
 */
export async function findingToViolation(db: Kysely<Database>, ctx: RequestContext, findingId: string, input: FindingViolationInput): Promise<{ finding: Finding; violation: Violation }> {
  const { scope } = requireDepartmentOfficer(ctx);
  return db.transaction().execute(async (trx) => {
    const f = await trx
      .selectFrom('inspection_findings as f')
      .leftJoin('random_draws as d', 'd.id', 'f.draw_id')
      .leftJoin('special_campaigns as c', 'c.id', 'f.campaign_id')
      .selectAll('f')
      .select(['d.region_code as draw_region', 'c.region_code as campaign_region', 'd.title as draw_title', 'c.title as campaign_title'])
      .where('f.id', '=', findingId)
      // Serialises two officers deciding the same finding at once: the second sees the first's violation.
      .forUpdate('f')
      .executeTakeFirst();
    const region = f?.draw_region ?? f?.campaign_region ?? null;
    if (!f || !region) throw FINDING_NOT_FOUND();
    const inScope = await trx.selectFrom('regions as r').select('r.code').where('r.code', '=', region).where((eb) => regionInSubtree(eb.ref('r.code'), scope.regionCode)).executeTakeFirst();
    if (!inScope) throw FINDING_NOT_FOUND();
    if (f.outcome !== 'problem') throw unprocessable('FINDING_NOT_A_PROBLEM', '只有“发现问题”的检查记录可以认定为违规', 'params.id');
    const already = await trx.selectFrom('inspection_finding_violations').select('violation_id').where('finding_id', '=', f.id).executeTakeFirst();
    if (already) throw conflict('FINDING_ALREADY_VIOLATION', '该检查发现已认定为违规', undefined, { violationId: already.violation_id });

    let organisationId: string;
    let projectId: string | null = null;
    let batchRef: string | null = null;
    let occurredAt = ctx.now;
    if (f.item_kind === 'batch') {
      const b = await trx.selectFrom('batches').select(['agency_id', 'project_id', 'batch_number', 'opened_at']).where('id', '=', f.item_id).executeTakeFirstOrThrow();
      organisationId = b.agency_id;
      projectId = b.project_id;
      batchRef = b.batch_number;
      occurredAt = b.opened_at;
    } else {
      organisationId = f.item_id;
    }
    const { violation } = await recordViolation(trx, ctx, {
      organisationId,
      type: input.type,
      occurredAt,
      source: 'officer',
      evidence: {
        findingId: f.id,
        inspection: f.draw_id ? { kind: 'random_draw', id: f.draw_id, title: f.draw_title } : { kind: 'special_campaign', id: f.campaign_id, title: f.campaign_title },
        note: f.note,
        recordedAt: f.recorded_at.toISOString(),
        recordedBy: f.recorded_by_name,
      },
      intentional: input.intentional ?? null,
      projectId,
      batchRef,
      regionCode: region,
      sourceRef: `inspection-finding:${f.id}`,
    });
    await trx.insertInto('inspection_finding_violations').values({ finding_id: f.id, violation_id: violation.id, created_at: ctx.now }).execute();
    await recordAudit(trx, ctx, {
      action: 'inspection.finding.to_violation',
      targetType: 'inspection_finding',
      targetId: f.id,
      organisationId,
      regionCode: region,
      details: { violationId: violation.id, type: input.type },
    });
    const finding = await findingsQuery(trx).where('f.id', '=', f.id).executeTakeFirstOrThrow();
    return { finding: toFinding(finding), violation };
  });
}
