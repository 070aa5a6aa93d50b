import { api } from '../../api.ts';
import type { Commission, Organisation, Page, Specialty } from '../../types.ts';

export interface CommissionFilters {
  projectId?: string;
  agencyId?: string;
  status?: 'active' | 'terminated';
}

export const listCommissions = (f: CommissionFilters, page: number, pageSize: number, signal: AbortSignal) =>
  api.get<Page<Commission>>('/commissions', { projectId: f.projectId, agencyId: f.agencyId, status: f.status, page, pageSize }, signal);

export interface NewCommission {
  projectId: string;
  agencyId: string;
  specialties: Specialty[];
  contractNumber?: string | null;
  note?: string | null;
}

export const createCommission = (body: NewCommission) => api.post<Commission>('/commissions', body);

export const terminateCommission = (id: string, reason: string) => api.post<Commission>(`/commissions/${encodeURIComponent(id)}/terminate`, { reason });

/** Agencies in the organisation directory the caller may read (departments: their jurisdiction; admins: all). */
export const searchAgencies = (q: string, signal?: AbortSignal) =>
  api.get<Page<Organisation>>('/organisations', { type: 'agency', q: q.trim(), pageSize: 50 }, signal);
