import { api } from '../../api.ts';
import type { Page, Person, PersonCertificate, PersonDetail, PersonnelRole, Schema, User } from '../../types.ts';

export interface PersonnelFilters {
  q: string;
  agencyId?: string;
  status?: 'active' | 'left';
  role?: PersonnelRole;
}

export const listPersonnel = (f: PersonnelFilters, page: number, pageSize: number, signal: AbortSignal) =>
  api.get<Page<Person>>('/personnel', { q: f.q.trim(), agencyId: f.agencyId, status: f.status, role: f.role, page, pageSize }, signal);

export const getPerson = (id: string) => api.get<PersonDetail>(`/personnel/${encodeURIComponent(id)}`);

export type NewCertificate = Schema<'CreatePersonnelCertificateRequest'>;
export type NewPerson = Schema<'CreatePersonnelRequest'>;


export const createPerson = (body: NewPerson) => api.post<PersonDetail>('/personnel', body);

export const updatePerson = (id: string, body: { rowVersion: number; name?: string; roles?: PersonnelRole[]; userId?: string | null }) =>
  api.patch<PersonDetail>(`/personnel/${encodeURIComponent(id)}`, body);

export const leavePerson = (id: string, body: { date: string; reason?: string }) => api.post<PersonDetail>(`/personnel/${encodeURIComponent(id)}/leave`, body);

/** The full 身份证号: allowed to the person's agency administrators and platform administrators, and audited. */
export const revealResidentId = (id: string) => api.post<{ residentId: string }>(`/personnel/${encodeURIComponent(id)}/reveal-id`);

export const addCertificate = (id: string, body: NewCertificate) => api.post<PersonCertificate>(`/personnel/${encodeURIComponent(id)}/certificates`, body);

/** Platform accounts of the agency, to link a registered person to the account they sign in with. */
export const listAgencyUsers = (organisationId: string) => api.get<Page<User>>('/users', { organisationId, pageSize: 100 });
