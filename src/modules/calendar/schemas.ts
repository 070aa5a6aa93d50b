import { Type } from 'typebox';
import { DateTime } from '../../kernel/http/schemas.ts';

export const DateOnly = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD（北京时间日历日）' });

export const CalendarYearVersionSchema = Type.Object(
  {
    year: Type.Integer(),
    version: Type.Integer({ description: '第几次加载；最新版本生效，旧版本保留' }),
    holidays: Type.Array(Type.String(), { description: '放假日期（含假期内的周末）' }),
    makeupWorkdays: Type.Array(Type.String(), { description: '调休上班日（周六或周日）' }),
    source: Type.String({ description: '来源：国务院办公厅通知文号或网址' }),
    loadedAt: DateTime,
    loadedBy: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()], { description: '为空表示随版本发布、启动时加载' }),
  },
  { $id: 'CalendarYearVersion' },
);

export const Warning = Type.Object({
  code: Type.Union([Type.Literal('CALENDAR_CURRENT_YEAR_MISSING'), Type.Literal('CALENDAR_NEXT_YEAR_MISSING')]),
  year: Type.Integer(),
  message: Type.String(),
});

export const CalendarStatusSchema = Type.Object(
  {
    today: Type.String({ description: '北京时间今日' }),
    currentYear: Type.Integer(),
    currentYearLoaded: Type.Boolean(),
    nextYear: Type.Integer(),
    nextYearLoaded: Type.Boolean(),
    nextYearAlertFrom: Type.String({ description: '自此日起（北京时间）提醒加载下一年度' }),
    warnings: Type.Array(Warning, { description: '未加载年度的提醒：其间的工作日期限按周末规则暂定' }),
    years: Type.Array(
      Type.Object({
        year: Type.Integer(),
        version: Type.Integer(),
        source: Type.String(),
        loadedAt: DateTime,
        holidays: Type.Integer({ description: '放假天数' }),
        makeupWorkdays: Type.Integer({ description: '调休上班天数' }),
      }),
    ),
  },
  { $id: 'CalendarStatus' },
);

export const YearParams = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });

export const CalendarYearBody = Type.Object(
  {
    holidays: Type.Array(DateOnly, { maxItems: 366 }),
    makeupWorkdays: Type.Array(DateOnly, { maxItems: 104 }),
    source: Type.String({ minLength: 1, maxLength: 500, description: '国务院办公厅通知文号或网址' }),
  },
  { additionalProperties: false },
);

/** The shapes of this module that others reference by name (`$id`); added once at the app root. */
export const namedSchemas = [CalendarYearVersionSchema, CalendarStatusSchema];

/**
 * The error `code`s this module's routes can answer with besides the platform-wide ones (PLATFORM_ERROR_CODES); every
 * route of the module lists them in /openapi.json as `x-error-codes`. src/kernel/http/error-codes.test.ts fails when the
 * module's code produces a code missing here.
 */
export const ERROR_CODES: readonly string[] = [
  'CALENDAR_CURRENT_YEAR_MISSING',
  'CALENDAR_INVALID',
  'CALENDAR_NEXT_YEAR_MISSING',
  'CALENDAR_SOURCE_REQUIRED',
  'CALENDAR_YEAR_NOT_LOADED',
];
