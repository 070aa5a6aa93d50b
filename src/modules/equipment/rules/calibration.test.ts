import { describe, expect, it } from 'vitest';
import { CALIBRATION_WARNING_DAYS, durations } from '../../../kernel/policy.ts';
import { calibrationStatus, coverageEnd } from './calibration.ts';

const END = new Date('2027-01-01T00:00:00+08:00'); // exclusive end of a certificate valid to 2026-12-31
const cal = { validFrom: '2026-01-01', validTo: '2026-12-31' };
const at = (ms: number) => new Date(END.getTime() - ms);

describe('calibration state (检定/校准)', () => {
  it.each([
    ['no certificate at all', [], '2026-06-01T12:00:00+08:00', 'none'],
    ['only an expired one', [{ validFrom: '2025-01-01', validTo: '2025-12-31' }], '2026-06-01T12:00:00+08:00', 'not_in_force'],
    ['only one not yet in force', [{ validFrom: '2026-07-01', validTo: '2027-06-30' }], '2026-06-01T12:00:00+08:00', 'not_in_force'],
    ['one in force, far from expiry', [cal], '2026-06-01T12:00:00+08:00', 'valid'],
  ])('%s → %s', (_label, cals, now, state) => {
    expect(calibrationStatus(cals, new Date(now)).state).toBe(state);
  });

  it.each([
    ['1 ms before the end', 'expiring', at(1), END],
    ['exactly at the end', 'not_in_force', at(0), null],
    ['1 ms after the end', 'not_in_force', at(-1), null],
  ])('%s → %s (unusable from the end instant)', (_label, state, now, until) => {
    const s = calibrationStatus([cal], now);
    expect(s.state).toBe(state);
    expect(s.validUntil).toEqual(until);
  });

  it.each([
    ['exactly the warning window before the end', CALIBRATION_WARNING_DAYS * durations.DAY, true],
    ['1 ms more than the window before the end', CALIBRATION_WARNING_DAYS * durations.DAY + 1, false],
  ])('warning: %s → %s', (_label, msBeforeEnd, warning) => {
    const s = calibrationStatus([cal], at(msBeforeEnd));
    expect(s.warning).toBe(warning);
    expect(s.state).toBe(warning ? 'expiring' : 'valid');
  });

  it('a renewal recorded in advance extends the coverage, so there is no warning', () => {
    const renewal = { validFrom: '2026-12-20', validTo: '2027-12-19' };
    const now = at(10 * durations.DAY);
    expect(coverageEnd([cal, renewal], now)).toEqual(new Date('2027-12-20T00:00:00+08:00'));
    expect(calibrationStatus([cal, renewal], now).warning).toBe(false);
  });

  it('a renewal starting the day after expiry continues the coverage; one leaving a gap does not', () => {
    const next = { validFrom: '2027-01-01', validTo: '2027-12-31' };
    const gap = { validFrom: '2027-01-02', validTo: '2027-12-31' };
    expect(coverageEnd([cal, next], at(durations.DAY))).toEqual(new Date('2028-01-01T00:00:00+08:00'));
    expect(coverageEnd([cal, gap], at(durations.DAY))).toEqual(END);
  });
});
