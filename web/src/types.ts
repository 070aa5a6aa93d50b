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
  /** Two-factor sign-in: enrolled, required for this person's roles, and whether this session must set it up first. */
  secondFactor: { enrolled: boolean; required: boolean; enrollmentPending: boolean };
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

// ——— Connection registries (issue 3) ———

/** The nine specialty codes of the 2023 资质标准 (the one list is src/modules/agencies/specialties.ts). */
export type Specialty =
  | 'building_materials'
  | 'main_structure'
  | 'steel_structure'
  | 'foundation'
  | 'building_energy'
  | 'curtain_wall'
  | 'municipal_materials'
  | 'road'
  | 'bridge_underground';

/** 待核验 / 已核验 / 已驳回, for qualifications and equipment. */
export type VerificationStatus = 'pending' | 'verified' | 'rejected';

export interface DocumentInfo {
  id: string;
  sha256: string;
  size: number;
  contentType: string;
  filename: string;
  uploadedAt: string;
}

export type AgencyOrigin = 'local' | 'out_of_province';

/** One 入吉备案 submission (a version), verified by the department like a qualification certificate. */
/** A department's check of a submitted document (入吉备案 or qualification certificate). */
export interface Verification {
  status: VerificationStatus;
  submittedAt: string;
  decidedAt: string | null;
  decidedByName: string | null;
  decisionReason: string | null;
  supersededBy: string | null;
  supersededAt: string | null;
  inForce: boolean;
}

export interface Filing extends Verification {
  id: string;
  agencyId: string;
  agencyName: string;
  version: number;
  number: string;
  date: string;
  validFrom: string;
  validTo: string;
  documentId: string | null;
}

export interface AgencyProfile {
  agencyId: string;
  agencyName: string;
  origin: AgencyOrigin | null;
  /** The newest submission, whatever its status. */
  filing: Filing | null;
  /** The verified submission in use (it may have expired). */
  verifiedFiling: Filing | null;
  rowVersion: number;
  updatedAt: string | null;
}

export type ConnectionItem = 'origin' | 'qualification' | 'equipment' | 'personnel';

export interface Connection {
  agencyId: string;
  checkedAt: string;
  connected: boolean;
  checklist: { item: ConnectionItem; ok: boolean; message: string }[];
}

export type QualificationGrade = 'comprehensive' | 'specialised';

export interface Qualification extends Verification {
  id: string;
  agencyId: string;
  agencyName: string;
  certificateNumber: string;
  grade: QualificationGrade;
  specialties: Specialty[];
  validFrom: string;
  validTo: string;
  issuer: string;
  documentId: string | null;
  replacesId: string | null;
}

export type PersonnelRole = 'tester' | 'reviewer' | 'signatory' | 'upload_owner' | 'technical_lead';
export type PersonCertificateKind = 'post' | 'professional';

export interface PersonCertificate {
  id: string;
  kind: PersonCertificateKind;
  certificateNumber: string;
  specialty: Specialty;
  validFrom: string;
  validTo: string;
  documentId: string | null;
  createdAt: string;
  inForce: boolean;
}

export interface Person {
  id: string;
  agencyId: string;
  agencyName: string;
  name: string;
  residentIdMasked: string;
  roles: PersonnelRole[];
  userId: string | null;
  username: string | null;
  status: 'active' | 'left';
  joinedOn: string;
  leftOn: string | null;
  certifiedSpecialties: Specialty[];
  createdAt: string;
  rowVersion: number;
}

export interface PersonDetail extends Person {
  certificates: PersonCertificate[];
}

export type CalibrationKind = 'verification' | 'calibration';
export type CalibrationState = 'valid' | 'expiring' | 'not_in_force' | 'none';

export interface Calibration {
  id: string;
  certificateNumber: string;
  kind: CalibrationKind;
  issuingBody: string;
  validFrom: string;
  validTo: string;
  documentId: string | null;
  createdAt: string;
  inForce: boolean;
}

export interface DeviceKey {
  id: string;
  publicKey: string;
  fingerprint: string;
  validFrom: string;
  validTo: string | null;
  createdAt: string;
}

export interface Equipment {
  id: string;
  agencyId: string;
  agencyName: string;
  equipmentType: string;
  maker: string;
  model: string;
  serialNumber: string;
  autoCollect: boolean;
  autoCollectProtocol: string | null;
  status: VerificationStatus;
  submittedAt: string;
  decidedAt: string | null;
  decidedByName: string | null;
  decisionReason: string | null;
  calibrationState: CalibrationState;
  calibrationValidUntil: string | null;
  calibrationWarning: boolean;
  usable: boolean;
  currentKeyFingerprint: string | null;
  createdAt: string;
  rowVersion: number;
}

export interface EquipmentDetail extends Equipment {
  calibrations: Calibration[];
  keys: DeviceKey[];
}

