import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../kernel/clock.ts';
import { TOTP_PERIOD_SECONDS } from '../../kernel/policy.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { totpCode } from './totp.ts';

/**
 * Issue 15 item 2 acceptance: with the second factor required (MFA_REQUIRED=true), officers and administrators
 * cannot use the platform without it; enrollment, sign-in with a code or a recovery code, and an audited reset.
 */
const clock = new ManualClock('2026-12-05T09:00:00+08:00');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock, config: { secondFactorRequired: true } });
});
afterAll(() => t.close());

const signIn = (username: string, code?: string, password = 'Demo@2026') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password, ...(code ? { code } : {}) } });
const cookieOf = (res: Awaited<ReturnType<typeof signIn>>) => `qtrace_session=${res.cookies.find((c) => c.name === 'qtrace_session')!.value}`;
const as = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
const nextStep = () => clock.advance(TOTP_PERIOD_SECONDS * 1000);

describe('two-factor sign-in, required', () => {
  let secret = '';
  let recovery: string[] = [];

  it('the login page learns that it is required', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/options' })).json()).toEqual({ secondFactorRequired: true });
  });

  it('an officer without a factor gets a session that can only set one up', async () => {
    const res = await signIn('officer.nanguan');
    expect(res.statusCode).toBe(200);
    expect(res.json().user.secondFactor).toEqual({ enrolled: false, required: true, enrollmentPending: true });
    const cookie = cookieOf(res);
    const refused = await as(cookie, 'GET', '/batches');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('SECOND_FACTOR_ENROLLMENT_REQUIRED');

    const start = await as(cookie, 'POST', '/auth/second-factor/enrollment');
    expect(start.statusCode).toBe(200);
    secret = start.json().secret;
    expect(start.json().otpauthUri).toContain(`secret=${secret}`);
    expect(start.json().qrDataUrl).toMatch(/^data:image\/png;base64,/);

    const wrong = await as(cookie, 'POST', '/auth/second-factor/enrollment/confirm', { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'SECOND_FACTOR_CODE_INVALID', field: 'body.code' });
    const ok = await as(cookie, 'POST', '/auth/second-factor/enrollment/confirm', { code: totpCode(secret, clock.now()) });
    expect(ok.statusCode).toBe(200);
    recovery = ok.json().recoveryCodes;
    expect(recovery).toHaveLength(10);
    // The same session now works in full.
    expect((await as(cookie, 'GET', '/batches')).statusCode).toBe(200);
    expect((await as(cookie, 'GET', '/auth/me')).json().secondFactor).toEqual({ enrolled: true, required: true, enrollmentPending: false });
  });

  it('from then on the password alone is not enough; a code is good once; a recovery code once', async () => {
    nextStep();
    const bare = await signIn('officer.nanguan');
    expect(bare.statusCode).toBe(401);
    expect(bare.json().code).toBe('AUTH_SECOND_FACTOR_REQUIRED');
    expect(bare.cookies.find((c) => c.name === 'qtrace_session')).toBeUndefined();
    // A wrong password with a right code is still a wrong password.
    expect((await signIn('officer.nanguan', totpCode(secret, clock.now()), 'Wrong#pass1')).json().code).toBe('AUTH_INVALID_CREDENTIALS');

    const code = totpCode(secret, clock.now());
    const good = await signIn('officer.nanguan', code);
    expect(good.statusCode).toBe(200);
    expect(good.json().user.secondFactor.enrollmentPending).toBe(false);
    const replay = await signIn('officer.nanguan', code);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('AUTH_SECOND_FACTOR_INVALID');

    expect((await signIn('officer.nanguan', recovery[0]!.toUpperCase())).statusCode).toBe(200);
    expect((await signIn('officer.nanguan', recovery[0]!)).json().code).toBe('AUTH_SECOND_FACTOR_INVALID');
    const status = await as(cookieOf(await signIn('officer.nanguan', recovery[1]!)), 'GET', '/auth/second-factor');
    expect(status.json()).toMatchObject({ enrolled: true, required: true, recoveryCodesLeft: 8 });

    const trail = await t.deps.db.selectFrom('audit_log').select(['action', 'details']).where('action', 'like', 'auth.%').orderBy('id').execute();
    expect(trail.map((a) => a.action)).toEqual(expect.arrayContaining(['auth.second_factor.enrollment_started', 'auth.second_factor.enrolled']));
    expect(trail.filter((a) => a.action === 'auth.login.failed').map((a) => (a.details as { reason: string }).reason)).toContain('wrong_second_factor');
  });

  it('the officer cannot remove a required factor; an administrator resets it with a reason, and it is audited', async () => {
    nextStep();
    const officer = cookieOf(await signIn('officer.nanguan', totpCode(secret, clock.now())));
    expect((await as(officer, 'POST', '/auth/second-factor/remove', { code: recovery[2]! })).json().code).toBe('SECOND_FACTOR_REQUIRED');

    // The administrator is also required to have a factor.
    const adminSession = await signIn('admin');
    const admin = cookieOf(adminSession);
    const adminStart = await as(admin, 'POST', '/auth/second-factor/enrollment');
    await as(admin, 'POST', '/auth/second-factor/enrollment/confirm', { code: totpCode(adminStart.json().secret, clock.now()) });

    const officerId = (await t.deps.db.selectFrom('users').select('id').where('username', '=', 'officer.nanguan').executeTakeFirstOrThrow()).id;
    const noReason = await as(admin, 'POST', `/users/${officerId}/second-factor/reset`, { reason: ' ' });
    expect(noReason.json()).toMatchObject({ code: 'REASON_REQUIRED', field: 'body.reason' });
    const reset = await as(admin, 'POST', `/users/${officerId}/second-factor/reset`, { reason: '手机丢失，本人电话确认' });
    expect(reset.statusCode).toBe(204);
    // The officer's sessions ended; the next sign-in sets up a new factor.
    expect((await as(officer, 'GET', '/auth/me')).statusCode).toBe(401);
    const again = await signIn('officer.nanguan');
    expect(again.json().user.secondFactor).toEqual({ enrolled: false, required: true, enrollmentPending: true });
    const audit = await t.deps.db.selectFrom('audit_log').select(['details']).where('action', '=', 'user.second_factor.reset').executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ reason: '手机丢失，本人电话确认' });
  });

  it('roles that need no factor sign in with a password, may add one, and may remove it with a code', async () => {
    const res = await signIn('jz.tester');
    expect(res.json().user.secondFactor).toEqual({ enrolled: false, required: false, enrollmentPending: false });
    const cookie = cookieOf(res);
    expect((await as(cookie, 'GET', '/batches')).statusCode).toBe(200);
    const start = await as(cookie, 'POST', '/auth/second-factor/enrollment');
    const s = start.json().secret as string;
    await as(cookie, 'POST', '/auth/second-factor/enrollment/confirm', { code: totpCode(s, clock.now()) });
    nextStep();
    expect((await signIn('jz.tester')).json().code).toBe('AUTH_SECOND_FACTOR_REQUIRED');
    expect((await as(cookie, 'POST', '/auth/second-factor/remove', { code: totpCode(s, clock.now()) })).statusCode).toBe(204);
    expect((await signIn('jz.tester')).statusCode).toBe(200);
  });
});
