import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { commonErrors, IdParams, Page, PageQuery } from '../../kernel/http/schemas.ts';
import { EquipmentService } from './service.ts';
import { Status, CalibrationSchema, DeviceKeySchema, EquipmentSchema, EquipmentDetailSchema, NewCalibration, NewEquipment, NewKey, Reason, withDecisionErrors, ERROR_CODES } from './schemas.ts';
import { declareErrorCodes } from '../../kernel/http/openapi.ts';

export const equipmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  declareErrorCodes(app, ERROR_CODES);
  const svc = new EquipmentService(app.deps);
  const tags = ['equipment'];

  app.get(
    '/equipment',
    {
      schema: {
        tags,
        summary: '检测设备列表（含检定/校准到期预警）',
        querystring: Type.Object(
          { agencyId: Type.Optional(Type.String({ format: 'uuid' })), status: Type.Optional(Status), q: Type.Optional(Type.String({ maxLength: 100 })), ...PageQuery },
          { additionalProperties: false },
        ),
        response: { 200: Page(EquipmentSchema), ...commonErrors },
      },
    },
    async (req) => svc.list(req.ctx, req.query),
  );

  app.post(
    '/equipment',
    { schema: { tags, summary: '登记检测设备（提交核验）', body: NewEquipment, response: { 201: EquipmentDetailSchema, ...commonErrors } } },
    async (req, reply) => reply.status(201).send(await svc.create(req.ctx, req.body)),
  );

  app.get('/equipment/:id', { schema: { tags, summary: '设备详情（检定/校准历史与设备密钥）', params: IdParams, response: { 200: EquipmentDetailSchema, ...commonErrors } } }, async (req) =>
    svc.get(req.ctx, req.params.id),
  );

  app.get(
    '/equipment/:id/calibrations',
    { schema: { tags, summary: '检定/校准证书历史', params: IdParams, response: { 200: Type.Array(CalibrationSchema), ...commonErrors } } },
    async (req) => svc.listCalibrations(req.ctx, req.params.id),
  );

  app.post(
    '/equipment/:id/calibrations',
    { schema: { tags, summary: '登记新的检定/校准证书', params: IdParams, body: NewCalibration, response: { 201: CalibrationSchema, ...commonErrors } } },
    async (req, reply) => reply.status(201).send(await svc.addCalibration(req.ctx, req.params.id, req.body)),
  );

  app.get(
    '/equipment/:id/keys',
    { schema: { tags, summary: '设备密钥（含已轮换的旧密钥）', params: IdParams, response: { 200: Type.Array(DeviceKeySchema), ...commonErrors } } },
    async (req) => svc.listKeys(req.ctx, req.params.id),
  );

  app.post(
    '/equipment/:id/keys',
    { schema: { tags, summary: '登记或轮换设备公钥（旧密钥自新密钥启用时停用，保留用于验证历史数据）', params: IdParams, body: NewKey, response: { 201: DeviceKeySchema, ...commonErrors } } },
    async (req, reply) => reply.status(201).send(await svc.addKey(req.ctx, req.params.id, req.body)),
  );

  app.post(
    '/equipment/:id/approve',
    {
      schema: {
        tags,
        summary: '设备核验通过（住建部门）',
        params: IdParams,
        response: { 200: EquipmentDetailSchema, ...withDecisionErrors },
      },
    },
    async (req) => svc.decide(req.ctx, req.params.id, 'approve'),
  );

  app.post(
    '/equipment/:id/reject',
    { schema: { tags, summary: '设备核验驳回（须说明理由）', params: IdParams, body: Reason, response: { 200: EquipmentDetailSchema, ...commonErrors } } },
    async (req) => svc.decide(req.ctx, req.params.id, 'reject', req.body.reason),
  );

  app.post(
    '/equipment/:id/resubmit',
    { schema: { tags, summary: '被驳回的设备重新提交核验', params: IdParams, response: { 200: EquipmentDetailSchema, ...commonErrors } } },
    async (req) => svc.resubmit(req.ctx, req.params.id),
  );
};
