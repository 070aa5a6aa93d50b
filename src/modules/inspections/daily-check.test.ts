import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDailyCheckJob } from './daily-job.ts';
import { startHarness, type Harness } from './test-fixtures.ts';

let h: Harness;
// After the demo (seeded on 07-15 with its snapshots up to 07-14, and 07-15 provisional), a week later.
const AT = '2026-07-22T08:00:00+08:00';
const DAY = '2026-07-20';
const bj = (hm: string, day = DAY) => `${day}T${hm}:00+08:00`;

beforeAll(async () => {
  h = await startHarness({ at: AT });
  // 2026-07-20 in 长春市: 南关区 3 on time + 1 sealed late + 1 never sealed; 朝阳区 1 late; 吉林市船营区 1 on time.
  for (const t of ['09:00', '10:00', '11:00']) await h.batch({ region: '220102', openedAt: bj('07:00'), completedAt: bj(t), sealedAt: bj(t.replace(':00', ':30')) });
  await h.batch({ region: '220102', openedAt: bj('07:00'), completedAt: bj('12:00'), sealedAt: '2026-07-20T14:00:01+08:00' });
  await h.batch({ region: '220102', openedAt: bj('07:00'), completedAt: bj('20:00'), sealedAt: null });
  await h.batch({ region: '220104', openedAt: bj('07:00'), completedAt: bj('21:59'), sealedAt: bj('00:30', '2026-07-21') });
  await h.batch({ region: '220204', openedAt: bj('07:00'), completedAt: bj('08:00'), sealedAt: bj('09:00') });
  // Deadline exactly at 24:00 on the 20th: counts on the 21st.
  await h.batch({ region: '220102', openedAt: bj('20:00'), completedAt: bj('22:00'), sealedAt: bj('23:00') });
  // Opened on the 19th at 10:00 and never declared complete: 漏传 on the 20th (flagged at 10:00:00.001).
  await h.batch({ region: '220104', openedAt: bj('10:00', '2026-07-19') });
  const written = await runDailyCheckJob(h.t.deps);
  // The catch-up window: 07-15 had only its provisional row from the demo.
  expect(written.map((r) => r.day)).toEqual(['2026-07-15', '2026-07-16', '2026-07-17', '2026-07-18', '2026-07-19', '2026-07-20', '2026-07-21']);
});
afterAll(() => h.t.close());

const table = (who: Parameters<Harness['get']>[0], q: string) => h.get(who, `/api/v1/daily-checks?${q}`);

