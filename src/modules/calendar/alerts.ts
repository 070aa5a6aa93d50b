import { CALENDAR_NEXT_YEAR_ALERT_FROM } from '../../kernel/policy.ts';
import { beijingDate } from '../../kernel/time.ts';

export interface CalendarWarning {
  code: 'CALENDAR_CURRENT_YEAR_MISSING' | 'CALENDAR_NEXT_YEAR_MISSING';
  year: number;
  message: string;
}

export interface CalendarCoverage {
  /** Today in Beijing. */
  today: string;
  currentYear: number;
  currentYearLoaded: boolean;
  nextYear: number;
  nextYearLoaded: boolean;
  /** From this Beijing date the missing next year is alerted (policy CALENDAR_NEXT_YEAR_ALERT_FROM). */
  nextYearAlertFrom: string;
  warnings: CalendarWarning[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * DESIGN.md §2 rule 8: a deadline over a year that is not loaded is provisional, and that must be alerted, never
 * silent. The current year missing is always alerted; next year's from 1 November, when the State Council has
 * usually published it.
 */
export function calendarCoverage(loadedYears: readonly number[], now: Date): CalendarCoverage {
  const today = beijingDate(now);
  const currentYear = Number(today.slice(0, 4));
  const nextYear = currentYear + 1;
  const { month, day } = CALENDAR_NEXT_YEAR_ALERT_FROM;
  const nextYearAlertFrom = `${currentYear}-${pad(month)}-${pad(day)}`;
  const currentYearLoaded = loadedYears.includes(currentYear);
  const nextYearLoaded = loadedYears.includes(nextYear);
  const warnings: CalendarWarning[] = [];
  if (!currentYearLoaded) {
    warnings.push({
      code: 'CALENDAR_CURRENT_YEAR_MISSING',
      year: currentYear,
      message: `${currentYear}年节假日安排尚未加载：涉及${currentYear}年的工作日期限暂按“周一至周五上班”计算并标记为暂定，请平台管理员立即加载国务院办公厅公布的${currentYear}年节假日安排。`,
    });
  }
  if (!nextYearLoaded && today >= nextYearAlertFrom) {
    warnings.push({
      code: 'CALENDAR_NEXT_YEAR_MISSING',
      year: nextYear,
      message: `${nextYear}年节假日安排尚未加载（国务院办公厅通常于11月公布）：跨入${nextYear}年的工作日期限暂按“周一至周五上班”计算并标记为暂定，请平台管理员在公布后及时加载。`,
    });
  }
  return { today, currentYear, currentYearLoaded, nextYear, nextYearLoaded, nextYearAlertFrom, warnings };
}
