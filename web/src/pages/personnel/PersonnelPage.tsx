import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useMe } from '../../auth.tsx';
import { OrganisationSelect } from '../../components/OrganisationSelect.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { SpecialtyTags } from '../../components/Tags.tsx';
import { useFilteredList } from '../../hooks/useFilteredList.ts';
import { PERSONNEL_ROLE_LABELS, PERSONNEL_ROLE_OPTIONS } from '../../labels.ts';
import { can, ownAgencyId } from '../../nav.tsx';
import type { Person } from '../../types.ts';
import { listPersonnel, type PersonnelFilters } from './api.ts';
import { NewPersonModal } from './NewPersonModal.tsx';
import { PersonDrawer, PersonStatusTag } from './PersonDrawer.tsx';

export default function PersonnelPage() {
  const me = useMe();
  const own = ownAgencyId(me);
  const mayRegister = own ? can.manageAgency(me, own) : me.roles.includes('platform_admin');
  const list = useFilteredList(listPersonnel, { q: '', status: 'active' } as PersonnelFilters);
  const { reload } = list;
  const [detailId, setDetailId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const columns: ColumnsType<Person> = [
    {
      title: '姓名',
      dataIndex: 'name',
      width: 110,
      render: (v: string, p) => (
        <Typography.Link className="person-name" onClick={() => setDetailId(p.id)}>
          {v}
        </Typography.Link>
      ),
    },
    { title: '身份证号', dataIndex: 'residentIdMasked', width: 200, className: 'col-resident-id', render: (v: string) => <span className="mono">{v}</span> },
    ...(own ? [] : [{ title: '所属机构', dataIndex: 'agencyName', width: 220 }]),
    {
      title: '岗位',
      dataIndex: 'roles',
      width: 200,
      render: (_: unknown, p: Person) => (
        <span className="tag-list">
          {p.roles.map((r) => (
            <Tag key={r}>{PERSONNEL_ROLE_LABELS[r]}</Tag>
          ))}
        </span>
      ),
    },
    { title: '持证专项', dataIndex: 'certifiedSpecialties', render: (_: unknown, p: Person) => <SpecialtyTags codes={p.certifiedSpecialties} empty="无有效证书" /> },
    { title: '关联账号', dataIndex: 'username', width: 130, render: (v: string | null) => v ?? '—' },
    { title: '入职日期', dataIndex: 'joinedOn', width: 110 },
    { title: '状态', dataIndex: 'status', width: 150, render: (_: unknown, p: Person) => <PersonStatusTag status={p.status} leftOn={p.leftOn} /> },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_: unknown, p: Person) => (
        <Space>
          <Typography.Link onClick={() => setDetailId(p.id)}>详情</Typography.Link>
        </Space>
      ),
    },
  ];

  return (
    <>
      <ListPage<Person, PersonnelFilters>
        list={list}
        title="检测人员"
        description={
          own
            ? `${me.organisation?.name ?? '本机构'}注册的检测人员。一人同一时间只能在一家检测机构在职（部令57号）；身份证号加密保存、脱敏显示。`
            : `${me.jurisdiction ? `${me.jurisdiction.name}辖区内` : '全省'}检测机构注册的检测人员（身份证号脱敏显示）。`
        }
        extra={
          mayRegister ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              注册人员
            </Button>
          ) : null
        }
        search={{ field: 'q', placeholder: '姓名', width: 240 }}
        filters={
          <>
            {own ? null : (
              <OrganisationSelect
                type="agency"
                placeholder="按检测机构筛选"
                style={{ width: 280 }}
                value={list.filters.agencyId}
                onChange={(agencyId) => list.set({ agencyId })}
              />
            )}
            <Select
              placeholder="岗位"
              allowClear
              style={{ width: 150 }}
              value={list.filters.role}
              onChange={(role) => list.set({ role })}
              options={PERSONNEL_ROLE_OPTIONS}
            />
            <Select
              style={{ width: 130 }}
              value={list.filters.status ?? 'all'}
              onChange={(s: 'active' | 'left' | 'all') => list.set({ status: s === 'all' ? undefined : s })}
              options={[
                { value: 'active', label: '在职' },
                { value: 'left', label: '已离职' },
                { value: 'all', label: '全部状态' },
              ]}
            />
          </>
        }
        errorTitle="人员列表加载失败"
        empty="暂无注册人员"
        emptyFiltered="没有符合条件的人员"
        total={(t) => `共 ${t} 人`}
        table={{ rowKey: 'id', columns, scroll: { x: 1200 } }}
      />
      <PersonDrawer id={detailId} onClose={() => setDetailId(null)} onChanged={reload} />
      {mayRegister ? (
        <NewPersonModal
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(p) => {
            setCreating(false);
            reload();
            setDetailId(p.id);
          }}
        />
      ) : null}
    </>
  );
}
