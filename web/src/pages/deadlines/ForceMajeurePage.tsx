import { App, Button, Card, Drawer, Form, Input, Space, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useLocation } from 'react-router-dom';
import { useMe } from '../../auth.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../format.ts';
import { useFilteredList } from '../../hooks/useFilteredList.ts';
import { decideFiling, listBatches, listFilings, type BatchRow, type FilingFilters, type ForceMajeureFiling } from './api.ts';
import { BatchDeadlinePanel, DeadlineText, FilingStatusTag } from './BatchDeadlinePanel.tsx';

function FilingsTable({ filters, decide, onOpen }: { filters: FilingFilters; decide: boolean; onOpen: (batchId: string) => void }) {
  const { message } = App.useApp();
  const list = useFilteredList(listFilings, filters);
  const [deciding, setDeciding] = useState<{ f: ForceMajeureFiling; decision: 'accept' | 'reject' } | null>(null);
  const [form] = Form.useForm<{ reason?: string }>();

  const submit = async (v: { reason?: string }) => {
    if (!deciding) return;
    await decideFiling(deciding.f.id, { decision: deciding.decision, reason: v.reason?.trim() || null });
    message.success(deciding.decision === 'accept' ? '已同意报备' : '已驳回报备');
    setDeciding(null);
    list.reload();
  };

  const columns: ColumnsType<ForceMajeureFiling> = [
    { title: '报备时间', dataIndex: 'filedAt', width: 170, render: (v: string) => formatDateTime(v) },
    { title: '批次', dataIndex: 'batchNumber', width: 150, render: (v: string, f) => <a onClick={() => onOpen(f.batchId)}>{v}</a> },
    { title: '检测机构', dataIndex: ['agency', 'name'] },
    { title: '工程项目', dataIndex: ['project', 'name'] },
    { title: '情况说明', dataIndex: 'reason', ellipsis: true },
    { title: '审核部门', width: 140, render: (_: unknown, f) => f.department.name ?? `${f.department.regionName}住建部门` },
    { title: '状态', dataIndex: 'status', width: 90, render: (_: unknown, f) => <FilingStatusTag f={f} /> },
    ...(decide
      ? [
          {
            title: '操作',
            width: 150,
            render: (_: unknown, f: ForceMajeureFiling) =>
              f.status === 'pending' ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => setDeciding({ f, decision: 'accept' })}>同意</Button>
                  <Button size="small" danger onClick={() => setDeciding({ f, decision: 'reject' })}>驳回</Button>
                </Space>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <>
      <ListPage<ForceMajeureFiling, FilingFilters>
        list={list}
        bare
        errorTitle="报备加载失败"
        empty="暂无不可抗力报备"
        emptyFiltered="暂无不可抗力报备"
        total={(t) => `共 ${t} 条`}
        table={{ rowKey: 'id', columns, scroll: { x: 1100 } }}
      />
      <FormModal<{ reason?: string }>
        open={deciding !== null}
        title={deciding ? `${deciding.decision === 'accept' ? '同意' : '驳回'}不可抗力报备：${deciding.f.batchNumber}` : ''}
        okText="确定"
        form={form}
        fields={['reason']}
        onSubmit={submit}
        onClose={() => setDeciding(null)}
        intro={deciding ? <Typography.Paragraph>{deciding.f.agency.name}：{deciding.f.reason}</Typography.Paragraph> : null}
      >
        <Form.Item
          name="reason"
          label={deciding?.decision === 'reject' ? '驳回理由' : '审核意见（可选）'}
          rules={deciding?.decision === 'reject' ? [{ required: true, min: 2, message: '驳回须说明理由' }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </FormModal>
    </>
  );
}

function BatchesTable({ filters, onOpen, action }: { filters: { locked?: boolean; status?: string }; onOpen: (batchId: string) => void; action: string }) {
  const list = useFilteredList(listBatches, filters);
  const columns: ColumnsType<BatchRow> = [
    { title: '批次', dataIndex: 'batchNumber', width: 150 },
    { title: '检测机构', dataIndex: ['agency', 'name'] },
    { title: '工程项目', dataIndex: ['project', 'name'] },
    { title: '状态', dataIndex: 'statusLabel', width: 130 },
    { title: '上传时限', render: (_: unknown, b) => <DeadlineText d={b.deadline} /> },
    { title: '操作', width: 120, render: (_: unknown, b) => <Button size="small" onClick={() => onOpen(b.id)}>{action}</Button> },
  ];
  return (
    <>
      <ListPage<BatchRow, { locked?: boolean; status?: string }>
        list={list}
        bare
        errorTitle="批次加载失败"
        empty="暂无批次"
        emptyFiltered="暂无批次"
        total={(t) => `共 ${t} 条`}
        table={{ rowKey: 'id', columns, scroll: { x: 1000 } }}
      />
    </>
  );
}

const INBOX: FilingFilters = { inbox: true, status: 'pending' };
const DEPT_ALL: FilingFilters = {};
const LOCKED = { locked: true };
const COMPLETED = { status: 'completed' };

/**
 * 不可抗力报备与锁定处理 (issue 5): for an agency, its completed batches (file within 2 h, declare the fault cleared)
 * and its filings; for a department, the inbox of filings to decide, every filing of the jurisdiction, and the locked
 * batches to unlock after handling.
 */
export default function ForceMajeurePage() {
  const me = useMe();
  const officer = me.roles.includes('dept_officer');
  // A notification opens its batch here.
  const location = useLocation();
  const [open, setOpen] = useState<string | null>((location.state as { batchId?: string } | null)?.batchId ?? null);
  const [version, setVersion] = useState(0);
  const tabs = officer
    ? [
        { key: 'inbox', label: '待审核报备', children: <FilingsTable key={version} filters={INBOX} decide onOpen={setOpen} /> },
        { key: 'locked', label: '已锁定批次', children: <BatchesTable key={version} filters={LOCKED} onOpen={setOpen} action="处理" /> },
        { key: 'all', label: '全部报备', children: <FilingsTable key={version} filters={DEPT_ALL} decide={false} onOpen={setOpen} /> },
      ]
    : [
        { key: 'batches', label: '待封存批次', children: <BatchesTable key={version} filters={COMPLETED} onOpen={setOpen} action="报备／查看" /> },
        { key: 'filings', label: '本机构报备', children: <FilingsTable key={version} filters={DEPT_ALL} decide={false} onOpen={setOpen} /> },
        { key: 'locked', label: '已锁定批次', children: <BatchesTable key={version} filters={LOCKED} onOpen={setOpen} action="查看" /> },
      ];
  return (
    <>
      <PageHeader
        title="不可抗力报备与锁定"
        description={
          officer
            ? '审核本部门收到的不可抗力报备；处理逾期未上传而被锁定的批次并解锁报告生成权限。'
            : '现场检测完成后 2 小时内须完成全部上传并封存；因不可抗力无法按时上传的，须在 2 小时内向项目所在地住建部门报备。'
        }
      />
      <Card>
        <Tabs items={tabs} />
      </Card>
      <Drawer open={open !== null} width={720} title="上传时限与报告锁定" onClose={() => setOpen(null)} destroyOnHidden>
        {open ? <BatchDeadlinePanel batch={{ id: open }} onChange={() => setVersion((v) => v + 1)} /> : null}
      </Drawer>
    </>
  );
}
