import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { commonErrors, IdParams } from '../../kernel/http/schemas.ts';
import { AgencyService } from './service.ts';
import { ProfileSchema, ProfileInput, FilingSchema, NewFiling, QualificationSchema, NewQualification, ConnectionSchema, QueueSchema, Reason, ERROR_CODES } from './schemas.ts';
import { declareErrorCodes } from '../../kernel/http/openapi.ts';

export const agenciesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  declareErrorCodes(app, ERROR_CODES);
  const svc = new AgencyService(app.deps);
  const tags = ['agencies'];

  app.get(
    '/agencies/:id/profile',
    { schema: { tags, summary: '检测机构来源与入吉备案（最新提交及当前已核验的备案）', params: IdParams, response: { 200: ProfileSchema, ...commonErrors } } },
    async (req) => svc.getProfile(req.ctx, req.params.id),
  );

  app.put(
    '/agencies/:id/profile',
    { schema: { tags, summary: '登记或修改机构来源（带 rowVersion；入吉备案另行提交核验）', params: IdParams, body: ProfileInput, response: { 200: ProfileSchema, ...commonErrors } } },
    async (req) => svc.putProfile(req.ctx, req.params.id, req.body),
  );

  app.get(
    '/agencies/:id/connection',
    { schema: { tags, summary: '监管平台对接状态与缺项清单（实时计算）', params: IdParams, response: { 200: ConnectionSchema, ...commonErrors } } },
    async (req) => svc.connection(req.ctx, req.params.id),
  );

  app.get(
    '/agencies/:id/filings',
    { schema: { tags, summary: '入吉备案（各版本，含待核验、已驳回与已替换的历史）', params: IdParams, response: { 200: Type.Array(FilingSchema), ...commonErrors } } },
    async (req) => svc.listFilings(req.ctx, req.params.id),
  );

  app.post(
    '/agencies/:id/filings',
    { schema: { tags, summary: '提交入吉备案及证明扫描件（待住建部门核验）', params: IdParams, body: NewFiling, response: { 201: FilingSchema, ...commonErrors } } },
    async (req, reply) => reply.status(201).send(await svc.createFiling(req.ctx, req.params.id, req.body)),
  );

  app.get('/filings/:id', { schema: { tags, summary: '入吉备案详情', params: IdParams, response: { 200: FilingSchema, ...commonErrors } } }, async (req) =>
    svc.getFiling(req.ctx, req.params.id),
  );

  app.post(
    '/filings/:id/approve',
    { schema: { tags, summary: '入吉备案核验通过（住建部门）', params: IdParams, response: { 200: FilingSchema, ...commonErrors } } },
    async (req) => svc.decideFiling(req.ctx, req.params.id, 'approve'),
  );

  app.post(
    '/filings/:id/reject',
    { schema: { tags, summary: '入吉备案核验驳回（须说明理由）', params: IdParams, body: Reason, response: { 200: FilingSchema, ...commonErrors } } },
    async (req) => svc.decideFiling(req.ctx, req.params.id, 'reject', req.body.reason),
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
        summary: '待核验队列：本辖区待核验的入吉备案、资质证书与检测设备（住建部门）',
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) }, { additionalProperties: false }),
        response: { 200: QueueSchema, ...commonErrors },
      },
    },
    async (req) => svc.verificationQueue(req.ctx, req.query.limit ?? 50),
  );
};
