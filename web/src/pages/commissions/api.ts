import { api } from '../../api.ts';
import type { Commission, Page, Specialty } from '../../types.ts';

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

/** An agency one may commission, with what decides a commission (GET /commissions/agency-options). */
export interface AgencyOption {
  id: string;
  name: string;
  uscc: string | null;
  regionCode: string;
  regionName: string;
  connected: boolean;
  qualifiedSpecialties: Specialty[];
  restricted: boolean;
}

export const searchAgencyOptions = (q: string, signal?: AbortSignal) =>
  api.get<Page<AgencyOption>>('/commissions/agency-options', { q: q.trim(), pageSize: 50 }, signal);
