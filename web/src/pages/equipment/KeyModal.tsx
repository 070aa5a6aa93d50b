import { App, DatePicker, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '../../components/FormModal.tsx';
import { useRetained } from '../../hooks/useRetained.ts';
import { toBeijingInstant } from '../../format.ts';
import type { DeviceKey, EquipmentDetail } from '../../types.ts';
import { addKey } from './api.ts';

export const PUBLIC_KEY_HINT = 'Ed25519 公钥：32 字节原始公钥的 base64，或 PEM 格式（-----BEGIN PUBLIC KEY-----）。私钥留在设备内，切勿粘贴私钥。';
export const PUBLIC_KEY_PLACEHOLDER = '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA…\n-----END PUBLIC KEY-----';

/** 登记 / 轮换 a device key: the old key stops when the new one starts, and is kept to verify earlier data. */
export function KeyModal({ equipment, onClose, onSaved }: { equipment: EquipmentDetail | null; onClose: () => void; onSaved: (k: DeviceKey) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ publicKey: string; validFrom?: Dayjs }>();
  const shown = useRetained(equipment);
  const rotating = (shown?.keys.length ?? 0) > 0;

  const onFinish = async (v: { publicKey: string; validFrom?: Dayjs }) => {
    if (!equipment) return;
    const k = await addKey(equipment.id, { publicKey: v.publicKey.trim(), ...(v.validFrom ? { validFrom: toBeijingInstant(v.validFrom) } : {}) });
    message.success(`已登记设备公钥（指纹 ${k.fingerprint.slice(0, 16)}…）`);
    onSaved(k);
  };

  return (
    <FormModal
      open={equipment !== null}
      title={rotating ? '轮换设备公钥' : '登记设备公钥'}
      form={form}
      name="device-key"
      fields={['publicKey', 'validFrom']}
      onSubmit={onFinish}
      onClose={onClose}
      width={640}
      intro={
        <Typography.Paragraph type="secondary">
          设备用私钥对采集数据签名，平台用登记的公钥验证数据来源。{rotating ? '轮换后原公钥自新公钥启用时停用，但保留用于验证此前的数据。' : ''}
        </Typography.Paragraph>
      }
    >
      <Form.Item name="publicKey" label="设备公钥" extra={PUBLIC_KEY_HINT} rules={[{ required: true, whitespace: true, message: '请粘贴设备公钥' }, { max: 1000, message: '最多 1000 个字符' }]}>
        <Input.TextArea rows={4} placeholder={PUBLIC_KEY_PLACEHOLDER} className="mono" />
      </Form.Item>
      <Form.Item name="validFrom" label="启用时间" extra="不填为立即启用；不得早于当前时间（北京时间）。">
        <DatePicker showTime style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
