import { api } from '../../api.ts';
import type { AuditRecord, Page } from '../../types.ts';

export interface AuditFilters {
  action?: string;
  targetType?: string;
}

export const listAudit = (f: AuditFilters, page: number, pageSize: number, signal: AbortSignal) =>
  api.get<Page<AuditRecord>>('/audit', { action: f.action, targetType: f.targetType, page, pageSize }, signal);
