import {
  AlertOutlined,
  AimOutlined,
  ApartmentOutlined,
  ApiOutlined,
  BellOutlined,
  ClockCircleOutlined,
  AuditOutlined,
  BankOutlined,
  BuildOutlined,
  CameraOutlined,
  CalendarOutlined,
  FileDoneOutlined,
  EyeOutlined,
  FlagOutlined,
  CarryOutOutlined,
  ExperimentOutlined,
  ExclamationCircleOutlined,
  CustomerServiceOutlined,
  FileSearchOutlined,
  LineChartOutlined,
  FileProtectOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  MobileOutlined,
  ProfileOutlined,
  QrcodeOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  StarOutlined,
  TeamOutlined,
  ToolOutlined,
  UserOutlined,
  WarningOutlined,
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
  /** The side menu's group heading the entry sits under; absent: at the top level. */
  group?: string;
}

const AGENCY_DESK: readonly Role[] = ['agency_admin', 'dept_officer', 'platform_admin'];

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
    path: '/agencies',
    label: '机构接入',
    icon: <ApiOutlined />,
    roles: AGENCY_DESK,
    description: '检测机构来源与入吉备案、资质证书及监管平台对接清单',
    group: '检测机构接入',
  },
  {
    path: '/personnel',
    label: '检测人员',
    icon: <IdcardOutlined />,
    roles: AGENCY_DESK,
    description: '检测人员注册、岗位、岗位证书与离职',
    group: '检测机构接入',
  },
  {
    path: '/equipment',
    label: '检测设备',
    icon: <ToolOutlined />,
    roles: AGENCY_DESK,
    description: '检测设备登记、检定/校准证书与设备密钥',
    group: '检测机构接入',
  },
  {
    path: '/verification',
    label: '核验队列',
    icon: <SafetyCertificateOutlined />,
    roles: ['dept_officer'],
    description: '本辖区待核验的资质证书与检测设备',
    group: '检测机构接入',
  },
  {
    path: '/catalogue',
    label: '检测项目目录',
    icon: <ProfileOutlined />,
    description: '各专项的现场检测项目、依据标准与原始记录字段',
    group: '检测机构接入',
  },
  {
    path: '/projects',
    label: '工程项目',
    icon: <BuildOutlined />,
    description: '工程项目登记、参建单位、构件与委托',
    group: '工程与委托',
  },
  {
    path: '/components',
    label: '构件管理',
    icon: <QrcodeOutlined />,
    description: '构件/部位登记与二维码标签打印',
    group: '工程与委托',
  },
  {
    path: '/commissions',
    label: '检测委托',
    icon: <FileProtectOutlined />,
    description: '建设单位委托检测机构及委托记录',
    group: '工程与委托',
  },
  {
    path: '/witnesses',
    label: '见证人员',
    icon: <SolutionOutlined />,
    roles: ['witness', 'dept_officer', 'platform_admin'],
    description: '见证人员书面授权登记与变更',
    group: '工程与委托',
  },
  {
    path: '/batches',
    label: '检测批次',
    icon: <ExperimentOutlined />,
    roles: ['agency_admin', 'upload_owner', 'tester', 'reviewer', 'signatory', 'witness', 'dept_officer', 'platform_admin', 'construction_user', 'contractor_user'],
    description: '现场检测批次看板：上传时限倒计时、原始记录、过程影像、见证、封存与复核',
    group: '检测与报告',
  },
  {
    path: '/capture',
    label: '现场采集',
    icon: <CameraOutlined />,
    roles: ['tester'],
    description: '手机现场拍摄过程影像：定位、扫描构件标签、水印与签名，离线排队上传',
    group: '检测与报告',
  },
  {
    path: '/review-queue',
    label: '复核队列',
    icon: <CarryOutOutlined />,
    roles: ['reviewer'],
    description: '本机构已封存、等待双人复核的检测批次',
    group: '检测与报告',
  },
  {
    path: '/anomalies',
    label: '异常核查',
    icon: <ExclamationCircleOutlined />,
    roles: ['dept_officer', 'platform_admin'],
    description: '辖区内检测批次的一致性核查异常，逐项核查',
    group: '检测与报告',
  },
  {
    path: '/reports',
    label: '检测报告',
    icon: <FileDoneOutlined />,
    description: '检测报告的出具、下载、更正与撤销；报告附二维码供公开核验',
    group: '检测与报告',
  },
  {
    path: '/violations',
    label: '违规记录',
    icon: <WarningOutlined />,
    roles: ['platform_admin', 'dept_officer', 'agency_admin', 'witness', 'construction_user', 'contractor_user'],
    description: '平台发现或监管人员认定的违规记录',
    group: '监管',
  },
  {
    path: '/force-majeure',
    label: '报备与锁定',
    icon: <ClockCircleOutlined />,
    roles: ['dept_officer', 'agency_admin', 'upload_owner', 'tester'],
    description: '不可抗力报备、审核，逾期锁定批次的处理与解锁',
    group: '监管',
  },
  {
    path: '/enforcement/cases',
    label: '分级处置',
    icon: <AlertOutlined />,
    roles: ['platform_admin', 'dept_officer', 'agency_admin', 'upload_owner', 'witness', 'construction_user'],
    description: '约谈提醒、限期整改、行政处罚：平台建议，监管人员确认办理',
    group: '监管',
  },
  {
    path: '/enforcement/key-supervision',
    label: '重点监管名单',
    icon: <EyeOutlined />,
    roles: ['platform_admin', 'dept_officer'],
    description: '处于限期整改、行政处罚级别的单位，可导出 Excel',
    group: '监管',
  },
  {
    path: '/credit',
    label: '信用',
    icon: <StarOutlined />,
    roles: ['platform_admin', 'dept_officer', 'agency_admin', 'witness'],
    description: '单位与人员信用分、等级及市场准入限制',
    group: '监管',
  },
  {
    path: '/fraud-reports',
    label: '问题举报',
    icon: <FlagOutlined />,
    roles: ['platform_admin', 'dept_officer', 'construction_user'],
    description: '建设单位报告发现的篡改、伪造等问题，住建部门核查认定',
    group: '监管',
  },
  {
    path: '/daily-check',
    label: '日常核查',
    icon: <LineChartOutlined />,
    roles: ['platform_admin', 'dept_officer'],
    description: '各辖区每日上传合规率、迟传、漏传与异常数量及趋势',
    group: '监管',
  },
  {
    path: '/random-draws',
    label: '随机抽查',
    icon: <AimOutlined />,
    roles: ['platform_admin', 'dept_officer'],
    description: '“双随机”抽取检测批次或机构与检查人员，种子公示、可复核',
    group: '监管',
  },
  {
    path: '/special-campaigns',
    label: '专项检查',
    icon: <FileSearchOutlined />,
    roles: ['platform_admin', 'dept_officer'],
    description: '按专项、辖区、时段、异常类型开展专项检查',
    group: '监管',
  },
  {
    path: '/service-requests',
    label: '靠前服务',
    icon: <CustomerServiceOutlined />,
    roles: ['platform_admin', 'dept_officer', 'agency_admin', 'upload_owner', 'tester', 'reviewer', 'signatory'],
    description: '检测机构提出服务请求，住建部门安排走访并办结',
    group: '监管',
  },
  {
    path: '/calendar',
    label: '工作日历',
    icon: <CalendarOutlined />,
    roles: ['platform_admin'],
    description: '法定节假日与调休安排（工作日期限计算依据）',
    group: '监管',
  },
  {
    path: '/machine-credentials',
    label: '接口凭证',
    icon: <KeyOutlined />,
    roles: ['agency_admin'],
    description: '本机构业务系统（LIMS）对接平台接口所用的凭证',
    group: '系统',
  },
  {
    path: '/capture-keys',
    label: '采集设备',
    icon: <MobileOutlined />,
    roles: ['agency_admin', 'witness', 'platform_admin'],
    description: '本单位人员登记的现场采集手机：核对指纹后批准、吊销',
    group: '系统',
  },
  {
    path: '/audit',
    label: '审计日志',
    icon: <AuditOutlined />,
    roles: ['platform_admin', 'dept_officer', 'agency_admin'],
    description: '登录、账号、机构等操作的留痕记录',
    group: '系统',
  },
  { path: '/notifications', label: '通知', icon: <BellOutlined />, description: '上传时限、锁定与报备审核的通知', group: '系统' },
  { path: '/account', label: '我的账户', icon: <UserOutlined />, description: '个人信息与修改密码', group: '系统' },
];

