import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { RequestContext } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import type { Database } from '../../kernel/db/types.ts';
import { regionInSubtree, visibleTo } from '../../kernel/db/scope-sql.ts';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../../kernel/errors.ts';
import { pageBounds } from '../../kernel/http/schemas.ts';
import { SPECIAL_CAMPAIGN_MAX_WORKLIST } from '../../kernel/policy.ts';
import { specialtyName, type Specialty } from '../../kernel/specialties.ts';
import { ANOMALY_KIND_LABELS, type AnomalyKind, BATCH_STATUS_LABELS } from '../batches/index.ts';
import { parseDate } from '../../kernel/time.ts';
import { regionInScope, requireDepartmentOfficer, requireInspectionReader } from './access.ts';
import { findingsOf, insertFinding, type Finding, type FindingOutcome } from './findings.ts';
import { beijingDayWindow } from './rules/daily-check.ts';
import type { SpecialCampaignRow } from './tables.ts';
import './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * 专项检查 (issue 6 item 8): a department's campaign over a specialty, region, period and anomaly type. Its worklist —
 * the matching batches — is frozen when the campaign opens (later batches do not join it); officers record findings on
 * worklist batches; the campaign closes with a summary. Every step is audited.
 */

export interface NewCampaign {
  title: string;
  regionCode: string;
  specialty?: Specialty | null;
  periodFrom: string;
  periodTo: string;
  anomalyKind?: AnomalyKind | null;
}

export interface CampaignSummary {
  id: string;
  title: string;
  department: { id: string; name: string };
  regionCode: string;
  regionName: string;
  specialty: Specialty | null;
  specialtyName: string | null;
  periodFrom: string;
  periodTo: string;
  anomalyKind: AnomalyKind | null;
  anomalyKindLabel: string | null;
  status: 'open' | 'closed';
  createdAt: string;
  createdByName: string;
  summary: string | null;
  closedAt: string | null;
  worklistSize: number;
  inspectedCount: number;
  problemCount: number;
}

export interface WorklistItem {
  position: number;
  batchId: string;
  batchNumber: string;
  agencyName: string;
  projectName: string;
  regionCode: string;
  specialtyName: string;
  status: string;
  statusLabel: string;
  openedAt: string;
  latestOutcome: FindingOutcome | null;
}

export interface Campaign extends CampaignSummary {
  worklist: WorklistItem[];
  findings: Finding[];
}

const NOT_FOUND = () => notFound('CAMPAIGN_NOT_FOUND', '专项检查不存在或无权查看');

type Row = SpecialCampaignRow & { department_name: string; region_name: string; worklist_size: number; inspected_count: number; problem_count: number };

function visibleCampaigns(db: Db, ctx: RequestContext) {
  const { scope } = requireInspectionReader(ctx);
  return db
    .selectFrom('special_campaigns as c')
    .innerJoin('organisations as o', 'o.id', 'c.department_id')
    .innerJoin('regions as r', 'r.code', 'c.region_code')
    .selectAll('c')
    .select(['o.name as department_name', 'r.name as region_name'])
    .select(sql<number>`(select count(*)::int from special_campaign_items i where i.campaign_id = c.id)`.as('worklist_size'))
    .select(sql<number>`(select count(distinct f.item_id)::int from inspection_findings f where f.campaign_id = c.id)`.as('inspected_count'))
    .select(sql<number>`(select count(*)::int from inspection_findings f where f.campaign_id = c.id and f.outcome = 'problem')`.as('problem_count'))
    .where((eb) => visibleTo(scope, { organisation: eb.ref('c.department_id'), region: eb.ref('c.region_code') }));
}

const toSummary = (c: Row): CampaignSummary => ({
  id: c.id,
  title: c.title,
  department: { id: c.department_id, name: c.department_name },
  regionCode: c.region_code,
  regionName: c.region_name,
  specialty: c.specialty as Specialty | null,
  specialtyName: c.specialty ? specialtyName(c.specialty as Specialty) : null,
  periodFrom: c.period_from,
  periodTo: c.period_to,
  anomalyKind: c.anomaly_kind as AnomalyKind | null,
  anomalyKindLabel: c.anomaly_kind ? (ANOMALY_KIND_LABELS[c.anomaly_kind as AnomalyKind] ?? c.anomaly_kind) : null,
  status: c.status,
  createdAt: c.created_at.toISOString(),
  createdByName: c.created_by_name,
  summary: c.summary,
  closedAt: c.closed_at ? c.closed_at.toISOString() : null,
  worklistSize: Number(c.worklist_size),
  inspectedCount: Number(c.inspected_count),
  problemCount: Number(c.problem_count),
});

