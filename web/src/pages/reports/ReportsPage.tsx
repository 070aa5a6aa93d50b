import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { usePagedList } from '../../hooks/usePagedList.ts';
import { can } from '../../nav.tsx';
import { downloadReportPdf, listReports, REPORT_STATUS_LABELS, type Report, type ReportFilters, type ReportStatus } from './api.ts';
import { GenerateReportModal } from './GenerateReportModal.tsx';
import { ReasonModal, type ReasonAction } from './ReasonModal.tsx';
import { ReportStatusTag } from './ReportStatusTag.tsx';

function scopeText(me: ReturnType<typeof useMe>): string {
  if (me.organisation?.type === 'agency') return '本机构出具的检测报告。报告编号按本机构、本年度连续编制；报告附二维码，任何人可扫码核验真伪与状态。';
  if (me.jurisdiction) return `${me.jurisdiction.name}辖区内工程项目的检测报告。`;
  if (me.roles.includes('platform_admin')) return '全省的检测报告。';
  return '本单位参建项目的检测报告。';
}

export default function ReportsPage() {
  const me = useMe();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<ReportFilters>({});
  const [q, setQ] = useState('');
  const [generating, setGenerating] = useState(false);
  const [acting, setActing] = useState<{ report: Report; action: ReasonAction } | null>(null);
  const { data, loading, error, page, pageSize, onChange, reload } = usePagedList(listReports, filters);

  const download = async (r: Report) => {
    try {
      await downloadReportPdf(r);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: ColumnsType<Report> = [
    {
      title: '报告编号',
      dataIndex: 'reportNumber',
      width: 210,
      render: (v: string, r) => (
        <Space direction="vertical" size={0}>
          <Typography.Text className="mono" copyable>
            {v}
          </Typography.Text>
          {r.supersedes ? <Typography.Text type="secondary">更正，替代 {r.supersedes.reportNumber}</Typography.Text> : null}
        </Space>
      ),
    },
    { title: '检测批次', dataIndex: 'batch', width: 150, render: (_: unknown, r) => <span className="mono">{r.batch.batchNumber}</span> },
    { title: '工程项目', dataIndex: 'project', width: 260, render: (_: unknown, r) => <Link to={`/projects/${r.project.id}`}>{r.project.name}</Link> },
    ...(me.organisation?.type === 'agency' ? [] : [{ title: '检测机构', dataIndex: 'agency', width: 220, render: (_: unknown, r: Report) => r.agency.name }]),
    { title: '专项', dataIndex: 'specialtyName', width: 130 },
    { title: '报告日期', dataIndex: 'reportDate', width: 110 },
    { title: '授权签字人', dataIndex: 'signatory', width: 100, render: (_: unknown, r) => r.signatory.name },
    {
      title: '结果',
      dataIndex: 'summary',
      width: 190,
      render: (_: unknown, r) => `${r.summary.records} 条：合格 ${r.summary.pass}，不合格 ${r.summary.fail}`,
    },
    { title: '状态', dataIndex: 'status', width: 140, render: (_: unknown, r) => <ReportStatusTag report={r} /> },
    {
      title: '操作',
      key: 'actions',
      width: 220,
      fixed: 'right',
      render: (_: unknown, r) => (
        <Space size={12} wrap>
          <Typography.Link onClick={() => void download(r)}>下载 PDF</Typography.Link>
          <Link to={r.verifyPath} target="_blank">
            核验页
          </Link>
          {r.status === 'valid' && can.generateReports(me) && me.organisation?.id === r.agency.id ? (
            <Typography.Link onClick={() => setActing({ report: r, action: 'supersede' })}>更正</Typography.Link>
          ) : null}
          {r.status === 'valid' && can.revokeReports(me, r.agency.id) ? (
            <Typography.Link type="danger" onClick={() => setActing({ report: r, action: 'revoke' })}>
              撤销
            </Typography.Link>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="检测报告"
        description={scopeText(me)}
        extra={
          can.generateReports(me) ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setGenerating(true)}>
              生成报告
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={12} wrap className="filter-bar">
          <Input.Search
            placeholder="报告编号或批次编号"
            allowClear
            style={{ width: 280 }}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => setFilters((f) => ({ ...f, q: v.trim() || undefined }))}
          />
          <Select
            placeholder="状态"
            allowClear
            style={{ width: 180 }}
            value={filters.status}
            onChange={(status: ReportStatus | undefined) => setFilters((f) => ({ ...f, status }))}
            options={(Object.keys(REPORT_STATUS_LABELS) as ReportStatus[]).map((s) => ({ value: s, label: REPORT_STATUS_LABELS[s] }))}
          />
        </Flex>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Table<Report>
          rowKey="id"
          columns={columns}
          dataSource={data.items}
          loading={loading}
          scroll={{ x: 1520 }}
          pagination={{ current: page, pageSize, total: data.total, onChange, showSizeChanger: true, showTotal: (n) => `共 ${n} 份` }}
          locale={{ emptyText: '暂无检测报告' }}
        />
      </Card>
      <GenerateReportModal
        open={generating}
        onClose={() => setGenerating(false)}
        onDone={() => {
          setGenerating(false);
          reload();
        }}
      />
      <ReasonModal
        report={acting?.report ?? null}
        action={acting?.action ?? 'revoke'}
        onClose={() => setActing(null)}
        onDone={() => {
          setActing(null);
          reload();
        }}
      />
    </>
  );
}
