import { api } from '../../api.ts';
import type { NewOrganisation, Organisation, OrganisationType, Page } from '../../types.ts';

export interface OrganisationFilters {
  q: string;
  type?: OrganisationType;
  regionCode?: string;
}

export const listOrganisations = (f: OrganisationFilters, page: number, pageSize: number, signal: AbortSignal) =>
  api.get<Page<Organisation>>('/organisations', { q: f.q.trim(), type: f.type, regionCode: f.regionCode, page, pageSize }, signal);

export const getOrganisation = (id: string) => api.get<Organisation>(`/organisations/${encodeURIComponent(id)}`);

export const createOrganisation = (body: NewOrganisation) => api.post<Organisation>('/organisations', body);

export const setOrganisationStatus = (id: string, action: 'disable' | 'enable') =>
  api.post<Organisation>(`/organisations/${encodeURIComponent(id)}/${action}`);
