import { Type } from 'typebox';
import { ORGANISATION_TYPES } from '../../kernel/auth/actor.ts';
import { commonErrors, DateTime, NullableDateTime } from '../../kernel/http/schemas.ts';

export const RUNGS = ['interview', 'rectification', 'penalty'] as const;
export const STATUSES = ['proposed', 'confirmed', 'report_submitted', 'closed', 'dismissed', 'superseded'] as const;

export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const Org = Type.Object({ id: Type.String(), name: Type.String(), type: Type.Enum(ORGANISATION_TYPES), regionCode: Type.String() });

export const OrgWithLabels = Type.Object({ id: Type.String(), name: Type.String(), type: Type.Enum(ORGANISATION_TYPES), typeLabel: Type.String(), regionCode: Type.String(), regionName: Type.String() });

export const RowVersion = Type.Optional(Type.Integer({ minimum: 1, description: '案件版本（并发保护；可省略）' }));

export const CaseSchema = Type.Object(
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

export const CaseDetail = Type.Object({
  ...CaseSchema.properties,
  events: Type.Array(Type.Object({ at: DateTime, event: Type.String(), actorName: Nullable(Type.String()), details: Type.Record(Type.String(), Type.Unknown()) })),
});

export const KeyEntry = Type.Object({
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

export const FraudReportSchema = Type.Object(
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

export const YearQuery = Type.Optional(Type.Integer({ minimum: 2000, maximum: 2200, description: '年度（北京时间日历年；默认今年）' }));

export const errors = { ...commonErrors, 422: Type.Ref('ErrorResponse') };

/** The shapes of this module that others reference by name (`$id`); added once at the app root. */
export const namedSchemas = [CaseSchema, FraudReportSchema];

/**
 * The error `code`s this module's routes can answer with besides the platform-wide ones (PLATFORM_ERROR_CODES); every
 * route of the module lists them in /openapi.json as `x-error-codes`. src/kernel/http/error-codes.test.ts fails when the
 * module's code produces a code missing here.
 */
export const ERROR_CODES: readonly string[] = [
  'CASE_CHANGED',
  'CASE_NOT_CONFIRMED',
  'CASE_NOT_FOUND',
  'CASE_NOT_HANDLED_HERE',
  'CASE_NOT_PROPOSED',
  'CASE_RUNG_MISMATCH',
  'DECISION_NOTE_REQUIRED',
  'DECISION_NUMBER_REQUIRED',
  'DECISION_NUMBER_TAKEN',
  'DISMISS_REASON_REQUIRED',
  'FRAUD_REPORT_HANDLED',
  'FRAUD_REPORT_NOT_FOUND',
  'HANDLING_NOTE_REQUIRED',
  'INTERVIEW_ATTENDEES_REQUIRED',
  'INTERVIEW_BEFORE_CONFIRMATION',
  'INTERVIEW_IN_FUTURE',
  'INTERVIEW_MINUTES_REQUIRED',
  'OCCURRED_IN_FUTURE',
  'ORGANISATION_UNKNOWN',
  'PENALTY_CONTENT_REQUIRED',
  'PROJECT_NOT_FOUND',
  'RECTIFICATION_DAYS_INVALID',
  'REPORT_DESCRIPTION_LENGTH',
  'REPORT_FORBIDDEN',
  'REPORT_NOT_EXPECTED',
  'REPORT_NOT_SUBMITTED',
  'REPORT_TEXT_REQUIRED',
  'TOO_MANY_ATTACHMENTS',
];
