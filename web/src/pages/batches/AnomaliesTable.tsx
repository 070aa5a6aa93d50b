import { Alert, App, Button, Empty, Flex, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { showFieldError } from '../../components/formErrors.ts';
import { formatDateTime } from '../../format.ts';
import { usePagedList } from '../../hooks/usePagedList.ts';
import { useRetained } from '../../hooks/useRetained.ts';
import { batchCan } from './access.ts';
import { acknowledgeAnomaly, listAnomalies, type AnomalyFilters, type AnomalyKind, type AnomalyListItem } from './api.ts';
import { ANOMALY_KIND_OPTIONS, SUBJECT_LABELS } from './labels.ts';

const SEVERITY_LABELS: Record<string, string> = { high: '高', medium: '中', low: '低' };

/** The evidence of a finding in a line a person reads (distances, times, names); the raw JSON otherwise. */
export function detailsText(details: Record<string, unknown>): string {
  const parts: string[] = [];
  const d = details;
  // Forensic findings carry their evidence in one Chinese sentence, and a severity.
  if (typeof d.summary === 'string') return `${typeof d.severity === 'string' ? `【${SEVERITY_LABELS[d.severity] ?? d.severity}】` : ''}${d.summary}`;
  if (typeof d.distanceMetres === 'number') parts.push(`距离 ${d.distanceMetres} 米`);
  if (typeof d.toleranceMetres === 'number') parts.push(`容差 ${d.toleranceMetres} 米`);
  if (typeof d.differenceSeconds === 'number') parts.push(`相差 ${Math.round(Math.abs(d.differenceSeconds) / 60)} 分钟`);
  if (typeof d.recordKey === 'string') parts.push(`记录 ${d.recordKey}`);
  if (typeof d.software === 'string') parts.push(`软件 ${d.software}`);
  if (typeof d.required === 'number' && typeof d.found === 'number') parts.push(`应有 ${d.required} 张，实有 ${d.found} 张`);
  if (typeof d.testerName === 'string') parts.push(`人员 ${d.testerName}`);
  if (typeof d.display === 'string') parts.push(`构件 ${d.display}`);
  if (parts.length > 0) return parts.join('；');
  const json = JSON.stringify(details);
  return json === '{}' ? '—' : json;
}

export function AnomalyStatusTag({ status }: { status: 'open' | 'acknowledged' }) {
  return status === 'open' ? <Tag color="warning">待核查</Tag> : <Tag color="success">已核查</Tag>;
}

/**
 * Anomalies the caller sees (a department: its jurisdiction; an agency: its own), with filters; with `batchId`,
 * those of one batch (the batch page's tab). Department officers acknowledge open ones with a note.
 */
export function AnomaliesTable({ batchId, version = 0, onChanged }: { batchId?: string; version?: number; onChanged?: () => void }) {
  const me = useMe();
  const [filters, setFilters] = useState<AnomalyFilters>({ batchId, status: batchId ? undefined : 'open' });
  const { data, loading, error, page, pageSize, onChange, reload } = usePagedList(listAnomalies, filters);
  const [acking, setAcking] = useState<AnomalyListItem | null>(null);
  const [seen, setSeen] = useState(version);
  if (seen !== version) {
    setSeen(version);
    reload();
  }

  const columns: ColumnsType<AnomalyListItem> = [
    { title: '发现时间', dataIndex: 'detectedAt', width: 170, render: (v: string) => formatDateTime(v) },
    ...(batchId
      ? []
      : [
          {
            title: '批次',
            dataIndex: 'batchNumber',
            width: 160,
            render: (_: unknown, a: AnomalyListItem) => (
              <Link className="mono" to={`/batches/${a.batchId}`}>
                {a.batchNumber}
              </Link>
            ),
          },
          { title: '工程项目', dataIndex: 'projectName', width: 240 },
          { title: '检测机构', dataIndex: 'agencyName', width: 200 },
        ]),
    { title: '异常类型', dataIndex: 'kindLabel', width: 230, render: (v: string) => <Tag color="orange">{v}</Tag> },
    { title: '对象', dataIndex: 'subjectType', width: 90, render: (v: string) => SUBJECT_LABELS[v] ?? v },
    { title: '情况', dataIndex: 'details', render: (d: Record<string, unknown>) => <Typography.Text type="secondary">{detailsText(d)}</Typography.Text> },
    {
      title: '状态',
      dataIndex: 'status',
      width: 220,
      render: (_: unknown, a) =>
        a.status === 'open' ? (
          <AnomalyStatusTag status="open" />
        ) : (
          <span>
            <AnomalyStatusTag status="acknowledged" />
            <Typography.Text type="secondary">{a.acknowledgeNote}</Typography.Text>
          </span>
        ),
    },
    ...(batchCan.acknowledge(me)
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 80,
            fixed: 'right' as const,
            render: (_: unknown, a: AnomalyListItem) =>
              a.status === 'open' ? (
                <Typography.Link className="ack-link" onClick={() => setAcking(a)}>
                  核查
                </Typography.Link>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <>
      <Flex gap={12} wrap className="filter-bar">
        <Select
          placeholder="核查状态"
          allowClear
          style={{ width: 130 }}
          value={filters.status}
          onChange={(status: 'open' | 'acknowledged' | undefined) => setFilters((f) => ({ ...f, status }))}
          options={[
            { value: 'open', label: '待核查' },
            { value: 'acknowledged', label: '已核查' },
          ]}
        />
        <Select
          placeholder="异常类型"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 280 }}
          value={filters.kind}
          onChange={(kind: AnomalyKind | undefined) => setFilters((f) => ({ ...f, kind }))}
          options={ANOMALY_KIND_OPTIONS}
        />
      </Flex>
      {error ? <Alert type="error" showIcon title="异常列表加载失败" description={error} style={{ marginBottom: 16 }} action={<Button onClick={reload}>重试</Button>} /> : null}
      <Table<AnomalyListItem>
        className="anomalies-table"
        rowKey="id"
        size={batchId ? 'small' : 'middle'}
        columns={columns}
        dataSource={data.items}
        loading={loading}
        scroll={{ x: batchId ? 1000 : 1500 }}
        locale={{ emptyText: <Empty description={filters.status === 'open' ? '没有待核查的异常' : '没有异常'} /> }}
        pagination={{ current: page, pageSize, total: data.total, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100], showTotal: (t) => `共 ${t} 项`, onChange }}
      />
      <AcknowledgeModal
        anomaly={acking}
        onClose={() => setAcking(null)}
        onDone={() => {
          setAcking(null);
          reload();
          onChanged?.();
        }}
      />
    </>
  );
}

