import { api } from '../../api.ts';
import type { Page, Schema } from '../../types.ts';
import type { Finding } from '../random-draws/api.ts';

export type CampaignSummary = Schema<'SpecialCampaignSummary'>;
export type Campaign = Schema<'SpecialCampaign'>;
export type WorklistItem = Campaign['worklist'][number];
export type NewCampaign = Schema<'CreateSpecialCampaignRequest'>;




export const listCampaigns = (f: { status?: 'open' | 'closed' }, page: number, pageSize: number, signal: AbortSignal) =>
  api.get<Page<CampaignSummary>>('/special-campaigns', { ...f, page, pageSize }, signal);
export const getCampaign = (id: string) => api.get<Campaign>(`/special-campaigns/${id}`);
export const openCampaign = (body: NewCampaign) => api.post<Campaign>('/special-campaigns', body);
export const closeCampaign = (id: string, summary: string) => api.post<Campaign>(`/special-campaigns/${id}/close`, { summary });
export const recordCampaignFinding = (id: string, body: { batchId: string; outcome: 'compliant' | 'problem'; note: string }) =>
  api.post<Finding>(`/special-campaigns/${id}/findings`, body);
export const anomalyKinds = () => api.get<{ code: string; label: string }[]>('/special-campaigns/anomaly-kinds');