export class CampaignService {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Opens a campaign and freezes its worklist: batches of the region's subtree opened in the period, matching the criteria. */
  async open(ctx: RequestContext, input: NewCampaign): Promise<Campaign> {
    const { user, scope } = requireDepartmentOfficer(ctx);
    for (const [v, field] of [[input.periodFrom, 'body.periodFrom'], [input.periodTo, 'body.periodTo']] as const) {
      try {
        parseDate(v);
      } catch {
        throw badRequest('DATE_INVALID', '日期格式应为 YYYY-MM-DD', field);
      }
    }
    if (input.periodTo < input.periodFrom) throw badRequest('PERIOD_INVALID', '结束日期不能早于开始日期', 'body.periodTo');
    return this.#db.transaction().execute(async (trx) => {
      const region = await regionInScope(trx, scope, input.regionCode);
      let q = trx
        .selectFrom('batches as b')
        .select('b.id')
        .where((eb) => regionInSubtree(eb.ref('b.region_code'), region.code))
        .where('b.opened_at', '>=', beijingDayWindow(input.periodFrom).start)
        .where('b.opened_at', '<', beijingDayWindow(input.periodTo).end);
      if (input.specialty) q = q.where('b.specialty', '=', input.specialty);
      if (input.anomalyKind) {
        const kind = input.anomalyKind;
        q = q.where(sql<SqlBool>`exists (select 1 from anomalies an where an.batch_id = b.id and an.kind = ${kind})`);
      }
      const batches = await q.orderBy('b.opened_at').orderBy('b.id').limit(SPECIAL_CAMPAIGN_MAX_WORKLIST + 1).execute();
      if (batches.length > SPECIAL_CAMPAIGN_MAX_WORKLIST) {
        throw unprocessable('WORKLIST_TOO_LARGE', `符合条件的批次超过 ${SPECIAL_CAMPAIGN_MAX_WORKLIST} 个，请缩小范围`, 'body.periodTo');
      }
      const row = await trx
        .insertInto('special_campaigns')
        .values({
          title: input.title.trim(),
          department_id: scope.organisationId,
          region_code: region.code,
          specialty: input.specialty ?? null,
          period_from: input.periodFrom,
          period_to: input.periodTo,
          anomaly_kind: input.anomalyKind ?? null,
          status: 'open',
          created_at: ctx.now,
          created_by: user.id,
          created_by_name: user.displayName,
          summary: null,
          closed_at: null,
          closed_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (let i = 0; i < batches.length; i += 500) {
        await trx
          .insertInto('special_campaign_items')
          .values(batches.slice(i, i + 500).map((b, j) => ({ campaign_id: row.id, batch_id: b.id, position: i + j + 1 })))
          .execute();
      }
      await recordAudit(trx, ctx, {
        action: 'special_campaign.open',
        targetType: 'special_campaign',
        targetId: row.id,
        organisationId: scope.organisationId,
        regionCode: region.code,
        details: { specialty: input.specialty ?? null, periodFrom: input.periodFrom, periodTo: input.periodTo, anomalyKind: input.anomalyKind ?? null, worklistSize: batches.length },
      });
      return this.#detail(trx, ctx, row.id);
    });
  }

