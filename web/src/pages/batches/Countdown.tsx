import { ClockCircleOutlined, LockOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { DEADLINE_WARNING_BEFORE_MS } from '../../../../src/kernel/policy.ts';
import { formatDateTime } from '../../format.ts';
import type { DeadlineView } from './api.ts';

/**
 * A monotonic reading of this browser's clock (performance.now), ticking every `ms`: the countdowns measure the time
 * elapsed since their data was fetched, which a change of the computer's wall clock does not disturb.
 */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(performance.now()), ms);
    return () => window.clearInterval(t);
  }, [ms]);
  return now;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 01:23:45 (hours may pass 24). */
export function formatDuration(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/**
 * The time left to the upload deadline, ticking every second. It counts down from the server's `remainingMs` at the
 * moment the data was fetched (`fetchedAt`, a performance.now() reading), so a browser whose clock is off still shows the
 * platform's time left. Normal, warning (within DEADLINE_WARNING_BEFORE_MS) and overdue are coloured; no completion
 * declared yet reads 未申报完成; a locked batch says so beside.
 */
export function Countdown({ deadline, locked, fetchedAt }: { deadline: DeadlineView; locked: boolean; fetchedAt: number }) {
  const now = useNow();
  const lock = locked ? (
    <Tag color="red" icon={<LockOutlined />} className="batch-locked">
      已锁定
    </Tag>
  ) : null;
  let body: React.ReactNode;
  if (deadline.state === 'open') {
    body = <Tag className="countdown countdown-open">未申报完成</Tag>;
  } else if (deadline.state === 'suspended') {
    body = <Tag color="gold">不可抗力报备 · 暂停计时</Tag>;
  } else if (deadline.remainingMs === null) {
    body =
      deadline.sealedOnTime === false ? (
        <Tag color="error" className="countdown countdown-sealed-late">
          超时封存
        </Tag>
      ) : (
        <Tag color="success" className="countdown countdown-sealed">
          按时封存
        </Tag>
      );
  } else {
    const left = deadline.remainingMs - (now - fetchedAt);
    const overdue = left < 0;
    const warning = !overdue && left <= DEADLINE_WARNING_BEFORE_MS;
    body = (
      <Tooltip title={`上传截止：${formatDateTime(deadline.deadline)}`}>
        <Tag
          color={overdue ? 'error' : warning ? 'warning' : 'processing'}
          icon={<ClockCircleOutlined />}
          className={`countdown mono ${overdue ? 'countdown-overdue' : warning ? 'countdown-warning' : 'countdown-normal'}`}
          data-testid="countdown"
        >
          {overdue ? `已超时 ${formatDuration(left)}` : `剩余 ${formatDuration(left)}`}
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Space size={0} wrap>
      {body}
      {lock}
    </Space>
  );
}
