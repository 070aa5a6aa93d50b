import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely, type Transaction } from 'kysely';
import { requireAuthenticated, requireRole, type RequestContext } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import { systemClock, type Clock } from '../../kernel/clock.ts';
import { advisoryXactLock, LOCKS } from '../../kernel/db/locks.ts';
import type { Database } from '../../kernel/db/types.ts';
import { badRequest, notFound } from '../../kernel/errors.ts';
import { calendarCoverage, type CalendarCoverage } from './alerts.ts';
import { BUNDLED_CALENDAR_DIR, loadBundledCalendar } from './bundled.ts';
import { validateCalendarYear, type WorkCalendar } from './calendar.ts';
import './tables.ts';

/**
 * Advisory-lock key for loading calendar years ("QT" + 0x0C01): the start-up sync of several processes and an
 * admin's load serialise here, so versions are numbered without gaps or duplicates.
 */
export const CALENDAR_LOCK = LOCKS.calendarSync;

type Db = Kysely<Database> | Transaction<Database>;

/** The calendar in force, with the version of each year it was built from (kept in evidence beside a deadline). */
export type LoadedWorkCalendar = WorkCalendar & { versions: Record<number, number> };

export interface CalendarYearVersion {
  year: number;
  version: number;
  holidays: string[];
  makeupWorkdays: string[];
  source: string;
  loadedAt: string;
  /** null: shipped with the release and loaded at start. */
  loadedBy: { id: string; name: string } | null;
}

export interface CalendarStatus extends CalendarCoverage {
  years: { year: number; version: number; source: string; loadedAt: string; holidays: number; makeupWorkdays: number }[];
}

/** date[] read as sorted `YYYY-MM-DD` text, whatever the server's DateStyle and on both drivers. */
const datesOf = (column: 'holidays' | 'makeup_workdays') =>
  sql<string[]>`array(select to_char(d, 'YYYY-MM-DD') from unnest(${sql.ref(column)}) as d order by d)`;

/** A list of validated dates as a date[] expression (text in, cast by the server: no driver array encoding). */
const dateArray = (dates: readonly string[]) => sql<string[]>`string_to_array(${dates.join(',')}, ',')::date[]`;

function versionsQuery(db: Db) {
  return db
    .selectFrom('calendar_years as c')
    .leftJoin('users as u', 'u.id', 'c.loaded_by')
    .select(['c.year', 'c.version', 'c.source', 'c.loaded_at', 'c.loaded_by', 'u.display_name as loaded_by_name'])
    .select([datesOf('holidays').as('holidays'), datesOf('makeup_workdays').as('makeup_workdays')]);
}

type VersionRow = Awaited<ReturnType<ReturnType<typeof versionsQuery>['executeTakeFirstOrThrow']>>;

const toVersion = (r: VersionRow): CalendarYearVersion => ({
  year: r.year,
  version: r.version,
  holidays: r.holidays,
  makeupWorkdays: r.makeup_workdays,
  source: r.source,
  loadedAt: r.loaded_at.toISOString(),
  loadedBy: r.loaded_by ? { id: r.loaded_by, name: r.loaded_by_name ?? '' } : null,
});

/** The latest version of every loaded year. */
async function latestVersions(db: Db): Promise<VersionRow[]> {
  return versionsQuery(db).distinctOn('c.year').orderBy('c.year').orderBy('c.version', 'desc').execute();
}

/**
 * The working-day calendar in force, read from the database on each call so that every process sees a year the
 * moment an admin loads it. Pass the transaction when computing a deadline inside one.
 */
export async function getWorkCalendar(db: Db): Promise<LoadedWorkCalendar> {
  const years: WorkCalendar['years'] = {};
  const versions: Record<number, number> = {};
  for (const r of await latestVersions(db)) {
    years[r.year] = { holidays: r.holidays, makeupWorkdays: r.makeup_workdays };
    versions[r.year] = r.version;
  }
  return { years, versions };
}

/** The notice a bundled file names, for the `source` of its row. */
function bundledSource(dir: string, year: number): string {
  const raw = JSON.parse(readFileSync(join(dir, `cn-${year}.json`), 'utf8')) as Record<string, unknown>;
  const parts = [raw.notice, raw.noticeUrl].filter((p): p is string => typeof p === 'string' && p.length > 0);
  return `随版本发布（cn-${year}.json）${parts.length > 0 ? `：${parts.join(' ')}` : ''}`.slice(0, 500);
}

/**
 * Loads the years shipped with the release (`data/cn-YYYY.json`) that the database does not have yet. A year
 * already in the database is left alone, whether it came from an earlier release or from an admin: the database
 * is the source of truth, and a correction is an admin's new version. Safe to run from every process at start.
 */
