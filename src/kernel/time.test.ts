import { describe, expect, it } from 'vitest';
import { addDays, beijingDate, isInverted, isValidAt, validityEnd, validityStart } from './time.ts';

const period = { validFrom: '2026-01-01', validTo: '2026-12-31' };

describe('day-dated validity (Beijing calendar days, inclusive)', () => {
  it('starts at 00:00 Beijing on the first day and ends, exclusive, at 00:00 Beijing after the last', () => {
    expect(validityStart('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(validityEnd('2026-12-31').toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it.each([
    ['1 ms before the first day', '2025-12-31T23:59:59.999+08:00', false],
    ['exactly at the start', '2026-01-01T00:00:00.000+08:00', true],
    ['the last day, 1 ms before midnight', '2026-12-31T23:59:59.999+08:00', true],
    ['exactly at the exclusive end (midnight)', '2027-01-01T00:00:00.000+08:00', false],
    ['1 ms past the end', '2027-01-01T00:00:00.001+08:00', false],
    ['one second past the end', '2027-01-01T00:00:01+08:00', false],
    ['2026-12-31 16:00 UTC, already 01-01 in Beijing', '2026-12-31T16:00:00Z', false],
  ])('%s → %s', (_label, at, expected) => {
    expect(isValidAt(period, new Date(at))).toBe(expected);
  });

  it('a one-day validity holds for that whole Beijing day only', () => {
    const day = { validFrom: '2026-02-28', validTo: '2026-02-28' };
    expect(isValidAt(day, new Date('2026-02-28T00:00:00+08:00'))).toBe(true);
    expect(isValidAt(day, new Date('2026-02-28T23:59:59.999+08:00'))).toBe(true);
    expect(isValidAt(day, new Date('2026-03-01T00:00:00+08:00'))).toBe(false);
    expect(isInverted(day)).toBe(false);
  });

  it.each([
    [{ validFrom: '2026-01-02', validTo: '2026-01-01' }, true],
    [{ validFrom: '2026-01-01', validTo: '2026-01-01' }, false],
    [{ validFrom: '2025-12-31', validTo: '2026-01-01' }, false],
  ])('inverted %j → %s', (p, expected) => expect(isInverted(p)).toBe(expected));

  it('rejects dates that are not real days', () => {
    expect(() => isValidAt({ validFrom: '2026-02-30', validTo: '2026-03-01' }, new Date())).toThrow(RangeError);
  });

  it.each([
    ['2026-06-30T15:59:59.999Z', '2026-06-30'],
    ['2026-06-30T16:00:00.000Z', '2026-07-01'],
  ])('the Beijing date of %s is %s', (at, date) => expect(beijingDate(new Date(at))).toBe(date));

  it('adds calendar days across month and leap-year ends', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
