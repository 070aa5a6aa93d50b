import { Alert, App, Button, Card, Descriptions, Flex, Form, Image, Input, List, Space, Steps, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage } from '../../api.ts';
import { useAuth, useMe } from '../../auth.tsx';
import { showFieldError } from '../../components/formErrors.ts';
import { formatDateTime } from '../../format.ts';

interface Status {
  enrolled: boolean;
  required: boolean;
  enrolledAt: string | null;
  recoveryCodesLeft: number;
}
interface Enrollment {
  secret: string;
  otpauthUri: string;
  qrDataUrl: string;
}

/** The secret in groups of four, as people copy it into an app by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/**
 * Two-factor sign-in on the account page (issue 15 item 2): set it up by scanning a QR code with an authenticator app
 * (微信小程序「腾讯身份验证器」、Google Authenticator、Microsoft Authenticator …) and typing the first code; the
 * recovery codes are shown once; an optional factor can be removed with a current code.
 */
export function SecondFactorCard() {
  const me = useMe();
  const { refresh } = useAuth();
  const { message } = App.useApp();
  const [status, setStatus] = useState<Status | null>(null);
  const [enrollment, setEnrollment] = useState<Enrollment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirmForm] = Form.useForm<{ code: string }>();
  const [removeForm] = Form.useForm<{ code: string }>();

  const load = useCallback(async () => setStatus(await api.get<Status>('/auth/second-factor')), []);
  useEffect(() => {
    load().catch((e: unknown) => setError(errorMessage(e)));
  }, [load]);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      setEnrollment(await api.post<Enrollment>('/auth/second-factor/enrollment'));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (v: { code: string }) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ recoveryCodes: string[] }>('/auth/second-factor/enrollment/confirm', { code: v.code.trim() });
      setRecoveryCodes(r.recoveryCodes);
      setEnrollment(null);
      confirmForm.resetFields();
      await load();
    } catch (e) {
      if (!showFieldError(confirmForm, e, ['code'])) setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const finish = async () => {
    setRecoveryCodes(null);
    // A session that could only set up the factor becomes a full one: the console learns it from /auth/me.
    await refresh();
    message.success('两步验证已开启，今后登录时需输入动态验证码');
  };

  const remove = async (v: { code: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api.post<void>('/auth/second-factor/remove', { code: v.code.trim() });
      removeForm.resetFields();
      message.success('已解除两步验证');
      await load();
      await refresh();
    } catch (e) {
      if (!showFieldError(removeForm, e, ['code'])) setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="两步验证（动态验证码）" data-testid="second-factor-card">
      {me.secondFactor.enrollmentPending ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="请先绑定两步验证"
          description="按平台安全要求，平台管理员和住建部门监管人员登录须使用两步验证。绑定完成前，平台的其他功能暂不可用。"
          data-testid="second-factor-required"
        />
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}

      {recoveryCodes ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert
            type="success"
            showIcon
            title="绑定成功。请立即保存下面的恢复码"
            description="每个恢复码只能使用一次，手机丢失或不在身边时可代替动态验证码登录。恢复码只显示这一次，请抄写或打印后妥善保管，不要保存在手机里。"
          />
          <List
            bordered
            size="small"
            grid={{ gutter: 8, xs: 2, sm: 2, md: 5 }}
            dataSource={recoveryCodes}
            renderItem={(c) => (
              <List.Item>
                <Typography.Text code copyable={false} data-testid="recovery-code">
                  {c}
                </Typography.Text>
              </List.Item>
            )}
          />
          <Button type="primary" onClick={() => void finish()}>
            我已保存恢复码
          </Button>
        </Space>
      ) : enrollment ? (
        <>
          <Steps
            direction="vertical"
            size="small"
            current={1}
            items={[
              { title: '在手机上安装验证器应用', description: '如微信小程序「腾讯身份验证器」、Google Authenticator 或 Microsoft Authenticator。' },
              {
                title: '用验证器扫描二维码',
                description: (
                  <Flex vertical gap={8} style={{ marginTop: 8 }}>
                    <Image src={enrollment.qrDataUrl} alt="两步验证二维码" width={200} height={200} preview={false} data-testid="second-factor-qr" />
                    <Typography.Text type="secondary">
                      无法扫码时，在验证器中手工输入密钥：
                      <Typography.Text code copyable={{ text: enrollment.secret }} data-testid="second-factor-secret">
                        {grouped(enrollment.secret)}
                      </Typography.Text>
                    </Typography.Text>
                  </Flex>
                ),
              },
              { title: '输入验证器显示的 6 位数字，完成绑定' },
            ]}
          />
          <Form form={confirmForm} layout="inline" name="second-factor-confirm" onFinish={(v) => void confirm(v)} disabled={busy} style={{ marginTop: 8 }}>
            <Form.Item name="code" label="验证码" rules={[{ required: true, whitespace: true, message: '请输入 6 位验证码' }]}>
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder="6 位数字" style={{ width: 140 }} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={busy}>
                完成绑定
              </Button>
            </Form.Item>
          </Form>
        </>
      ) : status === null ? null : status.enrolled ? (
        <>
          <Descriptions column={1} bordered size="middle" styles={{ label: { width: 120 } }}>
            <Descriptions.Item label="状态">
              <Tag color="green">已开启</Tag>
              {status.required ? <Typography.Text type="secondary">（本人角色必须使用）</Typography.Text> : null}
            </Descriptions.Item>
            <Descriptions.Item label="开启时间">{status.enrolledAt ? formatDateTime(status.enrolledAt) : '—'}</Descriptions.Item>
            <Descriptions.Item label="剩余恢复码">{status.recoveryCodesLeft} 个</Descriptions.Item>
          </Descriptions>
          {status.required ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              更换或丢失手机时，请联系平台管理员重置两步验证，重置后再次登录时重新绑定。
            </Typography.Paragraph>
          ) : (
            <Form form={removeForm} layout="inline" name="second-factor-remove" onFinish={(v) => void remove(v)} disabled={busy} style={{ marginTop: 12 }}>
              <Form.Item name="code" label="验证码" rules={[{ required: true, whitespace: true, message: '请输入验证码或恢复码' }]}>
                <Input autoComplete="one-time-code" maxLength={16} placeholder="验证码或恢复码" style={{ width: 160 }} />
              </Form.Item>
              <Form.Item>
                <Button danger htmlType="submit" loading={busy}>
                  解除两步验证
                </Button>
              </Form.Item>
            </Form>
          )}
        </>
      ) : (
        <Space direction="vertical">
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            开启后，登录时除密码外还需输入手机验证器中每 30 秒变化一次的 6 位数字，即使密码泄露，他人也无法登录。
            {status.required ? '' : '（本人角色可自愿开启。）'}
          </Typography.Paragraph>
          <Button type="primary" onClick={() => void start()} loading={busy}>
            绑定两步验证
          </Button>
        </Space>
      )}
    </Card>
  );
}
