import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from 'typebox';
import { commonErrors, DateTime, IdParams, Page, PageQuery } from '../../kernel/http/schemas.ts';
import { SPECIALTY_CODES } from '../../kernel/specialties.ts';
import { PERSON_CERTIFICATE_KINDS, PERSONNEL_ROLES } from './roles.ts';
import { PersonnelService } from './service.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD，北京时间日历日（含当日）' });
const Role = Type.Enum(PERSONNEL_ROLES, {
  description: 'tester 检测人员 · reviewer 复核人员 · signatory 报告签发人 · upload_owner 上传负责人 · technical_lead 技术负责人',
});
const Specialty = Type.Enum(SPECIALTY_CODES, { description: '专项代码（2023 资质标准的九个专项）' });
const Kind = Type.Enum(PERSON_CERTIFICATE_KINDS, { description: 'post 上岗证 · professional 职业资格证书' });
const PersonStatus = Type.Union([Type.Literal('active'), Type.Literal('left')], { description: 'active 在职 · left 已离职' });

const CertificateSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Kind,
  certificateNumber: Type.String(),
  specialty: Specialty,
  validFrom: DateOnly,
  validTo: DateOnly,
  documentId: Nullable(Type.String({ format: 'uuid' })),
  createdAt: DateTime,
  inForce: Type.Boolean(),
});

const personProperties = {
  id: Type.String({ format: 'uuid' }),
  agencyId: Type.String({ format: 'uuid' }),
  agencyName: Type.String(),
  name: Type.String(),
  residentIdMasked: Type.String({ description: '脱敏身份证号；完整号码仅可经审计的 reveal-id 查看' }),
  roles: Type.Array(Role),
  userId: Nullable(Type.String({ format: 'uuid' })),
  username: Nullable(Type.String()),
  status: PersonStatus,
  joinedOn: DateOnly,
  leftOn: Nullable(DateOnly),
  certifiedSpecialties: Type.Array(Specialty, { description: '持有效证书的专项' }),
  createdAt: DateTime,
  rowVersion: Type.Integer(),
};
const PersonSchema = Type.Object(personProperties);
const PersonDetailSchema = Type.Object({ ...personProperties, certificates: Type.Array(CertificateSchema) });

const NewCertificate = Type.Object(
  {
    kind: Kind,
    certificateNumber: Type.String({ minLength: 1, maxLength: 100 }),
    specialty: Type.String({ maxLength: 50 }),
    validFrom: DateOnly,
    validTo: DateOnly,
    documentId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  },
  { additionalProperties: false },
);

const NewPerson = Type.Object(
  {
    agencyId: Type.Optional(Nullable(Type.String({ format: 'uuid', description: '平台管理员代办时指定；机构管理员省略' }))),
    name: Type.String({ minLength: 1, maxLength: 50 }),
    residentId: Type.String({ minLength: 1, maxLength: 30, description: '身份证号（GB 11643 校验）；只加密保存，不以明文存储' }),
    roles: Type.Array(Role, { minItems: 1, uniqueItems: true }),
    userId: Type.Optional(Nullable(Type.String({ format: 'uuid', description: '关联的平台账号（本机构人员）' }))),
    joinedOn: Type.Optional(DateOnly),
    certificates: Type.Optional(Type.Array(NewCertificate, { maxItems: 50 })),
  },
  { additionalProperties: false },
);

const PersonPatch = Type.Object(
  {
    rowVersion: Type.Integer({ minimum: 1 }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    roles: Type.Optional(Type.Array(Role, { minItems: 1, uniqueItems: true })),
    userId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  },
  { additionalProperties: false },
);

const Leave = Type.Object(
  { date: DateOnly, reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

export const personnelRoutes: FastifyPluginAsyncTypebox = async (app) => {
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
