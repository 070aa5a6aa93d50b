import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { RECOVERY_CODE_COUNT, TOTP_DIGITS, TOTP_DRIFT_STEPS, TOTP_PERIOD_SECONDS } from '../../kernel/policy.ts';

/**
 * TOTP (RFC 6238) through `otpauth`, and recovery codes. Pure over their inputs (time passed in), so the rules are
 * tested at their boundaries: a code of the step before and after is good, two steps away is not, a code is good once.
 */

/** The issuer authenticator apps show above the account. */
export const TOTP_ISSUER = 'QTrace 质量检测监管';

const totpOf = (secretBase32: string, label = 'qtrace') =>
  new TOTP({ issuer: TOTP_ISSUER, label, algorithm: 'SHA1', digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });

/** A new 160-bit secret (RFC 4226 recommends 160 bits), base32 as apps take it. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The otpauth:// URI an authenticator app scans. */
export const totpUri = (secretBase32: string, username: string): string => totpOf(secretBase32, username).toString();

/** The code for a moment (tests, and the e2e test's "phone"). */
export const totpCode = (secretBase32: string, at: Date): string => totpOf(secretBase32).generate({ timestamp: at.getTime() });

export const stepOf = (at: Date): number => Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);

/**
 * The step of a valid code, or null: within the drift allowed, and later than the last step used (a code, once
 * accepted, is not accepted again — nor any code of an earlier step).
 */
export function acceptTotp(secretBase32: string, code: string, at: Date, lastUsedStep: number | null): number | null {
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(code)) return null;
  const delta = totpOf(secretBase32).validate({ token: code, timestamp: at.getTime(), window: TOTP_DRIFT_STEPS });
  if (delta === null) return null;
  const step = stepOf(at) + delta;
  return lastUsedStep !== null && step <= lastUsedStep ? null : step;
}

/** Recovery codes read `abcd-efgh`: letters and digits that cannot be mistaken for each other when copied by hand. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE = /^[a-z0-9]{4}-?[a-z0-9]{4}$/i;

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(8);
    const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]!).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4)}`;
  });
}

/** Stored as SHA-256 of the normalised code: 40 random bits each, and each good once, so a fast hash is enough. */
export const recoveryCodeHash = (code: string): string => createHash('sha256').update(code.toLowerCase().replace('-', '')).digest('hex');
