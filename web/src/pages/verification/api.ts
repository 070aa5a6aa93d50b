import { api } from '../../api.ts';
import type { EquipmentDetail, Filing, Qualification, VerificationQueue } from '../../types.ts';

export const getQueue = (signal?: AbortSignal) => api.get<VerificationQueue>('/verification-queue', { limit: 200 }, signal);

export const approveFiling = (id: string) => api.post<Filing>(`/filings/${encodeURIComponent(id)}/approve`);
export const rejectFiling = (id: string, reason: string) => api.post<Filing>(`/filings/${encodeURIComponent(id)}/reject`, { reason });

export const approveQualification = (id: string) => api.post<Qualification>(`/qualifications/${encodeURIComponent(id)}/approve`);
export const rejectQualification = (id: string, reason: string) => api.post<Qualification>(`/qualifications/${encodeURIComponent(id)}/reject`, { reason });

export const approveEquipment = (id: string) => api.post<EquipmentDetail>(`/equipment/${encodeURIComponent(id)}/approve`);
export const rejectEquipment = (id: string, reason: string) => api.post<EquipmentDetail>(`/equipment/${encodeURIComponent(id)}/reject`, { reason });
