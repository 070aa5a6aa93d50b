import { Alert, Button, Card, Descriptions, Drawer, Empty, Flex, Select, Space, Switch, Table, Tag, Timeline, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { errorMessage, isAbort } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { DocumentLink } from '../../components/Documents.tsx';
import { OrganisationSelect } from '../../components/OrganisationSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { OrganisationTypeTag } from '../../components/Tags.tsx';
import { formatDateTime, orDash } from '../../format.ts';
import { usePagedList } from '../../hooks/usePagedList.ts';
import type { Me } from '../../types.ts';
import { CASE_STATUS_OPTIONS, getCase, listCases, RUNG_OPTIONS, type CaseDetail, type CaseFilters, type EnforcementCase } from './api.ts';
import { CaseActionModal, type CaseAction } from './CaseActionModal.tsx';

const RUNG_COLORS: Record<string, string> = { interview: 'gold', rectification: 'orange', penalty: 'red' };
const EVENT_LABELS: Record<string, string> = {
  proposed: '平台提出处置建议',
  superseded: '被更高级别的建议取代',
  confirm: '监管人员确认',
  dismiss: '不予处置',
  interview: '登记约谈情况',
  report: '提交整改报告',
  accept: '整改合格',
  reject: '整改不合格',
  penalty: '作出行政处罚决定',
};

/** What the signed-in person may do next on a case (the server checks again, including the jurisdiction). */
function actionsFor(me: Me, c: EnforcementCase): CaseAction[] {
  const officer = me.roles.includes('dept_officer');
  if (officer) {
    if (c.status === 'proposed') return ['confirm', 'dismiss'];
    if (c.status === 'confirmed' && c.rung === 'interview') return ['interview'];
    if (c.status === 'confirmed' && c.rung === 'penalty') return ['penalty'];
    if (c.status === 'report_submitted') return ['rectification'];
    if (c.status === 'confirmed' && c.rung === 'rectification' && c.dueAt && dayjs(c.dueAt).isBefore(dayjs())) return ['rectification'];
    return [];
  }
  if (me.organisation?.id === c.organisation.id && c.rung === 'rectification' && c.status === 'confirmed') return ['report'];
  return [];
}

const ACTION_LABELS: Record<CaseAction, string> = { confirm: '确认', dismiss: '不予处置', interview: '登记约谈', report: '提交整改报告', rectification: '审核整改', penalty: '登记处罚决定' };

function CaseDrawer({ id, onClose, reloadKey }: { id: string | null; onClose: () => void; reloadKey: number }) {
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!id) return;
    const ctl = new AbortController();
    setError(null);
    getCase(id, ctl.signal)
      .then(setDetail)
      .catch((e: unknown) => {
        if (!isAbort(e)) setError(errorMessage(e));
      });
    return () => ctl.abort();
  }, [id, reloadKey]);
  const d = detail && detail.id === id ? detail : null;
  return (
    <Drawer open={id !== null} onClose={onClose} size="large" title={d ? `${d.organisation.name} · ${d.rungLabel}` : '处置案件'}>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {d ? (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="状态">{d.statusLabel}{d.outcomeLabel ? `（${d.outcomeLabel}）` : ''}</Descriptions.Item>
            <Descriptions.Item label="原因">{d.reasonLabels.join('；')}</Descriptions.Item>
            <Descriptions.Item label="涉及违规">{d.violationIds.length} 条{d.supplementaryUploads ? `；本年度补传批次 ${d.supplementaryUploads} 个` : ''}</Descriptions.Item>
            <Descriptions.Item label="处置部门辖区">{d.regionName}</Descriptions.Item>
            <Descriptions.Item label="提出时间">{formatDateTime(d.proposedAt)}</Descriptions.Item>
            <Descriptions.Item label="确认">{d.confirmedAt ? `${formatDateTime(d.confirmedAt)}（${orDash(d.confirmedBy)}）` : '—'}</Descriptions.Item>
            <Descriptions.Item label="期限">{d.dueAt ? formatDateTime(d.dueAt) : '—'}</Descriptions.Item>
            {d.dismissReason ? <Descriptions.Item label="不予处置理由">{d.dismissReason}</Descriptions.Item> : null}
            {d.interview ? (
              <Descriptions.Item label="约谈">
                {formatDateTime(d.interview.heldAt)}；参加人员：{d.interview.attendees}
                <br />
                纪要：{d.interview.minutes}
              </Descriptions.Item>
            ) : null}
            {d.report ? (
              <Descriptions.Item label="整改报告">
                {formatDateTime(d.report.submittedAt)}：{d.report.text}
                {d.report.documentIds.map((doc) => (
                  <div key={doc}>
                    <DocumentLink id={doc} label="查看附件" />
                  </div>
                ))}
              </Descriptions.Item>
            ) : null}
            {d.decisionNote ? <Descriptions.Item label="审核/确认意见">{d.decisionNote}</Descriptions.Item> : null}
            {d.penalty ? (
              <Descriptions.Item label="行政处罚">
                {d.penalty.decisionNumber}：{d.penalty.content}
                {d.penalty.dishonest ? <Tag color="red" style={{ marginLeft: 8 }}>认定失信</Tag> : null}
                {d.marketRestrictionId ? <Tag color="volcano" style={{ marginLeft: 8 }}>已限制市场准入</Tag> : null}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <div>
            <Typography.Title level={5}>处置过程</Typography.Title>
            <Timeline items={d.events.map((e) => ({ content: `${formatDateTime(e.at)} ${EVENT_LABELS[e.event] ?? e.event}${e.actorName ? `（${e.actorName}）` : ''}` }))} />
          </div>
        </Flex>
      ) : null}
    </Drawer>
  );
}

/** 分级处置: the ladder's cases — the platform proposes, an officer of the jurisdiction confirms and carries them through. */
export default function CasesPage() {
  const me = useMe();
  const department = me.roles.includes('dept_officer') || me.roles.includes('platform_admin');
  const [filters, setFilters] = useState<CaseFilters>(department ? { open: true } : {});
  const { data, loading, error, page, pageSize, onChange, reload } = usePagedList(listCases, filters);
  const [action, setAction] = useState<{ c: EnforcementCase; action: CaseAction } | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);

  const columns: ColumnsType<EnforcementCase> = [
    { title: '单位', key: 'org', render: (_: unknown, c) => (<span>{c.organisation.name} <OrganisationTypeTag type={c.organisation.type} /></span>) },
    { title: '年度', dataIndex: 'year', width: 70 },
    { title: '处置级别', dataIndex: 'rungLabel', width: 100, render: (_: unknown, c) => <Tag color={RUNG_COLORS[c.rung]}>{c.rungLabel}</Tag> },
    { title: '原因', key: 'reasons', render: (_: unknown, c) => c.reasonLabels.join('；') },
    { title: '状态', dataIndex: 'statusLabel', width: 150, render: (_: unknown, c) => `${c.statusLabel}${c.outcomeLabel ? `（${c.outcomeLabel}）` : ''}` },
    { title: '期限', dataIndex: 'dueAt', width: 160, render: (v: string | null) => (v ? formatDateTime(v) : '—') },
    { title: '处置辖区', dataIndex: 'regionName', width: 110 },
    {
      title: '操作',
      key: 'actions',
      width: 220,
      render: (_: unknown, c) => (
        <Space wrap size={4}>
          <Button size="small" type="link" onClick={() => setOpenId(c.id)}>
            详情
          </Button>
          {actionsFor(me, c).map((a) => (
            <Button key={a} size="small" danger={a === 'dismiss'} type={a === 'dismiss' ? 'default' : 'primary'} onClick={() => setAction({ c, action: a })}>
              {ACTION_LABELS[a]}
            </Button>
          ))}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="分级处置"
        description={
          department
            ? '首次轻微违规约谈提醒；累计2次违规或补传超1次限期整改；整改不力、多次违规或严重违规的依法行政处罚并记不良信用记录。平台提出建议，由本辖区监管人员确认并办理。'
            : `${me.organisation?.name ?? '本单位'}的处置案件；被责令限期整改的，请在期限内提交整改报告。`
        }
      />
      <Card>
        <Flex gap={12} wrap className="filter-bar" align="center">
          <Select placeholder="处置级别" allowClear style={{ width: 130 }} value={filters.rung} options={RUNG_OPTIONS} onChange={(rung) => setFilters((f) => ({ ...f, rung }))} />
          <Select placeholder="状态" allowClear style={{ width: 180 }} value={filters.status} options={CASE_STATUS_OPTIONS} onChange={(status) => setFilters((f) => ({ ...f, status }))} />
          {department ? <OrganisationSelect placeholder="单位" style={{ width: 260 }} value={filters.organisationId} onChange={(organisationId) => setFilters((f) => ({ ...f, organisationId }))} /> : null}
          <Space>
            <Switch checked={filters.open === true} onChange={(open) => setFilters((f) => ({ ...f, open: open || undefined }))} aria-label="只看待处理" />
            <span>只看待处理</span>
          </Space>
        </Flex>
        {error ? <Alert type="error" showIcon title="处置案件加载失败" description={error} style={{ marginBottom: 16 }} action={<Button onClick={reload}>重试</Button>} /> : null}
        <Table<EnforcementCase>
          rowKey="id"
          columns={columns}
          dataSource={data.items}
          loading={loading}
          scroll={{ x: 1100 }}
          locale={{ emptyText: <Empty description="暂无处置案件" /> }}
          pagination={{ current: page, pageSize, total: data.total, showSizeChanger: true, showTotal: (t) => `共 ${t} 件`, onChange }}
        />
      </Card>
      <CaseActionModal
        target={action}
        onClose={() => setAction(null)}
        onDone={() => {
          setAction(null);
          setReloadKey((k) => k + 1);
          reload();
        }}
      />
      <CaseDrawer id={openId} onClose={() => setOpenId(null)} reloadKey={reloadKey} />
    </>
  );
}
