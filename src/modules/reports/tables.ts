import type { ColumnType, Generated, Selectable } from 'kysely';
import type { ReportContent, ReportStatus } from './rules/content.ts';

export interface ReportNumberCountersTable {
  agency_id: string;
  year: number;
  last_value: number;
}

/** Reports (migration 0010): content never changes; a valid report may once become superseded or revoked. */
export interface ReportsTable {
  id: Generated<string>;
  report_number: string;
  agency_id: string;
  number_year: number;
  number_seq: number;
  check_code: string;
  batch_id: string;
  seal_id: string;
  project_id: string;
  region_code: string;
  /** jsonb: written as a JSON string, read back as a value. */
  content: ColumnType<ReportContent, string, never>;
  content_sha256: string;
  pdf_sha256: string;
  pdf_size: number;
  signatory_person_id: string;
  signatory_name: string;
  generated_at: Date;
  generated_by: string;
  supersedes_id: string | null;
  supersede_reason: string | null;
  status: ColumnType<ReportStatus, ReportStatus | undefined, ReportStatus>;
  superseded_at: Date | null;
  revoked_at: Date | null;
  revoked_by: string | null;
  revoked_by_name: string | null;
  revoke_reason: string | null;
}
export type ReportRow = Selectable<ReportsTable>;

declare module '../../kernel/db/types.ts' {
  interface Database {
    report_number_counters: ReportNumberCountersTable;
    reports: ReportsTable;
  }
}
