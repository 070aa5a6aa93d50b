import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { commonErrors, IdParams, PageQuery } from '../../kernel/http/schemas.ts';
import { ANOMALY_BULK_MAX, ANOMALY_DECISION_REASON_MAX, ANOMALY_DECISION_REASON_MIN } from '../../kernel/policy.ts';
import { ANOMALY_KINDS, AnomalyListItemProps } from '../batches/index.ts';
import { VIOLATION_TYPES } from '../violations/index.ts';
import { AnomalyDeskService } from './service.ts';
import { declareErrorCodes } from '../../kernel/http/openapi.ts';
import { ERROR_CODES } from './schemas.ts';

const Id = Type.String({ format: 'uuid' });
const Reason = Type.String({ minLength: ANOMALY_DECISION_REASON_MIN, maxLength: ANOMALY_DECISION_REASON_MAX, description: '核查理由' });
const ViolationType = Type.Enum(VIOLATION_TYPES, { description: '确认违规时记入的违规类型（不填则按异常类型）' });

const Decision = Type.Union(
  [
    Type.Object({ decision: Type.Literal('dismiss', { description: '排除（须说明理由）' }), reason: Reason }, { additionalProperties: false }),
    Type.Object({ decision: Type.Literal('confirm', { description: '确认违规（记入违规台账，进入分级处置）' }), reason: Reason, violationType: Type.Optional(ViolationType) }, { additionalProperties: false }),
  ],
);

const Item = Type.Object({
  ...AnomalyListItemProps,
  batchStatus: Type.String(),
  originalImageId: Type.Union([Id, Type.Null()], { description: '疑似原图（重复/翻拍影像）' }),
  proposedViolationType: Type.Enum(VIOLATION_TYPES),
  violationTypeLabel: Type.String(),
});

/** The department's anomaly desk (issue 12 item 4). */
export const anomalyDeskRoutes: FastifyPluginAsyncTypebox = async (app) => {
  declareErrorCodes(app, ERROR_CODES);
  const svc = new AnomalyDeskService(app.deps);
  const tags = ['anomalies'];

  app.get(
    '/anomaly-desk',
    {
      schema: {
        operationId: 'listDeskAnomalies',
        tags,
        summary: '异常核查台：本辖区的异常，按严重程度和发现时间排序（住建部门）',
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Enum(['open', 'decided'] as const, { description: 'open 待核查（默认）· decided 已核查' })),
            severity: Type.Optional(Type.Enum(['critical', 'major', 'minor'] as const)),
            kind: Type.Optional(Type.Enum(ANOMALY_KINDS)),
            batchId: Type.Optional(Id),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(Item), total: Type.Integer(), open: Type.Integer({ description: '辖区内待核查异常数' }), blockingOpen: Type.Integer({ description: '其中阻止出具报告的' }) }),
          ...commonErrors,
        },
      },
    },
    async (req) => svc.queue(req.ctx, req.query),
  );

  app.get('/anomaly-desk/:id', { schema: { operationId: 'getDeskAnomaly', tags, summary: '异常详情及证据', params: IdParams, response: { 200: Item, ...commonErrors } } }, async (req) => svc.get(req.ctx, req.params.id));

  app.post(
    '/anomalies/:id/decide',
    { schema: { tags, summary: '住建部门核查决定：排除（说明理由）或确认违规', params: IdParams, body: Decision, response: { 200: Item, ...commonErrors } } },
    async (req) => svc.decide(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/batches/:id/anomalies/decide',
    {
      schema: {
        tags,
        summary: '对一个批次的异常批量作出核查决定（不选则为全部待核查异常）',
        params: IdParams,
        body: Type.Union([
          Type.Object({ decision: Type.Literal('dismiss'), reason: Reason, anomalyIds: Type.Optional(Type.Array(Id, { maxItems: ANOMALY_BULK_MAX, uniqueItems: true })) }, { additionalProperties: false }),
          Type.Object(
            { decision: Type.Literal('confirm'), reason: Reason, violationType: Type.Optional(ViolationType), anomalyIds: Type.Optional(Type.Array(Id, { maxItems: ANOMALY_BULK_MAX, uniqueItems: true })) },
            { additionalProperties: false },
          ),
        ]),
        response: { 200: Type.Object({ decided: Type.Integer(), items: Type.Array(Item) }), ...commonErrors },
      },
    },
    async (req) => svc.decideBatch(req.ctx, req.params.id, req.body),
  );

  app.get('/anomaly-desk/:id/original/thumbnail', { schema: { tags, summary: '疑似原图的缩略图（与被标记影像并排比对）', params: IdParams } }, async (req, reply) => {
    const t = await svc.originalThumbnail(req.ctx, req.params.id);
    void reply.header('content-type', 'image/jpeg');
    void reply.header('etag', `"${t.sha256}"`);
    void reply.header('cache-control', 'private, max-age=31536000, immutable');
    return reply.send(t.stream);
  });
};
