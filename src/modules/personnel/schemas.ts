import { Type, type TSchema } from 'typebox';
import { DateTime } from '../../kernel/http/schemas.ts';
import { SPECIALTY_CODES } from '../../kernel/specialties.ts';
import { PERSON_CERTIFICATE_KINDS, PERSONNEL_ROLES } from './roles.ts';

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD，北京时间日历日（含当日）' });

export const Role = Type.Enum(PERSONNEL_ROLES, {
  description: 'tester 检测人员 · reviewer 复核人员 · signatory 报告签发人 · upload_owner 上传负责人 · technical_lead 技术负责人',
});

export const Specialty = Type.Enum(SPECIALTY_CODES, { description: '专项代码（2023 资质标准的九个专项）' });

export const Kind = Type.Enum(PERSON_CERTIFICATE_KINDS, { description: 'post 上岗证 · professional 职业资格证书' });

export const PersonStatus = Type.Union([Type.Literal('active'), Type.Literal('left')], { description: 'active 在职 · left 已离职' });

export const CertificateSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Kind,
  certificateNumber: Type.String(),
  specialty: Specialty,
  validFrom: DateOnly,
  validTo: DateOnly,
  documentId: Nullable(Type.String({ format: 'uuid' })),
  createdAt: DateTime,
  inForce: Type.Boolean(),
});

export const personProperties = {
  id: Type.String({ format: 'uuid' }),
  agencyId: Type.String({ format: 'uuid' }),
  agencyName: Type.String(),
  name: Type.String(),
  residentIdMasked: Type.String({ description: '脱敏身份证号；完整号码仅可经审计的 reveal-id 查看' }),
  roles: Type.Array(Role),
  userId: Nullable(Type.String({ format: 'uuid' })),
  username: Nullable(Type.String()),
  status: PersonStatus,
  joinedOn: DateOnly,
  leftOn: Nullable(DateOnly),
  certifiedSpecialties: Type.Array(Specialty, { description: '持有效证书的专项' }),
  createdAt: DateTime,
  rowVersion: Type.Integer(),
};

export const PersonSchema = Type.Object(personProperties);

export const PersonDetailSchema = Type.Object({ ...personProperties, certificates: Type.Array(CertificateSchema) });

export const NewCertificate = Type.Object(
  {
    kind: Kind,
    certificateNumber: Type.String({ minLength: 1, maxLength: 100 }),
    specialty: Type.String({ maxLength: 50 }),
    validFrom: DateOnly,
    validTo: DateOnly,
    documentId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  },
  { additionalProperties: false },
);

export const NewPerson = Type.Object(
  {
    agencyId: Type.Optional(Nullable(Type.String({ format: 'uuid', description: '平台管理员代办时指定；机构管理员省略' }))),
    name: Type.String({ minLength: 1, maxLength: 50 }),
    residentId: Type.String({ minLength: 1, maxLength: 30, description: '身份证号（GB 11643 校验）；只加密保存，不以明文存储' }),
    roles: Type.Array(Role, { minItems: 1, uniqueItems: true }),
    userId: Type.Optional(Nullable(Type.String({ format: 'uuid', description: '关联的平台账号（本机构人员）' }))),
    joinedOn: Type.Optional(DateOnly),
    certificates: Type.Optional(Type.Array(NewCertificate, { maxItems: 50 })),
  },
  { additionalProperties: false },
);

export const PersonPatch = Type.Object(
  {
    rowVersion: Type.Integer({ minimum: 1 }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    roles: Type.Optional(Type.Array(Role, { minItems: 1, uniqueItems: true })),
    userId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  },
  { additionalProperties: false },
);

export const Leave = Type.Object(
  { date: DateOnly, reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

/**
 * The error `code`s this module's routes can answer with besides the platform-wide ones (PLATFORM_ERROR_CODES); every
 * route of the module lists them in /openapi.json as `x-error-codes`. src/kernel/http/error-codes.test.ts fails when the
 * module's code produces a code missing here.
 */
export const ERROR_CODES: readonly string[] = [
  'AGENCY_ADMIN_REQUIRED',
  'CERTIFICATE_DUPLICATE',
  'EDIT_CONFLICT',
  'FIELD_REQUIRED',
  'JOIN_BEFORE_PREVIOUS_LEAVE',
  'JOIN_DATE_IN_FUTURE',
  'LEAVE_BEFORE_JOIN',
  'LEAVE_DATE_IN_FUTURE',
  'PERSON_ACTIVE_ELSEWHERE',
  'PERSON_ALREADY_REGISTERED',
  'PERSON_NOT_ACTIVE',
  'PERSON_NOT_FOUND',
  'PII_KEY_MISMATCH',
  'RESIDENT_ID_INVALID',
  'REVEAL_NOT_ALLOWED',
  'ROLES_REQUIRED',
  'ROLE_UNKNOWN',
  'SPECIALTY_UNKNOWN',
  'USER_ALREADY_LINKED',
  'USER_NOT_IN_AGENCY',
  'VALIDITY_INVERTED',
];
