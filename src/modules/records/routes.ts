import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { checkIdempotencyKey } from '../../kernel/idempotency.ts';
import { commonErrors, IdParams } from '../../kernel/http/schemas.ts';
import { RecordService } from './service.ts';
import { NewRecord, ERROR_CODES } from './schemas.ts';
import { declareErrorCodes } from '../../kernel/http/openapi.ts';

export const recordRoutes: FastifyPluginAsyncTypebox = async (app) => {
  declareErrorCodes(app, ERROR_CODES);
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
