import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ORGANISATION_TYPES } from '../../kernel/auth/actor.ts';
import { sendXlsx } from '../../kernel/export/xlsx.ts';
import { commonErrors, DateTime, IdParams, NullableDateTime, Page, PageQuery, Uuid } from '../../kernel/http/schemas.ts';
import { FRAUD_REPORT_MAX_ATTACHMENTS, FRAUD_REPORT_MAX_CHARS, FRAUD_REPORT_MIN_CHARS, RECTIFICATION_MAX_DAYS, RECTIFICATION_MIN_DAYS } from '../../kernel/policy.ts';
import { VIOLATION_TYPES } from '../violations/index.ts';
import { FraudReportService } from './fraud-reports.ts';
import { beijingYear } from '../../kernel/time.ts';
import { EnforcementService } from './service.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const RUNGS = ['interview', 'rectification', 'penalty'] as const;
const STATUSES = ['proposed', 'confirmed', 'report_submitted', 'closed', 'dismissed', 'superseded'] as const;
const Org = Type.Object({ id: Type.String(), name: Type.String(), type: Type.Enum(ORGANISATION_TYPES), regionCode: Type.String() });
const OrgWithLabels = Type.Object({ id: Type.String(), name: Type.String(), type: Type.Enum(ORGANISATION_TYPES), typeLabel: Type.String(), regionCode: Type.String(), regionName: Type.String() });
const RowVersion = Type.Optional(Type.Integer({ minimum: 1, description: '案件版本（并发保护；可省略）' }));

const CaseSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    organisation: Org,
    year: Type.Integer(),
    rung: Type.Enum(RUNGS, { description: 'interview 约谈提醒 · rectification 限期整改 · penalty 行政处罚' }),
    rungLabel: Type.String(),
    status: Type.Enum(STATUSES, { description: 'proposed 平台建议 · confirmed 已确认 · report_submitted 已提交整改报告 · closed 已办结 · dismissed 不予处置 · superseded 已被取代' }),
    statusLabel: Type.String(),
    outcome: Nullable(Type.Enum(['held', 'accepted', 'rejected', 'decided'])),
    outcomeLabel: Nullable(Type.String()),
    regionCode: Type.String({ description: '处置部门辖区' }),
    regionName: Type.String(),
    reasons: Type.Array(Type.String()),
    reasonLabels: Type.Array(Type.String()),
    violationIds: Type.Array(Type.String()),
    supplementaryUploads: Type.Integer({ description: '提出建议时本年度补传批次数' }),
    proposedAt: DateTime,
    confirmedAt: NullableDateTime,
    confirmedBy: Nullable(Type.String()),
    dueAt: Type.Union([DateTime, Type.Null()], { description: '约谈或整改期限' }),
    dismissedAt: NullableDateTime,
    dismissReason: Nullable(Type.String()),
    interview: Nullable(Type.Object({ heldAt: DateTime, attendees: Type.String(), minutes: Type.String() })),
    report: Nullable(Type.Object({ text: Type.String(), documentIds: Type.Array(Type.String()), submittedAt: DateTime })),
    decisionNote: Nullable(Type.String()),
    penalty: Nullable(Type.Object({ decisionNumber: Type.String(), content: Type.String(), dishonest: Type.Boolean() })),
    marketRestrictionId: Nullable(Type.String()),
    closedAt: NullableDateTime,
  },
  { $id: 'EnforcementCase' },
);

const CaseDetail = Type.Object({
  ...CaseSchema.properties,
  events: Type.Array(Type.Object({ at: DateTime, event: Type.String(), actorName: Nullable(Type.String()), details: Type.Record(Type.String(), Type.Unknown()) })),
});

const KeyEntry = Type.Object({
  organisation: OrgWithLabels,
  rung: Type.Enum(['rectification', 'penalty']),
  rungLabel: Type.String(),
  reasons: Type.Array(Type.String()),
  since: DateTime,
  leavesAt: Type.Union([DateTime, Type.Null()], { description: '若无新的违规，预计移出时间；案件未办结时为空' }),
  leaveRule: Type.String(),
  handlingRegionName: Type.String(),
  violationsThisYear: Type.Integer(),
});

const FraudReportSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    project: Type.Object({ id: Type.String(), name: Type.String() }),
    reporter: Type.Object({ id: Type.String(), name: Type.String() }),
    reportedBy: Type.String(),
    subjectOrganisation: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
    description: Type.String(),
    documentIds: Type.Array(Type.String()),
    regionCode: Type.String(),
    regionName: Type.String(),
    createdAt: DateTime,
    status: Type.Enum(['open', 'recorded', 'dismissed'], { description: 'open 待处理 · recorded 已认定违规 · dismissed 不予认定' }),
    handledAt: NullableDateTime,
    handledBy: Nullable(Type.String()),
    handlingNote: Nullable(Type.String()),
    violationId: Nullable(Type.String()),
  },
  { $id: 'FraudReport' },
);

const YearQuery = Type.Optional(Type.Integer({ minimum: 2000, maximum: 2200, description: '年度（北京时间日历年；默认今年）' }));
const errors = { ...commonErrors, 422: Type.Ref('ErrorResponse') };

/** Graded handling (分级处置), the key supervision list, credit and fraud reports (issue 6 items 1–5). */
export const enforcementRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema(CaseSchema);
  app.addSchema(FraudReportSchema);
  const svc = new EnforcementService(app.deps.db);
  const reports = new FraudReportService(app.deps.db);
  const tags = ['enforcement'];
  const CaseRef = Type.Ref('EnforcementCase');

  app.get(
    '/enforcement/cases',
    {
      schema: {
        tags,
        summary: '分级处置案件（本辖区／本单位）',
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Enum(STATUSES)),
            rung: Type.Optional(Type.Enum(RUNGS)),
            organisationId: Type.Optional(Uuid),
            year: YearQuery,
            open: Type.Optional(Type.Boolean({ description: '只看待处理（待确认、处置中、待审核）' })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(CaseRef), ...commonErrors },
      },
    },
    async (req) => svc.listCases(req.ctx, req.query),
  );

  app.get('/enforcement/cases/:id', { schema: { tags, summary: '处置案件详情（含处置过程）', params: IdParams, response: { 200: CaseDetail, ...commonErrors } } }, async (req) =>
    svc.getCase(req.ctx, req.params.id),
  );

  app.post(
    '/enforcement/cases/:id/confirm',
    {
      schema: {
        tags,
        summary: '确认平台建议（约谈：15日内约谈；整改：设定整改期限）',
        params: IdParams,
        body: Type.Object(
          { dueDays: Type.Optional(Type.Integer({ minimum: RECTIFICATION_MIN_DAYS, maximum: RECTIFICATION_MAX_DAYS, description: '整改期限（天）' })), note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))), rowVersion: RowVersion },
          { additionalProperties: false },
        ),
        response: { 200: CaseRef, ...commonErrors },
      },
    },
    async (req) => svc.confirm(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/enforcement/cases/:id/dismiss',
    {
      schema: {
        tags,
        summary: '不予处置（须说明理由）',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }), rowVersion: RowVersion }, { additionalProperties: false }),
        response: { 200: CaseRef, ...commonErrors },
      },
    },
    async (req) => svc.dismiss(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/enforcement/cases/:id/interview',
    {
      schema: {
        tags,
        summary: '登记约谈情况（时间、参加人员、纪要；可同时认定是否故意）',
        params: IdParams,
        body: Type.Object(
          {
            heldAt: Type.String({ format: 'date-time' }),
            attendees: Type.String({ minLength: 2, maxLength: 500 }),
            minutes: Type.String({ minLength: 2, maxLength: 5000 }),
            intent: Type.Optional(Nullable(Type.Enum(['unintentional', 'intentional'], { description: '对尚未认定的违规：unintentional 非故意 · intentional 故意' }))),
            rowVersion: RowVersion,
          },
          { additionalProperties: false },
        ),
        response: { 200: CaseRef, ...commonErrors },
      },
    },
    async (req) => svc.recordInterview(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/enforcement/cases/:id/report',
    {
      schema: {
        tags,
        summary: '被责令整改单位提交整改报告（附件先经 /documents 上传）',
        params: IdParams,
        body: Type.Object({ text: Type.String({ minLength: 2, maxLength: 5000 }), documentIds: Type.Optional(Type.Array(Uuid, { maxItems: 10, uniqueItems: true })) }, { additionalProperties: false }),
        response: { 200: CaseRef, ...commonErrors },
      },
    },
    async (req) => svc.submitReport(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/enforcement/cases/:id/rectification-decision',
    {
      schema: {
        tags,
        summary: '审核整改报告：accepted 整改合格 · rejected 整改不合格（逾期未提交报告的也可判定不合格）',
        params: IdParams,
        body: Type.Object(
          {
            decision: Type.Enum(['accepted', 'rejected']),
            note: Type.String({ minLength: 2, maxLength: 2000 }),
            intent: Type.Optional(Nullable(Type.Enum(['unintentional', 'intentional'], { description: '对尚未认定的违规：unintentional 非故意 · intentional 故意' }))),
            rowVersion: RowVersion,
          },
          { additionalProperties: false },
        ),
        response: { 200: CaseRef, ...commonErrors },
      },
    },
    async (req) => svc.decideRectification(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/enforcement/cases/:id/penalty',
    {
      schema: {
        tags,
        summary: '登记行政处罚决定（文号、内容；记不良信用记录；严重违规或失信的限制市场准入）',
        params: IdParams,
        body: Type.Object(
          {
            decisionNumber: Type.String({ minLength: 2, maxLength: 100 }),
            content: Type.String({ minLength: 2, maxLength: 2000 }),
            dishonest: Type.Boolean({ description: '是否认定失信' }),
            rowVersion: RowVersion,
          },
          { additionalProperties: false },
        ),
        response: { 200: CaseRef, ...errors },
      },
    },
    async (req) => svc.decidePenalty(req.ctx, req.params.id, req.body),
  );

  app.get('/enforcement/key-supervision', { schema: { tags, summary: '重点监管名单（本辖区）', response: { 200: Type.Object({ items: Type.Array(KeyEntry) }), ...commonErrors } } }, async (req) => ({
    items: await svc.keySupervisionList(req.ctx),
  }));

  app.get(
    '/enforcement/key-supervision/export.xlsx',
    { schema: { tags, summary: '导出重点监管名单（Excel，本辖区）', response: { 200: Type.String({ description: 'xlsx 文件' }), ...commonErrors } } },
    async (req, reply) => sendXlsx(reply, `重点监管名单-${req.ctx.now.toISOString().slice(0, 10)}.xlsx`, await svc.keySupervisionXlsx(req.ctx)),
  );

  app.get(
    '/credit/organisations',
    {
      schema: {
        tags: ['credit'],
        summary: '单位信用（分值、等级、市场准入限制）',
        querystring: Type.Object({ year: YearQuery, type: Type.Optional(Type.Enum(['agency', 'supervision_unit', 'construction_unit'])), q: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                organisation: OrgWithLabels,
                year: Type.Integer(),
                score: Type.Number(),
                level: Type.Enum(['A', 'B', 'C', 'D'], { description: 'A 优良 · B 合格 · C 警示 · D 不合格' }),
                downgraded: Type.Boolean(),
                breakdown: Type.Object({ base: Type.Number(), bonus: Type.Number(), deductions: Type.Number() }),
                violations: Type.Integer(),
                countedViolations: Type.Integer(),
                exemptViolations: Type.Integer(),
                pendingViolations: Type.Integer(),
                penalties: Type.Integer(),
                dishonest: Type.Boolean(),
                restriction: Nullable(Type.Object({ id: Type.String(), reason: Type.String(), restrictedUntil: NullableDateTime })),
              }),
            ),
          }),
          ...commonErrors,
        },
      },
    },
    async (req) => ({ items: await svc.organisationCredit(req.ctx, { year: req.query.year ?? beijingYear(req.ctx.now), type: req.query.type, q: req.query.q }) }),
  );

  app.get(
    '/credit/persons',
    {
      schema: {
        tags: ['credit'],
        summary: '人员信用（按违规记录中的涉及人员）',
        querystring: Type.Object({ year: YearQuery }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                personRef: Type.String(),
                personName: Type.String(),
                organisation: Type.Object({ id: Type.String(), name: Type.String() }),
                year: Type.Integer(),
                score: Type.Number(),
                level: Type.Enum(['A', 'B', 'C', 'D']),
                violations: Type.Integer(),
                countedViolations: Type.Integer(),
              }),
            ),
          }),
          ...commonErrors,
        },
      },
    },
    async (req) => ({ items: await svc.personCredit(req.ctx, { year: req.query.year ?? beijingYear(req.ctx.now) }) }),
  );

  app.get(
    '/credit/restrictions',
    {
      schema: {
        tags: ['credit'],
        summary: '限制市场准入记录',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                organisation: Type.Object({ id: Type.String(), name: Type.String(), type: Type.Enum(ORGANISATION_TYPES) }),
                reason: Type.String(),
                restrictedFrom: DateTime,
                restrictedUntil: NullableDateTime,
                caseReference: Nullable(Type.String()),
                inForce: Type.Boolean(),
                liftedAt: NullableDateTime,
              }),
            ),
          }),
          ...commonErrors,
        },
      },
    },
    async (req) => ({ items: await svc.restrictions(req.ctx) }),
  );

  const reportTags = ['fraud-reports'];
  app.post(
    '/fraud-reports',
    {
      schema: {
        tags: reportTags,
        summary: '建设单位举报发现的篡改、伪造等问题（转项目所在地住建部门）',
        body: Type.Object(
          {
            projectId: Uuid,
            subjectOrganisationId: Type.Optional(Nullable(Uuid)),
            description: Type.String({ minLength: FRAUD_REPORT_MIN_CHARS, maxLength: FRAUD_REPORT_MAX_CHARS }),
            documentIds: Type.Optional(Type.Array(Uuid, { maxItems: FRAUD_REPORT_MAX_ATTACHMENTS, uniqueItems: true })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Ref('FraudReport'), ...commonErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await reports.create(req.ctx, req.body)),
  );

  app.get(
    '/fraud-reports',
    {
      schema: {
        tags: reportTags,
        summary: '问题举报（建设单位：本单位提交的；住建部门：本辖区的）',
        querystring: Type.Object({ status: Type.Optional(Type.Enum(['open', 'recorded', 'dismissed'])), ...PageQuery }, { additionalProperties: false }),
        response: { 200: Page(Type.Ref('FraudReport')), ...commonErrors },
      },
    },
    async (req) => reports.list(req.ctx, req.query),
  );

  app.get('/fraud-reports/:id', { schema: { tags: reportTags, summary: '问题举报详情', params: IdParams, response: { 200: Type.Ref('FraudReport'), ...commonErrors } } }, async (req) =>
    reports.get(req.ctx, req.params.id),
  );

  app.post(
    '/fraud-reports/:id/record-violation',
    {
      schema: {
        tags: reportTags,
        summary: '根据举报认定违规（记入违规台账）',
        params: IdParams,
        body: Type.Object(
          {
            organisationId: Uuid,
            type: Type.Enum(VIOLATION_TYPES),
            occurredAt: Type.String({ format: 'date-time' }),
            note: Type.String({ minLength: 2, maxLength: 500 }),
            personRef: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
            intentional: Type.Optional(Nullable(Type.Boolean())),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Ref('FraudReport'), ...commonErrors },
      },
    },
    async (req) => reports.recordViolation(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/fraud-reports/:id/dismiss',
    {
      schema: {
        tags: reportTags,
        summary: '不予认定（须说明理由）',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }) }, { additionalProperties: false }),
        response: { 200: Type.Ref('FraudReport'), ...commonErrors },
      },
    },
    async (req) => reports.dismiss(req.ctx, req.params.id, req.body.reason),
  );
};
