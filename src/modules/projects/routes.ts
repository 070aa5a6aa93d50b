import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { commonErrors, IdParams, Page, PageQuery, Uuid } from '../../kernel/http/schemas.ts';
import { ProjectService } from './service.ts';
import { ProjectSchema, NewProject, ProjectPatch, ERROR_CODES } from './schemas.ts';
import { declareErrorCodes } from '../../kernel/http/openapi.ts';

export const projectRoutes: FastifyPluginAsyncTypebox = async (app) => {
  declareErrorCodes(app, ERROR_CODES);
  const svc = new ProjectService(app.deps);
  const tags = ['projects'];

  app.get(
    '/projects',
    {
      schema: {
        tags,
        summary: '项目列表（参建单位、受委托检测机构、属地住建部门各见其范围）',
        querystring: Type.Object(
          { q: Type.Optional(Type.String({ maxLength: 100 })), regionCode: Type.Optional(Type.String({ maxLength: 6 })), ...PageQuery },
          { additionalProperties: false },
        ),
        response: { 200: Page(ProjectSchema), ...commonErrors },
      },
    },
    async (req) => svc.list(req.ctx, req.query),
  );

  app.get(
    '/projects/participant-options',
    {
      schema: {
        tags,
        summary: '可选参建单位（登记项目时选择建设、监理、施工单位）',
        querystring: Type.Object(
          {
            type: Type.Union([Type.Literal('construction_unit'), Type.Literal('supervision_unit'), Type.Literal('contractor')]),
            q: Type.Optional(Type.String({ maxLength: 100 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Array(Type.Object({ id: Uuid, name: Type.String(), uscc: Type.Union([Type.String(), Type.Null()]), regionName: Type.String() })),
          ...commonErrors,
        },
      },
    },
    async (req) => svc.participantOptions(req.ctx, req.query.type, req.query.q),
  );

  app.get(
    '/projects/:id',
    { schema: { tags, summary: '项目详情', params: IdParams, response: { 200: ProjectSchema, ...commonErrors } } },
    async (req) => svc.get(req.ctx, req.params.id),
  );

  app.post(
    '/projects',
    {
      schema: {
        tags,
        summary: '登记项目（建设单位用户登记本单位项目，或平台管理员）',
        body: NewProject,
        response: { 201: ProjectSchema, ...commonErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.create(req.ctx, req.body)),
  );

  app.patch(
    '/projects/:id',
    {
      schema: {
        tags,
        summary: '修改项目信息（建设单位或平台管理员，带 rowVersion；所在地不可改）',
        params: IdParams,
        body: ProjectPatch,
        response: { 200: ProjectSchema, ...commonErrors },
      },
    },
    async (req) => svc.update(req.ctx, req.params.id, req.body),
  );
};
