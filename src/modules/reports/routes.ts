import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { commonErrors, IdParams, Page, PageQuery } from '../../kernel/http/schemas.ts';
import { ReportService } from './service.ts';
import { Id, Status, PublicVerificationSchema, Reason, ERROR_CODES } from './schemas.ts';
import { declareErrorCodes } from '../../kernel/http/openapi.ts';

/** Where people reach the platform: the configured public address, else the address this request came in on. */
const baseUrl = (configured: string | undefined, req: FastifyRequest) => configured ?? `${req.protocol}://${req.host}`;

export const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  declareErrorCodes(app, ERROR_CODES);
  const svc = new ReportService(app.deps);
  const tags = ['reports'];
  const Detail = Type.Ref('ReportDetail');

  app.post(
    '/batches/:id/report',
    {
      schema: {
        tags,
        summary: '授权签字人出具检测报告（已封存、已复核、未锁定、机构已对接；编号每机构每年连续）',
        params: IdParams,
        response: { 201: Detail, ...commonErrors, 503: Type.Ref('ErrorResponse') },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.generate(req.ctx, req.params.id, baseUrl(app.deps.config.publicBaseUrl, req))),
  );

  app.get(
    '/reports',
    {
      schema: {
        tags,
        summary: '检测报告列表（按调用者范围过滤）',
        querystring: Type.Object(
          {
            status: Type.Optional(Status),
            batchId: Type.Optional(Id),
            projectId: Type.Optional(Id),
            agencyId: Type.Optional(Id),
            q: Type.Optional(Type.String({ maxLength: 40, description: '报告编号或批次编号（完整）' })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(Type.Ref('ReportSummary')), ...commonErrors },
      },
    },
    async (req) => svc.list(req.ctx, req.query),
  );

  app.get('/reports/:id', { schema: { tags, summary: '检测报告详情（含报告内容）', params: IdParams, response: { 200: Detail, ...commonErrors } } }, async (req) =>
    svc.get(req.ctx, req.params.id),
  );

  app.get(
    '/reports/:id/pdf',
    {
      schema: {
        tags,
        summary: '下载检测报告 PDF（出具时生成并保存，每次下载内容相同）',
        params: IdParams,
        produces: ['application/pdf'],
        response: { 200: { description: 'PDF', content: { 'application/pdf': { schema: Type.String({ format: 'binary' }) } } }, ...commonErrors },
      },
    },
    async (req, reply) => {
      const { pdf, filename } = await svc.pdf(req.ctx, req.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="report.pdf"; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.post(
    '/reports/:id/supersede',
    {
      schema: {
        tags,
        summary: '出具更正报告（新编号，替代原报告；须说明更正原因）',
        params: IdParams,
        body: Reason,
        response: { 201: Detail, ...commonErrors, 503: Type.Ref('ErrorResponse') },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.supersede(req.ctx, req.params.id, req.body.reason, baseUrl(app.deps.config.publicBaseUrl, req))),
  );

  app.post(
    '/reports/:id/revoke',
    { schema: { tags, summary: '撤销检测报告（辖区住建部门或本机构管理员；须说明理由）', params: IdParams, body: Reason, response: { 200: Detail, ...commonErrors } } },
    async (req) => svc.revoke(req.ctx, req.params.id, req.body.reason),
  );

  app.get(
    '/public/reports/:number',
    {
      schema: {
        tags: ['public'],
        summary: '公开核验检测报告（无需登录；报告编号与验证码须一致，否则一律答复“报告编号不存在或已被篡改”）',
        security: [],
        params: Type.Object({ number: Type.String({ minLength: 1, maxLength: 40 }) }),
        querystring: Type.Object({ c: Type.String({ minLength: 1, maxLength: 20, description: '验证码' }) }, { additionalProperties: false }),
        response: { 200: PublicVerificationSchema, 400: Type.Ref('ErrorResponse'), 404: Type.Ref('ErrorResponse') },
      },
    },
    async (req, reply) => {
      const result = await svc.verify(req.params.number, req.query.c);
      // The status can change (superseded, revoked): never served from a cache.
      void reply.header('cache-control', 'no-store');
      return result;
    },
  );
};
