import { describe, expect, it } from 'vitest';
import { loadBundledCalendar, withYear, type WorkCalendar } from '../../calendar/index.ts';
import { assessWitnessChange, witnessChangeDeadline } from './change-deadline.ts';

const cal = loadBundledCalendar();

describe('witness change deadline (二(二): 3 working days, official calendar)', () => {
  it.each([
    // changed at (instant), due day, why
    ['2026-02-13T09:30:00+08:00', '2026-02-25', 'Fri before Spring Festival: Sat 02-14 make-up (1), 02-24 (2), 02-25 (3)'],
    ['2026-02-13T00:00:00+08:00', '2026-02-25', 'first instant of the Friday'],
    ['2026-02-13T23:59:59.999+08:00', '2026-02-25', 'last instant of the Friday'],
    ['2026-02-12T23:59:59.999+08:00', '2026-02-24', 'Thursday: Fri 13 (1), Sat 14 make-up (2), Tue 24 (3)'],
    ['2026-02-14T10:00:00+08:00', '2026-02-26', 'on the make-up Saturday: 02-24, 02-25, 02-26'],
    ['2026-02-18T10:00:00+08:00', '2026-02-26', 'inside the Spring Festival holiday'],
    ['2026-02-25T10:00:00+08:00', '2026-02-28', 'Thu 26 (1), Fri 27 (2), Sat 28 make-up (3)'],
    ['2026-09-30T10:00:00+08:00', '2026-10-10', 'eve of National Day: 10-08, 10-09, Sat 10-10 make-up'],
    ['2026-09-30T16:30:00Z', '2026-10-10', '00:30 on 10-01 in Beijing, still 09-30 in UTC: counted from 10-01'],
    ['2026-10-07T10:00:00+08:00', '2026-10-10', 'last day of National Day'],
    ['2026-10-09T10:00:00+08:00', '2026-10-13', 'Sat 10-10 make-up (1), Mon 12 (2), Tue 13 (3)'],
    ['2026-03-12T10:00:00+08:00', '2026-03-17', 'plain weekend skipped'],
  ])('change at %s is due by the end of %s (%s)', (at, due, _why) => {
    const d = witnessChangeDeadline(cal, new Date(at));
    expect(d).toMatchObject({ dueDate: due, provisional: false, uncoveredYears: [] });
    expect(d.dueAt.toISOString()).toBe(new Date(`${due}T23:59:59.999+08:00`).toISOString());
  });

  it.each([
    ['2026-02-25T23:59:59.999+08:00', false],
    ['2026-02-25T15:59:59.999Z', false],
    ['2026-02-26T00:00:00+08:00', true],
    ['2026-02-25T16:00:00.000Z', true],
    ['2026-02-13T09:30:00+08:00', false],
  ])('a change on Fri 2026-02-13 registered at %s is late: %s', (registeredAt, late) => {
    expect(assessWitnessChange(cal, new Date('2026-02-13T09:30:00+08:00'), new Date(registeredAt)).late).toBe(late);
  });

  it.each([
    ['2026-12-30T10:00:00+08:00', '2027-01-04', [2027], 'runs into 2027, not loaded: weekends only'],
    ['2027-02-05T10:00:00+08:00', '2027-02-10', [2027], 'wholly in 2027'],
  ])('change at %s → provisional %s, uncovered %j (%s)', (at, due, years, _why) => {
    expect(witnessChangeDeadline(cal, new Date(at))).toMatchObject({ dueDate: due, provisional: true, uncoveredYears: years });
  });

  it('is final once the year is loaded (here 2027 with New Year 01-01…01-03)', () => {
    const with2027: WorkCalendar = withYear(cal, 2027, { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], makeupWorkdays: [] });
    expect(witnessChangeDeadline(with2027, new Date('2026-12-30T10:00:00+08:00'))).toMatchObject({
      dueDate: '2027-01-05',
      provisional: false,
    });
  });
});
