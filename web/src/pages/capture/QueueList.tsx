import { CloudUploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, List, Progress, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { formatDateTime } from '../../format.ts';
import { useNow } from '../batches/Countdown.tsx';
import { queueRisk } from './rules.ts';
import type { QueuedCapture } from './store.ts';

const STATE: Record<QueuedCapture['state'], { label: string; color: string }> = {
  waiting: { label: '待上传', color: 'default' },
  uploading: { label: '上传中', color: 'processing' },
  done: { label: '已上传', color: 'success' },
  failed: { label: '被拒绝', color: 'error' },
};

/** A thumbnail of the queued JPEG (blob: URL, allowed by the CSP's img-src), released when the row goes. */
function Thumb({ blob }: { blob: Blob }) {
  const url = useMemo(() => URL.createObjectURL(blob), [blob]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return <img src={url} alt="" className="capture-thumb" />;
}

/** 上传队列: every photo taken on this phone, in order, with its upload progress, its state and its deadline risk. */
export function QueueList({ items, progress, online, onRetry }: { items: QueuedCapture[]; progress: Record<string, number>; online: boolean; onRetry: (q: QueuedCapture) => void }) {
  // Re-rendered every 15 s so that the risk of each photo follows the clock.
  useNow(15_000);
  const now = new Date().getTime();
  const pending = items.filter((q) => q.state !== 'done');
  const atRisk = pending.filter((q) => queueRisk(q, now).level !== 'ok');
  return (
    <Card
      size="small"
      className="capture-queue"
      title={
        <Space wrap>
          <CloudUploadOutlined />
          上传队列
          <Tag data-testid="queue-pending">{pending.length} 张待上传</Tag>
          {online ? null : <Tag color="warning">离线：联网后自动上传</Tag>}
        </Space>
      }
    >
      {atRisk.length > 0 ? <Alert type="warning" showIcon title={`${atRisk.length} 张照片可能赶不上上传时限，请尽快到有网络的地方`} style={{ marginBottom: 8 }} data-testid="queue-at-risk" /> : null}
      {items.length === 0 ? (
        <Empty description="尚未拍摄" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          dataSource={[...items].sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0))}
          renderItem={(q) => {
            const risk = queueRisk(q, now);
            const fraction = q.state === 'done' ? 1 : (progress[q.id] ?? 0);
            return (
              <List.Item className="capture-queue-item" data-state={q.state} data-code={q.code}>
                <Space align="start" style={{ width: '100%' }}>
                  <Thumb blob={q.jpeg} />
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Space wrap size={4}>
                      <Tag color={STATE[q.state].color} className="queue-state">{STATE[q.state].label}</Tag>
                      <Typography.Text className="mono">{q.code}</Typography.Text>
                      {risk.level !== 'ok' ? <Tag color={risk.level === 'overdue' ? 'error' : 'warning'}>{risk.reason}</Tag> : null}
                    </Space>
                    <div className="muted">
                      {q.batchNumber} · {q.componentLabel}
                    </div>
                    <div className="muted">拍摄 {formatDateTime(q.capturedAt)}{q.uploadedAt ? ` · 上传 ${formatDateTime(q.uploadedAt)}` : ''}</div>
                    <Progress percent={Math.round(fraction * 100)} size="small" status={q.state === 'failed' ? 'exception' : q.state === 'done' ? 'success' : 'active'} className="queue-progress" />
                    {q.error ? <Typography.Text type={q.state === 'failed' ? 'danger' : 'secondary'}>{q.error}</Typography.Text> : null}
                    {q.state === 'failed' ? (
                      <Button size="small" onClick={() => onRetry(q)}>
                        重试
                      </Button>
                    ) : null}
                  </div>
                </Space>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
