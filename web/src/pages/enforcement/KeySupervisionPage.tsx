import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { errorMessage, isAbort } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../format.ts';
import { exportKeySupervision, listKeySupervision, type KeySupervisionEntry } from './api.ts';

/** 重点监管名单: everyone above the first rung of the ladder, with reason, since when and the rule for leaving. */
export default function KeySupervisionPage() {
  const me = useMe();
  const { message } = App.useApp();
  const [items, setItems] = useState<KeySupervisionEntry[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const ctl = new AbortController();
    setLoading(true);
    setError(null);
    listKeySupervision(ctl.signal)
      .then((r) => setItems(r.items))
      .catch((e: unknown) => {
        if (!isAbort(e)) setError(errorMessage(e));
      })
      .finally(() => {
        if (!ctl.signal.aborted) setLoading(false);
      });
    return () => ctl.abort();
  }, [version]);

  const onExport = async () => {
    setExporting(true);
    try {
      const { filename } = await exportKeySupervision();
      message.success(`已导出 ${filename}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<KeySupervisionEntry> = [
    { title: '单位', key: 'org', render: (_: unknown, e) => e.organisation.name },
    { title: '单位类型', key: 'type', width: 100, render: (_: unknown, e) => e.organisation.typeLabel },
    { title: '所在地', key: 'region', width: 110, render: (_: unknown, e) => e.organisation.regionName },
    { title: '处置级别', dataIndex: 'rungLabel', width: 100, render: (_: unknown, e) => <Tag color={e.rung === 'penalty' ? 'red' : 'orange'}>{e.rungLabel}</Tag> },
    { title: '列入原因', key: 'reasons', render: (_: unknown, e) => e.reasons.join('；') },
    { title: '列入时间', dataIndex: 'since', width: 170, render: (v: string) => formatDateTime(v) },
    { title: '预计移出', dataIndex: 'leavesAt', width: 170, render: (v: string | null) => (v ? formatDateTime(v) : '案件未办结') },
    { title: '本年度违规', dataIndex: 'violationsThisYear', width: 100 },
  ];

  return (
    <>
      <PageHeader
        title="重点监管名单"
        description={`${me.jurisdiction ? `${me.jurisdiction.name}辖区内` : '全省'}处于限期整改、行政处罚级别的单位。`}
        extra={
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void onExport()}>
            导出 Excel
          </Button>
        }
      />
      <Card>
        {items[0] ? (
          <Typography.Paragraph type="secondary">移出规则：{items[0].leaveRule}。</Typography.Paragraph>
        ) : null}
        {error ? <Alert type="error" showIcon title="名单加载失败" description={error} style={{ marginBottom: 16 }} action={<Button onClick={() => setVersion((v) => v + 1)}>重试</Button>} /> : null}
        <Table<KeySupervisionEntry>
          rowKey={(e) => e.organisation.id}
          columns={columns}
          dataSource={items}
          loading={loading}
          scroll={{ x: 1100 }}
          locale={{ emptyText: <Empty description="名单为空" /> }}
          pagination={{ pageSize: 50, showTotal: (t) => `共 ${t} 家` }}
        />
      </Card>
    </>
  );
}
