import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, Page, PageQuery, Uuid } from '../../kernel/http/schemas.ts';
import { piiKey } from '../personnel/index.ts';
import { WitnessService } from './service.ts';
import { errors, RegistrationResult, NewWitnessBody, ChangeBody, ERROR_CODES } from './schemas.ts';
import { declareErrorCodes } from '../../kernel/http/openapi.ts';

/** Witnesses (见证人员) and their written authorizations, 二(二). */
export const witnessRoutes: FastifyPluginAsyncTypebox = async (app) => {
  declareErrorCodes(app, ERROR_CODES);
  const svc = new WitnessService(app.deps.db, piiKey);
  const tags = ['witnesses'];

  app.get(
    '/witnesses',
    {
      schema: {
        tags,
        summary: '见证人员列表（本单位／本辖区）',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 50, description: '姓名' })),
            supervisionUnitId: Type.Optional(Uuid),
            projectId: Type.Optional(Type.String({ format: 'uuid', description: '曾在该项目登记的见证人员' })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(Type.Ref('Witness')), ...errors },
      },
    },
    async (req) => svc.list(req.ctx, req.query),
  );

  app.get('/witnesses/:id', { schema: { tags, summary: '见证人员详情', params: IdParams, response: { 200: Type.Ref('Witness'), ...errors } } }, async (req) =>
    svc.get(req.ctx, req.params.id),
  );

  app.get(
    '/witnesses/:id/history',
    {
      schema: {
        tags,
        summary: '见证人员授权登记与变更记录（含被更换记录）',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('WitnessRegistration')) }), ...errors },
      },
    },
    async (req) => svc.history(req.ctx, req.params.id),
  );

  app.post(
    '/witnesses',
    { schema: { tags, summary: '登记见证人员（附书面授权）', body: NewWitnessBody, response: { 201: RegistrationResult, ...errors } } },
    async (req, reply) => reply.status(201).send(await svc.create(req.ctx, req.body)),
  );

  app.post(
    '/witnesses/:id/authorizations',
    {
      schema: {
        tags,
        summary: '登记见证变更（新授权、更换、撤销；应在变更后3个工作日内登记）',
        params: IdParams,
        body: ChangeBody,
        response: { 201: RegistrationResult, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.addAuthorization(req.ctx, req.params.id, req.body)),
  );
};
