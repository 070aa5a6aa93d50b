import { Alert, App, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api.ts';
import { showFieldError } from '../../components/formErrors.ts';
import { useRetained } from '../../hooks/useRetained.ts';
import type { User } from '../../types.ts';
import { resetUserPassword } from './api.ts';
import { PasswordFields } from './PasswordFields.tsx';

interface FormValues {
  newPassword: string;
  newPasswordConfirm: string;
}

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const shown = useRetained(user);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (v: FormValues) => {
    if (!user) return;
    setSaving(true);
    setError(null);
    try {
      await resetUserPassword(user.id, v.newPassword);
      message.success(`已重置「${user.displayName}」的密码，请将新密码告知本人`);
      onClose();
    } catch (e) {
      if (!showFieldError(form, e, ['newPassword'])) setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={user !== null}
      title="重置密码"
      okText="重置"
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
        <>
          <Typography.Paragraph>
            为用户 <Typography.Text strong>{shown.displayName}（{shown.username}）</Typography.Text> 设置新密码。重置后该用户须用新密码登录，并在登录后修改密码。
          </Typography.Paragraph>
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
          <Form<FormValues> form={form} layout="vertical" onFinish={onFinish} preserve={false} disabled={saving} name="reset-password">
            <PasswordFields form={form} name="newPassword" label="新密码" />
          </Form>
        </>
      ) : null}
    </Modal>
  );
}
