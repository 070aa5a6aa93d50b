import type { Generated, Selectable } from 'kysely';

export interface ComponentsTable {
  id: Generated<string>;
  code: string;
  project_id: string;
  building: string;
  floor: string | null;
  position: string;
  component_type: string;
  note: string | null;
  created_by: string | null;
  created_at: Date;
}
export type ComponentRow = Selectable<ComponentsTable>;

declare module '../../kernel/db/types.ts' {
  interface Database {
    components: ComponentsTable;
  }
}