describe('the daily job', () => {
  it('writes one final row per region per day, the roll-ups summed from the subtree', async () => {
    const res = await table('officer.changchun', `regionCode=220100&from=${DAY}&to=${DAY}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.region).toEqual({ code: '220100', name: '长春市', level: 'city' });
    const row = (code: string) => body.rows.find((r: { regionCode: string }) => r.regionCode === code);
    expect(row('220100')).toMatchObject({ due: 6, compliant: 3, late: 3, pending: 0, missing: 1, daysCovered: 1, provisional: false });
    // 3 of 6, not the average of 南关区 (3/5) and 朝阳区 (0/1).
    expect(row('220100').complianceRate).toBeCloseTo(0.5, 10);
    expect(row('220102')).toMatchObject({ due: 5, compliant: 3, late: 2, complianceRate: 0.6 });
    expect(row('220104')).toMatchObject({ due: 1, compliant: 0, late: 1, missing: 1, complianceRate: 0 });
    expect(row('220103')).toMatchObject({ due: 0, complianceRate: null, daysCovered: 1 });
    expect(body.rows[0].regionCode).toBe('220100');
    expect(body.rows.every((r: { regionCode: string }) => r.regionCode === '220100' || r.regionCode.startsWith('2201'))).toBe(true);

    const province = (await table('officer.province', `from=${DAY}&to=${DAY}`)).json();
    expect(province.region.code).toBe('220000');
    expect(province.rows[0]).toMatchObject({ regionCode: '220000', due: 7, compliant: 4, late: 3 });
    expect(province.rows.find((r: { regionCode: string }) => r.regionCode === '220200')).toMatchObject({ due: 1, compliant: 1 });
  });

  it('counts a deadline at exactly 24:00 on the next day', async () => {
    const trend = (await h.get('officer.nanguan', `/api/v1/daily-checks/trend?from=2026-07-20&to=2026-07-21`)).json();
    expect(trend.days.map((d: { day: string; due: number }) => [d.day, d.due])).toEqual([
      ['2026-07-20', 5],
      ['2026-07-21', 1],
    ]);
  });

  it('is idempotent: running again writes nothing; days without data show no version', async () => {
    const before = await h.t.deps.db.selectFrom('daily_check_snapshots').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(await runDailyCheckJob(h.t.deps)).toEqual([]);
    const after = await h.t.deps.db.selectFrom('daily_check_snapshots').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    // The demo wrote 30 days before 07-15 (from 06-15); nothing before.
    const trend = (await h.get('officer.nanguan', '/api/v1/daily-checks/trend?from=2026-06-13&to=2026-06-15')).json();
    expect(trend.days.map((d: { version: number | null }) => d.version)).toEqual([null, null, 1]);
  });

});

describe('recomputing', () => {
  it('a past day needs a reason; unchanged figures add nothing; changed figures add a version beside the old one', async () => {
    const noReason = await h.post('officer.nanguan', '/api/v1/daily-checks/recompute', { day: DAY });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json()).toMatchObject({ code: 'RECOMPUTE_REASON_REQUIRED', field: 'body.reason' });
    const same = await h.post('officer.nanguan', '/api/v1/daily-checks/recompute', { day: DAY, reason: '核对' });
    expect(same.json()).toMatchObject({ day: DAY, final: true, written: 0 });

    // A batch of the 13th that reaches the platform's data late (e.g. a re-imported record): figures change.
    await h.batch({ region: '220102', openedAt: bj('07:00'), completedAt: bj('15:00'), sealedAt: bj('15:10') });
    const changed = await h.post('officer.nanguan', '/api/v1/daily-checks/recompute', { day: DAY, reason: '补录批次后重新核算' });
    expect(changed.statusCode).toBe(200);
    // 南关区, 长春市 and 吉林省 changed; every other region is unchanged.
    expect(changed.json()).toMatchObject({ written: 3, final: true });
    const history = (await h.get('officer.nanguan', `/api/v1/daily-checks/history?regionCode=220102&day=${DAY}`)).json();
    expect(history.map((v: { version: number; compliant: number; reason: string | null; computedByName: string }) => [v.version, v.compliant, v.reason, v.computedByName])).toEqual([
      [1, 3, null, '日常核查定时任务'],
      [2, 4, '补录批次后重新核算', '马志远'],
    ]);
    const row = (await table('officer.nanguan', `from=${DAY}&to=${DAY}`)).json().rows[0];
    expect(row).toMatchObject({ regionCode: '220102', due: 6, compliant: 4 });
    const audit = await h.t.deps.db.selectFrom('audit_log').select('details').where('action', '=', 'daily_check.snapshot').where('target_id', '=', DAY).execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it('the snapshots are append-only', async () => {
    await expect(h.t.deps.db.updateTable('daily_check_snapshots').set({ due: 0 }).execute()).rejects.toThrow(/append-only/);
    await expect(h.t.deps.db.deleteFrom('daily_check_snapshots').execute()).rejects.toThrow(/append-only/);
  });

  it("today's recompute is a provisional live view with pending batches; a future day is refused", async () => {
    const today = '2026-07-22';
    await h.batch({ region: '220102', openedAt: bj('06:00', today), completedAt: bj('07:00', today), sealedAt: bj('07:30', today) });
    await h.batch({ region: '220102', openedAt: bj('06:00', today), completedAt: bj('07:30', today) }); // deadline 09:30, now 08:00
    const r = await h.post('officer.nanguan', '/api/v1/daily-checks/recompute', {});
    expect(r.json()).toMatchObject({ day: today, final: false });
    const row = (await table('officer.nanguan', `from=${today}&to=${today}`)).json().rows[0];
    expect(row).toMatchObject({ due: 2, compliant: 1, pending: 1, late: 0, complianceRate: 1, provisional: true });
    const future = await h.post('officer.nanguan', '/api/v1/daily-checks/recompute', { day: '2026-07-23' });
    expect(future.statusCode).toBe(422);
  });
});

describe('jurisdiction', () => {
  it.each([
    ['officer.nanguan', '220100'],
    ['officer.nanguan', '220104'],
    ['officer.changchun', '220200'],
    ['officer.jilin', '220102'],
  ] as const)('%s cannot read %s (404)', async (who, code) => {
    for (const path of ['/api/v1/daily-checks', '/api/v1/daily-checks/trend', '/api/v1/daily-checks/export']) {
      const res = await h.get(who, `${path}?regionCode=${code}&from=${DAY}&to=${DAY}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('REGION_NOT_FOUND');
    }
  });

  it('an agency cannot read the daily check (403)', async () => {
    expect((await table('jz.admin', `from=${DAY}&to=${DAY}`)).statusCode).toBe(403);
  });

  it('refuses a range ending before it starts, or longer than a year', async () => {
    expect((await table('officer.nanguan', 'from=2026-07-13&to=2026-07-12')).json().code).toBe('PERIOD_INVALID');
    expect((await table('officer.nanguan', 'from=2025-01-01&to=2026-07-12')).json().code).toBe('PERIOD_TOO_LONG');
  });

  async function readXlsx(who: Parameters<Harness['get']>[0], q: string) {
    const res = await h.get(who, `/api/v1/daily-checks/export?${q}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = (name: string) => {
      const out: (string | number)[][] = [];
      wb.getWorksheet(name)!.eachRow((r, i) => {
        if (i > 2) out.push((r.values as (string | number)[]).slice(1));
      });
      return out;
    };
    return { summary: rows('汇总'), days: rows('逐日'), disposition: String(res.headers['content-disposition']) };
  }

  it("a county officer's export holds only the county", async () => {
    const x = await readXlsx('officer.nanguan', `from=2026-07-19&to=${DAY}`);
    expect(x.summary.map((r) => r[1])).toEqual(['220102']);
    expect(x.summary[0]!.slice(0, 5)).toEqual(['南关区', '220102', 6, 4, 2]);
    expect(new Set(x.days.map((r) => r[1]))).toEqual(new Set(['南关区']));
    expect(x.days.map((r) => r[0])).toEqual(['2026-07-19', '2026-07-20']);
    expect(x.disposition).toContain(encodeURIComponent('日常核查_南关区'));
  });

  it("a city officer's export holds the city and its districts, never another city", async () => {
    const x = await readXlsx('officer.changchun', `from=${DAY}&to=${DAY}`);
    const codes = x.summary.map((r) => String(r[1]));
    expect(codes[0]).toBe('220100');
    expect(codes).toContain('220102');
    expect(codes.every((c) => c.startsWith('2201'))).toBe(true);
    const regionNames = new Set(x.days.map((r) => r[1]));
    expect(regionNames.has('南关区')).toBe(true);
    expect(regionNames.has('吉林市')).toBe(false);
    expect(regionNames.has('船营区')).toBe(false);
    expect(x.summary[0]![3]).toBe(4); // 按时封存 of 长春市 after the recomputation
  });
});

describe('closing a day', () => {
  it('waits until 00:10 Beijing; then the day that ended is final, its pending batches now late', async () => {
    h.clock.set('2026-07-23T00:09:59.999+08:00');
    expect(await runDailyCheckJob(h.t.deps)).toEqual([]);
    h.clock.set('2026-07-23T00:10:00+08:00');
    expect((await runDailyCheckJob(h.t.deps)).map((r) => r.day)).toEqual(['2026-07-22']);
    // (The sessions of the other tests have lapsed by now: read the rows themselves.)
    const rows = await h.t.deps.db.selectFrom('daily_check_snapshots').selectAll().where('region_code', '=', '220102').where('day', '=', '2026-07-22').orderBy('version').execute();
    expect(rows.map((r) => [r.version, r.final, r.due, r.compliant, r.pending, r.late])).toEqual([
      [1, false, 2, 1, 1, 0],
      [2, true, 2, 1, 0, 1],
    ]);
  });
});
