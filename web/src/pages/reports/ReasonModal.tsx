import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api.ts';
import { showFieldError } from '../../components/formErrors.ts';
import { useRetained } from '../../hooks/useRetained.ts';
import { revokeReport, supersedeReport, type Report } from './api.ts';

export type ReasonAction = 'revoke' | 'supersede';

const TEXT: Record<ReasonAction, { title: string; ok: string; label: string; done: string; explain: (r: Report) => string }> = {
  revoke: {
    title: '撤销检测报告',
    ok: '撤销报告',
    label: '撤销原因',
    done: '已撤销报告',
    explain: (r) => `撤销后，报告 ${r.reportNumber} 的公开核验页将显示“已撤销”。撤销不可恢复。`,
  },
  supersede: {
    title: '出具更正报告',
    ok: '出具更正报告',
    label: '更正原因',
    done: '已出具更正报告',
    explain: (r) => `将按批次当前数据出具新编号的更正报告，替代报告 ${r.reportNumber}；原报告的公开核验页将显示“已被更正报告替代”。`,
  },
};

/** Revoke a report, or replace it with a corrected one: both need a reason and are audited. */
export function ReasonModal({ report, action, onClose, onDone }: { report: Report | null; action: ReasonAction; onClose: () => void; onDone: (r: Report) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = useRetained(report);
  const t = TEXT[action];

  const onFinish = async (v: { reason: string }) => {
    if (!report) return;
    setSaving(true);
    setError(null);
    try {
      const r = action === 'revoke' ? await revokeReport(report.id, v.reason.trim()) : await supersedeReport(report.id, v.reason.trim());
      message.success(action === 'supersede' ? `${t.done} ${r.reportNumber}` : t.done);
      onDone(r);
    } catch (e) {
      if (!showFieldError(form, e, ['reason'])) setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={report !== null}
      title={t.title}
      okText={t.ok}
      okButtonProps={{ danger: action === 'revoke' }}
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      afterOpenChange={(o) => !o && setError(null)}
    >
      {shown ? <Typography.Paragraph>{t.explain(shown)}</Typography.Paragraph> : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" onFinish={onFinish} preserve={false} disabled={saving} name={`report-${action}`}>
        <Form.Item name="reason" label={t.label} rules={[{ required: true, whitespace: true, message: `请填写${t.label}` }, { min: 2, message: '至少 2 个字符' }, { max: 500, message: '最多 500 个字符' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
