import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../kernel/errors.ts';
import { canonicalJson } from '../../kernel/crypto/canonical-json.ts';
import { checkIdempotencyKey, hashRequest, idempotent } from '../../kernel/idempotency.ts';
import { commonErrors, IdParams, Page, PageQuery } from '../../kernel/http/schemas.ts';
import { AnomalyService, BatchService } from './service.ts';
import { Nullable, Id, Ref, Specialty, Status, AnomalyKind, Unprocessable, NewBatch, Manifest, SealRefusal, ERROR_CODES } from './schemas.ts';
import { declareErrorCodes } from '../../kernel/http/openapi.ts';

export const batchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  declareErrorCodes(app, ERROR_CODES);
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
