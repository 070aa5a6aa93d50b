import { Type, type TSchema } from 'typebox';
import { DateTime } from '../../kernel/http/schemas.ts';
import { REPORT_REASON_MAX_LENGTH, REPORT_REASON_MIN_LENGTH } from '../../kernel/policy.ts';
import { REPORT_STATUSES } from './rules/content.ts';

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const Id = Type.String({ format: 'uuid' });

export const Ref = Type.Object({ id: Id, name: Type.String() });

export const Hex64 = Type.String({ pattern: '^[0-9a-f]{64}$' });

export const Status = Type.Enum(REPORT_STATUSES, { description: 'valid 有效 · superseded 已被更正报告替代 · revoked 已撤销' });

export const Summary = Type.Object({ records: Type.Integer(), pass: Type.Integer(), fail: Type.Integer(), undetermined: Type.Integer({ description: '原始记录不含评定结论，平台不判定' }) });

export const SummaryProps = {
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

export const ReportSummarySchema = Type.Object(SummaryProps, { $id: 'ReportSummary' });

export const ReportDetailSchema = Type.Object(
  { ...SummaryProps, content: Type.Record(Type.String(), Type.Unknown(), { description: '报告内容（PDF 所载数据；contentSha256 为其 RFC 8785 规范形式的 SHA-256）' }) },
  { $id: 'ReportDetail' },
);

export const PublicVerificationSchema = Type.Object({
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

export const Reason = Type.Object({ reason: Type.String({ minLength: REPORT_REASON_MIN_LENGTH, maxLength: REPORT_REASON_MAX_LENGTH }) }, { additionalProperties: false });

/** The shapes of this module that others reference by name (`$id`); added once at the app root. */
export const namedSchemas = [ReportSummarySchema, ReportDetailSchema];

/**
 * The error `code`s this module's routes can answer with besides the platform-wide ones (PLATFORM_ERROR_CODES); every
 * route of the module lists them in /openapi.json as `x-error-codes`. src/kernel/http/error-codes.test.ts fails when the
 * module's code produces a code missing here.
 */
export const ERROR_CODES: readonly string[] = [
  'AGENCY_NOT_CONNECTED',
  'AGENCY_USCC_MISSING',
  'BATCH_ALREADY_REPORTED',
  'BATCH_NOT_REVIEWED',
  'BATCH_NOT_SEALED',
  'FONT_MISSING',
  'REASON_REQUIRED',
  'REPORT_NOT_FOUND',
  'REPORT_NOT_VALID',
  'REPORT_NOT_VERIFIED',
  'REPORT_NUMBERS_EXHAUSTED',
  'REPORT_REVOKED',
  'REPORT_REVOKE_FORBIDDEN',
  'REPORT_SIGNATORY_NOT_REGISTERED',
  'REPORT_SIGNATORY_REQUIRED',
  'REPORT_SUPERSEDED',
];
