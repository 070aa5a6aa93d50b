import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { commonErrors, IdParams, Page, PageQuery, Uuid } from '../../kernel/http/schemas.ts';
import { sendXlsx } from '../../kernel/export/xlsx.ts';
import { ViolationService } from './service.ts';
import { ViolationTypeSchema, FilterQuery, ERROR_CODES } from './schemas.ts';
import { declareErrorCodes } from '../../kernel/http/openapi.ts';

/** The violations ledger (issue 6 item 1): read side. Records are written by the modules that find them. */
export const violationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  declareErrorCodes(app, ERROR_CODES);
  const svc = new ViolationService(app.deps.db);
  const tags = ['violations'];

  app.get(
    '/violations',
    {
      schema: {
        tags,
        summary: '违规记录（本单位／本辖区；可按类型、单位、项目、期间筛选）',
        querystring: Type.Object({ ...FilterQuery, ...PageQuery }, { additionalProperties: false }),
        response: { 200: Page(Type.Ref('Violation')), ...commonErrors },
      },
    },
    async (req) => svc.list(req.ctx, req.query),
  );

  app.get(
    '/violations/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出违规记录（Excel；与列表相同的筛选与辖区范围）',
        querystring: Type.Object(FilterQuery, { additionalProperties: false }),
        response: { 200: Type.String({ description: 'xlsx 文件' }), ...commonErrors },
      },
    },
    async (req, reply) => sendXlsx(reply, `违规记录-${req.ctx.now.toISOString().slice(0, 10)}.xlsx`, await svc.exportXlsx(req.ctx, req.query)),
  );

  app.post(
    '/violations',
    {
      schema: {
        tags,
        summary: '监管人员认定违规（本辖区内的项目或单位）',
        body: Type.Object(
          {
            organisationId: Uuid,
            type: ViolationTypeSchema,
            occurredAt: Type.String({ format: 'date-time' }),
            description: Type.String({ minLength: 2, maxLength: 2000, description: '认定事实' }),
            projectId: Type.Optional(Type.Union([Uuid, Type.Null()])),
            personRef: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()])),
            intentional: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
            batchRef: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Ref('Violation'), ...commonErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.recordFinding(req.ctx, req.body)),
  );

  app.post(
    '/violations/:id/intent',
    {
      schema: {
        tags,
        summary: '认定是否故意（仅一次；试行期非故意迟传/漏传可不纳入信用记录）',
        params: IdParams,
        body: Type.Object({ intentional: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: Type.Ref('Violation'), ...commonErrors },
      },
    },
    async (req) => svc.decideIntent(req.ctx, req.params.id, req.body.intentional),
  );

  app.get(
    '/violations/:id',
    { schema: { tags, summary: '违规记录详情', params: IdParams, response: { 200: Type.Ref('Violation'), ...commonErrors } } },
    async (req) => svc.get(req.ctx, req.params.id),
  );
};
