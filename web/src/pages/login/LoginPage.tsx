import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError, errorMessage } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { PLATFORM_NAME } from '../../components/AppLayout.tsx';

interface LoginForm {
  username: string;
  password: string;
}

/** Where to go after signing in: the page the person asked for, never back to /login or off-site. */
function targetFrom(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

export function LoginPage() {
  const { me, loading, login, sessionExpired } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<{ title: string; type: 'error' | 'warning' } | null>(null);
  const [form] = Form.useForm<LoginForm>();

  useEffect(() => {
    document.title = `登录 - ${PLATFORM_NAME}`;
  }, []);

  if (!loading && me && !submitting) return <Navigate to={me.mustChangePassword ? '/account' : targetFrom(location.state)} replace />;

  const onFinish = async (v: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      const user = await login(v.username.trim(), v.password);
      if (user.mustChangePassword) navigate('/account', { replace: true, state: { mustChangePassword: true } });
      else navigate(targetFrom(location.state), { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.status === 429) {
        setError({ title: e.message || '登录失败次数过多，请稍后再试', type: 'warning' });
      } else {
        setError({ title: errorMessage(e), type: 'error' });
      }
      form.setFieldValue('password', '');
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
          <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} placeholder="请输入用户名" autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} placeholder="请输入密码" autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12, textAlign: 'center' }}>
          账号由本单位管理员或平台管理员开通；忘记密码请联系管理员重置。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
