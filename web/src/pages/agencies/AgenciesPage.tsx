import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Input, Spin, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../../auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { StatusTag } from '../../components/Tags.tsx';
import { usePagedList } from '../../hooks/usePagedList.ts';
import { ownAgencyId } from '../../nav.tsx';
import type { Connection, Organisation } from '../../types.ts';
import { getConnection, listAgencies, type AgencyFilters } from './api.ts';
import { AgencyView } from './AgencyView.tsx';

/** One row's 已接入 / 未接入, fetched for the rows on screen. */
function ConnectionCell({ agencyId }: { agencyId: string }) {
  const [conn, setConn] = useState<Connection | null | 'error'>(null);
  useEffect(() => {
    const ctl = new AbortController();
    getConnection(agencyId, ctl.signal)
      .then(setConn)
      .catch(() => !ctl.signal.aborted && setConn('error'));
    return () => ctl.abort();
  }, [agencyId]);
  if (conn === null) return <Spin size="small" />;
  if (conn === 'error') return <Typography.Text type="secondary">—</Typography.Text>;
  const missing = conn.checklist.filter((c) => !c.ok);
  return conn.connected ? (
    <Tag color="success" icon={<CheckCircleFilled />}>
      已接入
    </Tag>
  ) : (
    <span title={missing.map((c) => c.message).join('；')}>
      <Tag color="error" icon={<CloseCircleFilled />}>
        未接入
      </Tag>
      <Typography.Text type="secondary">缺 {missing.length} 项</Typography.Text>
    </span>
  );
}

/** An officer's list of the agencies in their jurisdiction (the platform administrator: all). */
function AgencyList() {
  const me = useMe();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<AgencyFilters>({ q: '' });
  const [qInput, setQInput] = useState('');
  const { data, loading, error, page, pageSize, onChange, reload } = usePagedList(listAgencies, filters);
  const filtered = filters.q !== '' || filters.regionCode !== undefined;

  const columns: ColumnsType<Organisation> = [
    {
      title: '检测机构',
      dataIndex: 'name',
      render: (name: string, o) => (
        <Typography.Link className="agency-name" onClick={() => navigate(`/agencies/${o.id}`)}>
          {name}
        </Typography.Link>
      ),
    },
    { title: '统一社会信用代码', dataIndex: 'uscc', width: 200, render: (v: string | null) => v ?? '—' },
    { title: '所在地区', dataIndex: 'regionName', width: 140 },
    { title: '账号状态', dataIndex: 'status', width: 100, render: (_: unknown, o) => <StatusTag status={o.status} /> },
    { title: '对接状态', key: 'connection', width: 170, render: (_: unknown, o) => <ConnectionCell agencyId={o.id} /> },
    { title: '操作', key: 'actions', width: 130, render: (_: unknown, o) => <Typography.Link onClick={() => navigate(`/agencies/${o.id}`)}>查看接入情况</Typography.Link> },
  ];

  return (
    <>
      <PageHeader
        title="机构接入"
        description={`${me.jurisdiction ? `${me.jurisdiction.name}辖区内` : '全省'}检测机构的监管平台对接情况：资质、设备、人员登记与核验。`}
      />
      <Card>
        <Flex gap={12} wrap className="filter-bar">
          <Input.Search
            placeholder="机构名称或统一社会信用代码"
            allowClear
            value={qInput}
            onChange={(e) => {
              setQInput(e.target.value);
              if (e.target.value === '') setFilters((f) => ({ ...f, q: '' }));
            }}
            onSearch={(v) => setFilters((f) => ({ ...f, q: v }))}
            enterButton="查询"
            style={{ width: 320 }}
          />
          <RegionTreeSelect
            placeholder="所在地区"
            style={{ width: 220 }}
            rootCode={me.jurisdiction?.code}
            value={filters.regionCode}
            onChange={(regionCode) => setFilters((f) => ({ ...f, regionCode }))}
          />
          {filtered ? (
            <Button
              onClick={() => {
                setQInput('');
                setFilters({ q: '' });
              }}
            >
              重置
            </Button>
          ) : null}
        </Flex>
        {error ? <Alert type="error" showIcon title="检测机构加载失败" description={error} style={{ marginBottom: 16 }} action={<Button onClick={reload}>重试</Button>} /> : null}
        <Table<Organisation>
          rowKey="id"
          columns={columns}
          dataSource={data.items}
          loading={loading}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <Empty description={filtered ? '没有符合条件的检测机构' : '辖区内暂无检测机构'} /> }}
          pagination={{ current: page, pageSize, total: data.total, showSizeChanger: true, pageSizeOptions: [10, 20, 50], showTotal: (t) => `共 ${t} 家检测机构`, onChange }}
        />
      </Card>
    </>
  );
}

/** /agencies — an agency's own connection page, or an officer's list of agencies. */
export default function AgenciesPage() {
  const me = useMe();
  const own = ownAgencyId(me);
  if (!own) return <AgencyList />;
  return (
    <>
      <PageHeader title="机构接入" description={`${me.organisation?.name ?? '本机构'}接入监管平台的条件：机构来源、资质证书、检测设备、检测人员。对接状态由平台实时计算，不能手工填写。`} />
      <AgencyView agencyId={own} />
    </>
  );
}
