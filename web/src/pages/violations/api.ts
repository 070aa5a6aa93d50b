import { api, downloadFile } from '../../api.ts';
import type { Page, Violation } from '../../types.ts';

export interface ViolationFilters {
  type?: string;
  severity?: 'minor' | 'serious';
  organisationId?: string;
  projectId?: string;
  organisationType?: string;
  personRef?: string;
  source?: 'automatic' | 'officer';
  from?: string;
  to?: string;
}

export const listViolations = (f: ViolationFilters, page: number, pageSize: number, signal: AbortSignal) =>
  api.get<Page<Violation>>('/violations', { ...f, page, pageSize }, signal);

export const exportViolations = (f: ViolationFilters) => downloadFile('/violations/export.xlsx', { ...f }, '违规记录.xlsx');

export const decideIntent = (id: string, intentional: boolean) => api.post<Violation>(`/violations/${id}/intent`, { intentional });
