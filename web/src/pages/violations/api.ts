import { api } from '../../api.ts';
import type { Page, Violation } from '../../types.ts';

export interface ViolationFilters {
  type?: string;
  severity?: 'minor' | 'serious';
  organisationId?: string;
  projectId?: string;
  from?: string;
  to?: string;
}

export const listViolations = (f: ViolationFilters, page: number, pageSize: number, signal: AbortSignal) =>
  api.get<Page<Violation>>('/violations', { ...f, page, pageSize }, signal);
