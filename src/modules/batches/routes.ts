import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from 'typebox';
import { AppError } from '../../kernel/errors.ts';
import { canonicalJson } from '../../kernel/crypto/canonical-json.ts';
import { checkIdempotencyKey, hashRequest, idempotent } from '../../kernel/idempotency.ts';
import { commonErrors, DateTime, IdParams, Page, PageQuery } from '../../kernel/http/schemas.ts';
import {
  BATCH_MAX_COMPONENTS,
  BATCH_MAX_EQUIPMENT,
  BATCH_MAX_ITEMS,
  BATCH_MAX_TESTERS,
  SEAL_MANIFEST_MAX_ITEMS,
} from '../../kernel/policy.ts';
import { SPECIALTY_CODES } from '../../kernel/specialties.ts';
import { ANOMALY_KINDS } from './anomalies.ts';
import { BATCH_STATUSES } from './rules/lifecycle.ts';
import { AnomalyService, BatchService } from './service.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Id = Type.String({ format: 'uuid' });
const Ref = Type.Object({ id: Id, name: Type.String() });
const Specialty = Type.Enum(SPECIALTY_CODES, { description: '专项代码' });
const Status = Type.Enum(BATCH_STATUSES, {
  description: 'opened 已开启 · uploading 上传中 · completed 现场检测完成 · sealed 已封存（待复核） · reviewed 已复核 · reported 已出具报告',
});
const AnomalyKind = Type.Enum(ANOMALY_KINDS, { description: '异常类型（稳定代码）' });
const Json = Type.Record(Type.String(), Type.Unknown());
const Unprocessable = { 422: Type.Ref('ErrorResponse') };

