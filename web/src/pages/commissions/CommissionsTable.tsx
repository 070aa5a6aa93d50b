import { Alert, Button, Empty, Flex, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMe } from '../../auth.tsx';
import { ProjectSelect } from '../../components/ProjectSelect.tsx';
import { SpecialtyTags } from '../../components/Tags.tsx';
import { formatDateTime, orDash } from '../../format.ts';
import { usePagedList } from '../../hooks/usePagedList.ts';
import type { Commission } from '../../types.ts';
import { listCommissions, type CommissionFilters } from './api.ts';
import { TerminateModal } from './TerminateModal.tsx';

/** The commissions the caller sees; with `projectId`, those of one project (the project page's tab). */
export function CommissionsTable({ projectId, version = 0 }: { projectId?: string; version?: number }) {
  const me = useMe();
  const [filters, setFilters] = useState<CommissionFilters>({ projectId });
  const [terminating, setTerminating] = useState<Commission | null>(null);
  const { data, loading, error, page, pageSize, onChange, reload } = usePagedList(listCommissions, filters);
  const [seen, setSeen] = useState(version);
  if (seen !== version) {
    setSeen(version);
    reload();
  }
  const filtered = (!projectId && filters.projectId !== undefined) || filters.status !== undefined;
  const mayTerminate = (c: Commission) => c.status === 'active' && me.roles.includes('construction_user') && me.organisation?.id === c.constructionUnit.id;

  const columns: ColumnsType<Commission> = [
    ...(projectId
      ? []
      : [
          {
            title: '工程项目',
            dataIndex: 'project',
            render: (_: unknown, c: Commission) => <Link to={`/projects/${c.project.id}`}>{c.project.name}</Link>,
          },
        ]),
    { title: '检测机构', dataIndex: 'agency', width: 220, className: 'col-agency', render: (_: unknown, c: Commission) => c.agency.name },
    { title: '委托专项', dataIndex: 'specialties', width: 260, render: (_: unknown, c: Commission) => <SpecialtyTags codes={c.specialties} /> },
    { title: '合同编号', dataIndex: 'contractNumber', width: 150, render: (v: string | null) => orDash(v) },
    { title: '建设单位', dataIndex: 'constructionUnit', width: 200, render: (_: unknown, c: Commission) => c.constructionUnit.name },
    {
      title: '状态',
      dataIndex: 'status',
      width: 110,
      render: (_: unknown, c: Commission) =>
        c.status === 'active' ? (
          <Tag color="success">有效</Tag>
        ) : (
          <Tooltip title={`${formatDateTime(c.terminatedAt)} 终止：${c.terminationReason ?? ''}`}>
            <Tag>已终止</Tag>
          </Tooltip>
        ),
    },
    { title: '委托时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_: unknown, c: Commission) =>
        mayTerminate(c) ? (
          <Typography.Link type="danger" onClick={() => setTerminating(c)}>
            终止
          </Typography.Link>
        ) : c.status === 'terminated' ? (
          <Tooltip title={c.terminationReason}>
            <Typography.Text type="secondary">查看理由</Typography.Text>
          </Tooltip>
        ) : null,
    },
  ];

  return (
    <>
      <Flex gap={12} wrap className="filter-bar">
        {projectId ? null : <ProjectSelect placeholder="按工程项目筛选" style={{ width: 360 }} value={filters.projectId} onChange={(id) => setFilters((f) => ({ ...f, projectId: id }))} />}
        <Select
          placeholder="状态"
          allowClear
          style={{ width: 120 }}
          value={filters.status}
          onChange={(status: 'active' | 'terminated' | undefined) => setFilters((f) => ({ ...f, status }))}
          options={[
            { value: 'active', label: '有效' },
            { value: 'terminated', label: '已终止' },
          ]}
        />
        {filtered ? <Button onClick={() => setFilters({ projectId })}>重置</Button> : null}
      </Flex>
      {error ? <Alert type="error" showIcon title="委托列表加载失败" description={error} style={{ marginBottom: 16 }} action={<Button onClick={reload}>重试</Button>} /> : null}
      <Table<Commission>
        className="commissions-table"
        rowKey="id"
        columns={columns}
        dataSource={data.items}
        loading={loading}
        scroll={{ x: projectId ? 1100 : 1400 }}
        expandable={{
          rowExpandable: (c) => c.note !== null || c.status === 'terminated',
          expandedRowRender: (c) => (
            <Flex vertical gap={4}>
              {c.note ? <span>备注：{c.note}</span> : null}
              {c.status === 'terminated' ? (
                <span>
                  终止时间：{formatDateTime(c.terminatedAt)}；终止理由：{c.terminationReason}
                </span>
              ) : null}
            </Flex>
          ),
        }}
        locale={{ emptyText: <Empty description={filtered ? '没有符合条件的委托' : '暂无委托'} /> }}
        pagination={{ current: page, pageSize, total: data.total, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100], showTotal: (t) => `共 ${t} 项委托`, onChange }}
      />
      <TerminateModal
        commission={terminating}
        onClose={() => setTerminating(null)}
        onDone={() => {
          setTerminating(null);
          reload();
        }}
      />
    </>
  );
}
