import { describe, expect, it } from 'vitest';
import { computeOrgCodeCheckChar, computeUsccCheckChar, makeValidUscc, validateUscc } from './uscc.ts';

describe('validateUscc: valid codes', () => {
  it.each([
    ['91110000600037341L', '91110000600037341L', 'published example (Beijing enterprise)'],
    ['91220101MA0Y3X2A9P', '91220101MA0Y3X2A9P', 'letters in the organisation body (MA… as issued since 2015)'],
    ['52220000MA17L4FP0A', '52220000MA17L4FP0A', '民政 / 民办非企业单位'],
    ['122200004127651735', '122200004127651735', '机构编制 / 事业单位'],
    ['9122010014574449XQ', '9122010014574449XQ', 'organisation check character X'],
    ['912201004471499280', '912201004471499280', 'USCC check 31 → 0'],
    ['91220101ma0y3x2a9p', '91220101MA0Y3X2A9P', 'lower case is normalised'],
    ['  91110000600037341L\t\n', '91110000600037341L', 'surrounding whitespace is trimmed'],
  ])('%j → %s (%s)', (input, code, _why) => {
    expect(validateUscc(input)).toEqual({ ok: true, code });
  });
});

describe('validateUscc: failures', () => {
  it.each([
    ['', 'length'],
    ['91110000600037341', 'length'],
    ['91110000600037341LL', 'length'],
    ['9111 000600037341L', 'charset'], // inner space is not trimmed
    ['91110000600037341I', 'charset'], // I is excluded
    ['911100006000373O1L', 'charset'], // O is excluded
    ['91220101MS0Y3X2A9P', 'charset'], // S is excluded
    ['B1110000600037341L', 'format'], // B is no registration authority
    ['9A110000600037341L', 'format'], // the type code is a digit
    ['911A0000600037341L', 'format'], // the region code is 6 digits
    ['91110000600037342L', 'org_code_checksum'], // 600037342 ≠ 60003734-1
    ['91110000600037341M', 'checksum'],
    ['91110000600073341L', 'org_code_checksum'], // transposed digits inside the organisation code
    ['92110000600037341L', 'checksum'], // wrong type code for the rest
  ])('%j → %s', (input, reason) => {
    const r = validateUscc(input);
    expect(r).toMatchObject({ ok: false, reason });
    if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('check characters', () => {
  it.each([
    ['60003734', '1'],
    ['14574449', 'X'],
    ['41276517', '3'],
  ])('organisation code body %s → %s', (body, check) => {
    expect(computeOrgCodeCheckChar(body)).toBe(check);
  });

  it.each([
    ['91110000600037341', 'L'],
    ['91220101ma0y3x2a9', 'P'],
    ['91220100447149928', '0'],
  ])('USCC first 17 %s → %s', (first17, check) => {
    expect(computeUsccCheckChar(first17)).toBe(check);
  });

  it('refuses a wrong length or character', () => {
    expect(() => computeUsccCheckChar('9111000060003734')).toThrow(RangeError);
    expect(() => computeUsccCheckChar('9111000060003734I')).toThrow(RangeError);
    expect(() => computeOrgCodeCheckChar('6000373')).toThrow(RangeError);
  });
});

describe('makeValidUscc', () => {
  it.each([[0], [1], [2], [42], [24], [40], [999_999]])('seed %i gives a valid code in 220100', (seed) => {
    const code = makeValidUscc(seed);
    expect(code).toMatch(/^91220100/);
    expect(validateUscc(code)).toEqual({ ok: true, code });
  });

  it('is deterministic, differs by seed, honours the region', () => {
    expect(makeValidUscc(7)).toBe(makeValidUscc(7));
    expect(makeValidUscc(7)).not.toBe(makeValidUscc(8));
    expect(makeValidUscc(7, '220581').slice(2, 8)).toBe('220581');
    expect(validateUscc(makeValidUscc(7, '220581')).ok).toBe(true);
    expect(() => makeValidUscc(1, '2201')).toThrow(RangeError);
  });
});
