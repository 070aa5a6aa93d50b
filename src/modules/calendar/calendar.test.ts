import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  endOfDayShanghai,
  isWorkingDay,
  validateCalendarYear,
  withYear,
  type WorkCalendar,
} from './calendar.ts';
import { loadBundledCalendar } from './bundled.ts';

const cal = loadBundledCalendar();

describe('bundled calendar', () => {
  it('loads 2025 and 2026', () => {
    expect(Object.keys(cal.years).map(Number)).toEqual(expect.arrayContaining([2025, 2026]));
  });

  it('2026 Spring Festival is 02-15…02-23 with make-up workdays 02-14 and 02-28', () => {
    const y = cal.years[2026];
    const spring = y?.holidays.filter((d) => d >= '2026-02-01' && d <= '2026-02-28');
    expect(spring).toEqual([
      '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19',
      '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
    ]);
    expect(y?.makeupWorkdays).toEqual(expect.arrayContaining(['2026-02-14', '2026-02-28']));
  });

  it('2026 National Day is 10-01…10-07 with make-up workdays 09-20 and 10-10', () => {
    const y = cal.years[2026];
    expect(y?.holidays.filter((d) => d.startsWith('2026-10-'))).toHaveLength(7);
    expect(y?.makeupWorkdays).toEqual(expect.arrayContaining(['2026-09-20', '2026-10-10']));
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-02-13', 'Friday before Spring Festival', true, false],
    ['2026-02-14', 'Saturday make-up workday', true, false],
    ['2026-02-16', 'Spring Festival (Monday)', false, false],
    ['2026-02-21', 'Spring Festival (Saturday)', false, false],
    ['2026-02-28', 'Saturday make-up workday', true, false],
    ['2026-03-07', 'plain Saturday', false, false],
    ['2026-03-08', 'plain Sunday', false, false],
    ['2026-03-09', 'plain Monday', true, false],
    ['2026-09-20', 'Sunday make-up workday before National Day', true, false],
    ['2026-09-25', 'Mid-autumn (Friday)', false, false],
    ['2026-10-07', 'National Day (Wednesday)', false, false],
    ['2026-10-10', 'Saturday make-up workday after National Day', true, false],
    ['2025-10-08', 'National Day 2025 (Wednesday)', false, false],
    ['2027-01-01', 'unloaded year, Friday (New Year, not yet known)', true, true],
    ['2027-01-02', 'unloaded year, Saturday', false, true],
  ])('%s (%s) → working %s, provisional %s', (date, _label, working, provisional) => {
    expect(isWorkingDay(cal, date)).toEqual({ working, provisional });
  });

  it('rejects a malformed or impossible date', () => {
    expect(() => isWorkingDay(cal, '2026-2-3')).toThrow(RangeError);
    expect(() => isWorkingDay(cal, '2026-02-30')).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it.each([
    // from, n, due, why
    ['2026-02-13', 3, '2026-02-25', 'Fri before Spring Festival: 02-14 make-up (1), 02-24 (2), 02-25 (3)'],
    ['2026-02-13', 1, '2026-02-14', 'the Saturday make-up workday counts'],
    ['2026-02-20', 3, '2026-02-26', 'from inside the holiday: 02-24, 02-25, 02-26'],
    ['2026-02-26', 2, '2026-02-28', 'Fri 02-27 (1), Sat 02-28 make-up (2)'],
    ['2026-09-18', 3, '2026-09-22', 'Sun 09-20 make-up (1), 09-21 (2), 09-22 (3)'],
    ['2026-09-24', 1, '2026-09-28', 'Mid-autumn 09-25…09-27 skipped'],
    ['2026-09-30', 3, '2026-10-10', 'National Day: 10-08 (1), 10-09 (2), Sat 10-10 make-up (3)'],
    ['2026-10-03', 3, '2026-10-10', 'from inside National Day'],
    ['2026-03-09', 3, '2026-03-12', 'plain week, Monday'],
    ['2026-03-12', 3, '2026-03-17', 'plain weekend skipped: Fri 13, Mon 16, Tue 17'],
    ['2026-03-14', 3, '2026-03-18', 'change on a Saturday: Mon 16, Tue 17, Wed 18'],
    ['2026-03-10', 0, '2026-03-10', 'n = 0 is the end of the same day'],
    ['2025-01-24', 3, '2025-02-05', '2025 Spring Festival: Sun 01-26 make-up (1), 01-27 (2), 02-05 (3)'],
    ['2025-12-31', 3, '2026-01-06', 'across loaded years: 01-01…03 off, Sun 01-04 make-up (1), 01-05, 01-06'],
  ])('%s + %i working days → %s (%s)', (from, n, due, _why) => {
    const r = addWorkingDays(cal, from, n);
    expect(r).toMatchObject({ date: due, provisional: false, uncoveredYears: [] });
  });

  it('puts the due instant at 23:59:59.999 Beijing time of the due day', () => {
    const r = addWorkingDays(cal, '2026-02-13', 3);
    expect(r.dueAt.toISOString()).toBe('2026-02-25T15:59:59.999Z');
    expect(endOfDayShanghai('2026-02-25').getTime()).toBe(r.dueAt.getTime());
  });

  it.each([
    ['2027-03-01', 3, '2027-03-04', [2027], 'wholly in an unloaded year: weekdays only'],
    ['2026-12-30', 3, '2027-01-04', [2027], 'runs into 2027: Thu 12-31 (1), Fri 01-01 provisional (2), Mon 01-04 (3)'],
    ['2024-12-27', 3, '2025-01-02', [2024], 'starts in unloaded 2024: 12-30, 12-31, then 2025-01-01 holiday, 01-02'],
  ])('%s + %i → %s, provisional, uncovered %j (%s)', (from, n, due, years, _why) => {
    const r = addWorkingDays(cal, from, n);
    expect(r).toMatchObject({ date: due, provisional: true, uncoveredYears: years });
  });

  it('stops being provisional once the year is loaded', () => {
    const with2027 = withYear(cal, 2027, { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], makeupWorkdays: [] });
    expect(addWorkingDays(with2027, '2026-12-30', 3)).toMatchObject({
      date: '2027-01-05',
      provisional: false,
      uncoveredYears: [],
    });
    expect(cal.years[2027]).toBeUndefined();
  });

  it.each([[-1], [1.5], [Number.NaN]])('rejects n = %s', (n) => {
    expect(() => addWorkingDays(cal, '2026-03-09', n)).toThrow(RangeError);
  });

  it('works on an empty calendar (everything provisional)', () => {
    const empty: WorkCalendar = { years: {} };
    expect(addWorkingDays(empty, '2026-02-13', 3)).toMatchObject({
      date: '2026-02-18',
      provisional: true,
      uncoveredYears: [2026],
    });
  });
});

describe('validateCalendarYear', () => {
  it('accepts a good year and sorts it', () => {
    const r = validateCalendarYear(2027, { holidays: ['2027-01-02', '2027-01-01'], makeupWorkdays: ['2027-02-06'] });
    expect(r).toEqual({ ok: true, year: { holidays: ['2027-01-01', '2027-01-02'], makeupWorkdays: ['2027-02-06'] } });
  });

  it.each([
    ['not an object', 'x'],
    ['missing lists', {}],
    ['bad format', { holidays: ['2027-1-1'], makeupWorkdays: [] }],
    ['impossible date', { holidays: ['2027-02-29'], makeupWorkdays: [] }],
    ['other year', { holidays: ['2026-12-31'], makeupWorkdays: [] }],
    ['duplicate', { holidays: ['2027-01-01', '2027-01-01'], makeupWorkdays: [] }],
    ['in both lists', { holidays: ['2027-02-06'], makeupWorkdays: ['2027-02-06'] }],
    ['make-up on a weekday', { holidays: [], makeupWorkdays: ['2027-02-08'] }],
  ])('rejects %s', (_label, input) => {
    const r = validateCalendarYear(2027, input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
  });
});
