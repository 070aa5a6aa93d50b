import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../kernel/auth/actor.ts';
import { ManualClock } from '../../kernel/clock.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { ensureRegistrySeed } from '../agencies/testing.ts';
import { makeValidResidentId } from '../registry/index.ts';
import { PiiCodec } from './rules/pii.ts';
import { activePersonForUser, isCertifiedFor, PersonnelService } from './service.ts';

// A fixed key for this file: the service and the demo seed read PII_KEY when first used.
process.env.PII_KEY = Buffer.alloc(32, 0x2a).toString('base64');

const clock = new ManualClock('2026-03-15T10:00:00+08:00');
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

const req = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });
const get = (who: string, url: string) => req(who, 'GET', url);
const post = (who: string, url: string, payload?: object) => req(who, 'POST', url, payload);

const cert = { kind: 'post', certificateNumber: 'SG-0001', specialty: 'main_structure', validFrom: '2025-01-01', validTo: '2027-12-31' };
let seq = 100;
const newId = () => makeValidResidentId(seq++, '19900101', '220104');
const userId = async (username: string) => (await t.deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

describe('the demo registry', () => {
  it.each([
    ['jz.owner', '刘洋', ['tester', 'upload_owner']],
    ['jz.tester', '高峰', ['tester']],
    ['jz.reviewer', '韩雪', ['reviewer']],
    ['jz.signatory', '曹振宇', ['signatory']],
  ])('%s is the registered, certified person %s with roles %j', async (username, name, roles) => {
    const person = await activePersonForUser(t.deps.db, await userId(username));
    expect(person).toMatchObject({ agencyId: ids['agency-jz'], name, roles });
    expect(await isCertifiedFor(t.deps.db, person!.id, 'main_structure', clock.now())).toBe(true);
  });
});

describe('registering a person', () => {
  it('validates and stores the 身份证号 masked and sealed, never in clear — not in the row, the response or the trail', async () => {
    const residentId = makeValidResidentId(42, '19870512', '220102');
    const res = await post('jz.admin', '/personnel', { name: '孙明', residentId, roles: ['tester', 'reviewer'], certificates: [cert] });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ agencyId: ids['agency-jz'], status: 'active', joinedOn: '2026-03-15', roles: ['tester', 'reviewer'], certifiedSpecialties: ['main_structure'] });
    expect(p.residentIdMasked).toBe(`220***********${residentId.slice(14)}`);
    expect(res.body).not.toContain(residentId);
    const row = await t.deps.db.selectFrom('personnel').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(residentId);
    expect(JSON.stringify(row)).not.toContain(residentId.slice(6, 14));
    const trail = await t.deps.db.selectFrom('audit_log').selectAll().where('target_id', '=', p.id).execute();
    expect(trail.map((a) => a.action)).toEqual(['personnel.create']);
    expect(JSON.stringify(trail)).not.toContain(residentId.slice(6, 14));
  });

  it.each([
    ['a wrong check digit', makeValidResidentId(43, '19870512').slice(0, 17) + (makeValidResidentId(43, '19870512').endsWith('1') ? '2' : '1'), 'RESIDENT_ID_INVALID', 'body.residentId'],
    ['17 characters', '22010219870512043', 'RESIDENT_ID_INVALID', 'body.residentId'],
  ])('refuses %s naming the field', async (_label, residentId, code, field) => {
    const res = await post('jz.admin', '/personnel', { name: '错号', residentId, roles: ['tester'] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code, field });
  });

  it.each([
    ['an unknown role', { roles: ['tester', 'boss'] }, 'body.roles.1'],
    ['no role', { roles: [] }, 'body.roles'],
    ['an inverted certificate', { certificates: [{ ...cert, validFrom: '2026-02-01', validTo: '2026-01-01' }] }, 'body.certificates.0.validTo'],
    ['an unknown certificate specialty', { certificates: [{ ...cert, specialty: 'cooking' }] }, 'body.certificates.0.specialty'],
    ['a future joining date', { joinedOn: '2026-03-16' }, 'body.joinedOn'],
    ['an unknown document', { certificates: [{ ...cert, documentId: '00000000-0000-4000-8000-000000000000' }] }, 'body.certificates.0.documentId'],
  ])('refuses %s (400 naming %s), saving nothing', async (_label, change, field) => {
    const residentId = newId();
    const res = await post('jz.admin', '/personnel', { name: '某人', residentId, roles: ['tester'], ...change });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe(field);
    const codec = new PiiCodec(Buffer.from(process.env.PII_KEY!, 'base64'));
    expect(await t.deps.db.selectFrom('personnel').select('id').where('resident_id_lookup', '=', codec.lookup(residentId)).executeTakeFirst()).toBeUndefined();
  });

  it('links a platform account of the same agency only, and only to one active person', async () => {
    const jkTester = await userId('jk.tester');
    const foreign = await post('jz.admin', '/personnel', { name: '甲', residentId: newId(), roles: ['tester'], userId: jkTester });
    expect(foreign.json()).toMatchObject({ code: 'USER_NOT_IN_AGENCY', field: 'body.userId' });
    // The demo's 高峰 is already linked to jz.tester.
    const taken = await post('jz.admin', '/personnel', { name: '乙', residentId: newId(), roles: ['tester'], userId: await userId('jz.tester') });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'USER_ALREADY_LINKED', field: 'body.userId' });
    expect(await activePersonForUser(t.deps.db, await userId('jz.tester'))).toMatchObject({ agencyId: ids['agency-jz'], name: '高峰', roles: ['tester'] });
    expect(await activePersonForUser(t.deps.db, await userId('officer.nanguan'))).toBeNull();
  });
});

