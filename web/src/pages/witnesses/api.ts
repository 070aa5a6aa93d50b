import { api } from '../../api.ts';
import type { Page, Witness, WitnessRegistration } from '../../types.ts';

export interface WitnessFilters {
  q: string;
  supervisionUnitId?: string;
  projectId?: string;
}

export const listWitnesses = (f: WitnessFilters, page: number, pageSize: number, signal: AbortSignal) =>
  api.get<Page<Witness>>('/witnesses', { q: f.q.trim(), supervisionUnitId: f.supervisionUnitId, projectId: f.projectId, page, pageSize }, signal);

export const getWitness = (id: string) => api.get<Witness>(`/witnesses/${encodeURIComponent(id)}`);
export const getWitnessHistory = (id: string) => api.get<{ items: WitnessRegistration[] }>(`/witnesses/${encodeURIComponent(id)}/history`);

export interface RegistrationResult {
  witness: Witness;
  registration: WitnessRegistration;
}

export interface NewWitness {
  supervisionUnitId?: string | null;
  name: string;
  idNumber: string;
  phone: string;
  userId?: string | null;
  authorization: { documentId: string; signedOn: string; projectIds: string[]; replacesWitnessId?: string | null; changedAt?: string | null };
}

export const createWitness = (body: NewWitness) => api.post<RegistrationResult>('/witnesses', body);

export interface WitnessChange {
  kind: 'new_authorization' | 'replacement' | 'revocation';
  changedAt: string;
  documentId?: string | null;
  signedOn?: string | null;
  projectIds?: string[];
  replacesWitnessId?: string | null;
  reason?: string | null;
}

export const addAuthorization = (id: string, body: WitnessChange) => api.post<RegistrationResult>(`/witnesses/${encodeURIComponent(id)}/authorizations`, body);
