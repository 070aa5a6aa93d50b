import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Flex, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { SEVERITY_LABELS, VIOLATION_TYPE_LABELS } from '../../../../src/modules/violations/types.ts';
import { useMe } from '../../auth.tsx';
import { OrganisationSelect } from '../../components/OrganisationSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProjectSelect } from '../../components/ProjectSelect.tsx';
import { OrganisationTypeTag } from '../../components/Tags.tsx';
import { formatDateTime, orDash, TIME_ZONE } from '../../format.ts';
import { usePagedList } from '../../hooks/usePagedList.ts';
import type { Violation } from '../../types.ts';
import { errorMessage } from '../../api.ts';
import { decideIntent, exportViolations, listViolations, type ViolationFilters } from './api.ts';

const CREDIT_STATUS: Record<Violation['creditStatus'], { label: string; color: string }> = {
  pending: { label: '待定', color: 'default' },
  counts: { label: '已记入信用记录', color: 'red' },
  exempt: { label: '试行期不纳入', color: 'green' },
};

function Evidence({ v, officer, onChanged }: { v: Violation; officer: boolean; onChanged: () => void }) {
  const { message } = App.useApp();
  const decide = async (intentional: boolean) => {
    try {
      await decideIntent(v.id, intentional);
      message.success('已认定');
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Flex vertical gap={8}>
      {officer && v.intentional === null ? (
        <Space>
          <Typography.Text>认定是否故意（仅可认定一次）：</Typography.Text>
          <Popconfirm title="认定为非故意？" okText="确定" cancelText="取消" onConfirm={() => void decide(false)}>
            <Button size="small">非故意</Button>
          </Popconfirm>
          <Popconfirm title="认定为故意？" okText="确定" cancelText="取消" onConfirm={() => void decide(true)}>
            <Button size="small" danger>
              故意
            </Button>
          </Popconfirm>
        </Space>
      ) : null}
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label="来源">{v.source === 'automatic' ? '平台自动发现' : '监管人员认定'}</Descriptions.Item>
        <Descriptions.Item label="认定人员">{v.recordedBy?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="是否故意">{v.intentional === null ? '尚未认定' : v.intentional ? '故意' : '非故意'}</Descriptions.Item>
        <Descriptions.Item label="涉及人员">{orDash(v.personRef)}</Descriptions.Item>
        <Descriptions.Item label="检测批次">{orDash(v.batchRef)}</Descriptions.Item>
        <Descriptions.Item label="记录时间">{formatDateTime(v.createdAt)}</Descriptions.Item>
      </Descriptions>
      <div>
        <Typography.Text strong>证据</Typography.Text>
        <pre className="json-details">{JSON.stringify(v.evidence, null, 2)}</pre>
      </div>
    </Flex>
  );
}

/** 违规记录: the ledger. Departments see their jurisdiction, organisations their own; both export what they see. */
export default function ViolationsPage() {
  const me = useMe();
  const [filters, setFilters] = useState<ViolationFilters>({});
  const { data, loading, error, page, pageSize, onChange, reload } = usePagedList(listViolations, filters);
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const department = me.roles.includes('dept_officer') || me.roles.includes('platform_admin');
  const officer = me.roles.includes('dept_officer');
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const onExport = async () => {
    setExporting(true);
    try {
      const { filename } = await exportViolations(filters);
      message.success(`已导出 ${filename}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<Violation> = [
    { title: '发生时间', dataIndex: 'occurredAt', width: 170, render: (v: string) => formatDateTime(v) },
    { title: '违规类型', dataIndex: 'typeLabel', width: 170 },
    { title: '严重程度', dataIndex: 'severity', width: 90, render: (_: unknown, v) => <Tag color={v.severity === 'serious' ? 'red' : 'orange'}>{v.severityLabel}</Tag> },
    { title: '违规单位', dataIndex: 'organisationName', render: (_: unknown, v) => (<span>{v.organisationName} <OrganisationTypeTag type={v.organisationType} /></span>) },
    { title: '处置辖区', dataIndex: 'regionName', width: 120 },
    { title: '涉及人员', dataIndex: 'personRef', width: 120, render: (p: string | null) => orDash(p) },
    { title: '来源', dataIndex: 'source', width: 110, render: (s: Violation['source']) => (s === 'automatic' ? '平台自动发现' : '监管人员认定') },
    { title: '信用记录', dataIndex: 'creditStatus', width: 130, render: (c: Violation['creditStatus']) => <Tag color={CREDIT_STATUS[c].color}>{CREDIT_STATUS[c].label}</Tag> },
  ];

  return (
    <>
      <PageHeader
        title="违规记录"
        description={
          department
            ? `${me.jurisdiction ? `${me.jurisdiction.name}辖区内` : '全省'}平台自动发现或监管人员认定的违规记录；处置见「分级处置」。`
            : `${me.organisation?.name ?? '本单位'}的违规记录。`
        }
        extra={
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void onExport()}>
            导出 Excel
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap className="filter-bar">
          <Select
            placeholder="违规类型"
            allowClear
            style={{ width: 200 }}
            value={filters.type}
            onChange={(type: string | undefined) => setFilters((f) => ({ ...f, type }))}
            options={Object.entries(VIOLATION_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <Select
            placeholder="严重程度"
            allowClear
            style={{ width: 120 }}
            value={filters.severity}
            onChange={(severity: 'minor' | 'serious' | undefined) => setFilters((f) => ({ ...f, severity }))}
            options={Object.entries(SEVERITY_LABELS).map(([value, label]) => ({ value, label }))}
          />
          {department ? <OrganisationSelect placeholder="违规单位" style={{ width: 260 }} value={filters.organisationId} onChange={(organisationId) => setFilters((f) => ({ ...f, organisationId }))} /> : null}
          {department ? (
            <Select
              placeholder="单位类型"
              allowClear
              style={{ width: 130 }}
              value={filters.organisationType}
              onChange={(organisationType: string | undefined) => setFilters((f) => ({ ...f, organisationType }))}
              options={[
                { value: 'agency', label: '检测机构' },
                { value: 'supervision_unit', label: '监理单位' },
                { value: 'construction_unit', label: '建设单位' },
              ]}
            />
          ) : null}
          <Input.Search
            placeholder="涉及人员"
            allowClear
            style={{ width: 160 }}
            onSearch={(p) => setFilters((f) => ({ ...f, personRef: p.trim() || undefined }))}
          />
          <ProjectSelect placeholder="工程项目" style={{ width: 280 }} value={filters.projectId} onChange={(projectId) => setFilters((f) => ({ ...f, projectId }))} />
          <DatePicker.RangePicker
            placeholder={['发生日期起', '发生日期止']}
            value={filters.from && filters.to ? [dayjs(filters.from).tz(TIME_ZONE), dayjs(filters.to).tz(TIME_ZONE).subtract(1, 'day')] : null}
            onChange={(r) =>
              setFilters((f) => ({
                ...f,
                from: r?.[0] ? dayjs.tz(r[0].format('YYYY-MM-DD'), TIME_ZONE).toISOString() : undefined,
                to: r?.[1] ? dayjs.tz(r[1].format('YYYY-MM-DD'), TIME_ZONE).add(1, 'day').toISOString() : undefined,
              }))
            }
          />
          {filtered ? <Button onClick={() => setFilters({})}>重置</Button> : null}
        </Flex>
        {error ? <Alert type="error" showIcon title="违规记录加载失败" description={error} style={{ marginBottom: 16 }} action={<Button onClick={reload}>重试</Button>} /> : null}
        <Table<Violation>
          rowKey="id"
          columns={columns}
          dataSource={data.items}
          loading={loading}
          scroll={{ x: 1250 }}
          expandable={{ expandedRowRender: (v) => <Evidence v={v} officer={officer} onChanged={reload} /> }}
          locale={{ emptyText: <Empty description={filtered ? '没有符合条件的违规记录' : '暂无违规记录'} /> }}
          pagination={{ current: page, pageSize, total: data.total, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100], showTotal: (t) => `共 ${t} 条`, onChange }}
        />
      </Card>
    </>
  );
}
