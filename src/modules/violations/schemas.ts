import { Type } from 'typebox';
import { ORGANISATION_TYPES } from '../../kernel/auth/actor.ts';
import { DateTime, Uuid } from '../../kernel/http/schemas.ts';
import { SEVERITIES, VIOLATION_SOURCES, VIOLATION_TYPE_LABELS, VIOLATION_TYPES } from './types.ts';

export const ViolationTypeSchema = Type.Enum(VIOLATION_TYPES,
  { description: VIOLATION_TYPES.map((t) => `${t} ${VIOLATION_TYPE_LABELS[t]}`).join(' · ') },
);

export const SeveritySchema = Type.Enum(SEVERITIES, { description: 'minor 一般 · serious 严重' });

export const FilterQuery = {
  type: Type.Optional(ViolationTypeSchema),
  severity: Type.Optional(SeveritySchema),
  organisationId: Type.Optional(Uuid),
  organisationType: Type.Optional(Type.Enum(ORGANISATION_TYPES, { description: '单位类型：agency 检测机构 · supervision_unit 监理单位 · construction_unit 建设单位 …' })),
  personRef: Type.Optional(Type.String({ maxLength: 100, description: '涉及人员（包含）' })),
  source: Type.Optional(Type.Enum(VIOLATION_SOURCES)),
  projectId: Type.Optional(Uuid),
  from: Type.Optional(Type.String({ format: 'date-time', description: '发生时间起（含）' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: '发生时间止（不含）' })),
};

export const ViolationSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    organisationId: Type.String({ format: 'uuid' }),
    organisationName: Type.String(),
    organisationType: Type.Enum(ORGANISATION_TYPES),
    personRef: Type.Union([Type.String(), Type.Null()], { description: '涉及人员（用户 ID 或说明）' }),
    type: ViolationTypeSchema,
    typeLabel: Type.String(),
    severity: SeveritySchema,
    severityLabel: Type.String(),
    occurredAt: DateTime,
    source: Type.Enum(VIOLATION_SOURCES, { description: 'automatic 平台自动发现 · officer 监管人员认定' }),
    intentional: Type.Union([Type.Boolean(), Type.Null()], { description: '是否故意；为空表示尚未认定' }),
    evidence: Type.Record(Type.String(), Type.Unknown(), { description: '证据（时间、编号、哈希等）' }),
    regionCode: Type.String({ description: '处置部门所在辖区' }),
    regionName: Type.String(),
    projectId: Type.Union([Type.String(), Type.Null()]),
    batchRef: Type.Union([Type.String(), Type.Null()]),
    createdAt: DateTime,
    recordedBy: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()], { description: '认定人员；平台自动记录时为空' }),
    creditStatus: Type.Enum(['pending', 'counts', 'exempt'], { description: 'pending 待定（试行期待约谈整改结果）· counts 已记入信用记录 · exempt 试行期不纳入信用记录' }),
  },
  { $id: 'Violation' },
);

/** The shapes of this module that others reference by name (`$id`); added once at the app root. */
export const namedSchemas = [ViolationSchema];

/**
 * The error `code`s this module's routes can answer with besides the platform-wide ones (PLATFORM_ERROR_CODES); every
 * route of the module lists them in /openapi.json as `x-error-codes`. src/kernel/http/error-codes.test.ts fails when the
 * module's code produces a code missing here.
 */
export const ERROR_CODES: readonly string[] = [
  'FINDING_DESCRIPTION_REQUIRED',
  'FINDING_OUTSIDE_JURISDICTION',
  'INTENT_ALREADY_DECIDED',
  'OCCURRED_IN_FUTURE',
  'ORGANISATION_UNKNOWN',
  'PERIOD_INVALID',
  'PROJECT_UNKNOWN',
  'VIOLATION_NOT_FOUND',
  'VIOLATION_NOT_HANDLED_HERE',
];
