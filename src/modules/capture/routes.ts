import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { commonErrors, IdParams } from '../../kernel/http/schemas.ts';
import { CAPTURE_PHONE_LIMITS, CaptureKeySchema, CaptureStatusSchema, ChallengeSchema, ChallengesSchema, EnrolBody, ERROR_CODES, PublicCaptureSchema, RevokeBody } from './schemas.ts';
import { CaptureService } from './service.ts';
import { declareErrorCodes } from '../../kernel/http/openapi.ts';

const tags = ['capture'];

export const captureRoutes: FastifyPluginAsyncTypebox = async (app) => {
  declareErrorCodes(app, ERROR_CODES);
  for (const s of [CaptureKeySchema, EnrolBody, RevokeBody, ChallengeSchema, ChallengesSchema, CaptureStatusSchema, PublicCaptureSchema]) app.addSchema(s);
  const svc = new CaptureService(app.deps);
  const Key = Type.Ref('CaptureKey');

  app.post(
    '/capture/keys',
    {
      schema: {
        tags,
        summary: '登记本人的采集设备公钥（手机或机构采集程序），待本单位管理员批准',
        body: Type.Ref('CaptureKeyEnrolment'),
        response: { 201: Key, ...commonErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.enrol(req.ctx, req.body as { publicKey: string; label: string })),
  );

  app.get(
    '/capture/keys',
    {
      schema: {
        tags,
        summary: '采集设备列表：本人的（默认），或本单位全部（管理员，scope=organisation）',
        querystring: Type.Object({ scope: Type.Optional(Type.Enum(['mine', 'organisation'] as const)) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Key) }), ...commonErrors },
      },
    },
    async (req) => ({ items: await svc.list(req.ctx, req.query) }),
  );

  app.post(
    '/capture/keys/:id/approve',
    { schema: { tags, summary: '批准采集设备（本单位管理员；监理单位由本单位另一名见证人员）', params: IdParams, response: { 200: Key, ...commonErrors } } },
    async (req) => svc.approve(req.ctx, req.params.id),
  );

  app.post(
    '/capture/keys/:id/revoke',
    { schema: { tags, summary: '吊销采集设备（持有人或本单位管理员；须说明原因）', params: IdParams, body: Type.Ref('CaptureKeyRevocation'), response: { 200: Key, ...commonErrors } } },
    async (req) => svc.revoke(req.ctx, req.params.id, (req.body as { reason: string }).reason),
  );

  app.post(
    '/capture/challenges',
    {
      schema: {
        tags,
        summary: '领取采集挑战码（一次性；返回手中全部未用、未过期的挑战码，不足时补足）',
        description:
          'positionMaxAgeMs / positionMaxAccuracyMetres：平台政策规定的定位时效与精度上限，手机据此拒绝过旧或不够精确的定位（超出的签名采集到达平台后被标记）；challengeTtlMs：挑战码有效期。',
        response: { 200: Type.Ref('CaptureChallenges'), ...commonErrors },
      },
    },
    async (req, reply) => {
      void reply.header('cache-control', 'no-store');
      return { items: await svc.challenges(req.ctx), ...CAPTURE_PHONE_LIMITS };
    },
  );

  app.get(
    '/public/captures/:code',
    {
      schema: {
        tags: ['public'],
        summary: '公开核验照片水印上的验证码：拍摄时间、地点、检测机构、批次和照片哈希（无需登录）',
        security: [],
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 20 }) }),
        response: { 200: Type.Ref('PublicCapture'), 404: Type.Ref('ErrorResponse') },
      },
    },
    async (req) => svc.publicCapture(req.params.code),
  );
};
