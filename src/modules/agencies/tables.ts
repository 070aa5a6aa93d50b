import type { ColumnType, Generated, Selectable } from 'kysely';
import type { AgencyOrigin } from './rules/connection.ts';
import type { Specialty } from '../../kernel/specialties.ts';

/** `date` columns: read and written as `YYYY-MM-DD` (both drivers are configured to leave dates as text). */
export type DateColumn = ColumnType<string, string, string>;

export interface AgencyProfilesTable {
  organisation_id: string;
  origin: AgencyOrigin;
  created_at: Date;
  updated_at: Date;
  row_version: ColumnType<number, number | undefined, number>;
}
export type AgencyProfileRow = Selectable<AgencyProfilesTable>;

export type QualificationGrade = 'comprehensive' | 'specialised';
export type VerificationStatus = 'pending' | 'verified' | 'rejected';

/** The department's check of a submitted document, the same columns on both tables. */
interface VerificationColumns {
  status: VerificationStatus;
  submitted_by: string | null;
  submitted_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
  superseded_by: string | null;
  superseded_at: Date | null;
}

export interface AgencyQualificationsTable extends VerificationColumns {
  id: Generated<string>;
  agency_id: string;
  certificate_number: string;
  grade: QualificationGrade;
  specialties: Specialty[];
  valid_from: DateColumn;
  valid_to: DateColumn;
  issuer: string;
  document_id: string | null;
  replaces_id: string | null;
}
export type AgencyQualificationRow = Selectable<AgencyQualificationsTable>;

/** 入吉备案 submissions (migrations/0020): never edited; a changed filing is the next version. */
export interface AgencyFilingsTable extends VerificationColumns {
  id: Generated<string>;
  agency_id: string;
  version: number;
  filing_number: string;
  filing_date: DateColumn;
  valid_from: DateColumn;
  valid_to: DateColumn;
  document_id: string | null;
}
export type AgencyFilingRow = Selectable<AgencyFilingsTable>;

declare module '../../kernel/db/types.ts' {
  interface Database {
    agency_profiles: AgencyProfilesTable;
    agency_qualifications: AgencyQualificationsTable;
    agency_filings: AgencyFilingsTable;
  }
}
