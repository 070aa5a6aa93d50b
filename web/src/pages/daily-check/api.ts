import { api, downloadFile } from '../../api.ts';
import type { RegionLevel } from '../../types.ts';

export interface Metrics {
  due: number;
  compliant: number;
  late: number;
  pending: number;
  suspended: number;
  missing: number;
  anomaliesOpened: number;
  serviceRequestsOpened: number;
  serviceRequestsClosed: number;
  /** 0–1; null when nothing was decided. */
  complianceRate: number | null;
}

export interface RegionRow extends Metrics {
  regionCode: string;
  regionName: string;
  level: RegionLevel;
  daysCovered: number;
  provisional: boolean;
}

export interface DailyTable {
  region: { code: string; name: string; level: RegionLevel };
  from: string;
  to: string;
  days: number;
  rows: RegionRow[];
}

export interface TrendDay extends Metrics {
  day: string;
  version: number | null;
  final: boolean | null;
  computedAt: string | null;
}

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
