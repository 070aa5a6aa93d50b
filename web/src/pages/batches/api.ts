import { api, postRaw, request } from '../../api.ts';
import type { Catalogue, Commission, Component, Equipment, Page, Person, Specialty } from '../../types.ts';
import type { AnomalyKind } from '../../../../src/modules/batches/anomalies.ts';
import type { BatchStatus } from '../../../../src/modules/batches/rules/lifecycle.ts';

export type { AnomalyKind, BatchStatus };

export interface Ref {
  id: string;
  name: string;
}

/** The 2-hour rule as the server computed it when the list or page was fetched. */
export interface DeadlineView {
  state: 'open' | 'running' | 'suspended';
  deadline: string | null;
  basis: 'completion' | 'force_majeure_cleared' | 'force_majeure_limit' | null;
  remainingMs: number | null;
  warning: boolean;
  overdue: boolean;
  sealedOnTime: boolean | null;
}

export interface BatchSummary {
  id: string;
  batchNumber: string;
  agency: Ref;
  project: Ref;
  regionCode: string;
  specialty: Specialty;
  specialtyName: string;
  status: BatchStatus;
  statusLabel: string;
  locked: boolean;
  openedAt: string;
  firstUploadAt: string | null;
  completedAt: string | null;
  sealedAt: string | null;
  reviewedAt: string | null;
  reportedAt: string | null;
  itemCodes: string[];
  deadline: DeadlineView;
  recordCount: number;
  openAnomalyCount: number;
}

