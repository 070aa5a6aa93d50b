import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api.ts';
import { showFieldError } from '../../components/formErrors.ts';
import { useRetained } from '../../hooks/useRetained.ts';

export interface RejectTarget {
  /** What is rejected, as the officer reads it: "资质证书 吉建检资字第… （某机构）". */
  label: string;
  run: (reason: string) => Promise<unknown>;
}

/** 驳回 with a reason: the agency sees it beside the record and corrects it. */
export function RejectModal({ target, onClose, onDone }: { target: RejectTarget | null; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = useRetained(target);

  const onFinish = async (v: { reason: string }) => {
    if (!target) return;
    setSaving(true);
    setError(null);
    try {
      await target.run(v.reason.trim());
      message.success('已驳回，机构将看到驳回理由');
      onDone();
    } catch (e) {
      if (!showFieldError(form, e, ['reason'])) setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={target !== null}
      title="驳回核验"
      okText="驳回"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      afterOpenChange={(o) => !o && setError(null)}
    >
      {shown ? <Typography.Paragraph>驳回：{shown.label}</Typography.Paragraph> : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" onFinish={onFinish} preserve={false} disabled={saving} name="reject">
        <Form.Item name="reason" label="驳回理由" rules={[{ required: true, whitespace: true, message: '驳回须说明理由' }, { max: 500, message: '最多 500 个字符' }]} extra="写明需要补正的内容，机构将看到此理由。">
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="例如：扫描件不清晰，无法核对证书编号" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
