import { Type, type TSchema } from 'typebox';
import { DateTime } from '../../kernel/http/schemas.ts';
import { EquipmentSchema } from '../equipment/index.ts';
import { SPECIALTY_CODES } from '../../kernel/specialties.ts';

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD，北京时间日历日（含当日）' });

export const Origin = Type.Union([Type.Literal('local'), Type.Literal('out_of_province')], { description: 'local 本省注册 · out_of_province 外省入吉' });

export const Grade = Type.Union([Type.Literal('comprehensive'), Type.Literal('specialised')], { description: 'comprehensive 综合资质 · specialised 专项资质' });

export const Status = Type.Union([Type.Literal('pending'), Type.Literal('verified'), Type.Literal('rejected')], {
  description: 'pending 待核验 · verified 已核验 · rejected 已驳回',
});

export const Specialty = Type.Enum(SPECIALTY_CODES, { description: '专项代码（2023 资质标准的九个专项）' });

/** The department's check of a submitted document: the same fields on a 入吉备案 and a qualification certificate. */
const verificationFields = (inForce: string) => ({
  status: Status,
  submittedAt: DateTime,
  decidedAt: Nullable(DateTime),
  decidedByName: Nullable(Type.String()),
  decisionReason: Nullable(Type.String()),
  supersededBy: Nullable(Type.String({ format: 'uuid' })),
  supersededAt: Nullable(DateTime),
  inForce: Type.Boolean({ description: inForce }),
});

export const FilingSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  agencyId: Type.String({ format: 'uuid' }),
  agencyName: Type.String(),
  version: Type.Integer({ minimum: 1, description: '本机构第几次提交入吉备案（变更即新版本，旧版本不被改写）' }),
  number: Type.String({ description: '入吉备案编号' }),
  date: DateOnly,
  validFrom: DateOnly,
  validTo: DateOnly,
  documentId: Nullable(Type.String({ format: 'uuid' })),
  ...verificationFields('已核验、未被新版本替换且在有效期内（计入对接状态）'),
});

export const NewFiling = Type.Object(
  {
    number: Type.String({ minLength: 1, maxLength: 100, description: '入吉备案编号' }),
    date: DateOnly,
    validFrom: DateOnly,
    validTo: DateOnly,
    documentId: Type.String({ format: 'uuid', description: '入吉备案证明扫描件（先经 POST /documents 上传）' }),
  },
  { additionalProperties: false },
);

export const ProfileSchema = Type.Object({
  agencyId: Type.String({ format: 'uuid' }),
  agencyName: Type.String(),
  origin: Nullable(Origin),
  /** The newest submission, whatever its status. */
  filing: Nullable(FilingSchema),
  /** The verified submission not superseded by a newer verified one (it may have expired). */
  verifiedFiling: Nullable(FilingSchema),
  rowVersion: Type.Integer({ description: '乐观锁版本号；尚未保存过时为 0，首次保存时带 0' }),
  updatedAt: Nullable(DateTime),
});

export const ProfileInput = Type.Object(
  {
    rowVersion: Type.Integer({ minimum: 0 }),
    origin: Origin,
  },
  { additionalProperties: false },
);

export const QualificationSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  agencyId: Type.String({ format: 'uuid' }),
  agencyName: Type.String(),
  certificateNumber: Type.String(),
  grade: Grade,
  specialties: Type.Array(Specialty),
  validFrom: DateOnly,
  validTo: DateOnly,
  issuer: Type.String(),
  documentId: Nullable(Type.String({ format: 'uuid' })),
  replacesId: Nullable(Type.String({ format: 'uuid' })),
  ...verificationFields('已核验、未被替换且在有效期内'),
});

export const NewQualification = Type.Object(
  {
    certificateNumber: Type.String({ minLength: 1, maxLength: 100 }),
    grade: Grade,
    specialties: Type.Optional(Type.Array(Type.String({ maxLength: 50 }), { maxItems: 9, uniqueItems: true, description: '专项资质须填写；综合资质涵盖全部九个专项' })),
    validFrom: DateOnly,
    validTo: DateOnly,
    issuer: Type.String({ minLength: 2, maxLength: 200 }),
    documentId: Type.String({ format: 'uuid', description: '证书扫描件（先经 POST /documents 上传）' }),
    replacesId: Type.Optional(Nullable(Type.String({ format: 'uuid', description: '被替换（换证/变更）的原证书' }))),
  },
  { additionalProperties: false },
);

export const ConnectionSchema = Type.Object({
  agencyId: Type.String({ format: 'uuid' }),
  checkedAt: DateTime,
  connected: Type.Boolean({ description: '是否已完成监管平台对接（由登记数据计算得出）' }),
  checklist: Type.Array(
    Type.Object({
      item: Type.Union([Type.Literal('origin'), Type.Literal('qualification'), Type.Literal('equipment'), Type.Literal('personnel')]),
      ok: Type.Boolean(),
      message: Type.String(),
    }),
  ),
});

export const QueueSchema = Type.Object({
  filings: Type.Object({ items: Type.Array(FilingSchema), total: Type.Integer() }),
  qualifications: Type.Object({ items: Type.Array(QualificationSchema), total: Type.Integer() }),
  equipment: Type.Object({ items: Type.Array(EquipmentSchema), total: Type.Integer() }),
});

export const Reason = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });

/**
 * The error `code`s this module's routes can answer with besides the platform-wide ones (PLATFORM_ERROR_CODES); every
 * route of the module lists them in /openapi.json as `x-error-codes`. src/kernel/http/error-codes.test.ts fails when the
 * module's code produces a code missing here.
 */
export const ERROR_CODES: readonly string[] = [
  'AGENCY_NOT_CONNECTED',
  'AGENCY_NOT_FOUND',
  'EDIT_CONFLICT',
  'FIELD_REQUIRED',
  'FILING_ALREADY_DECIDED',
  'FILING_NOT_APPLICABLE',
  'FILING_NOT_FOUND',
  'FILING_PENDING',
  'ORIGIN_CONTRADICTS_USCC',
  'QUALIFICATION_ALREADY_DECIDED',
  'QUALIFICATION_NOT_FOUND',
  'QUALIFICATION_NUMBER_TAKEN',
  'QUALIFICATION_OVERLAP',
  'REASON_REQUIRED',
  'REPLACEMENT_PENDING',
  'REPLACES_INVALID',
  'SPECIALTIES_REQUIRED',
  'SPECIALTY_UNKNOWN',
  'VALIDITY_INVERTED',
];
