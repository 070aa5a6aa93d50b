import type { ColumnType, Generated, Selectable } from 'kysely';

export interface DailyCheckSnapshotsTable {
  id: Generated<string>;
  region_code: string;
  /** `YYYY-MM-DD`, a Beijing calendar day. */
  day: string;
  version: number;
  final: boolean;
  due: number;
  compliant: number;
  late: number;
  pending: number;
  suspended: number;
  missing: number;
  anomalies_opened: number;
  service_requests_opened: number;
  service_requests_closed: number;
  computed_at: Date;
  computed_by_type: 'user' | 'system';
  computed_by_id: string | null;
  computed_by_name: string;
  reason: string | null;
}
export type DailyCheckSnapshotRow = Selectable<DailyCheckSnapshotsTable>;

export type DrawKind = 'batches' | 'agencies';

export interface RandomDrawsTable {
  id: Generated<string>;
  title: string;
  department_id: string;
  region_code: string;
  kind: DrawKind;
  specialty: string | null;
  period_from: string;
  period_to: string;
  sample_size: number;
  inspector_pool: string[];
  inspector_count: number;
  seed: string;
  population: string[];
  population_digest: string;
  pool_digest: string;
  published_at: Date;
  published_by: string;
  published_by_name: string;
  status: 'published' | 'drawn';
  drawn_at: Date | null;
  drawn_by: string | null;
  selection: string[] | null;
  inspectors: string[] | null;
}
export type RandomDrawRow = Selectable<RandomDrawsTable>;

export interface SpecialCampaignsTable {
  id: Generated<string>;
  title: string;
  department_id: string;
  region_code: string;
  specialty: string | null;
  period_from: string;
  period_to: string;
  anomaly_kind: string | null;
  status: 'open' | 'closed';
  created_at: Date;
  created_by: string;
  created_by_name: string;
  summary: string | null;
  closed_at: Date | null;
  closed_by: string | null;
  row_version: ColumnType<number, number | undefined, number>;
}
export type SpecialCampaignRow = Selectable<SpecialCampaignsTable>;

export interface SpecialCampaignItemsTable {
  campaign_id: string;
  batch_id: string;
  position: number;
}

export interface InspectionFindingsTable {
  id: Generated<string>;
  draw_id: string | null;
  campaign_id: string | null;
  item_kind: 'batch' | 'agency';
  item_id: string;
  outcome: 'compliant' | 'problem';
  note: string;
  recorded_at: Date;
  recorded_by: string;
  recorded_by_name: string;
}
export type InspectionFindingRow = Selectable<InspectionFindingsTable>;

export interface InspectionFindingViolationsTable {
  finding_id: string;
  violation_id: string;
  created_at: Date;
}

declare module '../../kernel/db/types.ts' {
  interface Database {
    daily_check_snapshots: DailyCheckSnapshotsTable;
    random_draws: RandomDrawsTable;
    special_campaigns: SpecialCampaignsTable;
    special_campaign_items: SpecialCampaignItemsTable;
    inspection_findings: InspectionFindingsTable;
    inspection_finding_violations: InspectionFindingViolationsTable;
  }
}
