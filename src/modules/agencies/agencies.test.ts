import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../kernel/clock.ts';
import { AppError } from '../../kernel/errors.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { makeValidResidentId, makeValidUscc } from '../registry/index.ts';
import { assertAgencyConnected, getConnection, qualifiedSpecialties, specialtyCoverage } from './service.ts';
import { SPECIALTY_CODES } from '../../kernel/specialties.ts';
import { ensureRegistrySeed, uploadDocument } from './testing.ts';

process.env.PII_KEY ??= Buffer.alloc(32, 0x51).toString('base64');

const START = '2026-06-30T10:00:00+08:00';
const clock = new ManualClock(START);
let t: TestApp;
let ids: Record<string, string>;
const cookies: Record<string, string> = {};
const USERS = ['admin', 'officer.province', 'officer.nanguan', 'officer.chaoyang', 'officer.changchun', 'jz.admin', 'jz.tester', 'jk.admin'];

beforeAll(async () => {
  t = await createTestApp({ clock });
  ids = await ensureRegistrySeed(t);
  for (const u of USERS) cookies[u] = await t.login(u);
});
afterAll(() => t.close());

const req = (who: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });
const get = (who: string, url: string) => req(who, 'GET', url);
const post = (who: string, url: string, payload?: object) => req(who, 'POST', url, payload);