  async list(ctx: RequestContext, f: { status?: 'open' | 'closed'; page?: number; pageSize?: number }): Promise<{ items: CampaignSummary[]; total: number }> {
    let q = visibleCampaigns(this.#db, ctx);
    if (f.status) q = q.where('c.status', '=', f.status);
    const { limit, offset } = pageBounds(f);
    const [rows, count] = await Promise.all([
      q.orderBy('c.created_at', 'desc').orderBy('c.id').limit(limit).offset(offset).execute(),
      q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toSummary), total: Number(count.n) };
  }

  async get(ctx: RequestContext, id: string): Promise<Campaign> {
    return this.#detail(this.#db, ctx, id);
  }

  /** An officer whose jurisdiction holds the campaign records a finding on one of its worklist batches. */
  async recordFinding(ctx: RequestContext, id: string, input: { batchId: string; outcome: FindingOutcome; note: string }): Promise<Finding> {
    requireDepartmentOfficer(ctx);
    return this.#db.transaction().execute(async (trx) => {
      const c = await this.#find(trx, ctx, id, true);
      if (c.status !== 'open') throw conflict('CAMPAIGN_CLOSED', '专项检查已结束，不能再记录检查发现');
      const item = await trx.selectFrom('special_campaign_items').select('batch_id').where('campaign_id', '=', id).where('batch_id', '=', input.batchId).executeTakeFirst();
      if (!item) throw unprocessable('BATCH_NOT_IN_WORKLIST', '该批次不在本次专项检查的检查清单中', 'body.batchId');
      return insertFinding(trx, ctx, { campaignId: id }, 'batch', { itemId: input.batchId, outcome: input.outcome, note: input.note }, { organisationId: c.department_id, regionCode: c.region_code });
    });
  }

  /** Closes the campaign with its summary; only its own department. */
  async close(ctx: RequestContext, id: string, summary: string): Promise<Campaign> {
    const { user, scope } = requireDepartmentOfficer(ctx);
    return this.#db.transaction().execute(async (trx) => {
      const c = await this.#find(trx, ctx, id, true);
      if (c.department_id !== scope.organisationId) throw forbidden('CAMPAIGN_OTHER_DEPARTMENT', '只有开展该专项检查的部门可以结束它');
      if (c.status !== 'open') throw conflict('CAMPAIGN_CLOSED', '专项检查已结束');
      await trx
        .updateTable('special_campaigns')
        .set({ status: 'closed', summary: summary.trim(), closed_at: ctx.now, closed_by: user.id, row_version: sql`row_version + 1` })
        .where('id', '=', id)
        .execute();
      await recordAudit(trx, ctx, {
        action: 'special_campaign.close',
        targetType: 'special_campaign',
        targetId: id,
        organisationId: c.department_id,
        regionCode: c.region_code,
        details: { summary: summary.trim(), worklistSize: Number(c.worklist_size), inspectedCount: Number(c.inspected_count), problemCount: Number(c.problem_count) },
      });
      return this.#detail(trx, ctx, id);
    });
  }

  async #find(db: Db, ctx: RequestContext, id: string, lock = false): Promise<Row> {
    let q = visibleCampaigns(db, ctx).where('c.id', '=', id);
    if (lock) q = q.forUpdate('c');
    const row = await q.executeTakeFirst();
    if (!row) throw NOT_FOUND();
    return row;
  }

  async #detail(db: Db, ctx: RequestContext, id: string): Promise<Campaign> {
    const c = await this.#find(db, ctx, id);
    const items = await db
      .selectFrom('special_campaign_items as i')
      .innerJoin('batches as b', 'b.id', 'i.batch_id')
      .innerJoin('organisations as a', 'a.id', 'b.agency_id')
      .innerJoin('projects as p', 'p.id', 'b.project_id')
      .select(['i.position', 'b.id', 'b.batch_number', 'b.region_code', 'b.specialty', 'b.status', 'b.opened_at', 'a.name as agency_name', 'p.name as project_name'])
      .where('i.campaign_id', '=', id)
      .orderBy('i.position')
      .execute();
    const findings = await findingsOf(db, { campaignId: id });
    const latest = new Map<string, FindingOutcome>();
    for (const f of findings) latest.set(f.itemId, f.outcome);
    return {
      ...toSummary(c),
      worklist: items.map((i) => ({
        position: i.position,
        batchId: i.id,
        batchNumber: i.batch_number,
        agencyName: i.agency_name,
        projectName: i.project_name,
        regionCode: i.region_code,
        specialtyName: specialtyName(i.specialty),
        status: i.status,
        statusLabel: BATCH_STATUS_LABELS[i.status],
        openedAt: i.opened_at.toISOString(),
        latestOutcome: latest.get(i.id) ?? null,
      })),
      findings,
    };
  }
}
