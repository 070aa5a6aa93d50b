import { parseDate } from '../../kernel/time.ts';

/**
 * The official PRC working-day calendar as data (DESIGN.md §2 rule 8).
 *
 * The State Council publishes each year's public holidays and 调休 make-up workdays (usually in November for
 * the next year). A year is plain data, so a platform admin can load the next one without a release. Where a
 * year is not loaded we fall back to "Monday–Friday work" and say so (`provisional`), never silently.
 *
 * All dates are calendar dates `YYYY-MM-DD` as read in Beijing (Asia/Shanghai); the functions here never look at a
 * clock or a time zone, except `dueAt`, which pins the end of the due day to +08:00.
 */

export type CalendarYear = {
  /** Days off: every day of each holiday period, weekend days inside a period included. */
  holidays: string[];
  /** Weekend days that are working days because of 调休. */
  makeupWorkdays: string[];
};

export type WorkCalendar = { years: Record<number, CalendarYear> };

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

const DAY_MS = 86_400_000;

/** Asia/Shanghai has been UTC+8 without daylight saving since 1991, so a fixed offset is exact. */
const SHANGHAI_OFFSET = '+08:00';

/** Inverse of `parseDate`. */
function formatDate(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** Calendar arithmetic on UTC midnights: no DST or zone can shift a day. */
function nextDate(date: string): string {
  return formatDate(parseDate(date) + DAY_MS);
}

function isWeekend(date: string): boolean {
  const dow = new Date(parseDate(date)).getUTCDay();
  return dow === 0 || dow === 6;
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** What kind of day `date` is; `loaded` false when its year is missing and the answer is weekends-only. */
export function classifyDay(cal: WorkCalendar, date: string): { kind: DayKind; loaded: boolean } {
  const weekend = isWeekend(date);
  const year = cal.years[yearOf(date)];
  if (!year) return { kind: weekend ? 'weekend' : 'workday', loaded: false };
  // A make-up workday wins over everything: it is a weekend day declared a working day.
  if (year.makeupWorkdays.includes(date)) return { kind: 'makeup_workday', loaded: true };
  if (year.holidays.includes(date)) return { kind: 'holiday', loaded: true };
  return { kind: weekend ? 'weekend' : 'workday', loaded: true };
}

/** Whether `date` is a working day; `provisional` when its year is not loaded (weekends-only rule applied). */
export function isWorkingDay(cal: WorkCalendar, date: string): { working: boolean; provisional: boolean } {
  const { kind, loaded } = classifyDay(cal, date);
  return { working: kind === 'workday' || kind === 'makeup_workday', provisional: !loaded };
}

export type WorkingDayDeadline = {
  /** The due day, `YYYY-MM-DD`. */
  date: string;
  /** The due instant: 23:59:59.999 Asia/Shanghai on `date`. */
  dueAt: Date;
  /** True when any day counted or skipped fell in a year that is not loaded. */
  provisional: boolean;
  /** Those years, ascending; the console alerts until an admin loads them. */
  uncoveredYears: number[];
};

/**
 * The deadline "within n working days" of an event on `fromDate` (e.g. 二(二): a witness change registered within
 * 3 working days).
 *
 * Interpretation ⚙: the day of the event itself is not counted, whatever kind of day it is; counting starts the
 * next day, and the deadline is the END of the n-th working day AFTER `fromDate` (23:59:59.999 Beijing time).
 * So a change on Friday 2026-02-13 is due 2026-02-25: Sat 02-14 is a make-up workday (1st), 02-15…02-23 is the
 * Spring Festival holiday, Tue 02-24 is the 2nd and Wed 02-25 the 3rd. n = 0 means the end of `fromDate`.
 *
 * Only the days actually walked (after `fromDate`, up to the due day) decide `uncoveredYears`.
 */
export function addWorkingDays(cal: WorkCalendar, fromDate: string, n: number): WorkingDayDeadline {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  parseDate(fromDate);
  const uncovered = new Set<number>();
  let date = fromDate;
  for (let counted = 0; counted < n; ) {
    date = nextDate(date);
    const { working, provisional } = isWorkingDay(cal, date);
    if (provisional) uncovered.add(yearOf(date));
    if (working) counted++;
  }
  const uncoveredYears = [...uncovered].sort((a, b) => a - b);
  return { date, dueAt: endOfDayShanghai(date), provisional: uncoveredYears.length > 0, uncoveredYears };
}

/** 23:59:59.999 of `date` in Asia/Shanghai, as an instant. */
export function endOfDayShanghai(date: string): Date {
  parseDate(date);
  return new Date(`${date}T23:59:59.999${SHANGHAI_OFFSET}`);
}

export type CalendarYearCheck = { ok: true; year: CalendarYear } | { ok: false; errors: string[] };

/** Errors (zh-CN) for one list of dates: format, real day, inside `year`, no repeats. */
function checkDates(year: number, label: string, value: unknown): string[] {
  if (!Array.isArray(value)) return [`${label}应为日期列表`];
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const d of value) {
    if (typeof d !== 'string') {
      errors.push(`${label}含有非日期值`);
      continue;
    }
    try {
      parseDate(d);
    } catch {
      errors.push(`${label}中的“${d}”不是有效日期（格式 YYYY-MM-DD）`);
      continue;
    }
    if (yearOf(d) !== year) errors.push(`${label}中的“${d}”不属于${year}年`);
    if (seen.has(d)) errors.push(`${label}中的“${d}”重复`);
    seen.add(d);
  }
  return errors;
}

/**
 * Checks a year an admin is about to load (untrusted input): both lists present and valid, no date in both,
 * every make-up workday on a weekend (a weekday "make-up" is a typo that would silently change deadlines).
 * Returns the year with sorted lists, ready to put into `WorkCalendar.years`.
 */
export function validateCalendarYear(year: number, input: unknown): CalendarYearCheck {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return { ok: false, errors: [`年份“${year}”无效`] };
  if (typeof input !== 'object' || input === null) return { ok: false, errors: ['日历数据应为对象'] };
  const { holidays, makeupWorkdays } = input as Record<string, unknown>;
  const errors = [...checkDates(year, '放假日期', holidays), ...checkDates(year, '调休上班日期', makeupWorkdays)];
  if (errors.length > 0) return { ok: false, errors };
  const h = [...(holidays as string[])].sort();
  const w = [...(makeupWorkdays as string[])].sort();
  for (const d of w) {
    if (h.includes(d)) errors.push(`“${d}”不能既是放假日又是调休上班日`);
    if (!isWeekend(d)) errors.push(`调休上班日“${d}”不是周六或周日`);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, year: { holidays: h, makeupWorkdays: w } };
}

/** A new calendar with `year` set (replacing any earlier version of that year); the input is not mutated. */
export function withYear(cal: WorkCalendar, year: number, data: CalendarYear): WorkCalendar {
  return { years: { ...cal.years, [year]: data } };
}