describe('one agency at a time (部令57号)', () => {
  it('a person active at agency A cannot be registered at agency B; leaving A frees them', async () => {
    const residentId = newId();
    const atJz = await post('jz.admin', '/personnel', { name: '周一', residentId, roles: ['tester'], joinedOn: '2025-01-01' });
    expect(atJz.statusCode).toBe(201);

    const atJk = await post('jk.admin', '/personnel', { name: '周一', residentId, roles: ['tester'] });
    expect(atJk.statusCode).toBe(409);
    // jk.admin may not see 建正, so the message does not name it.
    expect(atJk.json()).toMatchObject({ code: 'PERSON_ACTIVE_ELSEWHERE', field: 'body.residentId', message: expect.stringContaining('另一检测机构') });
    expect(atJk.json().message).not.toContain('建正');
    // A platform administrator may see it, and is told which agency.
    const byAdmin = await post('admin', '/personnel', { agencyId: ids['agency-jk'], name: '周一', residentId, roles: ['tester'] });
    expect(byAdmin.json()).toMatchObject({ code: 'PERSON_ACTIVE_ELSEWHERE', message: expect.stringContaining('吉林省建正工程质量检测有限公司') });
    // Lower case x or spaces do not make a different person.
    expect((await post('jk.admin', '/personnel', { name: '周一', residentId: ` ${residentId.toLowerCase()} `, roles: ['tester'] })).statusCode).toBe(409);
    expect((await post('jz.admin', '/personnel', { name: '周一', residentId, roles: ['tester'] })).json()).toMatchObject({ code: 'PERSON_ALREADY_REGISTERED' });

    const id = atJz.json().id;
    expect((await post('jz.admin', `/personnel/${id}/leave`, { date: '2026-03-16' })).json()).toMatchObject({ code: 'LEAVE_DATE_IN_FUTURE', field: 'body.date' });
    expect((await post('jz.admin', `/personnel/${id}/leave`, { date: '2024-12-31' })).json()).toMatchObject({ code: 'LEAVE_BEFORE_JOIN', field: 'body.date' });
    expect((await post('jk.admin', `/personnel/${id}/leave`, { date: '2026-03-10' })).statusCode).toBe(404);
    expect((await post('officer.nanguan', `/personnel/${id}/leave`, { date: '2026-03-10' })).statusCode).toBe(403);
    const left = await post('jz.admin', `/personnel/${id}/leave`, { date: '2026-03-10', reason: '调往长春建科' });
    expect(left.json()).toMatchObject({ status: 'left', leftOn: '2026-03-10', certifiedSpecialties: [] });
    expect((await post('jz.admin', `/personnel/${id}/leave`, { date: '2026-03-11' })).json()).toMatchObject({ code: 'PERSON_NOT_ACTIVE' });

    const early = await post('jk.admin', '/personnel', { name: '周一', residentId, roles: ['tester'], joinedOn: '2026-03-09' });
    expect(early.json()).toMatchObject({ code: 'JOIN_BEFORE_PREVIOUS_LEAVE', field: 'body.joinedOn' });
    const moved = await post('jk.admin', '/personnel', { name: '周一', residentId, roles: ['tester'], joinedOn: '2026-03-11' });
    expect(moved.statusCode).toBe(201);
    expect(moved.json().agencyId).toBe(ids['agency-jk']);
    // The old registration stays as history.
    expect((await get('jz.admin', `/personnel/${id}`)).json()).toMatchObject({ status: 'left' });
    expect(await t.deps.db.selectFrom('audit_log').select('details').where('action', '=', 'personnel.leave').where('target_id', '=', id).executeTakeFirstOrThrow()).toMatchObject({
      details: { leftOn: '2026-03-10', reason: '调往长春建科' },
    });
  });

  it('two agencies racing to register one person: the database lets only one through', async () => {
    const residentId = newId();
    const results = await Promise.all([
      post('jz.admin', '/personnel', { name: '并发', residentId, roles: ['tester'] }),
      post('jk.admin', '/personnel', { name: '并发', residentId, roles: ['tester'] }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('PERSON_ACTIVE_ELSEWHERE');
  });
});

describe('revealing the 身份证号', () => {
  let personId: string;
  const residentId = makeValidResidentId(77, '19920303', '220104');
  beforeAll(async () => {
    personId = (await post('jz.admin', '/personnel', { name: '吴芳', residentId, roles: ['reviewer'] })).json().id;
  });

  it('the agency\'s own administrator and platform administrators may, each reveal audited', async () => {
    for (const who of ['jz.admin', 'admin']) {
      const res = await post(who, `/personnel/${personId}/reveal-id`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ residentId });
    }
    const trail = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'personnel.resident_id.reveal').where('target_id', '=', personId).execute();
    expect(trail.map((a) => a.actor_name)).toEqual(['王建国', '平台管理员']);
    expect(JSON.stringify(trail)).not.toContain(residentId);
  });

  it('others who can see the person get 403; those who cannot, 404', async () => {
    for (const who of ['officer.nanguan', 'officer.province', 'jz.tester']) {
      expect((await post(who, `/personnel/${personId}/reveal-id`)).statusCode).toBe(403);
    }
    for (const who of ['jk.admin', 'officer.chaoyang']) expect((await post(who, `/personnel/${personId}/reveal-id`)).statusCode).toBe(404);
  });

  it('a process holding another key refuses to reveal or register instead of mixing keys', async () => {
    const admin = await t.deps.db.selectFrom('users').select(['id', 'display_name']).where('username', '=', 'admin').executeTakeFirstOrThrow();
    const ctx: RequestContext = {
      actor: { kind: 'user', id: admin.id, username: 'admin', displayName: admin.display_name, roles: ['platform_admin'], organisation: null, sessionTokenHash: 'test' },
      requestId: 'test',
      clientIp: null,
      now: clock.now(),
    };
    const other = new PersonnelService(t.deps, new PiiCodec(Buffer.alloc(32, 0x7f)));
    await expect(other.revealResidentId(ctx, personId)).rejects.toMatchObject({ statusCode: 500, code: 'PII_KEY_MISMATCH' });
    await expect(other.create(ctx, { agencyId: ids['agency-jz'], name: '新', residentId: newId(), roles: ['tester'] })).rejects.toMatchObject({ code: 'PII_KEY_MISMATCH' });
  });
});

describe('scoping and listing', () => {
  it('an agency sees only its own personnel; foreign ones are 404', async () => {
    const jk = (await get('jk.admin', '/personnel?pageSize=100')).json();
    expect(jk.items.length).toBeGreaterThan(0);
    for (const p of jk.items) expect(p.agencyId).toBe(ids['agency-jk']);
    const jzPerson = (await get('jz.admin', '/personnel?pageSize=1')).json().items[0];
    expect((await get('jk.admin', `/personnel/${jzPerson.id}`)).statusCode).toBe(404);
    expect((await get('jk.admin', `/personnel/${jzPerson.id}/certificates`)).statusCode).toBe(404);
    expect((await get('jk.admin', `/personnel?agencyId=${ids['agency-jz']}`)).json()).toEqual({ items: [], total: 0 });
  });

  it('a county officer lists the personnel of agencies in the county only', async () => {
    const list = (await get('officer.chaoyang', '/personnel?pageSize=100')).json();
    expect(list.items.length).toBeGreaterThan(0);
    const allowed = new Set([ids['agency-jk'], ids['agency-ln']]);
    for (const p of list.items) expect(allowed.has(p.agencyId)).toBe(true);
  });

  it('filters by role, status and name; every item is masked', async () => {
    const reviewers = (await get('jz.admin', '/personnel?role=reviewer&status=active&pageSize=100')).json();
    expect(reviewers.items.length).toBeGreaterThan(0);
    for (const p of reviewers.items) {
      expect(p.roles).toContain('reviewer');
      expect(p.residentIdMasked).toMatch(/^\d{3}\*{11}\d{3}[\dX]$/);
    }
    expect((await get('jz.admin', '/personnel?q=高峰')).json().items.map((p: { username: string }) => p.username)).toEqual(['jz.tester']);
  });
});

describe('certificates and isCertifiedFor', () => {
  it('adds certificates as history rows; isCertifiedFor follows validity to the millisecond and the person\'s status', async () => {
    const p = (await post('jz.admin', '/personnel', { name: '郑强', residentId: newId(), roles: ['tester'] })).json();
    expect(p.certifiedSpecialties).toEqual([]);
    const c1 = await post('jz.admin', `/personnel/${p.id}/certificates`, { kind: 'post', certificateNumber: 'ZQ-1', specialty: 'foundation', validFrom: '2024-01-01', validTo: '2026-03-31' });
    expect(c1.statusCode).toBe(201);
    expect(c1.json()).toMatchObject({ specialty: 'foundation', inForce: true });
    expect((await post('jz.admin', `/personnel/${p.id}/certificates`, { kind: 'post', certificateNumber: 'ZQ-1', specialty: 'foundation', validFrom: '2024-01-01', validTo: '2026-03-31' })).json()).toMatchObject({
      code: 'CERTIFICATE_DUPLICATE',
      field: 'body.certificateNumber',
    });
    expect((await post('jz.admin', `/personnel/${p.id}/certificates`, { ...cert, specialty: 'x' })).json()).toMatchObject({ code: 'SPECIALTY_UNKNOWN', field: 'body.specialty' });
    expect((await post('jz.admin', `/personnel/${p.id}/certificates`, { ...cert, validTo: '2024-12-31' })).json()).toMatchObject({ code: 'VALIDITY_INVERTED', field: 'body.validTo' });
    expect((await post('officer.nanguan', `/personnel/${p.id}/certificates`, cert)).statusCode).toBe(403);

    expect(await isCertifiedFor(t.deps.db, p.id, 'foundation', new Date('2026-03-31T23:59:59.999+08:00'))).toBe(true);
    expect(await isCertifiedFor(t.deps.db, p.id, 'foundation', new Date('2026-04-01T00:00:00.000+08:00'))).toBe(false);
    expect(await isCertifiedFor(t.deps.db, p.id, 'road', clock.now())).toBe(false);
    await post('jz.admin', `/personnel/${p.id}/certificates`, { kind: 'professional', certificateNumber: 'ZQ-2', specialty: 'foundation', validFrom: '2026-03-01', validTo: '2029-02-28' });
    expect(await isCertifiedFor(t.deps.db, p.id, 'foundation', new Date('2026-04-01T00:00:00.000+08:00'))).toBe(true);
    expect((await get('officer.nanguan', `/personnel/${p.id}/certificates`)).json()).toHaveLength(2);

    await post('jz.admin', `/personnel/${p.id}/leave`, { date: '2026-03-15' });
    expect(await isCertifiedFor(t.deps.db, p.id, 'foundation', clock.now())).toBe(false);
    expect((await post('jz.admin', `/personnel/${p.id}/certificates`, cert)).json()).toMatchObject({ code: 'PERSON_NOT_ACTIVE' });
  });
});

describe('editing a person', () => {
  it('changes roles and the linked account with rowVersion; a stale edit is 409 EDIT_CONFLICT', async () => {
    const p = (await post('jz.admin', '/personnel', { name: '钱多', residentId: newId(), roles: ['tester'] })).json();
    const patch = (payload: object) => req('jz.admin', 'PATCH', `/personnel/${p.id}`, payload);
    const ok = await patch({ rowVersion: p.rowVersion, roles: ['signatory', 'tester'] });
    expect(ok.json()).toMatchObject({ roles: ['tester', 'signatory'], rowVersion: p.rowVersion + 1 });
    const stale = await patch({ rowVersion: p.rowVersion, roles: ['reviewer'] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'EDIT_CONFLICT', field: 'body.rowVersion' });
    const audit = await t.deps.db.selectFrom('audit_log').select('details').where('action', '=', 'personnel.update').where('target_id', '=', p.id).executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ changes: { roles: { from: ['tester'], to: ['tester', 'signatory'] } } });
    expect((await req('jk.admin', 'PATCH', `/personnel/${p.id}`, { rowVersion: 2, name: 'x' })).statusCode).toBe(404);
  });
});
