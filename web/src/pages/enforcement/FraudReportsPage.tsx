import { App, Button, DatePicker, Form, Input, Radio, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FRAUD_REPORT_MAX_CHARS, FRAUD_REPORT_MIN_CHARS } from '../../../../src/kernel/policy.ts';
import { VIOLATION_TYPE_LABELS } from '../../../../src/modules/violations/types.ts';
import { useMe } from '../../auth.tsx';
import { DocumentLink, DocumentUpload } from '../../components/Documents.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { OrganisationSelect } from '../../components/OrganisationSelect.tsx';
import { ProjectSelect } from '../../components/ProjectSelect.tsx';
import { formatDateTime, toBeijingInstant } from '../../format.ts';
import { useFilteredList } from '../../hooks/useFilteredList.ts';
import { createFraudReport, dismissReport, listFraudReports, recordFromReport, type FraudReport } from './api.ts';

const STATUS: Record<FraudReport['status'], { label: string; color: string }> = {
  open: { label: '待处理', color: 'gold' },
  recorded: { label: '已认定违规', color: 'red' },
  dismissed: { label: '不予认定', color: 'default' },
};

interface NewValues {
  projectId: string;
  subjectOrganisationId?: string;
  description: string;
  documentId?: string;
}

function NewReportModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<NewValues>();
  const onFinish = async (v: NewValues) => {
    await createFraudReport({ projectId: v.projectId, subjectOrganisationId: v.subjectOrganisationId ?? null, description: v.description.trim(), documentIds: v.documentId ? [v.documentId] : [] });
    message.success('已提交举报，项目所在地住建部门将核查处理');
    onDone();
  };
  return (
    <FormModal<NewValues>
      open={open}
      title="举报问题"
      okText="提交"
      form={form}
      name="fraud-report"
      fields={{ projectId: 'projectId', subjectOrganisationId: 'subjectOrganisationId', description: 'description', documentIds: 'documentId' }}
      onSubmit={onFinish}
      onClose={onClose}
      intro={<Typography.Paragraph type="secondary">发现篡改、伪造检测数据，合成、补拍影像等违法违规行为的，请及时报告项目所在地住建部门（吉建质〔2026〕2号 二(一)）。</Typography.Paragraph>}
    >
        <Form.Item name="projectId" label="工程项目" rules={[{ required: true, message: '请选择项目' }]}>
          <ProjectSelect />
        </Form.Item>
        <Form.Item name="subjectOrganisationId" label="被举报单位（可选）">
          <OrganisationSelect placeholder="输入名称搜索" />
        </Form.Item>
        <Form.Item
          name="description"
          label="问题描述"
          rules={[
            { required: true, whitespace: true, message: '请描述发现的问题' },
            { min: FRAUD_REPORT_MIN_CHARS, message: `至少 ${FRAUD_REPORT_MIN_CHARS} 个字` },
          ]}
        >
        <Input.TextArea rows={5} maxLength={FRAUD_REPORT_MAX_CHARS} showCount placeholder="时间、部位、检测项目、发现的情况" />
      </Form.Item>
      <Form.Item name="documentId" label="附件（可选，PDF/JPEG/PNG）">
        <DocumentUpload />
      </Form.Item>
    </FormModal>
  );
}

interface HandleValues {
  mode: 'record' | 'dismiss';
  organisationId?: string;
  type?: string;
  occurredAt?: Dayjs;
  note: string;
  intentional?: 'yes' | 'no' | 'unknown';
}

