import type { Role } from '../kernel/auth/actor.ts';
import { recordAudit } from '../kernel/audit.ts';
import { advisoryXactLock, LOCKS } from '../kernel/db/locks.ts';
import { hashPassword } from '../kernel/auth/password.ts';
import type { AppDeps } from '../kernel/deps.ts';
import type { OrganisationType } from '../kernel/auth/actor.ts';
import { makeValidUscc } from '../modules/registry/index.ts';
import { seedRegistryAgencies } from './registry-agencies.ts';
import { seedRegistryProjects } from './registry-projects.ts';
import { seedWitnesses } from './registry-witnesses.ts';
import { seedBatches } from './batches.ts';
import { seedReports } from './reports.ts';
import { seedDeadlines } from './deadlines.ts';
import { seedEnforcement } from './enforcement.ts';
import { seedInspectionHistory, seedInspections } from './inspections.ts';

/**
 * The demo: a realistic slice of Jilin for a newcomer to click through. Seeded once, into an empty embedded
 * database only (SEED_DEMO=auto), or when SEED_DEMO=true. Names of companies are invented; regions are real.
 */
export const DEMO_PASSWORD = 'Demo@2026';

interface DemoOrg {
  key: string;
  name: string;
  type: OrganisationType;
  region: string;
  contact?: [string, string];
}

const ORGS: DemoOrg[] = [
  { key: 'dept-province', name: '吉林省住房和城乡建设厅', type: 'department', region: '220000' },
  { key: 'dept-changchun', name: '长春市住房和城乡建设局', type: 'department', region: '220100' },
  { key: 'dept-nanguan', name: '长春市南关区住房和城乡建设局', type: 'department', region: '220102' },
  { key: 'dept-chaoyang', name: '长春市朝阳区住房和城乡建设局', type: 'department', region: '220104' },
  { key: 'dept-jilin', name: '吉林市住房和城乡建设局', type: 'department', region: '220200' },
  { key: 'dept-yanbian', name: '延边朝鲜族自治州住房和城乡建设局', type: 'department', region: '222400' },
  { key: 'dept-meihekou', name: '梅河口市住房和城乡建设局', type: 'department', region: '220581' },
  { key: 'dept-changbaishan', name: '长白山保护开发区管理委员会住房和城乡建设局', type: 'department', region: '229900' },
  { key: 'agency-jz', name: '吉林省建正工程质量检测有限公司', type: 'agency', region: '220102', contact: ['王建国', '0431-88561234'] },
  { key: 'agency-jk', name: '长春建科检测技术有限公司', type: 'agency', region: '220104', contact: ['李明', '0431-85673210'] },
  { key: 'agency-hx', name: '吉林市宏信建设工程检测有限公司', type: 'agency', region: '220202', contact: ['赵红', '0432-62345678'] },
  { key: 'agency-zy', name: '延边正源建设工程检测有限公司', type: 'agency', region: '222401', contact: ['金哲', '0433-2512345'] },
  { key: 'builder-cc', name: '长春城市开发建设集团有限公司', type: 'construction_unit', region: '220102', contact: ['陈伟', '0431-81234567'] },
  { key: 'builder-jl', name: '吉林市城市建设投资有限公司', type: 'construction_unit', region: '220202' },
  { key: 'super-jl', name: '吉林省华诚建设监理有限公司', type: 'supervision_unit', region: '220102', contact: ['孙立', '0431-84561230'] },
  { key: 'super-cc', name: '长春市恒信工程监理有限公司', type: 'supervision_unit', region: '220104' },
  { key: 'contractor-jg', name: '吉林省宏达建工集团有限公司', type: 'contractor', region: '220104', contact: ['周强', '0431-87651234'] },
  { key: 'contractor-cc', name: '长春鼎盛建设工程有限公司', type: 'contractor', region: '220102' },
];

interface DemoUser {
  username: string;
  name: string;
  org: string | null;
  roles: Role[];
  description: string;
}