async function newAgency(name: string, seed: number, region = '220102'): Promise<string> {
  const res = await post('admin', '/organisations', { name, type: 'agency', uscc: makeValidUscc(seed, region), regionCode: region });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

async function audits(action: string, targetId: string) {
  return t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('target_id', '=', targetId).execute();
}

describe('connection status endpoint (computed, scoped)', () => {
  it('吉林省建正 (demo) is connected, every item ticked', async () => {
    const res = await get('jz.admin', `/agencies/${ids['agency-jz']}/connection`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ agencyId: ids['agency-jz'], connected: true });
    expect(res.json().checklist.map((c: { ok: boolean }) => c.ok)).toEqual([true, true, true, true]);
  });

  it('长春建科 (demo) has no verified equipment: its checklist says so', async () => {
    const res = (await get('jk.admin', `/agencies/${ids['agency-jk']}/connection`)).json();
    expect(res.connected).toBe(false);
    expect(res.checklist.filter((c: { ok: boolean }) => !c.ok)).toEqual([{ item: 'equipment', ok: false, message: '没有经住建部门核验的检测设备' }]);
  });

  it('an out-of-province agency without a valid 入吉备案 is not connected; a filing connects it only once verified', async () => {
    const ln = ids['agency-ln']!;
    const res = (await get('officer.chaoyang', `/agencies/${ln}/connection`)).json();
    expect(res.connected).toBe(false);
    const failing = res.checklist.filter((c: { ok: boolean }) => !c.ok);
    expect(failing).toHaveLength(1);
    expect(failing[0]).toMatchObject({ item: 'origin', message: expect.stringMatching(/^入吉备案已于 \d{4}-\d{2}-\d{2} 到期$/) });

    const profile = (await get('admin', `/agencies/${ln}/profile`)).json();
    expect(profile).toMatchObject({ origin: 'out_of_province', filing: { version: 1, status: 'verified', inForce: false }, verifiedFiling: { version: 1 } });
    const doc = await uploadDocument(t, cookies['admin']!, '入吉备案证明.pdf');
    const renewed = await post('admin', `/agencies/${ln}/filings`, { number: '吉建质备〔2026〕第 003 号', date: '2026-06-01', validFrom: '2026-06-01', validTo: '2028-05-31', documentId: doc });
    expect(renewed.statusCode).toBe(201);
    expect(renewed.json()).toMatchObject({ version: 2, status: 'pending', inForce: false, documentId: doc });
    // Typed in and submitted, but not yet verified: it does not count.
    expect((await get('officer.chaoyang', `/agencies/${ln}/connection`)).json()).toMatchObject({
      connected: false,
      checklist: [{ item: 'origin', ok: false, message: '入吉备案待住建部门核验' }, {}, {}, {}],
    });
    expect((await post('officer.chaoyang', `/filings/${renewed.json().id}/approve`)).statusCode).toBe(200);
    expect((await get('officer.chaoyang', `/agencies/${ln}/connection`)).json()).toMatchObject({
      connected: true,
      checklist: [{ item: 'origin', ok: true, message: '入吉备案经住建部门核验有效（至 2028-05-31）' }, {}, {}, {}],
    });
    // The old version stays in the history, superseded by the new one.
    const history = (await get('admin', `/agencies/${ln}/filings`)).json();
    expect(history.map((f: { version: number; status: string; supersededBy: string | null }) => [f.version, f.status, f.supersededBy])).toEqual([
      [2, 'verified', null],
      [1, 'verified', renewed.json().id],
    ]);
  });

  it('is scoped: 404 outside the caller\'s jurisdiction or organisation, for non-agencies and unknown ids', async () => {
    expect((await get('officer.nanguan', `/agencies/${ids['agency-jk']}/connection`)).statusCode).toBe(404);
    expect((await get('jz.admin', `/agencies/${ids['agency-jk']}/connection`)).json()).toMatchObject({ code: 'AGENCY_NOT_FOUND' });
    expect((await get('officer.chaoyang', `/agencies/${ids['agency-jk']}/connection`)).statusCode).toBe(200);
    expect((await get('officer.province', `/agencies/${ids['agency-jk']}/connection`)).statusCode).toBe(200);
    expect((await get('admin', `/agencies/${ids['builder-cc']}/connection`)).statusCode).toBe(404);
    expect((await get('admin', '/agencies/00000000-0000-4000-8000-000000000000/connection')).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/agencies/${ids['agency-jz']}/connection` })).statusCode).toBe(401);
  });

  it('assertAgencyConnected refuses with 422 AGENCY_NOT_CONNECTED naming what is missing and the field', async () => {
    const err = await assertAgencyConnected(t.deps.db, ids['agency-jk']!, clock.now(), 'body.agencyId').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ statusCode: 422, code: 'AGENCY_NOT_CONNECTED', field: 'body.agencyId', details: { missing: ['equipment'] } });
    expect((err as AppError).message).toContain('没有经住建部门核验的检测设备');
    await expect(assertAgencyConnected(t.deps.db, ids['agency-jz']!, clock.now(), 'body.agencyId')).resolves.toBeUndefined();
    await expect(assertAgencyConnected(t.deps.db, ids['builder-cc']!, clock.now(), 'body.agencyId')).rejects.toMatchObject({ statusCode: 404, field: 'body.agencyId' });
  });
});

describe('a connected agency whose qualification lapses at midnight', () => {
  let agency: string;
  let cookie: string;

  beforeAll(async () => {
    agency = await newAgency('吉林省到期测试检测有限公司', 9101);
    const login = await post('admin', '/users', { username: 'lapse.admin', displayName: '到期测试', organisationId: agency, roles: ['agency_admin'], password: 'Harbour#2026x' });
    expect(login.statusCode).toBe(201);
    await t.deps.db.updateTable('users').set({ must_change_password: false }).where('username', '=', 'lapse.admin').execute();
    cookie = await t.login('lapse.admin', 'Harbour#2026x');
    const as = (method: 'POST' | 'PUT', url: string, payload: object) => t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, payload });
    expect((await as('PUT', `/agencies/${agency}/profile`, { rowVersion: 0, origin: 'local' })).statusCode).toBe(200);
    const doc = await uploadDocument(t, cookie);
    const q = await as('POST', `/agencies/${agency}/qualifications`, {
      certificateNumber: 'LAPSE-0001',
      grade: 'specialised',
      specialties: ['main_structure'],
      validFrom: '2023-07-01',
      validTo: '2026-06-30',
      issuer: '吉林省住房和城乡建设厅',
      documentId: doc,
    });
    expect(q.statusCode).toBe(201);
    expect((await post('officer.nanguan', `/qualifications/${q.json().id}/approve`)).statusCode).toBe(200);
    const e = await as('POST', '/equipment', {
      equipmentType: '数显回弹仪',
      maker: '某仪器厂',
      model: 'HT-1',
      serialNumber: 'LAPSE-HT-1',
      autoCollect: false,
      calibration: { certificateNumber: 'JD-LAPSE-1', kind: 'verification', issuingBody: '吉林省计量科学研究院', validFrom: '2026-01-01', validTo: '2026-12-31', documentId: await uploadDocument(t, cookie) },
    });
    expect(e.statusCode).toBe(201);
    expect((await post('officer.nanguan', `/equipment/${e.json().id}/approve`)).statusCode).toBe(200);
    const p = await as('POST', '/personnel', {
      name: '到期测试员',
      residentId: makeValidResidentId(901, '19880101'),
      roles: ['tester'],
      certificates: [{ kind: 'post', certificateNumber: 'POST-LAPSE-1', specialty: 'main_structure', validFrom: '2025-01-01', validTo: '2027-12-31' }],
    });
    expect(p.statusCode).toBe(201);
  });

  it.each([
    ['2026-06-30T23:59:59+08:00', true],
    ['2026-07-01T00:00:00+08:00', false],
    ['2026-07-01T00:00:01+08:00', false],
  ])('at %s the endpoint says connected = %s', async (at, connected) => {
    clock.set(at);
    try {
      // Sessions follow the clock too: sign in at the instant under test.
      const c = await t.login('officer.nanguan');
      const res = (await t.app.inject({ url: `/api/v1/agencies/${agency}/connection`, headers: { cookie: c } })).json();
      expect(res.connected).toBe(connected);
      expect(res.checkedAt).toBe(new Date(at).toISOString());
      expect(res.checklist.find((i: { item: string }) => i.item === 'qualification').ok).toBe(connected);
      const gate = assertAgencyConnected(t.deps.db, agency, clock.now(), 'body.agencyId');
      if (connected) await expect(gate).resolves.toBeUndefined();
      else await expect(gate).rejects.toMatchObject({ code: 'AGENCY_NOT_CONNECTED', message: expect.stringContaining('资质证书均不在有效期内') });
    } finally {
      clock.set(START);
    }
  });

  it('getConnection agrees to the millisecond, and specialties lapse with the certificate', async () => {
    expect((await getConnection(t.deps.db, agency, new Date('2026-06-30T23:59:59.999+08:00'))).connected).toBe(true);
    expect((await getConnection(t.deps.db, agency, new Date('2026-07-01T00:00:00.000+08:00'))).connected).toBe(false);
    expect(await qualifiedSpecialties(t.deps.db, agency, new Date('2026-06-30T23:59:59.999+08:00'))).toEqual(['main_structure']);
    expect(await qualifiedSpecialties(t.deps.db, agency, new Date('2026-07-01T00:00:00.000+08:00'))).toEqual([]);
    expect(await specialtyCoverage(t.deps.db, agency, 'main_structure', new Date('2026-07-01T00:00:01+08:00'))).toBe('lapsed');
    expect(await specialtyCoverage(t.deps.db, agency, 'road', new Date('2026-06-30T12:00:00+08:00'))).toBe('never');
    expect(await specialtyCoverage(t.deps.db, agency, 'main_structure', new Date('2026-06-30T12:00:00+08:00'))).toBe('covered');
  });
});

describe('agency profile (origin)', () => {
  it('reads as undeclared (rowVersion 0) until first saved; saving with 0 creates it, audited', async () => {
    const agency = await newAgency('吉林省新登记检测有限公司', 9102);
    const before = (await get('admin', `/agencies/${agency}/profile`)).json();
    expect(before).toMatchObject({ agencyId: agency, origin: null, filing: null, verifiedFiling: null, rowVersion: 0, updatedAt: null });
    expect((await get('admin', `/agencies/${agency}/connection`)).json().checklist[0]).toMatchObject({ item: 'origin', ok: false });
    const saved = await req('admin', 'PUT', `/agencies/${agency}/profile`, { rowVersion: 0, origin: 'out_of_province' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ origin: 'out_of_province', rowVersion: 1, filing: null });
    const [a] = await audits('agency.profile.update', agency);
    expect(a!.details).toMatchObject({ from: null, to: { origin: 'out_of_province' } });
    expect(a!.organisation_id).toBe(agency);
  });

  it('a stale edit is refused with 409 EDIT_CONFLICT naming body.rowVersion; nothing is lost', async () => {
    const jz = ids['agency-jz']!;
    const v = (await get('jz.admin', `/agencies/${jz}/profile`)).json().rowVersion;
    expect((await req('jz.admin', 'PUT', `/agencies/${jz}/profile`, { rowVersion: v, origin: 'local' })).statusCode).toBe(200);
    const stale = await req('jz.admin', 'PUT', `/agencies/${jz}/profile`, { rowVersion: v, origin: 'out_of_province' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'EDIT_CONFLICT', field: 'body.rowVersion' });
    expect((await get('jz.admin', `/agencies/${jz}/profile`)).json()).toMatchObject({ origin: 'local', rowVersion: v + 1 });
  });

  it.each([
    ['a filing typed into the profile (it is a verified submission now)', { rowVersion: 1, origin: 'out_of_province', filing: { number: 'X', date: '2026-01-01', validFrom: '2026-01-01', validTo: '2027-01-01' } }, 'VALIDATION_FAILED', 'body.filing'],
    ['an unknown field', { rowVersion: 1, origin: 'local', connected: true }, 'VALIDATION_FAILED', 'body.connected'],
  ])('refuses %s with 400 naming the field', async (_label, body, code, field) => {
    const res = await req('admin', 'PUT', `/agencies/${ids['agency-hx']}/profile`, body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code, field });
  });

  it('an agency whose USCC was issued outside Jilin cannot declare itself local (422), and is not counted local', async () => {
    const agency = await newAgency('辽宁某检测有限公司吉林分公司', 9103, '220102');
    await t.deps.db.updateTable('organisations').set({ uscc: makeValidUscc(9103, '210100') }).where('id', '=', agency).execute();
    const res = await req('admin', 'PUT', `/agencies/${agency}/profile`, { rowVersion: 0, origin: 'local' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'ORIGIN_CONTRADICTS_USCC', field: 'body.origin' });
    // A "local" row from before the check does not count either.
    await t.deps.db.insertInto('agency_profiles').values({ organisation_id: agency, origin: 'local', created_at: clock.now(), updated_at: clock.now() }).execute();
    expect((await get('admin', `/agencies/${agency}/connection`)).json().checklist[0]).toMatchObject({ item: 'origin', ok: false, message: expect.stringContaining('非本省注册') });
  });

  it('only the agency\'s own administrators and platform admins edit; others get 403 (visible) or 404 (not)', async () => {
    const jz = ids['agency-jz']!;
    const v = (await get('admin', `/agencies/${jz}/profile`)).json().rowVersion;
    expect((await req('officer.nanguan', 'PUT', `/agencies/${jz}/profile`, { rowVersion: v, origin: 'local' })).statusCode).toBe(403);
    expect((await req('jz.tester', 'PUT', `/agencies/${jz}/profile`, { rowVersion: v, origin: 'local' })).statusCode).toBe(403);
    expect((await req('jk.admin', 'PUT', `/agencies/${jz}/profile`, { rowVersion: v, origin: 'local' })).statusCode).toBe(404);
    expect((await get('jk.admin', `/agencies/${jz}/profile`)).statusCode).toBe(404);
    expect((await get('officer.chaoyang', `/agencies/${jz}/profile`)).statusCode).toBe(404);
    expect((await get('officer.nanguan', `/agencies/${jz}/profile`)).statusCode).toBe(200);
  });
});

describe('入吉备案 submissions and their verification (issue 15 item 7)', () => {
  let agency: string;
  let cookie: string;
  let doc: string;
  const filing = { number: '吉建质备〔2026〕第 021 号', date: '2026-05-20', validFrom: '2026-05-20', validTo: '2029-05-19' };
  const as = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    agency = await newAgency('辽宁北方检测有限公司', 9104, '220102');
    const login = await post('admin', '/users', { username: 'nf.admin', displayName: '北方管理员', organisationId: agency, roles: ['agency_admin'], password: 'Harbour#2026x' });
    expect(login.statusCode).toBe(201);
    await t.deps.db.updateTable('users').set({ must_change_password: false }).where('username', '=', 'nf.admin').execute();
    cookie = await t.login('nf.admin', 'Harbour#2026x');
    doc = await uploadDocument(t, cookie, '入吉备案证明.pdf');
  });

  it('refuses a filing before the origin is declared out-of-province (422 FILING_NOT_APPLICABLE)', async () => {
    const res = await as('POST', `/agencies/${agency}/filings`, { ...filing, documentId: doc });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'FILING_NOT_APPLICABLE', field: 'body' });
    expect((await as('PUT', `/agencies/${agency}/profile`, { rowVersion: 0, origin: 'out_of_province' })).statusCode).toBe(200);
  });

  it.each([
    ['an inverted validity', { validFrom: '2026-02-01', validTo: '2026-01-31' }, 400, 'VALIDITY_INVERTED', 'body.validTo'],
    ['a blank number', { number: '  ' }, 400, 'FIELD_REQUIRED', 'body.number'],
    ['a malformed date', { date: '2026-13-01' }, 400, 'VALIDATION_FAILED', 'body.date'],
    ['no document', { documentId: undefined }, 400, 'VALIDATION_FAILED', 'body.documentId'],
    ['a document of another organisation', { documentId: 'other' }, 400, 'DOCUMENT_INVALID', 'body.documentId'],
  ])('refuses %s naming the field', async (_label, change, status, code, field) => {
    const body: Record<string, unknown> = { ...filing, documentId: doc, ...change };
    if (body.documentId === 'other') body.documentId = await uploadDocument(t, cookies['jz.admin']!);
    const res = await as('POST', `/agencies/${agency}/filings`, body);
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({ code, field });
  });

  it('the agency submits with its scan; only the department of its jurisdiction decides; every step audited', async () => {
    const res = await as('POST', `/agencies/${agency}/filings`, { ...filing, documentId: doc });
    expect(res.statusCode).toBe(201);
    const f = res.json();
    expect(f).toMatchObject({ agencyId: agency, version: 1, number: filing.number, status: 'pending', inForce: false, documentId: doc, decidedAt: null });
    expect((await audits('filing.submit', f.id))[0]!.details).toMatchObject({ version: 1, number: filing.number, documentSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await as('GET', `/agencies/${agency}/connection`)).json().checklist[0]).toEqual({ item: 'origin', ok: false, message: '入吉备案待住建部门核验' });

    // A second submission while one waits is refused.
    const again = await as('POST', `/agencies/${agency}/filings`, { ...filing, documentId: doc });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'FILING_PENDING', field: 'body.number' });

    // In the queue of the departments whose jurisdiction covers 南关区, not of 朝阳区.
    const queued = async (who: string) => ((await get(who, '/verification-queue')).json().filings.items as { id: string }[]).map((x) => x.id);
    expect(await queued('officer.nanguan')).toContain(f.id);
    expect(await queued('officer.province')).toContain(f.id);
    expect(await queued('officer.chaoyang')).not.toContain(f.id);

    // The agency cannot approve its own filing; a department outside the jurisdiction does not see it.
    expect((await as('POST', `/filings/${f.id}/approve`)).statusCode).toBe(403);
    expect((await as('POST', `/filings/${f.id}/approve`)).json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await post('officer.chaoyang', `/filings/${f.id}/approve`)).json()).toMatchObject({ code: 'FILING_NOT_FOUND' });
    expect((await post('officer.chaoyang', `/filings/${f.id}/approve`)).statusCode).toBe(404);
    expect((await get('officer.chaoyang', `/filings/${f.id}`)).statusCode).toBe(404);
    expect((await post('jk.admin', `/filings/${f.id}/approve`)).statusCode).toBe(404);

    const noReason = await post('officer.nanguan', `/filings/${f.id}/reject`, { reason: '   ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: 'REASON_REQUIRED', field: 'body.reason' });
    const rejected = await post('officer.nanguan', `/filings/${f.id}/reject`, { reason: '扫描件与备案编号不符' });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionReason: '扫描件与备案编号不符', decidedByName: expect.any(String) });
    expect((await audits('filing.reject', f.id))[0]!.details).toMatchObject({ reason: '扫描件与备案编号不符' });
    expect((await post('officer.nanguan', `/filings/${f.id}/approve`)).json()).toMatchObject({ code: 'FILING_ALREADY_DECIDED' });
    expect((await as('GET', `/agencies/${agency}/connection`)).json().checklist[0]).toMatchObject({ ok: false, message: '入吉备案未通过住建部门核验，请重新提交' });

    // Resubmitted: version 2; the rejected version stays as it was.
    const second = (await as('POST', `/agencies/${agency}/filings`, { ...filing, documentId: doc })).json();
    expect(second).toMatchObject({ version: 2, status: 'pending' });
    const approved = await post('officer.nanguan', `/filings/${second.id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'verified', inForce: true, decidedAt: clock.now().toISOString() });
    expect(await audits('filing.approve', second.id)).toHaveLength(1);
    expect((await as('GET', `/agencies/${agency}/connection`)).json().checklist[0]).toEqual({ item: 'origin', ok: true, message: '入吉备案经住建部门核验有效（至 2029-05-19）' });
    expect((await as('GET', `/agencies/${agency}/profile`)).json()).toMatchObject({ filing: { id: second.id }, verifiedFiling: { id: second.id } });
    expect((await as('GET', `/filings/${f.id}`)).json()).toMatchObject({ status: 'rejected', version: 1 });
  });

  it('only the agency\'s administrators (or a platform admin) submit: 403 for its other staff and officers, 404 elsewhere', async () => {
    expect((await post('officer.nanguan', `/agencies/${agency}/filings`, { ...filing, documentId: doc })).statusCode).toBe(403);
    expect((await post('jk.admin', `/agencies/${agency}/filings`, { ...filing, documentId: doc })).statusCode).toBe(404);
    expect((await post('officer.chaoyang', `/agencies/${agency}/filings`, { ...filing, documentId: doc })).statusCode).toBe(404);
    expect((await get('officer.chaoyang', `/agencies/${agency}/filings`)).statusCode).toBe(404);
  });
});

