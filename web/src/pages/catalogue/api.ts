import { api } from '../../api.ts';
import type { Catalogue, CatalogueVersionInfo, Schema } from '../../types.ts';

export const getCurrentCatalogue = () => api.get<Catalogue>('/catalogue');
export const getCatalogueVersion = (version: number) => api.get<Catalogue>(`/catalogue/versions/${version}`);
export const listCatalogueVersions = () => api.get<CatalogueVersionInfo[]>('/catalogue/versions');

export type PublishResult = Schema<'CreateCatalogueVersionResponse'>;

export const publishCatalogue = (body: { basedOnVersion: number; note: string; document: unknown }) => api.post<PublishResult>('/catalogue/versions', body);
