import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Specialty } from '../../kernel/specialties.ts';
import type { BatchStatus } from './rules/lifecycle.ts';

/** jsonb: written as a JSON string, read back as a value. */
type Json<T> = ColumnType<T, string, string>;

export interface BatchNumberCountersTable {
  agency_id: string;
  year: number;
  last_value: number;
}

export interface BatchesTable {
  id: Generated<string>;
  agency_id: string;
  batch_number: string;
  number_year: number;
  number_seq: number;
  project_id: string;
  region_code: string;
  commission_id: string;
  specialty: Specialty;
  catalogue_version: number;
  item_codes: string[];
  component_codes: string[];
  equipment_ids: string[];
  tester_person_ids: string[];
  witness_person_id: string;
  upload_owner_person_id: string;
  note: string | null;
  status: BatchStatus;
  opened_at: Date;
  opened_by_type: 'user' | 'machine' | 'system';
  opened_by_id: string | null;
  opened_by_name: string | null;
  first_upload_at: Date | null;
  completed_at: Date | null;
  completion_declared_at: Date | null;
  first_sealed_at: Date | null;
  current_seal_id: string | null;
  reviewed_at: Date | null;
  reported_at: Date | null;
  locked: ColumnType<boolean, boolean | undefined, boolean>;
  locked_at: Date | null;
  lock_reason: string | null;
  unlocked_at: Date | null;
  unlocked_by: string | null;
  unlock_reason: string | null;
  /** The sweeper's instants (migration 0009, src/modules/deadlines): maintained from the 2-hour rule, never by hand. */
  lock_due_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  warn_due_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  missing_due_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  missing_flagged_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  row_version: ColumnType<number, number | undefined, number>;
}
export type BatchRow = Selectable<BatchesTable>;

export interface BatchEventsTable {
  id: Generated<number>;
  batch_id: string;
  at: Date;
  event: string;
  from_status: string | null;
  to_status: string | null;
  actor_type: 'user' | 'machine' | 'system' | 'anonymous';
  actor_id: string | null;
  actor_name: string | null;
  reason: string | null;
  details: Json<Record<string, unknown>>;
}
export type BatchEventRow = Selectable<BatchEventsTable>;

export interface AnomaliesTable {
  id: Generated<string>;
  batch_id: string;
  agency_id: string;
  region_code: string;
  kind: string;
  details: Json<Record<string, unknown>>;
  subject_type: string;
  subject_id: string | null;
  detected_at: Date;
  status: ColumnType<'open' | 'acknowledged', 'open' | 'acknowledged' | undefined, 'open' | 'acknowledged'>;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  acknowledge_note: string | null;
}
export type AnomalyRow = Selectable<AnomaliesTable>;

export interface BatchSealsTable {
  id: Generated<string>;
  batch_id: string;
  seq: number;
  manifest: Json<unknown>;
  manifest_sha256: string;
  record_count: number;
  image_count: number;
  sealed_at: Date;
  sealed_by_type: 'user' | 'machine' | 'system';
  sealed_by_id: string | null;
  sealed_by_name: string | null;
  owner_person_id: string;
}
export type BatchSealRow = Selectable<BatchSealsTable>;

export interface BatchReviewsTable {
  id: Generated<string>;
  batch_id: string;
  seal_id: string;
  decision: 'approve' | 'return';
  reasons: string | null;
  reviewer_person_id: string;
  reviewer_user_id: string;
  reviewer_name: string;
  reviewed_at: Date;
}
export type BatchReviewRow = Selectable<BatchReviewsTable>;

export interface ManualEntryExceptionsTable {
  id: Generated<string>;
  batch_id: string;
  item_code: string;
  reason: string;
  department_id: string;
  granted_by: string;
  granted_by_name: string;
  granted_at: Date;
}
export type ManualEntryExceptionRow = Selectable<ManualEntryExceptionsTable>;

export interface WitnessAttestationsTable {
  id: Generated<string>;
  batch_id: string;
  witness_person_id: string;
  user_id: string;
  statement: string;
  attested_at: Date;
  registered: boolean;
}
export type WitnessAttestationRow = Selectable<WitnessAttestationsTable>;

declare module '../../kernel/db/types.ts' {
  interface Database {
    batch_number_counters: BatchNumberCountersTable;
    batches: BatchesTable;
    batch_events: BatchEventsTable;
    anomalies: AnomaliesTable;
    batch_seals: BatchSealsTable;
    batch_reviews: BatchReviewsTable;
    manual_entry_exceptions: ManualEntryExceptionsTable;
    witness_attestations: WitnessAttestationsTable;
  }
}
