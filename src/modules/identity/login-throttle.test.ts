import { describe, expect, it } from 'vitest';
import { LOGIN_ACCOUNT_MAX_FAILURES, LOGIN_ADDRESS_MAX_FAILURES, LOGIN_DEVICE_MAX_FAILURES, LOGIN_FAILURE_WINDOW_MS } from '../../kernel/policy.ts';
import { closedBy, decideLoginThrottle, type RecentFailures } from './login-throttle.ts';

const now = new Date('2026-12-05T10:00:00+08:00');
/** `n` failures, newest first, the newest `newestAgoMs` before now and one second apart. */
const failures = (n: number, newestAgoMs = 1000): Date[] => Array.from({ length: n }, (_, i) => new Date(now.getTime() - newestAgoMs - i * 1000));
const none: RecentFailures = { account: [], address: [], device: null };
const W = LOGIN_FAILURE_WINDOW_MS;

describe('decideLoginThrottle', () => {
  it.each([
    ['no failures', none, true],
    ['account one short of the limit', { ...none, account: failures(LOGIN_ACCOUNT_MAX_FAILURES - 1) }, true],
    ['account at the limit', { ...none, account: failures(LOGIN_ACCOUNT_MAX_FAILURES) }, false],
    ['address one short of the limit', { ...none, address: failures(LOGIN_ADDRESS_MAX_FAILURES - 1) }, true],
    ['address at the limit', { ...none, address: failures(LOGIN_ADDRESS_MAX_FAILURES) }, false],
    ['known browser: the account and address limits do not apply', { account: failures(50), address: failures(50), device: [] }, true],
    ['known browser at its own limit', { account: [], address: [], device: failures(LOGIN_DEVICE_MAX_FAILURES) }, false],
    ['known browser one short of its limit', { account: failures(50), address: [], device: failures(LOGIN_DEVICE_MAX_FAILURES - 1) }, true],
  ] as const)('%s → allowed %s', (_name, recent, allowed) => {
    expect(decideLoginThrottle(now, recent as RecentFailures).allowed).toBe(allowed);
  });

  it('opens when the oldest counted failure is exactly one window old, not 1 ms before', () => {
    // The Nth newest failure decides: newest at `W - (N-1) s - 1 ms` ago puts the Nth newest 1 ms inside the window.
    const n = LOGIN_ACCOUNT_MAX_FAILURES;
    const inside = failures(n, W - (n - 1) * 1000 - 1);
    const outside = failures(n, W - (n - 1) * 1000);
    expect(decideLoginThrottle(now, { ...none, account: inside })).toEqual({ allowed: false, scope: 'account', retryAfterSeconds: 1 });
    expect(decideLoginThrottle(now, { ...none, account: outside })).toEqual({ allowed: true });
  });

  it('tells how long until the scope opens, the longer of two closed scopes', () => {
    const d = decideLoginThrottle(now, { account: failures(LOGIN_ACCOUNT_MAX_FAILURES, 60_000), address: failures(LOGIN_ADDRESS_MAX_FAILURES, 1000), device: null });
    expect(d.allowed).toBe(false);
    if (!d.allowed) {
      expect(d.scope).toBe('address');
      expect(d.retryAfterSeconds).toBe(Math.ceil((W - 1000 - (LOGIN_ADDRESS_MAX_FAILURES - 1) * 1000) / 1000));
    }
  });
});

describe('closedBy', () => {
  it('names the scope a failure closes, once', () => {
    expect(closedBy(now, { ...none, account: failures(LOGIN_ACCOUNT_MAX_FAILURES - 1) })).toEqual(['account']);
    expect(closedBy(now, { ...none, account: failures(LOGIN_ACCOUNT_MAX_FAILURES - 2) })).toEqual([]);
    expect(closedBy(now, { ...none, account: failures(LOGIN_ACCOUNT_MAX_FAILURES) })).toEqual([]);
    expect(closedBy(now, { account: failures(40), address: [], device: failures(LOGIN_DEVICE_MAX_FAILURES - 1) })).toEqual(['device']);
  });
});
