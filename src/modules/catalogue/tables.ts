import type { Selectable } from 'kysely';

export interface CatalogueVersionsTable {
  version: number;
  /** jsonb: written as a JSON string, read back as an object. */
  document: string | Record<string, unknown>;
  checksum: string;
  note: string;
  author_id: string | null;
  author_name: string;
  created_at: Date;
}
export type CatalogueVersionRow = Selectable<CatalogueVersionsTable>;

declare module '../../kernel/db/types.ts' {
  interface Database {
    catalogue_versions: CatalogueVersionsTable;
  }
}
