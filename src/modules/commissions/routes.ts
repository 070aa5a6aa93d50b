import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { commonErrors, IdParams, NullableDateTime, DateTime, Page, PageQuery, Uuid } from '../../kernel/http/schemas.ts';
import { SpecialtyCode } from '../catalogue/index.ts';
import { CommissionService } from './service.ts';

const OrgRef = Type.Object({ id: Uuid, name: Type.String() });

const CommissionSchema = Type.Object({
  id: Uuid,
  project: OrgRef,
  projectRegionCode: Type.String(),
  agency: OrgRef,
  constructionUnit: OrgRef,
  specialties: Type.Array(SpecialtyCode),
  contractNumber: Type.Union([Type.String(), Type.Null()], { description: '委托合同编号' }),
  note: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union([Type.Literal('active'), Type.Literal('terminated')], { description: 'active 有效 · terminated 已终止' }),
  createdAt: DateTime,
  terminatedAt: NullableDateTime,
  terminationReason: Type.Union([Type.String(), Type.Null()]),
});

const NewCommission = Type.Object(
  {
    projectId: Uuid,
    agencyId: Uuid,
    specialties: Type.Array(SpecialtyCode, { minItems: 1, maxItems: 9, uniqueItems: true, description: '委托检测的专项' }),
    contractNumber: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  },
  { additionalProperties: false },
);

const errors = { ...commonErrors, 422: Type.Ref('ErrorResponse') };

export const commissionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const svc = new CommissionService(app.deps);
  const tags = ['commissions'];

  app.get(
    '/commissions/agency-options',
    {
      schema: {
        tags,
        summary: '可委托的检测机构（是否完成对接、现有资质专项、是否限制市场准入）',
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), ...PageQuery }, { additionalProperties: false }),
        response: {
          200: Page(
            Type.Object({
              id: Uuid,
              name: Type.String(),
              uscc: Type.Union([Type.String(), Type.Null()]),
              regionCode: Type.String(),
              regionName: Type.String(),
              connected: Type.Boolean({ description: '是否已完成平台对接' }),
              qualifiedSpecialties: Type.Array(SpecialtyCode, { description: '当前有效资质覆盖的专项' }),
              restricted: Type.Boolean({ description: '是否被限制市场准入' }),
            }),
          ),
          ...errors,
        },
      },
    },
    async (req) => svc.agencyOptions(req.ctx, req.query),
  );

  app.get(
    '/commissions',
    {
      schema: {
        tags,
        summary: '委托列表（建设单位、受托机构、项目监理与施工单位、属地住建部门各见其范围）',
        querystring: Type.Object(
          {
            projectId: Type.Optional(Uuid),
            agencyId: Type.Optional(Uuid),
            status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('terminated')])),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(CommissionSchema), ...commonErrors },
      },
    },
    async (req) => svc.list(req.ctx, req.query),
  );

  app.get(
    '/commissions/:id',
    { schema: { tags, summary: '委托详情', params: IdParams, response: { 200: CommissionSchema, ...commonErrors } } },
    async (req) => svc.get(req.ctx, req.params.id),
  );

  app.post(
    '/commissions',
    {
      schema: {
        tags,
        summary: '委托检测机构（建设单位；未对接、超出资质、资质过期或被限制市场准入的机构将被拒绝并说明原因）',
        body: NewCommission,
        response: { 201: CommissionSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.create(req.ctx, req.body)),
  );

  app.post(
    '/commissions/:id/terminate',
    {
      schema: {
        tags,
        summary: '终止委托（委托方建设单位；记录保留）',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }) }, { additionalProperties: false }),
        response: { 200: CommissionSchema, ...commonErrors },
      },
    },
    async (req) => svc.terminate(req.ctx, req.params.id, req.body.reason),
  );
};
