import { ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api.ts';
import type { Me } from '../../types.ts';
import { enrolKey, KEY_STATE_COLORS, KEY_STATE_LABELS, listKeys } from './api.ts';
import { generateDeviceKey, saveDeviceKey, suggestedLabel } from './device.ts';
import type { DeviceKey } from './store.ts';

/**
 * 本机采集密钥: enrol this phone (a new non-extractable key pair, its public half sent with a name), then see whether
 * the administrator has approved it. A revoked or expired key is replaced by enrolling again.
 */
export function DeviceCard({ me, device, online, onChange }: { me: Me; device: DeviceKey | null; online: boolean; onChange: (d: DeviceKey) => void }) {
  const [label, setLabel] = useState(() => suggestedLabel(me.displayName));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const enrol = async () => {
    setBusy(true);
    setError(null);
    try {
      const key = await generateDeviceKey();
      const view = await enrolKey(key.spki, label.trim());
      const d: DeviceKey = { userId: me.id, alg: key.alg, privateKey: key.privateKey, spki: key.spki, label: view.label, keyId: view.id, lastState: view.state, fingerprint: view.fingerprint };
      await saveDeviceKey(d);
      onChange(d);
    } catch (e) {
      setError(e instanceof Error && !('status' in e) ? `本机无法生成密钥：${e.message}` : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const refresh = async () => {
    if (!device) return;
    setBusy(true);
    setError(null);
    try {
      const mine = (await listKeys('mine')).items.find((k) => k.id === device.keyId);
      const d: DeviceKey = { ...device, lastState: mine ? mine.state : 'revoked' };
      await saveDeviceKey(d);
      onChange(d);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const usable = device && (device.lastState === 'pending' || device.lastState === 'approved');
  return (
    <Card size="small" title={<><SafetyCertificateOutlined /> 本机采集密钥</>} className="capture-device">
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} /> : null}
      {device ? (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="设备">{device.label}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Space wrap>
              <Tag color={KEY_STATE_COLORS[device.lastState]} data-testid="key-state">
                {KEY_STATE_LABELS[device.lastState]}
              </Tag>
              <Button size="small" icon={<ReloadOutlined />} onClick={() => void refresh()} loading={busy} disabled={!online}>
                刷新状态
              </Button>
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="算法">{device.alg}</Descriptions.Item>
          <Descriptions.Item label="指纹">
            <Typography.Text className="mono" data-testid="key-fingerprint">{device.fingerprint.slice(0, 16)}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      {device?.lastState === 'pending' ? (
        <Typography.Paragraph type="secondary">请本单位管理员在“采集设备”中核对上面的指纹后批准；批准后点“刷新状态”即可拍摄。</Typography.Paragraph>
      ) : null}
      {!usable ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {device ? '本机密钥已失效，请重新登记本机。' : '首次在本机现场采集，须先登记本机：手机生成专属签名密钥（私钥不出本机），经本单位管理员批准后使用。'}
          </Typography.Paragraph>
          <Input aria-label="设备名称" value={label} maxLength={100} onChange={(e) => setLabel(e.target.value)} />
          <Button type="primary" block onClick={() => void enrol()} loading={busy} disabled={!online || label.trim() === ''}>
            {device ? '重新登记本机' : '登记本机'}
          </Button>
          {!online ? <Typography.Text type="warning">登记须联网</Typography.Text> : null}
        </Space>
      ) : null}
    </Card>
  );
}
