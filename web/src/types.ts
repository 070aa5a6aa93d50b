/** Shapes of the QTrace API (`/api/v1`), as the console uses them. */

export const ROLES = [
  'platform_admin',
  'dept_officer',
  'agency_admin',
  'upload_owner',
  'tester',
  'reviewer',
  'signatory',
  'witness',
  'construction_user',
  'contractor_user',
] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_TYPES = ['agency', 'construction_unit', 'supervision_unit', 'contractor', 'department'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export type RegionLevel = 'province' | 'city' | 'county';
export type Status = 'active' | 'disabled';

export interface Page<T> {
  items: T[];
  total: number;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  organisation: { id: string; name: string; type: OrganisationType; regionCode: string } | null;
  jurisdiction: { code: string; name: string; level: RegionLevel } | null;
  mustChangePassword: boolean;
  assignableRoles: Role[];
}

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  hasDepartment: boolean;
  /** Whether the code is an official GB/T 2260 code (the platform defines a few of its own). */
  gb2260?: boolean;
}

export interface Organisation {
  id: string;
  name: string;
  type: OrganisationType;
  uscc: string | null;
  regionCode: string;
  regionName: string;
  contactName: string | null;
  contactPhone: string | null;
  status: Status;
  createdAt: string;
}

export interface NewOrganisation {
  name: string;
  type: OrganisationType;
  uscc?: string | null;
  regionCode: string;
  contactName?: string | null;
  contactPhone?: string | null;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  organisationId: string | null;
  organisationName: string | null;
  roles: Role[];
  status: Status;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface NewUser {
  username: string;
  displayName: string;
  organisationId: string | null;
  roles: Role[];
  password: string;
}

export interface MachineCredential {
  id: string;
  name: string;
  keyId: string;
  createdAt: string;
  createdByName: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface AuditRecord {
  id: number;
  at: string;
  actorType?: string;
  actorId: string | null;
  actorName: string | null;
  /** The actor's roles at the time, comma-separated. */
  actorRole: string;
  organisationId: string | null;
  organisationName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  clientIp: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}
