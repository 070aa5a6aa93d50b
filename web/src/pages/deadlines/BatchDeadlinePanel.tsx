import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Flex, Form, Input, List, Space, Spin, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, isAbort } from '../../api.ts';
import { DocumentUpload } from '../../components/Documents.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { formatDateTime, toBeijingInstant, TIME_ZONE } from '../../format.ts';
import { clearFiling, fileForceMajeure, filingDocumentUrl, getBatchDeadline, unlockBatch, type BatchDeadline, type ForceMajeureFiling } from './api.ts';

const FILING_COLORS: Record<ForceMajeureFiling['status'], string> = { pending: 'gold', accepted: 'green', rejected: 'red' };

export function FilingStatusTag({ f }: { f: ForceMajeureFiling }) {
  return <Tag color={FILING_COLORS[f.status]}>{f.statusLabel}</Tag>;
}

function remaining(ms: number): string {
  const abs = Math.abs(ms);
  const h = Math.floor(abs / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  return `${h > 0 ? `${h} 小时 ` : ''}${m} 分钟`;
}

/** The deadline in one line: 截止 / 已暂停 / 未开始计时, with what is left or how late. */
export function DeadlineText({ d }: { d: BatchDeadline['deadline'] }) {
  if (d.state === 'open') return <Typography.Text type="secondary">未申报完成，尚未计时</Typography.Text>;
  if (d.state === 'suspended') return <Tag color="gold">不可抗力报备，暂停计时</Tag>;
  return (
    <Space size={4} wrap>
      <span>截止 {formatDateTime(d.deadline)}</span>
      {d.basis === 'force_majeure_cleared' ? <Tag>故障排除后 2 小时</Tag> : null}
      {d.basis === 'force_majeure_limit' ? <Tag color="gold">报备同意后逾期未申报排除，视为已排除</Tag> : null}
      {d.sealedOnTime === true ? <Tag color="green">按时封存</Tag> : null}
      {d.sealedOnTime === false ? <Tag color="red">逾期封存</Tag> : null}
      {d.remainingMs !== null && d.remainingMs >= 0 ? <Tag color={d.warning ? 'orange' : 'blue'}>剩余 {remaining(d.remainingMs)}</Tag> : null}
      {d.remainingMs !== null && d.remainingMs < 0 ? <Tag color="red">已超时 {remaining(d.remainingMs)}</Tag> : null}
    </Space>
  );
}

function FilingItem({ f }: { f: ForceMajeureFiling }) {
  return (
    <Descriptions size="small" column={1} bordered title={<Space>不可抗力报备 <FilingStatusTag f={f} /></Space>}>
      <Descriptions.Item label="报备时间">{formatDateTime(f.filedAt)}（{f.filedByName}）</Descriptions.Item>
      <Descriptions.Item label="审核部门">{f.department.name ?? `${f.department.regionName}住建部门`}</Descriptions.Item>
      <Descriptions.Item label="情况说明">{f.reason}</Descriptions.Item>
      <Descriptions.Item label="证明材料">
        {f.documents.length === 0 ? '—' : f.documents.map((d) => (
          <div key={d.id}>
            <a href={filingDocumentUrl(f.id, d.id)} target="_blank" rel="noreferrer">{d.filename}</a>
          </div>
        ))}
      </Descriptions.Item>
      {f.decidedAt ? <Descriptions.Item label="审核">{formatDateTime(f.decidedAt)} {f.decidedByName}{f.decisionReason ? `：${f.decisionReason}` : ''}</Descriptions.Item> : null}
      {f.clearedAt ? <Descriptions.Item label="故障排除">{formatDateTime(f.clearedAt)}，须在 {formatDateTime(f.clearedDeadline)} 前完成上传</Descriptions.Item> : null}
    </Descriptions>
  );
}

/**
 * A batch's 2-hour deadline, report lock and force-majeure filings, with the actions the signed-in person may take:
 * 不可抗力报备 and 申报故障排除 for the agency, 解锁 for the officers of the jurisdiction. For the batch detail page.
 */
type ActionValues = { reason?: string; documentId?: string; clearedAt?: Dayjs; note?: string };

export function BatchDeadlinePanel({ batch, onChange }: { batch: { id: string }; onChange?: () => void }) {
  const { message } = App.useApp();
  const [data, setData] = useState<BatchDeadline | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [action, setAction] = useState<'file' | 'clear' | 'unlock' | null>(null);
  const [form] = Form.useForm<ActionValues>();

  useEffect(() => {
    const ctl = new AbortController();
    getBatchDeadline(batch.id, ctl.signal)
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!isAbort(e)) setError(errorMessage(e));
      });
    return () => ctl.abort();
  }, [batch.id, version]);

  const reload = useCallback(() => {
    setVersion((v) => v + 1);
    onChange?.();
  }, [onChange]);

  const current = data?.filings[0];
  const submit = async (v: ActionValues) => {
    if (action === 'file') {
      await fileForceMajeure(batch.id, { reason: v.reason!, documentIds: v.documentId ? [v.documentId] : [] });
      message.success('已提交不可抗力报备，等待住建部门审核');
    } else if (action === 'clear' && current) {
      await clearFiling(current.id, { clearedAt: toBeijingInstant(v.clearedAt!), note: v.note ?? null });
      message.success('已申报故障排除时间');
    } else if (action === 'unlock') {
      await unlockBatch(batch.id, v.reason!);
      message.success('已解锁报告生成权限');
    }
    setAction(null);
    reload();
  };

  if (error) return <Alert type="error" showIcon title="上传时限加载失败" description={error} />;
  if (!data) return <Spin />;
  const titles = { file: '不可抗力报备', clear: '申报故障排除', unlock: '解锁报告生成权限' } as const;

  return (
    <Card
      size="small"
      title="上传时限与报告锁定"
      data-testid="batch-deadline-panel"
      extra={
        <Space>
          {data.can.file ? <Button onClick={() => setAction('file')}>不可抗力报备</Button> : null}
          {data.can.clear ? <Button onClick={() => setAction('clear')}>申报故障排除</Button> : null}
          {data.can.unlock ? <Button type="primary" icon={<UnlockOutlined />} onClick={() => setAction('unlock')}>解锁</Button> : null}
        </Space>
      }
    >
      <Flex vertical gap={12}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="现场检测完成">{formatDateTime(data.completedAt)}</Descriptions.Item>
          <Descriptions.Item label="上传时限"><DeadlineText d={data.deadline} /></Descriptions.Item>
          <Descriptions.Item label="报告生成权限">
            {data.lock.locked ? (
              <Tag color="red" icon={<LockOutlined />} data-testid="lock-state">已锁定</Tag>
            ) : (
              <Tag color="green" data-testid="lock-state">{data.lock.unlockedAt ? '已解锁' : '正常'}</Tag>
            )}
          </Descriptions.Item>
          {data.lock.lockedAt ? <Descriptions.Item label="锁定">{formatDateTime(data.lock.lockedAt)}：{data.lock.lockReason}</Descriptions.Item> : null}
          {data.lock.unlockedAt ? <Descriptions.Item label="解锁">{formatDateTime(data.lock.unlockedAt)}：{data.lock.unlockReason}</Descriptions.Item> : null}
          {data.filingWindowEndsAt && data.can.file ? <Descriptions.Item label="报备时限">{formatDateTime(data.filingWindowEndsAt)} 前</Descriptions.Item> : null}
        </Descriptions>
        {data.filings.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无不可抗力报备" /> : (
          <List dataSource={data.filings} renderItem={(f) => <List.Item key={f.id}><FilingItem f={f} /></List.Item>} />
        )}
      </Flex>
      <FormModal<ActionValues>
        open={action !== null}
        title={action ? titles[action] : ''}
        okText="提交"
        form={form}
        fields={{ reason: 'reason', documentIds: 'documentId', clearedAt: 'clearedAt', note: 'note' }}
        onSubmit={submit}
        onClose={() => setAction(null)}
      >
        {action === 'file' ? (
          <>
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title="须在现场检测完成后 2 小时内报备；审核期间暂停锁定，故障排除后 2 小时内须完成全部上传。" />
            <Form.Item name="reason" label="不可抗力情况说明" rules={[{ required: true, min: 4, message: '请说明不可抗力的情况（至少 4 个字）' }]}>
              <Input.TextArea rows={4} maxLength={2000} />
            </Form.Item>
            <Form.Item name="documentId" label="证明材料（PDF、JPEG 或 PNG）">
              <DocumentUpload />
            </Form.Item>
          </>
        ) : null}
        {action === 'clear' ? (
          <>
            <Form.Item name="clearedAt" label="故障排除时间（北京时间）" rules={[{ required: true, message: '请选择故障排除时间' }]} initialValue={dayjs().tz(TIME_ZONE)}>
              <DatePicker showTime style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="note" label="说明">
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </>
        ) : null}
        {action === 'unlock' ? (
          <Form.Item name="reason" label="处理情况与解锁理由" rules={[{ required: true, min: 2, message: '请说明处理情况和理由' }]}>
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
        ) : null}
      </FormModal>
    </Card>
  );
}
