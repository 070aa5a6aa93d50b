import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { api, ApiError, errorMessage } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { PLATFORM_NAME } from '../../components/AppLayout.tsx';
import type { Me } from '../../types.ts';

interface LoginForm {
  username: string;
  password: string;
  code?: string;
}

/** Where to go after signing in: the page the person asked for, never back to /login or off-site. */
function targetFrom(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

/** A person who must still change the password or set up the second factor goes to the account page first. */
const mustVisitAccount = (me: Me) => me.mustChangePassword || me.secondFactor.enrollmentPending;

export function LoginPage() {
  const { me, loading, login, sessionExpired } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<{ title: string; type: 'error' | 'warning' } | null>(null);
  // The second step: the password was right and the account has a second factor.
  const [askCode, setAskCode] = useState(false);
  const [secondFactorRequired, setSecondFactorRequired] = useState<boolean | null>(null);
  const [form] = Form.useForm<LoginForm>();

  useEffect(() => {
    document.title = `登录 - ${PLATFORM_NAME}`;
    api
      .get<{ secondFactorRequired: boolean }>('/auth/options')
      .then((o) => setSecondFactorRequired(o.secondFactorRequired))
      .catch(() => setSecondFactorRequired(null));
  }, []);

  if (!loading && me && !submitting) return <Navigate to={mustVisitAccount(me) ? '/account' : targetFrom(location.state)} replace />;

  const onFinish = async (v: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      const user = await login(v.username.trim(), v.password, askCode ? v.code?.trim() : undefined);
      if (mustVisitAccount(user)) navigate('/account', { replace: true, state: { mustChangePassword: user.mustChangePassword } });
      else navigate(targetFrom(location.state), { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'AUTH_SECOND_FACTOR_REQUIRED') {
        setAskCode(true);
      } else if (e instanceof ApiError && e.status === 429) {
        setError({ title: e.message || '登录失败次数过多，请稍后再试', type: 'warning' });
      } else {
        setError({ title: errorMessage(e), type: 'error' });
      }
      if (e instanceof ApiError && e.code === 'AUTH_SECOND_FACTOR_INVALID') form.setFieldValue('code', '');
      else if (!(e instanceof ApiError && e.code === 'AUTH_SECOND_FACTOR_REQUIRED')) {
        form.setFieldValue('password', '');
        setAskCode(false);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="login-page">
      <Card className="login-card">
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4, fontSize: 22 }}>
          {PLATFORM_NAME}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginBottom: 24 }}>
          检测数据实时上传 · 全过程留痕 · 分级监管
        </Typography.Paragraph>
        {error ? (
          <Alert type={error.type} showIcon title={error.title} style={{ marginBottom: 16 }} role="alert" data-testid="login-error" />
        ) : sessionExpired ? (
          <Alert type="info" showIcon title="登录已失效，请重新登录。" style={{ marginBottom: 16 }} />
        ) : null}
        <Form<LoginForm> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={submitting} autoComplete="on">
          <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]} hidden={askCode}>
            <Input prefix={<UserOutlined />} placeholder="请输入用户名" autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]} hidden={askCode}>
            <Input.Password prefix={<LockOutlined />} placeholder="请输入密码" autoComplete="current-password" size="large" />
          </Form.Item>
          {askCode ? (
            <>
              <Alert type="info" showIcon style={{ marginBottom: 16 }} title="本账号已开启两步验证" description="请打开手机上的验证器应用，输入显示的 6 位数字；手机不在身边时，可输入一个未用过的恢复码。" />
              <Form.Item name="code" label="动态验证码" rules={[{ required: true, whitespace: true, message: '请输入验证码或恢复码' }]}>
                <Input prefix={<SafetyOutlined />} placeholder="6 位数字或恢复码" autoComplete="one-time-code" inputMode="numeric" autoFocus size="large" maxLength={16} />
              </Form.Item>
            </>
          ) : null}
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
            {askCode ? '验证并登录' : '登录'}
          </Button>
          {askCode ? (
            <Button
              type="link"
              block
              onClick={() => {
                setAskCode(false);
                setError(null);
                form.setFieldsValue({ password: '', code: '' });
              }}
            >
              返回，换一个账号
            </Button>
          ) : null}
        </Form>
        {secondFactorRequired === false ? (
          <Alert
            type="warning"
            style={{ marginTop: 16 }}
            title="演示环境：两步验证未强制"
            description="本环境中平台管理员和住建部门监管人员仅凭密码即可登录，便于体验。生产环境默认强制两步验证。"
            data-testid="second-factor-off"
          />
        ) : null}
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12, textAlign: 'center' }}>
          账号由本单位管理员或平台管理员开通；忘记密码或更换手机请联系管理员重置。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
