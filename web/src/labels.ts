import type { Me, OrganisationType, RegionLevel, Role, Status } from './types.ts';

export const ROLE_LABELS: Record<Role, string> = {
  platform_admin: '平台管理员',
  dept_officer: '住建部门监管人员',
  agency_admin: '检测机构管理员',
  upload_owner: '上传负责人（专人负责）',
  tester: '检测人员',
  reviewer: '复核人员',
  signatory: '报告签发人',
  witness: '见证人员',
  construction_user: '建设单位用户',
  contractor_user: '施工单位用户',
};

export const roleLabel = (r: string): string => (ROLE_LABELS as Record<string, string>)[r] ?? r;

export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, string> = {
  agency: '检测机构',
  construction_unit: '建设单位',
  supervision_unit: '监理单位',
  contractor: '施工单位',
  department: '住建部门',
};

export const organisationTypeLabel = (t: string): string => (ORGANISATION_TYPE_LABELS as Record<string, string>)[t] ?? t;

/** Which roles people of each kind of organisation may hold (mirrors the server's rule). */
export const ROLES_BY_ORGANISATION_TYPE: Record<OrganisationType, readonly Role[]> = {
  department: ['dept_officer'],
  agency: ['agency_admin', 'upload_owner', 'tester', 'reviewer', 'signatory'],
  supervision_unit: ['witness'],
  construction_unit: ['construction_user'],
  contractor: ['contractor_user'],
};

/** Roles that fit an organisation of `type`; people without an organisation are platform administrators. */
export function rolesForOrganisationType(type: OrganisationType | null): readonly Role[] {
  return type ? ROLES_BY_ORGANISATION_TYPE[type] : ['platform_admin'];
}

export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  province: '省',
  city: '市（州）',
  county: '县（市、区）',
};

export const STATUS_LABELS: Record<Status, string> = { active: '正常', disabled: '已停用' };

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.login.failed': '登录失败',
  'auth.logout': '退出登录',
  'user.create': '新建用户',
  'user.roles.change': '修改角色',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'user.password.change': '修改密码',
  'user.password.reset': '重置密码',
  'organisation.create': '新建机构',
  'organisation.update': '修改机构',
  'organisation.disable': '停用机构',
  'organisation.enable': '启用机构',
  'machine_credential.create': '新建接口凭证',
  'machine_credential.revoke': '吊销接口凭证',
  'system.seed.demo': '初始化演示数据',
};

export const auditActionLabel = (a: string): string => AUDIT_ACTION_LABELS[a] ?? a;

export const AUDIT_TARGET_LABELS: Record<string, string> = {
  user: '用户',
  organisation: '机构',
  machine_credential: '接口凭证',
  system: '系统',
  session: '会话',
  platform: '平台',
};

export const auditTargetLabel = (t: string): string => AUDIT_TARGET_LABELS[t] ?? t;

/** Where a person works, for the header and their own pages. */
export function jurisdictionLabel(me: Me): string {
  if (me.jurisdiction) return `${me.jurisdiction.name} · ${REGION_LEVEL_LABELS[me.jurisdiction.level] ?? me.jurisdiction.level}级`;
  if (me.roles.includes('platform_admin')) return '全省（平台管理员）';
  return '—（非监管人员）';
}

export const ACTOR_TYPE_LABELS: Record<string, string> = {
  user: '用户',
  machine: '机构系统',
  system: '系统',
  anonymous: '未登录',
};
