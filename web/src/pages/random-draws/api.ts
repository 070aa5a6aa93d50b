import { api, downloadFile } from '../../api.ts';
import type { Page } from '../../types.ts';

export interface Ref {
  id: string;
  name: string;
}

export interface Finding {
  id: string;
  drawId: string | null;
  campaignId: string | null;
  itemKind: 'batch' | 'agency';
  itemId: string;
  outcome: 'compliant' | 'problem';
  outcomeLabel: string;
  note: string;
  recordedAt: string;
  recordedByName: string;
  violationId: string | null;
}

export interface DrawSummary {
  id: string;
  title: string;
  department: Ref;
  regionCode: string;
  regionName: string;
  kind: 'batches' | 'agencies';
  specialty: string | null;
  specialtyName: string | null;
  periodFrom: string;
  periodTo: string;
  sampleSize: number;
  inspectorCount: number;
  seed: string;
  populationSize: number;
  populationDigest: string;
  poolDigest: string;
  publishedAt: string;
  publishedByName: string;
  status: 'published' | 'drawn';
  drawnAt: string | null;
}

export interface DrawItem {
  id: string;
  kind: 'batch' | 'agency';
  label: string;
  agencyName: string;
  projectName: string | null;
  regionCode: string;
}

export interface Draw extends DrawSummary {
  inspectorPool: Ref[];
  selection: DrawItem[] | null;
  inspectors: Ref[] | null;
  findings: Finding[];
}

export interface Verification {
  selection: string[];
  inspectors: string[];
  populationDigestMatches: boolean;
  poolDigestMatches: boolean;
  matches: boolean;
}

export interface Officer {
  id: string;
  name: string;
  departmentName: string;
  regionCode: string;
}

export interface NewDraw {
  title: string;
  regionCode: string;
  kind: 'batches' | 'agencies';
  specialty?: string | null;
  periodFrom: string;
  periodTo: string;
  sampleSize: number;
  inspectorPool: string[];
  inspectorCount: number;
}

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
