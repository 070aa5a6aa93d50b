import { App, Form, Typography } from 'antd';
import { FormModal } from '../../components/FormModal.tsx';
import { ReasonItem } from '../../components/ReasonItem.tsx';
import { useRetained } from '../../hooks/useRetained.ts';
import type { Commission } from '../../types.ts';
import { terminateCommission } from './api.ts';

export function TerminateModal({ commission, onClose, onDone }: { commission: Commission | null; onClose: () => void; onDone: (c: Commission) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const shown = useRetained(commission);

  const onFinish = async (v: { reason: string }) => {
    if (!commission) return;
    const c = await terminateCommission(commission.id, v.reason.trim());
    message.success('已终止委托');
    onDone(c);
  };

  return (
    <FormModal<{ reason: string }>
      open={commission !== null}
      title="终止委托"
      okText="终止委托"
      danger
      form={form}
      name="terminate-commission"
      fields={['reason']}
      onSubmit={onFinish}
      onClose={onClose}
      intro={
        shown ? (
          <Typography.Paragraph>
            终止委托 <Typography.Text strong>{shown.agency.name}</Typography.Text> 承担「{shown.project.name}」的检测。终止后该机构不能再为本项目开立检测批次；此前的检测记录保留。
          </Typography.Paragraph>
        ) : null
      }
    >
      <ReasonItem label="终止理由" message="请填写终止委托的理由" />
    </FormModal>
  );
}
