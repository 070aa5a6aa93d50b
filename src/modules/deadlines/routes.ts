import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { commonErrors, DateTime, IdParams, Page, PageQuery } from '../../kernel/http/schemas.ts';
import { FORCE_MAJEURE_MAX_DOCUMENTS } from '../../kernel/policy.ts';
import { DeadlineService } from './service.ts';
import { Nullable, Id, FilingStatus, Unprocessable, ERROR_CODES } from './schemas.ts';
import { declareErrorCodes } from '../../kernel/http/openapi.ts';

/** Issue 5: the batch's deadline and lock, force-majeure filings, unlocking, and 补传 counts. */
export const deadlineRoutes: FastifyPluginAsyncTypebox = async (app) => {
  declareErrorCodes(app, ERROR_CODES);
  const svc = new DeadlineService(app.deps);
  const tags = ['deadlines'];

  app.get(
    '/batches/:id/deadline',
    { schema: { tags, summary: '批次上传时限、锁定状态与不可抗力报备', params: IdParams, response: { 200: Type.Ref('BatchDeadline'), ...commonErrors } } },
    async (req) => svc.batchDeadline(req.ctx, req.params.id),
  );

  app.post(
    '/batches/:id/force-majeure',
    {
      schema: {
        tags,
        summary: '不可抗力报备（完成后 2 小时内，报项目所在地住建部门）',
        params: IdParams,
        body: Type.Object(
          {
            reason: Type.String({ minLength: 1, maxLength: 2000, description: '不可抗力情况说明' }),
            documentIds: Type.Optional(Type.Array(Id, { maxItems: FORCE_MAJEURE_MAX_DOCUMENTS, description: '证明材料（先经 POST /documents 上传）' })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Ref('ForceMajeureFiling'), ...commonErrors, ...Unprocessable },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.file(req.ctx, req.params.id, req.body)),
  );

  app.get(
    '/force-majeure-filings',
    {
      schema: {
        tags,
        summary: '不可抗力报备列表（inbox=true：本部门待审核的收件箱）',
        querystring: Type.Object(
          { status: Type.Optional(FilingStatus), batchId: Type.Optional(Id), inbox: Type.Optional(Type.Boolean()), ...PageQuery },
          { additionalProperties: false },
        ),
        response: { 200: Page(Type.Ref('ForceMajeureFiling')), ...commonErrors },
      },
    },
    async (req) => svc.listFilings(req.ctx, req.query),
  );

  app.get(
    '/force-majeure-filings/:id',
    { schema: { tags, summary: '不可抗力报备详情', params: IdParams, response: { 200: Type.Ref('ForceMajeureFiling'), ...commonErrors } } },
    async (req) => svc.getFiling(req.ctx, req.params.id),
  );

  app.post(
    '/force-majeure-filings/:id/decision',
    {
      schema: {
        tags,
        summary: '住建部门审核不可抗力报备（同意／驳回；驳回须说明理由）',
        params: IdParams,
        body: Type.Object(
          { decision: Type.Enum(['accept', 'reject'] as const), reason: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Ref('ForceMajeureFiling'), ...commonErrors },
      },
    },
    async (req) => svc.decide(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/force-majeure-filings/:id/clearance',
    {
      schema: {
        tags,
        summary: '申报故障排除时间（此后 2 小时内完成全部上传）',
        params: IdParams,
        body: Type.Object({ clearedAt: DateTime, note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))) }, { additionalProperties: false }),
        response: { 200: Type.Ref('ForceMajeureFiling'), ...commonErrors, ...Unprocessable },
      },
    },
    async (req) => svc.clear(req.ctx, req.params.id, { clearedAt: new Date(req.body.clearedAt), note: req.body.note }),
  );

  app.get(
    '/force-majeure-filings/:id/documents/:documentId/content',
    { schema: { tags, summary: '下载报备证明材料', params: Type.Object({ id: Id, documentId: Id }) } },
    async (req, reply) => {
      const doc = await svc.openDocument(req.ctx, req.params.id, req.params.documentId);
      void reply.header('content-type', doc.contentType);
      void reply.header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(doc.filename)}`);
      void reply.header('etag', `"${doc.sha256}"`);
      return reply.send(doc.stream);
    },
  );

  app.post(
    '/batches/:id/unlock',
    {
      schema: {
        tags,
        summary: '住建部门处理后解锁批次报告生成权限（须说明理由）',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
        response: { 200: Type.Ref('BatchDeadline'), ...commonErrors },
      },
    },
    async (req) => svc.unlock(req.ctx, req.params.id, req.body.reason),
  );

  app.get(
    '/supplementary-uploads',
    {
      schema: {
        tags,
        summary: '检测机构年度补传次数（按批次计；用于分级处置）',
        querystring: Type.Object({ agencyId: Id, year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2200 })) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            agencyId: Id,
            year: Type.Integer(),
            batches: Type.Integer({ description: '有补传的批次数（补传次数）' }),
            uploads: Type.Integer({ description: '补传的原始记录版本和过程影像数' }),
          }),
          ...commonErrors,
        },
      },
    },
    async (req) => svc.supplementary(req.ctx, req.query.agencyId, req.query.year),
  );
};
