import { App, Form, Input, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useMe } from '../../auth.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { OrganisationSelect } from '../../components/OrganisationSelect.tsx';
import { roleLabel } from '../../labels.ts';
import { can } from '../../nav.tsx';
import type { OrganisationType, Role, User } from '../../types.ts';
import { assignableFor, createUser } from './api.ts';
import { PasswordFields } from './PasswordFields.tsx';

interface FormValues {
  username: string;
  displayName: string;
  organisationId?: string;
  roles: Role[];
  password: string;
  passwordConfirm: string;
}

const FIELDS = ['username', 'displayName', 'organisationId', 'roles', 'password'] as const;

export function NewUserModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (u: User) => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const pickOrganisation = can.pickAnyOrganisation(me);
  // An agency administrator creates people of their own agency only.
  const [orgType, setOrgType] = useState<OrganisationType | null>(pickOrganisation ? null : (me.organisation?.type ?? null));
  const roleOptions = useMemo(() => assignableFor(me, orgType).map((r) => ({ value: r, label: roleLabel(r) })), [me, orgType]);

  const onFinish = async (v: FormValues) => {
    const user = await createUser({
      username: v.username.trim(),
      displayName: v.displayName.trim(),
      organisationId: pickOrganisation ? (v.organisationId ?? null) : (me.organisation?.id ?? null),
      roles: v.roles,
      password: v.password,
    });
    message.success(`已新建用户「${user.displayName}」`);
    onCreated(user);
  };

  return (
    <FormModal<FormValues>
      open={open}
      title="新建用户"
      form={form}
      name="new-user"
      fields={FIELDS}
      onSubmit={onFinish}
      onClose={onClose}
      width={600}
      onClosed={() => setOrgType(pickOrganisation ? null : (me.organisation?.type ?? null))}
    >
        <Form.Item
          name="username"
          label="用户名"
          extra="用于登录，3–64 位字母、数字、点、下划线或连字符，以字母或数字开头。"
          rules={[
            { required: true, message: '请填写用户名' },
            { pattern: /^[a-zA-Z0-9][a-zA-Z0-9._-]{2,63}$/, message: '用户名须为 3–64 位字母、数字、点、下划线或连字符，以字母或数字开头' },
          ]}
        >
          <Input placeholder="例如 zhang.san" maxLength={64} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 100, message: '姓名最多 100 个字符' }]}>
          <Input placeholder="真实姓名" maxLength={100} />
        </Form.Item>
        {pickOrganisation ? (
          <Form.Item name="organisationId" label="所属机构" extra="不选择机构即新建平台管理员账号。">
            <OrganisationSelect
              activeOnly
              placeholder="输入名称搜索机构"
              onChange={(_, org) => {
                const type = org?.type ?? null;
                setOrgType(type);
                const allowed = assignableFor(me, type);
                const current = (form.getFieldValue('roles') as Role[] | undefined) ?? [];
                form.setFieldValue('roles', current.filter((r) => allowed.includes(r)));
              }}
            />
          </Form.Item>
        ) : (
          <Form.Item label="所属机构">
            <Input value={me.organisation?.name ?? '—'} disabled />
          </Form.Item>
        )}
        <Form.Item name="roles" label="角色" rules={[{ required: true, message: '请至少选择一个角色' }]}>
          <Select mode="multiple" placeholder="请选择角色" options={roleOptions} notFoundContent="没有可授予的角色" />
        </Form.Item>
        <PasswordFields form={form} name="password" label="初始密码" />
    </FormModal>
  );
}
