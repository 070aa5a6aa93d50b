import { describe, expect, it } from 'vitest';
import { assessCredit, type CreditInput } from './credit.ts';

const decided = new Date('2026-08-10T10:00:00+08:00');
const minor = { severity: 'minor' as const, exemptFromCredit: false, decidedAt: decided };
const serious = { severity: 'serious' as const, exemptFromCredit: false, decidedAt: decided };
const base: CreditInput = { year: 2026, violations: [], penalties: 0, dishonest: false, previousYearClean: false };

describe('assessCredit (四(二) 信用联动)', () => {
  it.each<[string, CreditInput, number, string, boolean, string | null]>([
    ['no violations, no clean previous year', base, 100, 'A', false, null],
    ['a clean previous year and none now earns the bonus', { ...base, previousYearClean: true }, 105, 'A', false, null],
    ['one minor violation', { ...base, violations: [minor] }, 95, 'B', false, null],
    ['an exempt trial-period violation leaves the score alone (but forfeits the bonus)', { ...base, previousYearClean: true, violations: [{ ...minor, exemptFromCredit: true }] }, 100, 'A', false, null],
    ['three minor violations and a penalty', { ...base, violations: [minor, minor, minor], penalties: 1 }, 70, 'C', false, null],
    ['one serious violation: downgraded one level, restricted 6 months', { ...base, violations: [serious] }, 80, 'D', true, '2027-02-10T02:00:00.000Z'],
    ['dishonesty: level D, restricted 12 months', { ...base, violations: [serious], dishonest: true }, 80, 'D', true, '2027-08-10T02:00:00.000Z'],
  ])('%s', (_l, input, score, level, downgraded, until) => {
    const a = assessCredit(input);
    expect(a.score).toBe(score);
    expect(a.level).toBe(level);
    expect(a.downgraded).toBe(downgraded);
    expect(a.restrictedUntil?.toISOString() ?? null).toBe(until);
  });
});
