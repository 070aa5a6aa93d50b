import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from 'typebox';
import { checkIdempotencyKey } from '../../kernel/idempotency.ts';
import { commonErrors, DateTime, IdParams } from '../../kernel/http/schemas.ts';
import { ANOMALY_KINDS } from '../batches/index.ts';
import { RECORD_SOURCES } from './tables.ts';
import { RecordService } from './service.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Id = Type.String({ format: 'uuid' });
const Source = Type.Enum(RECORD_SOURCES, { description: 'auto 设备自动采集（须带设备签名） · manual 人工录入（仅在允许时）' });
const RecordKey = Type.String({ pattern: '^[A-Za-z0-9._:-]{1,100}$', description: '记录键：客户端为每条原始记录生成，更正时保持不变' });
const Values = Type.Record(Type.String({ maxLength: 40 }), Type.Unknown(), { maxProperties: 60, description: '按检测项目目录字段填写的数值' });

const NewRecord = Type.Object(
  {
    recordKey: RecordKey,
    itemCode: Type.String({ minLength: 1, maxLength: 64 }),
    componentId: Type.String({ minLength: 1, maxLength: 40, description: '构件唯一标识（QC 开头）' }),
    values: Values,
    capturedAt: Type.String({ minLength: 10, maxLength: 40, description: '采集时间，带时区的 RFC 3339' }),
    source: Source,
    equipmentId: Id,
    testerPersonId: Id,
    signature: Type.Optional(
      Type.Object(
        {
          keyId: Type.Optional(Id),
          alg: Type.Literal('Ed25519'),
          value: Type.String({ minLength: 80, maxLength: 100, description: '64 字节签名的 base64/base64url' }),
        },
        { additionalProperties: false, description: '设备对规范化 JSON（RFC 8785）的 Ed25519 签名' },
      ),
    ),
    correctionOf: Type.Optional(
      Type.Object(
        { version: Type.Integer({ minimum: 1, description: '被更正的（最新）版本号' }), reason: Type.String({ minLength: 2, maxLength: 500, description: '更正理由' }) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

const RawRecordSchema = Type.Object(
  {
    id: Id,
    batchId: Id,
    recordKey: Type.String(),
    version: Type.Integer(),
    latest: Type.Boolean({ description: '是否为该记录的最新版本' }),
    itemCode: Type.String(),
    componentId: Type.String(),
    values: Type.Record(Type.String(), Type.Unknown()),
    capturedAt: DateTime,
    source: Source,
    manual: Type.Boolean({ description: '人工录入（标记）' }),
    equipmentId: Id,
    testerPersonId: Id,
    contentSha256: Type.String({ description: '内容摘要（封存清单中声明）' }),
    signature: Nullable(Type.Object({ alg: Type.Literal('Ed25519'), keyId: Id, value: Type.String(), signedPayload: Type.String({ description: '设备签名的规范化 JSON 原文' }) })),
    manualExceptionId: Nullable(Id),
    correctionReason: Nullable(Type.String()),
    supplementary: Type.Boolean({ description: '补传（批次锁定期间或解锁后上传）' }),
    receivedAt: DateTime,
    submittedBy: Type.Object({ type: Type.String(), name: Nullable(Type.String()) }),
    flags: Type.Array(Type.Enum(ANOMALY_KINDS), { description: '本版本记录的异常类型' }),
  },
  { $id: 'RawRecord' },
);

export const recordRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema(RawRecordSchema);
  const svc = new RecordService(app.deps);
  const tags = ['records'];

  app.post(
    '/batches/:id/records',
    {
      schema: {
        tags,
        summary: '上传原始记录（须带 Idempotency-Key；重试返回首次结果；更正为新版本）',
        params: IdParams,
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String()) }),
        body: NewRecord,
        response: { 201: Type.Ref('RawRecord'), ...commonErrors, 422: Type.Ref('ErrorResponse') },
      },
    },
    async (req, reply) => {
      const key = checkIdempotencyKey(req.headers['idempotency-key']);
      const result = await svc.upload(req.ctx, req.params.id, req.body, key);
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      return reply.status(result.statusCode).send(result.body);
    },
  );

  app.get(
    '/batches/:id/records',
    {
      schema: {
        tags,
        summary: '批次原始记录（含全部历史版本，标记最新版本）',
        params: IdParams,
        querystring: Type.Object({ latestOnly: Type.Optional(Type.Boolean({ description: '只列最新版本' })) }, { additionalProperties: false }),
        response: { 200: Type.Array(Type.Ref('RawRecord')), ...commonErrors },
      },
    },
    async (req) => svc.list(req.ctx, req.params.id, { latestOnly: req.query.latestOnly }),
  );
};