const USERS: DemoUser[] = [
  { username: 'admin', name: '平台管理员', org: null, roles: ['platform_admin'], description: '平台管理员' },
  { username: 'officer.province', name: '刘海涛', org: 'dept-province', roles: ['dept_officer'], description: '省住建厅监管人员（全省）' },
  { username: 'officer.changchun', name: '张丽华', org: 'dept-changchun', roles: ['dept_officer'], description: '长春市住建局监管人员（长春市）' },
  { username: 'officer.nanguan', name: '马志远', org: 'dept-nanguan', roles: ['dept_officer'], description: '南关区住建局监管人员（南关区）' },
  { username: 'officer.chaoyang', name: '杨晓东', org: 'dept-chaoyang', roles: ['dept_officer'], description: '朝阳区住建局监管人员（朝阳区）' },
  { username: 'officer.jilin', name: '吴桂芳', org: 'dept-jilin', roles: ['dept_officer'], description: '吉林市住建局监管人员（吉林市）' },
  { username: 'officer.meihekou', name: '郑凯', org: 'dept-meihekou', roles: ['dept_officer'], description: '梅河口市住建局监管人员' },
  { username: 'jz.admin', name: '王建国', org: 'agency-jz', roles: ['agency_admin'], description: '检测机构管理员（吉林省建正）' },
  { username: 'jz.owner', name: '刘洋', org: 'agency-jz', roles: ['upload_owner', 'tester'], description: '上传负责人（专人负责）' },
  { username: 'jz.tester', name: '高峰', org: 'agency-jz', roles: ['tester'], description: '检测人员' },
  { username: 'jz.reviewer', name: '韩雪', org: 'agency-jz', roles: ['reviewer'], description: '复核人员' },
  { username: 'jz.signatory', name: '曹振宇', org: 'agency-jz', roles: ['signatory'], description: '报告签发人' },
  { username: 'jk.admin', name: '李明', org: 'agency-jk', roles: ['agency_admin'], description: '检测机构管理员（长春建科）' },
  { username: 'jk.tester', name: '许静', org: 'agency-jk', roles: ['tester', 'upload_owner'], description: '检测人员（长春建科）' },
  { username: 'witness.sun', name: '孙立', org: 'super-jl', roles: ['witness'], description: '监理单位见证人员' },
  { username: 'builder.chen', name: '陈伟', org: 'builder-cc', roles: ['construction_user'], description: '建设单位用户' },
  { username: 'contractor.zhou', name: '周强', org: 'contractor-jg', roles: ['contractor_user'], description: '施工单位用户' },
];

export interface DemoSeedResult {
  password: string;
  logins: { username: string; description: string }[];
  organisations: Record<string, string>;
}

/** With `onlyIfEmpty`, returns null when the database already has people (checked under a lock: processes race). */
/**
 * `history`: also a month of finished batches before today (src/seed/inspections.ts), so the daily check's trend and
 * the statistics have something to show. The server's demo has it; tests leave it out (they count the demo's batches).
 */
export async function seedDemo(deps: AppDeps, opts: { onlyIfEmpty: true; history?: boolean }): Promise<DemoSeedResult | null>;
export async function seedDemo(deps: AppDeps, opts?: { onlyIfEmpty?: false; history?: boolean }): Promise<DemoSeedResult>;
export async function seedDemo(deps: AppDeps, opts: { onlyIfEmpty?: boolean; history?: boolean } = {}): Promise<DemoSeedResult | null> {
  const now = deps.clock.now();
  // One hash for all demo accounts: seeding stays fast, and these accounts are for demonstration only.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return deps.db.transaction().execute(async (trx) => {
    await advisoryXactLock(trx, LOCKS.demoSeed);
    if (opts.onlyIfEmpty && (await trx.selectFrom('users').select('id').limit(1).executeTakeFirst())) return null;
    const ids: Record<string, string> = {};
    let n = 0;
    for (const o of ORGS) {
      n++;
      const row = await trx
        .insertInto('organisations')
        .values({
          name: o.name,
          type: o.type,
          uscc: o.type === 'department' ? null : makeValidUscc(n, o.region),
          region_code: o.region,
          contact_name: o.contact?.[0] ?? null,
          contact_phone: o.contact?.[1] ?? null,
          status: 'active',
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids[o.key] = row.id;
    }
    for (const u of USERS) {
      await trx
        .insertInto('users')
        .values({
          username: u.username,
          display_name: u.name,
          organisation_id: u.org ? ids[u.org]! : null,
          roles: u.roles,
          password_hash: passwordHash,
          must_change_password: false,
          status: 'active',
          created_at: now,
          updated_at: now,
          password_changed_at: now,
        })
        .execute();
    }
    // The registries: agencies with qualifications, personnel and equipment; projects, components and
    // commissions; witnesses with their written authorizations; then test batches in each state and a report.
    // commissions; witnesses with their written authorizations; then test batches in each state; then a few
    // violations, cases and a fraud report.
    // Order matters: each reads what the last wrote.
    await seedRegistryAgencies(trx, ids, now);
    await seedRegistryProjects(trx, ids, now);
    await seedWitnesses(trx, ids, now, deps.blobs);
    if (opts.history) await seedInspectionHistory(trx, ids, now);
    await seedBatches(trx, ids, now, deps.blobs);
    await seedReports(trx, ids, now, deps.blobs, deps.config.publicBaseUrl ?? `http://127.0.0.1:${deps.config.port}`);
    await seedDeadlines(trx, ids, now);
    await seedEnforcement(trx, ids, now);
    await seedInspections(trx, now);
    await recordAudit(trx, { actor: { kind: 'system', name: 'demo-seed' }, requestId: 'seed', clientIp: null, now }, {
      action: 'system.seed.demo',
      targetType: 'platform',
      details: { organisations: ORGS.length, users: USERS.length },
    });
    return { password: DEMO_PASSWORD, logins: USERS.map((u) => ({ username: u.username, description: u.description })), organisations: ids };
  });
}
