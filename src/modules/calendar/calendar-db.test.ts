import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../kernel/clock.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { loadBundledCalendar } from './bundled.ts';
import { addWorkingDays } from './calendar.ts';
import { getWorkCalendar, syncBundledCalendar } from './service.ts';

let t: TestApp;
const clock = new ManualClock('2026-06-01T09:00:00+08:00');
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const as = async (who: string) => ({ cookie: await t.login(who) });
const put = async (who: string, year: number | string, payload: object) =>
  t.app.inject({ method: 'PUT', url: `/api/v1/calendar/years/${year}`, headers: await as(who), payload });
const status = async (who = 'jz.tester') => (await t.app.inject({ url: '/api/v1/calendar/status', headers: await as(who) })).json();

const Y2027 = {
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
  makeupWorkdays: ['2027-02-13', '2027-02-14'],
  source: '测试数据：国务院办公厅关于2027年部分节假日安排的通知（模拟）',
};

describe('bundled years in the database', () => {
  it('loads 2025 and 2026 once, however often the sync runs, with an audit row each', async () => {
    const first = await syncBundledCalendar(t.deps.db, clock);
    const again = await syncBundledCalendar(t.deps.db, clock);
    // Bootstrap may already have loaded them; either way, exactly one version each afterwards.
    expect([...first.loaded, ...again.loaded].sort()).toEqual(first.loaded.sort());
    expect(again.loaded).toEqual([]);
    const rows = await t.deps.db.selectFrom('calendar_years').select(['year', 'version', 'loaded_by', 'source']).orderBy('year').execute();
    expect(rows.map((r) => [r.year, r.version, r.loaded_by])).toEqual([
      [2025, 1, null],
      [2026, 1, null],
    ]);
    expect(rows[1]!.source).toContain('国务院办公厅关于2026年部分节假日安排的通知');
    const audits = await t.deps.db.selectFrom('audit_log').select('target_id').where('action', '=', 'calendar.year.load').execute();
    expect(audits.map((a) => a.target_id).sort()).toEqual(['2025', '2026']);
  });

  it('reads back exactly the bundled dates', async () => {
    const db = await getWorkCalendar(t.deps.db);
    expect(db.years).toEqual(loadBundledCalendar().years);
    expect(db.versions).toEqual({ 2025: 1, 2026: 1 });
    expect(addWorkingDays(db, '2026-02-13', 3)).toMatchObject({ date: '2026-02-25', provisional: false });
  });

  it('the database refuses to change or remove a loaded version', async () => {
    await expect(sql`update calendar_years set source = 'x' where year = 2026`.execute(t.deps.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from calendar_years where year = 2026`.execute(t.deps.db)).rejects.toThrow(/append-only/);
  });
});

describe('GET /calendar/status', () => {
  it.each([
    ['2026-10-31T23:59:59.999+08:00', []],
    ['2026-11-01T00:00:00+08:00', ['CALENDAR_NEXT_YEAR_MISSING']],
  ])('at %s warns %j', async (now, codes) => {
    clock.set(now);
    const s = await status();
    expect(s).toMatchObject({ currentYear: 2026, currentYearLoaded: true, nextYear: 2027, nextYearLoaded: false, nextYearAlertFrom: '2026-11-01' });
    expect(s.warnings.map((w: { code: string }) => w.code)).toEqual(codes);
    expect(s.years.map((y: { year: number }) => y.year)).toEqual([2025, 2026]);
    if (codes.length > 0) expect(s.warnings[0].message).toContain('2027年节假日安排尚未加载');
  });

  it('needs a signed-in caller', async () => {
    expect((await t.app.inject({ url: '/api/v1/calendar/status' })).statusCode).toBe(401);
  });
});

describe('PUT /calendar/years/:year', () => {
  it('is for the platform admin only', async () => {
    clock.set('2026-11-05T10:00:00+08:00');
    expect((await put('officer.province', 2027, Y2027)).statusCode).toBe(403);
    expect((await put('jz.admin', 2027, Y2027)).statusCode).toBe(403);
  });

  it.each([
    ['a make-up day on a weekday', { ...Y2027, makeupWorkdays: ['2027-02-15'] }, 'CALENDAR_INVALID', 'body.makeupWorkdays'],
    ['a date in both lists', { ...Y2027, makeupWorkdays: ['2027-02-06'] }, 'CALENDAR_INVALID', 'body.makeupWorkdays'],
    ['a holiday of another year', { ...Y2027, holidays: ['2026-12-31'] }, 'CALENDAR_INVALID', 'body.holidays'],
    ['an impossible date', { ...Y2027, holidays: ['2027-02-30'] }, 'CALENDAR_INVALID', 'body.holidays'],
    ['a malformed date', { ...Y2027, holidays: ['2027-2-3'] }, 'VALIDATION_FAILED', 'body.holidays.0'],
    ['no source', { holidays: Y2027.holidays, makeupWorkdays: Y2027.makeupWorkdays }, 'VALIDATION_FAILED', 'body.source'],
    ['a blank source', { ...Y2027, source: '   ' }, 'CALENDAR_SOURCE_REQUIRED', 'body.source'],
    ['an unknown field', { ...Y2027, year: 2027 }, 'VALIDATION_FAILED', 'body.year'],
  ])('refuses %s, naming the field, and saves nothing', async (_label, body, code, field) => {
    const res = await put('admin', 2027, body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code, field });
    expect(await t.deps.db.selectFrom('calendar_years').select('id').where('year', '=', 2027).execute()).toEqual([]);
  });

  it('refuses a year out of range', async () => {
    expect((await put('admin', 1999, Y2027)).json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'params.year' });
  });

  it('loads a year: deadlines over it are final, the warning goes, and each reload is a new version', async () => {
    expect(addWorkingDays(await getWorkCalendar(t.deps.db), '2026-12-30', 3)).toMatchObject({ date: '2027-01-04', provisional: true, uncoveredYears: [2027] });
    const first = await put('admin', 2027, Y2027);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ year: 2027, version: 1, holidays: Y2027.holidays, makeupWorkdays: Y2027.makeupWorkdays, loadedBy: { name: '平台管理员' } });
    expect(addWorkingDays(await getWorkCalendar(t.deps.db), '2026-12-30', 3)).toMatchObject({ date: '2027-01-05', provisional: false, uncoveredYears: [] });
    expect((await status()).warnings).toEqual([]);

    // A correction: 2027-02-13 is no longer a make-up day.
    clock.set('2026-11-20T10:00:00+08:00');
    const second = await put('admin', 2027, { ...Y2027, makeupWorkdays: ['2027-02-14'], source: '更正' + Y2027.source });
    expect(second.json()).toMatchObject({ version: 2, makeupWorkdays: ['2027-02-14'] });
    const year = (await t.app.inject({ url: '/api/v1/calendar/years/2027', headers: await as('officer.nanguan') })).json();
    expect(year.current.version).toBe(2);
    expect(year.history.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(year.history[1].makeupWorkdays).toEqual(['2027-02-13', '2027-02-14']);
    expect((await getWorkCalendar(t.deps.db)).versions[2027]).toBe(2);

    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['details', 'actor_type'])
      .where('action', '=', 'calendar.year.load')
      .where('target_id', '=', '2027')
      .orderBy('id')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[1]).toMatchObject({ actor_type: 'user', details: { version: 2, makeupWorkdays: { added: [], removed: ['2027-02-13'] }, holidays: { added: [], removed: [] } } });
  });

  it('the start-up sync leaves an admin-loaded year alone', async () => {
    await put('admin', 2026, { holidays: ['2026-01-01'], makeupWorkdays: [], source: '测试：覆盖随版本数据' });
    expect((await syncBundledCalendar(t.deps.db, clock)).loaded).toEqual([]);
    expect((await getWorkCalendar(t.deps.db)).years[2026]?.holidays).toEqual(['2026-01-01']);
  });

  it('numbers concurrent loads without a gap or a duplicate', async () => {
    const results = await Promise.all([1, 2, 3].map(() => put('admin', 2028, { holidays: ['2028-01-01'], makeupWorkdays: [], source: '并发加载测试' })));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(results.map((r) => r.json().version).sort()).toEqual([1, 2, 3]);
  });

  it('answers 404 for a year never loaded', async () => {
    const res = await t.app.inject({ url: '/api/v1/calendar/years/2030', headers: await as('jz.tester') });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('CALENDAR_YEAR_NOT_LOADED');
  });
});
