import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ORGANISATION_TYPES } from '../../kernel/auth/actor.ts';
import { commonErrors, DateTime, IdParams, Page, PageQuery } from '../../kernel/http/schemas.ts';

const OrganisationType = Type.Enum(ORGANISATION_TYPES, {
  description: 'agency 检测机构 · construction_unit 建设单位 · supervision_unit 监理单位 · contractor 施工单位 · department 住建部门',
});

export const OrganisationSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    type: OrganisationType,
    uscc: Type.Union([Type.String(), Type.Null()], { description: '统一社会信用代码' }),
    regionCode: Type.String(),
    regionName: Type.String(),
    contactName: Type.Union([Type.String(), Type.Null()]),
    contactPhone: Type.Union([Type.String(), Type.Null()]),
    status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
    createdAt: DateTime,
    rowVersion: Type.Integer({ description: '乐观锁版本号：修改时原样带回' }),
  },
  { $id: 'Organisation' },
);

const NewOrganisation = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 200 }),
    type: OrganisationType,
    uscc: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
    regionCode: Type.String({ minLength: 6, maxLength: 6 }),
    contactName: Type.Optional(Type.Union([Type.String({ maxLength: 50 }), Type.Null()])),
    contactPhone: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
  },
  { additionalProperties: false },
);

const OrganisationPatch = Type.Object(
  {
    rowVersion: Type.Integer({ minimum: 1 }),
    name: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
    contactName: Type.Optional(Type.Union([Type.String({ maxLength: 50 }), Type.Null()])),
    contactPhone: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const organisationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema(OrganisationSchema);
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
