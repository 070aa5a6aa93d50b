import { describe, expect, it } from 'vitest';
import { makeValidUscc } from '../../registry/index.ts';
import { agencyCodeFromUscc, checkCodesMatch, formatReportNumber, newCheckCode, normaliseCheckCode, parseReportNumber, verificationUrl } from './number.ts';

describe('report numbers', () => {
  it('take the 组织机构代码 (characters 9–17) of the agency\'s USCC', () => {
    const uscc = makeValidUscc(9, '220102');
    expect(agencyCodeFromUscc(uscc)).toBe(uscc.slice(8, 17));
    expect(agencyCodeFromUscc(null)).toBeNull();
    expect(agencyCodeFromUscc('91220102')).toBeNull();
  });

  it.each<[number, string]>([
    [1, '12345678X-2026-000001'],
    [42, '12345678X-2026-000042'],
    [999_999, '12345678X-2026-999999'],
  ])('sequence %i formats as %s', (seq, expected) => {
    expect(formatReportNumber('12345678X', 2026, seq)).toBe(expected);
  });

  it.each([0, -1, 1_000_000, 1.5])('refuses sequence %s', (seq) => {
    expect(() => formatReportNumber('12345678X', 2026, seq)).toThrow(RangeError);
  });

  it('parses typed numbers leniently (case, blanks, full-width dash) and refuses malformed ones', () => {
    expect(parseReportNumber(' 12345678x－2026－000007 ')).toEqual({ number: '12345678X-2026-000007', agencyCode: '12345678X', year: 2026, seq: 7 });
    for (const bad of ['', '12345678X-2026-0000007', '12345678X-26-000007', '12345678X-2026-000000', 'JC-2026-000001', '1234567IX-2026-000001', "12345678X-2026-000001' or 1=1"]) {
      expect(parseReportNumber(bad), bad).toBeNull();
    }
  });
});

describe('check codes', () => {
  it('are 8 characters of Crockford base32 from the random bytes', () => {
    expect(newCheckCode(Buffer.from([0, 1, 31, 32, 255, 10, 17, 18]))).toBe('01Z0ZAHJ');
    expect(newCheckCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(() => newCheckCode(Buffer.alloc(7))).toThrow(RangeError);
  });

  it('are read as Crockford reads them: any case, O as 0, I and L as 1, blanks and dashes ignored', () => {
    expect(normaliseCheckCode('o1zo-zahj')).toBe('01Z0ZAHJ');
    expect(normaliseCheckCode('IL23 4567')).toBe('11234567');
    expect(normaliseCheckCode('0123456')).toBeNull();
    expect(normaliseCheckCode('0123456U')).toBeNull();
    expect(normaliseCheckCode('012345678')).toBeNull();
  });

  it('compare exactly', () => {
    expect(checkCodesMatch('01Z0ZAHJ', '01Z0ZAHJ')).toBe(true);
    expect(checkCodesMatch('01Z0ZAHK', '01Z0ZAHJ')).toBe(false);
    expect(checkCodesMatch('01Z0ZAH', '01Z0ZAHJ')).toBe(false);
  });
});

it('the QR code opens the public verification page of the number with its code', () => {
  expect(verificationUrl('https://qtrace.jl.gov.cn/', '12345678X-2026-000001', '01Z0ZAHJ')).toBe('https://qtrace.jl.gov.cn/r/12345678X-2026-000001?c=01Z0ZAHJ');
  expect(verificationUrl('', '12345678X-2026-000001', '01Z0ZAHJ')).toBe('/r/12345678X-2026-000001?c=01Z0ZAHJ');
});
