import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MACHINE_ROUTES } from '../src/kernel/auth/machine-routes.ts';
import { createTestApp, type TestApp } from '../src/testing/app.ts';

/**
 * Issue 15 item 6: a machine credential reaches only the routes an agency system needs. Every operation of
 * /openapi.json is called with one: those the document marks with the `machine` scheme get past the gate (whatever
 * they answer next), every other one answers 403 MACHINE_ROUTE_NOT_ALLOWED — so the published list and the enforced
 * one cannot drift apart.
 */
let t: TestApp;
let bearer = '';
let doc: { paths: Record<string, Record<string, { security?: Record<string, unknown>[] }>> };
beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.login('jz.admin');
  const made = await t.app.inject({ method: 'POST', url: '/api/v1/machine-credentials', headers: { cookie: admin }, payload: { name: '路由范围测试' } });
  bearer = `Bearer ${made.json().secret}`;
  doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
});
afterAll(() => t.close());

const ZERO = '00000000-0000-4000-8000-000000000000';
const fill = (path: string) => path.replace(/\{[^}]+\}/g, (m) => (m === '{year}' ? '2026' : m === '{version}' ? '1' : ZERO));

describe('machine credentials', () => {
  it('are refused on every operation the document does not open to them, and pass the gate on the others', async () => {
    let open = 0;
    let closed = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const security = op.security ?? [];
        if (security.length === 0) continue; // public
        const machine = security.some((s) => 'machine' in s);
        const res = await t.app.inject({ method: method.toUpperCase() as 'GET', url: fill(path), headers: { authorization: bearer } });
        const refused = res.statusCode === 403 && res.json().code === 'MACHINE_ROUTE_NOT_ALLOWED';
        expect(refused, `${method.toUpperCase()} ${path} → ${res.statusCode} ${res.body.slice(0, 120)}`).toBe(!machine);
        if (machine) open++;
        else closed++;
      }
    }
    expect(open).toBe(MACHINE_ROUTES.size);
    expect(closed).toBeGreaterThan(100);
  });

  it('can no longer list the platform’s users, and still works where an agency system needs it', async () => {
    const users = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: { authorization: bearer } });
    expect(users.statusCode).toBe(403);
    expect(users.json()).toMatchObject({ code: 'MACHINE_ROUTE_NOT_ALLOWED', message: expect.stringContaining('接口凭证') });
    const batches = await t.app.inject({ method: 'GET', url: '/api/v1/batches', headers: { authorization: bearer } });
    expect(batches.statusCode).toBe(200);
    // HEAD is read as GET (tus asks for an upload's offset with HEAD).
    const head = await t.app.inject({ method: 'HEAD', url: `/api/v1/uploads/${ZERO}`, headers: { authorization: bearer, 'tus-resumable': '1.0.0' } });
    expect(head.statusCode).not.toBe(403);
  });
});
