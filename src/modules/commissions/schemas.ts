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
