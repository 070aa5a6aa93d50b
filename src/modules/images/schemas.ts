import { Type, type TSchema } from 'typebox';
import { commonErrors, DateTime } from '../../kernel/http/schemas.ts';
import { CaptureStatusInline } from '../capture/index.ts';
import { IMAGE_KINDS } from './tables.ts';

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const Id = Type.String({ format: 'uuid' });

export const Json = Type.Record(Type.String(), Type.Unknown());

export const Errors = { ...commonErrors, 410: Type.Ref('ErrorResponse'), 412: Type.Ref('ErrorResponse'), 413: Type.Ref('ErrorResponse'), 415: Type.Ref('ErrorResponse'), 422: Type.Ref('ErrorResponse') };

/** The image view's fields (also embedded, without the $id, in check-ins). */
export const ImageProps = {
    id: Id,
    batchId: Id,
    kind: Type.Enum(IMAGE_KINDS, { description: 'process 过程影像 · witness_checkin 见证签到照片' }),
    status: Type.Enum(['processing', 'done', 'failed'] as const, { description: 'processing 已接收、EXIF/缩略图/查重处理中 · done 已处理 · failed 处理失败' }),
    sha256: Type.String({ description: '原图内容的 SHA-256（小写十六进制）' }),
    size: Type.Integer(),
    contentType: Type.String(),
    format: Type.String(),
    width: Type.Integer(),
    height: Type.Integer(),
    declared: Type.Object(
      {
        capturedAt: DateTime,
        location: Type.Object({ lat: Type.Number(), lng: Type.Number() }),
        testerPersonId: Nullable(Id),
        equipmentId: Nullable(Id),
        componentId: Nullable(Type.String()),
        componentIdDisplay: Nullable(Type.String()),
        recordKeys: Type.Array(Type.String()),
      },
      { description: '客户端申报的拍摄时间、位置、检测人员、设备、构件和对应原始记录' },
    ),
    exif: Nullable(
      Type.Object(
        {
          takenAtLocal: Nullable(Type.String()),
          offset: Nullable(Type.String()),
          takenAt: Nullable(DateTime),
          latitude: Nullable(Type.Number()),
          longitude: Nullable(Type.Number()),
          make: Nullable(Type.String()),
          model: Nullable(Type.String()),
          software: Nullable(Type.String()),
        },
        { description: '平台从文件读取的 EXIF（处理完成前为空）' },
      ),
    ),
    perceptualHash: Nullable(Type.String()),
    thumbnail: Nullable(Type.Object({ width: Type.Integer(), height: Type.Integer() })),
    previewNote: Nullable(Type.String()),
    analysedAt: Nullable(Type.String({ format: 'date-time', description: 'EXIF、缩略图和一致性检查完成的时间；处理中为 null' })),
    signed: Type.Boolean({ description: '是否带有经设备密钥验证的签名' }),
    signatureKeyId: Nullable(Id),
    capture: CaptureStatusInline,
    supplementary: Type.Boolean({ description: '补传（批次锁定期间或锁定后上传）' }),
    channel: Type.Enum(['direct', 'resumable'] as const),
    uploadedAt: DateTime,
    uploadedBy: Type.Object({ type: Type.Enum(['user', 'machine'] as const), id: Type.String(), name: Type.String() }),
    flags: Type.Array(
      Type.Object({ kind: Type.String(), label: Type.String(), details: Json, detectedAt: DateTime, status: Type.Enum(['open', 'acknowledged'] as const) }),
      { description: '一致性核查发现的异常（供住建部门核查，影像照常接收）' },
    ),
};

export const ImageSchema = Type.Object(ImageProps, { $id: 'Image' });

export const UploadSchema = Type.Object(
  {
    id: Id,
    batchId: Id,
    offset: Type.Integer(),
    length: Type.Integer(),
    state: Type.Enum(['receiving', 'attached', 'refused', 'terminated'] as const, { description: 'receiving 接收中 · attached 已归入批次 · refused 已拒收 · terminated 已终止' }),
    imageId: Nullable(Id),
    refusal: Nullable(Type.Object({ status: Type.Integer(), code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) })),
    createdAt: DateTime,
    expiresAt: DateTime,
    location: Type.String(),
  },
  { $id: 'ImageUpload' },
);

export const UploadHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ description: '客户端生成的唯一键，重试时保持不变' })),
  'x-qtrace-metadata': Type.Optional(Type.String({ description: '申报信息：base64url 编码的 JSON（见集成接口文档）' })),
});

