import type { Kysely, Transaction } from 'kysely';
import type { RequestContext } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import type { Database } from '../../kernel/db/types.ts';
import { advisoryXactLock, LOCKS } from '../../kernel/db/locks.ts';
import { regionInSubtree } from '../../kernel/db/scope-sql.ts';
import { badRequest, unprocessable } from '../../kernel/errors.ts';
import { writeXlsx, type XlsxColumn } from '../../kernel/export/xlsx.ts';
import { DAILY_CHECK_DEADLINE_LOOKBACK_DAYS, DAILY_CHECK_MAX_RANGE_DAYS, durations, OPEN_BATCH_MISSING_AFTER_MS } from '../../kernel/policy.ts';
import { addDays, beijingDate, parseDate } from '../../kernel/time.ts';
import { batchTiming } from '../batches/index.ts';
import { serviceRequestEvents } from '../service-requests/index.ts';
import { homeRegion, regionInScope, requireInspectionReader } from './access.ts';
import {
  addCounts,
  beijingDayWindow,
  complianceRate,
  dailyCounts,
  daysBetween,
  rollUp,
  sameCounts,
  ZERO_COUNTS,
  type DailyCounts,
} from './rules/daily-check.ts';
import type { DailyCheckSnapshotRow } from './tables.ts';
import './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * 日常核查 (issue 6 item 6): every region's metrics for a Beijing day (rules/daily-check.ts), stored as snapshots.
 * A day's rows are computed for every region at once, so the roll-ups of one version agree with each other.
 * ⚙ Versions: a recomputation that finds the same figures writes nothing; one that finds other figures (a force-majeure
 * decision changed a deadline, a late seal arrived for a running day) adds version + 1 beside the old row, with who and
 * why. A day still running gets provisional rows (final = false); the first computation after it ends is final.
 */

// ───────────────────────────── computing ─────────────────────────────

/** The rolled-up counts of every region for `day`, as seen at `asOf`. */
export async function computeDay(db: Db, day: string, asOf: Date): Promise<Map<string, DailyCounts>> {
  const w = beijingDayWindow(day);
  const regions = await db.selectFrom('regions').select(['code', 'path']).execute();
  const lookback = new Date(w.start.getTime() - DAILY_CHECK_DEADLINE_LOOKBACK_DAYS * durations.DAY);
  const missingFrom = new Date(w.start.getTime() - OPEN_BATCH_MISSING_AFTER_MS - 1);
  const batches = await db
    .selectFrom('batches')
    .select(['region_code', 'opened_at', 'completed_at', 'completion_declared_at', 'first_sealed_at'])
    .where((eb) =>
      eb.or([
        eb.and([eb('completed_at', '>=', lookback), eb('completed_at', '<', w.end)]),
        eb.and([eb('opened_at', '>=', missingFrom), eb('opened_at', '<', w.end)]),
      ]),
    )
    .execute();
  const anomalies = await db.selectFrom('anomalies').select(['region_code', 'detected_at']).where('detected_at', '>=', w.start).where('detected_at', '<', w.end).execute();
  const requests = await serviceRequestEvents(db, w.start, w.end);
  const own = dailyCounts(
    {
      batches: batches.map((b) => ({ regionCode: b.region_code, timing: batchTiming(b), completionDeclaredAt: b.completion_declared_at })),
      anomalies: anomalies.map((a) => ({ regionCode: a.region_code, at: a.detected_at })),
      serviceRequestsOpened: requests.opened,
      serviceRequestsClosed: requests.closed,
    },
    w,
    asOf,
  );
  return rollUp(regions, own);
}

const toCounts = (r: DailyCheckSnapshotRow): DailyCounts => ({
  due: r.due,
  compliant: r.compliant,
  late: r.late,
  pending: r.pending,
  suspended: r.suspended,
  missing: r.missing,
  anomaliesOpened: r.anomalies_opened,
  serviceRequestsOpened: r.service_requests_opened,
  serviceRequestsClosed: r.service_requests_closed,
});

/** The latest version of each (region, day) in the range, for the given regions (all when omitted). */
async function latestSnapshots(db: Db, from: string, to: string, regionCodes?: readonly string[]): Promise<DailyCheckSnapshotRow[]> {
  if (regionCodes && regionCodes.length === 0) return [];
  let q = db
    .selectFrom('daily_check_snapshots')
    .selectAll()
    .distinctOn(['region_code', 'day'])
    .where('day', '>=', from)
    .where('day', '<=', to);
  if (regionCodes) q = q.where('region_code', 'in', regionCodes);
  return q.orderBy('region_code').orderBy('day').orderBy('version', 'desc').execute();
}

