import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Row } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../api.ts';
import { useAuth, useMe } from '../../auth.tsx';
import { PASSWORD_MIN_LENGTH, passwordRule, showFieldError } from '../../components/formErrors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RoleTags } from '../../components/Tags.tsx';
import { jurisdictionLabel, organisationTypeLabel } from '../../labels.ts';
import { SecondFactorCard } from './SecondFactorCard.tsx';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

function ChangePasswordForm() {
  const { refresh } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (v: PasswordForm) => {
    setSaving(true);
    setError(null);
    try {
      await api.post<void>('/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      form.resetFields();
      message.success('密码已修改，下次登录请使用新密码');
      await refresh();
    } catch (e) {
      if (!showFieldError(form, e, ['currentPassword', 'newPassword'])) setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<PasswordForm> form={form} layout="vertical" onFinish={onFinish} disabled={saving} name="change-password" style={{ maxWidth: 420 }}>
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" placeholder="请输入当前密码" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          extra={`至少 ${PASSWORD_MIN_LENGTH} 位，包含大写字母、小写字母、数字、符号中的至少三类；不能包含用户名或本人姓名的拼音，不能是常见密码。`}
          rules={[
            { required: true, message: '请输入新密码' },
            passwordRule,
            ({ getFieldValue }) => ({
              validator: (_, v: string | undefined) =>
                v && v === getFieldValue('currentPassword') ? Promise.reject(new Error('新密码不能与当前密码相同')) : Promise.resolve(),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" placeholder="请输入新密码" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, v: string | undefined) =>
                !v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" placeholder="请再次输入新密码" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          修改密码
        </Button>
      </Form>
    </>
  );
}

export default function AccountPage() {
  const me = useMe();
  return (
    <>
      <PageHeader title="我的账户" description="查看本人账号信息，修改登录密码，设置两步验证。" />
      {me.mustChangePassword ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="请先修改密码"
          description="您正在使用初始密码或管理员重置的密码。为保障账号安全，请立即设置只有您本人知道的新密码。"
          data-testid="must-change-password"
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title="账号信息" style={{ height: '100%' }}>
            <Descriptions column={1} bordered size="middle" styles={{ label: { width: 120 } }}>
              <Descriptions.Item label="用户名">{me.username}</Descriptions.Item>
              <Descriptions.Item label="姓名">{me.displayName}</Descriptions.Item>
              <Descriptions.Item label="角色">
                <RoleTags roles={me.roles} />
              </Descriptions.Item>
              <Descriptions.Item label="所属机构">
                {me.organisation ? `${me.organisation.name}（${organisationTypeLabel(me.organisation.type)}）` : '平台运营（不隶属于任何机构）'}
              </Descriptions.Item>
              <Descriptions.Item label="监管辖区">
{jurisdictionLabel(me)}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="修改密码" style={{ height: '100%' }}>
            <ChangePasswordForm />
          </Card>
        </Col>
        <Col xs={24}>
          <SecondFactorCard />
        </Col>
      </Row>
    </>
  );
}
