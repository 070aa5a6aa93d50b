import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { commonErrors, DateTime, IdParams, Page, PageQuery, Uuid } from '../../kernel/http/schemas.ts';
import { piiKey } from '../personnel/index.ts';
import { WitnessService } from './service.ts';
import { AUTHORIZATION_KIND_LABELS, AUTHORIZATION_KINDS } from './tables.ts';

const DateOnly = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD（北京时间日历日）' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const ProjectIds = Type.Array(Uuid, { minItems: 1, maxItems: 200, uniqueItems: true, description: '授权见证的项目（须由本监理单位监理）' });
const errors = { ...commonErrors, 422: Type.Ref('ErrorResponse') };

const WitnessSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    supervisionUnitId: Type.String({ format: 'uuid' }),
    supervisionUnitName: Type.String(),
    name: Type.String(),
    idNumberMasked: Type.String({ description: '身份证号（脱敏；平台不保存明文）' }),
    phone: Type.String(),
    user: Nullable(Type.Object({ id: Type.String(), username: Type.String(), displayName: Type.String() })),
    active: Type.Boolean({ description: '当前是否在至少一个项目登记' }),
    projects: Type.Array(Type.Object({ projectId: Type.String(), projectName: Type.String(), since: DateTime }), { description: '当前登记的项目' }),
    createdAt: DateTime,
  },
  { $id: 'Witness' },
);

const RegistrationSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    witnessId: Type.String({ format: 'uuid' }),
    witnessName: Type.String(),
    kind: Type.Enum(AUTHORIZATION_KINDS, {
      description: AUTHORIZATION_KINDS.map((k) => `${k} ${AUTHORIZATION_KIND_LABELS[k]}`).join(' · '),
    }),
    kindLabel: Type.String(),
    replacesWitness: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
    document: Nullable(Type.Object({ id: Type.String(), sha256: Type.String() })),
    signedOn: Nullable(Type.String()),
    changedAt: Nullable(DateTime),
    registeredAt: DateTime,
    registeredBy: Type.Object({ id: Type.String(), name: Type.String() }),
    reason: Nullable(Type.String()),
    deadline: Nullable(
      Type.Object({
        dueDate: Type.String({ description: '应完成更新登记的最后一个工作日' }),
        dueAt: DateTime,
        provisional: Type.Boolean({ description: '为真：期间含尚未加载节假日安排的年度，按周末规则暂定' }),
        uncoveredYears: Type.Array(Type.Integer()),
        workingDays: Type.Integer(),
      }),
    ),
    late: Nullable(Type.Boolean({ description: '是否逾期登记' })),
    violationId: Nullable(Type.String({ description: '逾期时记录的违规（见证变更逾期）' })),
    effects: Type.Array(
      Type.Object({
        witnessId: Type.String(),
        projectId: Type.String(),
        projectName: Type.String(),
        effect: Type.Union([Type.Literal('grant'), Type.Literal('end')], { description: 'grant 登记生效 · end 终止' }),
        effectiveAt: DateTime,
      }),
    ),
  },
  { $id: 'WitnessRegistration' },
);

const RegistrationResult = Type.Object({ witness: Type.Ref('Witness'), registration: Type.Ref('WitnessRegistration') });

const NewWitnessBody = Type.Object(
  {
    supervisionUnitId: Type.Optional(Nullable(Uuid)),
    name: Type.String({ minLength: 2, maxLength: 50 }),
    idNumber: Type.String({ minLength: 15, maxLength: 20, description: '身份证号（18位）' }),
    phone: Type.String({ minLength: 5, maxLength: 30 }),
    userId: Type.Optional(Nullable(Uuid)),
    authorization: Type.Object(
      {
        documentId: Uuid,
        signedOn: DateOnly,
        projectIds: ProjectIds,
        replacesWitnessId: Type.Optional(Nullable(Uuid)),
        changedAt: Type.Optional(Nullable(Type.String({ format: 'date-time', description: '更换实际发生时间（仅更换见证人员时填写）' }))),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

const ChangeBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('new_authorization'), Type.Literal('replacement'), Type.Literal('revocation')], {
      description: 'new_authorization 新授权 · replacement 本人更换另一名见证人员 · revocation 撤销授权',
    }),
    changedAt: Type.String({ format: 'date-time', description: '变更实际发生时间' }),
    documentId: Type.Optional(Nullable(Uuid)),
    signedOn: Type.Optional(Nullable(DateOnly)),
    projectIds: Type.Optional(ProjectIds),
    replacesWitnessId: Type.Optional(Nullable(Uuid)),
    reason: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);

/** Witnesses (见证人员) and their written authorizations, 二(二). */
export const witnessRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema(WitnessSchema);
  app.addSchema(RegistrationSchema);
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
