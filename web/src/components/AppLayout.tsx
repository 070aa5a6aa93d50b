import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Layout, Menu, Typography, type MenuProps } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { errorMessage } from '../api.ts';
import { useMe, useAuth } from '../auth.tsx';
import { navFor, NAV } from '../nav.tsx';
import { NotificationBell } from '../pages/notifications/NotificationBell.tsx';
import type { Me } from '../types.ts';
import { FullPageSpin } from './FullPageSpin.tsx';

export const PLATFORM_NAME = '吉林省建设工程质量检测监管平台';

/** The nav entry a path belongs to: the longest matching prefix. */
function currentEntry(pathname: string) {
  return [...NAV]
    .filter((e) => (e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(`${e.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

/** "南关区住建局 · 辖区：南关区" — where the person works, as shown in the header. */
export function whereLabel(me: Me): string {
  const parts: string[] = [];
  if (me.organisation) parts.push(me.organisation.name);
  if (me.jurisdiction) parts.push(`辖区：${me.jurisdiction.name}`);
  if (parts.length === 0 && me.roles.includes('platform_admin')) parts.push('平台运营（全省）');
  return parts.join(' · ');
}

type MenuItem = NonNullable<MenuProps['items']>[number];

/** The side menu: entries in NAV's order, those of a group under its heading (headings hidden when collapsed). */
function menuItems(me: Me, collapsed: boolean): MenuItem[] {
  const items: MenuItem[] = [];
  const groups = new Map<string, MenuItem[]>();
  for (const e of navFor(me)) {
    const item: MenuItem = { key: e.path, icon: e.icon, label: <Link to={e.path}>{e.label}</Link> };
    if (!e.group || collapsed) {
      items.push(item);
      continue;
    }
    let children = groups.get(e.group);
    if (!children) {
      children = [];
      groups.set(e.group, children);
      items.push({ type: 'group', key: `group:${e.group}`, label: e.group, children });
    }
    children.push(item);
  }
  return items;
}

export function AppLayout() {
  const me = useMe();
  const { logout } = useAuth();
  const { message } = App.useApp();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const entry = currentEntry(location.pathname);

  useEffect(() => {
    document.title = entry ? `${entry.label} - ${PLATFORM_NAME}` : PLATFORM_NAME;
  }, [entry]);

  const onLogout = async () => {
    setLeaving(true);
    try {
      await logout();
      navigate('/login', { replace: true });
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setLeaving(false);
    }
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={220} breakpoint="lg" className="app-sider">
        <div className="brand" title={PLATFORM_NAME}>
          {collapsed ? '质检' : '质量检测监管平台'}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={entry ? [entry.path] : []}
          items={menuItems(me, collapsed)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Typography.Text strong className="app-title">
            {PLATFORM_NAME}
          </Typography.Text>
          <Flex align="center" gap={16} className="app-user">
            <NotificationBell />
            <span data-testid="current-user">
              <UserOutlined /> <Typography.Text strong>{me.displayName}</Typography.Text>
              <Typography.Text type="secondary" className="app-where">
                {whereLabel(me)}
              </Typography.Text>
            </span>
            <Button icon={<LogoutOutlined />} onClick={onLogout} loading={leaving}>
              退出登录
            </Button>
          </Flex>
        </Layout.Header>
        <Layout.Content className="app-content">
          {me.mustChangePassword && location.pathname !== '/account' ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title="您的密码为初始密码或已被管理员重置，请尽快修改。"
              action={
                <Button size="small" type="primary" onClick={() => navigate('/account')}>
                  去修改密码
                </Button>
              }
            />
          ) : null}
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer className="app-footer">吉林省住房和城乡建设厅 · 建设工程质量检测监管平台</Layout.Footer>
      </Layout>
    </Layout>
  );
}
