import { App, Form, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { roleLabel } from '../../labels.ts';
import { useRetained } from '../../hooks/useRetained.ts';
import type { OrganisationType, Role, User } from '../../types.ts';
import { getOrganisation } from '../organisations/api.ts';
import { assignableFor, setUserRoles } from './api.ts';

/** 修改角色: the roles offered are those the caller may give to a person of that organisation. */
export function EditRolesModal({ user, onClose, onSaved }: { user: User | null; onClose: () => void; onSaved: (u: User) => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ roles: Role[] }>();
  const shown = useRetained(user);
  const [orgType, setOrgType] = useState<OrganisationType | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!user) return;
    setError(null);
    if (!user.organisationId) return setOrgType(null);
    if (me.organisation && user.organisationId === me.organisation.id) return setOrgType(me.organisation.type);
    let alive = true;
    setOrgType(undefined);
    getOrganisation(user.organisationId)
      .then((o) => alive && setOrgType(o.type))
      .catch((e: unknown) => alive && setError(errorMessage(e)));
    return () => {
      alive = false;
    };
  }, [user, me.organisation]);

  const options = useMemo(() => {
    if (!shown || orgType === undefined) return [];
    const allowed = assignableFor(me, orgType);
    // Roles the person holds that the caller may not give stay visible, and cannot be removed here.
    const held = shown.roles.filter((r) => !allowed.includes(r));
    return [...allowed.map((r) => ({ value: r, label: roleLabel(r) })), ...held.map((r) => ({ value: r, label: roleLabel(r), disabled: true }))];
  }, [me, orgType, shown]);

  const onFinish = async (v: { roles: Role[] }) => {
    if (!user) return;
    const saved = await setUserRoles(user.id, v.roles);
    message.success(`已修改「${user.displayName}」的角色`);
    onSaved(saved);
  };

  return (
    <FormModal<{ roles: Role[] }>
      open={user !== null}
      title="修改角色"
      form={form}
      name="edit-roles"
      fields={['roles']}
      onSubmit={onFinish}
      onClose={onClose}
      okDisabled={orgType === undefined}
      error={error}
      initialValues={{ roles: shown?.roles }}
      intro={
        shown ? (
          <Typography.Paragraph>
            用户：{shown.displayName}（{shown.username}）{shown.organisationName ? ` · ${shown.organisationName}` : ''}
          </Typography.Paragraph>
        ) : null
      }
    >
      <Form.Item name="roles" label="角色" rules={[{ required: true, message: '请至少选择一个角色' }]}>
        <Select mode="multiple" options={options} loading={orgType === undefined} placeholder="请选择角色" notFoundContent="没有可授予的角色" />
      </Form.Item>
    </FormModal>
  );
}
