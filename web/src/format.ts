import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

/** Every time on the platform is shown in Beijing time, whatever the browser's own zone. */
export const TIME_ZONE = 'Asia/Shanghai';

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.tz(TIME_ZONE).format('YYYY-MM-DD HH:mm:ss') : '—';
}

export const orDash = (s: string | null | undefined): string => (s == null || s === '' ? '—' : s);

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.tz(TIME_ZONE).format('YYYY-MM-DD') : '—';
}

/** Today in Beijing as YYYY-MM-DD: the calendar day every validity date on the platform refers to. */
export const todayBeijing = (): string => dayjs().tz(TIME_ZONE).format('YYYY-MM-DD');

/** A date picked in a DatePicker as the platform's YYYY-MM-DD. */
export const toDateString = (d: Dayjs): string => d.format('YYYY-MM-DD');

/** A date-and-time picked in a DatePicker, read as Beijing wall-clock time, as an ISO instant. */
export const toBeijingInstant = (d: Dayjs): string => dayjs.tz(d.format('YYYY-MM-DD HH:mm:ss'), TIME_ZONE).toISOString();

/** A validity period for people: "2026-01-01 至 2028-12-31". */
export const formatPeriod = (from: string, to: string): string => `${from} 至 ${to}`;

/** Whole days from today (Beijing) to a YYYY-MM-DD date; negative when it has passed. */
export const daysUntil = (date: string): number => dayjs.tz(date, TIME_ZONE).diff(dayjs.tz(todayBeijing(), TIME_ZONE), 'day');

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** The last calendar day (Beijing) of a period whose end the API gives as an exclusive instant. */
export function lastDayBefore(exclusiveEnd: string | null | undefined): string {
  if (!exclusiveEnd) return '—';
  const d = dayjs(exclusiveEnd);
  return d.isValid() ? d.subtract(1, 'millisecond').tz(TIME_ZONE).format('YYYY-MM-DD') : '—';
}
