import type { ColumnType, Generated, Selectable } from 'kysely';

export const SERVICE_REQUEST_TYPES = ['equipment_connection', 'image_capture', 'other'] as const;
export type ServiceRequestType = (typeof SERVICE_REQUEST_TYPES)[number];
export const SERVICE_REQUEST_STATUSES = ['requested', 'scheduled', 'closed'] as const;
export type ServiceRequestStatus = (typeof SERVICE_REQUEST_STATUSES)[number];

export interface ServiceRequestsTable {
  id: Generated<string>;
  agency_id: string;
  region_code: string;
  project_id: string | null;
  type: ServiceRequestType;
  description: string;
  contact_phone: string | null;
  status: ServiceRequestStatus;
  created_at: Date;
  created_by: string;
  created_by_name: string;
  /** `YYYY-MM-DD` */
  visit_date: string | null;
  visit_officer_id: string | null;
  visit_officer_name: string | null;
  scheduled_at: Date | null;
  scheduled_by: string | null;
  closed_at: Date | null;
  closed_by: string | null;
  close_note: string | null;
  row_version: ColumnType<number, number | undefined, number>;
}
export type ServiceRequestRow = Selectable<ServiceRequestsTable>;

declare module '../../kernel/db/types.ts' {
  interface Database {
    service_requests: ServiceRequestsTable;
  }
}