export async function syncBundledCalendar(
  db: Kysely<Database>,
  clock: Clock = systemClock,
  dir: string = BUNDLED_CALENDAR_DIR,
): Promise<{ loaded: number[] }> {
  const bundled = loadBundledCalendar(dir);
  return db.transaction().execute(async (trx) => {
    await advisoryXactLock(trx, CALENDAR_LOCK);
    const present = new Set((await trx.selectFrom('calendar_years').select('year').distinct().execute()).map((r) => r.year));
    const now = clock.now();
    const ctx: RequestContext = { actor: { kind: 'system', name: 'calendar-sync' }, requestId: 'calendar-sync', clientIp: null, now };
    const loaded: number[] = [];
    for (const [y, data] of Object.entries(bundled.years)) {
      const year = Number(y);
      if (present.has(year)) continue;
      const source = bundledSource(dir, year);
      await trx
        .insertInto('calendar_years')
        .values({ year, version: 1, holidays: dateArray(data.holidays), makeup_workdays: dateArray(data.makeupWorkdays), source, loaded_by: null, loaded_at: now })
        .execute();
      await recordAudit(trx, ctx, {
        action: 'calendar.year.load',
        targetType: 'calendar_year',
        targetId: String(year),
        details: { year, version: 1, source, holidays: data.holidays.length, makeupWorkdays: data.makeupWorkdays.length, bundled: true },
      });
      loaded.push(year);
    }
    return { loaded };
  });
}

export interface CalendarYearInput {
  holidays: string[];
  makeupWorkdays: string[];
  source: string;
}

const diff = (before: readonly string[], after: readonly string[]) => ({
  added: after.filter((d) => !before.includes(d)),
  removed: before.filter((d) => !after.includes(d)),
});

export class CalendarService {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async status(ctx: RequestContext): Promise<CalendarStatus> {
    requireAuthenticated(ctx.actor);
    const rows = await latestVersions(this.#db);
    return {
      ...calendarCoverage(rows.map((r) => r.year), ctx.now),
      years: rows.map((r) => ({
        year: r.year,
        version: r.version,
        source: r.source,
        loadedAt: r.loaded_at.toISOString(),
        holidays: r.holidays.length,
        makeupWorkdays: r.makeup_workdays.length,
      })),
    };
  }

  /** The version in force and every earlier one, newest first. */
  async getYear(ctx: RequestContext, year: number): Promise<{ current: CalendarYearVersion; history: CalendarYearVersion[] }> {
    requireAuthenticated(ctx.actor);
    const rows = await versionsQuery(this.#db).where('c.year', '=', year).orderBy('c.version', 'desc').execute();
    const [current] = rows;
    if (!current) throw notFound('CALENDAR_YEAR_NOT_LOADED', `${year}年节假日安排尚未加载`);
    return { current: toVersion(current), history: rows.map(toVersion) };
  }

  /**
   * A platform admin loads a year (the State Council's notice, usually published in November): checked like the
   * bundled files, stored as a new version; the previous versions stay. Deadlines computed from now on use it.
   */
  async loadYear(ctx: RequestContext, year: number, input: CalendarYearInput): Promise<CalendarYearVersion> {
    const user = requireRole(ctx.actor, 'platform_admin');
    const source = input.source.trim();
    if (source.length < 4) throw badRequest('CALENDAR_SOURCE_REQUIRED', '请注明来源（如国务院办公厅通知文号或网址）', 'body.source');
    const checked = validateCalendarYear(year, { holidays: input.holidays, makeupWorkdays: input.makeupWorkdays });
    if (!checked.ok) {
      // Name the list at fault: the holidays on their own, or else the make-up days (alone or against the holidays).
      const holidaysAlone = validateCalendarYear(year, { holidays: input.holidays, makeupWorkdays: [] });
      const field = holidaysAlone.ok ? 'body.makeupWorkdays' : 'body.holidays';
      const errors = holidaysAlone.ok ? checked.errors : holidaysAlone.errors;
      throw badRequest('CALENDAR_INVALID', errors.join('；'), field);
    }
    const { holidays, makeupWorkdays } = checked.year;
    return this.#db.transaction().execute(async (trx) => {
      await advisoryXactLock(trx, CALENDAR_LOCK);
      const previous = await versionsQuery(trx).where('c.year', '=', year).orderBy('c.version', 'desc').limit(1).executeTakeFirst();
      const version = (previous?.version ?? 0) + 1;
      await trx
        .insertInto('calendar_years')
        .values({ year, version, holidays: dateArray(holidays), makeup_workdays: dateArray(makeupWorkdays), source, loaded_by: user.id, loaded_at: ctx.now })
        .execute();
      await recordAudit(trx, ctx, {
        action: 'calendar.year.load',
        targetType: 'calendar_year',
        targetId: String(year),
        details: {
          year,
          version,
          source,
          holidays: diff(previous?.holidays ?? [], holidays),
          makeupWorkdays: diff(previous?.makeup_workdays ?? [], makeupWorkdays),
        },
      });
      return { year, version, holidays, makeupWorkdays, source, loadedAt: ctx.now.toISOString(), loadedBy: { id: user.id, name: user.displayName } };
    });
  }
}
