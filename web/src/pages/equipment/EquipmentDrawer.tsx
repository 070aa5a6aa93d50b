import { KeyOutlined, PlusOutlined, RedoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Drawer, Empty, Popconfirm, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { DocumentLink } from '../../components/Documents.tsx';
import { InForceTag, VerificationTag } from '../../components/Tags.tsx';
import { formatDateTime, orDash } from '../../format.ts';
import { CALIBRATION_KIND_LABELS } from '../../labels.ts';
import { can } from '../../nav.tsx';
import type { Calibration, DeviceKey, EquipmentDetail } from '../../types.ts';
import { getEquipment, resubmitEquipment } from './api.ts';
import { CalibrationModal } from './CalibrationModal.tsx';
import { CalibrationStatus } from './CalibrationTag.tsx';
import { KeyModal } from './KeyModal.tsx';

function keyState(k: DeviceKey, now: number): { label: string; color: string } {
  const from = Date.parse(k.validFrom);
  const to = k.validTo ? Date.parse(k.validTo) : null;
  if (from > now) return { label: '待启用', color: 'processing' };
  if (to !== null && to <= now) return { label: '已停用（保留验证历史数据）', color: 'default' };
  return { label: '当前使用', color: 'success' };
}

export function EquipmentDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const [eq, setEq] = useState<EquipmentDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [calFor, setCalFor] = useState<EquipmentDetail | null>(null);
  const [keyFor, setKeyFor] = useState<EquipmentDetail | null>(null);
  const [busy, setBusy] = useState(false);
  const [now] = useState(() => new Date().getTime());

  useEffect(() => {
    if (!id) {
      setEq(null);
      return;
    }
    let alive = true;
    setError(null);
    getEquipment(id)
      .then((e) => alive && setEq(e))
      .catch((e: unknown) => alive && setError(errorMessage(e)));
    return () => {
      alive = false;
    };
  }, [id, version]);

  const manage = eq !== null && can.manageAgency(me, eq.agencyId);
  const refresh = () => {
    setVersion((n) => n + 1);
    onChanged();
  };

  const resubmit = async () => {
    if (!eq) return;
    setBusy(true);
    try {
      await resubmitEquipment(eq.id);
      message.success('已重新提交核验');
      refresh();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={eq ? `${eq.equipmentType} · ${eq.serialNumber}` : '检测设备'}
      size={820}
      destroyOnHidden
      extra={
        manage && eq ? (
          <Space>
            {eq.status === 'rejected' ? (
              <Popconfirm title="重新提交核验？" description="请确认已按驳回理由补正（如登记新的检定/校准证书）。" okText="提交" cancelText="取消" onConfirm={resubmit}>
                <Button icon={<RedoOutlined />} loading={busy}>
                  重新提交核验
                </Button>
              </Popconfirm>
            ) : null}
            <Button icon={<KeyOutlined />} onClick={() => setKeyFor(eq)}>
              {eq.keys.length > 0 ? '轮换公钥' : '登记公钥'}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCalFor(eq)}>
              登记检定/校准
            </Button>
          </Space>
        ) : null
      }
    >
      {error ? (
        <Alert type="error" showIcon title="设备信息加载失败" description={error} />
      ) : !eq ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          {eq.calibrationWarning ? (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="检定/校准证书将在 30 天内到期" description="到期后该设备立即不能用于检测批次，请及时送检并登记新的检定/校准证书。" />
          ) : null}
          {eq.status === 'rejected' && eq.decisionReason ? (
            <Alert type="error" showIcon style={{ marginBottom: 16 }} title={`住建部门驳回：${eq.decisionReason}`} description="补正后可重新提交核验。" />
          ) : null}
          <Descriptions column={2} bordered size="middle">
            <Descriptions.Item label="设备类型">{eq.equipmentType}</Descriptions.Item>
            <Descriptions.Item label="所属机构">{eq.agencyName}</Descriptions.Item>
            <Descriptions.Item label="生产厂家">{eq.maker}</Descriptions.Item>
            <Descriptions.Item label="型号">{eq.model}</Descriptions.Item>
            <Descriptions.Item label="出厂编号">{eq.serialNumber}</Descriptions.Item>
            <Descriptions.Item label="自动采集">{eq.autoCollect ? <Tag color="blue">具备</Tag> : '不具备'}</Descriptions.Item>
            {eq.autoCollect ? (
              <Descriptions.Item label="数据接口/协议" span={2}>
                {orDash(eq.autoCollectProtocol)}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label="核验状态">
              <VerificationTag status={eq.status} reason={eq.decisionReason} />
              {eq.decidedAt ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {eq.decidedByName ?? ''} {formatDateTime(eq.decidedAt)}
                </Typography.Text>
              ) : null}
            </Descriptions.Item>
            <Descriptions.Item label="检定/校准">
              <CalibrationStatus e={eq} />
            </Descriptions.Item>
            <Descriptions.Item label="可用于检测">{eq.usable ? <Tag color="success">可用</Tag> : <Tag color="error">不可用</Tag>}</Descriptions.Item>
            <Descriptions.Item label="登记时间">{formatDateTime(eq.createdAt)}</Descriptions.Item>
          </Descriptions>
          <Card title="检定/校准证书" size="small" style={{ marginTop: 16 }}>
            <Table<Calibration>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={eq.calibrations}
              locale={{ emptyText: <Empty description="尚未登记检定/校准证书" /> }}
              columns={[
                { title: '类别', dataIndex: 'kind', width: 70, render: (_: unknown, c) => CALIBRATION_KIND_LABELS[c.kind] },
                { title: '证书编号', dataIndex: 'certificateNumber' },
                { title: '检定/校准机构', dataIndex: 'issuingBody', width: 170 },
                { title: '有效期', key: 'validity', width: 200, render: (_: unknown, c) => `${c.validFrom} 至 ${c.validTo}` },
                { title: '状态', dataIndex: 'inForce', width: 110, render: (v: boolean) => <InForceTag inForce={v} /> },
                { title: '扫描件', dataIndex: 'documentId', width: 80, render: (v: string | null) => <DocumentLink id={v} label="查看" /> },
              ]}
            />
          </Card>
          <Card title="设备密钥（Ed25519）" size="small" style={{ marginTop: 16 }}>
            <Table<DeviceKey>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={eq.keys}
              locale={{ emptyText: <Empty description={eq.autoCollect ? '尚未登记设备公钥' : '未登记（不具备自动采集的设备可不登记）'} /> }}
              columns={[
                {
                  title: '公钥指纹（SHA-256）',
                  dataIndex: 'fingerprint',
                  render: (v: string) => (
                    <Typography.Text className="mono" copyable={{ text: v }}>
                      {v.slice(0, 24)}…
                    </Typography.Text>
                  ),
                },
                { title: '启用时间', dataIndex: 'validFrom', width: 170, render: (v: string) => formatDateTime(v) },
                { title: '停用时间', dataIndex: 'validTo', width: 170, render: (v: string | null) => (v ? formatDateTime(v) : '—') },
                {
                  title: '状态',
                  key: 'state',
                  width: 200,
                  render: (_: unknown, k) => {
                    const s = keyState(k, now);
                    return <Tag color={s.color}>{s.label}</Tag>;
                  },
                },
              ]}
            />
          </Card>
        </>
      )}
      <CalibrationModal
        equipment={calFor}
        onClose={() => setCalFor(null)}
        onSaved={() => {
          setCalFor(null);
          refresh();
        }}
      />
      <KeyModal
        equipment={keyFor}
        onClose={() => setKeyFor(null)}
        onSaved={() => {
          setKeyFor(null);
          refresh();
        }}
      />
    </Drawer>
  );
}
