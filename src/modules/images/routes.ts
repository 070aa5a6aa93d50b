import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type TSchema } from 'typebox';
import { AppError, badRequest } from '../../kernel/errors.ts';
import { checkIdempotencyKey } from '../../kernel/idempotency.ts';
import { commonErrors, DateTime, IdParams, Page, PageQuery } from '../../kernel/http/schemas.ts';
import { IMAGE_MAX_BYTES } from '../../kernel/policy.ts';
import { CaptureStatusInline } from '../capture/index.ts';
import { decodeMetadata, METADATA_HEADER, parseProcessMetadata } from './metadata.ts';
import { ImageService } from './service.ts';
import { ClientAbortedError, requestBody } from './store.ts';
import { IMAGE_KINDS } from './tables.ts';
import { ResumableUploadService, type UploadView } from './uploads.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Id = Type.String({ format: 'uuid' });
const Json = Type.Record(Type.String(), Type.Unknown());
const Errors = { ...commonErrors, 410: Type.Ref('ErrorResponse'), 412: Type.Ref('ErrorResponse'), 413: Type.Ref('ErrorResponse'), 415: Type.Ref('ErrorResponse'), 422: Type.Ref('ErrorResponse') };

/** What a client may send as the Content-Type of an image body; the real type is read from the bytes. */
const IMAGE_BODY_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'image/avif', 'application/octet-stream'];
const TUS_VERSION = '1.0.0';

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
const ImageSchema = Type.Object(ImageProps, { $id: 'Image' });

const UploadSchema = Type.Object(
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

const UploadHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ description: '客户端生成的唯一键，重试时保持不变' })),
  'x-qtrace-metadata': Type.Optional(Type.String({ description: '申报信息：base64url 编码的 JSON（见集成接口文档）' })),
});

/** A body we did not read to the end cannot be followed by another request on the connection. */
function closeIfUnread(req: FastifyRequest, reply: FastifyReply): void {
  if (!req.raw.readableEnded) void reply.header('connection', 'close');
}

function mediaType(req: FastifyRequest): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

function assertTus(req: FastifyRequest, reply: FastifyReply): void {
  void reply.header('tus-resumable', TUS_VERSION);
  if (req.headers['tus-resumable'] !== TUS_VERSION) {
    void reply.header('tus-version', TUS_VERSION);
    throw new AppError(412, 'TUS_VERSION_UNSUPPORTED', `请使用 tus 协议 ${TUS_VERSION}（Tus-Resumable: ${TUS_VERSION}）`, 'headers.tus-resumable');
  }
}

/** tus Upload-Metadata: comma-separated `key base64value` pairs. */
function tusMetadata(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of (header ?? '').split(',')) {
    const [k, v] = pair.trim().split(/\s+/);
    if (k) out.set(k, v ?? '');
  }
  return out;
}

function uploadHeaders(reply: FastifyReply, u: UploadView): void {
  void reply.header('upload-offset', String(u.offset));
  void reply.header('upload-length', String(u.length));
  void reply.header('upload-expires', new Date(u.expiresAt).toUTCString());
  void reply.header('cache-control', 'no-store');
  void reply.header('x-qtrace-upload-state', u.state);
  if (u.imageId) void reply.header('x-qtrace-image-id', u.imageId);
}

