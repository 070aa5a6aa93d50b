import type { Generated, Selectable } from 'kysely';

export interface DocumentsTable {
  id: Generated<string>;
  sha256: string;
  size: number;
  content_type: DocumentContentType;
  filename: string;
  organisation_id: string | null;
  region_code: string | null;
  uploaded_by: string;
  uploaded_at: Date;
}
export type DocumentRow = Selectable<DocumentsTable>;
export type DocumentContentType = 'application/pdf' | 'image/jpeg' | 'image/png';

declare module '../../kernel/db/types.ts' {
  interface Database {
    documents: DocumentsTable;
  }
}
