import type { Generated, Insertable, Selectable } from 'kysely';

export interface AuditLogTable {
  id: Generated<number>;
  at: Date;
  actor_type: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_roles: string[];
  organisation_id: string | null;
  region_code: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  client_ip: string | null;
  request_id: string | null;
  /** jsonb: written as a JSON string, read back as an object. */
  details: string | Record<string, unknown>;
}
export type AuditLogRow = Selectable<AuditLogTable>;
export type NewAuditLogRow = Insertable<AuditLogTable>;

declare module './db/types.ts' {
  interface Database {
    audit_log: AuditLogTable;
  }
}
