import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /commissions/agency-options', () => {
  it('shows a construction unit every active agency with connection, qualified specialties and restriction', async () => {
    const cookie = await t.login('builder.chen');
    const res = await t.app.inject({ url: '/api/v1/commissions/agency-options?pageSize=100', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json();
    const agencies = await t.deps.db.selectFrom('organisations').select('id').where('type', '=', 'agency').where('status', '=', 'active').execute();
    expect(total).toBe(agencies.length);
    const byId = new Map(items.map((a: { id: string }) => [a.id, a]));
    expect(byId.get(t.seeded!.organisations['agency-jz']!)).toMatchObject({ connected: true, restricted: false });
    expect((byId.get(t.seeded!.organisations['agency-jz']!) as { qualifiedSpecialties: string[] }).qualifiedSpecialties.length).toBeGreaterThan(0);
    expect(byId.get(t.seeded!.organisations['agency-jk']!)).toMatchObject({ connected: false });
  });

  it('searches by name', async () => {
    const cookie = await t.login('builder.chen');
    const res = await t.app.inject({ url: `/api/v1/commissions/agency-options?q=${encodeURIComponent('建正')}`, headers: { cookie } });
    expect(res.json().items.map((a: { name: string }) => a.name)).toEqual(['吉林省建正工程质量检测有限公司']);
  });

  it('is for those who commission or supervise, not for agencies', async () => {
    const cookie = await t.login('jk.admin');
    expect((await t.app.inject({ url: '/api/v1/commissions/agency-options', headers: { cookie } })).statusCode).toBe(403);
  });
});
