import { api, downloadFile } from '../../api.ts';
import type { Schema } from '../../types.ts';

export type DailyTable = Schema<'ListDailyChecksResponse'>;
export type RegionRow = DailyTable['rows'][number];
export type TrendDay = Schema<'GetDailyChecksTrendResponse'>['days'][number];
export type Metrics = Omit<TrendDay, 'day' | 'version' | 'final' | 'computedAt'>;




export interface RangeQuery {
  regionCode?: string;
  from: string;
  to: string;
}

export const getTable = (q: RangeQuery) => api.get<DailyTable>('/daily-checks', { ...q });
export const getTrend = (q: RangeQuery) => api.get<{ region: DailyTable['region']; days: TrendDay[] }>('/daily-checks/trend', { ...q });
export const recomputeToday = () => api.post<{ day: string; written: number; unchanged: number }>('/daily-checks/recompute', {});
export const exportXlsx = (q: RangeQuery) => downloadFile('/daily-checks/export', { ...q }, '日常核查.xlsx');

export const formatRate = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
