import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError, badRequest } from '../../kernel/errors.ts';
import { checkIdempotencyKey } from '../../kernel/idempotency.ts';
import { commonErrors, DateTime, IdParams } from '../../kernel/http/schemas.ts';
import { IMAGE_MAX_BYTES } from '../../kernel/policy.ts';
import { ClientAbortedError, decodeMetadata, ImageProps, METADATA_HEADER, parseCheckinMetadata, requestBody } from '../images/index.ts';
import { CheckinService } from './service.ts';

const Id = Type.String({ format: 'uuid' });
const Flag = Type.Object({
  kind: Type.String(),
  label: Type.String(),
  details: Type.Record(Type.String(), Type.Unknown()),
  detectedAt: DateTime,
  status: Type.Enum(['open', 'acknowledged'] as const),
});
const CheckinSchema = Type.Object(
  {
    id: Id,
    batchId: Id,
    witness: Type.Object({ personId: Id, name: Type.String() }),
    userId: Id,
    checkedInAt: DateTime,
    location: Type.Object({ lat: Type.Number(), lng: Type.Number() }),
    insideSite: Type.Boolean({ description: '签到位置在项目范围内（含定位容差）' }),
    namedOnBatch: Type.Boolean({ description: '签到人是批次登记的见证人员' }),
    photo: Type.Object(ImageProps, { description: '签到照片（影像类型 witness_checkin）' }),
    flags: Type.Array(Flag),
  },
  { $id: 'WitnessCheckin' },
);
const IMAGE_BODY_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'image/avif', 'application/octet-stream'];

export const checkinRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The photo is the body, streamed by the handler.
  app.addContentTypeParser('*', (_req, _payload, done) => done(null));
  app.addSchema(CheckinSchema);
  const svc = new CheckinService(app.deps);

  app.post(
    '/batches/:id/checkins',
    {
      schema: {
        tags: ['witnesses'],
        summary: '见证人员现场签到（请求体为现场照片，X-QTrace-Metadata 申报拍摄时间和位置）',
        description: '见证人员本人账号签到；X-QTrace-Metadata 为 base64url 编码的 JSON { capturedAt, location: { lat, lng } }；Idempotency-Key 必填。',
        params: IdParams,
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String()), 'x-qtrace-metadata': Type.Optional(Type.String()) }),
        response: { 201: Type.Ref('WitnessCheckin'), 413: Type.Ref('ErrorResponse'), 415: Type.Ref('ErrorResponse'), 422: Type.Ref('ErrorResponse'), ...commonErrors },
      },
    },
    async (req, reply) => {
      try {
        const key = checkIdempotencyKey(req.headers['idempotency-key']);
        const field = 'headers.x-qtrace-metadata';
        const meta = parseCheckinMetadata(decodeMetadata(req.headers[METADATA_HEADER] as string | undefined, field), field);
        const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        if (!IMAGE_BODY_TYPES.includes(type)) throw new AppError(415, 'IMAGE_TYPE_UNSUPPORTED', '请以照片原始字节签到（Content-Type: image/jpeg 等）', 'headers.content-type');
        if (Number(req.headers['content-length'] ?? 0) > IMAGE_MAX_BYTES) throw new AppError(413, 'IMAGE_TOO_LARGE', `照片不能超过 ${IMAGE_MAX_BYTES / 1024 / 1024} MB`, 'body');
        const result = await svc.checkIn(req.ctx, req.params.id, meta, requestBody(req.raw), key, field);
        if (result.replayed) void reply.header('idempotent-replayed', 'true');
        return reply.status(result.statusCode).send(result.body);
      } catch (err) {
        if (!req.raw.readableEnded) void reply.header('connection', 'close');
        if (err instanceof ClientAbortedError) throw badRequest('UPLOAD_INCOMPLETE', '上传中断，请以相同的 Idempotency-Key 重试', 'body');
        throw err;
      }
    },
  );

  app.get(
    '/batches/:id/checkins',
    { schema: { tags: ['witnesses'], summary: '批次的见证签到记录', params: IdParams, response: { 200: Type.Array(Type.Ref('WitnessCheckin')), ...commonErrors } } },
    async (req) => svc.list(req.ctx, req.params.id),
  );
};
