import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from 'typebox';
import { commonErrors, DateTime, IdParams } from '../../kernel/http/schemas.ts';
import { EquipmentSchema } from '../equipment/index.ts';
import { AgencyService } from './service.ts';
import { SPECIALTY_CODES } from '../../kernel/specialties.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD，北京时间日历日（含当日）' });
const Origin = Type.Union([Type.Literal('local'), Type.Literal('out_of_province')], { description: 'local 本省注册 · out_of_province 外省入吉' });
const Grade = Type.Union([Type.Literal('comprehensive'), Type.Literal('specialised')], { description: 'comprehensive 综合资质 · specialised 专项资质' });
const Status = Type.Union([Type.Literal('pending'), Type.Literal('verified'), Type.Literal('rejected')], {
  description: 'pending 待核验 · verified 已核验 · rejected 已驳回',
});
const Specialty = Type.Enum(SPECIALTY_CODES, { description: '专项代码（2023 资质标准的九个专项）' });

const FilingSchema = Type.Object({
  number: Type.String({ description: '入吉备案编号' }),
  date: DateOnly,
  validFrom: DateOnly,
  validTo: DateOnly,
});

const ProfileSchema = Type.Object({
  agencyId: Type.String({ format: 'uuid' }),
  agencyName: Type.String(),
  origin: Nullable(Origin),
  filing: Nullable(FilingSchema),
  rowVersion: Type.Integer({ description: '乐观锁版本号；尚未保存过时为 0，首次保存时带 0' }),
  updatedAt: Nullable(DateTime),
});

const ProfileInput = Type.Object(
  {
    rowVersion: Type.Integer({ minimum: 0 }),
    origin: Origin,
    filing: Type.Optional(
      Nullable(
        Type.Object(
          { number: Type.String({ minLength: 1, maxLength: 100 }), date: DateOnly, validFrom: DateOnly, validTo: DateOnly },
          { additionalProperties: false },
        ),
      ),
    ),
  },
  { additionalProperties: false },
);

const QualificationSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  agencyId: Type.String({ format: 'uuid' }),
  agencyName: Type.String(),
  certificateNumber: Type.String(),
  grade: Grade,
  specialties: Type.Array(Specialty),
  validFrom: DateOnly,
  validTo: DateOnly,
  issuer: Type.String(),
  documentId: Nullable(Type.String({ format: 'uuid' })),
  replacesId: Nullable(Type.String({ format: 'uuid' })),
  status: Status,
  submittedAt: DateTime,
  decidedAt: Nullable(DateTime),
  decidedByName: Nullable(Type.String()),
  decisionReason: Nullable(Type.String()),
  supersededBy: Nullable(Type.String({ format: 'uuid' })),
  supersededAt: Nullable(DateTime),
  inForce: Type.Boolean({ description: '已核验、未被替换且在有效期内' }),
});

const NewQualification = Type.Object(
  {
    certificateNumber: Type.String({ minLength: 1, maxLength: 100 }),
    grade: Grade,
    specialties: Type.Optional(Type.Array(Type.String({ maxLength: 50 }), { maxItems: 9, uniqueItems: true, description: '专项资质须填写；综合资质涵盖全部九个专项' })),
    validFrom: DateOnly,
    validTo: DateOnly,
    issuer: Type.String({ minLength: 2, maxLength: 200 }),
    documentId: Type.String({ format: 'uuid', description: '证书扫描件（先经 POST /documents 上传）' }),
    replacesId: Type.Optional(Nullable(Type.String({ format: 'uuid', description: '被替换（换证/变更）的原证书' }))),
  },
  { additionalProperties: false },
);

const ConnectionSchema = Type.Object({
  agencyId: Type.String({ format: 'uuid' }),
  checkedAt: DateTime,
  connected: Type.Boolean({ description: '是否已完成监管平台对接（由登记数据计算得出）' }),
  checklist: Type.Array(
    Type.Object({
      item: Type.Union([Type.Literal('origin'), Type.Literal('qualification'), Type.Literal('equipment'), Type.Literal('personnel')]),
      ok: Type.Boolean(),
      message: Type.String(),
    }),
  ),
});

const QueueSchema = Type.Object({
  qualifications: Type.Object({ items: Type.Array(QualificationSchema), total: Type.Integer() }),
  equipment: Type.Object({ items: Type.Array(EquipmentSchema), total: Type.Integer() }),
});

const Reason = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });

export const agenciesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const svc = new AgencyService(app.deps);
  const tags = ['agencies'];

  app.get(
    '/agencies/:id/profile',
    { schema: { tags, summary: '检测机构来源与入吉备案', params: IdParams, response: { 200: ProfileSchema, ...commonErrors } } },
    async (req) => svc.getProfile(req.ctx, req.params.id),
  );

  app.put(
    '/agencies/:id/profile',
    { schema: { tags, summary: '登记或修改机构来源与入吉备案（带 rowVersion）', params: IdParams, body: ProfileInput, response: { 200: ProfileSchema, ...commonErrors } } },
    async (req) => svc.putProfile(req.ctx, req.params.id, req.body),
  );

  app.get(
    '/agencies/:id/connection',
    { schema: { tags, summary: '监管平台对接状态与缺项清单（实时计算）', params: IdParams, response: { 200: ConnectionSchema, ...commonErrors } } },
    async (req) => svc.connection(req.ctx, req.params.id),
  );

  app.get(
    '/agencies/:id/qualifications',
    { schema: { tags, summary: '资质证书（含待核验、已驳回与已替换的历史）', params: IdParams, response: { 200: Type.Array(QualificationSchema), ...commonErrors } } },
    async (req) => svc.listQualifications(req.ctx, req.params.id),
  );

  app.post(
    '/agencies/:id/qualifications',
    { schema: { tags, summary: '提交资质证书（待住建部门核验）', params: IdParams, body: NewQualification, response: { 201: QualificationSchema, ...commonErrors } } },
    async (req, reply) => reply.status(201).send(await svc.createQualification(req.ctx, req.params.id, req.body)),
  );

  app.get('/qualifications/:id', { schema: { tags, summary: '资质证书详情', params: IdParams, response: { 200: QualificationSchema, ...commonErrors } } }, async (req) =>
    svc.getQualification(req.ctx, req.params.id),
  );

  app.post(
    '/qualifications/:id/approve',
    { schema: { tags, summary: '资质证书核验通过（住建部门）', params: IdParams, response: { 200: QualificationSchema, ...commonErrors } } },
    async (req) => svc.decideQualification(req.ctx, req.params.id, 'approve'),
  );

  app.post(
    '/qualifications/:id/reject',
    { schema: { tags, summary: '资质证书核验驳回（须说明理由）', params: IdParams, body: Reason, response: { 200: QualificationSchema, ...commonErrors } } },
    async (req) => svc.decideQualification(req.ctx, req.params.id, 'reject', req.body.reason),
  );

  app.get(
    '/verification-queue',
    {
      schema: {
        tags,
        summary: '待核验队列：本辖区待核验的资质证书与检测设备（住建部门）',
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) }, { additionalProperties: false }),
        response: { 200: QueueSchema, ...commonErrors },
      },
    },
    async (req) => svc.verificationQueue(req.ctx, req.query.limit ?? 50),
  );
};