const DeadlineSchema = Type.Object(
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

const AnomalyProps = {
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
  acknowledgeNote: Nullable(Type.String()),
};
const AnomalySchema = Type.Object(AnomalyProps, { $id: 'Anomaly' });
const AnomalyListItemSchema = Type.Object(
  { ...AnomalyProps, batchNumber: Type.String(), agencyName: Type.String(), projectId: Id, projectName: Type.String() },
  { $id: 'AnomalyListItem' },
);

const SummaryProps = {
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

const BatchSummarySchema = Type.Object(SummaryProps, { $id: 'BatchSummary' });

const EventSchema = Type.Object(
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

const ExceptionSchema = Type.Object(
  { id: Id, batchId: Id, itemCode: Type.String(), reason: Type.String(), department: Ref, grantedByName: Type.String(), grantedAt: DateTime },
  { $id: 'ManualEntryException' },
);

const AttestationSchema = Type.Object(
  { id: Id, batchId: Id, witness: Ref, statement: Type.String(), attestedAt: DateTime, registered: Type.Boolean({ description: '见证时是否在本项目登记有效' }) },
  { $id: 'WitnessAttestation' },
);

const BatchDetailSchema = Type.Object(
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

const NewBatch = Type.Object(
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

const Manifest = Type.Object(
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

const SealRefusal = Type.Object({
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

export const batchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema(AnomalySchema);
  app.addSchema(AnomalyListItemSchema);
  app.addSchema(EventSchema);
  app.addSchema(ExceptionSchema);
  app.addSchema(AttestationSchema);
  app.addSchema(BatchSummarySchema);
  app.addSchema(BatchDetailSchema);
  const svc = new BatchService(app.deps);
  const anomalies = new AnomalyService(app.deps);
  const Detail = Type.Ref('BatchDetail');
  const tags = ['batches'];

  app.get(
    '/batches',
    {
      schema: {
        tags,
        summary: '检测批次列表（按调用者范围过滤；含上传截止时间与剩余时间）',
        querystring: Type.Object(
          {
            status: Type.Optional(Status),
            specialty: Type.Optional(Specialty),
            q: Type.Optional(Type.String({ maxLength: 40, description: '批次编号（部分）' })),
            projectId: Type.Optional(Id),
            agencyId: Type.Optional(Id),
            locked: Type.Optional(Type.Boolean()),
            from: Type.Optional(Type.String({ format: 'date-time', description: '开启时间不早于' })),
            to: Type.Optional(Type.String({ format: 'date-time', description: '开启时间早于' })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(Type.Ref('BatchSummary')), ...commonErrors },
      },
    },
    async (req) => svc.list(req.ctx, req.query),
  );

  app.post(
    '/batches',
    {
      schema: {
        tags,
        summary: '开启检测批次（现场检测开始时；可带 Idempotency-Key 防重复）',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String()) }),
        body: NewBatch,
        response: { 201: Detail, ...commonErrors, ...Unprocessable },
      },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      if (key === undefined) {
        const detail = await app.deps.db.transaction().execute((trx) => svc.open(trx, req.ctx, req.body));
        return reply.status(201).send(detail);
      }
      const result = await idempotent(app.deps.db, req.ctx, checkIdempotencyKey(key), hashRequest(['batch-open', canonicalJson(req.body)]), async (trx) => ({
        statusCode: 201,
        body: await svc.open(trx, req.ctx, req.body),
      }));
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      return reply.status(result.statusCode).send(result.body);
    },
  );

  app.get(
    '/batches/witness-options',
    {
      schema: {
        tags,
        summary: '开启批次时可选的见证人员：当前在该项目登记有效的见证人员（仅 ID 与姓名）',
        querystring: Type.Object({ projectId: Id }, { additionalProperties: false }),
        response: { 200: Type.Array(Ref), ...commonErrors },
      },
    },
    async (req) => svc.witnessOptions(req.ctx, req.query.projectId),
  );

  app.get('/batches/:id', { schema: { tags, summary: '检测批次详情（项目、构件、设备、人员、见证、事件、异常、时限）', params: IdParams, response: { 200: Detail, ...commonErrors } } }, async (req) =>
    svc.get(req.ctx, req.params.id),
  );

  app.get(
    '/batches/:id/events',
    { schema: { tags, summary: '批次状态变更记录（时间线）', params: IdParams, response: { 200: Type.Array(Type.Ref('BatchEvent')), ...commonErrors } } },
    async (req) => svc.events(req.ctx, req.params.id),
  );

  app.post(
    '/batches/:id/complete',
    {
      schema: {
        tags,
        summary: '申报现场检测完成时间（上传截止 = 完成时间 + 2 小时）',
        params: IdParams,
        body: Type.Object({ completedAt: Type.String({ format: 'date-time', description: '现场检测完成时间 T' }) }, { additionalProperties: false }),
        response: { 200: Detail, ...commonErrors, ...Unprocessable },
      },
    },
    async (req) => svc.complete(req.ctx, req.params.id, new Date(req.body.completedAt)),
  );

  app.post(
    '/batches/:id/seal',
    {
      schema: {
        tags,
        summary: '上传负责人封存批次（声明上传完整：记录与影像的数量和内容摘要）',
        params: IdParams,
        body: Manifest,
        response: { 200: Detail, ...commonErrors, 422: SealRefusal },
      },
    },
    async (req, reply) => {
      try {
        return await svc.seal(req.ctx, req.params.id, req.body);
      } catch (err) {
        if (err instanceof AppError && err.code === 'SEAL_MANIFEST_INCOMPLETE') {
          return reply.status(422).send({ code: err.code, message: err.message, field: err.field, problems: err.details?.problems as never });
        }
        throw err;
      }
    },
  );

  app.post(
    '/batches/:id/review',
    {
      schema: {
        tags,
        summary: '双人复核：通过，或说明理由退回更正（复核人不得为本批次检测人员）',
        params: IdParams,
        body: Type.Object(
          {
            decision: Type.Union([Type.Literal('approve'), Type.Literal('return')], { description: 'approve 通过 · return 退回' }),
            reasons: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
          },
          { additionalProperties: false },
        ),
        response: { 200: Detail, ...commonErrors, ...Unprocessable },
      },
    },
    async (req) => svc.review(req.ctx, req.params.id, req.body),
  );

  app.get(
    '/batches/:id/manual-entry-exceptions',
    { schema: { tags, summary: '本批次的人工录入例外', params: IdParams, response: { 200: Type.Array(Type.Ref('ManualEntryException')), ...commonErrors } } },
    async (req) => svc.listManualEntryExceptions(req.ctx, req.params.id),
  );

  app.post(
    '/batches/:id/manual-entry-exceptions',
    {
      schema: {
        tags,
        summary: '住建部门批准本批次某检测项目人工录入（例外，须说明理由）',
        params: IdParams,
        body: Type.Object({ itemCode: Type.String({ minLength: 1, maxLength: 64 }), reason: Type.String({ minLength: 2, maxLength: 500 }) }, { additionalProperties: false }),
        response: { 201: Type.Ref('ManualEntryException'), ...commonErrors, ...Unprocessable },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.grantManualEntryException(req.ctx, req.params.id, req.body.itemCode, req.body.reason)),
  );

  app.post(
    '/batches/:id/witness-attestations',
    {
      schema: {
        tags,
        summary: '见证人员确认见证（本人，实时）',
        params: IdParams,
        body: Type.Object({ statement: Type.String({ minLength: 2, maxLength: 1000, description: '见证说明' }) }, { additionalProperties: false }),
        response: { 201: Type.Ref('WitnessAttestation'), ...commonErrors, ...Unprocessable },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.attest(req.ctx, req.params.id, req.body.statement)),
  );

  app.get(
    '/anomalies',
    {
      schema: {
        tags: ['anomalies'],
        summary: '异常核查清单（住建部门按辖区，机构看本机构）',
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('acknowledged')])),
            kind: Type.Optional(AnomalyKind),
            batchId: Type.Optional(Id),
            agencyId: Type.Optional(Id),
            from: Type.Optional(Type.String({ format: 'date-time' })),
            to: Type.Optional(Type.String({ format: 'date-time' })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Page(Type.Ref('AnomalyListItem')),
          ...commonErrors,
        },
      },
    },
    async (req) => anomalies.list(req.ctx, req.query),
  );

  app.post(
    '/anomalies/:id/acknowledge',
    {
      schema: {
        tags: ['anomalies'],
        summary: '住建部门核查异常（填写核查意见）',
        params: IdParams,
        body: Type.Object({ note: Type.String({ minLength: 2, maxLength: 1000 }) }, { additionalProperties: false }),
        response: {
          200: Type.Ref('AnomalyListItem'),
          ...commonErrors,
        },
      },
    },
    async (req) => anomalies.acknowledge(req.ctx, req.params.id, req.body.note),
  );
};
