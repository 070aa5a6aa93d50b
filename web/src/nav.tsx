import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  HomeOutlined,
  KeyOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Me, Role } from './types.ts';

/**
 * The console's pages: one list drives the side menu, the home page's shortcuts and the route guards.
 * A later page area (批次, 执法…) adds one entry here and one folder under pages/.
 */
export interface NavEntry {
  path: string;
  label: string;
  icon: ReactNode;
  /** Who may open the page; absent: everyone signed in. */
  roles?: readonly Role[];
  /** One line for the home page's shortcut card. */
  description: string;
  /** Hidden from the home page's shortcuts (the home page itself). */
  noShortcut?: boolean;
}

export const NAV: readonly NavEntry[] = [
  { path: '/', label: '首页', icon: <HomeOutlined />, description: '平台概览', noShortcut: true },
  { path: '/regions', label: '行政区划', icon: <ApartmentOutlined />, description: '查看全省行政区划及各级住建部门设置' },
  {
    path: '/organisations',
    label: '机构管理',
    icon: <BankOutlined />,
    roles: ['platform_admin', 'dept_officer'],
    description: '检测机构、建设、监理、施工单位及住建部门信息',
  },
  {
    path: '/users',
    label: '用户管理',
    icon: <TeamOutlined />,
    roles: ['platform_admin', 'dept_officer', 'agency_admin'],
    description: '平台账号、所属机构与角色',
  },
  {
    path: '/machine-credentials',
    label: '接口凭证',
    icon: <KeyOutlined />,
    roles: ['agency_admin'],
    description: '本机构业务系统（LIMS）对接平台接口所用的凭证',
  },
  {
    path: '/audit',
    label: '审计日志',
    icon: <AuditOutlined />,
    roles: ['platform_admin', 'dept_officer', 'agency_admin'],
    description: '登录、账号、机构等操作的留痕记录',
  },
  { path: '/account', label: '我的账户', icon: <UserOutlined />, description: '个人信息与修改密码' },
];

export const canOpen = (me: Me, entry: NavEntry): boolean => !entry.roles || me.roles.some((r) => entry.roles?.includes(r));

export const navFor = (me: Me): NavEntry[] => NAV.filter((e) => canOpen(me, e));

export const navEntry = (path: string): NavEntry | undefined => NAV.find((e) => e.path === path);

/** What each role may change (the server decides; the console only hides what would be refused). */
export const can = {
  manageOrganisations: (me: Me) => me.roles.includes('platform_admin'),
  manageUsers: (me: Me) => me.roles.includes('platform_admin') || me.roles.includes('agency_admin'),
  pickAnyOrganisation: (me: Me) => me.roles.includes('platform_admin'),
};
