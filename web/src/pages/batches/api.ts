import { api, postRaw, request } from '../../api.ts';
import type { Catalogue, Commission, Component, Equipment, Page, Person, Schema, Specialty } from '../../types.ts';
import type { AnomalyKind } from '../../../../src/modules/batches/anomalies.ts';
import type { BatchStatus } from '../../../../src/modules/batches/rules/lifecycle.ts';

export type { AnomalyKind, BatchStatus };

export interface Ref {
  id: string;
  name: string;
}

export type DeadlineView = BatchSummary['deadline'];
export type BatchSummary = Schema<'BatchSummary'>;
export type BatchEvent = Schema<'BatchEvent'>;
export type Anomaly = Schema<'Anomaly'>;
export type AnomalyListItem = Schema<'AnomalyListItem'>;
export type BatchItem = BatchDetail['items'][number];
export type BatchDetail = Schema<'BatchDetail'>;
export type RawRecord = Schema<'RawRecord'>;
export type ImageFlag = BatchImage['flags'][number];
export type BatchImage = Schema<'Image'>;
export type Checkin = Schema<'WitnessCheckin'>;
export type NewBatch = Schema<'CreateBatchRequest'>;
export type SealManifest = Schema<'SealBatchRequest'>;
export type NewRecord = Schema<'CreateBatchRecordRequest'>;











// ——— batches ———

export interface BatchFilters {
  status?: BatchStatus;
  projectId?: string;
  specialty?: Specialty;
  q?: string;
}

export const listBatches = (f: BatchFilters, page: number, pageSize: number, signal: AbortSignal) =>
  api.get<Page<BatchSummary>>('/batches', { status: f.status, projectId: f.projectId, specialty: f.specialty, q: f.q?.trim(), page, pageSize }, signal);

export const getBatch = (id: string, signal?: AbortSignal) => api.get<BatchDetail>(`/batches/${encodeURIComponent(id)}`, undefined, signal);


/** Opening is sent with an Idempotency-Key, so a retried click after a lost answer opens one batch, not two. */
export const openBatch = (body: NewBatch, key: string) => request<BatchDetail>('POST', '/batches', { body, headers: { 'idempotency-key': key } });

export const completeBatch = (id: string, completedAt: string) => api.post<BatchDetail>(`/batches/${encodeURIComponent(id)}/complete`, { completedAt });


export const sealBatch = (id: string, manifest: SealManifest) => api.post<BatchDetail>(`/batches/${encodeURIComponent(id)}/seal`, manifest);

export const reviewBatch = (id: string, decision: 'approve' | 'return', reasons: string | null) =>
  api.post<BatchDetail>(`/batches/${encodeURIComponent(id)}/review`, { decision, reasons });

export const attestBatch = (id: string, statement: string) => api.post<BatchDetail['attestations'][number]>(`/batches/${encodeURIComponent(id)}/witness-attestations`, { statement });

export const grantManualEntry = (id: string, itemCode: string, reason: string) =>
  api.post<BatchDetail['manualEntryExceptions'][number]>(`/batches/${encodeURIComponent(id)}/manual-entry-exceptions`, { itemCode, reason });

// ——— records, images, check-ins ———

export const listRecords = (batchId: string) => api.get<RawRecord[]>(`/batches/${encodeURIComponent(batchId)}/records`);


export const addRecord = (batchId: string, body: NewRecord, key: string) =>
  request<RawRecord>('POST', `/batches/${encodeURIComponent(batchId)}/records`, { body, headers: { 'idempotency-key': key } });

export const listImages = (batchId: string, page = 1, pageSize = 100) =>
  api.get<Page<BatchImage>>(`/batches/${encodeURIComponent(batchId)}/images`, { page, pageSize });

/** Every process image of the batch (the seal's manifest lists them all). */
export async function listAllImages(batchId: string): Promise<BatchImage[]> {
  const out: BatchImage[] = [];
  for (let page = 1; ; page++) {
    const p = await listImages(batchId, page, 100);
    out.push(...p.items);
    if (out.length >= p.total || p.items.length === 0) return out;
  }
}

