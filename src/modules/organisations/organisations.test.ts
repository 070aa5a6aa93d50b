import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { makeValidUscc } from '../registry/index.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'officer.province', 'officer.changchun', 'officer.nanguan', 'officer.chaoyang', 'officer.jilin', 'jz.admin', 'jz.tester', 'jk.admin', 'builder.chen']) {
    cookies[u] = await t.login(u);
  }
});
afterAll(() => t.close());

const get = (who: string, url: string) => t.app.inject({ url, headers: { cookie: cookies[who]! } });
const post = (who: string, url: string, payload?: object) => t.app.inject({ method: 'POST', url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });
const orgId = (key: string) => t.seeded!.organisations[key]!;

/** Region codes under each officer's jurisdiction, from the shipped tree. */
async function subtree(root: string): Promise<Set<string>> {
  const regions = await t.deps.db.selectFrom('regions').select(['code', 'path']).execute();
  const rootPath = regions.find((r) => r.code === root)!.path;
  return new Set(regions.filter((r) => r.path.startsWith(rootPath)).map((r) => r.code));
}

describe('organisation visibility (enforced in the query)', () => {
  it.each([
    ['officer.nanguan', '220102'],
    ['officer.chaoyang', '220104'],
    ['officer.changchun', '220100'],
    ['officer.jilin', '220200'],
  ])('%s lists only organisations of %s and below', async (who, root) => {
    const res = await get(who, '/api/v1/organisations?pageSize=100');
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json();
    const allowed = await subtree(root);
    expect(items.length).toBeGreaterThan(0);
    expect(total).toBe(items.length);
    for (const o of items) expect(allowed.has(o.regionCode)).toBe(true);
    const all = await t.deps.db.selectFrom('organisations').select('region_code').execute();
    expect(items.length).toBe(all.filter((o) => allowed.has(o.region_code)).length);
  });

  it('the province sees every organisation; the admin too', async () => {
    const all = await t.deps.db.selectFrom('organisations').select('id').execute();
    for (const who of ['officer.province', 'admin']) expect((await get(who, '/api/v1/organisations?pageSize=100')).json().total).toBe(all.length);
  });

  it('a county officer cannot read another county\'s organisation: 404, as if it did not exist', async () => {
    const res = await get('officer.nanguan', `/api/v1/organisations/${orgId('agency-jk')}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('ORGANISATION_NOT_FOUND');
    expect((await get('officer.chaoyang', `/api/v1/organisations/${orgId('agency-jk')}`)).statusCode).toBe(200);
  });

  it('a filter for a foreign region returns nothing rather than leaking', async () => {
    const res = await get('officer.nanguan', '/api/v1/organisations?regionCode=220104');
    expect(res.json()).toEqual({ items: [], total: 0 });
  });

  it('an agency user sees only their own organisation', async () => {
    const res = await get('jz.tester', '/api/v1/organisations');
    expect(res.json().items.map((o: { id: string }) => o.id)).toEqual([orgId('agency-jz')]);
    expect((await get('jz.tester', `/api/v1/organisations/${orgId('agency-jk')}`)).statusCode).toBe(404);
  });
});

describe('user visibility', () => {
  it('an agency user cannot read or list another agency\'s users', async () => {
    const jkUsers = await t.deps.db.selectFrom('users').select('id').where('organisation_id', '=', orgId('agency-jk')).execute();
    const list = (await get('jz.admin', '/api/v1/users?pageSize=100')).json();
    expect(list.items.length).toBeGreaterThan(0);
    for (const u of list.items) expect(u.organisationId).toBe(orgId('agency-jz'));
    for (const u of jkUsers) expect((await get('jz.admin', `/api/v1/users/${u.id}`)).statusCode).toBe(404);
    expect((await get('jz.admin', `/api/v1/users?organisationId=${orgId('agency-jk')}`)).json().total).toBe(0);
  });

  it('a county officer lists only people of organisations in the county; never platform admins', async () => {
    const list = (await get('officer.nanguan', '/api/v1/users?pageSize=100')).json();
    const allowed = await subtree('220102');
    const orgs = new Map((await t.deps.db.selectFrom('organisations').select(['id', 'region_code']).execute()).map((o) => [o.id, o.region_code]));
    expect(list.items.length).toBeGreaterThan(0);
    for (const u of list.items) expect(allowed.has(orgs.get(u.organisationId)!)).toBe(true);
    expect(list.items.some((u: { username: string }) => u.username === 'admin')).toBe(false);
  });
});

describe('organisation administration', () => {
  it('creates with a valid USCC, refuses an invalid one naming the field, and audits', async () => {
    const bad = await post('admin', '/api/v1/organisations', { name: '测试检测有限公司', type: 'agency', uscc: '91220101MA0000000X', regionCode: '220102' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'USCC_INVALID', field: 'body.uscc' });
    const uscc = makeValidUscc(9001, '220102');
    const ok = await post('admin', '/api/v1/organisations', { name: '测试检测有限公司', type: 'agency', uscc, regionCode: '220102', contactPhone: '0431-1234567' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ uscc, regionName: '南关区', status: 'active' });
    const dup = await post('admin', '/api/v1/organisations', { name: '另一家公司', type: 'agency', uscc, regionCode: '220102' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'USCC_TAKEN', field: 'body.uscc' });
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'organisation.create').where('target_id', '=', ok.json().id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_type: 'user', region_code: '220102' });
    expect(audit[0]!.request_id).toBeTruthy();
  });

  it('only the platform admin creates organisations', async () => {
    const res = await post('officer.province', '/api/v1/organisations', { name: '某公司', type: 'agency', uscc: makeValidUscc(9002), regionCode: '220102' });
    expect(res.statusCode).toBe(403);
  });

  it('refuses an unknown region and a second department for one region', async () => {
    expect((await post('admin', '/api/v1/organisations', { name: '某公司', type: 'agency', uscc: makeValidUscc(9003), regionCode: '990000' })).json()).toMatchObject({ field: 'body.regionCode', code: 'REGION_UNKNOWN' });
    expect((await post('admin', '/api/v1/organisations', { name: '第二个南关区住建局', type: 'department', regionCode: '220102' })).json()).toMatchObject({ code: 'DEPARTMENT_EXISTS' });
  });

  it('rejects a stale edit with 409 rather than losing an update', async () => {
    const id = orgId('contractor-cc');
    const before = (await get('admin', `/api/v1/organisations/${id}`)).json();
    const patch = (payload: object) => t.app.inject({ method: 'PATCH', url: `/api/v1/organisations/${id}`, headers: { cookie: cookies.admin! }, payload });
    const first = await patch({ rowVersion: before.rowVersion, contactName: '甲' });
    expect(first.statusCode).toBe(200);
    const second = await patch({ rowVersion: before.rowVersion, contactName: '乙' });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'EDIT_CONFLICT', field: 'body.rowVersion' });
    expect((await get('admin', `/api/v1/organisations/${id}`)).json().contactName).toBe('甲');
  });

  it('disabling an organisation signs its people out and blocks their login', async () => {
    const cookie = await t.login('builder.chen');
    expect((await post('admin', `/api/v1/organisations/${orgId('builder-cc')}/disable`)).json().status).toBe('disabled');
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'builder.chen', password: 'Demo@2026' } })).statusCode).toBe(401);
    await post('admin', `/api/v1/organisations/${orgId('builder-cc')}/enable`);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'builder.chen', password: 'Demo@2026' } })).statusCode).toBe(200);
  });
});

describe('user administration', () => {
  it('an agency admin creates people of their agency with agency roles only', async () => {
    const mk = (payload: object) => post('jz.admin', '/api/v1/users', payload);
    const ok = await mk({ username: 'jz.new', displayName: '新员工', organisationId: null, roles: ['tester'], password: 'Start#2026x' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ organisationId: orgId('agency-jz'), roles: ['tester'] });
    const wrongRole = await mk({ username: 'jz.new2', displayName: '新员工', organisationId: null, roles: ['tester', 'dept_officer'], password: 'Start#2026x' });
    expect(wrongRole.json()).toMatchObject({ code: 'ROLE_NOT_ASSIGNABLE', field: 'body.roles.1' });
    const otherOrg = await mk({ username: 'jz.new3', displayName: '新员工', organisationId: orgId('agency-jk'), roles: ['tester'], password: 'Start#2026x' });
    expect(otherOrg.statusCode).toBe(403);
    const dup = await mk({ username: 'JZ.NEW', displayName: '重复', organisationId: null, roles: ['tester'], password: 'Start#2026x' });
    expect(dup.json()).toMatchObject({ code: 'USERNAME_TAKEN', field: 'body.username' });
    // The new person must choose a password at first login.
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'jz.new', password: 'Start#2026x' } });
    expect(login.json().user.mustChangePassword).toBe(true);
    // Until then the session can do nothing else: a password someone else knows opens no data (issue 15).
    const cookie = `qtrace_session=${login.cookies.find((c) => c.name === 'qtrace_session')!.value}`;
    const blocked = await t.app.inject({ method: 'GET', url: '/api/v1/batches', headers: { cookie } });
    expect(blocked.json()).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
    const changed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie }, payload: { currentPassword: 'Start#2026x', newPassword: 'Harbour#2026y' } });
    expect(changed.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/batches', headers: { cookie } })).statusCode).toBe(200);
  });

  it('an agency admin cannot manage another agency\'s people', async () => {
    const jkTester = await t.deps.db.selectFrom('users').select('id').where('username', '=', 'jk.tester').executeTakeFirstOrThrow();
    expect((await post('jz.admin', `/api/v1/users/${jkTester.id}/disable`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'PUT', url: `/api/v1/users/${jkTester.id}/roles`, headers: { cookie: cookies['jz.admin']! }, payload: { roles: ['reviewer'] } })).statusCode).toBe(404);
  });

  it('a department officer reads but does not manage', async () => {
    const tester = await t.deps.db.selectFrom('users').select('id').where('username', '=', 'jz.tester').executeTakeFirstOrThrow();
    expect((await get('officer.nanguan', `/api/v1/users/${tester.id}`)).statusCode).toBe(200);
    expect((await post('officer.nanguan', `/api/v1/users/${tester.id}/disable`)).statusCode).toBe(403);
  });

  it('reset password forces a change and revokes sessions; role changes are audited with before and after', async () => {
    const tester = await t.deps.db.selectFrom('users').select('id').where('username', '=', 'jz.tester').executeTakeFirstOrThrow();
    const session = await t.login('jz.tester');
    expect((await post('jz.admin', `/api/v1/users/${tester.id}/reset-password`, { newPassword: 'Temp#Pass99' })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: session } })).statusCode).toBe(401);
    const roles = await t.app.inject({ method: 'PUT', url: `/api/v1/users/${tester.id}/roles`, headers: { cookie: cookies['jz.admin']! }, payload: { roles: ['tester', 'reviewer'] } });
    expect(roles.json().roles).toEqual(['tester', 'reviewer']);
    const audit = await t.deps.db.selectFrom('audit_log').select('details').where('action', '=', 'user.roles.change').where('target_id', '=', tester.id).executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ from: ['tester'], to: ['tester', 'reviewer'] });
  });

  it('agency admins and officers read the audit trail of their own scope only', async () => {
    const jz = (await get('jz.admin', '/api/v1/audit?pageSize=100')).json();
    expect(jz.items.length).toBeGreaterThan(0);
    for (const a of jz.items) expect(a.organisationId).toBe(orgId('agency-jz'));
    expect((await t.app.inject({ url: '/api/v1/audit', headers: { cookie: await t.login('jz.signatory') } })).statusCode).toBe(403);
    const chaoyang = (await get('officer.chaoyang', '/api/v1/audit?pageSize=100')).json();
    // 吉林省建正 is a 南关区 agency; 朝阳区 sees its entries only for its work in 朝阳区 (the demo's 湖西路 batch).
    for (const a of chaoyang.items) if (a.organisationId === orgId('agency-jz')) expect(a.regionCode).toBe('220104');
  });
});
