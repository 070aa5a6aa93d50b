import { Form, Input } from 'antd';
import { FormModal } from '../../components/FormModal.tsx';
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

  const onFinish = async (v: { name: string }) => {
    const { credential, secret } = await createCredential(v.name.trim());
    onCreated(credential, secret);
  };

  return (
    <FormModal
      open={open}
      title="新建接口凭证"
      okText="生成凭证"
      form={form}
      name="new-credential"
      fields={['name']}
      onSubmit={onFinish}
      onClose={onClose}
    >
      <Form.Item
        name="name"
        label="凭证名称"
        extra="写明使用这把凭证的系统或设备，便于日后识别和吊销，例如“LIMS 正式环境”。"
        rules={[{ required: true, whitespace: true, message: '请填写凭证名称' }, { max: 100, message: '凭证名称最多 100 个字符' }]}
      >
        <Input placeholder="例如 LIMS 正式环境" maxLength={100} />
      </Form.Item>
    </FormModal>
  );
}