function HandleModal({ report, onClose, onDone }: { report: FraudReport | null; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<HandleValues>();
  const mode = Form.useWatch('mode', form);
  const onFinish = async (v: HandleValues) => {
    if (!report) return;
    if (v.mode === 'record') {
      await recordFromReport(report.id, {
        organisationId: v.organisationId!,
        type: v.type!,
        occurredAt: toBeijingInstant(v.occurredAt!),
        note: v.note.trim(),
        intentional: v.intentional === 'yes' ? true : v.intentional === 'no' ? false : null,
      });
      message.success('已认定违规并记入违规台账');
    } else {
      await dismissReport(report.id, v.note.trim());
      message.success('已不予认定');
    }
    onDone();
  };
  return (
    <FormModal<HandleValues>
      open={report !== null}
      title="处理举报"
      form={form}
      name="handle-report"
      fields={{ organisationId: 'organisationId', type: 'type', occurredAt: 'occurredAt', note: 'note', reason: 'note' }}
      onSubmit={onFinish}
      onClose={onClose}
      initialValues={{ mode: 'record', organisationId: report?.subjectOrganisation?.id, occurredAt: dayjs(), intentional: 'unknown' }}
      intro={report ? <Typography.Paragraph>「{report.project.name}」：{report.description}</Typography.Paragraph> : null}
    >
      <Form.Item name="mode" label="处理结论">
        <Radio.Group options={[{ value: 'record', label: '认定违规' }, { value: 'dismiss', label: '不予认定' }]} />
      </Form.Item>
      {mode !== 'dismiss' ? (
        <>
          <Form.Item name="organisationId" label="违规单位" rules={[{ required: true, message: '请选择违规单位' }]}>
            <OrganisationSelect />
          </Form.Item>
          <Form.Item name="type" label="违规类型" rules={[{ required: true, message: '请选择违规类型' }]}>
            <Select options={Object.entries(VIOLATION_TYPE_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="occurredAt" label="发生时间" rules={[{ required: true, message: '请选择发生时间' }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="intentional" label="是否故意">
            <Radio.Group options={[{ value: 'unknown', label: '暂不认定' }, { value: 'no', label: '非故意' }, { value: 'yes', label: '故意' }]} />
          </Form.Item>
        </>
      ) : null}
      <Form.Item name="note" label={mode === 'dismiss' ? '不予认定的理由' : '认定意见'} rules={[{ required: true, whitespace: true, message: '请填写' }, { min: 2, message: '至少 2 个字符' }]}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}

/** 问题举报: construction units report fraud they find; the project's department records a violation or dismisses it. */
export default function FraudReportsPage() {
  const me = useMe();
  const reporter = me.roles.includes('construction_user');
  const officer = me.roles.includes('dept_officer');
  const list = useFilteredList(listFraudReports, (officer ? { status: 'open' } : {}) as { status?: FraudReport['status'] });
  const { reload } = list;
  const [creating, setCreating] = useState(false);
  const [handling, setHandling] = useState<FraudReport | null>(null);

  const columns: ColumnsType<FraudReport> = [
    { title: '提交时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
    { title: '工程项目', key: 'project', width: 200, render: (_: unknown, r) => r.project.name },
    { title: '举报单位', key: 'reporter', width: 200, render: (_: unknown, r) => `${r.reporter.name}（${r.reportedBy}）` },
    { title: '被举报单位', key: 'subject', width: 200, render: (_: unknown, r) => r.subjectOrganisation?.name ?? '—' },
    {
      title: '问题描述',
      dataIndex: 'description',
      render: (_: unknown, r) => (
        <Space direction="vertical" size={0}>
          <span>{r.description}</span>
          {r.documentIds.map((d) => (
            <DocumentLink key={d} id={d} label="查看附件" />
          ))}
        </Space>
      ),
    },
    { title: '处理部门', dataIndex: 'regionName', width: 110 },
    {
      title: '状态',
      dataIndex: 'status',
      width: 170,
      render: (_: unknown, r) => (
        <Space direction="vertical" size={0}>
          <Tag color={STATUS[r.status].color}>{STATUS[r.status].label}</Tag>
          {r.handlingNote ? <Typography.Text type="secondary">{r.handlingNote}</Typography.Text> : null}
        </Space>
      ),
    },
    ...(officer
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 90,
            render: (_: unknown, r: FraudReport) =>
              r.status === 'open' ? (
                <Button size="small" type="primary" onClick={() => setHandling(r)}>
                  处理
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <>
      <ListPage<FraudReport, { status?: FraudReport['status'] }>
        list={list}
        title="问题举报"
        description={reporter ? '本单位提交的问题举报及处理结果。' : `${me.jurisdiction ? `${me.jurisdiction.name}辖区内` : '全省'}建设单位报告的篡改、伪造等问题。`}
        extra={
          reporter ? (
            <Button type="primary" onClick={() => setCreating(true)}>
              举报问题
            </Button>
          ) : null
        }
        filters={
          <Select
            placeholder="状态"
            allowClear
            style={{ width: 140 }}
            value={list.filters.status}
            onChange={(status: FraudReport['status'] | undefined) => list.set({ status })}
            options={Object.entries(STATUS).map(([value, s]) => ({ value, label: s.label }))}
          />
        }
        errorTitle="举报加载失败"
        empty="暂无举报"
        emptyFiltered="没有符合条件的举报"
        total={(t) => `共 ${t} 条`}
        table={{ rowKey: 'id', columns, scroll: { x: 1200 } }}
      />
      <NewReportModal
        open={creating}
        onClose={() => setCreating(false)}
        onDone={() => {
          setCreating(false);
          reload();
        }}
      />
      <HandleModal
        report={handling}
        onClose={() => setHandling(null)}
        onDone={() => {
          setHandling(null);
          reload();
        }}
      />
    </>
  );
}
