import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api.ts';
import { showFieldError } from '../../components/formErrors.ts';
import type { MachineCredential } from '../../types.ts';
import { createCredential } from './api.ts';

export function NewCredentialModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (c: MachineCredential, secret: string) => void;
}) {
  const [form] = Form.useForm<{ name: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (v: { name: string }) => {
    setSaving(true);
    setError(null);
    try {
      const { credential, secret } = await createCredential(v.name.trim());
      onCreated(credential, secret);
    } catch (e) {
      if (!showFieldError(form, e, ['name'])) setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title="新建接口凭证"
      okText="生成凭证"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      afterOpenChange={(o) => !o && setError(null)}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" onFinish={onFinish} preserve={false} disabled={saving} name="new-credential">
        <Form.Item
          name="name"
          label="凭证名称"
          extra="写明使用这把凭证的系统或设备，便于日后识别和吊销，例如“LIMS 正式环境”。"
          rules={[{ required: true, whitespace: true, message: '请填写凭证名称' }, { max: 100, message: '凭证名称最多 100 个字符' }]}
        >
          <Input placeholder="例如 LIMS 正式环境" maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