export const imageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Image bodies and tus PATCH bodies are streamed by the handlers: no parser reads them (JSON keeps its own parser).
  app.addContentTypeParser('*', (_req, _payload, done) => done(null));
  app.addSchema(ImageSchema);
  app.addSchema(UploadSchema);
  const images = new ImageService(app.deps);
  const uploads = new ResumableUploadService(app.deps);

  app.post(
    '/batches/:id/images',
    {
      schema: {
        tags: ['images'],
        summary: '上传过程影像（请求体为图像原始字节，申报信息在 X-QTrace-Metadata 头）',
        description:
          `Content-Type: image/jpeg、image/png、image/webp、image/heic、image/avif（或 application/octet-stream，类型按内容判定）；` +
          `单张不超过 ${IMAGE_MAX_BYTES / 1024 / 1024} MB。Idempotency-Key 必填，重试返回第一次的结果。影像在确认后异步处理（EXIF、缩略图、查重），status 由 processing 变为 done。`,
        params: IdParams,
        headers: UploadHeaders,
        response: { 201: Type.Ref('Image'), 200: Type.Ref('Image'), ...Errors },
      },
    },
    async (req, reply) => {
      try {
        const key = checkIdempotencyKey(req.headers['idempotency-key']);
        const field = 'headers.x-qtrace-metadata';
        const meta = parseProcessMetadata(decodeMetadata(req.headers[METADATA_HEADER] as string | undefined, field), field);
        if (!IMAGE_BODY_TYPES.includes(mediaType(req))) {
          throw new AppError(415, 'IMAGE_TYPE_UNSUPPORTED', '请以图像原始字节上传（Content-Type: image/jpeg、image/png、image/webp、image/heic 或 image/avif）', 'headers.content-type');
        }
        const declaredLength = Number(req.headers['content-length']);
        if (Number.isFinite(declaredLength) && declaredLength > IMAGE_MAX_BYTES) {
          throw new AppError(413, 'IMAGE_TOO_LARGE', `影像文件不能超过 ${IMAGE_MAX_BYTES / 1024 / 1024} MB`, 'body');
        }
        const result = await images.upload(req.ctx, req.params.id, meta, requestBody(req.raw), key, field);
        if (result.replayed) void reply.header('idempotent-replayed', 'true');
        void reply.header('location', `/api/v1/images/${result.body.id}`);
        return reply.status(result.statusCode).send(result.body);
      } catch (err) {
        closeIfUnread(req, reply);
        if (err instanceof ClientAbortedError) throw badRequest('UPLOAD_INCOMPLETE', '上传中断，请以相同的 Idempotency-Key 重试', 'body');
        throw err;
      }
    },
  );

  app.get(
    '/batches/:id/images',
    {
      schema: {
        tags: ['images'],
        summary: '批次的影像：申报信息与 EXIF 并列，附一致性核查异常',
        params: IdParams,
        querystring: Type.Object({ kind: Type.Optional(Type.Enum(IMAGE_KINDS, { default: 'process' })), ...PageQuery }),
        response: { 200: Page(Type.Ref('Image')), ...commonErrors },
      },
    },
    async (req) => images.list(req.ctx, req.params.id, req.query),
  );

  app.get(
    '/images/:id',
    { schema: { tags: ['images'], summary: '影像详情', params: IdParams, response: { 200: Type.Ref('Image'), ...commonErrors } } },
    async (req) => images.get(req.ctx, req.params.id),
  );

  app.get('/images/:id/content', { schema: { tags: ['images'], summary: '影像原图（按内容哈希校验后输出）', params: IdParams } }, async (req, reply) => {
    const c = await images.content(req.ctx, req.params.id);
    void reply.header('content-type', c.contentType);
    void reply.header('content-length', String(c.size));
    void reply.header('etag', `"${c.sha256}"`);
    void reply.header('cache-control', 'private, max-age=31536000, immutable');
    return reply.send(c.stream);
  });

  app.get('/images/:id/thumbnail', { schema: { tags: ['images'], summary: '影像缩略图（JPEG；处理中返回 409）', params: IdParams } }, async (req, reply) => {
    const t = await images.thumbnail(req.ctx, req.params.id);
    void reply.header('content-type', 'image/jpeg');
    void reply.header('etag', `"${t.sha256}"`);
    void reply.header('cache-control', 'private, max-age=31536000, immutable');
    return reply.send(t.stream);
  });

  // ─── Resumable uploads: tus 1.0 core + creation + termination + expiration ───

  app.options('/uploads', { schema: { tags: ['images'], summary: 'tus 能力查询' } }, async (_req, reply) => {
    void reply.header('tus-resumable', TUS_VERSION);
    void reply.header('tus-version', TUS_VERSION);
    void reply.header('tus-extension', 'creation,termination,expiration');
    void reply.header('tus-max-size', String(IMAGE_MAX_BYTES));
    return reply.status(204).send(null);
  });

  app.post(
    '/batches/:id/uploads',
    {
      schema: {
        tags: ['images'],
        summary: '创建可续传的影像上传（tus 1.0 creation）',
        description:
          'Tus-Resumable: 1.0.0，Upload-Length 为图像字节数，申报信息放在 X-QTrace-Metadata 头（base64url JSON）或 tus Upload-Metadata 的 metadata 项（base64）；' +
          'Idempotency-Key 必填。返回 Location，之后用 PATCH 发送数据、HEAD 查询偏移量；最后一段到达后影像自动归入批次。',
        params: IdParams,
        headers: UploadHeaders,
        response: { 201: Type.Ref('ImageUpload'), ...Errors },
      },
    },
    async (req, reply) => {
      closeIfUnread(req, reply);
      assertTus(req, reply);
      if (req.headers['upload-defer-length']) throw badRequest('UPLOAD_LENGTH_REQUIRED', '不支持延后申报长度：请在创建时给出 Upload-Length', 'headers.upload-defer-length');
      const lengthText = req.headers['upload-length'];
      const length = typeof lengthText === 'string' && /^\d{1,12}$/.test(lengthText) ? Number(lengthText) : Number.NaN;
      if (!Number.isSafeInteger(length) || length < 1) throw badRequest('UPLOAD_LENGTH_INVALID', 'Upload-Length 应为图像的字节数（正整数）', 'headers.upload-length');
      if (Number(req.headers['content-length'] ?? 0) > 0) throw badRequest('UPLOAD_CREATION_BODY_UNSUPPORTED', '创建上传时请不要携带数据；数据请用 PATCH 发送', 'body');
      const key = checkIdempotencyKey(req.headers['idempotency-key']);
      const fromTus = tusMetadata(req.headers['upload-metadata'] as string | undefined).get('metadata');
      const header = req.headers[METADATA_HEADER] as string | undefined;
      const field = header ? 'headers.x-qtrace-metadata' : 'headers.upload-metadata';
      const meta = parseProcessMetadata(header ? decodeMetadata(header, field) : decodeMetadata(fromTus, field, true), field);
      const result = await uploads.create(req.ctx, req.params.id, length, meta, key, field);
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      void reply.header('location', result.body.location);
      uploadHeaders(reply, result.body);
      return reply.status(result.statusCode).send(result.body);
    },
  );

  app.head('/uploads/:id', { schema: { tags: ['images'], summary: 'tus：查询已接收的偏移量', params: IdParams } }, async (req, reply) => {
    assertTus(req, reply);
    uploadHeaders(reply, await uploads.status(req.ctx, req.params.id));
    return reply.status(200).send();
  });

  app.get(
    '/uploads/:id',
    { schema: { tags: ['images'], summary: '可续传上传的状态（JSON）', params: IdParams, response: { 200: Type.Ref('ImageUpload'), ...Errors } } },
    async (req, reply) => {
      const u = await uploads.status(req.ctx, req.params.id);
      uploadHeaders(reply, u);
      return u;
    },
  );

  app.patch(
    '/uploads/:id',
    {
      schema: {
        tags: ['images'],
        summary: 'tus：从 Upload-Offset 处续传数据（Content-Type: application/offset+octet-stream）',
        params: IdParams,
        response: { 204: Type.Null(), ...Errors },
      },
    },
    async (req, reply) => {
      try {
        assertTus(req, reply);
        if (mediaType(req) !== 'application/offset+octet-stream') {
          throw new AppError(415, 'UPLOAD_CONTENT_TYPE_INVALID', '续传数据的 Content-Type 应为 application/offset+octet-stream', 'headers.content-type');
        }
        const offsetText = req.headers['upload-offset'];
        const offset = typeof offsetText === 'string' && /^\d{1,12}$/.test(offsetText) ? Number(offsetText) : Number.NaN;
        if (!Number.isSafeInteger(offset)) throw badRequest('UPLOAD_OFFSET_INVALID', 'Upload-Offset 应为已上传的字节数', 'headers.upload-offset');
        const outcome = await uploads.patch(req.ctx, req.params.id, offset, requestBody(req.raw));
        uploadHeaders(reply, outcome.upload);
        if (outcome.kind === 'attached') void reply.header('location', `/api/v1/images/${outcome.image.id}`);
        return reply.status(204).send(null);
      } catch (err) {
        closeIfUnread(req, reply);
        if (err instanceof AppError && err.code === 'UPLOAD_OFFSET_MISMATCH' && typeof err.details?.offset === 'number') {
          void reply.header('upload-offset', String(err.details.offset));
        }
        if (err instanceof ClientAbortedError) throw badRequest('UPLOAD_INCOMPLETE', '连接中断；已收到的数据已保存，请以 HEAD 查询偏移量后续传', 'body');
        throw err;
      }
    },
  );

  app.delete('/uploads/:id', { schema: { tags: ['images'], summary: 'tus：终止未完成的上传', params: IdParams, response: { 204: Type.Null(), ...Errors } } }, async (req, reply) => {
    assertTus(req, reply);
    await uploads.terminate(req.ctx, req.params.id);
    return reply.status(204).send(null);
  });
};
