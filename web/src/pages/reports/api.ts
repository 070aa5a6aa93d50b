import { api, downloadFile } from '../../api.ts';
import type { Page, Schema } from '../../types.ts';

export type ReportStatus = 'valid' | 'superseded' | 'revoked';

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = { valid: '有效', superseded: '已被更正报告替代', revoked: '已撤销' };
export const REPORT_STATUS_COLORS: Record<ReportStatus, string> = { valid: 'success', superseded: 'warning', revoked: 'error' };

export type Report = Schema<'ReportSummary'>;
export type PublicVerification = Schema<'GetPublicReportResponse'>;

export interface ReportFilters {
  status?: ReportStatus;
  batchId?: string;
  projectId?: string;
  q?: string;
}

export const listReports = (f: ReportFilters, page: number, pageSize: number, signal: AbortSignal) =>
  api.get<Page<Report>>('/reports', { status: f.status, batchId: f.batchId, projectId: f.projectId, q: f.q?.trim(), page, pageSize }, signal);

export const generateReport = (batchId: string) => api.post<Report>(`/batches/${encodeURIComponent(batchId)}/report`);
export const revokeReport = (id: string, reason: string) => api.post<Report>(`/reports/${encodeURIComponent(id)}/revoke`, { reason });
export const supersedeReport = (id: string, reason: string) => api.post<Report>(`/reports/${encodeURIComponent(id)}/supersede`, { reason });
export const downloadReportPdf = (r: Pick<Report, 'id' | 'reportNumber'>) => downloadFile(`/reports/${encodeURIComponent(r.id)}/pdf`, undefined, `检测报告-${r.reportNumber}.pdf`);

export type ReviewedBatch = Pick<Schema<'BatchSummary'>, 'id' | 'batchNumber' | 'project' | 'agency' | 'specialtyName' | 'locked' | 'reviewedAt'>;

export const listReviewedBatches = (signal?: AbortSignal) => api.get<Page<ReviewedBatch>>('/batches', { status: 'reviewed', pageSize: 100 }, signal);


export const verifyReport = (number: string, code: string, signal?: AbortSignal) =>
  api.get<PublicVerification>(`/public/reports/${encodeURIComponent(number.trim())}`, { c: code.trim() }, signal);
