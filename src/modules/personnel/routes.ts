import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { commonErrors, IdParams, Page, PageQuery } from '../../kernel/http/schemas.ts';
import { PersonnelService } from './service.ts';
import { Role, PersonStatus, CertificateSchema, PersonSchema, PersonDetailSchema, NewCertificate, NewPerson, PersonPatch, Leave, ERROR_CODES } from './schemas.ts';
import { declareErrorCodes } from '../../kernel/http/openapi.ts';

export const personnelRoutes: FastifyPluginAsyncTypebox = async (app) => {
  declareErrorCodes(app, ERROR_CODES);
  const svc = new PersonnelService(app.deps);
  const tags = ['personnel'];

  app.get(
    '/personnel',
    {
      schema: {
        tags,
        summary: '检测人员列表（身份证号脱敏）',
        querystring: Type.Object(
          {
            agencyId: Type.Optional(Type.String({ format: 'uuid' })),
            status: Type.Optional(PersonStatus),
            role: Type.Optional(Role),
            q: Type.Optional(Type.String({ maxLength: 50 })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(PersonSchema), ...commonErrors },
      },
    },
    async (req) => svc.list(req.ctx, req.query),
  );

  app.post(
    '/personnel',
    { schema: { tags, summary: '注册检测人员（同一时间只能在一家检测机构在职）', body: NewPerson, response: { 201: PersonDetailSchema, ...commonErrors } } },
    async (req, reply) => reply.status(201).send(await svc.create(req.ctx, req.body)),
  );

  app.get('/personnel/:id', { schema: { tags, summary: '人员详情', params: IdParams, response: { 200: PersonDetailSchema, ...commonErrors } } }, async (req) =>
    svc.get(req.ctx, req.params.id),
  );

  app.patch(
    '/personnel/:id',
    { schema: { tags, summary: '修改人员信息（岗位、关联账号；带 rowVersion）', params: IdParams, body: PersonPatch, response: { 200: PersonDetailSchema, ...commonErrors } } },
    async (req) => svc.update(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/personnel/:id/leave',
    { schema: { tags, summary: '办理离职', params: IdParams, body: Leave, response: { 200: PersonDetailSchema, ...commonErrors } } },
    async (req) => svc.leave(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/personnel/:id/reveal-id',
    {
      schema: {
        tags,
        summary: '查看完整身份证号（本机构管理员或平台管理员；留痕审计）',
        params: IdParams,
        response: { 200: Type.Object({ residentId: Type.String() }), ...commonErrors },
      },
    },
    async (req) => svc.revealResidentId(req.ctx, req.params.id),
  );

  app.get(
    '/personnel/:id/certificates',
    { schema: { tags, summary: '人员证书（含历史）', params: IdParams, response: { 200: Type.Array(CertificateSchema), ...commonErrors } } },
    async (req) => svc.listCertificates(req.ctx, req.params.id),
  );

  app.post(
    '/personnel/:id/certificates',
    { schema: { tags, summary: '登记上岗证/职业资格证书', params: IdParams, body: NewCertificate, response: { 201: CertificateSchema, ...commonErrors } } },
    async (req, reply) => reply.status(201).send(await svc.addCertificate(req.ctx, req.params.id, req.body)),
  );
};
