import type { Generated, Selectable } from 'kysely';

export interface CalendarYearsTable {
  id: Generated<number>;
  year: number;
  version: number;
  /** date[]: written as a Postgres array expression, read back as `YYYY-MM-DD` strings (see service.ts). */
  holidays: string[];
  makeup_workdays: string[];
  source: string;
  loaded_by: string | null;
  loaded_at: Date;
}
export type CalendarYearRow = Selectable<CalendarYearsTable>;

declare module '../../kernel/db/types.ts' {
  interface Database {
    calendar_years: CalendarYearsTable;
  }
}
