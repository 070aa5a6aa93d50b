import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../kernel/clock.ts';
import { CALIBRATION_WARNING_DAYS } from '../../kernel/policy.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { ensureRegistrySeed, uploadDocument } from '../agencies/testing.ts';
import { demoDeviceKeyPair } from '../../seed/registry-agencies.ts';
import { devicePublicKeyObject } from './rules/device-key.ts';
import { assertEquipmentUsable, deviceKeysAt } from './service.ts';

process.env.PII_KEY ??= Buffer.alloc(32, 0x33).toString('base64');

const NOW = '2026-03-15T10:00:00+08:00';
const clock = new ManualClock(NOW);
let t: TestApp;
let ids: Record<string, string>;
const cookies: Record<string, string> = {};
const USERS = ['admin', 'officer.nanguan', 'officer.chaoyang', 'officer.province', 'jz.admin', 'jz.tester', 'jk.admin'];

beforeAll(async () => {
  t = await createTestApp({ clock });
  ids = await ensureRegistrySeed(t);
  for (const u of USERS) cookies[u] = await t.login(u);
});
afterAll(() => t.close());

const req = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });
const get = (who: string, url: string) => req(who, 'GET', url);
const post = (who: string, url: string, payload?: object) => req(who, 'POST', url, payload);

const rawKey = () => Buffer.from(generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64');
let serial = 1;
async function register(who: string, extra: object = {}, calibration: object | null = {}) {
  const doc = await uploadDocument(t, cookies[who]!);
  return post(who, '/equipment', {
    equipmentType: '数显回弹仪',
    maker: '北京智博联科技股份有限公司',
    model: 'ZBL-S220',
    serialNumber: `T-${serial++}`,
    autoCollect: false,
    ...(calibration
      ? { calibration: { certificateNumber: `JD-${serial}`, kind: 'verification', issuingBody: '吉林省计量科学研究院', validFrom: '2026-01-01', validTo: '2026-12-31', documentId: doc, ...calibration } }
      : {}),
    ...extra,
  });
}

describe('the demo equipment list', () => {
  it('flags calibrationWarning for calibration ending within the warning window, and shows usability', async () => {
    const list = (await get('jz.admin', '/equipment?pageSize=100')).json();
    const bySerial = new Map(list.items.map((e: { serialNumber: string }) => [e.serialNumber, e]));
    expect(bySerial.get('R660-2023-1108')).toMatchObject({ calibrationWarning: true, calibrationState: 'expiring', usable: true, status: 'verified' });
    expect(bySerial.get('S220-2024-0417')).toMatchObject({ calibrationWarning: false, calibrationState: 'valid', usable: true, autoCollect: true });
    expect((bySerial.get('S220-2024-0417') as { currentKeyFingerprint: string | null }).currentKeyFingerprint).toMatch(/^[0-9a-f]{64}$/);
    const warned = list.items.filter((e: { calibrationWarning: boolean }) => e.calibrationWarning);
    for (const e of warned) {
      expect(new Date(e.calibrationValidUntil).getTime() - clock.now().getTime()).toBeLessThanOrEqual(CALIBRATION_WARNING_DAYS * 86_400_000);
    }
  });

  it('the demo 回弹仪 key verifies what the demo device signs', async () => {
    const e = (await get('jz.admin', '/equipment?q=S220')).json().items[0];
    const [key] = await deviceKeysAt(t.deps.db, e.id, clock.now());
    const msg = Buffer.from('demo capture');
    expect(verify(null, msg, devicePublicKeyObject(key!.publicKey), sign(null, msg, demoDeviceKeyPair().privateKey))).toBe(true);
  });
});

describe('registering equipment', () => {
  it('an agency admin registers with a calibration and a device key; it waits for 设备核验; audited', async () => {
    const key = rawKey();
    const res = await register('jz.admin', { autoCollect: true, autoCollectProtocol: '蓝牙 → 平台接口', publicKey: key });
    expect(res.statusCode).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({ agencyId: ids['agency-jz'], status: 'pending', usable: false, calibrationState: 'valid', autoCollect: true });
    expect(e.calibrations).toHaveLength(1);
    expect(e.keys).toEqual([expect.objectContaining({ publicKey: key, validTo: null, validFrom: clock.now().toISOString() })]);
    const [a] = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'equipment.create').where('target_id', '=', e.id).execute();
    expect(a).toMatchObject({ organisation_id: ids['agency-jz'], region_code: '220102' });

    const dupSerial = await register('jz.admin', { serialNumber: e.serialNumber });
    expect(dupSerial.statusCode).toBe(409);
    expect(dupSerial.json()).toMatchObject({ code: 'SERIAL_TAKEN', field: 'body.serialNumber' });
    // Serials are unique per agency, not across agencies.
    expect((await register('jk.admin', { serialNumber: e.serialNumber })).statusCode).toBe(201);
    const dupKey = await register('jk.admin', { publicKey: key });
    expect(dupKey.json()).toMatchObject({ code: 'DEVICE_KEY_IN_USE', field: 'body.publicKey' });
  });

  it.each([
    ['auto-collection without a protocol', { autoCollect: true }, {}, 'PROTOCOL_REQUIRED', 'body.autoCollectProtocol'],
    ['a protocol without auto-collection', { autoCollectProtocol: 'RS-232' }, {}, 'PROTOCOL_NOT_APPLICABLE', 'body.autoCollectProtocol'],
    ['a P-256 key', { publicKey: generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'pem', type: 'spki' }).toString() }, {}, 'DEVICE_KEY_INVALID', 'body.publicKey'],
    ['an inverted calibration', {}, { validFrom: '2026-06-01', validTo: '2026-05-31' }, 'VALIDITY_INVERTED', 'body.calibration.validTo'],
    ['an unknown calibration document', {}, { documentId: '00000000-0000-4000-8000-000000000000' }, 'DOCUMENT_INVALID', 'body.calibration.documentId'],
    ['a blank serial', { serialNumber: '   ' }, {}, 'FIELD_REQUIRED', 'body.serialNumber'],
    ['an unknown field', { colour: 'red' }, {}, 'VALIDATION_FAILED', 'body.colour'],
  ])('refuses %s with 400 naming the field, saving nothing', async (_label, extra, calibration, code, field) => {
    const count = async () => Number((await t.deps.db.selectFrom('equipment').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const res = await register('jz.admin', extra, calibration);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code, field });
    expect(await count()).toBe(before);
  });

  it('an agency cannot register for another; platform admins name the agency', async () => {
    expect((await register('jz.admin', { agencyId: ids['agency-jk'] })).json()).toMatchObject({ code: 'AGENCY_NOT_FOUND', field: 'body.agencyId' });
    expect((await register('jz.tester')).statusCode).toBe(403);
    expect((await register('admin', {}, null)).json()).toMatchObject({ code: 'AGENCY_REQUIRED', field: 'body.agencyId' });
    expect((await register('admin', { agencyId: ids['agency-hx'] }, null)).statusCode).toBe(201);
  });
});

