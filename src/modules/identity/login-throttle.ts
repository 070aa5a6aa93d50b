import {
  LOGIN_ACCOUNT_MAX_FAILURES,
  LOGIN_ADDRESS_MAX_FAILURES,
  LOGIN_DEVICE_MAX_FAILURES,
  LOGIN_FAILURE_WINDOW_MS,
} from '../../kernel/policy.ts';

/** Which limit refused a sign-in (kernel/policy.ts explains each). */
export type ThrottleScope = 'account' | 'address' | 'device';

/**
 * The failed sign-ins that count, newest first, each list already limited to the window and to its limit's size:
 * - `account`: failures for the user name from browsers not known to that account;
 * - `address`: failures for any user name from the real client address, from browsers not known to the account tried;
 * - `device`: failures for the user name from this known browser; null when the browser is not known to the account.
 */
export interface RecentFailures {
  account: readonly Date[];
  address: readonly Date[];
  device: readonly Date[] | null;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; scope: ThrottleScope; retryAfterSeconds: number };

/** The number of failures that closes a scope. */
export const LIMITS: Readonly<Record<ThrottleScope, number>> = {
  account: LOGIN_ACCOUNT_MAX_FAILURES,
  address: LOGIN_ADDRESS_MAX_FAILURES,
  device: LOGIN_DEVICE_MAX_FAILURES,
};

/**
 * Whether a sign-in may be tried now. A scope is closed while it holds its limit of failures inside the window; it
 * opens again when the oldest of them leaves the window (a sliding window: a guesser gets the limit per window, never
 * a burst at each window's start). A known browser is judged by its own failures only.
 */
export function decideLoginThrottle(now: Date, recent: RecentFailures): ThrottleDecision {
  const scopes: [ThrottleScope, readonly Date[]][] = recent.device !== null ? [['device', recent.device]] : [['account', recent.account], ['address', recent.address]];
  let refusal: ThrottleDecision = { allowed: true };
  for (const [scope, failures] of scopes) {
    const retry = secondsUntilOpen(now, failures, LIMITS[scope]);
    if (retry > 0 && (refusal.allowed || retry > refusal.retryAfterSeconds)) refusal = { allowed: false, scope, retryAfterSeconds: retry };
  }
  return refusal;
}

/** Seconds until a scope with these failures (newest first) has fewer than `limit` inside the window; 0 when open. */
function secondsUntilOpen(now: Date, failures: readonly Date[], limit: number): number {
  const inWindow = failures.filter((at) => now.getTime() - at.getTime() < LOGIN_FAILURE_WINDOW_MS);
  if (inWindow.length < limit) return 0;
  const nthNewest = inWindow[limit - 1]!;
  return Math.max(1, Math.ceil((nthNewest.getTime() + LOGIN_FAILURE_WINDOW_MS - now.getTime()) / 1000));
}

/** Whether the failure just recorded is the one that closed a scope (the lock is audited once, when it engages). */
export function closedBy(now: Date, recentBefore: RecentFailures): ThrottleScope[] {
  const after: RecentFailures = {
    account: recentBefore.device === null ? [now, ...recentBefore.account] : recentBefore.account,
    address: recentBefore.device === null ? [now, ...recentBefore.address] : recentBefore.address,
    device: recentBefore.device === null ? null : [now, ...recentBefore.device],
  };
  const scopes: ThrottleScope[] = recentBefore.device !== null ? ['device'] : ['account', 'address'];
  return scopes.filter((scope) => {
    const list = (s: RecentFailures) => (scope === 'device' ? (s.device ?? []) : s[scope]);
    return secondsUntilOpen(now, list(recentBefore), LIMITS[scope]) === 0 && secondsUntilOpen(now, list(after), LIMITS[scope]) > 0;
  });
}
