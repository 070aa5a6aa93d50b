import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useMe } from '../../auth.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { OrganisationTypeTag, StatusTag } from '../../components/Tags.tsx';
import { formatDateTime, orDash } from '../../format.ts';
import { useFilteredList } from '../../hooks/useFilteredList.ts';
import { ORGANISATION_TYPE_LABELS } from '../../labels.ts';
import { can } from '../../nav.tsx';
import { ORGANISATION_TYPES, type Organisation } from '../../types.ts';
import { listOrganisations, type OrganisationFilters } from './api.ts';
import { NewOrganisationModal } from './NewOrganisationModal.tsx';
import { OrganisationDrawer } from './OrganisationDrawer.tsx';
import { OrganisationStatusButton } from './StatusButton.tsx';

export default function OrganisationsPage() {
  const me = useMe();
  const manage = can.manageOrganisations(me);
  const list = useFilteredList(listOrganisations, { q: '' } as OrganisationFilters);
  const { reload } = list;
  const [detailId, setDetailId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const columns: ColumnsType<Organisation> = [
    {
      title: '机构名称',
      dataIndex: 'name',
      minWidth: 220,
      render: (name: string, o) => (
        <Typography.Link onClick={() => setDetailId(o.id)} className="org-name">
          {name}
        </Typography.Link>
      ),
    },
    { title: '类型', dataIndex: 'type', width: 110, render: (_: unknown, o) => <OrganisationTypeTag type={o.type} /> },
    { title: '统一社会信用代码', dataIndex: 'uscc', width: 200, render: (v: string | null) => orDash(v) },
    { title: '所在地区', dataIndex: 'regionName', width: 140, className: 'col-region' },
    { title: '状态', dataIndex: 'status', width: 90, render: (_: unknown, o) => <StatusTag status={o.status} /> },
    { title: '登记时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: '操作',
      key: 'actions',
      width: manage ? 120 : 70,
      fixed: 'right',
      render: (_: unknown, o) => (
        <Space size="middle">
          <Typography.Link onClick={() => setDetailId(o.id)}>详情</Typography.Link>
          {manage ? <OrganisationStatusButton org={o} size="small" onDone={reload} /> : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <ListPage<Organisation, OrganisationFilters>
        list={list}
        title="机构管理"
        description={
          manage
            ? '登记和维护平台上的检测机构、建设单位、监理单位、施工单位和住建部门。'
            : `查看${me.jurisdiction ? `${me.jurisdiction.name}辖区内` : ''}的机构信息（只读）。`
        }
        extra={
          manage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建机构
            </Button>
          ) : null
        }
        search={{ field: 'q', placeholder: '名称或统一社会信用代码', width: 320 }}
        filters={
          <>
            <Select
              placeholder="机构类型"
              allowClear
              style={{ width: 160 }}
              value={list.filters.type}
              onChange={(type) => list.set({ type })}
              options={ORGANISATION_TYPES.map((t) => ({ value: t, label: ORGANISATION_TYPE_LABELS[t] }))}
            />
            <RegionTreeSelect
              placeholder="所在地区"
              style={{ width: 220 }}
              rootCode={me.jurisdiction?.code}
              value={list.filters.regionCode}
              onChange={(regionCode) => list.set({ regionCode })}
            />
          </>
        }
        errorTitle="机构列表加载失败"
        empty="暂无机构"
        emptyFiltered="没有符合条件的机构"
        total={(t) => `共 ${t} 个机构`}
        table={{ rowKey: 'id', columns, scroll: { x: 1100 } }}
      />
      <OrganisationDrawer id={detailId} canManage={manage} onClose={() => setDetailId(null)} onChanged={reload} />
      <NewOrganisationModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          list.reset();
          reload();
        }}
      />
    </>
  );
}