describe('设备核验 (department verification)', () => {
  it('the department of the jurisdiction approves or rejects with a reason; the agency resubmits; all audited', async () => {
    const e = (await register('jz.admin')).json();
    expect((await post('officer.chaoyang', `/equipment/${e.id}/approve`)).statusCode).toBe(404);
    expect((await post('jz.admin', `/equipment/${e.id}/approve`)).statusCode).toBe(403);
    expect((await post('officer.nanguan', `/equipment/${e.id}/reject`, { reason: ' ' })).json()).toMatchObject({ code: 'REASON_REQUIRED', field: 'body.reason' });
    const rejected = await post('officer.nanguan', `/equipment/${e.id}/reject`, { reason: '检定证书扫描件不清晰' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionReason: '检定证书扫描件不清晰', decidedByName: '马志远' });
    expect((await post('officer.nanguan', `/equipment/${e.id}/approve`)).json().code).toBe('EQUIPMENT_ALREADY_DECIDED');
    expect((await post('officer.nanguan', `/equipment/${e.id}/resubmit`)).statusCode).toBe(403);
    expect((await post('jz.admin', `/equipment/${e.id}/resubmit`)).json()).toMatchObject({ status: 'pending', decisionReason: null });
    const approved = await post('officer.province', `/equipment/${e.id}/approve`);
    expect(approved.json()).toMatchObject({ status: 'verified', usable: true });
    const trail = await t.deps.db.selectFrom('audit_log').select(['action', 'details']).where('target_id', '=', e.id).orderBy('id').execute();
    expect(trail.map((a) => a.action)).toEqual(['equipment.create', 'equipment.reject', 'equipment.resubmit', 'equipment.approve']);
    expect(trail[1]!.details).toMatchObject({ reason: '检定证书扫描件不清晰' });
  });

  it('cannot approve a device without a calibration in force (422)', async () => {
    const e = (await register('jz.admin', {}, null)).json();
    const res = await post('officer.nanguan', `/equipment/${e.id}/approve`);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('EQUIPMENT_CALIBRATION_MISSING');
    expect((await get('jz.admin', `/equipment/${e.id}`)).json().status).toBe('pending');
  });
});

