import { Alert, App, Empty, Form, Modal, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage, isAbort } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { generateReport, listReviewedBatches, type Report, type ReviewedBatch } from './api.ts';

/**
 * 生成报告: the signatory picks one of the agency's reviewed batches. The server decides (sealed, reviewed, not locked,
 * agency connected); a refusal — a locked batch's above all — is shown as the server words it.
 */
export function GenerateReportModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (r: Report) => void }) {
  const { message } = App.useApp();
  const [batches, setBatches] = useState<ReviewedBatch[] | null>(null);
  const [batchId, setBatchId] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    const ctl = new AbortController();
    setBatches(null);
    setBatchId(undefined);
    setError(null);
    listReviewedBatches(ctl.signal)
      .then((p) => setBatches(p.items))
      .catch((e: unknown) => {
        if (!isAbort(e)) setError(errorMessage(e));
      });
    return () => ctl.abort();
  }, [open]);

  const submit = async () => {
    if (!batchId) {
      setError('请选择要出具报告的检测批次');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const r = await generateReport(batchId);
      message.success(`已出具检测报告 ${r.reportNumber}`);
      onDone(r);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title="生成检测报告" okText="生成报告" cancelText="取消" onOk={() => void submit()} onCancel={onClose} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}>
      <Typography.Paragraph type="secondary">
        只有已封存并通过双人复核、未被锁定报告生成权限的批次可以出具报告。报告编号按本机构、本年度连续编制，出具后不可删除；如需更正，请出具更正报告。
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="generate-error" /> : null}
      <Form layout="vertical" name="generate-report">
        <Form.Item label="检测批次" required>
          <Select
            value={batchId}
            onChange={(v: string) => {
              setBatchId(v);
              setError(null);
            }}
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
      </Form>
    </Modal>
  );
}
