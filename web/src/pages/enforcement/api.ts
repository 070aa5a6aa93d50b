import { api, downloadFile } from '../../api.ts';
import type { Item, Page, Schema } from '../../types.ts';

export type EnforcementCase = Schema<'EnforcementCase'>;
export type CaseDetail = Schema<'GetEnforcementCaseResponse'>;
export type CaseRung = EnforcementCase['rung'];
export type CaseStatus = EnforcementCase['status'];
export type KeySupervisionEntry = Item<Schema<'GetEnforcementKeySupervisionResponse'>>;
export type OrganisationCredit = Item<Schema<'ListCreditOrganisationsResponse'>>;
export type PersonCredit = Item<Schema<'ListCreditPersonsResponse'>>;
export type RestrictionEntry = Item<Schema<'ListCreditRestrictionsResponse'>>;
export type FraudReport = Schema<'FraudReport'>;



export interface CaseFilters {
  status?: CaseStatus;
  rung?: CaseRung;
  organisationId?: string;
  year?: number;
  open?: boolean;
}

export const listCases = (f: CaseFilters, page: number, pageSize: number, signal: AbortSignal) =>
  api.get<Page<EnforcementCase>>('/enforcement/cases', { ...f, page, pageSize }, signal);
export const getCase = (id: string, signal?: AbortSignal) => api.get<CaseDetail>(`/enforcement/cases/${id}`, undefined, signal);
export const confirmCase = (id: string, body: { dueDays?: number; note?: string | null }) => api.post<EnforcementCase>(`/enforcement/cases/${id}/confirm`, body);
export const dismissCase = (id: string, reason: string) => api.post<EnforcementCase>(`/enforcement/cases/${id}/dismiss`, { reason });
export const recordInterview = (id: string, body: { heldAt: string; attendees: string; minutes: string; intent?: 'unintentional' | 'intentional' | null }) =>
  api.post<EnforcementCase>(`/enforcement/cases/${id}/interview`, body);
export const submitReport = (id: string, body: { text: string; documentIds?: string[] }) => api.post<EnforcementCase>(`/enforcement/cases/${id}/report`, body);
export const decideRectification = (id: string, body: { decision: 'accepted' | 'rejected'; note: string; intent?: 'unintentional' | 'intentional' | null }) =>
  api.post<EnforcementCase>(`/enforcement/cases/${id}/rectification-decision`, body);
export const decidePenalty = (id: string, body: { decisionNumber: string; content: string; dishonest: boolean }) => api.post<EnforcementCase>(`/enforcement/cases/${id}/penalty`, body);

export const listKeySupervision = (signal?: AbortSignal) => api.get<{ items: KeySupervisionEntry[] }>('/enforcement/key-supervision', undefined, signal);
export const exportKeySupervision = () => downloadFile('/enforcement/key-supervision/export.xlsx', undefined, '重点监管名单.xlsx');

export const organisationCredit = (q: { year: number; type?: string; q?: string }, signal?: AbortSignal) =>
  api.get<{ items: OrganisationCredit[] }>('/credit/organisations', q, signal);
export const personCredit = (year: number, signal?: AbortSignal) => api.get<{ items: PersonCredit[] }>('/credit/persons', { year }, signal);
export const restrictions = (signal?: AbortSignal) => api.get<{ items: RestrictionEntry[] }>('/credit/restrictions', undefined, signal);

export const listFraudReports = (f: { status?: FraudReport['status'] }, page: number, pageSize: number, signal: AbortSignal) =>
  api.get<Page<FraudReport>>('/fraud-reports', { ...f, page, pageSize }, signal);
export const createFraudReport = (body: { projectId: string; subjectOrganisationId?: string | null; description: string; documentIds?: string[] }) =>
  api.post<FraudReport>('/fraud-reports', body);
export const recordFromReport = (id: string, body: { organisationId: string; type: string; occurredAt: string; note: string; personRef?: string | null; intentional?: boolean | null }) =>
  api.post<FraudReport>(`/fraud-reports/${id}/record-violation`, body);
export const dismissReport = (id: string, reason: string) => api.post<FraudReport>(`/fraud-reports/${id}/dismiss`, { reason });

export const CASE_STATUS_OPTIONS: { value: CaseStatus; label: string }[] = [
  { value: 'proposed', label: '平台建议（待确认）' },
  { value: 'confirmed', label: '已确认（处置中）' },
  { value: 'report_submitted', label: '已提交整改报告' },
  { value: 'closed', label: '已办结' },
  { value: 'dismissed', label: '不予处置' },
  { value: 'superseded', label: '已被取代' },
];
export const RUNG_OPTIONS: { value: CaseRung; label: string }[] = [
  { value: 'interview', label: '约谈提醒' },
  { value: 'rectification', label: '限期整改' },
  { value: 'penalty', label: '行政处罚' },
];
export const LEVEL_COLORS: Record<string, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };
