import type { Generated, Selectable } from 'kysely';

export interface WitnessPersonsTable {
  id: string;
  supervision_unit_id: string;
  name: string;
  /** PiiCodec.lookup of the 身份证号 (same derivation as personnel): recognises the same person without storing the number. */
  resident_id_lookup: string;
  resident_id_masked: string;
  pii_key_id: string;
  phone: string;
  user_id: string | null;
  created_at: Date;
  created_by: string;
}
export type WitnessPersonRow = Selectable<WitnessPersonsTable>;

export const AUTHORIZATION_KINDS = ['initial', 'new_authorization', 'replacement', 'revocation'] as const;
export type AuthorizationKind = (typeof AUTHORIZATION_KINDS)[number];
export const AUTHORIZATION_KIND_LABELS: Record<AuthorizationKind, string> = {
  initial: '首次授权登记',
  new_authorization: '新授权',
  replacement: '更换见证人员',
  revocation: '撤销授权',
};

export interface WitnessAuthorizationsTable {
  id: string;
  seq: Generated<number>;
  witness_id: string;
  supervision_unit_id: string;
  kind: AuthorizationKind;
  replaces_witness_id: string | null;
  document_id: string | null;
  document_sha256: string | null;
  /** date: read back as `YYYY-MM-DD` (the drivers are set up to keep dates as text). */
  signed_on: string | null;
  changed_at: Date | null;
  registered_at: Date;
  registered_by: string;
  reason: string | null;
  due_date: string | null;
  due_at: Date | null;
  due_provisional: boolean | null;
  uncovered_years: number[];
  late: boolean | null;
  violation_id: string | null;
}
export type WitnessAuthorizationRow = Selectable<WitnessAuthorizationsTable>;

export interface WitnessAuthorizationEffectsTable {
  seq: Generated<number>;
  authorization_id: string;
  witness_id: string;
  project_id: string;
  effect: 'grant' | 'end';
  effective_at: Date;
}

declare module '../../kernel/db/types.ts' {
  interface Database {
    witness_persons: WitnessPersonsTable;
    witness_authorizations: WitnessAuthorizationsTable;
    witness_authorization_effects: WitnessAuthorizationEffectsTable;
  }
}
