import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../kernel/clock.ts';
import {
  LOGIN_ACCOUNT_MAX_FAILURES,
  LOGIN_ADDRESS_MAX_FAILURES,
  LOGIN_DEVICE_MAX_FAILURES,
  LOGIN_FAILURE_WINDOW_MS,
} from '../../kernel/policy.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { DEVICE_COOKIE } from './routes.ts';

/**
 * Issue 15 item 1 acceptance: behind one trusted reverse proxy (TRUST_PROXY=1), a guesser rotating claimed
 * addresses is throttled after the policy's number of failures per account; the real user still signs in from a
 * browser that signed in before.
 */
const clock = new ManualClock('2026-12-05T09:00:00+08:00');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock, config: { trustProxy: 1 } });
});
afterAll(() => t.close());

const PROXY = '10.0.0.1';
/** A sign-in through the proxy: the client claims `claimed` in X-Forwarded-For, the proxy appends the real `real`. */
const signIn = (username: string, password: string, o: { real: string; claimed?: string; device?: string }) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress: PROXY,
    headers: { 'x-forwarded-for': [o.claimed, o.real].filter(Boolean).join(', ') },
    ...(o.device ? { cookies: { [DEVICE_COOKIE]: o.device } } : {}),
  });
const deviceOf = (res: Awaited<ReturnType<typeof signIn>>) => res.cookies.find((c) => c.name === DEVICE_COOKIE);
const audits = async (action: string, username: string) =>
  (await t.deps.db.selectFrom('audit_log').select(['details']).where('action', '=', action).execute())
    .map((r) => r.details as { username: string; scope?: string })
    .filter((d) => d.username === username);

describe('sign-in throttling behind a trusted proxy', () => {
  it('30 wrong passwords from 30 claimed and 30 real addresses: refused after the limit; the known browser still signs in', async () => {
    // The real user signed in from this browser last week.
    const first = await signIn('officer.nanguan', 'Demo@2026', { real: '198.51.100.7' });
    expect(first.statusCode).toBe(200);
    const device = deviceOf(first)!;
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/auth/login' });
    clock.advance(7 * 24 * 3600_000);

    const codes: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await signIn('officer.nanguan', `Guess-${i}-pass`, { claimed: `192.0.2.${i}`, real: `203.0.113.${i}` });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, LOGIN_ACCOUNT_MAX_FAILURES)).toEqual(Array(LOGIN_ACCOUNT_MAX_FAILURES).fill(401));
    expect(codes.slice(LOGIN_ACCOUNT_MAX_FAILURES)).toEqual(Array(30 - LOGIN_ACCOUNT_MAX_FAILURES).fill(429));
    // The right password from an unknown browser is refused too while the account is closed to unknown browsers.
    expect((await signIn('officer.nanguan', 'Demo@2026', { real: '203.0.113.200' })).statusCode).toBe(429);
    // The real user's browser is known: it signs in.
    const again = await signIn('officer.nanguan', 'Demo@2026', { real: '198.51.100.7', device: device.value });
    expect(again.statusCode).toBe(200);
    expect(deviceOf(again)!.value).toBe(device.value);

    expect(await audits('auth.login.locked', 'officer.nanguan')).toEqual([expect.objectContaining({ scope: 'account' })]);
    expect(await audits('auth.login.throttled', 'officer.nanguan')).toHaveLength(30 - LOGIN_ACCOUNT_MAX_FAILURES + 1);
    // The addresses recorded are the ones the proxy saw, never the claimed ones.
    const ips = await t.deps.db.selectFrom('login_attempts').select('client_ip').where('username_lower', '=', 'officer.nanguan').execute();
    expect(ips.some((r) => r.client_ip.startsWith('192.0.2.'))).toBe(false);
    clock.advance(LOGIN_FAILURE_WINDOW_MS);
  });

  it('a known browser has its own limit: a stolen device cookie does not give unlimited guesses', async () => {
    const first = await signIn('jz.tester', 'Demo@2026', { real: '198.51.100.8' });
    const device = deviceOf(first)!.value;
    for (let i = 0; i < LOGIN_DEVICE_MAX_FAILURES; i++) {
      expect((await signIn('jz.tester', `Wrong-${i}-pass`, { real: '198.51.100.8', device })).statusCode).toBe(401);
    }
    expect((await signIn('jz.tester', 'Demo@2026', { real: '198.51.100.8', device })).statusCode).toBe(429);
    expect(await audits('auth.login.locked', 'jz.tester')).toEqual([expect.objectContaining({ scope: 'device' })]);
    // Those failures came from a known browser: other browsers are not locked out by them.
    expect((await signIn('jz.tester', 'Demo@2026', { real: '198.51.100.9' })).statusCode).toBe(200);
    // A device cookie of another account counts for nothing here.
    const other = deviceOf(await signIn('jz.reviewer', 'Demo@2026', { real: '198.51.100.8' }))!.value;
    for (let i = 0; i < LOGIN_ACCOUNT_MAX_FAILURES; i++) await signIn('builder.chen', `Wrong-${i}-pass`, { real: '198.51.100.10', device: other });
    expect((await signIn('builder.chen', 'Demo@2026', { real: '198.51.100.11', device: other })).statusCode).toBe(429);
    clock.advance(LOGIN_FAILURE_WINDOW_MS);
  });

  it(`one real address is throttled after ${LOGIN_ADDRESS_MAX_FAILURES} failures over any user names, whatever it claims`, async () => {
    for (let i = 0; i < LOGIN_ADDRESS_MAX_FAILURES; i++) {
      expect((await signIn(`nobody.${i}`, 'Wrong-pass-1', { claimed: `192.0.2.${i}`, real: '203.0.113.50' })).statusCode).toBe(401);
    }
    const refused = await signIn('witness.sun', 'Demo@2026', { claimed: '192.0.2.250', real: '203.0.113.50' });
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const other = await signIn('witness.sun', 'Demo@2026', { real: '203.0.113.51' });
    expect(other.statusCode, other.body).toBe(200);
    clock.advance(LOGIN_FAILURE_WINDOW_MS);
  });

  it('parallel guesses see each other: no more than the limit get a password check', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signIn('jz.signatory', `Parallel-${i}-pass`, { real: `203.0.113.${100 + i}` })),
    );
    const codes = results.map((r) => r.statusCode).sort();
    if (codes.some((c) => c !== 401 && c !== 429)) throw new Error(results.map((r) => r.body).join('\n'));
    expect(codes.filter((c) => c === 401)).toHaveLength(LOGIN_ACCOUNT_MAX_FAILURES);
    expect(codes.filter((c) => c === 429)).toHaveLength(20 - LOGIN_ACCOUNT_MAX_FAILURES);
    clock.advance(LOGIN_FAILURE_WINDOW_MS);
    expect((await signIn('jz.signatory', 'Demo@2026', { real: '203.0.113.99' })).statusCode).toBe(200);
  });
});
