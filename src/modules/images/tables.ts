import type { ColumnType, Generated, Selectable } from 'kysely';
import type { ImageContentType, ImageExif, ImageInspection } from './inspect.ts';

/** jsonb: written as a JSON string, read back as a value. */
type Json<T> = ColumnType<T, string, never>;

export const IMAGE_KINDS = ['process', 'witness_checkin'] as const;
export type ImageKind = (typeof IMAGE_KINDS)[number];

/** Process images and check-in photos (migration 0008): append-only. */
export interface ImagesTable {
  id: Generated<string>;
  batch_id: string;
  kind: ImageKind;
  agency_id: string;
  project_id: string;
  region_code: string;
  sha256: string;
  size: number;
  content_type: ImageContentType;
  format: ImageInspection['format'];
  width: number;
  height: number;
  captured_at: Date;
  location_lat: number;
  location_lng: number;
  tester_person_id: string | null;
  equipment_id: string | null;
  component_code: string | null;
  declared: Json<Record<string, unknown>>;
  signed: boolean;
  signed_payload: string | null;
  signature_alg: 'Ed25519' | null;
  signature_value: string | null;
  signature_key_id: string | null;
  supplementary: boolean;
  channel: 'direct' | 'resumable';
  uploaded_at: Date;
  uploaded_by_type: 'user' | 'machine';
  uploaded_by_id: string;
  uploaded_by_name: string;
}
export type ImageRow = Selectable<ImagesTable>;

export interface ImageRecordsTable {
  image_id: string;
  batch_id: string;
  record_key: string;
}

export interface ImageAnalysesTable {
  image_id: string;
  exif: Json<ImageExif>;
  exif_taken_at: Date | null;
  thumbnail_sha256: string | null;
  thumbnail_width: number | null;
  thumbnail_height: number | null;
  perceptual_hash: string | null;
  phash_b0: number | null;
  phash_b1: number | null;
  phash_b2: number | null;
  phash_b3: number | null;
  preview_note: string | null;
  analysed_at: Date;
  /** Evidence of the forensic checks (src/modules/forensics ForensicEvidence); null for analyses before issue 12. */
  forensics: ColumnType<unknown, string | null | undefined, string | null>;
}
export type ImageAnalysisRow = Selectable<ImageAnalysesTable>;

export type ImageJobState = 'pending' | 'running' | 'done' | 'failed';

export interface ImageJobsTable {
  image_id: string;
  state: ImageJobState;
  attempts: ColumnType<number, number | undefined, number>;
  available_at: Date;
  claim_token: string | null;
  claimed_by: string | null;
  lease_until: Date | null;
  last_error: string | null;
  created_at: Date;
  finished_at: Date | null;
}
export type ImageJobRow = Selectable<ImageJobsTable>;

export type UploadState = 'receiving' | 'attached' | 'refused' | 'terminated';

export interface UploadRefusal {
  status: number;
  code: string;
  message: string;
  field?: string;
}

export interface ImageUploadsTable {
  id: Generated<string>;
  organisation_id: string;
  batch_id: string;
  kind: 'process';
  upload_length: number;
  upload_offset: ColumnType<number, number | undefined, number>;
  declared: Json<Record<string, unknown>>;
  idempotency_key: string;
  state: UploadState;
  image_id: string | null;
  refusal: ColumnType<UploadRefusal | null, string | null, string | null>;
  created_at: Date;
  expires_at: Date;
  updated_at: Date;
  created_by_type: 'user' | 'machine';
  created_by_id: string;
  created_by_name: string;
}
export type ImageUploadRow = Selectable<ImageUploadsTable>;

export interface ImageUploadSegmentsTable {
  upload_id: string;
  offset: number;
  length: number;
  sha256: string;
  stored_at: Date;
}

declare module '../../kernel/db/types.ts' {
  interface Database {
    images: ImagesTable;
    image_records: ImageRecordsTable;
    image_analyses: ImageAnalysesTable;
    image_jobs: ImageJobsTable;
    image_uploads: ImageUploadsTable;
    image_upload_segments: ImageUploadSegmentsTable;
  }
}
