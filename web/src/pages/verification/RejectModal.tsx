import { App, Form, Typography } from 'antd';
import { FormModal } from '../../components/FormModal.tsx';
import { ReasonItem } from '../../components/ReasonItem.tsx';
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
  const shown = useRetained(target);

  const onFinish = async (v: { reason: string }) => {
    if (!target) return;
    await target.run(v.reason.trim());
    message.success('已驳回，机构将看到驳回理由');
    onDone();
  };

  return (
    <FormModal<{ reason: string }>
      open={target !== null}
      title="驳回核验"
      okText="驳回"
      danger
      form={form}
      name="reject"
      fields={['reason']}
      onSubmit={onFinish}
      onClose={onClose}
      intro={shown ? <Typography.Paragraph>驳回：{shown.label}</Typography.Paragraph> : null}
    >
      <ReasonItem label="驳回理由" message="驳回须说明理由" min={0} extra="写明需要补正的内容，机构将看到此理由。" placeholder="例如：扫描件不清晰，无法核对证书编号" />
    </FormModal>
  );
}
