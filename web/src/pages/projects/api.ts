import { api } from '../../api.ts';
import type { Page, ParticipantOption, Project, Schema } from '../../types.ts';

export interface ProjectFilters {
  q: string;
  regionCode?: string;
}

export const listProjects = (f: ProjectFilters, page: number, pageSize: number, signal: AbortSignal) =>
  api.get<Page<Project>>('/projects', { q: f.q.trim(), regionCode: f.regionCode, page, pageSize }, signal);

export const getProject = (id: string) => api.get<Project>(`/projects/${encodeURIComponent(id)}`);

export type NewProject = Schema<'CreateProjectRequest'>;
export type ProjectPatch = Schema<'UpdateProjectRequest'>;

export const createProject = (body: NewProject) => api.post<Project>('/projects', body);


export const updateProject = (id: string, body: ProjectPatch) => api.patch<Project>(`/projects/${encodeURIComponent(id)}`, body);

export type ParticipantType = 'construction_unit' | 'supervision_unit' | 'contractor';

export const participantOptions = (type: ParticipantType, q: string, signal?: AbortSignal) =>
  api.get<ParticipantOption[]>('/projects/participant-options', { type, q: q.trim() }, signal);
