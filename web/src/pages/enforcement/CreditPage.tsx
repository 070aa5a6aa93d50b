import { Alert, Card, Empty, Flex, Input, Select, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { CREDIT_LEVELS } from '../../../../src/kernel/policy.ts';
import { errorMessage, isAbort } from '../../api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../format.ts';
import { LevelChart } from './LevelChart.tsx';
import { LEVEL_COLORS, organisationCredit, personCredit, restrictions, type OrganisationCredit, type PersonCredit, type RestrictionEntry } from './api.ts';

const LEVEL_NAMES: Record<string, string> = { A: 'A 优良', B: 'B 合格', C: 'C 警示', D: 'D 不合格' };

function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[], initial: T) {
  const [data, setData] = useState<T>(initial);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const ctl = new AbortController();
    setLoading(true);
    setError(null);
    load(ctl.signal)
      .then(setData)
      .catch((e: unknown) => {
        if (!isAbort(e)) setError(errorMessage(e));
      })
      .finally(() => {
        if (!ctl.signal.aborted) setLoading(false);
      });
    return () => ctl.abort();
  }, deps);
  return { data, loading, error };
}

/** 信用: scores and levels of organisations and people for a year, and market-access restrictions (四(二)). */
export default function CreditPage() {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [type, setType] = useState<string | undefined>(undefined);
  const [q, setQ] = useState('');
  const orgs = useLoad((s) => organisationCredit({ year, type, q }, s).then((r) => r.items), [year, type, q], [] as OrganisationCredit[]);
  const persons = useLoad((s) => personCredit(year, s).then((r) => r.items), [year], [] as PersonCredit[]);
  const restr = useLoad((s) => restrictions(s).then((r) => r.items), [], [] as RestrictionEntry[]);

  const byLevel = useMemo(() => CREDIT_LEVELS.map((l) => ({ name: LEVEL_NAMES[l.level]!, value: orgs.data.filter((o) => o.level === l.level).length })), [orgs.data]);

  const orgColumns: ColumnsType<OrganisationCredit> = [
    { title: '单位', key: 'org', render: (_: unknown, o) => o.organisation.name },
    { title: '类型', key: 'type', width: 100, render: (_: unknown, o) => o.organisation.typeLabel },
    { title: '所在地', key: 'region', width: 110, render: (_: unknown, o) => o.organisation.regionName },
    {
      title: '信用分',
      dataIndex: 'score',
      width: 90,
      sorter: (a, b) => a.score - b.score,
      render: (_: unknown, o) => (
        <Tooltip title={`基础 ${o.breakdown.base}，加分 ${o.breakdown.bonus}，扣分 ${o.breakdown.deductions}`}>
          <span>{o.score}</span>
        </Tooltip>
      ),
    },
    { title: '等级', dataIndex: 'level', width: 110, render: (_: unknown, o) => <Tag color={LEVEL_COLORS[o.level]}>{LEVEL_NAMES[o.level]}{o.downgraded ? '（降级）' : ''}</Tag> },
    { title: '违规（记入/不纳入/待定）', key: 'v', width: 190, render: (_: unknown, o) => `${o.violations}（${o.countedViolations}/${o.exemptViolations}/${o.pendingViolations}）` },
    { title: '行政处罚', dataIndex: 'penalties', width: 90 },
    {
      title: '市场准入',
      key: 'restriction',
      width: 200,
      render: (_: unknown, o) => (o.restriction ? <Tag color="red">限制至 {o.restriction.restrictedUntil ? formatDateTime(o.restriction.restrictedUntil) : '另行通知'}</Tag> : <Tag color="green">正常</Tag>),
    },
  ];
  const personColumns: ColumnsType<PersonCredit> = [
    { title: '人员', dataIndex: 'personName' },
    { title: '所在单位', key: 'org', render: (_: unknown, p) => p.organisation.name },
    { title: '信用分', dataIndex: 'score', width: 90 },
    { title: '等级', dataIndex: 'level', width: 110, render: (l: string) => <Tag color={LEVEL_COLORS[l]}>{LEVEL_NAMES[l]}</Tag> },
    { title: '违规（记入信用）', key: 'v', width: 150, render: (_: unknown, p) => `${p.violations}（${p.countedViolations}）` },
  ];
  const restrictionColumns: ColumnsType<RestrictionEntry> = [
    { title: '单位', key: 'org', render: (_: unknown, r) => r.organisation.name },
    { title: '原因', dataIndex: 'reason' },
    { title: '决定文号', dataIndex: 'caseReference', width: 180, render: (v: string | null) => v ?? '—' },
    { title: '起', dataIndex: 'restrictedFrom', width: 170, render: (v: string) => formatDateTime(v) },
    { title: '止', dataIndex: 'restrictedUntil', width: 170, render: (v: string | null) => (v ? formatDateTime(v) : '另行通知') },
    { title: '状态', key: 's', width: 90, render: (_: unknown, r) => (r.inForce ? <Tag color="red">生效中</Tag> : <Tag>{r.liftedAt ? '已解除' : '已到期'}</Tag>) },
  ];

  return (
    <>
      <PageHeader
        title="信用"
        description="平台应用合规情况与信用评价挂钩：全年无违规的加分；严重违规或失信的信用降级、限制市场准入。评分模型见操作手册。"
      />
      <Card>
        <Tabs
          items={[
            {
              key: 'orgs',
              label: '单位信用',
              children: (
                <Flex vertical gap={16}>
                  <Flex gap={12} wrap className="filter-bar">
                    <Select style={{ width: 110 }} value={year} onChange={setYear} options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: `${y} 年` }))} aria-label="年度" />
                    <Select
                      allowClear
                      placeholder="单位类型"
                      style={{ width: 140 }}
                      value={type}
                      onChange={setType}
                      options={[
                        { value: 'agency', label: '检测机构' },
                        { value: 'supervision_unit', label: '监理单位' },
                        { value: 'construction_unit', label: '建设单位' },
                      ]}
                    />
                    <Input.Search allowClear placeholder="单位名称" style={{ width: 240 }} onSearch={setQ} />
                  </Flex>
                  {orgs.error ? <Alert type="error" showIcon title={orgs.error} /> : null}
                  {orgs.data.length > 0 ? (
                    <LevelChart data={byLevel} />
                  ) : null}
                  <Table<OrganisationCredit> rowKey={(o) => o.organisation.id} columns={orgColumns} dataSource={orgs.data} loading={orgs.loading} scroll={{ x: 1100 }} locale={{ emptyText: <Empty description="暂无单位" /> }} />
                </Flex>
              ),
            },
            {
              key: 'persons',
              label: '人员信用',
              children: (
                <>
                  <Typography.Paragraph type="secondary">按违规记录中的涉及人员计算；无违规记录的人员为满分，不在此列出。</Typography.Paragraph>
                  {persons.error ? <Alert type="error" showIcon title={persons.error} /> : null}
                  <Table<PersonCredit> rowKey={(p) => `${p.organisation.id}:${p.personRef}`} columns={personColumns} dataSource={persons.data} loading={persons.loading} locale={{ emptyText: <Empty description="暂无涉及人员的违规" /> }} />
                </>
              ),
            },
            {
              key: 'restrictions',
              label: '市场准入限制',
              children: (
                <>
                  {restr.error ? <Alert type="error" showIcon title={restr.error} /> : null}
                  <Table<RestrictionEntry> rowKey="id" columns={restrictionColumns} dataSource={restr.data} loading={restr.loading} scroll={{ x: 1000 }} locale={{ emptyText: <Empty description="暂无限制记录" /> }} />
                </>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