export interface ImageMetadata {
  capturedAt: string;
  location: { lat: number; lng: number };
  testerPersonId: string;
  equipmentId: string;
  componentId: string;
  recordKeys: string[];
}

/** base64url of the UTF-8 JSON: the `X-QTrace-Metadata` header. */
export function encodeMetadata(meta: object): string {
  const bytes = new TextEncoder().encode(JSON.stringify(meta));
  let bin = '';
  bytes.forEach((b) => (bin += String.fromCharCode(b)));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The streamed upload: the file's bytes as the body, the declared metadata in the header, an Idempotency-Key. */
export const uploadImage = (batchId: string, file: Blob, meta: ImageMetadata, key: string) =>
  postRaw<BatchImage>(`/batches/${encodeURIComponent(batchId)}/images`, file, {
    'content-type': file.type || 'application/octet-stream',
    'idempotency-key': key,
    'x-qtrace-metadata': encodeMetadata(meta),
  });

export const imageThumbnailUrl = (id: string) => `/api/v1/images/${encodeURIComponent(id)}/thumbnail`;
export const imageContentUrl = (id: string) => `/api/v1/images/${encodeURIComponent(id)}/content`;

export const listCheckins = (batchId: string) => api.get<Checkin[]>(`/batches/${encodeURIComponent(batchId)}/checkins`);

/** The witness's check-in: the photo's bytes as the body, its time and place in X-QTrace-Metadata, an Idempotency-Key. */
export const checkIn = (batchId: string, photo: Blob, meta: { capturedAt: string; location: { lat: number; lng: number } }, key: string) =>
  postRaw<Checkin>(`/batches/${encodeURIComponent(batchId)}/checkins`, photo, {
    'content-type': photo.type || 'image/jpeg',
    'idempotency-key': key,
    'x-qtrace-metadata': encodeMetadata(meta),
  });

// ——— anomalies ———

export interface AnomalyFilters {
  status?: 'open' | 'acknowledged';
  kind?: AnomalyKind;
  batchId?: string;
}

export const listAnomalies = (f: AnomalyFilters, page: number, pageSize: number, signal: AbortSignal) =>
  api.get<Page<AnomalyListItem>>('/anomalies', { status: f.status, kind: f.kind, batchId: f.batchId, page, pageSize }, signal);

export const acknowledgeAnomaly = (id: string, note: string) => api.post<AnomalyListItem>(`/anomalies/${encodeURIComponent(id)}/acknowledge`, { note });

// ——— what the opening form picks from ———

export const listProjectCommissions = (projectId: string) => api.get<Page<Commission>>('/commissions', { projectId, status: 'active', pageSize: 100 });
export const listProjectComponents = (projectId: string) => api.get<Page<Component>>(`/projects/${encodeURIComponent(projectId)}/components`, { pageSize: 100 });
export const listAgencyEquipment = (agencyId: string) => api.get<Page<Equipment>>('/equipment', { agencyId, status: 'verified', pageSize: 100 });
export const listAgencyPeople = (agencyId: string, role: 'tester' | 'upload_owner') => api.get<Page<Person>>('/personnel', { agencyId, role, status: 'active', pageSize: 100 });
export const listWitnessOptions = (projectId: string) => api.get<Ref[]>('/batches/witness-options', { projectId });
export const getCurrentCatalogue = () => api.get<Catalogue>('/catalogue');
export const getCatalogueVersion = (version: number) => api.get<Catalogue>(`/catalogue/versions/${version}`);
export const getProjectLocation = (projectId: string) => api.get<{ location: { lng: number; lat: number } }>(`/projects/${encodeURIComponent(projectId)}`);

/**
 * A fresh key for one attempt of a request (kept for a retry after a lost answer): a random UUID, made with
 * getRandomValues because randomUUID exists only in secure contexts (a console served over plain HTTP on a LAN).
 */
export function newIdempotencyKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
