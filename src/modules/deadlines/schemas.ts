import { Type, type TSchema } from 'typebox';
import { DateTime } from '../../kernel/http/schemas.ts';

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const Id = Type.String({ format: 'uuid' });

export const Ref = Type.Object({ id: Id, name: Type.String() });

export const FilingStatus = Type.Enum(['pending', 'accepted', 'rejected'] as const, { description: 'pending 待审核 · accepted 已同意 · rejected 已驳回' });

export const Unprocessable = { 422: Type.Ref('ErrorResponse') };

export const FilingSchema = Type.Object(
  {
    id: Id,
    batchId: Id,
    batchNumber: Type.String(),
    agency: Ref,
    project: Ref,
    regionCode: Type.String({ description: '项目所在区划' }),
    department: Type.Object(
      { regionCode: Type.String(), regionName: Type.String(), id: Nullable(Id), name: Nullable(Type.String()) },
      { description: '审核部门：项目所在县（市、区）住建部门，未设的由市级住建部门' },
    ),
    reason: Type.String(),
    filedAt: DateTime,
    filedByName: Type.String(),
    filedByType: Type.Enum(['user', 'machine'] as const),
    status: FilingStatus,
    statusLabel: Type.String(),
    decidedAt: Nullable(DateTime),
    decidedByName: Nullable(Type.String()),
    decisionReason: Nullable(Type.String()),
    clearedAt: Nullable(DateTime),
    clearedDeclaredAt: Nullable(DateTime),
    clearedNote: Nullable(Type.String()),
    originalDeadline: Nullable(DateTime),
    clearedDeadline: Nullable(DateTime),
    documents: Type.Array(Type.Object({ id: Id, sha256: Type.String(), filename: Type.String(), contentType: Type.String(), size: Type.Integer() })),
  },
  { $id: 'ForceMajeureFiling' },
);

export const BatchDeadlineSchema = Type.Object(
  {
    batchId: Id,
    batchNumber: Type.String(),
    status: Type.String(),
    completedAt: Nullable(DateTime),
    sealedAt: Nullable(DateTime),
    deadline: Type.Object(
      {
        state: Type.Enum(['open', 'running', 'suspended'] as const, { description: 'open 未申报完成 · running 计时中 · suspended 不可抗力报备暂停' }),
        deadline: Nullable(DateTime),
        basis: Nullable(Type.Enum(['completion', 'force_majeure_cleared', 'force_majeure_limit'] as const)),
        remainingMs: Nullable(Type.Integer()),
        warning: Type.Boolean(),
        overdue: Type.Boolean(),
        sealedOnTime: Nullable(Type.Boolean()),
      },
      { additionalProperties: false },
    ),
    lock: Type.Object({ locked: Type.Boolean(), lockedAt: Nullable(DateTime), lockReason: Nullable(Type.String()), unlockedAt: Nullable(DateTime), unlockReason: Nullable(Type.String()) }),
    filings: Type.Array(Type.Ref('ForceMajeureFiling')),
    can: Type.Object({ file: Type.Boolean(), clear: Type.Boolean(), unlock: Type.Boolean() }, { description: '当前用户可办理的操作' }),
    filingWindowEndsAt: Nullable(DateTime),
  },
  { $id: 'BatchDeadline' },
);

/** The shapes of this module that others reference by name (`$id`); added once at the app root. */
export const namedSchemas = [FilingSchema, BatchDeadlineSchema];

/**
 * The error `code`s this module's routes can answer with besides the platform-wide ones (PLATFORM_ERROR_CODES); every
 * route of the module lists them in /openapi.json as `x-error-codes`. src/kernel/http/error-codes.test.ts fails when the
 * module's code produces a code missing here.
 */
export const ERROR_CODES: readonly string[] = [
  'AGENCY_NOT_FOUND',
  'AGENCY_ROLE_REQUIRED',
  'BATCH_AGENCY_ONLY',
  'BATCH_ALREADY_SEALED',
  'BATCH_LOCKED',
  'BATCH_NOT_COMPLETED',
  'BATCH_NOT_LOCKED',
  'CLEARED_BEFORE_FILING',
  'CLEARED_IN_FUTURE',
  'DEPARTMENT_OFFICER_REQUIRED',
  'DOCUMENTS_CONSOLE_ONLY',
  'DOCUMENT_DUPLICATE',
  'DOCUMENT_NOT_FOUND',
  'FORCE_MAJEURE_ALREADY_CLEARED',
  'FORCE_MAJEURE_ALREADY_DECIDED',
  'FORCE_MAJEURE_EXISTS',
  'FORCE_MAJEURE_NOT_ACCEPTED',
  'FORCE_MAJEURE_NOT_FOUND',
  'FORCE_MAJEURE_OTHER_DEPARTMENT',
  'FORCE_MAJEURE_WINDOW_CLOSED',
  'REASON_REQUIRED',
  'TOO_MANY_DOCUMENTS',
];
