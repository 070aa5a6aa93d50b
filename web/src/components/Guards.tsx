import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth.tsx';
import { canOpen, navEntry } from '../nav.tsx';
import { FullPageSpin } from './FullPageSpin.tsx';

/** Pages behind the login: anyone not signed in is sent to /login and brought back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading } = useAuth();
  const location = useLocation();
  if (loading) return <FullPageSpin text="正在验证登录状态…" />;
  if (!me) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  // Signed in with a password only while a second factor is required: the account page is where it is set up, and
  // the server refuses everything else until then.
  // Likewise a password someone else set must be changed first.
  if ((me.secondFactor.enrollmentPending || me.mustChangePassword) && location.pathname !== '/account') return <Navigate to="/account" replace />;
  return children;
}

/** A page open to some roles only (see nav.tsx); others see a 403 page rather than a request the server refuses. */
export function RoleGate({ path, children }: { path: string; children: ReactNode }) {
  const { me } = useAuth();
  const entry = navEntry(path);
  if (me && entry && !canOpen(me, entry)) return <Forbidden />;
  return children;
}

function HomeButton() {
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate('/')}>
      返回首页
    </Button>
  );
}

export function Forbidden() {
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle="您的角色无权使用此功能。如需开通，请联系本单位管理员或平台管理员。"
      extra={<HomeButton />}
    />
  );
}

export function NotFound() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移除。"
      extra={<HomeButton />}
    />
  );
}
