import { describe, expect, it } from 'vitest';
import { commissionRefusal, restrictionInForce, type CommissionFacts } from './coverage.ts';

const made = new Date('2026-03-01T09:00:00+08:00');
const ended = new Date('2026-05-01T00:00:00+08:00');
const c: CommissionFacts = { agencyId: 'A', specialties: ['foundation', 'main_structure'], createdAt: made, terminatedAt: ended };
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);

describe('commissionRefusal', () => {
  it.each<[string, Partial<CommissionFacts>, string, string, Date, string | null]>([
    ['in force, named specialty', {}, 'A', 'foundation', ms(made, 1), null],
    ['the instant it is made', {}, 'A', 'foundation', made, null],
    ['one millisecond before it is made', {}, 'A', 'foundation', ms(made, -1), 'COMMISSION_NOT_YET_MADE'],
    ['one millisecond before termination', {}, 'A', 'main_structure', ms(ended, -1), null],
    ['the instant of termination', {}, 'A', 'main_structure', ended, 'COMMISSION_TERMINATED'],
    ['never terminated, a year on', { terminatedAt: null }, 'A', 'foundation', ms(made, 365 * 86_400_000), null],
    ['another agency', {}, 'B', 'foundation', ms(made, 1), 'COMMISSION_OTHER_AGENCY'],
    ['a specialty not named', {}, 'A', 'road', ms(made, 1), 'COMMISSION_SPECIALTY_NOT_COVERED'],
  ])('%s', (_what, patch, agency, specialty, at, expected) => {
    expect(commissionRefusal({ ...c, ...patch }, agency, specialty as never, at)).toBe(expected);
  });
});

describe('restrictionInForce', () => {
  const from = new Date('2026-08-01T00:00:00+08:00');
  const until = new Date('2027-02-01T00:00:00+08:00');
  it.each<[string, Date | null, Date | null, Date, boolean]>([
    ['before it starts', until, null, ms(from, -1), false],
    ['the instant it starts', until, null, from, true],
    ['one millisecond before it ends', until, null, ms(until, -1), true],
    ['the instant it ends', until, null, until, false],
    ['open-ended, years later', null, null, new Date('2030-01-01T00:00:00Z'), true],
    ['lifted early: before the lifting', until, ms(from, 10_000), ms(from, 9_999), true],
    ['lifted early: at the lifting', until, ms(from, 10_000), ms(from, 10_000), false],
    ['open-ended and lifted', null, ms(from, 10_000), ms(from, 20_000), false],
  ])('%s → %s', (_what, restrictedUntil, liftedAt, at, expected) => {
    expect(restrictionInForce({ restrictedFrom: from, restrictedUntil, liftedAt }, at)).toBe(expected);
  });
});
