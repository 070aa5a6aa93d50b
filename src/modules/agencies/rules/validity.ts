import { CERTIFICATE_DAY_OFFSET_MS, durations } from '../../../kernel/policy.ts';
import { parseDate } from '../../calendar/index.ts';

/**
 * Validity of certificates whose dates are calendar days (资质证书, 入吉备案, 检定/校准证书, 上岗证).
 *
 * Interpretation ⚙: the printed dates are Beijing calendar days and both are inclusive, so "valid from 2026-01-01
 * to 2026-12-31" is in force from 2026-01-01T00:00:00+08:00 up to, but excluding, 2027-01-01T00:00:00+08:00.
 * At the exclusive end instant the certificate has lapsed. Beijing time has no daylight saving, so a fixed offset
 * is exact.
 */
export interface ValidityPeriod {
  /** `YYYY-MM-DD`, first day in force. */
  validFrom: string;
  /** `YYYY-MM-DD`, last day in force (inclusive). */
  validTo: string;
}

/** The instant a day-dated validity begins: 00:00 Beijing time on `date`. */
export function validityStart(date: string): Date {
  return new Date(parseDate(date) - CERTIFICATE_DAY_OFFSET_MS);
}

/** The exclusive instant a day-dated validity ends: 00:00 Beijing time on the day after `date`. */
export function validityEnd(date: string): Date {
  return new Date(parseDate(date) + durations.DAY - CERTIFICATE_DAY_OFFSET_MS);
}

export function isValidAt(p: ValidityPeriod, at: Date): boolean {
  const t = at.getTime();
  return validityStart(p.validFrom).getTime() <= t && t < validityEnd(p.validTo).getTime();
}

/** True when `validTo` is before `validFrom` (the same day is a one-day validity, allowed). */
export function isInverted(p: ValidityPeriod): boolean {
  return parseDate(p.validTo) < parseDate(p.validFrom);
}

/** The Beijing calendar day of an instant, `YYYY-MM-DD`. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + CERTIFICATE_DAY_OFFSET_MS).toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(parseDate(date) + days * durations.DAY).toISOString().slice(0, 10);
}
