import { Alert, App, Badge, Button, Card, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage, isAbort } from '../../api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../format.ts';
import { usePagedList } from '../../hooks/usePagedList.ts';
import { listNotifications, markAllRead, markRead, unreadCount, type Notification } from './api.ts';
import { READ_EVENT } from './NotificationBell.tsx';

type Filter = { unread?: boolean };
const ALL: Filter = {};
const UNREAD: Filter = { unread: true };

/** 通知: the signed-in person's notices — deadlines approaching, locks, filings to decide and decided, unlocks. */
export default function NotificationsPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<Filter>(ALL);
  const { data, loading, error, page, pageSize, onChange, reload } = usePagedList(
    useCallback((f: Filter, p: number, s: number, signal: AbortSignal) => listNotifications(f, p, s, signal), []),
    filter,
  );
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    const ctl = new AbortController();
    unreadCount(ctl.signal)
      .then((r) => setUnread(r.unread))
      .catch((e: unknown) => {
        if (!isAbort(e)) setUnread(0);
      });
    return () => ctl.abort();
  }, [data]);

  const read = async (n: Notification) => {
    try {
      if (!n.readAt) await markRead(n.id);
      window.dispatchEvent(new Event(READ_EVENT));
      if (n.batchId) navigate('/force-majeure', { state: { batchId: n.batchId } });
      else reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const readAll = async () => {
    try {
      await markAllRead();
      window.dispatchEvent(new Event(READ_EVENT));
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <PageHeader title="通知" description="上传时限临近、批次锁定与解锁、不可抗力报备的提交与审核结果。" extra={<Button onClick={readAll} disabled={unread === 0}>全部标为已读</Button>} />
      <Card>
        <Space style={{ marginBottom: 16 }}>
          <Segmented
            options={[
              { label: '全部', value: 'all' },
              { label: `未读（${unread}）`, value: 'unread' },
            ]}
            value={filter === UNREAD ? 'unread' : 'all'}
            onChange={(v) => setFilter(v === 'unread' ? UNREAD : ALL)}
          />
        </Space>
        {error ? <Alert type="error" showIcon title="通知加载失败" description={error} action={<Button onClick={reload}>重试</Button>} /> : null}
        <List<Notification>
          loading={loading}
          dataSource={data.items}
          locale={{ emptyText: <Empty description="暂无通知" /> }}
          pagination={{ current: page, pageSize, total: data.total, onChange, showTotal: (t) => `共 ${t} 条` }}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              data-testid="notification-item"
              actions={[
                <Button key="open" type="link" onClick={() => read(n)}>
                  {n.batchId ? '查看' : '标为已读'}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space>
                    {n.readAt ? null : <Badge status="processing" />}
                    <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                    <Tag>{n.kindLabel}</Tag>
                  </Space>
                }
                description={
                  <>
                    <div>{n.body}</div>
                    <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
