import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Specialty } from '../../kernel/specialties.ts';
import type { DateColumn } from '../agencies/index.ts';
import type { PersonCertificateKind, PersonnelRole } from './roles.ts';

export interface PersonnelTable {
  id: Generated<string>;
  agency_id: string;
  name: string;
  resident_id_lookup: string;
  resident_id_sealed: string;
  resident_id_masked: string;
  pii_key_id: string;
  roles: PersonnelRole[];
  user_id: string | null;
  status: 'active' | 'left';
  joined_on: DateColumn;
  left_on: DateColumn | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  row_version: ColumnType<number, number | undefined, number>;
}
export type PersonRow = Selectable<PersonnelTable>;

export interface PersonnelCertificatesTable {
  id: Generated<string>;
  person_id: string;
  kind: PersonCertificateKind;
  certificate_number: string;
  specialty: Specialty;
  valid_from: DateColumn;
  valid_to: DateColumn;
  document_id: string | null;
  created_by: string | null;
  created_at: Date;
}
export type PersonCertificateRow = Selectable<PersonnelCertificatesTable>;

declare module '../../kernel/db/types.ts' {
  interface Database {
    personnel: PersonnelTable;
    personnel_certificates: PersonnelCertificatesTable;
  }
}
