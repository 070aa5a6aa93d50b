import { describe, expect, it } from 'vitest';
import { calendarCoverage } from './alerts.ts';
import { beijingDate } from '../../kernel/time.ts';

describe('beijingDate', () => {
  it.each([
    ['2026-02-12T15:59:59.999Z', '2026-02-12'],
    ['2026-02-12T16:00:00.000Z', '2026-02-13'],
    ['2026-02-13T00:00:00+08:00', '2026-02-13'],
    ['2026-12-31T23:59:59+08:00', '2026-12-31'],
    ['2026-12-31T16:00:00Z', '2027-01-01'],
  ])('%s is %s in Beijing', (at, date) => {
    expect(beijingDate(new Date(at))).toBe(date);
  });
});

describe('calendarCoverage', () => {
  it.each([
    // now, loaded years, expected warning codes
    ['2026-06-01T12:00:00+08:00', [2025, 2026], []],
    ['2026-10-31T23:59:59.999+08:00', [2025, 2026], []],
    ['2026-10-31T16:00:00.000Z', [2025, 2026], ['CALENDAR_NEXT_YEAR_MISSING']],
    ['2026-11-01T00:00:00+08:00', [2025, 2026], ['CALENDAR_NEXT_YEAR_MISSING']],
    ['2026-12-31T23:59:59+08:00', [2025, 2026], ['CALENDAR_NEXT_YEAR_MISSING']],
    ['2026-11-15T09:00:00+08:00', [2025, 2026, 2027], []],
    ['2027-01-01T00:00:00+08:00', [2025, 2026], ['CALENDAR_CURRENT_YEAR_MISSING']],
    ['2027-11-02T00:00:00+08:00', [2026], ['CALENDAR_CURRENT_YEAR_MISSING', 'CALENDAR_NEXT_YEAR_MISSING']],
    ['2026-03-01T00:00:00+08:00', [], ['CALENDAR_CURRENT_YEAR_MISSING']],
  ])('at %s with %j loaded → %j', (now, years, codes) => {
    const c = calendarCoverage(years, new Date(now));
    expect(c.warnings.map((w) => w.code)).toEqual(codes);
    for (const w of c.warnings) expect(w.message).toContain(`${w.year}年节假日安排尚未加载`);
  });

  it('reports the years it looked at', () => {
    expect(calendarCoverage([2026], new Date('2026-11-01T08:00:00+08:00'))).toMatchObject({
      today: '2026-11-01',
      currentYear: 2026,
      currentYearLoaded: true,
      nextYear: 2027,
      nextYearLoaded: false,
      nextYearAlertFrom: '2026-11-01',
    });
  });
});
