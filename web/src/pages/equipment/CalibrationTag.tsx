import { WarningFilled } from '@ant-design/icons';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { daysUntil, lastDayBefore } from '../../format.ts';
import { CALIBRATION_STATE_LABELS } from '../../labels.ts';
import type { Equipment } from '../../types.ts';

const COLORS = { valid: 'success', expiring: 'warning', not_in_force: 'error', none: 'default' } as const;

/** 检定/校准 status, with ⚠ when it runs out within the warning period (the API decides which). */
export function CalibrationStatus({ e }: { e: Pick<Equipment, 'calibrationState' | 'calibrationValidUntil' | 'calibrationWarning'> }) {
  const last = lastDayBefore(e.calibrationValidUntil);
  const left = e.calibrationValidUntil ? daysUntil(last) : null;
  return (
    <Space orientation="vertical" size={0}>
      <span>
        <Tag color={COLORS[e.calibrationState]}>{CALIBRATION_STATE_LABELS[e.calibrationState]}</Tag>
        {e.calibrationWarning ? (
          <Tooltip title="检定/校准证书将在 30 天内到期，到期后设备立即不能用于检测，请及时送检并登记新证书">
            <Typography.Text className="warning-text calibration-warning">
              <WarningFilled /> {left !== null && left >= 0 ? `${left} 天后到期` : '即将到期'}
            </Typography.Text>
          </Tooltip>
        ) : null}
      </span>
      {e.calibrationValidUntil ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          有效至 {last}
        </Typography.Text>
      ) : null}
    </Space>
  );
}
