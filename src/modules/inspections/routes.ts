import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from 'typebox';
import { sendXlsx } from '../../kernel/export/xlsx.ts';
import { commonErrors, DateTime, IdParams, Page, PageQuery } from '../../kernel/http/schemas.ts';
import { RANDOM_DRAW_MAX_POOL, RANDOM_DRAW_MAX_SAMPLE } from '../../kernel/policy.ts';
import { SPECIALTY_CODES } from '../../kernel/specialties.ts';
import { ANOMALY_KIND_LABELS, ANOMALY_KINDS } from '../batches/index.ts';
import { requireInspectionReader } from './access.ts';
import { serviceRequestRoutes } from '../service-requests/index.ts';
import { VIOLATION_TYPES } from '../violations/index.ts';
import { CampaignService } from './campaigns.ts';
import { DailyCheckService } from './daily-check.ts';
import { DrawService } from './draws.ts';
import { findingToViolation } from './findings.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Id = Type.String({ format: 'uuid' });
const Ref = Type.Object({ id: Id, name: Type.String() });
const Day = Type.String({ format: 'date', description: '北京时间日期 YYYY-MM-DD' });
const Specialty = Type.Enum(SPECIALTY_CODES, { description: '专项代码' });
const Unprocessable = { 422: Type.Ref('ErrorResponse') };
const RegionRef = Type.Object({ code: Type.String(), name: Type.String(), level: Type.Union([Type.Literal('province'), Type.Literal('city'), Type.Literal('county')]) });

const Metrics = {
  due: Type.Integer({ description: '应传批次（截止时间在当日）' }),
  compliant: Type.Integer({ description: '按时封存' }),
  late: Type.Integer({ description: '迟传（截止已过未按时封存）' }),
  pending: Type.Integer({ description: '待封存（截止未到，仅限当日临时数据）' }),
  suspended: Type.Integer({ description: '不可抗力报备暂停计时' }),
  missing: Type.Integer({ description: '漏传（开启 24 小时未申报完成）' }),
  anomaliesOpened: Type.Integer({ description: '当日新增异常' }),
  serviceRequestsOpened: Type.Integer({ description: '当日新增靠前服务请求' }),
  serviceRequestsClosed: Type.Integer({ description: '当日办结靠前服务请求' }),
  complianceRate: Nullable(Type.Number({ description: '上传合规率 = 按时封存 ÷（按时封存 + 迟传），0–1；无已判定批次时为空' })),
};

const RangeQuery = Type.Object(
  { regionCode: Type.Optional(Type.String({ maxLength: 12, description: '辖区代码，缺省为本部门辖区' })), from: Day, to: Day },
  { additionalProperties: false },
);

const FindingSchema = Type.Object(
  {
    id: Id,
    drawId: Nullable(Id),
    campaignId: Nullable(Id),
    itemKind: Type.Union([Type.Literal('batch'), Type.Literal('agency')]),
    itemId: Id,
    outcome: Type.Union([Type.Literal('compliant'), Type.Literal('problem')], { description: 'compliant 未发现问题 · problem 发现问题' }),
    outcomeLabel: Type.String(),
    note: Type.String(),
    recordedAt: DateTime,
    recordedByName: Type.String(),
    violationId: Nullable(Id),
  },
  { $id: 'InspectionFinding' },
);

