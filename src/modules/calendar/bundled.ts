import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateCalendarYear, type WorkCalendar } from './calendar.ts';

/** The calendar years shipped with the code (`data/cn-YYYY.json`); an admin can load later years at run time. */
export const BUNDLED_CALENDAR_DIR = fileURLToPath(new URL('./data/', import.meta.url));

const FILE_NAME = /^cn-(\d{4})\.json$/;

/**
 * Reads every `cn-YYYY.json` in `dir` and validates it with the same rules as an admin upload, so a broken
 * bundled file fails at start-up rather than producing wrong deadlines. Adding a year is adding a file.
 */
export function loadBundledCalendar(dir = BUNDLED_CALENDAR_DIR): WorkCalendar {
  const years: WorkCalendar['years'] = {};
  for (const name of readdirSync(dir).sort()) {
    const m = FILE_NAME.exec(name);
    if (!m) continue;
    const year = Number(m[1]);
    const parsed: unknown = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    const declared = (parsed as { year?: unknown } | null)?.year;
    if (declared !== undefined && declared !== year) throw new Error(`calendar data ${name}: says year ${String(declared)}`);
    const check = validateCalendarYear(year, parsed);
    if (!check.ok) throw new Error(`calendar data ${name}: ${check.errors.join('; ')}`);
    years[year] = check.year;
  }
  return { years };
}
