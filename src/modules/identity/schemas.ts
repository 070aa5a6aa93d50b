import { Type } from 'typebox';
import { ORGANISATION_TYPES, ROLES } from '../../kernel/auth/actor.ts';
import { DateTime, NullableDateTime } from '../../kernel/http/schemas.ts';

export const Role = Type.Enum(ROLES);

export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const MeSchema = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    roles: Type.Array(Role),
    organisation: Nullable(Type.Object({ id: Type.String(), name: Type.String(), type: Type.Enum(ORGANISATION_TYPES), regionCode: Type.String() })),
    jurisdiction: Nullable(Type.Object({ code: Type.String(), name: Type.String(), level: Type.Enum(['province', 'city', 'county'] as const) })),
    mustChangePassword: Type.Boolean(),
    assignableRoles: Type.Array(Role),
    secondFactor: Type.Object(
      {
        enrolled: Type.Boolean({ description: '已绑定两步验证' }),
        required: Type.Boolean({ description: '本人角色按平台配置必须使用两步验证' }),
        enrollmentPending: Type.Boolean({ description: '本次登录须先绑定两步验证，其他功能暂不可用' }),
      },
      { additionalProperties: false },
    ),
  },
  { $id: 'Me' },
);

export const UserSchema = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    organisationId: Nullable(Type.String()),
    organisationName: Nullable(Type.String()),
    roles: Type.Array(Role),
    status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
    createdAt: DateTime,
    lastLoginAt: NullableDateTime,
  },
  { $id: 'User' },
);

export const CredentialSchema = Type.Object(
  {
    id: Type.String(),
    organisationId: Type.String(),
    name: Type.String(),
    keyId: Type.String(),
    createdAt: DateTime,
    createdByName: Type.String(),
    revokedAt: NullableDateTime,
    lastUsedAt: NullableDateTime,
  },
  { $id: 'MachineCredential' },
);

export const Password = Type.String({ minLength: 1, maxLength: 200 });

export const Username = Type.String({ pattern: '^[a-zA-Z0-9][a-zA-Z0-9._-]{2,63}$', description: '3–64 位字母、数字、点、下划线或连字符' });

/** The shapes of this module that others reference by name (`$id`); added once at the app root. */
export const namedSchemas = [MeSchema, UserSchema, CredentialSchema];

/**
 * The error `code`s this module's routes can answer with besides the platform-wide ones (PLATFORM_ERROR_CODES); every
 * route of the module lists them in /openapi.json as `x-error-codes`. src/kernel/http/error-codes.test.ts fails when the
 * module's code produces a code missing here.
 */
export const ERROR_CODES: readonly string[] = [
  'AUTH_INVALID_CREDENTIALS',
  'AUTH_SECOND_FACTOR_INVALID',
  'AUTH_SECOND_FACTOR_REQUIRED',
  'AUTH_THROTTLED',
  'REASON_REQUIRED',
  'SECOND_FACTOR_ALREADY_ENROLLED',
  'SECOND_FACTOR_CODE_INVALID',
  'SECOND_FACTOR_NOT_ENROLLED',
  'SECOND_FACTOR_NOT_STARTED',
  'SECOND_FACTOR_REQUIRED',
  'CANNOT_DISABLE_SELF',
  'CANNOT_DROP_OWN_ADMIN',
  'CREDENTIAL_NOT_FOUND',
  'NAME_REQUIRED',
  'NOT_AN_AGENCY',
  'ORGANISATION_DISABLED',
  'ORGANISATION_UNKNOWN',
  'PASSWORD_TOO_SHORT',
  'PASSWORD_TOO_WEAK',
  'PASSWORD_CONTAINS_USERNAME',
  'PASSWORD_CONTAINS_NAME',
  'PASSWORD_COMMON',
  'PASSWORD_UNCHANGED',
  'PASSWORD_WRONG',
  'ROLES_DUPLICATE',
  'ROLES_REQUIRED',
  'ROLE_NOT_ASSIGNABLE',
  'USERNAME_TAKEN',
  'USER_MANAGE_FORBIDDEN',
  'USER_NOT_FOUND',
];
