import { durations, OPEN_BATCH_MISSING_AFTER_MS } from '../../../kernel/policy.ts';
import { parseDate } from '../../../kernel/time.ts';
import { deadlineState, possiblyMissing, sealedOnTime, type BatchTiming } from '../../batches/index.ts';

/**
 * 日常核查 (issue 6 item 6) as pure functions over plain data: the metrics of one Beijing calendar day per region, and
 * their roll-up to every city and the province from the counts of the whole subtree (never an average of rates).
 *
 * ⚙ Definitions (docs/decisions.md "Daily check"):
 * - a batch is *due* on the day its running deadline falls in, [00:00, 24:00) Beijing; a deadline exactly at 24:00
 *   belongs to the next day;
 * - *compliant*: sealed whole on or before that deadline (sealedOnTime); *late*: the deadline has passed (as of the
 *   computation) and it was not; *pending*: the deadline is still ahead and it is not sealed (only on a running day);
 * - *suspended*: a force-majeure filing holds the deadline (pending or not yet cleared) whose original deadline falls
 *   in the day; it is not due until the filing moves its deadline;
 * - *missing* (漏传): flagged on the day the batch first becomes possibly missing — opened, and no completion
 *   declared by 24 h after opening (possiblyMissing);
 * - compliance rate = compliant ÷ (compliant + late): the due batches whose outcome is decided. For a finished day
 *   pending is 0, so it is compliant ÷ due. No decided batch: no rate (shown as "—"), never 100 %.
 */

export interface DayWindow {
  day: string;
  /** 00:00 Beijing, inclusive. */
  start: Date;
  /** 24:00 Beijing, exclusive. */
  end: Date;
}

const BEIJING_OFFSET_MS = 8 * durations.HOUR;

export function beijingDayWindow(day: string): DayWindow {
  const start = new Date(parseDate(day) - BEIJING_OFFSET_MS);
  return { day, start, end: new Date(start.getTime() + durations.DAY) };
}

export interface DailyBatch {
  regionCode: string;
  timing: BatchTiming;
  /** When the completion was declared (the timing's completedAt is the declared T, which may be earlier). */
  completionDeclaredAt: Date | null;
}

export interface DailyEvent {
  regionCode: string;
  at: Date;
}

export interface DailyCounts {
  due: number;
  compliant: number;
  late: number;
  pending: number;
  suspended: number;
  missing: number;
  anomaliesOpened: number;
  serviceRequestsOpened: number;
  serviceRequestsClosed: number;
}

export const ZERO_COUNTS: Readonly<DailyCounts> = Object.freeze({
  due: 0,
  compliant: 0,
  late: 0,
  pending: 0,
  suspended: 0,
  missing: 0,
  anomaliesOpened: 0,
  serviceRequestsOpened: 0,
  serviceRequestsClosed: 0,
});

export const COUNT_KEYS = Object.keys(ZERO_COUNTS) as (keyof DailyCounts)[];

const within = (t: Date, w: DayWindow) => t.getTime() >= w.start.getTime() && t.getTime() < w.end.getTime();

export type BatchDayOutcome = 'compliant' | 'late' | 'pending' | 'suspended' | null;

/** How one batch counts on the day `w` as seen at `asOf`; null: its deadline is not on that day. */
export function batchDayOutcome(b: BatchTiming, w: DayWindow, asOf: Date): BatchDayOutcome {
  const s = deadlineState(b);
  if (s.kind === 'open') return null;
  if (s.kind === 'suspended') return within(s.originalDeadline, w) ? 'suspended' : null;
  if (!within(s.deadline, w)) return null;
  if (sealedOnTime(b)) return 'compliant';
  return asOf.getTime() > s.deadline.getTime() ? 'late' : 'pending';
}

/** Did the batch first become possibly missing (漏传) during the day? Judged on what was declared by that instant. */
export function becameMissingOn(b: DailyBatch, w: DayWindow): boolean {
  // possiblyMissing holds strictly after opened + 24 h: the first instant is one millisecond later.
  const flaggedAt = new Date(b.timing.openedAt.getTime() + OPEN_BATCH_MISSING_AFTER_MS + 1);
  if (!within(flaggedAt, w)) return false;
  const declared = b.completionDeclaredAt !== null && b.completionDeclaredAt.getTime() <= flaggedAt.getTime();
  return possiblyMissing({ ...b.timing, completedAt: declared ? b.timing.completedAt : null }, flaggedAt);
}

export interface DayInput {
  batches: readonly DailyBatch[];
  anomalies: readonly DailyEvent[];
  serviceRequestsOpened: readonly DailyEvent[];
  serviceRequestsClosed: readonly DailyEvent[];
}

/** Each region's own counts for the day (batches, anomalies and requests located directly in it). */
export function dailyCounts(input: DayInput, w: DayWindow, asOf: Date): Map<string, DailyCounts> {
  const out = new Map<string, DailyCounts>();
  const of = (region: string) => {
    let c = out.get(region);
    if (!c) out.set(region, (c = { ...ZERO_COUNTS }));
    return c;
  };
  for (const b of input.batches) {
    const outcome = batchDayOutcome(b.timing, w, asOf);
    if (outcome) {
      const c = of(b.regionCode);
      if (outcome === 'suspended') c.suspended++;
      else {
        c.due++;
        c[outcome]++;
      }
    }
    if (becameMissingOn(b, w)) of(b.regionCode).missing++;
  }
  for (const a of input.anomalies) if (within(a.at, w)) of(a.regionCode).anomaliesOpened++;
  for (const r of input.serviceRequestsOpened) if (within(r.at, w)) of(r.regionCode).serviceRequestsOpened++;
  for (const r of input.serviceRequestsClosed) if (within(r.at, w)) of(r.regionCode).serviceRequestsClosed++;
  return out;
}

export interface RegionNode {
  code: string;
  /** '/220000/220100/220102/': the subtree of a region is every path starting with its own. */
  path: string;
}

/** Every region's counts over its whole subtree, summed from the regions' own counts. */
export function rollUp(regions: readonly RegionNode[], own: ReadonlyMap<string, DailyCounts>): Map<string, DailyCounts> {
  const out = new Map<string, DailyCounts>();
  for (const r of regions) {
    const sum = { ...ZERO_COUNTS };
    for (const d of regions) {
      if (!d.path.startsWith(r.path)) continue;
      const c = own.get(d.code);
      if (c) for (const k of COUNT_KEYS) sum[k] += c[k];
    }
    out.set(r.code, sum);
  }
  return out;
}

/** compliant ÷ (compliant + late); null when nothing was decided. */
export function complianceRate(c: Pick<DailyCounts, 'compliant' | 'late'>): number | null {
  const decided = c.compliant + c.late;
  return decided === 0 ? null : c.compliant / decided;
}

export function addCounts(a: DailyCounts, b: DailyCounts): DailyCounts {
  const out = { ...a };
  for (const k of COUNT_KEYS) out[k] += b[k];
  return out;
}

export function sameCounts(a: DailyCounts, b: DailyCounts): boolean {
  return COUNT_KEYS.every((k) => a[k] === b[k]);
}

/** The Beijing days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = parseDate(from); t <= parseDate(to); t += durations.DAY) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