export interface BatchEvent {
  id: number;
  at: string;
  event: string;
  fromStatus: string | null;
  toStatus: string | null;
  actorType: string;
  actorName: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

export interface Anomaly {
  id: string;
  batchId: string;
  agencyId: string;
  regionCode: string;
  kind: AnomalyKind;
  kindLabel: string;
  subjectType: string;
  subjectId: string | null;
  details: Record<string, unknown>;
  detectedAt: string;
  status: 'open' | 'acknowledged';
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  acknowledgeNote: string | null;
}

export type AnomalyListItem = Anomaly & { batchNumber: string; agencyName: string; projectId: string; projectName: string };

export interface BatchItem {
  code: string;
  name: string;
  standard: string;
  autoCollected: boolean;
  minImages: number;
}

export interface BatchDetail extends BatchSummary {
  commission: { id: string; contractNumber: string | null };
  catalogueVersion: number;
  items: BatchItem[];
  components: { code: string; display: string; building: string | null; floor: string | null; position: string | null; componentType: string | null }[];
  equipment: { id: string; equipmentType: string; model: string; serialNumber: string; autoCollect: boolean }[];
  testers: Ref[];
  uploadOwner: Ref;
  witness: Ref & { registeredNow: boolean };
  lock: { locked: boolean; lockedAt: string | null; lockReason: string | null; unlockedAt: string | null; unlockReason: string | null };
  note: string | null;
  events: BatchEvent[];
  anomalies: Anomaly[];
  seals: { id: string; seq: number; sealedAt: string; sealedByName: string | null; sealedByType: string; recordCount: number; imageCount: number; manifestSha256: string }[];
  reviews: { id: string; sealId: string; decision: 'approve' | 'return'; reasons: string | null; reviewer: Ref; reviewedAt: string }[];
  manualEntryExceptions: { id: string; batchId: string; itemCode: string; reason: string; department: Ref; grantedByName: string; grantedAt: string }[];
  attestations: { id: string; batchId: string; witness: Ref; statement: string; attestedAt: string; registered: boolean }[];
  latestRecordCount: number;
}

export interface RawRecord {
  id: string;
  batchId: string;
  recordKey: string;
  version: number;
  latest: boolean;
  itemCode: string;
  componentId: string;
  values: Record<string, unknown>;
  capturedAt: string;
  source: 'auto' | 'manual';
  manual: boolean;
  equipmentId: string;
  testerPersonId: string;
  contentSha256: string;
  signature: { alg: 'Ed25519'; keyId: string; value: string; signedPayload: string } | null;
  manualExceptionId: string | null;
  correctionReason: string | null;
  supplementary: boolean;
  receivedAt: string;
  submittedBy: { type: string; name: string | null };
  flags: AnomalyKind[];
}

export interface ImageFlag {
  kind: string;
  label: string;
  details: Record<string, unknown>;
  detectedAt: string;
  status: 'open' | 'acknowledged';
}

export interface BatchImage {
  id: string;
  batchId: string;
  kind: 'process' | 'witness_checkin';
  status: 'processing' | 'done' | 'failed';
  sha256: string;
  size: number;
  contentType: string;
  format: string;
  width: number;
  height: number;
  declared: {
    capturedAt: string;
    location: { lat: number; lng: number };
    testerPersonId: string | null;
    equipmentId: string | null;
    componentId: string | null;
    componentIdDisplay: string | null;
    recordKeys: string[];
  };
  exif: {
    takenAtLocal: string | null;
    offset: string | null;
    takenAt: string | null;
    latitude: number | null;
    longitude: number | null;
    make: string | null;
    model: string | null;
    software: string | null;
  } | null;
  thumbnail: { width: number; height: number } | null;
  previewNote: string | null;
  analysedAt: string | null;
  signed: boolean;
  /** Signed capture (issue 11): verified when a phone or capture app signed it with an enrolled key over a fresh challenge. */
  capture: { status: 'verified' | 'unsigned'; keyId: string | null; algorithm: 'Ed25519' | 'ES256' | null; code: string | null; positionAccuracy: number | null; appVersion: string | null };
  supplementary: boolean;
  uploadedAt: string;
  uploadedBy: { type: 'user' | 'machine'; id: string; name: string };
  flags: ImageFlag[];
}

export interface Checkin {
  id: string;
  batchId: string;
  witness: { personId: string; name: string };
  checkedInAt: string;
  location: { lat: number; lng: number };
  insideSite: boolean;
  namedOnBatch: boolean;
  photo: BatchImage;
  flags: ImageFlag[];
}

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

export interface NewBatch {
  projectId: string;
  commissionId: string;
  specialty: Specialty;
  itemCodes: string[];
  componentIds: string[];
  equipmentIds: string[];
  testerPersonIds: string[];
  witnessPersonId: string;
  uploadOwnerPersonId: string;
  note?: string | null;
}

/** Opening is sent with an Idempotency-Key, so a retried click after a lost answer opens one batch, not two. */
export const openBatch = (body: NewBatch, key: string) => request<BatchDetail>('POST', '/batches', { body, headers: { 'idempotency-key': key } });

export const completeBatch = (id: string, completedAt: string) => api.post<BatchDetail>(`/batches/${encodeURIComponent(id)}/complete`, { completedAt });

export interface SealManifest {
  recordCount: number;
  imageCount: number;
  records: { recordKey: string; version: number; sha256: string }[];
  images: { sha256: string }[];
}

export const sealBatch = (id: string, manifest: SealManifest) => api.post<BatchDetail>(`/batches/${encodeURIComponent(id)}/seal`, manifest);

export const reviewBatch = (id: string, decision: 'approve' | 'return', reasons: string | null) =>
  api.post<BatchDetail>(`/batches/${encodeURIComponent(id)}/review`, { decision, reasons });

export const attestBatch = (id: string, statement: string) => api.post<BatchDetail['attestations'][number]>(`/batches/${encodeURIComponent(id)}/witness-attestations`, { statement });

export const grantManualEntry = (id: string, itemCode: string, reason: string) =>
  api.post<BatchDetail['manualEntryExceptions'][number]>(`/batches/${encodeURIComponent(id)}/manual-entry-exceptions`, { itemCode, reason });

// ——— records, images, check-ins ———

export const listRecords = (batchId: string) => api.get<RawRecord[]>(`/batches/${encodeURIComponent(batchId)}/records`);

export interface NewRecord {
  recordKey: string;
  itemCode: string;
  componentId: string;
  values: Record<string, unknown>;
  capturedAt: string;
  source: 'manual';
  equipmentId: string;
  testerPersonId: string;
  correctionOf?: { version: number; reason: string };
}

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
