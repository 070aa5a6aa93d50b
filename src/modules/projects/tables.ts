import type { ColumnType, Generated, Selectable } from 'kysely';
import type { SiteBoundary } from './rules/geo.ts';

export interface ProjectsTable {
  id: Generated<string>;
  name: string;
  permit_number: string;
  permit_number_key: string;
  address: string;
  region_code: string;
  location_lng: number;
  location_lat: number;
  /** jsonb: written as a JSON string, read back as an object. */
  site: ColumnType<SiteBoundary, string, string>;
  construction_unit_id: string;
  supervision_unit_id: string | null;
  contractor_id: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  row_version: ColumnType<number, number | undefined, number>;
}
export type ProjectRow = Selectable<ProjectsTable>;

declare module '../../kernel/db/types.ts' {
  interface Database {
    projects: ProjectsTable;
  }
}
