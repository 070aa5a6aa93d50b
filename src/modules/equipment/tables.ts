import type { ColumnType, Generated, Selectable } from 'kysely';
import type { DateColumn, VerificationStatus } from '../agencies/index.ts';

export interface EquipmentTable {
  id: Generated<string>;
  agency_id: string;
  equipment_type: string;
  maker: string;
  model: string;
  serial_number: string;
  auto_collect: boolean;
  auto_collect_protocol: string | null;
  status: VerificationStatus;
  submitted_by: string | null;
  submitted_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
  created_at: Date;
  updated_at: Date;
  row_version: ColumnType<number, number | undefined, number>;
}
export type EquipmentRow = Selectable<EquipmentTable>;

/** 检定 is `verification` (metrological verification), 校准 is `calibration`. */
export type CalibrationKind = 'verification' | 'calibration';

export interface EquipmentCalibrationsTable {
  id: Generated<string>;
  equipment_id: string;
  certificate_number: string;
  kind: CalibrationKind;
  issuing_body: string;
  valid_from: DateColumn;
  valid_to: DateColumn;
  document_id: string | null;
  created_by: string | null;
  created_at: Date;
}
export type CalibrationRow = Selectable<EquipmentCalibrationsTable>;

export interface EquipmentKeysTable {
  id: Generated<string>;
  equipment_id: string;
  public_key: string;
  fingerprint: string;
  valid_from: Date;
  valid_to: Date | null;
  created_by: string | null;
  created_at: Date;
}
export type EquipmentKeyRow = Selectable<EquipmentKeysTable>;

declare module '../../kernel/db/types.ts' {
  interface Database {
    equipment: EquipmentTable;
    equipment_calibrations: EquipmentCalibrationsTable;
    equipment_keys: EquipmentKeysTable;
  }
}
