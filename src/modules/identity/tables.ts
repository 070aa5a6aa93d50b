import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Role } from '../../kernel/auth/actor.ts';

export interface UsersTable {
  id: Generated<string>;
  username: string;
  username_lower: ColumnType<string, never, never>;
  display_name: string;
  organisation_id: string | null;
  roles: Role[];
  password_hash: string;
  must_change_password: boolean;
  status: 'active' | 'disabled';
  created_at: Date;
  updated_at: Date;
  last_login_at: Date | null;
  password_changed_at: Date;
  row_version: ColumnType<number, number | undefined, number>;
}
export type UserRow = Selectable<UsersTable>;

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  client_ip: string | null;
  user_agent: string | null;
  second_factor_enrollment_pending: Generated<boolean>;
}

export interface UserTotpTable {
  id: Generated<string>;
  user_id: string;
  secret_base32: string;
  created_at: Date;
  confirmed_at: Date | null;
  last_used_step: string | number | null;
  ended_at: Date | null;
  ended_by: string | null;
  end_reason: string | null;
}

export interface UserRecoveryCodesTable {
  totp_id: string;
  code_hash: string;
  used_at: Date | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  username_lower: string;
  client_ip: string;
  at: Date;
  success: boolean;
  /** The known browser's device-cookie hash; null when the browser was not known to the account tried. */
  device_hash: string | null;
}

export interface LoginDevicesTable {
  token_hash: string;
  username_lower: string;
  first_success_at: Date;
  last_success_at: Date;
}

export interface MachineCredentialsTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  key_id: string;
  secret_hash: string;
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
  last_used_at: Date | null;
}
export type MachineCredentialRow = Selectable<MachineCredentialsTable>;

declare module '../../kernel/db/types.ts' {
  interface Database {
    users: UsersTable;
    sessions: SessionsTable;
    login_attempts: LoginAttemptsTable;
    login_devices: LoginDevicesTable;
    user_totp: UserTotpTable;
    user_recovery_codes: UserRecoveryCodesTable;
    machine_credentials: MachineCredentialsTable;
  }
}
