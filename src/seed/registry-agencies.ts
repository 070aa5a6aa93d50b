import { DEMO_HISTORY_MS } from './registry-projects.ts';
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { Transaction } from 'kysely';
import { recordAudit } from '../kernel/audit.ts';
import type { Database } from '../kernel/db/types.ts';
import { addDays, beijingDate } from '../kernel/time.ts';
import { type Specialty, SPECIALTY_CODES } from '../kernel/specialties.ts';
import { type CalibrationKind, parseDevicePublicKey } from '../modules/equipment/index.ts';
import { PERSONNEL_ROLES, type PersonnelRole, PiiCodec, piiKey } from '../modules/personnel/index.ts';
import { makeValidResidentId, makeValidUscc } from '../modules/registry/index.ts';

/**
 * The demo's connection registries (issue 3):
 * - 吉林省建正 (agency-jz): fully connected — verified qualification, five people matching the demo accounts, verified
 *   equipment including an auto-collecting 回弹仪 with a device key and a 钢筋扫描仪 whose calibration runs out within
 *   30 days (the console's warning);
 * - 长春建科 (agency-jk): qualification and people, but no verified equipment (one 回弹仪 waits in the 朝阳区 queue),
 *   so its checklist shows what is missing;
 * - 沈阳华建 (agency-ln, added to `ids`): an out-of-province agency in 朝阳区 whose 入吉备案 has expired.
 * Dates are relative to `now`, so the demo stays current.
 */

/**
 * Private seed of the demo 回弹仪's Ed25519 key, public so that demo tools can sign captures as that device.
 * A demo key, for the demo database only: never use it for a real device.
 */
export const DEMO_DEVICE_KEY_SEED_HEX = '5174726163652d64656d6f2d7265626f756e642d68616d6d65722d6b65792d31';

/** The demo device's key pair, from DEMO_DEVICE_KEY_SEED_HEX (PKCS#8 prefix for a raw Ed25519 seed). */
export function demoDeviceKeyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(DEMO_DEVICE_KEY_SEED_HEX, 'hex')]);
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

interface SeedPerson {
  name: string;
  username: string | null;
  roles: PersonnelRole[];
  birth: string;
  specialties: Specialty[];
}

interface SeedEquipment {
  type: string;
  maker: string;
  model: string;
  serial: string;
  protocol: string | null;
  kind: CalibrationKind;
  body: string;
  /** Calibration validity relative to today, in days. */
  from: number;
  to: number;
  status: 'verified' | 'pending';
  key?: boolean;
}

