/** Beijing is UTC+8 without daylight saving since 1991: a fixed offset gives the calendar date exactly. */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The calendar date (`YYYY-MM-DD`) of an instant as read in Beijing, where the notice's days are counted. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}