export const canOpen = (me: Me, entry: NavEntry): boolean => !entry.roles || me.roles.some((r) => entry.roles?.includes(r));

export const navFor = (me: Me): NavEntry[] => NAV.filter((e) => canOpen(me, e));

export const navEntry = (path: string): NavEntry | undefined => NAV.find((e) => e.path === path);

/** What each role may change (the server decides; the console only hides what would be refused). */
export const can = {
  manageOrganisations: (me: Me) => me.roles.includes('platform_admin'),
  manageUsers: (me: Me) => me.roles.includes('platform_admin') || me.roles.includes('agency_admin'),
  pickAnyOrganisation: (me: Me) => me.roles.includes('platform_admin'),
  /** An agency's own registry entries: its administrators (and platform administrators, on its behalf). */
  manageAgency: (me: Me, agencyId: string) =>
    me.roles.includes('platform_admin') || (me.roles.includes('agency_admin') && me.organisation?.id === agencyId),
  verify: (me: Me) => me.roles.includes('dept_officer'),
  publishCatalogue: (me: Me) => me.roles.includes('platform_admin'),
  createProject: (me: Me) => me.roles.includes('construction_user') || me.roles.includes('platform_admin'),
  registerComponents: (me: Me) => me.roles.includes('contractor_user') || me.roles.includes('platform_admin'),
  commission: (me: Me) => me.roles.includes('construction_user'),
  registerWitnesses: (me: Me) =>
    me.roles.includes('platform_admin') || (me.roles.includes('witness') && me.organisation?.type === 'supervision_unit'),
  loadCalendar: (me: Me) => me.roles.includes('platform_admin'),
  /** 授权签字人 of an agency issue its reports (and corrected ones). */
  generateReports: (me: Me) => me.roles.includes('signatory') && me.organisation?.type === 'agency',
  /** A department officer of the jurisdiction, or the issuing agency's administrator. */
  revokeReports: (me: Me, agencyId: string) =>
    me.roles.includes('dept_officer') || (me.roles.includes('agency_admin') && me.organisation?.id === agencyId),
};

/** The agency a person of an agency works for; null for everyone else. */
export const ownAgencyId = (me: Me): string | null => (me.organisation?.type === 'agency' ? me.organisation.id : null);
