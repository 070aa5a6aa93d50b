import type { Generated, Selectable } from 'kysely';

/** The ledger's tables (migration 0017). */
export interface LedgerIdentityTable {
  one: Generated<boolean>;
  origin: string;
  public_key: string;
  created_at: Date;
}
export interface LedgerEntriesTable {
  /** bigserial (int8 is read as a number; safe up to 2^53). */
  id: Generated<number>;
  object_type: string;
  object_id: string;
  content_sha256: string;
  entry: string;
  leaf_index: number | null;
}
export interface LedgerTilesTable {
  level: number;
  idx: number;
  width: number;
  data: Uint8Array;
}
export interface LedgerCheckpointsTable {
  size: number;
  root: string;
  note: string;
  published_at: Date;
}
export interface LedgerCosignaturesTable {
  checkpoint_size: number;
  cosigner_name: string;
  key_id: string;
  cosigned_at: Date;
  signature_line: string;
  received_at: Date;
}
export interface IntegrityAlarmsTable {
  id: Generated<string>;
  kind: 'blob_hash_mismatch' | 'blob_missing';
  sha256: string;
  actual_sha256: string | null;
  found_by: 'download' | 'scrub' | 'audit';
  detected_at: Date;
}
export type LedgerEntryRow = Selectable<LedgerEntriesTable>;

declare module '../../kernel/db/types.ts' {
  interface Database {
    ledger_identity: LedgerIdentityTable;
    ledger_entries: LedgerEntriesTable;
    ledger_tiles: LedgerTilesTable;
    ledger_checkpoints: LedgerCheckpointsTable;
    ledger_cosignatures: LedgerCosignaturesTable;
    integrity_alarms: IntegrityAlarmsTable;
  }
}
