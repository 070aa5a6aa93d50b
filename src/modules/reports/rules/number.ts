import { randomBytes, timingSafeEqual } from 'node:crypto';
import { REPORT_CHECK_CODE_LENGTH, REPORT_NUMBER_MAX_SEQ } from '../../../kernel/policy.ts';

/**
 * Report numbers and check codes (issue 5 item 5, 部令57号): `<agency code>-<year>-<seq>`, e.g. `12345678X-2026-000001`.
 * The agency code is the 组织机构代码 inside the agency's 统一社会信用代码 (characters 9–17): official, unique per
 * organisation, and printed on its licence, so the number alone says which agency issued it and numbers of different
 * agencies never collide. The year is the Beijing calendar year of generation; the sequence is consecutive per agency
 * and year.
 */
export const AGENCY_CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{9}$/;
export const REPORT_NUMBER_PATTERN = /^([0-9A-HJ-NPQRTUWXY]{9})-(\d{4})-(\d{6})$/;

/** The 组织机构代码 of a USCC (18 characters), or null when there is none to take it from. */
export function agencyCodeFromUscc(uscc: string | null): string | null {
  if (!uscc || uscc.length !== 18) return null;
  const code = uscc.slice(8, 17);
  return AGENCY_CODE_PATTERN.test(code) ? code : null;
}

export function formatReportNumber(agencyCode: string, year: number, seq: number): string {
  if (!AGENCY_CODE_PATTERN.test(agencyCode)) throw new RangeError(`agency code ${agencyCode} is not a 组织机构代码`);
  if (!Number.isInteger(year) || year < 2000 || year > 2200) throw new RangeError(`year ${year} out of range`);
  if (!Number.isInteger(seq) || seq < 1 || seq > REPORT_NUMBER_MAX_SEQ) throw new RangeError(`report sequence ${seq} out of range`);
  return `${agencyCode}-${year}-${String(seq).padStart(6, '0')}`;
}

/** A typed or scanned number, normalised (blanks removed, upper case, full-width dashes as '-'); null if malformed. */
export function parseReportNumber(text: string): { number: string; agencyCode: string; year: number; seq: number } | null {
  const t = text.normalize('NFKC').replace(/\s+/g, '').replace(/[‐-―－]/g, '-').toUpperCase();
  const m = REPORT_NUMBER_PATTERN.exec(t);
  if (!m) return null;
  const seq = Number(m[3]);
  if (seq < 1) return null;
  return { number: t, agencyCode: m[1]!, year: Number(m[2]), seq };
}

/** Crockford base32: no I, L, O or U, so a code read aloud or typed from paper is not misread. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CHECK_CODE_PATTERN = new RegExp(`^[${CROCKFORD}]{${REPORT_CHECK_CODE_LENGTH}}$`);

/** A new random check code (5 random bits a character). */
export function newCheckCode(bytes: Buffer = randomBytes(REPORT_CHECK_CODE_LENGTH)): string {
  if (bytes.length < REPORT_CHECK_CODE_LENGTH) throw new RangeError('not enough random bytes');
  let out = '';
  for (let i = 0; i < REPORT_CHECK_CODE_LENGTH; i++) out += CROCKFORD[bytes[i]! & 31];
  return out;
}

/** A typed code, as Crockford reads it: case-insensitive, O→0, I/L→1, blanks and dashes ignored; null if malformed. */
export function normaliseCheckCode(text: string): string | null {
  const t = text
    .normalize('NFKC')
    .replace(/[\s-]+/g, '')
    .toUpperCase()
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return CHECK_CODE_PATTERN.test(t) ? t : null;
}

/** Constant-time comparison of two normalised codes. */
export function checkCodesMatch(given: string, stored: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** What the QR code encodes: the console's public verification page for the number, with its check code. */
export function verificationUrl(baseUrl: string, number: string, checkCode: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/r/${encodeURIComponent(number)}?c=${encodeURIComponent(checkCode)}`;
}
