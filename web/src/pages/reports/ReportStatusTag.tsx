import { Tag, Tooltip } from 'antd';
import { formatDateTime } from '../../format.ts';
import { REPORT_STATUS_COLORS, REPORT_STATUS_LABELS, type Report } from './api.ts';

export function ReportStatusTag({ report }: { report: Report }) {
  const tag = <Tag color={REPORT_STATUS_COLORS[report.status]}>{REPORT_STATUS_LABELS[report.status]}</Tag>;
  if (report.status === 'superseded' && report.supersededBy) return <Tooltip title={`${formatDateTime(report.supersededAt)} 由更正报告 ${report.supersededBy.reportNumber} 替代`}>{tag}</Tooltip>;
  if (report.status === 'revoked') return <Tooltip title={`${formatDateTime(report.revokedAt)} ${report.revokedByName ?? ''}撤销：${report.revokeReason ?? ''}`}>{tag}</Tooltip>;
  return tag;
}
