import { Type, type TSchema } from 'typebox';
import { DateTime } from '../../kernel/http/schemas.ts';
import { ANOMALY_KINDS } from '../batches/index.ts';
import { RECORD_SOURCES } from './tables.ts';

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const Id = Type.String({ format: 'uuid' });

export const Source = Type.Enum(RECORD_SOURCES, { description: 'auto 设备自动采集（须带设备签名） · manual 人工录入（仅在允许时）' });

export const RecordKey = Type.String({ pattern: '^[A-Za-z0-9._:-]{1,100}$', description: '记录键：客户端为每条原始记录生成，更正时保持不变' });

export const Values = Type.Record(Type.String({ maxLength: 40 }), Type.Unknown(), { maxProperties: 60, description: '按检测项目目录字段填写的数值' });

export const NewRecord = Type.Object(
  {
    recordKey: RecordKey,
    itemCode: Type.String({ minLength: 1, maxLength: 64 }),
    componentId: Type.String({ minLength: 1, maxLength: 40, description: '构件唯一标识（QC 开头）' }),
    values: Values,
    capturedAt: Type.String({ minLength: 10, maxLength: 40, description: '采集时间，带时区的 RFC 3339' }),
    source: Source,
    equipmentId: Id,
    testerPersonId: Id,
    signature: Type.Optional(
      Type.Object(
        {
          keyId: Type.Optional(Id),
          alg: Type.Literal('Ed25519'),
          value: Type.String({ minLength: 80, maxLength: 100, description: '64 字节签名的 base64/base64url' }),
        },
        { additionalProperties: false, description: '设备对规范化 JSON（RFC 8785）的 Ed25519 签名' },
      ),
    ),
    correctionOf: Type.Optional(
      Type.Object(
        { version: Type.Integer({ minimum: 1, description: '被更正的（最新）版本号' }), reason: Type.String({ minLength: 2, maxLength: 500, description: '更正理由' }) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const RawRecordSchema = Type.Object(
  {
    id: Id,
    batchId: Id,
    recordKey: Type.String(),
    version: Type.Integer(),
    latest: Type.Boolean({ description: '是否为该记录的最新版本' }),
    itemCode: Type.String(),
    componentId: Type.String(),
    values: Type.Record(Type.String(), Type.Unknown()),
    capturedAt: DateTime,
    source: Source,
    manual: Type.Boolean({ description: '人工录入（标记）' }),
    equipmentId: Id,
    testerPersonId: Id,
    contentSha256: Type.String({ description: '内容摘要（封存清单中声明）' }),
    signature: Nullable(Type.Object({ alg: Type.Literal('Ed25519'), keyId: Id, value: Type.String(), signedPayload: Type.String({ description: '设备签名的规范化 JSON 原文' }) })),
    manualExceptionId: Nullable(Id),
    correctionReason: Nullable(Type.String()),
    supplementary: Type.Boolean({ description: '补传（批次锁定期间或解锁后上传）' }),
    receivedAt: DateTime,
    submittedBy: Type.Object({ type: Type.String(), name: Nullable(Type.String()) }),
    flags: Type.Array(Type.Enum(ANOMALY_KINDS), { description: '本版本记录的异常类型' }),
  },
  { $id: 'RawRecord' },
);

/** The shapes of this module that others reference by name (`$id`); added once at the app root. */
export const namedSchemas = [RawRecordSchema];

/**
 * The error `code`s this module's routes can answer with besides the platform-wide ones (PLATFORM_ERROR_CODES); every
 * route of the module lists them in /openapi.json as `x-error-codes`. src/kernel/http/error-codes.test.ts fails when the
 * module's code produces a code missing here.
 */
export const ERROR_CODES: readonly string[] = [
  'COMPONENT_ID_INVALID',
  'CORRECTION_REASON_REQUIRED',
  'MANUAL_ENTRY_FORBIDDEN',
  'RECORD_CAPTURED_AT_INVALID',
  'RECORD_CAPTURED_IN_FUTURE',
  'RECORD_CORRECTION_ITEM_CHANGED',
  'RECORD_EQUIPMENT_UNKNOWN',
  'RECORD_ITEM_NOT_ON_BATCH',
  'RECORD_KEY_EXISTS',
  'RECORD_NOT_FOUND_FOR_CORRECTION',
  'RECORD_SIGNATURE_INVALID',
  'RECORD_SIGNATURE_NOT_FOR_MANUAL',
  'RECORD_SIGNATURE_REQUIRED',
  'RECORD_TESTER_UNKNOWN',
  'RECORD_VERSION_CONFLICT',
];
