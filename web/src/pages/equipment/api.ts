import { api } from '../../api.ts';
import type { Calibration, DeviceKey, Equipment, EquipmentDetail, Page, Schema, VerificationStatus } from '../../types.ts';

export interface EquipmentFilters {
  q: string;
  agencyId?: string;
  status?: VerificationStatus;
}

export const listEquipment = (f: EquipmentFilters, page: number, pageSize: number, signal: AbortSignal) =>
  api.get<Page<Equipment>>('/equipment', { q: f.q.trim(), agencyId: f.agencyId, status: f.status, page, pageSize }, signal);

export const getEquipment = (id: string) => api.get<EquipmentDetail>(`/equipment/${encodeURIComponent(id)}`);

export type NewCalibration = Schema<'CreateEquipmentCalibrationRequest'>;
export type NewEquipment = Schema<'CreateEquipmentRequest'>;


export const createEquipment = (body: NewEquipment) => api.post<EquipmentDetail>('/equipment', body);

export const addCalibration = (id: string, body: NewCalibration) => api.post<Calibration>(`/equipment/${encodeURIComponent(id)}/calibrations`, body);

export const addKey = (id: string, body: { publicKey: string; validFrom?: string }) => api.post<DeviceKey>(`/equipment/${encodeURIComponent(id)}/keys`, body);

export const resubmitEquipment = (id: string) => api.post<EquipmentDetail>(`/equipment/${encodeURIComponent(id)}/resubmit`);
