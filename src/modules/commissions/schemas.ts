import { Type } from 'typebox';
import { commonErrors, NullableDateTime, DateTime, Uuid } from '../../kernel/http/schemas.ts';
import { SpecialtyCode } from '../catalogue/index.ts';

export const OrgRef = Type.Object({ id: Uuid, name: Type.String() });

export const CommissionSchema = Type.Object({
  id: Uuid,
  project: OrgRef,
  projectRegionCode: Type.String(),
  agency: OrgRef,
  constructionUnit: OrgRef,
  specialties: Type.Array(SpecialtyCode),
  contractNumber: Type.Union([Type.String(), Type.Null()], { description: '委托合同编号' }),
  note: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union([Type.Literal('active'), Type.Literal('terminated')], { description: 'active 有效 · terminated 已终止' }),
  createdAt: DateTime,
  terminatedAt: NullableDateTime,
  terminationReason: Type.Union([Type.String(), Type.Null()]),
});

export const NewCommission = Type.Object(
  {
    projectId: Uuid,
    agencyId: Uuid,
    specialties: Type.Array(SpecialtyCode, { minItems: 1, maxItems: 9, uniqueItems: true, description: '委托检测的专项' }),
    contractNumber: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const errors = { ...commonErrors, 422: Type.Ref('ErrorResponse') };

/**
 * The error `code`s this module's routes can answer with besides the platform-wide ones (PLATFORM_ERROR_CODES); every
 * route of the module lists them in /openapi.json as `x-error-codes`. src/kernel/http/error-codes.test.ts fails when the
 * module's code produces a code missing here.
 */
export const ERROR_CODES: readonly string[] = [
  'AGENCY_UNKNOWN',
  'COMMISSION_AGENCY_DISABLED',
  'COMMISSION_AGENCY_RESTRICTED',
  'COMMISSION_ALREADY_TERMINATED',
  'COMMISSION_DUPLICATE',
  'COMMISSION_FORBIDDEN',
  'COMMISSION_NOT_FOUND',
  'COMMISSION_NOT_YET_MADE',
  'COMMISSION_OTHER_AGENCY',
  'COMMISSION_QUALIFICATION_LAPSED',
  'COMMISSION_SPECIALTY_NOT_COVERED',
  'COMMISSION_SPECIALTY_NOT_QUALIFIED',
  'COMMISSION_TERMINATED',
  'COMMISSION_TERMINATE_FORBIDDEN',
  'DECIDING_DEPARTMENT_INVALID',
  'MARKET_RESTRICTION_ALREADY_LIFTED',
  'MARKET_RESTRICTION_NOT_FOUND',
  'ORGANISATION_UNKNOWN',
  'PROJECT_NOT_FOUND',
  'RESTRICTION_LIFT_REASON_REQUIRED',
  'RESTRICTION_PERIOD_INVERTED',
  'RESTRICTION_REASON_REQUIRED',
  'TERMINATION_REASON_REQUIRED',
];
