import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api.ts';
import { showFieldError } from '../../components/formErrors.ts';
import { useRetained } from '../../hooks/useRetained.ts';
import type { Commission } from '../../types.ts';
import { terminateCommission } from './api.ts';

export function TerminateModal({ commission, onClose, onDone }: { commission: Commission | null; onClose: () => void; onDone: (c: Commission) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = useRetained(commission);

  const onFinish = async (v: { reason: string }) => {
    if (!commission) return;
    setSaving(true);
    setError(null);
    try {
      const c = await terminateCommission(commission.id, v.reason.trim());
      message.success('已终止委托');
      onDone(c);
    } catch (e) {
      if (!showFieldError(form, e, ['reason'])) setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={commission !== null}
      title="终止委托"
      okText="终止委托"
      okButtonProps={{ danger: true }}
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
          终止委托 <Typography.Text strong>{shown.agency.name}</Typography.Text> 承担「{shown.project.name}」的检测。终止后该机构不能再为本项目开立检测批次；此前的检测记录保留。
        </Typography.Paragraph>
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" onFinish={onFinish} preserve={false} disabled={saving} name="terminate-commission">
        <Form.Item name="reason" label="终止理由" rules={[{ required: true, whitespace: true, message: '请填写终止委托的理由' }, { min: 2, message: '至少 2 个字符' }, { max: 500, message: '最多 500 个字符' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
