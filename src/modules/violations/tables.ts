import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Severity, ViolationSource, ViolationType } from './types.ts';

export interface ViolationsTable {
  id: Generated<string>;
  organisation_id: string;
  person_ref: string | null;
  type: ViolationType;
  severity: Severity;
  occurred_at: Date;
  source: ViolationSource;
  intentional: boolean | null;
  /** jsonb: written as a JSON string, read back as an object. */
  evidence: ColumnType<Record<string, unknown>, string, string>;
  region_code: string;
  project_id: string | null;
  batch_ref: string | null;
  source_ref: string | null;
  created_at: Date;
  recorded_by: string | null;
}
export type ViolationRow = Selectable<ViolationsTable>;

declare module '../../kernel/db/types.ts' {
  interface Database {
    violations: ViolationsTable;
  }
}
