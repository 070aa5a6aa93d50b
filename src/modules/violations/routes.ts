import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ORGANISATION_TYPES } from '../../kernel/auth/actor.ts';
import { commonErrors, DateTime, IdParams, Page, PageQuery, Uuid } from '../../kernel/http/schemas.ts';
import { sendXlsx } from '../../kernel/export/xlsx.ts';
import { ViolationService } from './service.ts';
import { SEVERITIES, VIOLATION_SOURCES, VIOLATION_TYPE_LABELS, VIOLATION_TYPES } from './types.ts';

const ViolationTypeSchema = Type.Enum(VIOLATION_TYPES,
  { description: VIOLATION_TYPES.map((t) => `${t} ${VIOLATION_TYPE_LABELS[t]}`).join(' · ') },
);
const SeveritySchema = Type.Enum(SEVERITIES, { description: 'minor 一般 · serious 严重' });

const FilterQuery = {
  type: Type.Optional(ViolationTypeSchema),
  severity: Type.Optional(SeveritySchema),
  organisationId: Type.Optional(Uuid),
  organisationType: Type.Optional(Type.Enum(ORGANISATION_TYPES, { description: '单位类型：agency 检测机构 · supervision_unit 监理单位 · construction_unit 建设单位 …' })),
  personRef: Type.Optional(Type.String({ maxLength: 100, description: '涉及人员（包含）' })),
  source: Type.Optional(Type.Enum(VIOLATION_SOURCES)),
  projectId: Type.Optional(Uuid),
  from: Type.Optional(Type.String({ format: 'date-time', description: '发生时间起（含）' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: '发生时间止（不含）' })),
};

const ViolationSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    organisationId: Type.String({ format: 'uuid' }),
    organisationName: Type.String(),
    organisationType: Type.Enum(ORGANISATION_TYPES),
    personRef: Type.Union([Type.String(), Type.Null()], { description: '涉及人员（用户 ID 或说明）' }),
    type: ViolationTypeSchema,
    typeLabel: Type.String(),
    severity: SeveritySchema,
    severityLabel: Type.String(),
    occurredAt: DateTime,
    source: Type.Enum(VIOLATION_SOURCES, { description: 'automatic 平台自动发现 · officer 监管人员认定' }),
    intentional: Type.Union([Type.Boolean(), Type.Null()], { description: '是否故意；为空表示尚未认定' }),
    evidence: Type.Record(Type.String(), Type.Unknown(), { description: '证据（时间、编号、哈希等）' }),
    regionCode: Type.String({ description: '处置部门所在辖区' }),
    regionName: Type.String(),
    projectId: Type.Union([Type.String(), Type.Null()]),
    batchRef: Type.Union([Type.String(), Type.Null()]),
    createdAt: DateTime,
    recordedBy: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()], { description: '认定人员；平台自动记录时为空' }),
    creditStatus: Type.Enum(['pending', 'counts', 'exempt'], { description: 'pending 待定（试行期待约谈整改结果）· counts 已记入信用记录 · exempt 试行期不纳入信用记录' }),
  },
  { $id: 'Violation' },
);

/** The violations ledger (issue 6 item 1): read side. Records are written by the modules that find them. */
export const violationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema(ViolationSchema);
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
