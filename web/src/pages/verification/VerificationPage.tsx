import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Card, Empty, Flex, Popconfirm, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { errorMessage, isAbort } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { DocumentLink } from '../../components/Documents.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SpecialtyTags } from '../../components/Tags.tsx';
import { formatDateTime } from '../../format.ts';
import { GRADE_LABELS } from '../../labels.ts';
import type { Equipment, Filing, Qualification, VerificationQueue } from '../../types.ts';
import { CalibrationStatus } from '../equipment/CalibrationTag.tsx';
import { EquipmentDrawer } from '../equipment/EquipmentDrawer.tsx';
import { approveEquipment, approveFiling, approveQualification, getQueue, rejectEquipment, rejectFiling, rejectQualification } from './api.ts';
import { RejectModal, type RejectTarget } from './RejectModal.tsx';

function ApproveButton({ label, run, onDone }: { label: string; run: () => Promise<unknown>; onDone: () => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Popconfirm
      title="核验通过？"
      description={`确认已核对${label}的原件或扫描件。`}
      okText="通过"
      cancelText="取消"
      onConfirm={async () => {
        setBusy(true);
        try {
          await run();
          message.success('已核验通过');
          onDone();
        } catch (e) {
          message.error(errorMessage(e));
        } finally {
          setBusy(false);
        }
      }}
    >
      <Button type="primary" size="small" loading={busy}>
        通过
      </Button>
    </Popconfirm>
  );
}

