import { Alert, Flex, Tag, Typography } from 'antd';
import { formatDateTime } from '../../format.ts';
import type { WitnessRegistration } from '../../types.ts';

/**
 * A change's registration deadline (3 working days on the official calendar, with 调休) and whether it was met.
 * Where the period runs into a year whose holidays are not loaded yet, the date is provisional and said so.
 */
export function DeadlineInfo({ r }: { r: WitnessRegistration }) {
  if (!r.deadline) {
    return <Typography.Text type="secondary">首次登记，无变更登记期限</Typography.Text>;
  }
  const d = r.deadline;
  return (
    <Flex vertical gap={6} className="witness-deadline">
      <Flex gap={8} wrap align="center">
        {r.changedAt ? <span>变更发生：{formatDateTime(r.changedAt)}</span> : null}
        <span data-testid="due-date">
          应于 <Typography.Text strong>{d.dueDate}</Typography.Text> 前完成登记（变更后第 {d.workingDays} 个工作日{d.provisional ? '，暂定' : ''}）
        </span>
        {r.late === true ? (
          <Tag color="error" data-testid="late-flag">
            逾期登记
          </Tag>
        ) : r.late === false ? (
          <Tag color="success" data-testid="late-flag">
            按期登记
          </Tag>
        ) : null}
        {r.violationId ? <Tag color="volcano">已记录违规：见证变更逾期</Tag> : null}
      </Flex>
      {d.provisional ? (
        <Alert
          type="warning"
          showIcon
          className="provisional-warning"
          title={`截止日期为暂定：${d.uncoveredYears.join('、')} 年的法定节假日安排尚未加载，暂按周末休息推算；平台管理员加载该年度安排后以正式日历为准。`}
        />
      ) : null}
    </Flex>
  );
}
