import type { ColumnType, Generated, Selectable } from 'kysely';
import type { ForceMajeureStatus } from '../batches/index.ts';

export interface ForceMajeureFilingsTable {
  id: Generated<string>;
  batch_id: string;
  agency_id: string;
  project_id: string;
  region_code: string;
  department_region_code: string;
  department_id: string | null;
  reason: string;
  filed_at: Date;
  filed_by_type: 'user' | 'machine';
  filed_by_id: string;
  filed_by_name: string;
  status: ColumnType<ForceMajeureStatus, ForceMajeureStatus | undefined, ForceMajeureStatus>;
  decided_at: Date | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decision_reason: string | null;
  cleared_at: Date | null;
  cleared_declared_at: Date | null;
  cleared_by_name: string | null;
  cleared_note: string | null;
}
export type ForceMajeureFilingRow = Selectable<ForceMajeureFilingsTable>;

export interface ForceMajeureDocumentsTable {
  filing_id: string;
  document_id: string;
  sha256: string;
}

declare module '../../kernel/db/types.ts' {
  interface Database {
    force_majeure_filings: ForceMajeureFilingsTable;
    force_majeure_documents: ForceMajeureDocumentsTable;
  }
}
