import { api } from '../../api.ts';
import type { Page } from '../../types.ts';
import type { Finding, Ref } from '../random-draws/api.ts';

export interface CampaignSummary {
  id: string;
  title: string;
  department: Ref;
  regionCode: string;
  regionName: string;
  specialty: string | null;
  specialtyName: string | null;
  periodFrom: string;
  periodTo: string;
  anomalyKind: string | null;
  anomalyKindLabel: string | null;
  status: 'open' | 'closed';
  createdAt: string;
  createdByName: string;
  summary: string | null;
  closedAt: string | null;
  worklistSize: number;
  inspectedCount: number;
  problemCount: number;
}

export interface WorklistItem {
  position: number;
  batchId: string;
  batchNumber: string;
  agencyName: string;
  projectName: string;
  regionCode: string;
  specialtyName: string;
  status: string;
  statusLabel: string;
  openedAt: string;
  latestOutcome: 'compliant' | 'problem' | null;
}

export interface Campaign extends CampaignSummary {
  worklist: WorklistItem[];
  findings: Finding[];
}

export interface NewCampaign {
  title: string;
  regionCode: string;
  specialty?: string | null;
  periodFrom: string;
  periodTo: string;
  anomalyKind?: string | null;
}

export const listCampaigns = (f: { status?: 'open' | 'closed' }, page: number, pageSize: number, signal: AbortSignal) =>
  api.get<Page<CampaignSummary>>('/special-campaigns', { ...f, page, pageSize }, signal);
export const getCampaign = (id: string) => api.get<Campaign>(`/special-campaigns/${id}`);
export const openCampaign = (body: NewCampaign) => api.post<Campaign>('/special-campaigns', body);
export const closeCampaign = (id: string, summary: string) => api.post<Campaign>(`/special-campaigns/${id}/close`, { summary });
export const recordCampaignFinding = (id: string, body: { batchId: string; outcome: 'compliant' | 'problem'; note: string }) =>
  api.post<Finding>(`/special-campaigns/${id}/findings`, body);
export const anomalyKinds = () => api.get<{ code: string; label: string }[]>('/special-campaigns/anomaly-kinds');