const DrawSummaryProps = {
  id: Id,
  title: Type.String(),
  department: Ref,
  regionCode: Type.String(),
  regionName: Type.String(),
  kind: Type.Union([Type.Literal('batches'), Type.Literal('agencies')], { description: 'batches 抽批次 · agencies 抽机构' }),
  specialty: Nullable(Specialty),
  specialtyName: Nullable(Type.String()),
  periodFrom: Type.String(),
  periodTo: Type.String(),
  sampleSize: Type.Integer(),
  inspectorCount: Type.Integer(),
  seed: Type.String({ description: '发布时由平台生成并公示的随机种子' }),
  populationSize: Type.Integer(),
  populationDigest: Type.String({ description: '抽查总体（排序后的 ID，换行分隔）的 SHA-256' }),
  poolDigest: Type.String({ description: '检查人员名单的 SHA-256' }),
  publishedAt: DateTime,
  publishedByName: Type.String(),
  status: Type.Union([Type.Literal('published'), Type.Literal('drawn')], { description: 'published 已公示种子 · drawn 已抽取' }),
  drawnAt: Nullable(DateTime),
};
const DrawSummarySchema = Type.Object(DrawSummaryProps, { $id: 'RandomDrawSummary' });
const DrawSchema = Type.Object(
  {
    ...DrawSummaryProps,
    inspectorPool: Type.Array(Ref),
    selection: Nullable(
      Type.Array(
        Type.Object({
          id: Id,
          kind: Type.Union([Type.Literal('batch'), Type.Literal('agency')]),
          label: Type.String(),
          agencyName: Type.String(),
          projectName: Nullable(Type.String()),
          regionCode: Type.String(),
        }),
      ),
    ),
    inspectors: Nullable(Type.Array(Ref)),
    findings: Type.Array(Type.Ref('InspectionFinding')),
  },
  { $id: 'RandomDraw' },
);

const CampaignSummaryProps = {
  id: Id,
  title: Type.String(),
  department: Ref,
  regionCode: Type.String(),
  regionName: Type.String(),
  specialty: Nullable(Specialty),
  specialtyName: Nullable(Type.String()),
  periodFrom: Type.String(),
  periodTo: Type.String(),
  anomalyKind: Nullable(Type.String()),
  anomalyKindLabel: Nullable(Type.String()),
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')], { description: 'open 进行中 · closed 已结束' }),
  createdAt: DateTime,
  createdByName: Type.String(),
  summary: Nullable(Type.String()),
  closedAt: Nullable(DateTime),
  worklistSize: Type.Integer(),
  inspectedCount: Type.Integer(),
  problemCount: Type.Integer(),
};
const CampaignSummarySchema = Type.Object(CampaignSummaryProps, { $id: 'SpecialCampaignSummary' });
const CampaignSchema = Type.Object(
  {
    ...CampaignSummaryProps,
    worklist: Type.Array(
      Type.Object({
        position: Type.Integer(),
        batchId: Id,
        batchNumber: Type.String(),
        agencyName: Type.String(),
        projectName: Type.String(),
        regionCode: Type.String(),
        specialtyName: Type.String(),
        status: Type.String(),
        statusLabel: Type.String(),
        openedAt: DateTime,
        latestOutcome: Nullable(Type.Union([Type.Literal('compliant'), Type.Literal('problem')])),
      }),
    ),
    findings: Type.Array(Type.Ref('InspectionFinding')),
  },
  { $id: 'SpecialCampaign' },
);

const FindingBody = {
  outcome: Type.Union([Type.Literal('compliant'), Type.Literal('problem')], { description: 'compliant 未发现问题 · problem 发现问题' }),
  note: Type.String({ minLength: 2, maxLength: 2000 }),
};

