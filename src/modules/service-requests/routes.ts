import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { commonErrors, IdParams, Page, PageQuery } from '../../kernel/http/schemas.ts';
import { ServiceRequestService } from './service.ts';
import { Nullable, Id, RequestType, Status, Day, Unprocessable, ERROR_CODES } from './schemas.ts';
import { declareErrorCodes } from '../../kernel/http/openapi.ts';

/** 靠前服务 (三(二)): agencies ask, departments schedule a visit and close. */
export const serviceRequestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  declareErrorCodes(app, ERROR_CODES);
  const svc = new ServiceRequestService(app.deps.db);
  const tags = ['service-requests'];
  const One = Type.Ref('ServiceRequest');

  app.get(
    '/service-requests',
    {
      schema: {
        tags,
        summary: '靠前服务请求列表（机构看本机构，住建部门看本辖区）',
        querystring: Type.Object({ status: Type.Optional(Status), type: Type.Optional(RequestType), ...PageQuery }, { additionalProperties: false }),
        response: { 200: Page(One), ...commonErrors },
      },
    },
    async (req) => svc.list(req.ctx, req.query),
  );

  app.post(
    '/service-requests',
    {
      schema: {
        tags,
        summary: '检测机构提出靠前服务请求（设备对接、影像采集或其他）',
        body: Type.Object(
          {
            type: RequestType,
            description: Type.String({ minLength: 2, maxLength: 2000 }),
            projectId: Type.Optional(Nullable(Id)),
            contactPhone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
          },
          { additionalProperties: false },
        ),
        response: { 201: One, ...commonErrors, ...Unprocessable },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.file(req.ctx, req.body)),
  );

  app.get('/service-requests/:id', { schema: { tags, summary: '服务请求详情', params: IdParams, response: { 200: One, ...commonErrors } } }, async (req) =>
    svc.get(req.ctx, req.params.id),
  );

  app.post(
    '/service-requests/:id/schedule',
    {
      schema: {
        tags,
        summary: '住建部门安排（或改期）走访：日期与走访人员',
        params: IdParams,
        body: Type.Object({ visitDate: Day, officerId: Id }, { additionalProperties: false }),
        response: { 200: One, ...commonErrors, ...Unprocessable },
      },
    },
    async (req) => svc.schedule(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/service-requests/:id/close',
    {
      schema: {
        tags,
        summary: '住建部门办结服务请求（填写办理情况）',
        params: IdParams,
        body: Type.Object({ note: Type.String({ minLength: 2, maxLength: 2000 }) }, { additionalProperties: false }),
        response: { 200: One, ...commonErrors },
      },
    },
    async (req) => svc.close(req.ctx, req.params.id, req.body.note),
  );
};
