import { api } from '../../api.ts';
import type { Page, Schema } from '../../types.ts';

export type DeadlineView = BatchDeadline['deadline'];
export type ForceMajeureFiling = Schema<'ForceMajeureFiling'>;
export type BatchDeadline = Schema<'BatchDeadline'>;



export type BatchRow = Pick<Schema<'BatchSummary'>, 'id' | 'batchNumber' | 'agency' | 'project' | 'status' | 'statusLabel' | 'locked' | 'completedAt' | 'deadline'>;

export interface FilingFilters {
  inbox?: boolean;
  status?: ForceMajeureFiling['status'];
}

export const getBatchDeadline = (batchId: string, signal?: AbortSignal) => api.get<BatchDeadline>(`/batches/${batchId}/deadline`, undefined, signal);
export const fileForceMajeure = (batchId: string, body: { reason: string; documentIds?: string[] }) => api.post<ForceMajeureFiling>(`/batches/${batchId}/force-majeure`, body);
export const decideFiling = (id: string, body: { decision: 'accept' | 'reject'; reason?: string | null }) => api.post<ForceMajeureFiling>(`/force-majeure-filings/${id}/decision`, body);
export const clearFiling = (id: string, body: { clearedAt: string; note?: string | null }) => api.post<ForceMajeureFiling>(`/force-majeure-filings/${id}/clearance`, body);
export const unlockBatch = (batchId: string, reason: string) => api.post<BatchDeadline>(`/batches/${batchId}/unlock`, { reason });
export const filingDocumentUrl = (filingId: string, documentId: string) => `/api/v1/force-majeure-filings/${encodeURIComponent(filingId)}/documents/${encodeURIComponent(documentId)}/content`;

export const listFilings = (f: FilingFilters, page: number, pageSize: number, signal: AbortSignal) =>
  api.get<Page<ForceMajeureFiling>>('/force-majeure-filings', { ...f, page, pageSize }, signal);

export const listBatches = (f: { locked?: boolean; status?: string }, page: number, pageSize: number, signal: AbortSignal) =>
  api.get<Page<BatchRow>>('/batches', { ...f, page, pageSize }, signal);
