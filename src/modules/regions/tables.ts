import type { Selectable } from 'kysely';

export interface RegionsTable {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  parent_code: string | null;
  path: string;
  has_department: boolean;
  gb2260: boolean;
  gb_parent_code: string | null;
  sort_order: number;
}
export type RegionRow = Selectable<RegionsTable>;

declare module '../../kernel/db/types.ts' {
  interface Database {
    regions: RegionsTable;
  }
}
