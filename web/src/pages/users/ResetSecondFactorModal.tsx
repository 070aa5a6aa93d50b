import { App, Form, Typography } from 'antd';
import { ReasonItem } from '../../components/ReasonItem.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { useRetained } from '../../hooks/useRetained.ts';
import type { User } from '../../types.ts';
import { resetUserSecondFactor } from './api.ts';

interface FormValues {
  reason: string;
}

/** An administrator removes a person's second factor (a lost or replaced phone), with the reason for the audit log. */
export function ResetSecondFactorModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const shown = useRetained(user);

  const onFinish = async (v: FormValues) => {
    if (!user) return;
    await resetUserSecondFactor(user.id, v.reason.trim());
    message.success(`已重置「${user.displayName}」的两步验证，本人再次登录时重新绑定`);
    onClose();
  };

  return (
    <FormModal<FormValues>
      open={user !== null}
      title="重置两步验证"
      okText="重置"
      danger
      form={form}
      name="reset-second-factor"
      fields={['reason']}
      onSubmit={onFinish}
      onClose={onClose}
      intro={
        shown ? (
          <Typography.Paragraph>
            解除用户 <Typography.Text strong>{shown.displayName}（{shown.username}）</Typography.Text>{' '}
            已绑定的验证器和恢复码，并使其退出登录。请先核实是本人申请（如电话确认），原因将记入审计日志。
          </Typography.Paragraph>
        ) : null
      }
    >
      <ReasonItem label="重置原因" message="请写明重置原因" min={4} placeholder="如：手机丢失，已电话确认本人申请" />
    </FormModal>
  );
}
