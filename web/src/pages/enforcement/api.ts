import { api, downloadFile } from '../../api.ts';
import type { OrganisationType, Page } from '../../types.ts';

export type CaseRung = 'interview' | 'rectification' | 'penalty';
export type CaseStatus = 'proposed' | 'confirmed' | 'report_submitted' | 'closed' | 'dismissed' | 'superseded';

export interface EnforcementCase {
  id: string;
  organisation: { id: string; name: string; type: OrganisationType; regionCode: string };
  year: number;
  rung: CaseRung;
  rungLabel: string;
  status: CaseStatus;
  statusLabel: string;
  outcome: 'held' | 'accepted' | 'rejected' | 'decided' | null;
  outcomeLabel: string | null;
  regionCode: string;
  regionName: string;
  reasons: string[];
  reasonLabels: string[];
  violationIds: string[];
  supplementaryUploads: number;
  proposedAt: string;
  confirmedAt: string | null;
  confirmedBy: string | null;
  dueAt: string | null;
  dismissedAt: string | null;
  dismissReason: string | null;
  interview: { heldAt: string; attendees: string; minutes: string } | null;
  report: { text: string; documentIds: string[]; submittedAt: string } | null;
  decisionNote: string | null;
  penalty: { decisionNumber: string; content: string; dishonest: boolean } | null;
  marketRestrictionId: string | null;
  closedAt: string | null;
}

export interface CaseDetail extends EnforcementCase {
  events: { at: string; event: string; actorName: string | null; details: Record<string, unknown> }[];
}

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

export interface KeySupervisionEntry {
  organisation: { id: string; name: string; type: OrganisationType; typeLabel: string; regionCode: string; regionName: string };
  rung: 'rectification' | 'penalty';
  rungLabel: string;
  reasons: string[];
  since: string;
  leavesAt: string | null;
  leaveRule: string;
  handlingRegionName: string;
  violationsThisYear: number;
}
export const listKeySupervision = (signal?: AbortSignal) => api.get<{ items: KeySupervisionEntry[] }>('/enforcement/key-supervision', undefined, signal);
export const exportKeySupervision = () => downloadFile('/enforcement/key-supervision/export.xlsx', undefined, '重点监管名单.xlsx');

export interface OrganisationCredit {
  organisation: { id: string; name: string; type: OrganisationType; typeLabel: string; regionCode: string; regionName: string };
  year: number;
  score: number;
  level: 'A' | 'B' | 'C' | 'D';
  downgraded: boolean;
  breakdown: { base: number; bonus: number; deductions: number };
  violations: number;
  countedViolations: number;
  exemptViolations: number;
  pendingViolations: number;
  penalties: number;
  dishonest: boolean;
  restriction: { id: string; reason: string; restrictedUntil: string | null } | null;
}
export interface PersonCredit {
  personRef: string;
  personName: string;
  organisation: { id: string; name: string };
  year: number;
  score: number;
  level: 'A' | 'B' | 'C' | 'D';
  violations: number;
  countedViolations: number;
}
export interface RestrictionEntry {
  id: string;
  organisation: { id: string; name: string; type: OrganisationType };
  reason: string;
  restrictedFrom: string;
  restrictedUntil: string | null;
  caseReference: string | null;
  inForce: boolean;
  liftedAt: string | null;
}
export const organisationCredit = (q: { year: number; type?: string; q?: string }, signal?: AbortSignal) =>
  api.get<{ items: OrganisationCredit[] }>('/credit/organisations', q, signal);
export const personCredit = (year: number, signal?: AbortSignal) => api.get<{ items: PersonCredit[] }>('/credit/persons', { year }, signal);
export const restrictions = (signal?: AbortSignal) => api.get<{ items: RestrictionEntry[] }>('/credit/restrictions', undefined, signal);

export interface FraudReport {
  id: string;
  project: { id: string; name: string };
  reporter: { id: string; name: string };
  reportedBy: string;
  subjectOrganisation: { id: string; name: string } | null;
  description: string;
  documentIds: string[];
  regionCode: string;
  regionName: string;
  createdAt: string;
  status: 'open' | 'recorded' | 'dismissed';
  handledAt: string | null;
  handledBy: string | null;
  handlingNote: string | null;
  violationId: string | null;
}
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
