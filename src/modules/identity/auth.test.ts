import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../kernel/clock.ts';
import { LOGIN_ACCOUNT_MAX_FAILURES, LOGIN_FAILURE_WINDOW_MS, SESSION_IDLE_MS } from '../../kernel/policy.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';

const clock = new ManualClock('2026-11-24T09:00:00+08:00');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const login = (username: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });

describe('login', () => {
  it('sets an httpOnly SameSite cookie and returns the person', async () => {
    const res = await login('officer.nanguan', 'Demo@2026');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'qtrace_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = res.json().user;
    expect(me).toMatchObject({ username: 'officer.nanguan', roles: ['dept_officer'], jurisdiction: { code: '220102', level: 'county' } });
  });

  it('answers a wrong password and an unknown user alike, in Chinese, and audits both', async () => {
    const wrong = await login('officer.nanguan', 'nope-nope');
    const unknown = await login('nobody.here', 'nope-nope');
    for (const r of [wrong, unknown]) {
      expect(r.statusCode).toBe(401);
      expect(r.json()).toEqual({ code: 'AUTH_INVALID_CREDENTIALS', message: '用户名或密码错误' });
    }
    const audit = await t.deps.db.selectFrom('audit_log').select(['details']).where('action', '=', 'auth.login.failed').execute();
    expect(audit.map((a) => (a.details as { reason: string }).reason).sort()).toEqual(['unknown_user', 'wrong_password']);
  });

  it(`throttles an account after ${LOGIN_ACCOUNT_MAX_FAILURES} failures from any addresses, until the window passes`, async () => {
    for (let i = 0; i < LOGIN_ACCOUNT_MAX_FAILURES; i++) expect((await login('jz.tester', 'bad-password', `10.9.9.${i}`)).statusCode).toBe(401);
    const blocked = await login('jz.tester', 'Demo@2026', '10.9.8.1');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('AUTH_THROTTLED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    clock.advance(LOGIN_FAILURE_WINDOW_MS + 1);
    expect((await login('jz.tester', 'Demo@2026', '10.9.8.1')).statusCode).toBe(200);
  });

  it('expires an idle session', async () => {
    const cookie = await t.login('jz.reviewer');
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(200);
    clock.advance(SESSION_IDLE_MS);
    const res = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_REQUIRED');
  });

  it('logout revokes the session', async () => {
    const cookie = await t.login('jz.signatory');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });
});

describe('password change', () => {
  it('requires the current password, enforces strength, and signs out other sessions', async () => {
    const a = await t.login('jk.tester');
    const b = await t.login('jk.tester');
    const change = (cookie: string, currentPassword: string, newPassword: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie }, payload: { currentPassword, newPassword } });
    expect((await change(a, 'wrong', 'Better#Pass1')).json()).toMatchObject({ code: 'PASSWORD_WRONG', field: 'body.currentPassword' });
    expect((await change(a, 'Demo@2026', 'short')).json()).toMatchObject({ code: 'PASSWORD_TOO_SHORT', field: 'body.newPassword' });
    expect((await change(a, 'Demo@2026', 'alllowercase')).json()).toMatchObject({ code: 'PASSWORD_TOO_WEAK' });
    expect((await change(a, 'Demo@2026', 'Better#Pass1')).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: a } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: b } })).statusCode).toBe(401);
    expect((await login('jk.tester', 'Demo@2026', '10.1.1.1')).statusCode).toBe(401);
    expect((await login('jk.tester', 'Better#Pass1', '10.1.1.1')).statusCode).toBe(200);
  });
});

describe('machine credentials', () => {
  it('are shown once, authenticate the agency system, and stop working when revoked', async () => {
    const admin = await t.login('jz.admin');
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/machine-credentials', headers: { cookie: admin }, payload: { name: 'LIMS 主系统' } });
    expect(created.statusCode).toBe(201);
    const { credential, secret } = created.json();
    expect(secret).toMatch(/^qtm_[0-9a-f]{16}_/);
    const row = await t.deps.db.selectFrom('machine_credentials').select('secret_hash').where('id', '=', credential.id).executeTakeFirstOrThrow();
    // The secret follows 'qtm_' and the 16-hex key id and its '_'; it may itself contain '_'.
    expect(row.secret_hash).not.toContain(secret.slice('qtm_'.length + 16 + 1));

    const asMachine = (auth: string) => t.app.inject({ url: '/api/v1/batches', headers: { authorization: `Bearer ${auth}` } });
    const ok = await asMachine(secret);
    expect(ok.statusCode).toBe(200);
    // It acts for its own agency only.
    expect(ok.json().items.every((b: { agency: { name: string } }) => b.agency.name === '吉林省建正工程质量检测有限公司')).toBe(true);
    // Outside the routes an agency system needs, it is refused (issue 15 item 6).
    const orgs = await t.app.inject({ url: '/api/v1/organisations', headers: { authorization: `Bearer ${secret}` } });
    expect(orgs.json().code).toBe('MACHINE_ROUTE_NOT_ALLOWED');
    const listed = await t.app.inject({ url: '/api/v1/machine-credentials', headers: { cookie: admin } });
    expect(JSON.stringify(listed.json())).not.toContain(secret);

    expect((await t.app.inject({ method: 'POST', url: `/api/v1/machine-credentials/${credential.id}/revoke`, headers: { cookie: admin } })).statusCode).toBe(200);
    const revoked = await asMachine(secret);
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().code).toBe('AUTH_INVALID_CREDENTIAL');
    expect((await asMachine('qtm_0000000000000000_' + 'x'.repeat(43))).statusCode).toBe(401);
  });

  it('another agency cannot see or revoke them', async () => {
    const jz = await t.login('jz.admin');
    const { credential } = (await t.app.inject({ method: 'POST', url: '/api/v1/machine-credentials', headers: { cookie: jz }, payload: { name: '仪器网关' } })).json();
    const jk = await t.login('jk.admin');
    const list = (await t.app.inject({ url: '/api/v1/machine-credentials', headers: { cookie: jk } })).json();
    expect(list.items.find((c: { id: string }) => c.id === credential.id)).toBeUndefined();
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/machine-credentials/${credential.id}/revoke`, headers: { cookie: jk } })).statusCode).toBe(404);
  });
});
