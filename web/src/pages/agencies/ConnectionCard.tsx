import { CheckCircleFilled, CloseCircleFilled, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, isAbort } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { CONNECTION_ITEM_LABELS } from '../../labels.ts';
import type { Connection } from '../../types.ts';
import { getConnection } from './api.ts';

/**
 * 监管平台对接状态: computed by the server from the registries each time it is asked, shown as a big 已接入 / 未接入
 * and the checklist of what is in place and what is missing.
 */
export function ConnectionCard({ agencyId, version }: { agencyId: string; version: number }) {
  const [conn, setConn] = useState<Connection | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [again, setAgain] = useState(0);
  const reload = useCallback(() => setAgain((n) => n + 1), []);

  useEffect(() => {
    const ctl = new AbortController();
    setLoading(true);
    setError(null);
    getConnection(agencyId, ctl.signal)
      .then(setConn)
      .catch((e: unknown) => !isAbort(e) && setError(errorMessage(e)))
      .finally(() => !ctl.signal.aborted && setLoading(false));
    return () => ctl.abort();
  }, [agencyId, version, again]);

  return (
    <Card
      title="监管平台对接状态"
      extra={
        <Button icon={<ReloadOutlined />} onClick={reload} loading={loading && conn !== null}>
          重新检查
        </Button>
      }
      style={{ marginBottom: 16 }}
    >
      {error ? (
        <Alert type="error" showIcon title="对接状态加载失败" description={error} action={<Button onClick={reload}>重试</Button>} />
      ) : !conn ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : (
        <Flex gap={32} wrap align="flex-start">
          <div className={`connection-status ${conn.connected ? 'is-connected' : 'is-missing'}`} data-testid="connection-status">
            {conn.connected ? <CheckCircleFilled /> : <CloseCircleFilled />}
            <div className="connection-status-text">{conn.connected ? '已接入' : '未接入'}</div>
            <Typography.Text type="secondary" className="connection-status-note">
              {conn.connected ? '可以承接委托、开立检测批次和出具报告' : '未接入的机构不能被委托、开立检测批次或出具报告'}
            </Typography.Text>
          </div>
          <List
            className="connection-checklist"
            style={{ flex: 1, minWidth: 320 }}
            dataSource={conn.checklist}
            footer={<Typography.Text type="secondary">检查时间：{formatDateTime(conn.checkedAt)}（由平台根据登记数据实时计算）</Typography.Text>}
            renderItem={(c) => (
              <List.Item data-testid={`checklist-${c.item}`} data-ok={c.ok ? 'true' : 'false'}>
                <Flex gap={12} align="center" style={{ width: '100%' }}>
                  {c.ok ? <CheckCircleFilled style={{ color: '#52c41a', fontSize: 18 }} /> : <CloseCircleFilled style={{ color: '#ff4d4f', fontSize: 18 }} />}
                  <Typography.Text strong style={{ width: 190, flex: 'none' }}>
                    {CONNECTION_ITEM_LABELS[c.item]}
                  </Typography.Text>
                  <Typography.Text type={c.ok ? undefined : 'danger'} style={{ flex: 1 }}>
                    {c.message}
                  </Typography.Text>
                  {c.ok ? <Tag color="success">已具备</Tag> : <Tag color="error">缺项</Tag>}
                </Flex>
              </List.Item>
            )}
          />
        </Flex>
      )}
    </Card>
  );
}
