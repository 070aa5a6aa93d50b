import { api } from '../../api.ts';
import type { Page } from '../../types.ts';

export interface DeadlineView {
  state: 'open' | 'running' | 'suspended';
  deadline: string | null;
  basis: 'completion' | 'force_majeure_cleared' | 'force_majeure_limit' | null;
  remainingMs: number | null;
  warning: boolean;
  overdue: boolean;
  sealedOnTime: boolean | null;
}

export interface ForceMajeureFiling {
  id: string;
  batchId: string;
  batchNumber: string;
  agency: { id: string; name: string };
  project: { id: string; name: string };
  regionCode: string;
  department: { regionCode: string; regionName: string; id: string | null; name: string | null };
  reason: string;
  filedAt: string;
  filedByName: string;
  filedByType: 'user' | 'machine';
  status: 'pending' | 'accepted' | 'rejected';
  statusLabel: string;
  decidedAt: string | null;
  decidedByName: string | null;
  decisionReason: string | null;
  clearedAt: string | null;
  clearedDeclaredAt: string | null;
  clearedNote: string | null;
  originalDeadline: string | null;
  clearedDeadline: string | null;
  documents: { id: string; sha256: string; filename: string; contentType: string; size: number }[];
}

export interface BatchDeadline {
  batchId: string;
  batchNumber: string;
  status: string;
  completedAt: string | null;
  sealedAt: string | null;
  deadline: DeadlineView;
  lock: { locked: boolean; lockedAt: string | null; lockReason: string | null; unlockedAt: string | null; unlockReason: string | null };
  filings: ForceMajeureFiling[];
  can: { file: boolean; clear: boolean; unlock: boolean };
  filingWindowEndsAt: string | null;
}

/** The batch list's rows as this area uses them (GET /batches). */
export interface BatchRow {
  id: string;
  batchNumber: string;
  agency: { id: string; name: string };
  project: { id: string; name: string };
  status: string;
  statusLabel: string;
  locked: boolean;
  completedAt: string | null;
  deadline: DeadlineView;
}

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
