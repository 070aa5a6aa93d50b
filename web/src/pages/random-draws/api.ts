import { api, downloadFile } from '../../api.ts';
import type { Page, Schema } from '../../types.ts';

export interface Ref {
  id: string;
  name: string;
}

export type Finding = Schema<'InspectionFinding'>;
export type DrawSummary = Schema<'RandomDrawSummary'>;
export type Draw = Schema<'RandomDraw'>;
export type DrawItem = NonNullable<Draw['selection']>[number];
export type Verification = Schema<'GetRandomDrawVerifyResponse'>;
export type Officer = Schema<'ListRandomDrawsInspectorCandidatesResponse'>[number];
export type NewDraw = Schema<'CreateRandomDrawRequest'>;







export const listDraws = (_f: object, page: number, pageSize: number, signal: AbortSignal) => api.get<Page<DrawSummary>>('/random-draws', { page, pageSize }, signal);
export const getDraw = (id: string) => api.get<Draw>(`/random-draws/${id}`);
export const publishDraw = (body: NewDraw) => api.post<Draw>('/random-draws', body);
export const runDraw = (id: string) => api.post<Draw>(`/random-draws/${id}/draw`);
export const verifyDraw = (id: string) => api.get<Verification>(`/random-draws/${id}/verify`);
export const downloadRecord = (id: string) => downloadFile(`/random-draws/${id}/record`, undefined, `随机抽查公示记录_${id}.json`);
export const inspectorCandidates = () => api.get<Officer[]>('/random-draws/inspector-candidates');
export const recordDrawFinding = (id: string, body: { itemId: string; outcome: 'compliant' | 'problem'; note: string }) => api.post<Finding>(`/random-draws/${id}/findings`, body);
export const findingToViolation = (findingId: string, body: { type: string; intentional?: boolean | null }) =>
  api.post<{ finding: Finding; violationId: string }>(`/inspection-findings/${findingId}/violation`, body);
