import { api } from '../../api.ts';
import type { CalendarStatus, CalendarYearVersion } from '../../types.ts';

export const getCalendarStatus = () => api.get<CalendarStatus>('/calendar/status');
export const getCalendarYear = (year: number) => api.get<{ current: CalendarYearVersion; history: CalendarYearVersion[] }>(`/calendar/years/${year}`);
export const loadCalendarYear = (year: number, body: { holidays: string[]; makeupWorkdays: string[]; source: string }) =>
  api.put<CalendarYearVersion>(`/calendar/years/${year}`, body);
