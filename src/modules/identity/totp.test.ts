import { describe, expect, it } from 'vitest';
import { TOTP_PERIOD_SECONDS } from '../../kernel/policy.ts';
import { acceptTotp, newRecoveryCodes, newTotpSecret, RECOVERY_CODE, recoveryCodeHash, stepOf, totpCode, totpUri } from './totp.ts';

const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const at = new Date('2026-12-05T10:00:10+08:00');
const step = (n: number) => new Date(at.getTime() + n * TOTP_PERIOD_SECONDS * 1000);

describe('acceptTotp', () => {
  it.each([
    ['the current step', 0, true],
    ['one step earlier (phone behind)', -1, true],
    ['one step later (phone ahead)', 1, true],
    ['two steps earlier', -2, false],
    ['two steps later', 2, false],
  ])('a code of %s', (_name, offset, ok) => {
    expect(acceptTotp(secret, totpCode(secret, step(offset)), at, null) !== null).toBe(ok);
  });

  it('accepts a code once, and no code of an earlier step after it', () => {
    const used = acceptTotp(secret, totpCode(secret, at), at, null)!;
    expect(used).toBe(stepOf(at));
    expect(acceptTotp(secret, totpCode(secret, at), at, used)).toBeNull();
    expect(acceptTotp(secret, totpCode(secret, step(-1)), at, used)).toBeNull();
    expect(acceptTotp(secret, totpCode(secret, step(1)), at, used)).toBe(used + 1);
  });

  it('refuses malformed codes and codes of another secret', () => {
    for (const bad of ['', '12345', '1234567', 'abcdef', ' 123456']) expect(acceptTotp(secret, bad, at, null)).toBeNull();
    expect(acceptTotp(newTotpSecret(), totpCode(secret, at), at, null)).toBeNull();
  });

  it('matches RFC 6238 appendix B (SHA-1, 8 digits truncated to the last 6)', () => {
    // RFC 6238's SHA-1 seed "12345678901234567890" in base32; at T=59 s the 8-digit code is 94287082.
    expect(totpCode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', new Date(59_000))).toBe('287082');
  });

  it('gives apps a URI with the platform as issuer and the person as account', () => {
    const uri = totpUri(secret, 'officer.nanguan');
    expect(uri).toMatch(/^otpauth:\/\/totp\/.*officer\.nanguan\?/);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain('period=30');
  });
});

describe('recovery codes', () => {
  it('are ten distinct codes, readable, hashed however they are typed', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(RECOVERY_CODE);
    const c = codes[0]!;
    expect(recoveryCodeHash(c.toUpperCase())).toBe(recoveryCodeHash(c));
    expect(recoveryCodeHash(c.replace('-', ''))).toBe(recoveryCodeHash(c));
  });
});
