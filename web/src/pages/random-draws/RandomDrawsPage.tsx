import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useMe } from '../../auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../format.ts';
import { usePagedList } from '../../hooks/usePagedList.ts';
import { listDraws, type DrawSummary } from './api.ts';
import { DrawDrawer } from './DrawDrawer.tsx';
import { NewDrawModal } from './NewDrawModal.tsx';

const NO_FILTERS = {};

/** 随机抽查（双随机）: publish a seeded draw over a filtered population, draw, verify, record findings. */
export default function RandomDrawsPage() {
  const me = useMe();
  const { data, loading, error, page, pageSize, onChange, reload } = usePagedList(listDraws, NO_FILTERS);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const officer = me.roles.includes('dept_officer');

  const columns: ColumnsType<DrawSummary> = [
    { title: '抽查名称', dataIndex: 'title', render: (t: string, d) => <Typography.Link onClick={() => setOpenId(d.id)}>{t}</Typography.Link> },
    { title: '范围', dataIndex: 'regionName', width: 110 },
    { title: '对象', dataIndex: 'kind', width: 90, render: (k: DrawSummary['kind']) => (k === 'batches' ? '检测批次' : '检测机构') },
    { title: '总体/抽取', key: 'n', width: 100, render: (_: unknown, d) => `${d.populationSize} / ${Math.min(d.sampleSize, d.populationSize)}` },
    { title: '状态', dataIndex: 'status', width: 110, render: (s: DrawSummary['status']) => (s === 'drawn' ? <Tag color="green">已抽取</Tag> : <Tag color="blue">已公示种子</Tag>) },
    { title: '发布部门', key: 'dep', width: 220, render: (_: unknown, d) => d.department.name },
    { title: '公示时间', dataIndex: 'publishedAt', width: 170, render: (v: string) => formatDateTime(v) },
  ];

  return (
    <>
      <PageHeader
        title="随机抽查"
        description="“双随机”：从筛选出的抽查总体中随机抽取检测批次或机构，并随机抽取检查人员。随机种子在抽取前由平台生成并公示，任何人可用同一种子与总体重新计算、得到相同结果。"
        extra={
          officer ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              发布随机抽查
            </Button>
          ) : null
        }
      />
      <Card>
        {error ? <Alert type="error" showIcon title="随机抽查加载失败" description={error} style={{ marginBottom: 16 }} action={<Button onClick={reload}>重试</Button>} /> : null}
        <Table<DrawSummary>
          rowKey="id"
          columns={columns}
          dataSource={data.items}
          loading={loading}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <Empty description="暂无随机抽查" /> }}
          pagination={{ current: page, pageSize, total: data.total, showTotal: (t) => `共 ${t} 次`, onChange }}
        />
      </Card>
      <NewDrawModal
        open={creating}
        onClose={() => setCreating(false)}
        onPublished={(d) => {
          setCreating(false);
          reload();
          setOpenId(d.id);
        }}
      />
      <DrawDrawer id={openId} onClose={() => setOpenId(null)} onChanged={reload} />
    </>
  );
}
