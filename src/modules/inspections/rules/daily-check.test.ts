import { describe, expect, it } from 'vitest';
import type { BatchTiming } from '../../batches/index.ts';
import {
  batchDayOutcome,
  becameMissingOn,
  beijingDayWindow,
  complianceRate,
  dailyCounts,
  daysBetween,
  rollUp,
  ZERO_COUNTS,
  type DailyBatch,
} from './daily-check.ts';

const H = 3_600_000;
const DAY = beijingDayWindow('2026-07-15');
const END = DAY.end.getTime(); // 2026-07-16T00:00+08:00
const at = (iso: string) => new Date(iso);
const after = new Date(END + 10 * 60_000); // the daily job's run, after midnight

/** A batch completed so that its deadline (completion + 2 h) is `deadlineMs`, sealed at `sealedMs` (or not). */
function timing(deadlineMs: number, sealedMs: number | null, fm: BatchTiming['forceMajeure'] = null): BatchTiming {
  return { openedAt: new Date(deadlineMs - 5 * H), completedAt: new Date(deadlineMs - 2 * H), sealedAt: sealedMs === null ? null : new Date(sealedMs), forceMajeure: fm };
}

describe('the day window (Beijing)', () => {
  it('is [00:00, 24:00) +08:00', () => {
    expect(DAY.start.toISOString()).toBe('2026-07-14T16:00:00.000Z');
    expect(DAY.end.toISOString()).toBe('2026-07-15T16:00:00.000Z');
  });
  it('lists the days of a range, both ends included, across a month end', () => {
    expect(daysBetween('2026-06-29', '2026-07-02')).toEqual(['2026-06-29', '2026-06-30', '2026-07-01', '2026-07-02']);
    expect(daysBetween('2026-07-02', '2026-07-01')).toEqual([]);
  });
});

describe('how a batch counts on a day', () => {
  it.each<[string, BatchTiming, ReturnType<typeof batchDayOutcome>]>([
    ['deadline at 00:00 (start of the day), sealed at it', timing(DAY.start.getTime(), DAY.start.getTime()), 'compliant'],
    ['deadline 1 ms before the day: the day before', timing(DAY.start.getTime() - 1, null), null],
    ['deadline 1 ms before 24:00, sealed exactly at the deadline', timing(END - 1, END - 1), 'compliant'],
    ['deadline 1 ms before 24:00, sealed 1 ms after it', timing(END - 1, END), 'late'],
    ['deadline exactly at 24:00: belongs to the next day', timing(END, END), null],
    ['deadline in the day, never sealed', timing(END - 6 * H, null), 'late'],
    ['deadline in the day, sealed the day after', timing(END - 6 * H, END + 3 * H), 'late'],
    ['open batch (no completion declared): no deadline', { openedAt: at('2026-07-15T08:00:00+08:00'), completedAt: null, sealedAt: null, forceMajeure: null }, null],
  ])('%s → %s', (_l, t, expected) => {
    expect(batchDayOutcome(t, DAY, after)).toBe(expected);
  });

  it('while the day runs, an unsealed batch before its deadline is pending, and late 1 ms after it', () => {
    const t = timing(END - 6 * H, null);
    expect(batchDayOutcome(t, DAY, new Date(END - 6 * H))).toBe('pending');
    expect(batchDayOutcome(t, DAY, new Date(END - 6 * H + 1))).toBe('late');
  });

  it('force majeure: pending filing → suspended on the original day; cleared → due on the day of clearing + 2 h', () => {
    const original = END - 6 * H;
    const pending = timing(original, null, { filedAt: new Date(original - H), status: 'pending', decidedAt: null, clearedAt: null });
    expect(batchDayOutcome(pending, DAY, after)).toBe('suspended');
    const cleared = timing(original, END + 5 * H, { filedAt: new Date(original - H), status: 'accepted', decidedAt: new Date(original), clearedAt: new Date(END + 4 * H) });
    expect(batchDayOutcome(cleared, DAY, after)).toBe(null);
    expect(batchDayOutcome(cleared, beijingDayWindow('2026-07-16'), new Date(END + 30 * H))).toBe('compliant');
    const rejected = timing(original, null, { filedAt: new Date(original - H), status: 'rejected', decidedAt: new Date(original), clearedAt: null });
    expect(batchDayOutcome(rejected, DAY, after)).toBe('late');
  });
});