describe('assertEquipmentUsable (for batches)', () => {
  let id: string;
  beforeAll(async () => {
    id = (await register('jz.admin', {}, { validFrom: '2025-04-01', validTo: '2026-03-31' })).json().id;
  });

  it('refuses equipment not yet verified (422) and equipment of another agency (404 naming the field)', async () => {
    await expect(assertEquipmentUsable(t.deps.db, id, ids['agency-jz']!, clock.now(), 'body.equipmentIds.0')).rejects.toMatchObject({
      statusCode: 422,
      code: 'EQUIPMENT_NOT_VERIFIED',
      field: 'body.equipmentIds.0',
    });
    expect((await post('officer.nanguan', `/equipment/${id}/approve`)).statusCode).toBe(200);
    await expect(assertEquipmentUsable(t.deps.db, id, ids['agency-jk']!, clock.now(), 'body.equipmentIds.0')).rejects.toMatchObject({
      statusCode: 404,
      code: 'EQUIPMENT_NOT_FOUND',
      field: 'body.equipmentIds.0',
    });
  });

  it.each([
    ['1 ms before the calibration ends', '2026-03-31T23:59:59.999+08:00', true],
    ['exactly at the end instant', '2026-04-01T00:00:00.000+08:00', false],
    ['1 ms after', '2026-04-01T00:00:00.001+08:00', false],
  ])('%s: usable = %s', async (_label, at, usable) => {
    const check = assertEquipmentUsable(t.deps.db, id, ids['agency-jz']!, new Date(at), 'body.equipmentIds.0');
    if (usable) await expect(check).resolves.toMatchObject({ id, autoCollect: false });
    else await expect(check).rejects.toMatchObject({ statusCode: 422, code: 'EQUIPMENT_CALIBRATION_EXPIRED', field: 'body.equipmentIds.0' });
  });

  it('a new calibration certificate is added as history and makes it usable again', async () => {
    const doc = await uploadDocument(t, cookies['jz.admin']!);
    const body = { certificateNumber: 'JD-RENEW-1', kind: 'verification', issuingBody: '吉林省计量科学研究院', validFrom: '2026-03-30', validTo: '2027-03-29', documentId: doc };
    expect((await post('jk.admin', `/equipment/${id}/calibrations`, body)).statusCode).toBe(404);
    expect((await post('officer.nanguan', `/equipment/${id}/calibrations`, body)).statusCode).toBe(403);
    expect((await post('jz.admin', `/equipment/${id}/calibrations`, body)).statusCode).toBe(201);
    expect((await post('jz.admin', `/equipment/${id}/calibrations`, body)).json()).toMatchObject({ code: 'CALIBRATION_DUPLICATE', field: 'body.certificateNumber' });
    const history = (await get('officer.nanguan', `/equipment/${id}/calibrations`)).json();
    expect(history.map((c: { certificateNumber: string }) => c.certificateNumber)).toHaveLength(2);
    await expect(assertEquipmentUsable(t.deps.db, id, ids['agency-jz']!, new Date('2026-04-01T00:00:00.001+08:00'), 'x')).resolves.toMatchObject({ id });
    expect((await get('jz.admin', `/equipment/${id}`)).json()).toMatchObject({ calibrationWarning: false, calibrationValidUntil: '2027-03-29T16:00:00.000Z' });
  });
});

