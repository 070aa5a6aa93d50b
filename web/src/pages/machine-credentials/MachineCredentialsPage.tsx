import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Popconfirm, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../format.ts';
import type { MachineCredential } from '../../types.ts';
import { listCredentials, revokeCredential } from './api.ts';
import { NewCredentialModal } from './NewCredentialModal.tsx';
import { SecretModal } from './SecretModal.tsx';

function RevokeButton({ credential, onDone }: { credential: MachineCredential; onDone: () => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await revokeCredential(credential.id);
      message.success(`已吊销凭证「${credential.name}」`);
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popconfirm
      title="确定吊销该凭证？"
      description="吊销立即生效，使用该凭证的系统将无法再调用平台接口，且不能恢复。"
      okText="吊销"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      onConfirm={run}
    >
      <Button type="link" size="small" danger loading={busy} style={{ padding: 0 }}>
        吊销
      </Button>
    </Popconfirm>
  );
}

export default function MachineCredentialsPage() {
  const me = useMe();
  const [items, setItems] = useState<MachineCredential[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ credential: MachineCredential; secret: string } | null>(null);

  const load = useCallback(() => {
    setLoading(true);
    setError(null);
    listCredentials()
      .then(setItems)
      .catch((e: unknown) => setError(errorMessage(e)))
      .finally(() => setLoading(false));
  }, []);
  useEffect(load, [load]);

  const columns: ColumnsType<MachineCredential> = [
    { title: '凭证名称', dataIndex: 'name' },
    { title: '密钥编号', dataIndex: 'keyId', width: 190, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: '创建人', dataIndex: 'createdByName', width: 110 },
    { title: '创建时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
    { title: '最近使用', dataIndex: 'lastUsedAt', width: 170, render: (v: string | null) => (v ? formatDateTime(v) : '尚未使用') },
    {
      title: '状态',
      key: 'status',
      width: 200,
      render: (_: unknown, c) => (c.revokedAt ? <Tag>已吊销（{formatDateTime(c.revokedAt)}）</Tag> : <Tag color="success">有效</Tag>),
    },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_: unknown, c) => (c.revokedAt ? <Typography.Text type="secondary">—</Typography.Text> : <RevokeButton credential={c} onDone={load} />),
    },
  ];

  return (
    <>
      <PageHeader
        title="接口凭证"
        description={`${me.organisation?.name ?? '本机构'}的业务系统（LIMS）和自动采集设备通过接口凭证向平台推送检测数据和影像。每个系统使用单独的凭证，不再使用时请及时吊销。`}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建凭证
          </Button>
        }
      />
      <Card>
        {error ? <Alert type="error" showIcon title="凭证列表加载失败" description={error} style={{ marginBottom: 16 }} action={<Button onClick={load}>重试</Button>} /> : null}
        <Table<MachineCredential>
          rowKey="id"
          columns={columns}
          dataSource={items}
          loading={loading}
          scroll={{ x: 1000 }}
          pagination={items.length > 20 ? { pageSize: 20, showTotal: (t) => `共 ${t} 个凭证` } : false}
          locale={{ emptyText: <Empty description="尚未创建接口凭证" /> }}
        />
      </Card>
      <NewCredentialModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(credential, secret) => {
          setCreating(false);
          setCreated({ credential, secret });
          load();
        }}
      />
      <SecretModal created={created} onClose={() => setCreated(null)} />
    </>
  );
}