describe('missing (漏传) is counted on the day the batch first becomes possibly missing', () => {
  const opened = (ms: number, declaredMs: number | null = null): DailyBatch => ({
    regionCode: '220102',
    timing: { openedAt: new Date(ms), completedAt: declaredMs === null ? null : new Date(declaredMs - 60_000), sealedAt: null, forceMajeure: null },
    completionDeclaredAt: declaredMs === null ? null : new Date(declaredMs),
  });
  it.each<[string, DailyBatch, boolean]>([
    ['opened 24 h before the day ends (flag at 24:00 + 1 ms → next day)', opened(END - 24 * H), false],
    ['opened 24 h + 1 ms before the day ends (flag at 23:59:59.999... → this day)', opened(END - 24 * H - 2), true],
    ['opened the previous morning, never completed', opened(DAY.start.getTime() - 14 * H), true],
    ['completion declared exactly at the flag instant', opened(DAY.start.getTime() - 14 * H, DAY.start.getTime() + 10 * H + 1), false],
    ['completion declared 1 ms after the flag instant', opened(DAY.start.getTime() - 14 * H, DAY.start.getTime() + 10 * H + 2), true],
    ['opened in the day: flagged tomorrow', opened(DAY.start.getTime() + H), false],
  ])('%s → %s', (_l, b, expected) => {
    expect(becameMissingOn(b, DAY)).toBe(expected);
  });
});

describe('counts per region and roll-up', () => {
  const regions = [
    { code: '220000', path: '/220000/' },
    { code: '220100', path: '/220000/220100/' },
    { code: '220102', path: '/220000/220100/220102/' },
    { code: '220104', path: '/220000/220100/220104/' },
    { code: '220200', path: '/220000/220200/' },
  ];
  const batch = (regionCode: string, t: BatchTiming): DailyBatch => ({ regionCode, timing: t, completionDeclaredAt: t.completedAt });
  const input = {
    batches: [
      // 南关区: 9 compliant of 10; 朝阳区: 0 of 1; 长春市 itself: 1 compliant.
      ...Array.from({ length: 9 }, () => batch('220102', timing(END - 5 * H, END - 6 * H))),
      batch('220102', timing(END - 5 * H, null)),
      batch('220104', timing(END - 5 * H, END)),
      batch('220100', timing(END - 3 * H, END - 4 * H)),
      batch('220200', timing(END + H, null)), // tomorrow's
    ],
    anomalies: [
      { regionCode: '220102', at: new Date(DAY.start.getTime()) },
      { regionCode: '220102', at: new Date(END) }, // next day
      { regionCode: '220200', at: new Date(END - 1) },
    ],
    serviceRequestsOpened: [{ regionCode: '220104', at: new Date(END - H) }],
    serviceRequestsClosed: [{ regionCode: '220104', at: new Date(END - 1) }],
  };
  const own = dailyCounts(input, DAY, after);
  const all = rollUp(regions, own);

  it('counts each region own batches, anomalies and requests of the day', () => {
    expect(own.get('220102')).toEqual({ ...ZERO_COUNTS, due: 10, compliant: 9, late: 1, anomaliesOpened: 1 });
    expect(own.get('220104')).toEqual({ ...ZERO_COUNTS, due: 1, late: 1, serviceRequestsOpened: 1, serviceRequestsClosed: 1 });
    expect(own.get('220200')).toEqual({ ...ZERO_COUNTS, anomaliesOpened: 1 });
  });

  it('rolls up by summing the subtree counts, so the rate is not an average of rates', () => {
    const city = all.get('220100')!;
    expect(city).toMatchObject({ due: 12, compliant: 10, late: 2, anomaliesOpened: 1, serviceRequestsOpened: 1 });
    // Average of the counties' rates would be (0.9 + 0) / 2 = 0.45; the subtree's rate is 10 / 12.
    expect(complianceRate(city)).toBeCloseTo(10 / 12, 10);
    expect(all.get('220000')).toMatchObject({ due: 12, compliant: 10, late: 2, anomaliesOpened: 2 });
    expect(all.get('220200')).toMatchObject({ due: 0, anomaliesOpened: 1 });
  });

  it.each([
    [{ compliant: 0, late: 0 }, null],
    [{ compliant: 3, late: 0 }, 1],
    [{ compliant: 0, late: 2 }, 0],
    [{ compliant: 1, late: 3 }, 0.25],
  ])('rate of %o is %s', (c, r) => expect(complianceRate(c)).toBe(r));
});