describe('device keys: registered, rotatable, old keys kept', () => {
  it('a rotation retires the old key from the new key\'s start; deviceKeysAt answers per instant', async () => {
    const k1 = rawKey();
    const e = (await register('jz.admin', { autoCollect: true, autoCollectProtocol: '蓝牙', publicKey: k1 })).json();
    const t0 = clock.now();
    const t1 = new Date(t0.getTime() + 3_600_000);
    expect((await post('jz.admin', `/equipment/${e.id}/keys`, { publicKey: rawKey(), validFrom: new Date(t0.getTime() - 1).toISOString() })).json()).toMatchObject({
      code: 'KEY_VALID_FROM_PAST',
      field: 'body.validFrom',
    });
    expect((await post('jz.admin', `/equipment/${e.id}/keys`, { publicKey: k1 })).json()).toMatchObject({ code: 'DEVICE_KEY_IN_USE', field: 'body.publicKey' });
    expect((await post('jz.admin', `/equipment/${e.id}/keys`, { publicKey: 'AAAA' })).json()).toMatchObject({ code: 'DEVICE_KEY_INVALID', field: 'body.publicKey' });
    expect((await post('jk.admin', `/equipment/${e.id}/keys`, { publicKey: rawKey() })).statusCode).toBe(404);

    const ed = generateKeyPairSync('ed25519');
    const pem = ed.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const k2 = Buffer.from(ed.publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64');
    const rotated = await post('jz.admin', `/equipment/${e.id}/keys`, { publicKey: pem, validFrom: t1.toISOString() });
    expect(rotated.statusCode).toBe(201);
    expect(rotated.json()).toMatchObject({ publicKey: k2, validFrom: t1.toISOString(), validTo: null });
    expect((await post('jz.admin', `/equipment/${e.id}/keys`, { publicKey: rawKey(), validFrom: t1.toISOString() })).json()).toMatchObject({
      code: 'KEY_ROTATION_SCHEDULED',
      field: 'body.validFrom',
    });

    const keys = (await get('officer.nanguan', `/equipment/${e.id}/keys`)).json();
    expect(keys.map((k: { publicKey: string; validTo: string | null }) => [k.publicKey, k.validTo])).toEqual([
      [k2, null],
      [k1, t1.toISOString()],
    ]);
    const at = async (d: Date) => (await deviceKeysAt(t.deps.db, e.id, d)).map((k) => k.publicKey);
    expect(await at(new Date(t0.getTime() - 1))).toEqual([]);
    expect(await at(t0)).toEqual([k1]);
    expect(await at(new Date(t1.getTime() - 1))).toEqual([k1]);
    expect(await at(t1)).toEqual([k2]);
    expect(await at(new Date(t1.getTime() + 86_400_000))).toEqual([k2]);
    const trail = await t.deps.db.selectFrom('audit_log').select(['action', 'details']).where('target_id', '=', e.id).where('action', 'like', 'equipment.key.%').execute();
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ action: 'equipment.key.rotate', details: { validFrom: t1.toISOString() } });
  });
});

describe('scoping', () => {
  it('another agency\'s equipment is invisible (404); officers see their jurisdiction only', async () => {
    const jzItem = (await get('jz.admin', '/equipment?pageSize=1')).json().items[0];
    for (const who of ['jk.admin', 'officer.chaoyang']) {
      expect((await get(who, `/equipment/${jzItem.id}`)).statusCode).toBe(404);
      expect((await get(who, `/equipment/${jzItem.id}/keys`)).statusCode).toBe(404);
      expect((await get(who, `/equipment/${jzItem.id}/calibrations`)).statusCode).toBe(404);
    }
    expect((await get('officer.nanguan', `/equipment/${jzItem.id}`)).statusCode).toBe(200);
    const jk = (await get('jk.admin', '/equipment?pageSize=100')).json();
    for (const e of jk.items) expect(e.agencyId).toBe(ids['agency-jk']);
    expect((await get('jk.admin', `/equipment?agencyId=${ids['agency-jz']}`)).json()).toEqual({ items: [], total: 0 });
    const chaoyang = (await get('officer.chaoyang', '/equipment?pageSize=100')).json();
    for (const e of chaoyang.items) expect([ids['agency-jk'], ids['agency-ln']]).toContain(e.agencyId);
  });
});
