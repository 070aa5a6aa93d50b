/**
 * Shapes of the QTrace API (`/api/v1`), as the console uses them: every one is the server's own response schema,
 * through the types `npm run client:generate` writes from `/openapi.json` (src/client/api-types.ts). None is written
 * by hand, so a changed route schema fails the console's typecheck where the console still uses the old shape.
 * Constants both sides need (roles, kinds of organisation, specialties) are imported from the kernel's plain-data files.
 */
import type { components } from '../../src/client/api-types.ts';

export { ROLES, ORGANISATION_TYPES, type Role, type OrganisationType } from '../../src/kernel/auth/roles.ts';
export type { Specialty } from '../../src/kernel/specialties.ts';

type Schemas = components['schemas'];
/** A named schema of the API. */
export type Schema<K extends keyof Schemas> = Schemas[K];
/** One element of a list response `{ items: [...] }`. */
export type Item<T extends { items: unknown[] }> = T['items'][number];

export interface Page<T> {
  items: T[];
  total: number;
}

export type Me = Schema<'Me'>;
export type Region = Schema<'Region'>;
export type RegionLevel = Region['level'];
export type Organisation = Schema<'Organisation'>;
export type Status = Organisation['status'];
export type NewOrganisation = Schema<'CreateOrganisationRequest'>;
export type User = Schema<'User'>;
export type NewUser = Schema<'CreateUserRequest'>;
export type MachineCredential = Schema<'MachineCredential'>;
export type AuditRecord = Schema<'AuditRecord'>;

// ——— Connection registries (issue 3) ———

export type DocumentInfo = Schema<'Document'>;
export type Filing = Schema<'GetFilingResponse'>;
/** A department's check of a submitted document (入吉备案 or qualification certificate). */
export type VerificationStatus = Filing['status'];
export type AgencyProfile = Schema<'GetAgencyProfileResponse'>;
export type AgencyOrigin = NonNullable<AgencyProfile['origin']>;
export type Connection = Schema<'GetAgencyConnectionResponse'>;
export type ConnectionItem = Connection['checklist'][number]['item'];
export type Qualification = Schema<'GetQualificationResponse'>;
export type QualificationGrade = Qualification['grade'];

export type PersonDetail = Schema<'GetPersonnelResponse'>;
export type Person = Item<Schema<'ListPersonnelResponse'>>;
export type PersonnelRole = Person['roles'][number];
export type PersonCertificate = PersonDetail['certificates'][number];
export type PersonCertificateKind = PersonCertificate['kind'];

export type EquipmentDetail = Schema<'GetEquipmentResponse'>;
export type Equipment = Item<Schema<'ListEquipmentResponse'>>;
export type Calibration = EquipmentDetail['calibrations'][number];
export type CalibrationKind = Calibration['kind'];
export type CalibrationState = Equipment['calibrationState'];
export type DeviceKey = EquipmentDetail['keys'][number];
export type VerificationQueue = Schema<'GetVerificationQueueResponse'>;

export type Catalogue = Schema<'GetCatalogueResponse'>;
export type CatalogueVersionInfo = Schema<'ListCatalogueVersionsResponse'>[number];
export type CatalogueSpecialty = Catalogue['document']['specialties'][number];
export type CatalogueItem = CatalogueSpecialty['items'][number];
export type CatalogueField = CatalogueItem['fields'][number];
export type CatalogueFieldType = CatalogueField['type'];

export type Project = Schema<'GetProjectResponse'>;
export type OrgRef = Project['constructionUnit'];
export type SiteBoundary = Project['site'];
export type ParticipantOption = Schema<'ListProjectsParticipantOptionsResponse'>[number];
export type Component = Item<Schema<'ListProjectComponentsResponse'>>;
export type Commission = Schema<'GetCommissionResponse'>;

export type Witness = Schema<'Witness'>;
export type WitnessRegistration = Schema<'WitnessRegistration'>;
export type AuthorizationKind = WitnessRegistration['kind'];
export type Violation = Schema<'Violation'>;
export type CalendarStatus = Schema<'CalendarStatus'>;
export type CalendarYearVersion = Schema<'CalendarYearVersion'>;
