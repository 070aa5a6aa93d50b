import { App, Button, Form, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { ReasonItem } from '../../components/ReasonItem.tsx';
import { formatDateTime } from '../../format.ts';
import { useFilteredList } from '../../hooks/useFilteredList.ts';
import { approveKey, KEY_STATE_COLORS, KEY_STATE_LABELS, listKeys, revokeKey, type CaptureKey } from './api.ts';

type Filters = { state?: CaptureKey['state'] };

/** The organisation's capture keys, waiting ones first (the server lists newest first; the list is small). */
async function fetchKeys(f: Filters) {
  const { items } = await listKeys('organisation');
  const shown = items.filter((k) => !f.state || k.state === f.state).sort((a, b) => Number(b.state === 'pending') - Number(a.state === 'pending'));
  return { items: shown, total: shown.length };
}

/**
 * 采集设备: the keys of the organisation's phones and capture apps. The agency administrator (for a supervision unit,
 * another witness of the unit) approves a waiting one after checking with its holder that the fingerprint is the one
 * their phone shows, and revokes one with a reason (a lost phone). The server decides who may and audits each step.
 */
export default function CaptureKeysPage() {
  const { message } = App.useApp();
  const list = useFilteredList(fetchKeys, {} as Filters);
  const [revoking, setRevoking] = useState<CaptureKey | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState<string | null>(null);

  const approve = async (k: CaptureKey) => {
    setBusy(k.id);
    try {
      await approveKey(k.id);
      message.success(`已批准 ${k.owner.name} 的采集设备“${k.label}”`);
      list.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <ListPage<CaptureKey, Filters>
      list={list}
      title="采集设备"
      description="本单位人员手机（及业务系统采集程序）登记的签名采集密钥。请与持有人核对其手机上显示的指纹后批准；手机遗失或人员离岗时吊销。"
      errorTitle="采集设备加载失败"
      empty="本单位尚无登记的采集设备"
      emptyFiltered="没有符合条件的采集设备"
      total={(n) => `共 ${n} 台`}
      table={{
        rowKey: 'id',
        className: 'capture-keys-table',
        scroll: { x: 'max-content' },
        columns: [
          { title: '持有人', render: (_, k) => k.owner.name },
          { title: '设备名称', dataIndex: 'label' },
          { title: '算法', dataIndex: 'algorithm' },
          { title: '指纹', render: (_, k) => <Typography.Text className="mono" copyable={{ text: k.fingerprint }}>{k.fingerprint.slice(0, 16)}</Typography.Text> },
          { title: '状态', render: (_, k) => <Tag color={KEY_STATE_COLORS[k.state]} className="key-state">{KEY_STATE_LABELS[k.state]}</Tag> },
          { title: '登记时间', render: (_, k) => formatDateTime(k.enrolledAt) },
          { title: '批准', render: (_, k) => (k.approvedAt ? `${k.approvedBy ?? ''} ${formatDateTime(k.approvedAt)}` : '—') },
          { title: '有效期至', render: (_, k) => formatDateTime(k.expiresAt) },
          { title: '吊销原因', render: (_, k) => k.revokeReason ?? '—' },
          {
            title: '操作',
            fixed: 'right',
            render: (_, k) => (
              <Space>
                {k.state === 'pending' ? (
                  <Button type="primary" size="small" loading={busy === k.id} onClick={() => void approve(k)}>
                    批准
                  </Button>
                ) : null}
                {k.state === 'pending' || k.state === 'approved' ? (
                  <Button danger size="small" onClick={() => setRevoking(k)}>
                    吊销
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ],
      }}
    >
      <FormModal<{ reason: string }>
        open={revoking !== null}
        title={revoking ? `吊销 ${revoking.owner.name} 的采集设备“${revoking.label}”` : '吊销采集设备'}
        okText="吊销"
        danger
        form={form}
        name="revoke-capture-key"
        onClose={() => setRevoking(null)}
        onSubmit={async (v) => {
          await revokeKey(revoking!.id, v.reason);
          message.success('已吊销；此后该设备签名的照片将被平台拒绝');
          setRevoking(null);
          list.reload();
        }}
        intro={<Typography.Paragraph type="secondary">吊销后该设备的签名不再被接受，已上传的照片不受影响。持有人可在手机上重新登记新设备。</Typography.Paragraph>}
      >
        <ReasonItem label="吊销原因" placeholder="如：手机遗失" />
      </FormModal>
    </ListPage>
  );
}
