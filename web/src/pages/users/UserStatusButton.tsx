import { App, Button, Popconfirm } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api.ts';
import type { User } from '../../types.ts';
import { setUserStatus } from './api.ts';

export function UserStatusButton({ user, onDone }: { user: User; onDone: () => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const disabling = user.status === 'active';

  const run = async () => {
    setBusy(true);
    try {
      await setUserStatus(user.id, disabling ? 'disable' : 'enable');
      message.success(disabling ? `已停用「${user.displayName}」` : `已启用「${user.displayName}」`);
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Popconfirm
      title={disabling ? '确定停用该用户？' : '确定启用该用户？'}
      description={disabling ? '停用后该用户将立即退出登录，且无法再登录。' : '启用后该用户可以重新登录。'}
      okText={disabling ? '停用' : '启用'}
      okButtonProps={{ danger: disabling }}
      cancelText="取消"
      onConfirm={run}
    >
      <Button type="link" size="small" danger={disabling} loading={busy} style={{ padding: 0 }}>
        {disabling ? '停用' : '启用'}
      </Button>
    </Popconfirm>
  );
}
