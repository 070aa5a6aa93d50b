import { Alert, Button, Card, DatePicker, Descriptions, Empty, Flex, Select, Table, Tag, Typography } from 'antd';
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
import { listViolations, type ViolationFilters } from './api.ts';

function Evidence({ v }: { v: Violation }) {
  return (
    <Flex vertical gap={8}>
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

/** 违规记录: read-only for now (enforcement comes later). Departments see their jurisdiction, organisations their own. */
export default function ViolationsPage() {
  const me = useMe();
  const [filters, setFilters] = useState<ViolationFilters>({});
  const { data, loading, error, page, pageSize, onChange, reload } = usePagedList(listViolations, filters);
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const department = me.roles.includes('dept_officer') || me.roles.includes('platform_admin');

  const columns: ColumnsType<Violation> = [
    { title: '发生时间', dataIndex: 'occurredAt', width: 170, render: (v: string) => formatDateTime(v) },
    { title: '违规类型', dataIndex: 'typeLabel', width: 170 },
    { title: '严重程度', dataIndex: 'severity', width: 90, render: (_: unknown, v) => <Tag color={v.severity === 'serious' ? 'red' : 'orange'}>{v.severityLabel}</Tag> },
    { title: '违规单位', dataIndex: 'organisationName', render: (_: unknown, v) => (<span>{v.organisationName} <OrganisationTypeTag type={v.organisationType} /></span>) },
    { title: '处置辖区', dataIndex: 'regionName', width: 120 },
    { title: '来源', dataIndex: 'source', width: 110, render: (s: Violation['source']) => (s === 'automatic' ? '平台自动发现' : '监管人员认定') },
  ];

  return (
    <>
      <PageHeader
        title="违规记录"
        description={
          department
            ? `${me.jurisdiction ? `${me.jurisdiction.name}辖区内` : '全省'}平台自动发现或监管人员认定的违规记录（只读；处置功能后续上线）。`
            : `${me.organisation?.name ?? '本单位'}的违规记录（只读）。`
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
          scroll={{ x: 1000 }}
          expandable={{ expandedRowRender: (v) => <Evidence v={v} /> }}
          locale={{ emptyText: <Empty description={filtered ? '没有符合条件的违规记录' : '暂无违规记录'} /> }}
          pagination={{ current: page, pageSize, total: data.total, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100], showTotal: (t) => `共 ${t} 条`, onChange }}
        />
      </Card>
    </>
  );
}
