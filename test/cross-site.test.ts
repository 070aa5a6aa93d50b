import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../src/testing/app.ts';

/**
 * Issue 15 acceptance: a cross-origin POST (JSON, text/plain, form) with a valid session cookie to every mutating route
 * of /openapi.json is refused before it reaches the route, while the console's own requests work (the browser tests).
 */
describe('cross-site writes with a valid session cookie', () => {
  let t: TestApp;
  let cookie: string;
  let mutating: { method: string; url: string }[];

  beforeAll(async () => {
    t = await createTestApp();
    cookie = await t.login('admin');
    const doc = (await t.app.inject({ url: '/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    mutating = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => ({ method: m.toUpperCase(), url: path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000') })),
    );
  }, 120_000);
  afterAll(() => t?.close());

  const attacks: [string, Record<string, string>, string, string][] = [
    ['JSON from a foreign page (fetch metadata)', { 'content-type': 'application/json', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, '{}', 'CROSS_SITE_REQUEST_REFUSED'],
    ['text/plain from a browser without fetch metadata', { 'content-type': 'text/plain', origin: 'https://evil.example' }, 'x', 'CROSS_SITE_REQUEST_REFUSED'],
    ['a form post from an old browser (no Origin, no fetch metadata)', { 'content-type': 'application/x-www-form-urlencoded' }, 'a=1', 'CONSOLE_HEADER_REQUIRED'],
    ['a same-site page on a sibling host', { 'content-type': 'application/json', origin: 'https://evil.jl.gov.cn', 'sec-fetch-site': 'same-site' }, '{}', 'CROSS_SITE_REQUEST_REFUSED'],
  ];

  it.each(attacks)('%s is refused on every mutating route', async (_label, headers, payload, code) => {
    expect(mutating.length).toBeGreaterThan(80);
    const let_through: string[] = [];
    for (const r of mutating) {
      const res = await t.rawInject({ method: r.method as 'POST', url: r.url, headers: { cookie, ...headers }, payload });
      if (res.statusCode !== 403 || res.json().code !== code) let_through.push(`${r.method} ${r.url} → ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    expect(let_through, let_through.join('\n')).toEqual([]);
  });

  it('the resumable upload and sign-out are covered too; the console and machine credentials are not hindered', async () => {
    const tus = await t.rawInject({ method: 'POST', url: '/api/v1/batches/00000000-0000-4000-8000-000000000000/uploads', headers: { cookie, 'tus-resumable': '1.0.0', 'upload-length': '10', origin: 'https://evil.example' } });
    expect(tus.statusCode).toBe(403);
    const logout = await t.rawInject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, 'sec-fetch-site': 'cross-site' } });
    expect(logout.statusCode).toBe(403);
    expect((await t.rawInject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(200);

    const own = await t.rawInject({
      method: 'POST',
      url: '/api/v1/machine-credentials',
      headers: { cookie: await t.login('jz.admin'), 'x-qtrace-request': '1', origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
      payload: JSON.stringify({ name: '同源请求' }),
    });
    expect(own.statusCode).toBe(201);
    const machine = await t.rawInject({ method: 'POST', url: '/api/v1/batches', headers: { authorization: `Bearer ${own.json().secret}`, 'content-type': 'application/json' }, payload: '{}' });
    expect(machine.statusCode).toBe(400);
  });

  it('a foreign page cannot sign a person in', async () => {
    const res = await t.rawInject({ method: 'POST', url: '/api/v1/auth/login', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, payload: JSON.stringify({ username: 'admin', password: 'Demo@2026' }) });
    expect(res.statusCode).toBe(403);
    expect(res.cookies).toEqual([]);
  });
});
