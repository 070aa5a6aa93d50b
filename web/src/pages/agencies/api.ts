import { api } from '../../api.ts';
import type { AgencyOrigin, AgencyProfile, Connection, Filing, Organisation, Page, Qualification, Schema } from '../../types.ts';

export interface AgencyFilters {
  q: string;
  regionCode?: string;
}

/** The agencies a department officer or platform administrator sees (their jurisdiction, or all). */
export const listAgencies = (f: AgencyFilters, page: number, pageSize: number, signal: AbortSignal) =>
  api.get<Page<Organisation>>('/organisations', { type: 'agency', q: f.q.trim(), regionCode: f.regionCode, page, pageSize }, signal);

export const getAgency = (id: string) => api.get<Organisation>(`/organisations/${encodeURIComponent(id)}`);

export const getProfile = (id: string) => api.get<AgencyProfile>(`/agencies/${encodeURIComponent(id)}/profile`);

export const putProfile = (id: string, body: { rowVersion: number; origin: AgencyOrigin }) => api.put<AgencyProfile>(`/agencies/${encodeURIComponent(id)}/profile`, body);

export type NewFiling = Schema<'CreateAgencyFilingRequest'>;
export type NewQualification = Schema<'CreateAgencyQualificationRequest'>;

/** A 入吉备案 is submitted with its scan and counts only once the department has verified it. */
export const createFiling = (agencyId: string, body: NewFiling) => api.post<Filing>(`/agencies/${encodeURIComponent(agencyId)}/filings`, body);

export const getConnection = (id: string, signal?: AbortSignal) => api.get<Connection>(`/agencies/${encodeURIComponent(id)}/connection`, undefined, signal);

export const listQualifications = (id: string) => api.get<Qualification[]>(`/agencies/${encodeURIComponent(id)}/qualifications`);


export const createQualification = (agencyId: string, body: NewQualification) =>
  api.post<Qualification>(`/agencies/${encodeURIComponent(agencyId)}/qualifications`, body);
