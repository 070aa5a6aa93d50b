import { Type, type TSchema } from 'typebox';
import { commonErrors, DateTime } from '../../kernel/http/schemas.ts';

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD，北京时间日历日（含当日）' });

export const Status = Type.Union([Type.Literal('pending'), Type.Literal('verified'), Type.Literal('rejected')], {
  description: 'pending 待核验 · verified 已核验 · rejected 已驳回',
});

export const CalibrationKind = Type.Union([Type.Literal('verification'), Type.Literal('calibration')], { description: 'verification 检定 · calibration 校准' });

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

export const equipmentProperties = {
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

export const NewCalibration = Type.Object(
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

export const NewEquipment = Type.Object(
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

export const NewKey = Type.Object(
  {
    publicKey: Type.String({ minLength: 1, maxLength: 1000, description: 'Ed25519 公钥：32 字节原始值的 base64，或 PEM（SPKI）' }),
    validFrom: Type.Optional(Type.String({ format: 'date-time', description: '启用时间，默认当前；不得早于当前' })),
  },
  { additionalProperties: false },
);

export const Reason = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });

export const withDecisionErrors = { ...commonErrors, 422: Type.Ref('ErrorResponse') };

/**
 * The error `code`s this module's routes can answer with besides the platform-wide ones (PLATFORM_ERROR_CODES); every
 * route of the module lists them in /openapi.json as `x-error-codes`. src/kernel/http/error-codes.test.ts fails when the
 * module's code produces a code missing here.
 */
export const ERROR_CODES: readonly string[] = [
  'AGENCY_ADMIN_REQUIRED',
  'CALIBRATION_DUPLICATE',
  'DEVICE_KEY_INVALID',
  'DEVICE_KEY_IN_USE',
  'EQUIPMENT_ALREADY_DECIDED',
  'EQUIPMENT_CALIBRATION_EXPIRED',
  'EQUIPMENT_CALIBRATION_MISSING',
  'EQUIPMENT_NOT_FOUND',
  'EQUIPMENT_NOT_REJECTED',
  'EQUIPMENT_NOT_VERIFIED',
  'FIELD_REQUIRED',
  'ISSUING_BODY_TOO_SHORT',
  'KEY_ROTATION_SCHEDULED',
  'KEY_VALID_FROM_PAST',
  'PROTOCOL_NOT_APPLICABLE',
  'PROTOCOL_REQUIRED',
  'REASON_REQUIRED',
  'SERIAL_TAKEN',
  'VALIDITY_INVERTED',
];