/** 核查: the department's officer records what they found, once per anomaly. */
export function AcknowledgeModal({ anomaly, onClose, onDone }: { anomaly: AnomalyListItem | null; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = useRetained(anomaly);
  return (
    <Modal
      open={anomaly !== null}
      title="核查异常"
      okText="核查完成"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      afterOpenChange={(o) => !o && setError(null)}
    >
      {shown ? (
        <Typography.Paragraph>
          批次 <span className="mono">{shown.batchNumber}</span>：<Tag color="orange">{shown.kindLabel}</Tag>
          <br />
          <Typography.Text type="secondary">{detailsText(shown.details)}</Typography.Text>
        </Typography.Paragraph>
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        name="acknowledge-anomaly"
        preserve={false}
        disabled={saving}
        onFinish={async (v) => {
          if (!anomaly) return;
          setSaving(true);
          setError(null);
          try {
            await acknowledgeAnomaly(anomaly.id, v.note.trim());
            message.success('已核查');
            onDone();
          } catch (e) {
            if (!showFieldError(form, e, ['note'])) setError(errorMessage(e));
          } finally {
            setSaving(false);
          }
        }}
      >
        <Form.Item name="note" label="核查意见" rules={[{ required: true, whitespace: true, message: '请填写核查意见' }, { min: 2, message: '至少 2 个字符' }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
