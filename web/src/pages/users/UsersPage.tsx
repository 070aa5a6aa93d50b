import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useMe } from '../../auth.tsx';
import { OrganisationSelect } from '../../components/OrganisationSelect.tsx';
import { RoleTags, StatusTag } from '../../components/Tags.tsx';
import { formatDateTime } from '../../format.ts';
import { useFilteredList } from '../../hooks/useFilteredList.ts';
import { ListPage } from '../../components/ListPage.tsx';
import { can } from '../../nav.tsx';
import type { User } from '../../types.ts';
import { canManageUser, listUsers, type UserFilters } from './api.ts';
import { EditRolesModal } from './EditRolesModal.tsx';
import { NewUserModal } from './NewUserModal.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { ResetSecondFactorModal } from './ResetSecondFactorModal.tsx';
import { UserStatusButton } from './UserStatusButton.tsx';

export default function UsersPage() {
  const me = useMe();
  const manage = can.manageUsers(me);
  // Agency administrators see their own agency only; the organisation filter is for those who see more.
  const filterByOrganisation = me.roles.includes('platform_admin') || me.roles.includes('dept_officer');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [resettingFactor, setResettingFactor] = useState<User | null>(null);
  const list = useFilteredList(listUsers, { q: '' } as UserFilters);
  const reload = list.reload;

  const columns: ColumnsType<User> = [
    { title: '用户名', dataIndex: 'username', width: 160 },
    { title: '姓名', dataIndex: 'displayName', width: 110 },
    { title: '所属机构', dataIndex: 'organisationName', render: (v: string | null) => v ?? '平台运营' },
    { title: '角色', dataIndex: 'roles', render: (_: unknown, u) => <RoleTags roles={u.roles} /> },
    { title: '状态', dataIndex: 'status', width: 90, render: (_: unknown, u) => <StatusTag status={u.status} /> },
    { title: '最近登录', dataIndex: 'lastLoginAt', width: 170, render: (v: string | null) => (v ? formatDateTime(v) : '从未登录') },
  ];
  if (manage) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 320,
      fixed: 'right',
      render: (_: unknown, u) =>
        canManageUser(me, u) ? (
          <Space size="middle">
            <Typography.Link onClick={() => setEditing(u)}>修改角色</Typography.Link>
            <Typography.Link onClick={() => setResetting(u)}>重置密码</Typography.Link>
            <Typography.Link onClick={() => setResettingFactor(u)}>重置两步验证</Typography.Link>
            {u.id === me.id ? null : <UserStatusButton user={u} onDone={reload} />}
          </Space>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    });
  }

  return (
    <>
      <ListPage<User, UserFilters>
        list={list}
        title="用户管理"
        description={
          manage
            ? me.roles.includes('platform_admin')
              ? '开通和管理平台账号及其角色。'
              : `管理${me.organisation?.name ?? '本机构'}的人员账号及其角色。`
            : `查看${me.jurisdiction ? `${me.jurisdiction.name}辖区内` : ''}的平台账号（只读）。`
        }
        extra={
          manage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建用户
            </Button>
          ) : null
        }
        search={{ field: 'q', placeholder: '用户名或姓名', width: 280 }}
        filters={
          filterByOrganisation ? (
            <OrganisationSelect placeholder="按所属机构筛选" style={{ width: 300 }} value={list.filters.organisationId} onChange={(organisationId) => list.set({ organisationId })} />
          ) : null
        }
        errorTitle="用户列表加载失败"
        empty="暂无用户"
        emptyFiltered="没有符合条件的用户"
        total={(t) => `共 ${t} 个用户`}
        table={{ rowKey: 'id', columns, scroll: { x: 1100 } }}
      />
      {manage ? (
        <>
          <NewUserModal
            open={creating}
            onClose={() => setCreating(false)}
            onCreated={() => {
              setCreating(false);
              reload();
            }}
          />
          <EditRolesModal
            user={editing}
            onClose={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              reload();
            }}
          />
          <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
          <ResetSecondFactorModal user={resettingFactor} onClose={() => setResettingFactor(null)} />
        </>
      ) : null}
    </>
  );
}
