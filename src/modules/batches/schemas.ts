import { Type, type TSchema } from 'typebox';
import { DateTime } from '../../kernel/http/schemas.ts';
import { BATCH_MAX_COMPONENTS, BATCH_MAX_EQUIPMENT, BATCH_MAX_ITEMS, BATCH_MAX_TESTERS, SEAL_MANIFEST_MAX_ITEMS } from '../../kernel/policy.ts';
import { SPECIALTY_CODES } from '../../kernel/specialties.ts';
import { ANOMALY_KINDS } from './anomalies.ts';
import { BATCH_STATUSES } from './rules/lifecycle.ts';

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const Id = Type.String({ format: 'uuid' });

export const Ref = Type.Object({ id: Id, name: Type.String() });

export const Specialty = Type.Enum(SPECIALTY_CODES, { description: '专项代码' });

export const Status = Type.Enum(BATCH_STATUSES, {
  description: 'opened 已开启 · uploading 上传中 · completed 现场检测完成 · sealed 已封存（待复核） · reviewed 已复核 · reported 已出具报告',
});

export const AnomalyKind = Type.Enum(ANOMALY_KINDS, { description: '异常类型（稳定代码）' });

export const Json = Type.Record(Type.String(), Type.Unknown());

export const Unprocessable = { 422: Type.Ref('ErrorResponse') };

export const DeadlineSchema = Type.Object(
  {
    state: Type.Union([Type.Literal('open'), Type.Literal('running'), Type.Literal('suspended')], {
      description: 'open 未申报完成 · running 计时中 · suspended 不可抗力报备暂停',
    }),
    deadline: Nullable(DateTime),
    basis: Nullable(Type.Union([Type.Literal('completion'), Type.Literal('force_majeure_cleared'), Type.Literal('force_majeure_limit')])),
    remainingMs: Nullable(Type.Integer({ description: '距截止的毫秒数（已过为负）；已封存或无截止时为空' })),
    warning: Type.Boolean({ description: '临近截止（30 分钟内）且未封存' }),
    overdue: Type.Boolean({ description: '已超过截止时间且未按时封存' }),
    sealedOnTime: Nullable(Type.Boolean()),
  },
  { description: '2 小时上传时限（完成时间 + 2 小时）' },
);

export const AnomalyProps = {
  id: Id,
  batchId: Id,
  agencyId: Id,
  regionCode: Type.String(),
  kind: AnomalyKind,
  kindLabel: Type.String(),
  subjectType: Type.String({ description: 'batch · record · image · checkin · attestation · seal' }),
  subjectId: Nullable(Type.String()),
  details: Json,
  detectedAt: DateTime,
  status: Type.Union([Type.Literal('open'), Type.Literal('acknowledged')], { description: 'open 待核查 · acknowledged 已核查' }),
  acknowledgedAt: Nullable(DateTime),
  acknowledgedBy: Nullable(Id),
  acknowledgeNote: Nullable(Type.String({ description: '核查理由' })),
  severity: Type.Enum(['critical', 'major', 'minor'] as const, { description: 'critical 严重 · major 较重 · minor 一般（策略模块规定）' }),
  blocking: Type.Boolean({ description: '未核查时是否阻止出具检测报告' }),
  decision: Nullable(Type.Enum(['dismissed', 'confirmed'] as const, { description: 'dismissed 排除 · confirmed 确认违规' })),
  violationId: Nullable(Id),
  decidedByName: Nullable(Type.String()),
};

export const AnomalySchema = Type.Object(AnomalyProps, { $id: 'Anomaly' });

/** An anomaly with its batch, agency and project, as lists and the department's desk show it. */
export const AnomalyListItemProps = { ...AnomalyProps, batchNumber: Type.String(), agencyName: Type.String(), projectId: Id, projectName: Type.String() };
export const AnomalyListItemSchema = Type.Object(AnomalyListItemProps, { $id: 'AnomalyListItem' });

export const SummaryProps = {
  id: Id,
  batchNumber: Type.String({ description: '批次编号，如 JC-2026-000123（每机构每年连续）' }),
  agency: Ref,
  project: Ref,
  regionCode: Type.String(),
  specialty: Specialty,
  specialtyName: Type.String(),
  status: Status,
  statusLabel: Type.String(),
  locked: Type.Boolean({ description: '报告生成权限已锁定' }),
  openedAt: DateTime,
  firstUploadAt: Nullable(DateTime),
  completedAt: Nullable(DateTime),
  sealedAt: Nullable(DateTime),
  reviewedAt: Nullable(DateTime),
  reportedAt: Nullable(DateTime),
  itemCodes: Type.Array(Type.String()),
  deadline: DeadlineSchema,
  recordCount: Type.Integer({ description: '原始记录版本数' }),
  openAnomalyCount: Type.Integer(),
};

