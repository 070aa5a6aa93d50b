import { describe, expect, it } from 'vitest';
import {
  computeResidentIdCheckChar,
  makeValidResidentId,
  maskResidentId,
  validateResidentId,
} from './resident-id.ts';

const NOW = new Date('2026-03-01T12:00:00+08:00');

describe('validateResidentId: valid numbers', () => {
  it.each([
    ['11010519491231002X', '11010519491231002X', 'the GB 11643 example, check X'],
    ['220102198503120019', '220102198503120019', '长春市南关区'],
    ['22058119900101009X', '22058119900101009X', '梅河口市, check X'],
    ['220184200002290014', '220184200002290014', 'born on 29 February of a leap year'],
    ['220381197001010014', '220381197001010014', 'retired region code (公主岭 before 2020) stays valid'],
    ['810000199001010019', '810000199001010019', '香港 prefix (港澳居民居住证)'],
    ['22058119900101009x', '22058119900101009X', 'lower-case x is normalised'],
    [' 220102198503120019 \n', '220102198503120019', 'surrounding whitespace is trimmed'],
    ['220102202603010019', '220102202603010019', 'born today (Beijing date)'],
  ])('%j → %s (%s)', (input, code, _why) => {
    expect(validateResidentId(input, NOW)).toEqual({ ok: true, code });
  });
});

describe('validateResidentId: failures', () => {
  it.each([
    ['', 'length'],
    ['22010219850312001', 'length'],
    ['2201021985031200190', 'length'],
    ['220102850312001', 'length'], // old 15-digit numbers are no longer issued or accepted
    ['22010219850312001A', 'charset'],
    ['2201021985031X0019', 'charset'],
    ['2201 0219850312001', 'charset'],
    ['000102198503120013', 'region'],
    ['990102198503120010', 'region'],
    ['220102198502300014', 'birth_date'], // 30 February
    ['220102190002290014', 'birth_date'], // 1900 is not a leap year
    ['220102189912310014', 'birth_date'], // before 1900
    ['220102202603020014', 'birth_date'], // tomorrow in Beijing
    ['220102198513010014', 'birth_date'], // month 13
    ['220102198503120018', 'checksum'],
    ['11010519491231002Y', 'charset'],
    ['110105194912310021', 'checksum'],
  ])('%j → %s', (input, reason) => {
    const r = validateResidentId(input, NOW);
    expect(r).toMatchObject({ ok: false, reason });
    if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('reads "today" in Beijing time: just after Beijing midnight the new day is allowed', () => {
    const justAfterMidnight = new Date('2026-03-01T16:30:00Z'); // 2026-03-02 00:30 in Beijing
    expect(validateResidentId(makeValidResidentId(1, '20260302'), justAfterMidnight).ok).toBe(true);
    expect(validateResidentId(makeValidResidentId(1, '20260302'), new Date('2026-03-01T15:30:00Z')).ok).toBe(false);
  });
});

describe('computeResidentIdCheckChar', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['22010219850312001', '9'],
    ['22058119900101017', 'X'],
  ])('%s → %s', (first17, check) => {
    expect(computeResidentIdCheckChar(first17)).toBe(check);
  });

  it('refuses non-digits', () => {
    expect(() => computeResidentIdCheckChar('2201021985031200X')).toThrow(RangeError);
  });
});

describe('maskResidentId', () => {
  it.each([
    ['11010519491231002X', '110***********002X'],
    ['22058119900101009x', '220***********009X'],
    [' 220102198503120019 ', '220***********0019'],
    ['2201021985031', '***********31'], // malformed: all but the last 2
    ['1234', '****'],
    ['', ''],
  ])('%j → %s', (input, masked) => {
    expect(maskResidentId(input)).toBe(masked);
  });
});

describe('makeValidResidentId', () => {
  it.each([
    [1, '19850312', '220102'],
    [9, '19900101', '220581'],
    [5, '19491001', '222401'],
    [8, '20260101', '229901'],
    [-3, '20000229', '220184'],
    [12_345, '19700101', '220102'],
  ])('seed %i, birth %s, region %s → valid', (seed, birth, region) => {
    const id = makeValidResidentId(seed, birth, region);
    expect(id.slice(0, 14)).toBe(`${region}${birth}`);
    expect(validateResidentId(id, NOW)).toEqual({ ok: true, code: id });
  });

  it('is deterministic and defaults to 220102', () => {
    expect(makeValidResidentId(1, '19850312')).toBe('220102198503120019');
    expect(makeValidResidentId(1, '19850312')).toBe(makeValidResidentId(1, '19850312'));
  });

  it('refuses an impossible birth date or region', () => {
    expect(() => makeValidResidentId(1, '19850230')).toThrow(RangeError);
    expect(() => makeValidResidentId(1, '19850312', '2201')).toThrow(RangeError);
  });
});
