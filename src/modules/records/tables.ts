import type { ColumnType, Generated, Selectable } from 'kysely';

export const RECORD_SOURCES = ['auto', 'manual'] as const;
export type RecordSource = (typeof RECORD_SOURCES)[number];

/** Raw records (原始记录): one row per version; the database refuses UPDATE and DELETE (migration 0007). */
export interface BatchRecordsTable {
  id: Generated<string>;
  batch_id: string;
  record_key: string;
  version: number;
  item_code: string;
  component_code: string;
  /** jsonb: written as a JSON string, read back as an object. */
  values: ColumnType<Record<string, unknown>, string, never>;
  captured_at: Date;
  source: RecordSource;
  equipment_id: string;
  tester_person_id: string;
  content_sha256: string;
  signed_payload: string | null;
  signature_alg: 'Ed25519' | null;
  signature_value: string | null;
  signature_key_id: string | null;
  manual_exception_id: string | null;
  correction_reason: string | null;
  supplementary: boolean;
  received_at: Date;
  submitted_by_type: 'user' | 'machine' | 'system';
  submitted_by_id: string | null;
  submitted_by_name: string | null;
}
export type BatchRecordRow = Selectable<BatchRecordsTable>;

declare module '../../kernel/db/types.ts' {
  interface Database {
    batch_records: BatchRecordsTable;
  }
}
