import type { CaseOutcome, CaseRung, CaseStatus, LadderReason } from '../violations/index.ts';

/** What a person reads for the ladder's codes (console, exports). */
export const RUNG_LABELS: Record<CaseRung, string> = { interview: '约谈提醒', rectification: '限期整改', penalty: '行政处罚' };

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  proposed: '平台建议（待确认）',
  confirmed: '已确认（处置中）',
  report_submitted: '已提交整改报告',
  closed: '已办结',
  dismissed: '不予处置',
  superseded: '已被更高级别建议取代',
};

export const OUTCOME_LABELS: Record<CaseOutcome, string> = { held: '已约谈', accepted: '整改合格', rejected: '整改不合格', decided: '已作出处罚决定' };

export const REASON_LABELS: Record<LadderReason, string> = {
  first_minor_violation: '首次轻微违规',
  violations_reached_rectification: '年度累计违规达2次',
  supplementary_uploads_exceeded: '年度补传超过1次',
  violations_reached_penalty: '年度累计违规达3次（多次违规）',
  serious_violation: '严重违规',
  rectification_overdue: '逾期未完成整改',
  rectification_rejected: '整改不合格',
};

export const reasonLabel = (r: string): string => (REASON_LABELS as Record<string, string>)[r] ?? r;

/** The leave rule of the 重点监管名单 in words (policy KEY_SUPERVISION_CLEAR_MONTHS). */
export const KEY_SUPERVISION_LEAVE_RULE = (months: number) =>
  `限期整改、行政处罚案件全部办结，且自最后一次办结和最后一次违规起满${months}个月无新的违规，自动移出名单`;
