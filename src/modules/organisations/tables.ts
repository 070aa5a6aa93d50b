import type { ColumnType, Generated, Selectable } from 'kysely';
import type { OrganisationType } from '../../kernel/auth/actor.ts';

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  type: OrganisationType;
  uscc: string | null;
  region_code: string;
  contact_name: string | null;
  contact_phone: string | null;
  status: 'active' | 'disabled';
  created_at: Date;
  updated_at: Date;
  row_version: ColumnType<number, number | undefined, number>;
}
export type OrganisationRow = Selectable<OrganisationsTable>;

declare module '../../kernel/db/types.ts' {
  interface Database {
    organisations: OrganisationsTable;
  }
}
