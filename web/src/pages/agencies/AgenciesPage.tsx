import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Spin, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../../auth.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { StatusTag } from '../../components/Tags.tsx';
import { useFilteredList } from '../../hooks/useFilteredList.ts';
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
  const list = useFilteredList(listAgencies, { q: '' } as AgencyFilters);

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
      <ListPage<Organisation, AgencyFilters>
        list={list}
        title="机构接入"
        description={`${me.jurisdiction ? `${me.jurisdiction.name}辖区内` : '全省'}检测机构的监管平台对接情况：资质、设备、人员登记与核验。`}
        search={{ field: 'q', placeholder: '机构名称或统一社会信用代码', width: 320 }}
        filters={
          <RegionTreeSelect
            placeholder="所在地区"
            style={{ width: 220 }}
            rootCode={me.jurisdiction?.code}
            value={list.filters.regionCode}
            onChange={(regionCode) => list.set({ regionCode })}
          />
        }
        errorTitle="检测机构加载失败"
        empty="辖区内暂无检测机构"
        emptyFiltered="没有符合条件的检测机构"
        total={(t) => `共 ${t} 家检测机构`}
        pageSizeOptions={[10, 20, 50]}
        table={{ rowKey: 'id', columns, scroll: { x: 1000 } }}
      />
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