/** The shapes of this module that others reference by name (`$id`); added once at the app root. */
export const ReuseEvidenceSchema = Type.Object(
  {
    matchId: Id,
    role: Type.Enum(['original', 'copy'] as const, { description: 'original 本影像疑似重复使用了这张更早的影像 · copy 这张更晚的影像疑似重复使用了本影像' }),
    match: Type.Enum(['identical', 'similar'] as const, { description: 'identical 文件完全相同 · similar 感知哈希相近' }),
    transform: Type.String({ description: '两张影像之间的变换：none、mirror（左右镜像）、flip（上下翻转）、rotate90/180/270（顺时针旋转）、transpose、transverse' }),
    imageRegion: Nullable(Type.String({ description: '本次比中的区域：whole 整幅，wCR 为 80% 窗口（列 C、行 R）' })),
    originalRegion: Nullable(Type.String()),
    hammingDistance: Nullable(Type.Integer()),
    maxDistance: Type.Integer(),
    imageHash: Nullable(Type.String()),
    originalHash: Nullable(Type.String()),
    detectedAt: DateTime,
    otherIn: Type.Enum(['same_batch', 'same_agency', 'other_agency'] as const, { description: 'same_batch 同一批次 · same_agency 本机构其他批次 · other_agency 其他机构' }),
    other: Nullable(
      Type.Object({
        imageId: Id,
        batchId: Id,
        batchNumber: Type.String(),
        agencyId: Id,
        agencyName: Type.String(),
        projectId: Id,
        projectName: Type.String(),
        capturedAt: DateTime,
        uploadedAt: DateTime,
        thumbnail: Nullable(Type.Object({ width: Type.Integer(), height: Type.Integer() })),
      }, { description: '另一张影像；仅住建部门和本身可查看该影像者可见，其他人只能看到存在比中（null）' }),
    ),
  },
  { $id: 'ImageReuseEvidence' },
);

export const namedSchemas = [ImageSchema, UploadSchema, ReuseEvidenceSchema];

/**
 * The error `code`s this module's routes can answer with besides the platform-wide ones (PLATFORM_ERROR_CODES); every
 * route of the module lists them in /openapi.json as `x-error-codes`. src/kernel/http/error-codes.test.ts fails when the
 * module's code produces a code missing here.
 */
export const ERROR_CODES: readonly string[] = [
  'REUSE_MATCH_NOT_FOUND',
  'COMPONENT_ID_INVALID',
  'IDEMPOTENCY_KEY_INVALID',
  'IDEMPOTENCY_KEY_REQUIRED',
  'IDEMPOTENCY_KEY_REUSED',
  'IMAGE_CAPTURED_AT_INVALID',
  'IMAGE_CAPTURED_IN_FUTURE',
  'IMAGE_EMPTY',
  'IMAGE_EQUIPMENT_UNKNOWN',
  'IMAGE_FORMAT_UNSUPPORTED',
  'IMAGE_LOCATION_INVALID',
  'IMAGE_LOCATION_REQUIRED',
  'IMAGE_METADATA_FIELD_INVALID',
  'IMAGE_METADATA_MALFORMED',
  'IMAGE_METADATA_REQUIRED',
  'IMAGE_METADATA_TOO_LARGE',
  'IMAGE_METADATA_UNKNOWN_FIELD',
  'IMAGE_NOT_FOUND',
  'IMAGE_RECORD_KEYS_TOO_MANY',
  'IMAGE_RECORD_KEY_INVALID',
  'IMAGE_RECORD_KEY_REPEATED',
  'IMAGE_SIGNATURE_ALG_UNSUPPORTED',
  'IMAGE_SIGNATURE_INVALID',
  'IMAGE_SIGNATURE_MALFORMED',
  'IMAGE_STILL_PROCESSING',
  'IMAGE_TESTER_UNKNOWN',
  'IMAGE_THUMBNAIL_UNAVAILABLE',
  'IMAGE_TOO_LARGE',
  'IMAGE_TOO_MANY_PIXELS',
  'IMAGE_TYPE_UNSUPPORTED',
  'IMAGE_UNREADABLE',
  'TUS_VERSION_UNSUPPORTED',
  'UPLOAD_ALREADY_FINISHED',
  'UPLOAD_CONTENT_TYPE_INVALID',
  'UPLOAD_CREATION_BODY_UNSUPPORTED',
  'UPLOAD_GONE',
  'UPLOAD_INCOMPLETE',
  'UPLOAD_LENGTH_EXCEEDED',
  'UPLOAD_LENGTH_INVALID',
  'UPLOAD_LENGTH_REQUIRED',
  'UPLOAD_NOT_FOUND',
  'UPLOAD_OFFSET_INVALID',
  'UPLOAD_OFFSET_MISMATCH',
];
