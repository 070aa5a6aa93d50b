/**
 * The platform's roles and kinds of organisation: one list for the server and the console (which imports this file),
 * so neither keeps a copy. Plain data, no imports: it is bundled into the console as it is.
 */

/** Roles, as DESIGN.md §1 and issue 2 name them. The database checks the same list. */
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

/** Which roles a person of each kind of organisation may hold. */
export const ROLES_BY_ORGANISATION_TYPE: Record<OrganisationType, readonly Role[]> = {
  department: ['dept_officer'],
  agency: ['agency_admin', 'upload_owner', 'tester', 'reviewer', 'signatory'],
  supervision_unit: ['witness'],
  construction_unit: ['construction_user'],
  contractor: ['contractor_user'],
};
