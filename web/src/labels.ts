import { ROLES_BY_ORGANISATION_TYPE } from '../../src/kernel/auth/roles.ts';
import { SPECIALTIES, SPECIALTY_CODES } from '../../src/kernel/specialties.ts';
import { PERSONNEL_ROLE_NAMES } from '../../src/modules/personnel/roles.ts';
import type {
  AgencyOrigin,
  AuthorizationKind,
  CalibrationKind,
  CalibrationState,
  ConnectionItem,
  Me,
  OrganisationType,
  PersonCertificateKind,
  PersonnelRole,
  QualificationGrade,
  RegionLevel,
  Role,
  Specialty,
  Status,
  VerificationStatus,
} from './types.ts';

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
  'system.seed.registry': '初始化演示登记数据',
  'system.seed.projects': '初始化演示项目数据',
  'document.upload': '上传附件',
  'agency.profile.update': '修改机构来源',
  'filing.submit': '提交入吉备案',
  'filing.approve': '入吉备案核验通过',
  'filing.reject': '入吉备案核验驳回',
  'qualification.submit': '提交资质证书',
  'qualification.approve': '资质证书核验通过',
  'qualification.reject': '资质证书核验驳回',
  'personnel.create': '注册检测人员',
  'personnel.update': '修改检测人员',
  'personnel.leave': '办理离职',
  'personnel.resident_id.reveal': '查看完整身份证号',
  'personnel.certificate.add': '登记人员证书',
  'equipment.create': '登记检测设备',
  'equipment.approve': '设备核验通过',
  'equipment.reject': '设备核验驳回',
  'equipment.resubmit': '设备重新提交核验',
  'equipment.calibration.add': '登记检定/校准证书',
  'equipment.key.register': '登记设备公钥',
  'equipment.key.rotate': '轮换设备公钥',
  'catalogue.load': '加载检测项目目录',
  'catalogue.publish': '发布检测项目目录',
  'project.create': '登记工程项目',
  'project.update': '修改工程项目',
  'component.register': '登记构件',
  'commission.create': '委托检测机构',
  'commission.terminate': '终止委托',
  'witness.register': '登记见证人员',
  'witness.authorization.new_authorization': '见证人员新授权',
  'witness.authorization.replacement': '更换见证人员',
  'witness.authorization.revocation': '撤销见证授权',
  'calendar.year.load': '加载节假日安排',
  'market_restriction.create': '限制市场准入',
  'market_restriction.lift': '解除市场准入限制',
};

export const auditActionLabel = (a: string): string => AUDIT_ACTION_LABELS[a] ?? a;

export const AUDIT_TARGET_LABELS: Record<string, string> = {
  user: '用户',
  organisation: '机构',
  machine_credential: '接口凭证',
  system: '系统',
  session: '会话',
  platform: '平台',
  document: '附件',
  qualification: '资质证书',
  agency_filing: '入吉备案',
  person: '检测人员',
  violation: '违规记录',
  equipment: '检测设备',
  catalogue_version: '检测项目目录',
  project: '工程项目',
  component: '构件',
  commission: '委托',
  witness: '见证人员',
  calendar_year: '工作日历',
  market_restriction: '市场准入限制',
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

// ——— Connection registries (issue 3) ———

// Fails to compile if the console's Specialty type and the server's list ever differ.
const _specialtyCodes: readonly Specialty[] = SPECIALTY_CODES;
void _specialtyCodes;

export const SPECIALTY_LABELS = Object.fromEntries(SPECIALTIES.map((s) => [s.code, s.name])) as Record<Specialty, string>;
export const specialtyLabel = (code: string): string => (SPECIALTY_LABELS as Record<string, string>)[code] ?? code;
/** The nine specialties in the standard's order, as Select options. */
export const SPECIALTY_OPTIONS = SPECIALTIES.map((s) => ({ value: s.code as Specialty, label: s.name }));

export const VERIFICATION_STATUS_LABELS: Record<VerificationStatus, string> = { pending: '待核验', verified: '已核验', rejected: '已驳回' };

export const ORIGIN_LABELS: Record<AgencyOrigin, string> = { local: '本省注册', out_of_province: '外省入吉备案' };

export const CONNECTION_ITEM_LABELS: Record<ConnectionItem, string> = {
  origin: '机构来源与入吉备案',
  qualification: '资质证书核验',
  equipment: '检测设备核验与检定/校准',
  personnel: '检测人员注册',
};

export const GRADE_LABELS: Record<QualificationGrade, string> = { comprehensive: '综合资质', specialised: '专项资质' };

export const PERSONNEL_ROLE_LABELS: Record<PersonnelRole, string> = PERSONNEL_ROLE_NAMES;
export const PERSONNEL_ROLE_OPTIONS = (Object.keys(PERSONNEL_ROLE_NAMES) as PersonnelRole[]).map((r) => ({ value: r, label: PERSONNEL_ROLE_NAMES[r] }));

export const CERTIFICATE_KIND_LABELS: Record<PersonCertificateKind, string> = { post: '上岗证', professional: '职业资格证书' };

export const CALIBRATION_KIND_LABELS: Record<CalibrationKind, string> = { verification: '检定', calibration: '校准' };

export const CALIBRATION_STATE_LABELS: Record<CalibrationState, string> = {
  valid: '有效',
  expiring: '即将到期',
  not_in_force: '不在有效期内',
  none: '未登记',
};

export const AUTHORIZATION_KIND_LABELS: Record<AuthorizationKind, string> = {
  initial: '首次授权登记',
  new_authorization: '新授权',
  replacement: '更换见证人员',
  revocation: '撤销授权',
};