export interface VerificationQueue {
  filings: Page<Filing>;
  qualifications: Page<Qualification>;
  equipment: Page<Equipment>;
}

export type CatalogueFieldType = 'number' | 'integer' | 'string' | 'enum';

export interface CatalogueField {
  key: string;
  label: string;
  type: CatalogueFieldType;
  unit?: string;
  min?: number;
  max?: number;
  maxLength?: number;
  options?: { value: string; label: string }[];
  required: boolean;
}

export interface CatalogueItem {
  code: string;
  name: string;
  standard: string;
  note?: string;
  autoCollected: boolean;
  minImages: number;
  fields: CatalogueField[];
}

export interface CatalogueSpecialty {
  code: Specialty;
  name: string;
  note?: string;
  items: CatalogueItem[];
}

export interface CatalogueVersionInfo {
  version: number;
  checksum: string;
  note: string;
  authorName: string;
  createdAt: string;
  itemCount: number;
}

export interface Catalogue extends CatalogueVersionInfo {
  document: { specialties: CatalogueSpecialty[] };
}

export interface OrgRef {
  id: string;
  name: string;
}

export type SiteBoundary = { type: 'polygon'; ring: [number, number][] } | { type: 'circle'; center: [number, number]; radiusMetres: number };

export interface Project {
  id: string;
  name: string;
  permitNumber: string;
  address: string;
  regionCode: string;
  regionName: string;
  departmentRegionCode: string;
  location: { lng: number; lat: number };
  site: SiteBoundary;
  constructionUnit: OrgRef;
  supervisionUnit: OrgRef | null;
  contractor: OrgRef | null;
  createdAt: string;
  updatedAt: string;
  rowVersion: number;
}

export interface ParticipantOption {
  id: string;
  name: string;
  uscc: string | null;
  regionName: string;
}

export interface Component {
  id: string;
  code: string;
  projectId: string;
  building: string;
  floor: string | null;
  position: string;
  componentType: string;
  note: string | null;
  createdAt: string;
}

export interface Commission {
  id: string;
  project: OrgRef;
  projectRegionCode: string;
  agency: OrgRef;
  constructionUnit: OrgRef;
  specialties: Specialty[];
  contractNumber: string | null;
  note: string | null;
  status: 'active' | 'terminated';
  createdAt: string;
  terminatedAt: string | null;
  terminationReason: string | null;
}

export interface Witness {
  id: string;
  supervisionUnitId: string;
  supervisionUnitName: string;
  name: string;
  idNumberMasked: string;
  phone: string;
  user: { id: string; username: string; displayName: string } | null;
  active: boolean;
  projects: { projectId: string; projectName: string; since: string }[];
  createdAt: string;
}

export type AuthorizationKind = 'initial' | 'new_authorization' | 'replacement' | 'revocation';

export interface WitnessRegistration {
  id: string;
  witnessId: string;
  witnessName: string;
  kind: AuthorizationKind;
  kindLabel: string;
  replacesWitness: { id: string; name: string } | null;
  document: { id: string; sha256: string } | null;
  signedOn: string | null;
  changedAt: string | null;
  registeredAt: string;
  registeredBy: { id: string; name: string };
  reason: string | null;
  deadline: { dueDate: string; dueAt: string; provisional: boolean; uncoveredYears: number[]; workingDays: number } | null;
  late: boolean | null;
  violationId: string | null;
  effects: { witnessId: string; projectId: string; projectName: string; effect: 'grant' | 'end'; effectiveAt: string }[];
}

export interface Violation {
  id: string;
  organisationId: string;
  organisationName: string;
  organisationType: OrganisationType;
  personRef: string | null;
  type: string;
  typeLabel: string;
  severity: 'minor' | 'serious';
  severityLabel: string;
  occurredAt: string;
  source: 'automatic' | 'officer';
  intentional: boolean | null;
  evidence: Record<string, unknown>;
  regionCode: string;
  regionName: string;
  projectId: string | null;
  batchRef: string | null;
  createdAt: string;
  recordedBy: { id: string; name: string } | null;
  /** Its place in the credit record (五): pending, counted, or exempt in the trial period. */
  creditStatus: 'pending' | 'counts' | 'exempt';
}

export interface CalendarStatus {
  today: string;
  currentYear: number;
  currentYearLoaded: boolean;
  nextYear: number;
  nextYearLoaded: boolean;
  nextYearAlertFrom: string;
  warnings: { code: 'CALENDAR_CURRENT_YEAR_MISSING' | 'CALENDAR_NEXT_YEAR_MISSING'; year: number; message: string }[];
  years: { year: number; version: number; source: string; loadedAt: string; holidays: number; makeupWorkdays: number }[];
}

export interface CalendarYearVersion {
  year: number;
  version: number;
  holidays: string[];
  makeupWorkdays: string[];
  source: string;
  loadedAt: string;
  loadedBy: { id: string; name: string } | null;
}
