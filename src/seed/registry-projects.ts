import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { recordAudit } from '../kernel/audit.ts';
import type { Database } from '../kernel/db/types.ts';
import type { Specialty } from '../kernel/specialties.ts';
import { componentIdFromBytes } from '../modules/components/index.ts';
import { normalisePermitNumber, type SiteBoundary } from '../modules/projects/index.ts';

/**
 * The demo's projects (issue 3): a residential building in 南关区 and a municipal road in 朝阳区, both of
 * 长春城市开发建设集团 (builder-cc), with sites drawn around real-looking 长春 coordinates (WGS-84), a dozen labelled
 * components, and commissions of 吉林省建正 (agency-jz) within its qualification. Names are invented.
 * Component IDs are derived from fixed seeds, so the demo's labels and documentation stay the same across runs.
 */
interface DemoProject {
  /** Named in the audit row of the seed. */
  key: string;
  name: string;
  permit: string;
  address: string;
  region: string;
  location: [number, number];
  site: SiteBoundary;
  supervision: string;
  contractor: string;
  components: { building: string; floor: string | null; position: string; type: string }[];
  commission: { specialties: Specialty[]; contract: string } | null;
}

const PROJECTS: DemoProject[] = [
  {
    key: 'project-xingfuli',
    name: '长春市南关区幸福里住宅小区二期工程（5#、6#楼）',
    permit: '220102202603120101',
    address: '长春市南关区亚泰大街与南环城路交汇处东北侧',
    region: '220102',
    location: [125.3562, 43.8468],
    site: {
      type: 'polygon',
      ring: [
        [125.3551, 43.8461],
        [125.3574, 43.8461],
        [125.3575, 43.8476],
        [125.3552, 43.8477],
        [125.3551, 43.8461],
      ],
    },
    supervision: 'super-jl',
    contractor: 'contractor-jg',
    components: [
      { building: '5#楼', floor: null, position: '桩基 ZH-017', type: '灌注桩' },
      { building: '5#楼', floor: null, position: '桩基 ZH-042', type: '灌注桩' },
      { building: '5#楼', floor: '3层', position: 'A-3轴', type: '柱' },
      { building: '5#楼', floor: '3层', position: 'A-B/3轴', type: '梁' },
      { building: '5#楼', floor: '3层', position: 'A-B/3-4轴', type: '板' },
      { building: '5#楼', floor: '4层', position: 'C-5轴', type: '剪力墙' },
      { building: '6#楼', floor: '2层', position: '南立面 2-5轴', type: '外墙保温' },
      { building: '6#楼', floor: '1层', position: 'D-7轴 植筋', type: '后锚固件' },
    ],
    commission: { specialties: ['main_structure', 'foundation', 'building_energy'], contract: 'XFL-JC-2026-008' },
  },
  {
    key: 'project-huxilu',
    name: '长春市朝阳区湖西路（西安大路至南湖大路段）道路及排水改造工程',
    permit: '220104202604080203',
    address: '长春市朝阳区湖西路西安大路至南湖大路段',
    region: '220104',
    location: [125.2903, 43.8617],
    site: {
      type: 'polygon',
      ring: [
        [125.2898, 43.8545],
        [125.2909, 43.8545],
        [125.2910, 43.8690],
        [125.2899, 43.8690],
        [125.2898, 43.8545],
      ],
    },
    supervision: 'super-cc',
    contractor: 'contractor-cc',
    components: [
      { building: '主线', floor: null, position: 'K0+120~K0+180 左幅', type: '路基' },
      { building: '主线', floor: null, position: 'K0+120~K0+180 左幅', type: '水泥稳定碎石基层' },
      { building: '主线', floor: null, position: 'K0+460~K0+520 右幅', type: '沥青面层' },
      { building: '挡土墙', floor: null, position: 'K0+610~K0+640 右侧', type: '混凝土挡土墙' },
    ],
    // 吉林省建正 holds no 道路工程 qualification: it is commissioned for the retaining wall's concrete only.
    commission: { specialties: ['main_structure'], contract: 'HXL-JC-2026-003' },
  },
];

/** How far back the demo's history reaches (batches up to a day old stand under older commissions and keys). */
export const DEMO_HISTORY_MS = 30 * 24 * 3_600_000;

export async function seedRegistryProjects(trx: Transaction<Database>, ids: Record<string, string>, now: Date): Promise<void> {
  const builder = await trx.selectFrom('users').select('id').where('username', '=', 'builder.chen').executeTakeFirstOrThrow();
  const contractorUser = await trx.selectFrom('users').select(['id', 'organisation_id']).where('username', '=', 'contractor.zhou').executeTakeFirstOrThrow();
  let componentCount = 0;
  for (const p of PROJECTS) {
    const permit = normalisePermitNumber(p.permit);
    if (!permit.ok) throw new Error(`demo permit ${p.permit}: ${permit.message}`);
    const project = await trx
      .insertInto('projects')
      .values({
        name: p.name,
        permit_number: permit.display,
        permit_number_key: permit.key,
        address: p.address,
        region_code: p.region,
        location_lng: p.location[0],
        location_lat: p.location[1],
        site: JSON.stringify(p.site),
        construction_unit_id: ids['builder-cc']!,
        supervision_unit_id: ids[p.supervision]!,
        contractor_id: ids[p.contractor]!,
        created_by: builder.id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const registeredBy = contractorUser.organisation_id === ids[p.contractor] ? contractorUser.id : null;
    for (const c of p.components) {
      const seed = createHash('sha256').update(`qtrace-demo-component-${componentCount++}`).digest();
      await trx
        .insertInto('components')
        .values({
          code: componentIdFromBytes(seed.subarray(0, 7)),
          project_id: project.id,
          building: c.building,
          floor: c.floor,
          position: c.position,
          component_type: c.type,
          note: null,
          created_by: registeredBy,
          created_at: now,
        })
        .execute();
    }

    if (p.commission) {
      await trx
        .insertInto('commissions')
        .values({
          project_id: project.id,
          agency_id: ids['agency-jz']!,
          construction_unit_id: ids['builder-cc']!,
          specialties: p.commission.specialties,
          contract_number: p.commission.contract,
          note: null,
          status: 'active',
          created_by: builder.id,
          // The demo's batches run under this commission in the recent past: it predates them.
          created_at: new Date(now.getTime() - DEMO_HISTORY_MS),
        })
        .execute();
    }
  }
  await recordAudit(trx, { actor: { kind: 'system', name: 'demo-seed' }, requestId: 'seed', clientIp: null, now }, {
    action: 'system.seed.projects',
    targetType: 'platform',
    details: { projects: PROJECTS.map((p) => p.key), components: componentCount },
  });
}