/** 日常核查, 随机抽查, 专项检查 (issue 6 items 6–8) and, registered from here, 靠前服务 (item 9). */
export const inspectionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema(FindingSchema);
  app.addSchema(DrawSummarySchema);
  app.addSchema(DrawSchema);
  app.addSchema(CampaignSummarySchema);
  app.addSchema(CampaignSchema);
  const daily = new DailyCheckService(app.deps.db);
  const draws = new DrawService(app.deps.db);
  const campaigns = new CampaignService(app.deps.db);

  // ── 日常核查 ──
  const dailyTags = ['daily-check'];
  app.get(
    '/daily-checks',
    {
      schema: {
        tags: dailyTags,
        summary: '日常核查汇总表：所选辖区及其下一级区域在日期范围内的合计（仅本辖区及下级）',
        querystring: RangeQuery,
        response: {
          200: Type.Object({
            region: RegionRef,
            from: Type.String(),
            to: Type.String(),
            days: Type.Integer(),
            rows: Type.Array(
              Type.Object({
                regionCode: Type.String(),
                regionName: Type.String(),
                level: Type.String(),
                ...Metrics,
                daysCovered: Type.Integer({ description: '范围内有核查数据的天数' }),
                provisional: Type.Boolean({ description: '含当日临时数据' }),
              }),
            ),
          }),
          ...commonErrors,
        },
      },
    },
    async (req) => daily.table(req.ctx, req.query),
  );

  const DayRow = Type.Object({
    day: Type.String(),
    ...Metrics,
    version: Nullable(Type.Integer()),
    final: Nullable(Type.Boolean({ description: 'true 已定稿 · false 当日临时数据' })),
    computedAt: Nullable(DateTime),
  });

  app.get(
    '/daily-checks/trend',
    {
      schema: {
        tags: dailyTags,
        summary: '日常核查趋势：所选辖区逐日数据（无数据的日期版本为空）',
        querystring: RangeQuery,
        response: { 200: Type.Object({ region: RegionRef, days: Type.Array(DayRow) }), ...commonErrors },
      },
    },
    async (req) => daily.trend(req.ctx, req.query),
  );

  app.get(
    '/daily-checks/history',
    {
      schema: {
        tags: dailyTags,
        summary: '某辖区某日的全部核算版本（重新核算留痕）',
        querystring: Type.Object({ regionCode: Type.String({ maxLength: 12 }), day: Day }, { additionalProperties: false }),
        response: { 200: Type.Array(Type.Object({ ...DayRow.properties, computedByName: Type.String(), reason: Nullable(Type.String()) })), ...commonErrors },
      },
    },
    async (req) => daily.history(req.ctx, req.query.regionCode, req.query.day),
  );

  app.get(
    '/daily-checks/export',
    {
      schema: {
        tags: dailyTags,
        summary: '导出日常核查 Excel（汇总与逐日两张表，仅本辖区及下级）',
        querystring: RangeQuery,
        response: { 200: Type.String({ description: 'xlsx 文件' }), ...commonErrors },
      },
    },
    async (req, reply) => {
      const { fileName, body } = await daily.exportXlsx(req.ctx, req.query);
      return sendXlsx(reply, fileName, body);
    },
  );

  app.post(
    '/daily-checks/recompute',
    {
      schema: {
        tags: dailyTags,
        summary: '重新核算：当日为临时数据；已结束的日期须说明理由，数据有变化时新增版本（原版本保留）',
        body: Type.Object({ day: Type.Optional(Day), reason: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ day: Type.String(), final: Type.Boolean(), written: Type.Integer(), unchanged: Type.Integer(), skipped: Type.Boolean() }),
          ...commonErrors,
          ...Unprocessable,
        },
      },
    },
    async (req) => daily.recompute(req.ctx, req.body),
  );

  // ── 随机抽查 ──
  const drawTags = ['random-draws'];
  app.get(
    '/random-draws',
    { schema: { tags: drawTags, summary: '随机抽查列表（本辖区及下级；被列入检查人员名单的也可见）', querystring: Type.Object(PageQuery, { additionalProperties: false }), response: { 200: Page(Type.Ref('RandomDrawSummary')), ...commonErrors } } },
    async (req) => draws.list(req.ctx, req.query),
  );

  app.get(
    '/random-draws/inspector-candidates',
    {
      schema: {
        tags: drawTags,
        summary: '可列入检查人员名单的本辖区住建部门监管人员',
        response: { 200: Type.Array(Type.Object({ id: Id, name: Type.String(), departmentName: Type.String(), regionCode: Type.String() })), ...commonErrors },
      },
    },
    async (req) => draws.candidates(req.ctx),
  );

  app.post(
    '/random-draws',
    {
      schema: {
        tags: drawTags,
        summary: '发布随机抽查：冻结抽查总体、检查人员名单并由平台生成公示随机种子（尚未抽取）',
        body: Type.Object(
          {
            title: Type.String({ minLength: 2, maxLength: 200 }),
            regionCode: Type.String({ maxLength: 12 }),
            kind: Type.Union([Type.Literal('batches'), Type.Literal('agencies')]),
            specialty: Type.Optional(Nullable(Specialty)),
            periodFrom: Day,
            periodTo: Day,
            sampleSize: Type.Integer({ minimum: 1, maximum: RANDOM_DRAW_MAX_SAMPLE }),
            inspectorPool: Type.Array(Id, { minItems: 1, maxItems: RANDOM_DRAW_MAX_POOL }),
            inspectorCount: Type.Integer({ minimum: 1, maximum: RANDOM_DRAW_MAX_POOL }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Ref('RandomDraw'), ...commonErrors, ...Unprocessable },
      },
    },
    async (req, reply) => reply.status(201).send(await draws.publish(req.ctx, req.body)),
  );

  app.get('/random-draws/:id', { schema: { tags: drawTags, summary: '随机抽查详情（种子、总体摘要、抽取结果、检查发现）', params: IdParams, response: { 200: Type.Ref('RandomDraw'), ...commonErrors } } }, async (req) =>
    draws.get(req.ctx, req.params.id),
  );

  app.post(
    '/random-draws/:id/draw',
    { schema: { tags: drawTags, summary: '执行抽取（仅一次；按公示的种子、总体与名单计算）', params: IdParams, response: { 200: Type.Ref('RandomDraw'), ...commonErrors } } },
    async (req) => draws.draw(req.ctx, req.params.id),
  );

  app.get(
    '/random-draws/:id/verify',
    {
      schema: {
        tags: drawTags,
        summary: '复核抽取：用公示的种子与总体重新计算，并与保存的结果比对',
        params: IdParams,
        response: {
          200: Type.Object({
            selection: Type.Array(Type.String()),
            inspectors: Type.Array(Type.String()),
            populationDigestMatches: Type.Boolean(),
            poolDigestMatches: Type.Boolean(),
            matches: Type.Boolean({ description: '重新计算的结果与保存的抽取结果一致' }),
          }),
          ...commonErrors,
        },
      },
    },
    async (req) => draws.verify(req.ctx, req.params.id),
  );

  app.get(
    '/random-draws/:id/record',
    {
      schema: {
        tags: drawTags,
        summary: '抽查公示记录（JSON）：种子、完整总体、检查人员名单与结果，供 npm run redraw 离线复核',
        params: IdParams,
        response: {
          200: Type.Object({
            id: Id,
            kind: Type.String(),
            seed: Type.String(),
            population: Type.Array(Type.String()),
            populationDigest: Type.String(),
            sampleSize: Type.Integer(),
            inspectorPool: Type.Array(Type.String()),
            poolDigest: Type.String(),
            inspectorCount: Type.Integer(),
            selection: Nullable(Type.Array(Type.String())),
            inspectors: Nullable(Type.Array(Type.String())),
          }),
          ...commonErrors,
        },
      },
    },
    async (req) => draws.record(req.ctx, req.params.id),
  );

  app.post(
    '/random-draws/:id/findings',
    {
      schema: {
        tags: drawTags,
        summary: '抽中的检查人员记录检查发现',
        params: IdParams,
        body: Type.Object({ itemId: Id, ...FindingBody }, { additionalProperties: false }),
        response: { 201: Type.Ref('InspectionFinding'), ...commonErrors, ...Unprocessable },
      },
    },
    async (req, reply) => reply.status(201).send(await draws.recordFinding(req.ctx, req.params.id, req.body)),
  );

  // ── 专项检查 ──
  const campaignTags = ['special-campaigns'];
  app.get(
    '/special-campaigns',
    {
      schema: {
        tags: campaignTags,
        summary: '专项检查列表（本辖区及下级）',
        querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])), ...PageQuery }, { additionalProperties: false }),
        response: { 200: Page(Type.Ref('SpecialCampaignSummary')), ...commonErrors },
      },
    },
    async (req) => campaigns.list(req.ctx, req.query),
  );

  app.get(
    '/special-campaigns/anomaly-kinds',
    {
      schema: {
        tags: campaignTags,
        summary: '专项检查可选的异常类型（代码与名称）',
        response: { 200: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })), ...commonErrors },
      },
    },
    async (req) => {
      requireInspectionReader(req.ctx);
      return ANOMALY_KINDS.map((code) => ({ code, label: ANOMALY_KIND_LABELS[code] }));
    },
  );

  app.post(
    '/special-campaigns',
    {
      schema: {
        tags: campaignTags,
        summary: '开展专项检查：按专项、辖区、时段、异常类型生成并冻结检查清单',
        body: Type.Object(
          {
            title: Type.String({ minLength: 2, maxLength: 200 }),
            regionCode: Type.String({ maxLength: 12 }),
            specialty: Type.Optional(Nullable(Specialty)),
            periodFrom: Day,
            periodTo: Day,
            anomalyKind: Type.Optional(Nullable(Type.Enum(ANOMALY_KINDS, { description: '异常类型：仅列入有此类异常的批次' }))),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Ref('SpecialCampaign'), ...commonErrors, ...Unprocessable },
      },
    },
    async (req, reply) => reply.status(201).send(await campaigns.open(req.ctx, req.body)),
  );

  app.get('/special-campaigns/:id', { schema: { tags: campaignTags, summary: '专项检查详情（检查清单、检查发现、总结）', params: IdParams, response: { 200: Type.Ref('SpecialCampaign'), ...commonErrors } } }, async (req) =>
    campaigns.get(req.ctx, req.params.id),
  );

  app.post(
    '/special-campaigns/:id/findings',
    {
      schema: {
        tags: campaignTags,
        summary: '记录检查清单中某批次的检查发现',
        params: IdParams,
        body: Type.Object({ batchId: Id, ...FindingBody }, { additionalProperties: false }),
        response: { 201: Type.Ref('InspectionFinding'), ...commonErrors, ...Unprocessable },
      },
    },
    async (req, reply) => reply.status(201).send(await campaigns.recordFinding(req.ctx, req.params.id, req.body)),
  );

  app.post(
    '/special-campaigns/:id/close',
    {
      schema: {
        tags: campaignTags,
        summary: '结束专项检查并填写总结',
        params: IdParams,
        body: Type.Object({ summary: Type.String({ minLength: 2, maxLength: 5000 }) }, { additionalProperties: false }),
        response: { 200: Type.Ref('SpecialCampaign'), ...commonErrors },
      },
    },
    async (req) => campaigns.close(req.ctx, req.params.id, req.body.summary),
  );

  // ── findings → violations ──
  app.post(
    '/inspection-findings/:id/violation',
    {
      schema: {
        tags: ['random-draws', 'special-campaigns'],
        summary: '将“发现问题”的检查记录认定为违规（记入违规台账，来源：监管人员）',
        params: IdParams,
        body: Type.Object({ type: Type.Enum(VIOLATION_TYPES, { description: '违规类型' }), intentional: Type.Optional(Nullable(Type.Boolean())) }, { additionalProperties: false }),
        response: { 201: Type.Object({ finding: Type.Ref('InspectionFinding'), violationId: Id }), ...commonErrors, ...Unprocessable },
      },
    },
    async (req, reply) => {
      const r = await findingToViolation(app.deps.db, req.ctx, req.params.id, req.body);
      return reply.status(201).send({ finding: r.finding, violationId: r.violation.id });
    },
  );

  // ── 靠前服务 ──
  await app.register(serviceRequestRoutes);
};
