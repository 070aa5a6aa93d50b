import { CERTIFICATE_DAY_OFFSET_MS, durations, PLATFORM_TIME_ZONE } from './policy.ts';

/**
 * Beijing time, in one place. The notice counts days, deadlines and years in Beijing time (Asia/Shanghai), which has
 * been UTC+8 without daylight saving since 1991, so a fixed offset is exact; the formatters use the zone by name.
 * Dates are `YYYY-MM-DD` strings; arithmetic on them runs on UTC midnights, so no zone can shift a day.
 */
export const BEIJING_OFFSET_MS = CERTIFICATE_DAY_OFFSET_MS;

/** Milliseconds of the UTC midnight of a `YYYY-MM-DD` date; throws RangeError on anything else or a date that does not exist. */
export function parseDate(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`not a real date: ${date}`);
  }
  return t;
}

/** The calendar date (`YYYY-MM-DD`) of an instant as read in Beijing, where the notice's days are counted. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(parseDate(date) + days * durations.DAY).toISOString().slice(0, 10);
}

/** The Beijing calendar year of an instant (the enforcement ladder's window, ⚙ policy: calendar year). */
export function beijingYear(d: Date): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: PLATFORM_TIME_ZONE, year: 'numeric' }).format(d));
}

/** [start, end) of a Beijing calendar year. */
export function yearBounds(year: number): { from: Date; to: Date } {
  return { from: new Date(`${year}-01-01T00:00:00+08:00`), to: new Date(`${year + 1}-01-01T00:00:00+08:00`) };
}

const minuteFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: PLATFORM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
const secondFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: PLATFORM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** '2026-07-15 12:00' read in Beijing: how people see an instant in notices and case files. */
export function formatBeijing(d: Date): string {
  return minuteFormat.format(d);
}

/** '2026-07-15 12:00:00' read in Beijing: how people see an instant where seconds matter (deadlines). */
export function beijingTime(d: Date): string {
  return secondFormat.format(d);
}

/** Beijing wall-clock time of an instant as a `Date` whose UTC fields read as Beijing time (for Excel, which has no zones). */
export function beijingWallClock(d: Date): Date {
  return new Date(d.getTime() + BEIJING_OFFSET_MS);
}

/**
 * Validity of certificates whose dates are calendar days (资质证书, 入吉备案, 检定/校准证书, 上岗证).
 *
 * Interpretation ⚙: the printed dates are Beijing calendar days and both are inclusive, so "valid from 2026-01-01
 * to 2026-12-31" is in force from 2026-01-01T00:00:00+08:00 up to, but excluding, 2027-01-01T00:00:00+08:00.
 * At the exclusive end instant the certificate has lapsed.
 */
export interface ValidityPeriod {
  /** `YYYY-MM-DD`, first day in force. */
  validFrom: string;
  /** `YYYY-MM-DD`, last day in force (inclusive). */
  validTo: string;
}

/** The instant a day-dated validity begins: 00:00 Beijing time on `date`. */
export function validityStart(date: string): Date {
  return new Date(parseDate(date) - BEIJING_OFFSET_MS);
}

/** The exclusive instant a day-dated validity ends: 00:00 Beijing time on the day after `date`. */
export function validityEnd(date: string): Date {
  return new Date(parseDate(date) + durations.DAY - BEIJING_OFFSET_MS);
}

export function isValidAt(p: ValidityPeriod, at: Date): boolean {
  const t = at.getTime();
  return validityStart(p.validFrom).getTime() <= t && t < validityEnd(p.validTo).getTime();
}

/** True when `validTo` is before `validFrom` (the same day is a one-day validity, allowed). */
export function isInverted(p: ValidityPeriod): boolean {
  return parseDate(p.validTo) < parseDate(p.validFrom);
}
