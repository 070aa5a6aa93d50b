import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CaseOutcome, CaseRung, CaseStatus } from '../violations/index.ts';

export interface EnforcementCasesTable {
  id: Generated<string>;
  organisation_id: string;
  year: number;
  rung: CaseRung;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  region_code: string;
  reasons: string[];
  violation_ids: string[];
  supplementary_uploads: number;
  proposed_at: Date;
  confirmed_at: Date | null;
  confirmed_by: string | null;
  due_at: Date | null;
  dismissed_at: Date | null;
  dismissed_by: string | null;
  dismiss_reason: string | null;
  interview_held_at: Date | null;
  interview_attendees: string | null;
  interview_minutes: string | null;
  report_text: string | null;
  report_document_ids: ColumnType<string[], string[] | undefined, string[]>;
  report_submitted_at: Date | null;
  report_submitted_by: string | null;
  decision_note: string | null;
  penalty_decision_number: string | null;
  penalty_content: string | null;
  dishonest: boolean | null;
  market_restriction_id: string | null;
  closed_at: Date | null;
  closed_by: string | null;
  row_version: ColumnType<number, number | undefined, number>;
}
export type EnforcementCaseRow = Selectable<EnforcementCasesTable>;

export interface EnforcementCaseEventsTable {
  id: Generated<string>;
  case_id: string;
  at: Date;
  event: string;
  actor_type: 'user' | 'machine' | 'system' | 'anonymous';
  actor_id: string | null;
  actor_name: string | null;
  details: ColumnType<Record<string, unknown>, string, string>;
}

export type CreditEntryKind = 'violation' | 'exemption' | 'penalty';

export interface CreditEntriesTable {
  id: Generated<string>;
  organisation_id: string;
  person_ref: string | null;
  year: number;
  kind: CreditEntryKind;
  violation_id: string | null;
  case_id: string | null;
  points: number;
  note: string;
  recorded_at: Date;
}

export interface FraudReportsTable {
  id: Generated<string>;
  project_id: string;
  reporter_organisation_id: string;
  reported_by: string;
  subject_organisation_id: string | null;
  description: string;
  document_ids: ColumnType<string[], string[] | undefined, string[]>;
  region_code: string;
  created_at: Date;
  status: ColumnType<'open' | 'recorded' | 'dismissed', 'open' | undefined, 'recorded' | 'dismissed'>;
  handled_at: Date | null;
  handled_by: string | null;
  handling_note: string | null;
  violation_id: string | null;
}
export type FraudReportRow = Selectable<FraudReportsTable>;

declare module '../../kernel/db/types.ts' {
  interface Database {
    enforcement_cases: EnforcementCasesTable;
    enforcement_case_events: EnforcementCaseEventsTable;
    credit_entries: CreditEntriesTable;
    fraud_reports: FraudReportsTable;
  }
}
