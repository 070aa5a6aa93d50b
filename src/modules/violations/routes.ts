import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ORGANISATION_TYPES } from '../../kernel/auth/actor.ts';
import { commonErrors, DateTime, IdParams, Page, PageQuery, Uuid } from '../../kernel/http/schemas.ts';
import { ViolationService } from './service.ts';
import { SEVERITIES, VIOLATION_SOURCES, VIOLATION_TYPE_LABELS, VIOLATION_TYPES } from './types.ts';

const ViolationTypeSchema = Type.Enum(VIOLATION_TYPES,
  { description: VIOLATION_TYPES.map((t) => `${t} ${VIOLATION_TYPE_LABELS[t]}`).join(' · ') },
);
const SeveritySchema = Type.Enum(SEVERITIES, { description: 'minor 一般 · serious 严重' });

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
        querystring: Type.Object(
          {
            type: Type.Optional(ViolationTypeSchema),
            severity: Type.Optional(SeveritySchema),
            organisationId: Type.Optional(Uuid),
            projectId: Type.Optional(Uuid),
            from: Type.Optional(Type.String({ format: 'date-time', description: '发生时间起（含）' })),
            to: Type.Optional(Type.String({ format: 'date-time', description: '发生时间止（不含）' })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(Type.Ref('Violation')), ...commonErrors },
      },
    },
    async (req) => svc.list(req.ctx, req.query),
  );

  app.get(
    '/violations/:id',
    { schema: { tags, summary: '违规记录详情', params: IdParams, response: { 200: Type.Ref('Violation'), ...commonErrors } } },
    async (req) => svc.get(req.ctx, req.params.id),
  );
};
