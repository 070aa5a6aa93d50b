import { api } from '../../api.ts';
import type { Page, Schema } from '../../types.ts';


export type ServiceRequest = Schema<'ServiceRequest'>;
export type RequestType = ServiceRequest['type'];
export type RequestStatus = ServiceRequest['status'];

export const TYPE_OPTIONS: { value: RequestType; label: string }[] = [
  { value: 'equipment_connection', label: '设备对接' },
  { value: 'image_capture', label: '影像采集' },
  { value: 'other', label: '其他' },
];


export interface Filters {
  status?: RequestStatus;
  type?: RequestType;
}

export const listRequests = (f: Filters, page: number, pageSize: number, signal: AbortSignal) => api.get<Page<ServiceRequest>>('/service-requests', { ...f, page, pageSize }, signal);
export const fileRequest = (body: { type: RequestType; description: string; projectId?: string | null; contactPhone?: string | null }) => api.post<ServiceRequest>('/service-requests', body);
export const scheduleVisit = (id: string, body: { visitDate: string; officerId: string }) => api.post<ServiceRequest>(`/service-requests/${id}/schedule`, body);
export const closeRequest = (id: string, note: string) => api.post<ServiceRequest>(`/service-requests/${id}/close`, { note });