describe('qualification certificates and their verification', () => {
  const base = { grade: 'specialised', validFrom: '2026-01-01', validTo: '2030-12-31', issuer: '吉林省住房和城乡建设厅' };
  let jzDoc: string;
  beforeAll(async () => {
    jzDoc = await uploadDocument(t, cookies['jz.admin']!);
  });
  const submit = (who: string, agency: string, body: object) => post(who, `/agencies/${agency}/qualifications`, { ...base, documentId: jzDoc, ...body });

  it('an agency admin submits; the department of its jurisdiction approves; both audited', async () => {
    const jz = ids['agency-jz']!;
    const res = await submit('jz.admin', jz, { certificateNumber: 'JZ-ROAD-1', specialties: ['road', 'bridge_underground'] });
    expect(res.statusCode).toBe(201);
    const q = res.json();
    expect(q).toMatchObject({ status: 'pending', specialties: ['road', 'bridge_underground'], inForce: false, documentId: jzDoc });
    expect(await qualifiedSpecialties(t.deps.db, jz, clock.now())).not.toContain('road');

    expect((await post('officer.chaoyang', `/qualifications/${q.id}/approve`)).statusCode).toBe(404);
    expect((await post('jz.admin', `/qualifications/${q.id}/approve`)).statusCode).toBe(403);
    expect((await post('admin', `/qualifications/${q.id}/approve`)).statusCode).toBe(403);
    const ok = await post('officer.nanguan', `/qualifications/${q.id}/approve`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'verified', decidedByName: '马志远', inForce: true });
    expect(await qualifiedSpecialties(t.deps.db, jz, clock.now())).toEqual(expect.arrayContaining(['road', 'bridge_underground', 'main_structure']));
    const again = await post('officer.province', `/qualifications/${q.id}/approve`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('QUALIFICATION_ALREADY_DECIDED');
    const [a] = await audits('qualification.approve', q.id);
    expect(a).toMatchObject({ organisation_id: jz, region_code: '220102' });
    expect(await audits('qualification.submit', q.id)).toHaveLength(1);
  });

  it('a rejection needs a reason and keeps it', async () => {
    const q = (await submit('jz.admin', ids['agency-jz']!, { certificateNumber: 'JZ-WALL-1', specialties: ['curtain_wall'] })).json();
    expect((await post('officer.nanguan', `/qualifications/${q.id}/reject`, {})).json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body.reason' });
    expect((await post('officer.nanguan', `/qualifications/${q.id}/reject`, { reason: '   ' })).json()).toMatchObject({ code: 'REASON_REQUIRED', field: 'body.reason' });
    const res = await post('officer.changchun', `/qualifications/${q.id}/reject`, { reason: '扫描件与证书编号不符' });
    expect(res.json()).toMatchObject({ status: 'rejected', decisionReason: '扫描件与证书编号不符', inForce: false });
    const [a] = await audits('qualification.reject', q.id);
    expect(a!.details).toMatchObject({ reason: '扫描件与证书编号不符' });
    // A rejected number may be submitted again.
    expect((await submit('jz.admin', ids['agency-jz']!, { certificateNumber: 'JZ-WALL-1', specialties: ['curtain_wall'] })).statusCode).toBe(201);
  });

  it('a replacement never overwrites: the old certificate stays, superseded, in the history', async () => {
    const jz = ids['agency-jz']!;
    const old = (await submit('jz.admin', jz, { certificateNumber: 'JZ-ENERGY-1', specialties: ['building_energy'], validTo: '2026-12-31' })).json();
    await post('officer.nanguan', `/qualifications/${old.id}/approve`);
    const overlap = await submit('jz.admin', jz, { certificateNumber: 'JZ-ENERGY-1', specialties: ['building_energy'], validFrom: '2026-06-01' });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json()).toMatchObject({ code: 'QUALIFICATION_OVERLAP', field: 'body.validFrom' });
    const next = await submit('jz.admin', jz, { certificateNumber: 'JZ-ENERGY-1', specialties: ['building_energy', 'municipal_materials'], validFrom: '2026-06-01', replacesId: old.id });
    expect(next.statusCode).toBe(201);
    const second = await submit('jz.admin', jz, { certificateNumber: 'JZ-ENERGY-2', specialties: ['building_energy'], replacesId: old.id });
    expect(second.json()).toMatchObject({ code: 'REPLACEMENT_PENDING', field: 'body.replacesId' });
    await post('officer.nanguan', `/qualifications/${next.json().id}/approve`);
    const history = (await get('jz.admin', `/agencies/${jz}/qualifications`)).json() as { id: string; supersededBy: string | null; inForce: boolean; status: string }[];
    const oldNow = history.find((h) => h.id === old.id)!;
    expect(oldNow).toMatchObject({ status: 'verified', supersededBy: next.json().id, inForce: false });
    expect(history.find((h) => h.id === next.json().id)).toMatchObject({ inForce: true });
    const replacingSuperseded = await submit('jz.admin', jz, { certificateNumber: 'JZ-ENERGY-3', specialties: ['building_energy'], replacesId: old.id });
    expect(replacingSuperseded.json()).toMatchObject({ code: 'REPLACES_INVALID', field: 'body.replacesId' });
  });

  it('a 综合 certificate covers all nine specialties', async () => {
    const agency = await newAgency('吉林省综合资质检测有限公司', 9103);
    const doc = await uploadDocument(t, cookies.admin!);
    const res = await post('admin', `/agencies/${agency}/qualifications`, { ...base, grade: 'comprehensive', certificateNumber: 'ZH-0001', documentId: doc });
    expect(res.json().specialties).toEqual([...SPECIALTY_CODES]);
    await post('officer.province', `/qualifications/${res.json().id}/approve`);
    expect(await qualifiedSpecialties(t.deps.db, agency, clock.now())).toEqual([...SPECIALTY_CODES]);
  });

  it.each([
    ['inverted validity', { certificateNumber: 'BAD-1', specialties: ['road'], validFrom: '2026-02-01', validTo: '2026-01-31' }, 400, 'VALIDITY_INVERTED', 'body.validTo'],
    ['an unknown specialty', { certificateNumber: 'BAD-2', specialties: ['road', 'rocket_science'] }, 400, 'SPECIALTY_UNKNOWN', 'body.specialties.1'],
    ['a 专项 without specialties', { certificateNumber: 'BAD-3', specialties: [] }, 400, 'SPECIALTIES_REQUIRED', 'body.specialties'],
    ['an unknown document', { certificateNumber: 'BAD-4', specialties: ['road'], documentId: '00000000-0000-4000-8000-000000000000' }, 400, 'DOCUMENT_INVALID', 'body.documentId'],
    ['a number another agency holds', { certificateNumber: '吉建检资字第 220031 号', specialties: ['road'] }, 409, 'QUALIFICATION_NUMBER_TAKEN', 'body.certificateNumber'],
    ['no document', { certificateNumber: 'BAD-5', specialties: ['road'], documentId: undefined }, 400, 'VALIDATION_FAILED', 'body.documentId'],
  ])('refuses %s, naming the field, saving nothing', async (_label, body, status, code, field) => {
    const before = await t.deps.db.selectFrom('agency_qualifications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await submit('jz.admin', ids['agency-jz']!, body);
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({ code, field });
    const after = await t.deps.db.selectFrom('agency_qualifications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('a document uploaded by another organisation cannot be attached', async () => {
    const jkDoc = await uploadDocument(t, cookies['jk.admin']!);
    const res = await submit('jz.admin', ids['agency-jz']!, { certificateNumber: 'BAD-6', specialties: ['road'], documentId: jkDoc });
    expect(res.json()).toMatchObject({ code: 'DOCUMENT_INVALID', field: 'body.documentId' });
  });

  it('certificates are scoped like their agency', async () => {
    const jz = ids['agency-jz']!;
    const [q] = (await get('jz.admin', `/agencies/${jz}/qualifications`)).json() as { id: string }[];
    expect((await get('jk.admin', `/qualifications/${q!.id}`)).statusCode).toBe(404);
    expect((await get('officer.chaoyang', `/qualifications/${q!.id}`)).statusCode).toBe(404);
    expect((await get('officer.changchun', `/qualifications/${q!.id}`)).statusCode).toBe(200);
    expect((await get('jk.admin', `/agencies/${jz}/qualifications`)).statusCode).toBe(404);
    expect((await submit('jk.admin', jz, { certificateNumber: 'X-1', specialties: ['road'] })).statusCode).toBe(404);
    expect((await submit('jz.tester', jz, { certificateNumber: 'X-2', specialties: ['road'] })).statusCode).toBe(403);
  });
});

describe('verification queue', () => {
  it('each department sees what is pending in its jurisdiction only; the province sees all', async () => {
    const doc = await uploadDocument(t, cookies['jz.admin']!);
    const pending = (await post('jz.admin', `/agencies/${ids['agency-jz']}/qualifications`, { grade: 'specialised', specialties: ['road'], validFrom: '2026-01-01', validTo: '2027-01-01', issuer: '吉林省住房和城乡建设厅', certificateNumber: 'QUEUE-1', documentId: doc })).json();
    const jkEquipment = await t.deps.db.selectFrom('equipment').select('id').where('agency_id', '=', ids['agency-jk']!).where('status', '=', 'pending').execute();
    expect(jkEquipment.length).toBeGreaterThan(0);

    const queue = async (who: string) => (await get(who, '/verification-queue')).json() as { filings: { items: { id: string }[] }; qualifications: { items: { id: string; agencyId: string }[] }; equipment: { items: { id: string; agencyId: string }[] } };
    const nanguan = await queue('officer.nanguan');
    expect(nanguan.qualifications.items.map((q) => q.id)).toContain(pending.id);
    expect(nanguan.equipment.items.map((e) => e.agencyId)).not.toContain(ids['agency-jk']);
    const chaoyang = await queue('officer.chaoyang');
    expect(chaoyang.qualifications.items.map((q) => q.id)).not.toContain(pending.id);
    expect(chaoyang.equipment.items.map((e) => e.id)).toEqual(expect.arrayContaining(jkEquipment.map((e) => e.id)));
    for (const who of ['officer.province', 'officer.changchun']) {
      const all = await queue(who);
      expect(all.qualifications.items.map((q) => q.id)).toContain(pending.id);
      expect(all.equipment.items.map((e) => e.id)).toEqual(expect.arrayContaining(jkEquipment.map((e) => e.id)));
    }
    for (const q of [...nanguan.qualifications.items, ...chaoyang.qualifications.items]) expect(q).toHaveProperty('agencyId');
    expect((await get('jz.admin', '/verification-queue')).statusCode).toBe(403);
    expect((await get('admin', '/verification-queue')).statusCode).toBe(403);
  });
});
