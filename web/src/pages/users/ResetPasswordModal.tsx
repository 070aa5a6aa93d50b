import { App, Form, Typography } from 'antd';
import { FormModal } from '../../components/FormModal.tsx';
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

  const onFinish = async (v: FormValues) => {
    if (!user) return;
    await resetUserPassword(user.id, v.newPassword);
    message.success(`已重置「${user.displayName}」的密码，请将新密码告知本人`);
    onClose();
  };

  return (
    <FormModal<FormValues>
      open={user !== null}
      title="重置密码"
      okText="重置"
      danger
      form={form}
      name="reset-password"
      fields={['newPassword']}
      onSubmit={onFinish}
      onClose={onClose}
      intro={
        shown ? (
          <Typography.Paragraph>
            为用户 <Typography.Text strong>{shown.displayName}（{shown.username}）</Typography.Text> 设置新密码。重置后该用户须用新密码登录，并在登录后修改密码。
          </Typography.Paragraph>
        ) : null
      }
    >
      <PasswordFields form={form} name="newPassword" label="新密码" />
    </FormModal>
  );
}
