import { api } from '../../api.ts';
import type { Commission, Item, Page, Schema } from '../../types.ts';

export interface CommissionFilters {
  projectId?: string;
  agencyId?: string;
  status?: 'active' | 'terminated';
}

export const listCommissions = (f: CommissionFilters, page: number, pageSize: number, signal: AbortSignal) =>
  api.get<Page<Commission>>('/commissions', { projectId: f.projectId, agencyId: f.agencyId, status: f.status, page, pageSize }, signal);

export type NewCommission = Schema<'CreateCommissionRequest'>;
export type AgencyOption = Item<Schema<'ListCommissionsAgencyOptionsResponse'>>;

export const createCommission = (body: NewCommission) => api.post<Commission>('/commissions', body);

export const terminateCommission = (id: string, reason: string) => api.post<Commission>(`/commissions/${encodeURIComponent(id)}/terminate`, { reason });


export const searchAgencyOptions = (q: string, signal?: AbortSignal) =>
  api.get<Page<AgencyOption>>('/commissions/agency-options', { q: q.trim(), pageSize: 50 }, signal);
