import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from 'typebox';
import { commonErrors, DateTime, IdParams, Page, PageQuery } from '../../kernel/http/schemas.ts';
import { EquipmentService } from './service.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD，北京时间日历日（含当日）' });
const Status = Type.Union([Type.Literal('pending'), Type.Literal('verified'), Type.Literal('rejected')], {
  description: 'pending 待核验 · verified 已核验 · rejected 已驳回',
});
const CalibrationKind = Type.Union([Type.Literal('verification'), Type.Literal('calibration')], { description: 'verification 检定 · calibration 校准' });

export const CalibrationSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  certificateNumber: Type.String(),
  kind: CalibrationKind,
  issuingBody: Type.String({ description: '检定/校准机构' }),
  validFrom: DateOnly,
  validTo: DateOnly,
  documentId: Nullable(Type.String({ format: 'uuid' })),
  createdAt: DateTime,
  inForce: Type.Boolean({ description: '当前是否在有效期内' }),
});

export const DeviceKeySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  publicKey: Type.String({ description: 'Ed25519 公钥（32 字节原始值的 base64）' }),
  fingerprint: Type.String({ description: '公钥 SHA-256 指纹（十六进制）' }),
  validFrom: DateTime,
  validTo: Nullable(DateTime),
  createdAt: DateTime,
});

const equipmentProperties = {
  id: Type.String({ format: 'uuid' }),
  agencyId: Type.String({ format: 'uuid' }),
  agencyName: Type.String(),
  equipmentType: Type.String({ description: '设备类型，如 回弹仪' }),
  maker: Type.String(),
  model: Type.String(),
  serialNumber: Type.String({ description: '出厂编号（本机构内唯一）' }),
  autoCollect: Type.Boolean({ description: '具备自动采集功能' }),
  autoCollectProtocol: Nullable(Type.String()),
  status: Status,
  submittedAt: DateTime,
  decidedAt: Nullable(DateTime),
  decidedByName: Nullable(Type.String()),
  decisionReason: Nullable(Type.String()),
  calibrationState: Type.Union([Type.Literal('valid'), Type.Literal('expiring'), Type.Literal('not_in_force'), Type.Literal('none')], {
    description: 'valid 有效 · expiring 即将到期 · not_in_force 不在有效期内 · none 未登记',
  }),
  calibrationValidUntil: Nullable(DateTime),
  calibrationWarning: Type.Boolean({ description: '检定/校准将在预警天数内到期' }),
  usable: Type.Boolean({ description: '已核验且检定/校准有效，可用于检测批次' }),
  currentKeyFingerprint: Nullable(Type.String()),
  createdAt: DateTime,
  rowVersion: Type.Integer(),
};

export const EquipmentSchema = Type.Object(equipmentProperties);
export const EquipmentDetailSchema = Type.Object({ ...equipmentProperties, calibrations: Type.Array(CalibrationSchema), keys: Type.Array(DeviceKeySchema) });

const NewCalibration = Type.Object(
  {
    certificateNumber: Type.String({ minLength: 1, maxLength: 100 }),
    kind: CalibrationKind,
    issuingBody: Type.String({ minLength: 2, maxLength: 200 }),
    validFrom: DateOnly,
    validTo: DateOnly,
    documentId: Type.String({ format: 'uuid', description: '证书扫描件（先经 POST /documents 上传）' }),
  },
  { additionalProperties: false },
);

const NewEquipment = Type.Object(
  {
    agencyId: Type.Optional(Nullable(Type.String({ format: 'uuid', description: '平台管理员代办时指定；机构管理员省略' }))),
    equipmentType: Type.String({ minLength: 1, maxLength: 100 }),
    maker: Type.String({ minLength: 1, maxLength: 200 }),
    model: Type.String({ minLength: 1, maxLength: 100 }),
    serialNumber: Type.String({ minLength: 1, maxLength: 100 }),
    autoCollect: Type.Boolean(),
    autoCollectProtocol: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    publicKey: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    calibration: Type.Optional(Nullable(NewCalibration)),
  },
  { additionalProperties: false },
);

const NewKey = Type.Object(
  {
    publicKey: Type.String({ minLength: 1, maxLength: 1000, description: 'Ed25519 公钥：32 字节原始值的 base64，或 PEM（SPKI）' }),
    validFrom: Type.Optional(Type.String({ format: 'date-time', description: '启用时间，默认当前；不得早于当前' })),
  },
  { additionalProperties: false },
);

const Reason = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });
const withDecisionErrors = { ...commonErrors, 422: Type.Ref('ErrorResponse') };

export const equipmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
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