/** 核验队列: the pending 入吉备案, qualification certificates and equipment of the officer's jurisdiction, oldest first. */
export default function VerificationPage() {
  const me = useMe();
  const [queue, setQueue] = useState<VerificationQueue | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);
  const [rejecting, setRejecting] = useState<RejectTarget | null>(null);
  const [equipmentId, setEquipmentId] = useState<string | null>(null);
  const reload = useCallback(() => setVersion((n) => n + 1), []);

  useEffect(() => {
    const ctl = new AbortController();
    setLoading(true);
    setError(null);
    getQueue(ctl.signal)
      .then(setQueue)
      .catch((e: unknown) => !isAbort(e) && setError(errorMessage(e)))
      .finally(() => !ctl.signal.aborted && setLoading(false));
    return () => ctl.abort();
  }, [version]);

  /** 提交时间 and the 通过 / 驳回 buttons, the same on every queue. */
  const decisionColumns = <T extends { submittedAt: string }>(
    width: number,
    actions: (row: T) => { before?: ReactNode; approveLabel: string; approve: () => Promise<unknown>; rejectLabel: string; reject: (reason: string) => Promise<unknown> },
  ): ColumnsType<T> => [
    { title: '提交时间', dataIndex: 'submittedAt', width: 165, render: (v: string) => formatDateTime(v) },
    {
      title: '操作',
      key: 'actions',
      width,
      fixed: 'right',
      render: (_: unknown, row) => {
        const a = actions(row);
        return (
          <Space>
            {a.before}
            <ApproveButton label={a.approveLabel} run={a.approve} onDone={reload} />
            <Button size="small" danger onClick={() => setRejecting({ label: a.rejectLabel, run: a.reject })}>
              驳回
            </Button>
          </Space>
        );
      },
    },
  ];

  const fColumns: ColumnsType<Filing> = [
    { title: '检测机构', dataIndex: 'agencyName', width: 220 },
    { title: '入吉备案编号', dataIndex: 'number', width: 210, render: (v: string, f) => (f.version > 1 ? `${v}（第 ${f.version} 版）` : v) },
    { title: '扫描件', dataIndex: 'documentId', width: 110, render: (v: string | null) => <DocumentLink id={v} label="预览/下载" /> },
    { title: '备案日期', dataIndex: 'date', width: 110 },
    { title: '有效期', key: 'validity', width: 200, render: (_: unknown, f) => `${f.validFrom} 至 ${f.validTo}` },
    ...decisionColumns<Filing>(130, (f) => ({
      approveLabel: '入吉备案证明',
      approve: () => approveFiling(f.id),
      rejectLabel: `入吉备案 ${f.number}（${f.agencyName}）`,
      reject: (r) => rejectFiling(f.id, r),
    })),
  ];

  const qColumns: ColumnsType<Qualification> = [
    { title: '检测机构', dataIndex: 'agencyName', width: 200 },
    { title: '证书编号', dataIndex: 'certificateNumber', width: 170 },
    { title: '扫描件', dataIndex: 'documentId', width: 110, render: (v: string | null) => <DocumentLink id={v} label="预览/下载" /> },
    { title: '资质类别', dataIndex: 'grade', width: 90, render: (_: unknown, q) => GRADE_LABELS[q.grade] },
    { title: '检测专项', dataIndex: 'specialties', width: 220, render: (_: unknown, q) => (q.grade === 'comprehensive' ? <Tag color="geekblue">全部九个专项</Tag> : <SpecialtyTags codes={q.specialties} />) },
    { title: '有效期', key: 'validity', width: 200, render: (_: unknown, q) => `${q.validFrom} 至 ${q.validTo}` },
    { title: '发证机关', dataIndex: 'issuer', width: 160 },
    ...decisionColumns<Qualification>(130, (q) => ({
      approveLabel: '资质证书',
      approve: () => approveQualification(q.id),
      rejectLabel: `资质证书 ${q.certificateNumber}（${q.agencyName}）`,
      reject: (r) => rejectQualification(q.id, r),
    })),
  ];

  const eColumns: ColumnsType<Equipment> = [
    { title: '检测机构', dataIndex: 'agencyName', width: 220 },
    {
      title: '设备',
      dataIndex: 'equipmentType',
      render: (v: string, e) => (
        <Flex vertical>
          <Typography.Link onClick={() => setEquipmentId(e.id)}>{v}</Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.maker} · {e.model}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '出厂编号', dataIndex: 'serialNumber', width: 170 },
    { title: '自动采集', dataIndex: 'autoCollect', width: 90, render: (v: boolean) => (v ? <Tag color="blue">具备</Tag> : '—') },
    { title: '检定/校准', key: 'calibration', width: 210, render: (_: unknown, e) => <CalibrationStatus e={e} /> },
    ...decisionColumns<Equipment>(200, (e) => ({
      before: <Typography.Link onClick={() => setEquipmentId(e.id)}>证书</Typography.Link>,
      approveLabel: '设备及其检定/校准证书',
      approve: () => approveEquipment(e.id),
      rejectLabel: `设备 ${e.equipmentType} ${e.serialNumber}（${e.agencyName}）`,
      reject: (r) => rejectEquipment(e.id, r),
    })),
  ];

  const fl = queue?.filings;
  const q = queue?.qualifications;
  const eq = queue?.equipment;
  return (
    <>
      <PageHeader
        title="核验队列"
        description={`${me.jurisdiction ? `${me.jurisdiction.name}辖区内` : ''}检测机构提交的入吉备案、资质证书和检测设备，按提交先后排列。核验通过后计入机构的监管平台对接条件；驳回须说明理由。`}
        extra={
          <Button icon={<ReloadOutlined />} onClick={reload} loading={loading && queue !== null}>
            刷新
          </Button>
        }
      />
      {error ? <Alert type="error" showIcon title="核验队列加载失败" description={error} style={{ marginBottom: 16 }} action={<Button onClick={reload}>重试</Button>} /> : null}
      <Card>
        <Tabs
          items={[
            {
              key: 'qualifications',
              label: (
                <span>
                  资质证书 <Badge count={q?.total ?? 0} showZero color={q?.total ? '#1d5fb8' : '#bfbfbf'} />
                </span>
              ),
              children: (
                <Table<Qualification>
                  className="queue-qualifications"
                  rowKey="id"
                  columns={qColumns}
                  dataSource={q?.items ?? []}
                  loading={loading}
                  pagination={false}
                  scroll={{ x: 1450 }}
                  locale={{ emptyText: <Empty description="没有待核验的资质证书" /> }}
                  footer={q && q.total > q.items.length ? () => `仅显示最早提交的 ${q.items.length} 条，共 ${q.total} 条` : undefined}
                />
              ),
            },
            {
              key: 'filings',
              label: (
                <span>
                  入吉备案 <Badge count={fl?.total ?? 0} showZero color={fl?.total ? '#1d5fb8' : '#bfbfbf'} />
                </span>
              ),
              children: (
                <Table<Filing>
                  className="queue-filings"
                  rowKey="id"
                  columns={fColumns}
                  dataSource={fl?.items ?? []}
                  loading={loading}
                  pagination={false}
                  scroll={{ x: 1150 }}
                  locale={{ emptyText: <Empty description="没有待核验的入吉备案" /> }}
                  footer={fl && fl.total > fl.items.length ? () => `仅显示最早提交的 ${fl.items.length} 条，共 ${fl.total} 条` : undefined}
                />
              ),
            },
            {
              key: 'equipment',
              label: (
                <span>
                  检测设备 <Badge count={eq?.total ?? 0} showZero color={eq?.total ? '#1d5fb8' : '#bfbfbf'} />
                </span>
              ),
              children: (
                <Table<Equipment>
                  className="queue-equipment"
                  rowKey="id"
                  columns={eColumns}
                  dataSource={eq?.items ?? []}
                  loading={loading}
                  pagination={false}
                  scroll={{ x: 1300 }}
                  locale={{ emptyText: <Empty description="没有待核验的检测设备" /> }}
                  footer={eq && eq.total > eq.items.length ? () => `仅显示最早提交的 ${eq.items.length} 条，共 ${eq.total} 条` : undefined}
                />
              ),
            },
          ]}
        />
      </Card>
      <RejectModal
        target={rejecting}
        onClose={() => setRejecting(null)}
        onDone={() => {
          setRejecting(null);
          reload();
        }}
      />
      <EquipmentDrawer id={equipmentId} onClose={() => setEquipmentId(null)} onChanged={reload} />
    </>
  );
}
