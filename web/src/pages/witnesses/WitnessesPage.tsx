import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useMe } from '../../auth.tsx';
import { OrganisationSelect } from '../../components/OrganisationSelect.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { ProjectSelect } from '../../components/ProjectSelect.tsx';
import { formatDateTime } from '../../format.ts';
import { useFilteredList } from '../../hooks/useFilteredList.ts';
import { can } from '../../nav.tsx';
import type { Witness } from '../../types.ts';
import { listWitnesses, type RegistrationResult, type WitnessFilters } from './api.ts';
import { DeadlineInfo } from './Deadline.tsx';
import { WitnessDrawer } from './WitnessDrawer.tsx';
import { NewWitnessModal } from './WitnessModals.tsx';

export default function WitnessesPage() {
  const me = useMe();
  const { modal } = App.useApp();
  const list = useFilteredList(listWitnesses, { q: '' } as WitnessFilters);
  const { reload } = list;
  const [detailId, setDetailId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
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
      <ListPage<Witness, WitnessFilters>
        list={list}
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
        search={{ field: 'q', placeholder: '姓名', width: 220 }}
        filters={
          <>
            <ProjectSelect placeholder="按项目筛选" style={{ width: 320 }} value={list.filters.projectId} onChange={(projectId) => list.set({ projectId })} />
            {department ? (
              <OrganisationSelect type="supervision_unit" placeholder="按监理单位筛选" style={{ width: 260 }} value={list.filters.supervisionUnitId} onChange={(supervisionUnitId) => list.set({ supervisionUnitId })} />
            ) : null}
          </>
        }
        errorTitle="见证人员加载失败"
        empty="暂无登记的见证人员"
        emptyFiltered="没有符合条件的见证人员"
        total={(t) => `共 ${t} 人`}
        table={{ rowKey: 'id', columns, scroll: { x: 1200 } }}
      />
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
