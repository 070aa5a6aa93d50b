import { api } from '../../api.ts';
import type { Page, Schema, Witness, WitnessRegistration } from '../../types.ts';

export interface WitnessFilters {
  q: string;
  supervisionUnitId?: string;
  projectId?: string;
}

export const listWitnesses = (f: WitnessFilters, page: number, pageSize: number, signal: AbortSignal) =>
  api.get<Page<Witness>>('/witnesses', { q: f.q.trim(), supervisionUnitId: f.supervisionUnitId, projectId: f.projectId, page, pageSize }, signal);

export const getWitness = (id: string) => api.get<Witness>(`/witnesses/${encodeURIComponent(id)}`);
export const getWitnessHistory = (id: string) => api.get<{ items: WitnessRegistration[] }>(`/witnesses/${encodeURIComponent(id)}/history`);

export type RegistrationResult = Schema<'CreateWitnessResponse'>;
export type NewWitness = Schema<'CreateWitnessRequest'>;
export type WitnessChange = Schema<'CreateWitnessAuthorizationRequest'>;


export const createWitness = (body: NewWitness) => api.post<RegistrationResult>('/witnesses', body);


export const addAuthorization = (id: string, body: WitnessChange) => api.post<RegistrationResult>(`/witnesses/${encodeURIComponent(id)}/authorizations`, body);