export async function seedRegistryAgencies(trx: Transaction<Database>, ids: Record<string, string>, now: Date): Promise<void> {
  const today = beijingDate(now);
  const pii = new PiiCodec(piiKey());
  const userId = async (username: string) =>
    (await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  const province = await userId('officer.province');
  let idSeed = 700;

  const ln = await trx
    .insertInto('organisations')
    .values({
      name: '沈阳华建工程质量检测有限公司',
      type: 'agency',
      uscc: makeValidUscc(301, '210100'),
      region_code: '220104',
      contact_name: '赵立新',
      contact_phone: '024-23456789',
      status: 'active',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ids['agency-ln'] = ln.id;

  const profile = async (agency: string, filing: { number: string; from: number; to: number; verifiedBy: string } | null) => {
    await trx
      .insertInto('agency_profiles')
      .values({ organisation_id: agency, origin: filing ? 'out_of_province' : 'local', created_at: now, updated_at: now })
      .execute();
    if (!filing) return;
    // Seeded as the department verified it (issue 15 item 7: only a verified filing counts); the seed has no
    // sample scans, as for its qualifications.
    await trx
      .insertInto('agency_filings')
      .values({
        agency_id: agency,
        version: 1,
        filing_number: filing.number,
        filing_date: addDays(today, filing.from),
        valid_from: addDays(today, filing.from),
        valid_to: addDays(today, filing.to),
        document_id: null,
        status: 'verified',
        submitted_by: null,
        submitted_at: now,
        decided_by: filing.verifiedBy,
        decided_at: now,
        decision_reason: null,
      })
      .execute();
  };

  const qualification = async (agency: string, number: string, specialties: Specialty[]) =>
    trx
      .insertInto('agency_qualifications')
      .values({
        agency_id: agency,
        certificate_number: number,
        grade: specialties.length === SPECIALTY_CODES.length ? 'comprehensive' : 'specialised',
        specialties,
        valid_from: addDays(today, -400),
        valid_to: addDays(today, 1400),
        issuer: '吉林省住房和城乡建设厅',
        document_id: null,
        replaces_id: null,
        status: 'verified',
        submitted_by: null,
        submitted_at: now,
        decided_by: province,
        decided_at: now,
        decision_reason: null,
      })
      .execute();

  const people = async (agency: string, list: SeedPerson[]) => {
    for (const p of list) {
      const sealed = pii.protect(makeValidResidentId(idSeed++, p.birth));
      const row = await trx
        .insertInto('personnel')
        .values({
          agency_id: agency,
          name: p.name,
          resident_id_lookup: sealed.lookup,
          resident_id_sealed: sealed.sealed,
          resident_id_masked: sealed.masked,
          pii_key_id: sealed.keyId,
          roles: PERSONNEL_ROLES.filter((r) => p.roles.includes(r)),
          user_id: p.username ? await userId(p.username) : null,
          status: 'active',
          joined_on: addDays(today, -900),
          left_on: null,
          created_by: null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [i, s] of p.specialties.entries()) {
        await trx
          .insertInto('personnel_certificates')
          .values({
            person_id: row.id,
            kind: 'post',
            certificate_number: `JLJC-${s.slice(0, 3).toUpperCase()}-${String(idSeed).padStart(4, '0')}-${i + 1}`,
            specialty: s,
            valid_from: addDays(today, -700),
            valid_to: addDays(today, 760),
            document_id: null,
            created_by: null,
            created_at: now,
          })
          .execute();
      }
    }
  };

  const equipment = async (agency: string, list: SeedEquipment[]) => {
    for (const e of list) {
      const row = await trx
        .insertInto('equipment')
        .values({
          agency_id: agency,
          equipment_type: e.type,
          maker: e.maker,
          model: e.model,
          serial_number: e.serial,
          auto_collect: e.protocol !== null,
          auto_collect_protocol: e.protocol,
          status: e.status,
          submitted_by: null,
          submitted_at: now,
          decided_by: e.status === 'verified' ? province : null,
          decided_at: e.status === 'verified' ? now : null,
          decision_reason: null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('equipment_calibrations')
        .values({
          equipment_id: row.id,
          certificate_number: `${e.kind === 'verification' ? 'JD' : 'JZ'}-${e.serial}`,
          kind: e.kind,
          issuing_body: e.body,
          valid_from: addDays(today, e.from),
          valid_to: addDays(today, e.to),
          document_id: null,
          created_by: null,
          created_at: now,
        })
        .execute();
      if (e.key) {
        const raw = demoDeviceKeyPair().publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
        const key = parseDevicePublicKey(raw);
        if (!key.ok) throw new Error(`demo device key: ${key.message}`);
        await trx
          .insertInto('equipment_keys')
          .values({ equipment_id: row.id, public_key: key.raw, fingerprint: key.fingerprint, valid_from: new Date(now.getTime() - DEMO_HISTORY_MS), valid_to: null, created_by: null, created_at: now })
          .execute();
      }
    }
  };

  const metrology = '吉林省计量科学研究院';
  const jz = ids['agency-jz']!;
  await profile(jz, null);
  await qualification(jz, '吉建检资字第 220010 号', ['building_materials', 'main_structure', 'steel_structure', 'foundation', 'building_energy']);
  await people(jz, [
    { name: '王建国', username: 'jz.admin', roles: ['technical_lead'], birth: '19750312', specialties: ['main_structure', 'foundation'] },
    { name: '刘洋', username: 'jz.owner', roles: ['upload_owner', 'tester'], birth: '19860521', specialties: ['main_structure', 'building_energy'] },
    { name: '高峰', username: 'jz.tester', roles: ['tester'], birth: '19900817', specialties: ['main_structure', 'foundation', 'steel_structure'] },
    { name: '韩雪', username: 'jz.reviewer', roles: ['reviewer'], birth: '19881102', specialties: ['main_structure', 'foundation', 'steel_structure'] },
    { name: '曹振宇', username: 'jz.signatory', roles: ['signatory'], birth: '19790204', specialties: ['main_structure', 'foundation', 'building_energy'] },
  ]);
  await equipment(jz, [
    {
      type: '数显回弹仪',
      maker: '北京智博联科技股份有限公司',
      model: 'ZBL-S220',
      serial: 'S220-2024-0417',
      protocol: '蓝牙采集 → 平台设备接入接口（Ed25519 签名 JSON）',
      kind: 'verification',
      body: metrology,
      from: -100,
      to: 265,
      status: 'verified',
      key: true,
    },
    {
      type: '一体式钢筋扫描仪',
      maker: '北京智博联科技股份有限公司',
      model: 'ZBL-R660',
      serial: 'R660-2023-1108',
      protocol: 'USB 导出 → 机构 LIMS → 平台集成接口',
      kind: 'calibration',
      body: metrology,
      from: -345,
      to: 20,
      status: 'verified',
    },
    { type: '数字式超声波探伤仪', maker: '汕头市超声仪器研究所股份有限公司', model: 'CTS-9009', serial: 'CTS9009-21553', protocol: null, kind: 'calibration', body: metrology, from: -30, to: 335, status: 'verified' },
  ]);

  const jk = ids['agency-jk']!;
  await profile(jk, null);
  await qualification(jk, '吉建检资字第 220031 号', ['building_materials', 'main_structure']);
  await people(jk, [
    { name: '李明', username: 'jk.admin', roles: ['technical_lead'], birth: '19800719', specialties: ['main_structure'] },
    { name: '许静', username: 'jk.tester', roles: ['tester', 'upload_owner'], birth: '19920630', specialties: ['main_structure', 'building_materials'] },
  ]);
  await equipment(jk, [
    { type: '数显回弹仪', maker: '山东乐陵市回弹仪厂', model: 'HT225-W', serial: 'HT225W-2025-0093', protocol: null, kind: 'verification', body: metrology, from: -10, to: 355, status: 'pending' },
  ]);

  await profile(ln.id, { number: '吉建质备〔2024〕第 017 号', from: -760, to: -30, verifiedBy: province });
  await qualification(ln.id, '辽建检资字第 210118 号', ['foundation', 'main_structure']);
  await people(ln.id, [{ name: '赵立新', username: null, roles: ['technical_lead', 'tester'], birth: '19830915', specialties: ['foundation'] }]);
  await equipment(ln.id, [
    { type: '基桩静载测试仪', maker: '武汉岩海工程技术有限公司', model: 'RS-JYE', serial: 'RSJYE-2022-3321', protocol: null, kind: 'calibration', body: '辽宁省计量科学研究院', from: -200, to: 165, status: 'verified' },
  ]);

  await recordAudit(trx, { actor: { kind: 'system', name: 'demo-seed' }, requestId: 'seed', clientIp: null, now }, {
    action: 'system.seed.registry',
    targetType: 'platform',
    details: { agencies: ['agency-jz', 'agency-jk', 'agency-ln'] },
  });
}
