import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Specialty } from '../../kernel/specialties.ts';

export interface CommissionsTable {
  id: Generated<string>;
  project_id: string;
  agency_id: string;
  construction_unit_id: string;
  specialties: ColumnType<Specialty[], Specialty[], Specialty[]>;
  contract_number: string | null;
  note: string | null;
  status: 'active' | 'terminated';
  created_by: string;
  created_at: Date;
  terminated_at: Date | null;
  terminated_by: string | null;
  termination_reason: string | null;
}
export type CommissionRow = Selectable<CommissionsTable>;

export interface MarketRestrictionsTable {
  id: Generated<string>;
  organisation_id: string;
  reason: string;
  restricted_from: Date;
  restricted_until: Date | null;
  /** The department (an organisation) that decided it. */
  decided_by: string;
  case_reference: string | null;
  created_by: string | null;
  created_at: Date;
  lifted_at: Date | null;
  lifted_by: string | null;
  lift_reason: string | null;
}
export type MarketRestrictionRow = Selectable<MarketRestrictionsTable>;

declare module '../../kernel/db/types.ts' {
  interface Database {
    commissions: CommissionsTable;
    market_restrictions: MarketRestrictionsTable;
  }
}
