import { api } from '../../api.ts';
import type { Page, ParticipantOption, Project, SiteBoundary } from '../../types.ts';

export interface ProjectFilters {
  q: string;
  regionCode?: string;
}

export const listProjects = (f: ProjectFilters, page: number, pageSize: number, signal: AbortSignal) =>
  api.get<Page<Project>>('/projects', { q: f.q.trim(), regionCode: f.regionCode, page, pageSize }, signal);

export const getProject = (id: string) => api.get<Project>(`/projects/${encodeURIComponent(id)}`);

export interface NewProject {
  name: string;
  permitNumber: string;
  address: string;
  regionCode: string;
  location: { lng: number; lat: number };
  site: SiteBoundary;
  constructionUnitId?: string;
  supervisionUnitId?: string | null;
  contractorId?: string | null;
}

export const createProject = (body: NewProject) => api.post<Project>('/projects', body);

export interface ProjectPatch {
  rowVersion: number;
  name?: string;
  permitNumber?: string;
  address?: string;
  supervisionUnitId?: string | null;
  contractorId?: string | null;
}

export const updateProject = (id: string, body: ProjectPatch) => api.patch<Project>(`/projects/${encodeURIComponent(id)}`, body);

export type ParticipantType = 'construction_unit' | 'supervision_unit' | 'contractor';

export const participantOptions = (type: ParticipantType, q: string, signal?: AbortSignal) =>
  api.get<ParticipantOption[]>('/projects/participant-options', { type, q: q.trim() }, signal);
