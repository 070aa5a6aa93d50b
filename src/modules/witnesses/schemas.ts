import { Type } from 'typebox';
import { commonErrors, DateTime, Uuid } from '../../kernel/http/schemas.ts';
import { AUTHORIZATION_KIND_LABELS, AUTHORIZATION_KINDS } from './tables.ts';

export const DateOnly = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD（北京时间日历日）' });

export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const ProjectIds = Type.Array(Uuid, { minItems: 1, maxItems: 200, uniqueItems: true, description: '授权见证的项目（须由本监理单位监理）' });

export const errors = { ...commonErrors, 422: Type.Ref('ErrorResponse') };

export const WitnessSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    supervisionUnitId: Type.String({ format: 'uuid' }),
    supervisionUnitName: Type.String(),
    name: Type.String(),
    idNumberMasked: Type.String({ description: '身份证号（脱敏；平台不保存明文）' }),
    phone: Type.String(),
    user: Nullable(Type.Object({ id: Type.String(), username: Type.String(), displayName: Type.String() })),
    active: Type.Boolean({ description: '当前是否在至少一个项目登记' }),
    projects: Type.Array(Type.Object({ projectId: Type.String(), projectName: Type.String(), since: DateTime }), { description: '当前登记的项目' }),
    createdAt: DateTime,
  },
  { $id: 'Witness' },
);

export const RegistrationSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    witnessId: Type.String({ format: 'uuid' }),
    witnessName: Type.String(),
    kind: Type.Enum(AUTHORIZATION_KINDS, {
      description: AUTHORIZATION_KINDS.map((k) => `${k} ${AUTHORIZATION_KIND_LABELS[k]}`).join(' · '),
    }),
    kindLabel: Type.String(),
    replacesWitness: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
    document: Nullable(Type.Object({ id: Type.String(), sha256: Type.String() })),
    signedOn: Nullable(Type.String()),
    changedAt: Nullable(DateTime),
    registeredAt: DateTime,
    registeredBy: Type.Object({ id: Type.String(), name: Type.String() }),
    reason: Nullable(Type.String()),
    deadline: Nullable(
      Type.Object({
        dueDate: Type.String({ description: '应完成更新登记的最后一个工作日' }),
        dueAt: DateTime,
        provisional: Type.Boolean({ description: '为真：期间含尚未加载节假日安排的年度，按周末规则暂定' }),
        uncoveredYears: Type.Array(Type.Integer()),
        workingDays: Type.Integer(),
      }),
    ),
    late: Nullable(Type.Boolean({ description: '是否逾期登记' })),
    violationId: Nullable(Type.String({ description: '逾期时记录的违规（见证变更逾期）' })),
    effects: Type.Array(
      Type.Object({
        witnessId: Type.String(),
        projectId: Type.String(),
        projectName: Type.String(),
        effect: Type.Union([Type.Literal('grant'), Type.Literal('end')], { description: 'grant 登记生效 · end 终止' }),
        effectiveAt: DateTime,
      }),
    ),
  },
  { $id: 'WitnessRegistration' },
);

export const RegistrationResult = Type.Object({ witness: Type.Ref('Witness'), registration: Type.Ref('WitnessRegistration') });

export const NewWitnessBody = Type.Object(
  {
    supervisionUnitId: Type.Optional(Nullable(Uuid)),
    name: Type.String({ minLength: 2, maxLength: 50 }),
    idNumber: Type.String({ minLength: 15, maxLength: 20, description: '身份证号（18位）' }),
    phone: Type.String({ minLength: 5, maxLength: 30 }),
    userId: Type.Optional(Nullable(Uuid)),
    authorization: Type.Object(
      {
        documentId: Uuid,
        signedOn: DateOnly,
        projectIds: ProjectIds,
        replacesWitnessId: Type.Optional(Nullable(Uuid)),
        changedAt: Type.Optional(Nullable(Type.String({ format: 'date-time', description: '更换实际发生时间（仅更换见证人员时填写）' }))),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const ChangeBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('new_authorization'), Type.Literal('replacement'), Type.Literal('revocation')], {
      description: 'new_authorization 新授权 · replacement 本人更换另一名见证人员 · revocation 撤销授权',
    }),
    changedAt: Type.String({ format: 'date-time', description: '变更实际发生时间' }),
    documentId: Type.Optional(Nullable(Uuid)),
    signedOn: Type.Optional(Nullable(DateOnly)),
    projectIds: Type.Optional(ProjectIds),
    replacesWitnessId: Type.Optional(Nullable(Uuid)),
    reason: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);

/** The shapes of this module that others reference by name (`$id`); added once at the app root. */
export const namedSchemas = [WitnessSchema, RegistrationSchema];

/**
 * The error `code`s this module's routes can answer with besides the platform-wide ones (PLATFORM_ERROR_CODES); every
 * route of the module lists them in /openapi.json as `x-error-codes`. src/kernel/http/error-codes.test.ts fails when the
 * module's code produces a code missing here.
 */
export const ERROR_CODES: readonly string[] = [
  'CHANGED_AT_BEFORE_REGISTRATION',
  'CHANGED_AT_IN_FUTURE',
  'CHANGED_AT_ONLY_FOR_REPLACEMENT',
  'CHANGED_AT_REQUIRED',
  'CHANGED_BEFORE_SIGNED',
  'DOCUMENT_REQUIRED',
  'ID_NUMBER_INVALID',
  'NAME_TOO_SHORT',
  'NOT_SUPERVISION_UNIT',
  'PHONE_INVALID',
  'PII_KEY_MISMATCH',
  'PROJECTS_REQUIRED',
  'PROJECT_NOT_SUPERVISED_BY_UNIT',
  'REPLACED_WITNESS_INVALID',
  'REPLACED_WITNESS_NOT_APPLICABLE',
  'REPLACED_WITNESS_REQUIRED',
  'REPLACED_WITNESS_UNKNOWN',
  'SIGNED_ON_IN_FUTURE',
  'SIGNED_ON_REQUIRED',
  'SUPERVISION_UNIT_REQUIRED',
  'USER_ALREADY_LINKED',
  'USER_NOT_WITNESS_OF_UNIT',
  'WITNESS_CHANGE_FORBIDDEN',
  'WITNESS_EXISTS',
  'WITNESS_NOT_AUTHORIZED',
  'WITNESS_NOT_AUTHORIZED_FOR_PROJECT',
  'WITNESS_NOT_FOUND',
  'WITNESS_NOT_REGISTERED',
  'WITNESS_REGISTRATION_FORBIDDEN',
];
