import { Type, type TSchema } from 'typebox';
import { DateTime } from '../../kernel/http/schemas.ts';
import { SPECIALTY_CODES } from '../../kernel/specialties.ts';

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const Id = Type.String({ format: 'uuid' });

export const Ref = Type.Object({ id: Id, name: Type.String() });

export const Day = Type.String({ format: 'date', description: '北京时间日期 YYYY-MM-DD' });

export const Specialty = Type.Enum(SPECIALTY_CODES, { description: '专项代码' });

export const Unprocessable = { 422: Type.Ref('ErrorResponse') };

export const RegionRef = Type.Object({ code: Type.String(), name: Type.String(), level: Type.Union([Type.Literal('province'), Type.Literal('city'), Type.Literal('county')]) });

export const Metrics = {
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

export const RangeQuery = Type.Object(
  { regionCode: Type.Optional(Type.String({ maxLength: 12, description: '辖区代码，缺省为本部门辖区' })), from: Day, to: Day },
  { additionalProperties: false },
);

export const FindingSchema = Type.Object(
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

export const DrawSummaryProps = {
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

export const DrawSummarySchema = Type.Object(DrawSummaryProps, { $id: 'RandomDrawSummary' });

export const DrawSchema = Type.Object(
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

export const CampaignSummaryProps = {
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

export const CampaignSummarySchema = Type.Object(CampaignSummaryProps, { $id: 'SpecialCampaignSummary' });

export const CampaignSchema = Type.Object(
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

export const FindingBody = {
  outcome: Type.Union([Type.Literal('compliant'), Type.Literal('problem')], { description: 'compliant 未发现问题 · problem 发现问题' }),
  note: Type.String({ minLength: 2, maxLength: 2000 }),
};

/** The shapes of this module that others reference by name (`$id`); added once at the app root. */
export const namedSchemas = [FindingSchema, DrawSummarySchema, DrawSchema, CampaignSummarySchema, CampaignSchema];

/**
 * The error `code`s this module's routes can answer with besides the platform-wide ones (PLATFORM_ERROR_CODES); every
 * route of the module lists them in /openapi.json as `x-error-codes`. src/kernel/http/error-codes.test.ts fails when the
 * module's code produces a code missing here.
 */
export const ERROR_CODES: readonly string[] = [
  'BATCH_NOT_IN_WORKLIST',
  'CAMPAIGN_CLOSED',
  'CAMPAIGN_NOT_FOUND',
  'CAMPAIGN_OTHER_DEPARTMENT',
  'DATE_INVALID',
  'DAY_IN_FUTURE',
  'FINDING_ALREADY_VIOLATION',
  'FINDING_INSPECTOR_ONLY',
  'FINDING_NOT_A_PROBLEM',
  'FINDING_NOT_FOUND',
  'INSPECTION_DEPARTMENT_ONLY',
  'INSPECTION_OFFICER_ONLY',
  'INSPECTOR_COUNT_TOO_LARGE',
  'INSPECTOR_NOT_IN_JURISDICTION',
  'INSPECTOR_POOL_DUPLICATE',
  'INSPECTOR_POOL_TOO_LARGE',
  'ITEM_NOT_DRAWN',
  'PERIOD_INVALID',
  'PERIOD_TOO_LONG',
  'POPULATION_TOO_LARGE',
  'RANDOM_DRAW_ALREADY_DRAWN',
  'RANDOM_DRAW_NOT_DRAWN',
  'RANDOM_DRAW_NOT_FOUND',
  'RANDOM_DRAW_OTHER_DEPARTMENT',
  'RECOMPUTE_REASON_REQUIRED',
  'REGION_NOT_FOUND',
  'WORKLIST_TOO_LARGE',
];
