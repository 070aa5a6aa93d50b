import { api, downloadFile } from '../../api.ts';
import type { Component, Page, Project, Schema } from '../../types.ts';

export interface ComponentFilters {
  q: string;
  building?: string;
}

export const listComponents = (projectId: string, f: ComponentFilters, page: number, pageSize: number, signal: AbortSignal) =>
  api.get<Page<Component>>(`/projects/${encodeURIComponent(projectId)}/components`, { q: f.q.trim(), building: f.building, page, pageSize }, signal);

export type NewComponent = Schema<'CreateProjectComponentRequest'>['items'][number];

export const registerComponents = (projectId: string, items: NewComponent[]) =>
  api.post<{ items: Component[] }>(`/projects/${encodeURIComponent(projectId)}/components`, { items });

/** The A4 sheet of QR labels (3×8 a page): the listed codes, or a building, or the whole project. */
export const downloadLabels = (projectId: string, sel: { codes?: string[]; building?: string }) =>
  downloadFile(
    `/projects/${encodeURIComponent(projectId)}/components/labels.pdf`,
    { codes: sel.codes && sel.codes.length > 0 ? sel.codes.join(',') : undefined, building: sel.building },
    'component-labels.pdf',
  );

export const resolveComponent = (code: string) => api.get<Component & { project: Project }>(`/components/resolve/${encodeURIComponent(code)}`);