export const BatchSummarySchema = Type.Object(SummaryProps, { $id: 'BatchSummary' });

export const EventSchema = Type.Object(
  {
    id: Type.Integer(),
    at: DateTime,
    event: Type.String(),
    fromStatus: Nullable(Type.String()),
    toStatus: Nullable(Type.String()),
    actorType: Type.String(),
    actorName: Nullable(Type.String()),
    reason: Nullable(Type.String()),
    details: Json,
  },
  { $id: 'BatchEvent' },
);

export const ExceptionSchema = Type.Object(
  { id: Id, batchId: Id, itemCode: Type.String(), reason: Type.String(), department: Ref, grantedByName: Type.String(), grantedAt: DateTime },
  { $id: 'ManualEntryException' },
);

export const AttestationSchema = Type.Object(
  { id: Id, batchId: Id, witness: Ref, statement: Type.String(), attestedAt: DateTime, registered: Type.Boolean({ description: '见证时是否在本项目登记有效' }) },
  { $id: 'WitnessAttestation' },
);

export const BatchDetailSchema = Type.Object(
  {
    ...SummaryProps,
    commission: Type.Object({ id: Id, contractNumber: Nullable(Type.String()) }),
    catalogueVersion: Type.Integer({ description: '开启时锁定的检测项目目录版本' }),
    items: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), standard: Type.String(), autoCollected: Type.Boolean(), minImages: Type.Integer() })),
    components: Type.Array(
      Type.Object({
        code: Type.String(),
        display: Type.String(),
        building: Nullable(Type.String()),
        floor: Nullable(Type.String()),
        position: Nullable(Type.String()),
        componentType: Nullable(Type.String()),
      }),
    ),
    equipment: Type.Array(Type.Object({ id: Id, equipmentType: Type.String(), model: Type.String(), serialNumber: Type.String(), autoCollect: Type.Boolean() })),
    testers: Type.Array(Ref),
    uploadOwner: Ref,
    witness: Type.Object({ id: Id, name: Type.String(), registeredNow: Type.Boolean() }),
    lock: Type.Object({
      locked: Type.Boolean(),
      lockedAt: Nullable(DateTime),
      lockReason: Nullable(Type.String()),
      unlockedAt: Nullable(DateTime),
      unlockReason: Nullable(Type.String()),
    }),
    note: Nullable(Type.String()),
    events: Type.Array(Type.Ref('BatchEvent')),
    anomalies: Type.Array(Type.Ref('Anomaly')),
    seals: Type.Array(
      Type.Object({
        id: Id,
        seq: Type.Integer(),
        sealedAt: DateTime,
        sealedByName: Nullable(Type.String()),
        sealedByType: Type.String(),
        recordCount: Type.Integer(),
        imageCount: Type.Integer(),
        manifestSha256: Type.String(),
      }),
    ),
    reviews: Type.Array(
      Type.Object({
        id: Id,
        sealId: Id,
        decision: Type.Union([Type.Literal('approve'), Type.Literal('return')]),
        reasons: Nullable(Type.String()),
        reviewer: Ref,
        reviewedAt: DateTime,
      }),
    ),
    manualEntryExceptions: Type.Array(Type.Ref('ManualEntryException')),
    attestations: Type.Array(Type.Ref('WitnessAttestation')),
    latestRecordCount: Type.Integer({ description: '原始记录条数（不计历史版本）' }),
  },
  { $id: 'BatchDetail' },
);

export const NewBatch = Type.Object(
  {
    projectId: Id,
    commissionId: Id,
    specialty: Specialty,
    itemCodes: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: BATCH_MAX_ITEMS, uniqueItems: true, description: '检测项目代码（开启时现行目录版本）' }),
    componentIds: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { minItems: 1, maxItems: BATCH_MAX_COMPONENTS, description: '本项目构件唯一标识（QC 开头）' }),
    equipmentIds: Type.Array(Id, { minItems: 1, maxItems: BATCH_MAX_EQUIPMENT, uniqueItems: true }),
    testerPersonIds: Type.Array(Id, { minItems: 1, maxItems: BATCH_MAX_TESTERS, uniqueItems: true }),
    witnessPersonId: Id,
    uploadOwnerPersonId: Id,
    note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);

export const Manifest = Type.Object(
  {
    recordCount: Type.Integer({ minimum: 0, maximum: SEAL_MANIFEST_MAX_ITEMS }),
    imageCount: Type.Integer({ minimum: 0, maximum: SEAL_MANIFEST_MAX_ITEMS }),
    records: Type.Array(
      Type.Object(
        {
          recordKey: Type.String({ minLength: 1, maxLength: 100 }),
          version: Type.Integer({ minimum: 1 }),
          sha256: Type.String({ minLength: 64, maxLength: 64, description: '该版本的内容摘要（上传应答中的 contentSha256）' }),
        },
        { additionalProperties: false },
      ),
      { maxItems: SEAL_MANIFEST_MAX_ITEMS },
    ),
    images: Type.Array(Type.Object({ sha256: Type.String({ minLength: 64, maxLength: 64 }) }, { additionalProperties: false }), { maxItems: SEAL_MANIFEST_MAX_ITEMS }),
  },
  { additionalProperties: false, description: '封存清单：本批次全部原始记录版本与影像的数量和内容摘要' },
);

