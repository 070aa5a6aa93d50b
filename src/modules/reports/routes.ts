import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type, type TSchema } from 'typebox';
import { commonErrors, DateTime, IdParams, Page, PageQuery } from '../../kernel/http/schemas.ts';
import { REPORT_REASON_MAX_LENGTH, REPORT_REASON_MIN_LENGTH } from '../../kernel/policy.ts';
import { REPORT_STATUSES } from './rules/content.ts';
import { ReportService } from './service.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Id = Type.String({ format: 'uuid' });
const Ref = Type.Object({ id: Id, name: Type.String() });
const Hex64 = Type.String({ pattern: '^[0-9a-f]{64}$' });
const Status = Type.Enum(REPORT_STATUSES, { description: 'valid 有效 · superseded 已被更正报告替代 · revoked 已撤销' });
const Summary = Type.Object({ records: Type.Integer(), pass: Type.Integer(), fail: Type.Integer(), undetermined: Type.Integer({ description: '原始记录不含评定结论，平台不判定' }) });

const SummaryProps = {
  id: Id,
  reportNumber: Type.String({ description: '报告编号：机构组织机构代码-年度-六位序号，每机构每年连续' }),
  checkCode: Type.String({ description: '验证码（8 位），与报告编号一起用于公开核验' }),
  status: Status,
  statusLabel: Type.String(),
  batch: Type.Object({ id: Id, batchNumber: Type.String() }),
  agency: Ref,
  project: Ref,
  regionCode: Type.String(),
  specialtyName: Type.String(),
  reportDate: Type.String({ format: 'date', description: '报告日期（北京时间）' }),
  generatedAt: DateTime,
  signatory: Ref,
  contentSha256: Hex64,
  pdfSha256: Hex64,
  pdfSize: Type.Integer(),
  verifyPath: Type.String({ description: '公开核验页面路径（二维码内容去掉域名）' }),
  supersedes: Nullable(Type.Object({ id: Id, reportNumber: Type.String(), reason: Type.String() })),
  supersededBy: Nullable(Type.Object({ id: Id, reportNumber: Type.String() })),
  supersededAt: Nullable(DateTime),
  revokedAt: Nullable(DateTime),
  revokedByName: Nullable(Type.String()),
  revokeReason: Nullable(Type.String()),
  summary: Summary,
};
const ReportSummarySchema = Type.Object(SummaryProps, { $id: 'ReportSummary' });
const ReportDetailSchema = Type.Object(
  { ...SummaryProps, content: Type.Record(Type.String(), Type.Unknown(), { description: '报告内容（PDF 所载数据；contentSha256 为其 RFC 8785 规范形式的 SHA-256）' }) },
  { $id: 'ReportDetail' },
);

const PublicVerificationSchema = Type.Object({
  reportNumber: Type.String(),
  agencyName: Type.String(),
  projectName: Type.String(),
  reportDate: Type.String({ format: 'date' }),
  status: Status,
  statusLabel: Type.String(),
  statusChangedAt: Nullable(DateTime),
  supersededBy: Nullable(Type.String({ description: '替代本报告的更正报告编号' })),
  contentSha256: Hex64,
  pdfSha256: Hex64,
  anomalies: Type.Array(
    Type.Object({
      kindLabel: Type.String({ description: '异常类型' }),
      severityLabel: Type.String({ description: '严重程度' }),
      detectedAt: DateTime,
      decisionLabel: Type.String({ description: '住建部门的核查决定：排除 / 确认违规 / 待核查' }),
      decidedAt: Nullable(DateTime),
    }),
    { description: '平台发现的异常及住建部门的核查决定（报告出具时的状态）；2026 年 12 月前出具的报告不含此项' },
  ),
});

const Reason = Type.Object({ reason: Type.String({ minLength: REPORT_REASON_MIN_LENGTH, maxLength: REPORT_REASON_MAX_LENGTH }) }, { additionalProperties: false });

/** Where people reach the platform: the configured public address, else the address this request came in on. */
const baseUrl = (configured: string | undefined, req: FastifyRequest) => configured ?? `${req.protocol}://${req.host}`;

export const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema(ReportSummarySchema);
  app.addSchema(ReportDetailSchema);
  const svc = new ReportService(app.deps);
  const tags = ['reports'];
  const Detail = Type.Ref('ReportDetail');

  app.post(
    '/batches/:id/report',
    {
      schema: {
        tags,
        summary: '授权签字人出具检测报告（已封存、已复核、未锁定、机构已对接；编号每机构每年连续）',
        params: IdParams,
        response: { 201: Detail, ...commonErrors, 503: Type.Ref('ErrorResponse') },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.generate(req.ctx, req.params.id, baseUrl(app.deps.config.publicBaseUrl, req))),
  );

  app.get(
    '/reports',
    {
      schema: {
        tags,
        summary: '检测报告列表（按调用者范围过滤）',
        querystring: Type.Object(
          {
            status: Type.Optional(Status),
            batchId: Type.Optional(Id),
            projectId: Type.Optional(Id),
            agencyId: Type.Optional(Id),
            q: Type.Optional(Type.String({ maxLength: 40, description: '报告编号或批次编号（完整）' })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(Type.Ref('ReportSummary')), ...commonErrors },
      },
    },
    async (req) => svc.list(req.ctx, req.query),
  );

  app.get('/reports/:id', { schema: { tags, summary: '检测报告详情（含报告内容）', params: IdParams, response: { 200: Detail, ...commonErrors } } }, async (req) =>
    svc.get(req.ctx, req.params.id),
  );

  app.get(
    '/reports/:id/pdf',
    {
      schema: {
        tags,
        summary: '下载检测报告 PDF（出具时生成并保存，每次下载内容相同）',
        params: IdParams,
        produces: ['application/pdf'],
        response: { 200: { description: 'PDF', content: { 'application/pdf': { schema: Type.String({ format: 'binary' }) } } }, ...commonErrors },
      },
    },
    async (req, reply) => {
      const { pdf, filename } = await svc.pdf(req.ctx, req.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="report.pdf"; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.post(
    '/reports/:id/supersede',
    {
      schema: {
        tags,
        summary: '出具更正报告（新编号，替代原报告；须说明更正原因）',
        params: IdParams,
        body: Reason,
        response: { 201: Detail, ...commonErrors, 503: Type.Ref('ErrorResponse') },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.supersede(req.ctx, req.params.id, req.body.reason, baseUrl(app.deps.config.publicBaseUrl, req))),
  );

  app.post(
    '/reports/:id/revoke',
    { schema: { tags, summary: '撤销检测报告（辖区住建部门或本机构管理员；须说明理由）', params: IdParams, body: Reason, response: { 200: Detail, ...commonErrors } } },
    async (req) => svc.revoke(req.ctx, req.params.id, req.body.reason),
  );

  app.get(
    '/public/reports/:number',
    {
      schema: {
        tags: ['public'],
        summary: '公开核验检测报告（无需登录；报告编号与验证码须一致，否则一律答复“报告编号不存在或已被篡改”）',
        security: [],
        params: Type.Object({ number: Type.String({ minLength: 1, maxLength: 40 }) }),
        querystring: Type.Object({ c: Type.String({ minLength: 1, maxLength: 20, description: '验证码' }) }, { additionalProperties: false }),
        response: { 200: PublicVerificationSchema, 400: Type.Ref('ErrorResponse'), 404: Type.Ref('ErrorResponse') },
      },
    },
    async (req, reply) => {
      const result = await svc.verify(req.params.number, req.query.c);
      // The status can change (superseded, revoked): never served from a cache.
      void reply.header('cache-control', 'no-store');
      return result;
    },
  );
};
