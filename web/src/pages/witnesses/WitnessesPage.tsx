import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Input, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useMe } from '../../auth.tsx';
import { OrganisationSelect } from '../../components/OrganisationSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProjectSelect } from '../../components/ProjectSelect.tsx';
import { formatDateTime } from '../../format.ts';
import { usePagedList } from '../../hooks/usePagedList.ts';
import { can } from '../../nav.tsx';
import type { Witness } from '../../types.ts';
import { listWitnesses, type RegistrationResult, type WitnessFilters } from './api.ts';
import { DeadlineInfo } from './Deadline.tsx';
import { WitnessDrawer } from './WitnessDrawer.tsx';
import { NewWitnessModal } from './WitnessModals.tsx';

export default function WitnessesPage() {
  const me = useMe();
  const { modal } = App.useApp();
  const [filters, setFilters] = useState<WitnessFilters>({ q: '' });
  const [qInput, setQInput] = useState('');
  const [detailId, setDetailId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const { data, loading, error, page, pageSize, onChange, reload } = usePagedList(listWitnesses, filters);
  const filtered = filters.q !== '' || filters.projectId !== undefined || filters.supervisionUnitId !== undefined;
  const mayRegister = can.registerWitnesses(me);
  const department = me.roles.includes('dept_officer') || me.roles.includes('platform_admin');

  /** What was registered, with its deadline and whether it was met. */
  const showResult = (r: RegistrationResult) => {
    modal.success({
      title: `已登记：${r.registration.kindLabel} · ${r.registration.witnessName}`,
      width: 560,
      content: (
        <div className="registration-result">
          <DeadlineInfo r={r.registration} />
          {r.registration.late ? (
            <Alert type="error" showIcon style={{ marginTop: 12 }} title="本次登记已超过 3 个工作日的期限，平台已记录监理单位“见证变更逾期”违规。" />
          ) : null}
        </div>
      ),
      okText: '知道了',
    });
    reload();
  };

  const columns: ColumnsType<Witness> = [
    {
      title: '姓名',
      dataIndex: 'name',
      width: 110,
      render: (v: string, w) => (
        <Typography.Link className="witness-name" onClick={() => setDetailId(w.id)}>
          {v}
        </Typography.Link>
      ),
    },
    { title: '身份证号', dataIndex: 'idNumberMasked', width: 200, render: (v: string) => <span className="mono">{v}</span> },
    { title: '联系电话', dataIndex: 'phone', width: 130 },
    ...(department ? [{ title: '监理单位', dataIndex: 'supervisionUnitName', width: 220 }] : []),
    {
      title: '当前登记项目',
      dataIndex: 'projects',
      render: (_: unknown, w: Witness) =>
        w.projects.length === 0 ? (
          <Tag>未在任何项目登记</Tag>
        ) : (
          <span className="tag-list">
            {w.projects.map((p) => (
              <Tooltip key={p.projectId} title={`自 ${formatDateTime(p.since)}`}>
                <Tag color="blue">{p.projectName}</Tag>
              </Tooltip>
            ))}
          </span>
        ),
    },
    { title: '平台账号', dataIndex: 'user', width: 120, render: (_: unknown, w: Witness) => w.user?.username ?? '—' },
    { title: '登记时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_: unknown, w: Witness) => <Typography.Link onClick={() => setDetailId(w.id)}>{mayRegister ? '详情 / 变更' : '详情'}</Typography.Link>,
    },
  ];

  return (
    <>
      <PageHeader
        title="见证人员"
        description={
          department
            ? `${me.jurisdiction ? `${me.jurisdiction.name}辖区内` : '全省'}监理单位登记的见证人员及其书面授权、变更记录（只读）。`
            : '本单位经书面授权的见证人员。人员变更（更换、撤销、新授权）须在变更后 3 个工作日内登记。'
        }
        extra={
          mayRegister ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              登记见证人员
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={12} wrap className="filter-bar">
          <Input.Search
            placeholder="姓名"
            allowClear
            value={qInput}
            onChange={(e) => {
              setQInput(e.target.value);
              if (e.target.value === '') setFilters((f) => ({ ...f, q: '' }));
            }}
            onSearch={(v) => setFilters((f) => ({ ...f, q: v }))}
            enterButton="查询"
            style={{ width: 220 }}
          />
          <ProjectSelect placeholder="按项目筛选" style={{ width: 320 }} value={filters.projectId} onChange={(projectId) => setFilters((f) => ({ ...f, projectId }))} />
          {department ? (
            <OrganisationSelect type="supervision_unit" placeholder="按监理单位筛选" style={{ width: 260 }} value={filters.supervisionUnitId} onChange={(supervisionUnitId) => setFilters((f) => ({ ...f, supervisionUnitId }))} />
          ) : null}
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
        {error ? <Alert type="error" showIcon title="见证人员加载失败" description={error} style={{ marginBottom: 16 }} action={<Button onClick={reload}>重试</Button>} /> : null}
        <Table<Witness>
          rowKey="id"
          columns={columns}
          dataSource={data.items}
          loading={loading}
          scroll={{ x: 1200 }}
          locale={{ emptyText: <Empty description={filtered ? '没有符合条件的见证人员' : '暂无登记的见证人员'} /> }}
          pagination={{ current: page, pageSize, total: data.total, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100], showTotal: (t) => `共 ${t} 人`, onChange }}
        />
      </Card>
      <WitnessDrawer id={detailId} onClose={() => setDetailId(null)} onChanged={showResult} />
      {mayRegister ? (
        <NewWitnessModal
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(r) => {
            setCreating(false);
            showResult(r);
          }}
        />
      ) : null}
    </>
  );
}
