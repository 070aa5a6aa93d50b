import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { commonErrors, DateTime, IdParams, Page, PageQuery, Uuid } from '../../kernel/http/schemas.ts';
import { COMPONENT_REGISTRATION_MAX_ITEMS } from '../../kernel/policy.ts';
import { ProjectSchema } from '../projects/index.ts';
import { ComponentService } from './service.ts';

const ComponentFields = {
  id: Uuid,
  code: Type.String({ description: '构件唯一标识（标签上印的编号，QC 开头 13 位）' }),
  projectId: Uuid,
  building: Type.String({ description: '楼栋（单体）' }),
  floor: Type.Union([Type.String(), Type.Null()], { description: '楼层；道路、桥梁等无楼层时为空' }),
  position: Type.String({ description: '轴线或部位（如 A-3轴、K0+120~K0+180 左幅）' }),
  componentType: Type.String({ description: '构件类型（如 柱、梁、板、桩、焊缝、外墙保温）' }),
  note: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime,
};
const ComponentSchema = Type.Object(ComponentFields);

const NewComponent = Type.Object(
  {
    building: Type.String({ minLength: 1, maxLength: 50 }),
    floor: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
    position: Type.String({ minLength: 1, maxLength: 100 }),
    componentType: Type.String({ minLength: 1, maxLength: 30 }),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const componentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const svc = new ComponentService(app.deps);
  const tags = ['components'];

  app.post(
    '/projects/:id/components',
    {
      schema: {
        tags,
        summary: '登记构件/部位（项目施工单位；平台生成唯一标识；整批成功或整批拒绝）',
        params: IdParams,
        body: Type.Object(
          { items: Type.Array(NewComponent, { minItems: 1, maxItems: COMPONENT_REGISTRATION_MAX_ITEMS }) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ items: Type.Array(ComponentSchema) }), ...commonErrors },
      },
    },
    async (req, reply) => reply.status(201).send({ items: await svc.register(req.ctx, req.params.id, req.body.items) }),
  );

  app.get(
    '/projects/:id/components',
    {
      schema: {
        tags,
        summary: '项目的构件列表',
        params: IdParams,
        querystring: Type.Object(
          { q: Type.Optional(Type.String({ maxLength: 100 })), building: Type.Optional(Type.String({ maxLength: 50 })), ...PageQuery },
          { additionalProperties: false },
        ),
        response: { 200: Page(ComponentSchema), ...commonErrors },
      },
    },
    async (req) => svc.list(req.ctx, req.params.id, req.query),
  );

  app.get(
    '/projects/:id/components/labels.pdf',
    {
      schema: {
        tags,
        summary: '打印构件二维码标签（A4，每页 3×8 枚；可按编号或楼栋筛选）',
        params: IdParams,
        querystring: Type.Object(
          {
            codes: Type.Optional(Type.String({ maxLength: 10_000, description: '构件编号，逗号分隔' })),
            building: Type.Optional(Type.String({ maxLength: 50 })),
          },
          { additionalProperties: false },
        ),
        produces: ['application/pdf'],
        response: {
          200: { description: 'PDF 标签页', content: { 'application/pdf': { schema: Type.String({ format: 'binary' }) } } },
          ...commonErrors,
          503: Type.Ref('ErrorResponse'),
        },
      },
    },
    async (req, reply) => {
      const base = app.deps.config.publicBaseUrl ?? `${req.protocol}://${req.host}`;
      const { pdf, filename } = await svc.labels(req.ctx, req.params.id, req.query, base);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="component-labels.pdf"; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.get(
    '/components/resolve/:componentId',
    {
      schema: {
        tags,
        summary: '扫码解析构件标识（返回构件及所属项目；无权查看时 404）',
        params: Type.Object({ componentId: Type.String({ minLength: 1, maxLength: 40 }) }),
        response: { 200: Type.Object({ ...ComponentFields, project: ProjectSchema }), ...commonErrors },
      },
    },
    async (req) => svc.resolve(req.ctx, req.params.componentId),
  );
};
