import { App, Button, Popconfirm } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api.ts';
import type { Organisation } from '../../types.ts';
import { setOrganisationStatus } from './api.ts';

/** 停用 / 启用 one organisation, after a confirmation. */
export function OrganisationStatusButton({ org, onDone, size }: { org: Organisation; onDone: (o: Organisation) => void; size?: 'small' }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const disabling = org.status === 'active';

  const run = async () => {
    setBusy(true);
    try {
      const updated = await setOrganisationStatus(org.id, disabling ? 'disable' : 'enable');
      message.success(disabling ? `已停用「${org.name}」` : `已启用「${org.name}」`);
      onDone(updated);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Popconfirm
      title={disabling ? '确定停用该机构？' : '确定启用该机构？'}
      description={disabling ? '停用后该机构的人员将无法登录平台，其接口凭证也将停止生效。' : '启用后该机构的人员可以重新登录平台。'}
      okText={disabling ? '停用' : '启用'}
      okButtonProps={{ danger: disabling }}
      cancelText="取消"
      onConfirm={run}
    >
      <Button size={size} type={size ? 'link' : 'default'} danger={disabling} loading={busy} style={size ? { padding: 0 } : undefined}>
        {disabling ? '停用' : '启用'}
      </Button>
    </Popconfirm>
  );
}