export interface SnapshotResult {
  day: string;
  final: boolean;
  /** Regions given a new version. */
  written: number;
  /** Regions whose latest version already had these figures. */
  unchanged: number;
  /** The daily job found the day's final rows already written (by another process or an earlier run). */
  skipped: boolean;
}

/**
 * Computes `day` as of ctx.now and writes a new version for each region whose figures differ from its latest one.
 * `ifNoFinal`: the daily job's mode — do nothing if the day already has final rows.
 */
export async function writeSnapshot(trx: Transaction<Database>, ctx: RequestContext, day: string, opts: { ifNoFinal?: boolean; reason?: string | null } = {}): Promise<SnapshotResult> {
  const today = beijingDate(ctx.now);
  if (day > today) throw unprocessable('DAY_IN_FUTURE', '不能核算尚未到来的日期', 'body.day');
  const final = day < today;
  await advisoryXactLock(trx, LOCKS.dailyCheckSnapshot);
  if (opts.ifNoFinal) {
    const done = await trx.selectFrom('daily_check_snapshots').select('id').where('day', '=', day).where('final', '=', true).limit(1).executeTakeFirst();
    if (done) return { day, final, written: 0, unchanged: 0, skipped: true };
  }
  const computed = await computeDay(trx, day, ctx.now);
  const latest = new Map((await latestSnapshots(trx, day, day)).map((r) => [r.region_code, r]));
  const actor = ctx.actor;
  const by =
    actor.kind === 'user'
      ? { computed_by_type: 'user' as const, computed_by_id: actor.id, computed_by_name: actor.displayName }
      : { computed_by_type: 'system' as const, computed_by_id: null, computed_by_name: actor.kind === 'system' ? actor.name : 'system' };
  const rows = [];
  let unchanged = 0;
  for (const [region, c] of computed) {
    const prev = latest.get(region);
    // Same figures: nothing new to say, unless a running day's provisional row now becomes the final one.
    if (prev && sameCounts(toCounts(prev), c) && (prev.final || !final)) {
      unchanged++;
      continue;
    }
    rows.push({
      region_code: region,
      day,
      version: (prev?.version ?? 0) + 1,
      final,
      due: c.due,
      compliant: c.compliant,
      late: c.late,
      pending: c.pending,
      suspended: c.suspended,
      missing: c.missing,
      anomalies_opened: c.anomaliesOpened,
      service_requests_opened: c.serviceRequestsOpened,
      service_requests_closed: c.serviceRequestsClosed,
      computed_at: ctx.now,
      ...by,
      reason: opts.reason?.trim() || null,
    });
  }
  // One statement per 500 rows keeps the parameter count well under PostgreSQL's limit.
  for (let i = 0; i < rows.length; i += 500) await trx.insertInto('daily_check_snapshots').values(rows.slice(i, i + 500)).execute();
  if (rows.length > 0) {
    await recordAudit(trx, ctx, {
      action: 'daily_check.snapshot',
      targetType: 'daily_check',
      targetId: day,
      details: { day, final, written: rows.length, unchanged, reason: opts.reason?.trim() || null },
    });
  }
  return { day, final, written: rows.length, unchanged, skipped: false };
}

// ───────────────────────────── reading ─────────────────────────────

export interface DailyCheckMetrics extends DailyCounts {
  /** compliant ÷ (compliant + late), 0–1; null when nothing was decided. */
  complianceRate: number | null;
}

export interface DailyCheckRegionRow extends DailyCheckMetrics {
  regionCode: string;
  regionName: string;
  level: 'province' | 'city' | 'county';
  /** Days of the range with a snapshot. */
  daysCovered: number;
  /** Some day of the range is provisional (the day was still running). */
  provisional: boolean;
}

export interface DailyCheckDay extends DailyCheckMetrics {
  day: string;
  /** null: no snapshot for the day. */
  version: number | null;
  final: boolean | null;
  computedAt: string | null;
}

export interface DailyCheckTable {
  region: { code: string; name: string; level: 'province' | 'city' | 'county' };
  from: string;
  to: string;
  days: number;
  /** The region itself first, then its direct subdivisions. */
  rows: DailyCheckRegionRow[];
}

