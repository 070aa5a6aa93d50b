import { App, Empty, Form, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage, isAbort } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { formatDateTime } from '../../format.ts';
import { generateReport, listReviewedBatches, type Report, type ReviewedBatch } from './api.ts';

/**
 * 生成报告: the signatory picks one of the agency's reviewed batches. The server decides (sealed, reviewed, not locked,
 * agency connected); a refusal — a locked batch's above all — is shown as the server words it.
 */
export function GenerateReportModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (r: Report) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ batchId: string }>();
  const [batches, setBatches] = useState<ReviewedBatch[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    const ctl = new AbortController();
    setBatches(null);
    setLoadError(null);
    listReviewedBatches(ctl.signal)
      .then((p) => setBatches(p.items))
      .catch((e: unknown) => {
        if (!isAbort(e)) setLoadError(errorMessage(e));
      });
    return () => ctl.abort();
  }, [open]);

  const submit = async (v: { batchId: string }) => {
    const r = await generateReport(v.batchId);
    message.success(`已出具检测报告 ${r.reportNumber}`);
    onDone(r);
  };

  return (
    <FormModal<{ batchId: string }>
      open={open}
      title="生成检测报告"
      okText="生成报告"
      form={form}
      name="generate-report"
      onSubmit={submit}
      onClose={onClose}
      error={loadError}
      errorTestId="generate-error"
      intro={
        <Typography.Paragraph type="secondary">
          只有已封存并通过双人复核、未被锁定报告生成权限的批次可以出具报告。报告编号按本机构、本年度连续编制，出具后不可删除；如需更正，请出具更正报告。
        </Typography.Paragraph>
      }
    >
      <Form.Item name="batchId" label="检测批次" rules={[{ required: true, message: '请选择要出具报告的检测批次' }]}>
        <Select
          loading={batches === null}
          placeholder="选择已复核的检测批次"
          notFoundContent={batches === null ? null : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有待出具报告的已复核批次" />}
          options={(batches ?? []).map((b) => ({
            value: b.id,
            label: (
              <Space size={6}>
                <span className="mono">{b.batchNumber}</span>
                <span>{b.project.name}</span>
                <span>{b.specialtyName}</span>
                {b.locked ? <Tag color="error">已锁定</Tag> : null}
              </Space>
            ),
            title: `${b.batchNumber} ${b.project.name}（复核于 ${formatDateTime(b.reviewedAt)}）`,
          }))}
        />
      </Form.Item>
    </FormModal>
  );
}