export const SealRefusal = Type.Object({
  code: Type.String(),
  message: Type.String(),
  field: Type.Optional(Type.String()),
  problems: Type.Optional(
    Type.Array(
      Type.Object({
        kind: Type.Union([Type.Literal('record_missing'), Type.Literal('record_mismatch'), Type.Literal('image_missing')]),
        index: Type.Integer({ description: '清单中的序号（从 0 开始）' }),
        recordKey: Type.Optional(Type.String()),
        version: Type.Optional(Type.Integer()),
        sha256: Type.Optional(Type.String()),
        declared: Type.Optional(Type.String()),
        arrived: Type.Optional(Type.String()),
      }),
      { description: '封存清单中未收到或不符的每一项' },
    ),
  ),
});

/** The shapes of this module that others reference by name (`$id`); added once at the app root. */
export const namedSchemas = [AnomalySchema, AnomalyListItemSchema, EventSchema, ExceptionSchema, AttestationSchema, BatchSummarySchema, BatchDetailSchema];

/**
 * The error `code`s this module's routes can answer with besides the platform-wide ones (PLATFORM_ERROR_CODES); every
 * route of the module lists them in /openapi.json as `x-error-codes`. src/kernel/http/error-codes.test.ts fails when the
 * module's code produces a code missing here.
 */
export const ERROR_CODES: readonly string[] = [
  'REPORT_BLOCKED_BY_ANOMALIES',
  'ANOMALY_ALREADY_ACKNOWLEDGED',
  'ANOMALY_NOT_FOUND',
  'BATCH_AGENCY_ONLY',
  'BATCH_ALREADY_COMPLETED',
  'BATCH_ALREADY_REPORTED',
  'BATCH_ALREADY_REVIEWED',
  'BATCH_ALREADY_SEALED',
  'BATCH_CLOSED',
  'BATCH_LOCKED',
  'BATCH_NOT_COMPLETED',
  'BATCH_NOT_FOUND',
  'BATCH_NOT_OPEN_FOR_UPLOAD',
  'BATCH_NOT_REVIEWED',
  'BATCH_NOT_SEALED',
  'BATCH_NUMBERS_EXHAUSTED',
  'BATCH_OPEN_AGENCY_ONLY',
  'BATCH_OPERATOR_ROLE_REQUIRED',
  'BATCH_SEALED',
  'COMMISSION_OTHER_PROJECT',
  'COMMISSION_QUALIFICATION_LAPSED',
  'COMMISSION_SPECIALTY_NOT_COVERED',
  'COMMISSION_SPECIALTY_NOT_QUALIFIED',
  'COMPLETION_BEFORE_OPENING',
  'COMPLETION_IN_FUTURE',
  'COMPONENT_DUPLICATE',
  'COMPONENT_ID_INVALID',
  'COMPONENT_NOT_IN_PROJECT',
  'DEPARTMENT_OFFICER_REQUIRED',
  'IDEMPOTENCY_KEY_INVALID',
  'IDEMPOTENCY_KEY_REUSED',
  'ITEM_NOT_IN_SPECIALTY',
  'ITEM_NOT_ON_BATCH',
  'ITEM_UNKNOWN',
  'MANUAL_EXCEPTION_EXISTS',
  'NOTE_REQUIRED',
  'PROJECT_NOT_FOUND',
  'REASON_REQUIRED',
  'REVIEWER_IS_TESTER',
  'REVIEWER_NOT_CERTIFIED',
  'REVIEWER_NOT_REGISTERED',
  'REVIEWER_ROLE_REQUIRED',
  'REVIEW_REASONS_REQUIRED',
  'SEAL_MANIFEST_COUNT_MISMATCH',
  'SEAL_MANIFEST_DUPLICATE',
  'SEAL_MANIFEST_HASH_INVALID',
  'SEAL_MANIFEST_INCOMPLETE',
  'SEAL_UPLOAD_OWNER_ONLY',
  'STATEMENT_REQUIRED',
  'TESTER_NOT_CERTIFIED',
  'TESTER_ROLE_MISSING',
  'TESTER_UNKNOWN',
  'UPLOAD_OWNER_ROLE_MISSING',
  'UPLOAD_OWNER_UNKNOWN',
  'WITNESS_NOT_BATCH_WITNESS',
];
