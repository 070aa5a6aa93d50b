import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_REQUESTS_PER_MINUTE, MACHINE_REQUESTS_PER_MINUTE } from '../src/kernel/policy.ts';
import { createTestApp, type TestApp } from '../src/testing/app.ts';

/**
 * Issue 15 item 6: rate limits per machine credential and per address for anonymous API calls, 429 with Retry-After
 * and a code; people signed in are not limited.
 */
let t: TestApp;
let bearer = '';
let officer = '';
beforeAll(async () => {
  t = await createTestApp({ config: { rateLimit: true } });
  const admin = await t.login('jz.admin');
  const made = await t.app.inject({ method: 'POST', url: '/api/v1/machine-credentials', headers: { cookie: admin }, payload: { name: '限流测试' } });
  bearer = `Bearer ${made.json().secret}`;
  officer = await t.login('officer.nanguan');
});
afterAll(() => t.close());

/** Sends `n` requests, in parallel groups, and returns the last answer. */
type Answer = { statusCode: number };
async function burst(n: number, send: () => Promise<Answer>): Promise<Answer> {
  let last: Answer | undefined;
  for (let done = 0; done < n; done += 100) {
    const answers = await Promise.all(Array.from({ length: Math.min(100, n - done) }, send));
    last = answers[answers.length - 1];
    expect(answers.every((a) => a.statusCode !== 429)).toBe(true);
  }
  return last!;
}

describe('rate limits', () => {
  it(`anonymous calls: ${ANONYMOUS_REQUESTS_PER_MINUTE} a minute per address, then 429 with Retry-After`, async () => {
    const send = () => t.app.inject({ method: 'GET', url: '/api/v1/public/reports/QT-NONE?c=000000', remoteAddress: '198.51.100.20' });
    await burst(ANONYMOUS_REQUESTS_PER_MINUTE, send);
    const refused = await send();
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/reports/QT-NONE?c=000000', remoteAddress: '198.51.100.21' })).statusCode).not.toBe(429);
  });

  it(`a machine credential: ${MACHINE_REQUESTS_PER_MINUTE} a minute, counted per credential whatever the address`, async () => {
    const send = () => t.app.inject({ method: 'GET', url: '/api/v1/catalogue', headers: { authorization: bearer }, remoteAddress: `203.0.113.${Math.floor(Math.random() * 250)}` });
    await burst(MACHINE_REQUESTS_PER_MINUTE, send);
    const refused = await send();
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('RATE_LIMITED');
  });

  it('people signed in are not limited', async () => {
    await burst(ANONYMOUS_REQUESTS_PER_MINUTE + 50, () => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: officer }, remoteAddress: '198.51.100.20' }));
  });
});