export interface DailyCheckQuery {
  regionCode?: string;
  from: string;
  to: string;
}

const withRate = (c: DailyCounts): DailyCheckMetrics => ({ ...c, complianceRate: complianceRate(c) });

function checkRange(q: DailyCheckQuery): void {
  let from: number;
  let to: number;
  try {
    from = parseDate(q.from);
    to = parseDate(q.to);
  } catch {
    throw badRequest('DATE_INVALID', '日期格式应为 YYYY-MM-DD', 'querystring.from');
  }
  if (to < from) throw badRequest('PERIOD_INVALID', '结束日期不能早于开始日期', 'querystring.to');
  if ((to - from) / durations.DAY + 1 > DAILY_CHECK_MAX_RANGE_DAYS) {
    throw badRequest('PERIOD_TOO_LONG', `一次最多查询 ${DAILY_CHECK_MAX_RANGE_DAYS} 天`, 'querystring.to');
  }
}

export class DailyCheckService {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async #region(ctx: RequestContext, code: string | undefined) {
    const { scope } = requireInspectionReader(ctx);
    return code ? regionInScope(this.#db, scope, code) : homeRegion(this.#db, scope);
  }

  /** The region and its direct subdivisions, each summed over the range (counts summed, the rate from the sums). */
  async table(ctx: RequestContext, q: DailyCheckQuery): Promise<DailyCheckTable> {
    checkRange(q);
    const region = await this.#region(ctx, q.regionCode);
    const children = await this.#db.selectFrom('regions').select(['code', 'name', 'level']).where('parent_code', '=', region.code).orderBy('sort_order').execute();
    const regions = [{ code: region.code, name: region.name, level: region.level }, ...children];
    const snaps = await latestSnapshots(this.#db, q.from, q.to, regions.map((r) => r.code));
    const rows = regions.map((r): DailyCheckRegionRow => {
      const mine = snaps.filter((s) => s.region_code === r.code);
      const sum = mine.reduce((acc, s) => addCounts(acc, toCounts(s)), { ...ZERO_COUNTS });
      return { regionCode: r.code, regionName: r.name, level: r.level, ...withRate(sum), daysCovered: mine.length, provisional: mine.some((s) => !s.final) };
    });
    return { region: { code: region.code, name: region.name, level: region.level }, from: q.from, to: q.to, days: daysBetween(q.from, q.to).length, rows };
  }

  /** One region's metrics day by day (the trend); a day without a snapshot has zero counts and version null. */
  async trend(ctx: RequestContext, q: DailyCheckQuery): Promise<{ region: DailyCheckTable['region']; days: DailyCheckDay[] }> {
    checkRange(q);
    const region = await this.#region(ctx, q.regionCode);
    const snaps = new Map((await latestSnapshots(this.#db, q.from, q.to, [region.code])).map((s) => [s.day, s]));
    const days = daysBetween(q.from, q.to).map((day): DailyCheckDay => {
      const s = snaps.get(day);
      return {
        day,
        ...withRate(s ? toCounts(s) : { ...ZERO_COUNTS }),
        version: s?.version ?? null,
        final: s?.final ?? null,
        computedAt: s ? s.computed_at.toISOString() : null,
      };
    });
    return { region: { code: region.code, name: region.name, level: region.level }, days };
  }

  /** The versions of one region's day, oldest first: what changed and who recomputed it. */
  async history(ctx: RequestContext, regionCode: string, day: string): Promise<(DailyCheckDay & { computedByName: string; reason: string | null })[]> {
    const region = await this.#region(ctx, regionCode);
    const rows = await this.#db.selectFrom('daily_check_snapshots').selectAll().where('region_code', '=', region.code).where('day', '=', day).orderBy('version').execute();
    return rows.map((s) => ({
      day: s.day,
      ...withRate(toCounts(s)),
      version: s.version,
      final: s.final,
      computedAt: s.computed_at.toISOString(),
      computedByName: s.computed_by_name,
      reason: s.reason,
    }));
  }

  /** An officer recomputes a day (today: the live view; a past day: with a reason, as a new version if figures changed). */
  async recompute(ctx: RequestContext, input: { day?: string; reason?: string | null }): Promise<SnapshotResult> {
    requireInspectionReader(ctx);
    const today = beijingDate(ctx.now);
    const day = input.day ?? today;
    if (day < today && !input.reason?.trim()) throw unprocessable('RECOMPUTE_REASON_REQUIRED', '重新核算已结束的日期须说明理由', 'body.reason');
    return this.#db.transaction().execute((trx) => writeSnapshot(trx, ctx, day, { reason: input.reason ?? null }));
  }

  /** The workbook a department downloads: the summary by region, and every region of its subtree day by day. */
  async exportXlsx(ctx: RequestContext, q: DailyCheckQuery): Promise<{ fileName: string; body: Buffer }> {
    const table = await this.table(ctx, q);
    const subtree = await this.#db
      .selectFrom('regions as r')
      .select(['r.code', 'r.name', 'r.level', 'r.sort_order'])
      .where((eb) => regionInSubtree(eb.ref('r.code'), table.region.code))
      .orderBy('r.sort_order')
      .execute();
    const names = new Map(subtree.map((r) => [r.code, r.name]));
    const order = new Map(subtree.map((r) => [r.code, r.sort_order]));
    const snaps = (await latestSnapshots(this.#db, q.from, q.to, subtree.map((r) => r.code))).sort(
      (a, b) => a.day.localeCompare(b.day) || order.get(a.region_code)! - order.get(b.region_code)!,
    );
    const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
    const metricColumns = <R extends DailyCheckMetrics>(): XlsxColumn<R>[] => [
      { header: '应传批次', value: (r) => r.due },
      { header: '按时封存', value: (r) => r.compliant },
      { header: '迟传', value: (r) => r.late },
      { header: '待封存', value: (r) => r.pending },
      { header: '不可抗力暂停', width: 14, value: (r) => r.suspended },
      { header: '漏传', value: (r) => r.missing },
      { header: '新增异常', value: (r) => r.anomaliesOpened },
      { header: '上传合规率', width: 12, value: (r) => pct(r.complianceRate) },
      { header: '服务请求新增', width: 14, value: (r) => r.serviceRequestsOpened },
      { header: '服务请求办结', width: 14, value: (r) => r.serviceRequestsClosed },
    ];
    const exportedAt = new Date(ctx.now.getTime() + 8 * durations.HOUR).toISOString().slice(0, 16).replace('T', ' ');
    type DayRow = DailyCheckMetrics & { day: string; regionName: string; version: number; final: boolean };
    const dayRows: DayRow[] = snaps.map((s) => ({ day: s.day, regionName: names.get(s.region_code) ?? s.region_code, version: s.version, final: s.final, ...withRate(toCounts(s)) }));
    const body = await writeXlsx([
      {
        name: '汇总',
        title: `日常核查汇总（${table.region.name}，${q.from} 至 ${q.to}，导出于 ${exportedAt}）`,
        columns: [
          { header: '辖区', width: 24, value: (r: DailyCheckRegionRow) => r.regionName },
          { header: '区划代码', width: 10, value: (r: DailyCheckRegionRow) => r.regionCode },
          ...metricColumns<DailyCheckRegionRow>(),
          { header: '有数据天数', width: 12, value: (r: DailyCheckRegionRow) => r.daysCovered },
        ],
        rows: table.rows,
      },
      {
        name: '逐日',
        title: `日常核查逐日数据（${table.region.name}及下辖区域）`,
        columns: [
          { header: '日期', width: 12, value: (r: DayRow) => r.day },
          { header: '辖区', width: 24, value: (r: DayRow) => r.regionName },
          ...metricColumns<DayRow>(),
          { header: '版本', width: 6, value: (r: DayRow) => r.version },
          { header: '状态', width: 8, value: (r: DayRow) => (r.final ? '已定稿' : '临时') },
        ],
        rows: dayRows,
      },
    ]);
    return { fileName: `日常核查_${table.region.name}_${q.from}_${q.to}.xlsx`, body };
  }
}

/** Days before `today` in the catch-up window that have no final rows yet, oldest first. */
export async function daysWithoutFinal(db: Db, today: string, catchUpDays: number): Promise<string[]> {
  const from = addDays(today, -catchUpDays);
  const done = await db
    .selectFrom('daily_check_snapshots')
    .select('day')
    .distinct()
    .where('final', '=', true)
    .where('day', '>=', from)
    .where('day', '<', today)
    .execute();
  const have = new Set(done.map((d) => d.day));
  return daysBetween(from, addDays(today, -1)).filter((d) => !have.has(d));
}
