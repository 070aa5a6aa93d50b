import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { commonErrors, IdParams, Page, PageQuery } from '../../kernel/http/schemas.ts';
import { OrganisationType, NewOrganisation, OrganisationPatch, ERROR_CODES } from './schemas.ts';
import { declareErrorCodes } from '../../kernel/http/openapi.ts';

export const organisationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  declareErrorCodes(app, ERROR_CODES);
  const svc = app.services.organisations;
  const Org = Type.Ref('Organisation');
  const tags = ['organisations'];

  app.get(
    '/organisations',
    {
      schema: {
        tags,
        summary: '机构列表（按调用者辖区/机构范围过滤）',
        querystring: Type.Object(
          { q: Type.Optional(Type.String({ maxLength: 100 })), type: Type.Optional(OrganisationType), regionCode: Type.Optional(Type.String({ maxLength: 6 })), ...PageQuery },
          { additionalProperties: false },
        ),
        response: { 200: Page(Org), ...commonErrors },
      },
    },
    async (req) => svc.list(req.ctx, req.query),
  );

  app.get('/organisations/:id', { schema: { tags, summary: '机构详情', params: IdParams, response: { 200: Org, ...commonErrors } } }, async (req) =>
    svc.get(req.ctx, req.params.id),
  );

  app.post(
    '/organisations',
    { schema: { tags, summary: '新建机构（平台管理员）', body: NewOrganisation, response: { 201: Org, ...commonErrors } } },
    async (req, reply) => reply.status(201).send(await svc.create(req.ctx, req.body)),
  );

  app.patch(
    '/organisations/:id',
    { schema: { tags, summary: '修改机构信息（带 rowVersion）', params: IdParams, body: OrganisationPatch, response: { 200: Org, ...commonErrors } } },
    async (req) => svc.update(req.ctx, req.params.id, req.body),
  );

  for (const [action, status] of [['disable', 'disabled'], ['enable', 'active']] as const) {
    app.post(
      `/organisations/:id/${action}`,
      { schema: { tags, summary: action === 'disable' ? '停用机构' : '启用机构', params: IdParams, response: { 200: Org, ...commonErrors } } },
      async (req) => svc.setStatus(req.ctx, req.params.id, status),
    );
  }
};
