import { Select } from 'antd';
import { useEffect, useState } from 'react';
import type { User } from '../../types.ts';
import { roleLabel } from '../../labels.ts';
import { listAgencyUsers } from './api.ts';

/** One of the organisation's platform accounts (the account the registered person signs in with). */
export function UserLinkSelect({ organisationId, value, onChange, id, emptyHint = '请先选择检测机构' }: { organisationId: string | null; value?: string | null; onChange?: (v: string | null) => void; id?: string; emptyHint?: string }) {
  const [users, setUsers] = useState<User[] | null>(null);
  useEffect(() => {
    if (!organisationId) return;
    let alive = true;
    listAgencyUsers(organisationId)
      .then((p) => alive && setUsers(p.items))
      .catch(() => alive && setUsers([]));
    return () => {
      alive = false;
    };
  }, [organisationId]);
  return (
    <Select
      id={id}
      allowClear
      placeholder={organisationId ? '不关联平台账号' : emptyHint}
      disabled={!organisationId}
      loading={organisationId !== null && users === null}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      showSearch={{ optionFilterProp: 'label' }}
      options={(users ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}，${u.roles.map(roleLabel).join('、')}）` }))}
      notFoundContent="本单位没有可关联的账号"
    />
  );
}
