import { Type } from 'typebox';
import { ORGANISATION_TYPES } from '../../kernel/auth/actor.ts';
import { DateTime } from '../../kernel/http/schemas.ts';

export const OrganisationType = Type.Enum(ORGANISATION_TYPES, {
  description: 'agency 检测机构 · construction_unit 建设单位 · supervision_unit 监理单位 · contractor 施工单位 · department 住建部门',
});

export const OrganisationSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    type: OrganisationType,
    uscc: Type.Union([Type.String(), Type.Null()], { description: '统一社会信用代码' }),
    regionCode: Type.String(),
    regionName: Type.String(),
    contactName: Type.Union([Type.String(), Type.Null()]),
    contactPhone: Type.Union([Type.String(), Type.Null()]),
    status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
    createdAt: DateTime,
    rowVersion: Type.Integer({ description: '乐观锁版本号：修改时原样带回' }),
  },
  { $id: 'Organisation' },
);

export const NewOrganisation = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 200 }),
    type: OrganisationType,
    uscc: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
    regionCode: Type.String({ minLength: 6, maxLength: 6 }),
    contactName: Type.Optional(Type.Union([Type.String({ maxLength: 50 }), Type.Null()])),
    contactPhone: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const OrganisationPatch = Type.Object(
  {
    rowVersion: Type.Integer({ minimum: 1 }),
    name: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
    contactName: Type.Optional(Type.Union([Type.String({ maxLength: 50 }), Type.Null()])),
    contactPhone: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
  },
  { additionalProperties: false },
);

/** The shapes of this module that others reference by name (`$id`); added once at the app root. */
export const namedSchemas = [OrganisationSchema];

/**
 * The error `code`s this module's routes can answer with besides the platform-wide ones (PLATFORM_ERROR_CODES); every
 * route of the module lists them in /openapi.json as `x-error-codes`. src/kernel/http/error-codes.test.ts fails when the
 * module's code produces a code missing here.
 */
export const ERROR_CODES: readonly string[] = [
  'AGENCY_ADMIN_REQUIRED',
  'AGENCY_NOT_FOUND',
  'AGENCY_REQUIRED',
  'DEPARTMENT_EXISTS',
  'EDIT_CONFLICT',
  'NAME_TOO_SHORT',
  'ORGANISATION_NOT_FOUND',
  'PHONE_INVALID',
  'REGION_HAS_NO_DEPARTMENT',
  'REGION_UNKNOWN',
  'USCC_INVALID',
  'USCC_REQUIRED',
  'USCC_TAKEN',
];
