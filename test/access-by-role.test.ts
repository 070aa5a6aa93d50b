import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../src/testing/app.ts';

/**
 * Every role of the demo, through the API: listings never carry a row outside the caller's scope, and a foreign
 * object answers 404 (the API does not confirm that something outside one's scope exists).
 */
let t: TestApp;
let orgs: { id: string; region_code: string }[];
let paths: Map<string, string>;
let users: { id: string; organisation_id: string | null }[];
beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.deps.db.selectFrom('organisations').select(['id', 'region_code']).execute();
  paths = new Map((await t.deps.db.selectFrom('regions').select(['code', 'path']).execute()).map((r) => [r.code, r.path]));
  users = await t.deps.db.selectFrom('users').select(['id', 'organisation_id']).execute();
});
afterAll(() => t.close());

type Expect = { kind: 'all' } | { kind: 'region'; root: string } | { kind: 'own'; org: string };

const CASES: [string, string, Expect][] = [
  ['admin', 'platform_admin', { kind: 'all' }],
  ['officer.province', 'dept_officer (province)', { kind: 'region', root: '220000' }],
  ['officer.changchun', 'dept_officer (city)', { kind: 'region', root: '220100' }],
  ['officer.nanguan', 'dept_officer (county)', { kind: 'region', root: '220102' }],
  ['officer.meihekou', 'dept_officer (梅河口, 省直管)', { kind: 'region', root: '220581' }],
  ['jz.admin', 'agency_admin', { kind: 'own', org: 'agency-jz' }],
  ['jz.owner', 'upload_owner', { kind: 'own', org: 'agency-jz' }],
  ['jz.tester', 'tester', { kind: 'own', org: 'agency-jz' }],
  ['jz.reviewer', 'reviewer', { kind: 'own', org: 'agency-jz' }],
  ['jz.signatory', 'signatory', { kind: 'own', org: 'agency-jz' }],
  ['witness.sun', 'witness', { kind: 'own', org: 'super-jl' }],
  ['builder.chen', 'construction_user', { kind: 'own', org: 'builder-cc' }],
  ['contractor.zhou', 'contractor_user', { kind: 'own', org: 'contractor-jg' }],
];

function allowedOrgIds(e: Expect): Set<string> {
  if (e.kind === 'all') return new Set(orgs.map((o) => o.id));
  if (e.kind === 'own') return new Set([t.seeded!.organisations[e.org]!]);
  const root = paths.get(e.root)!;
  return new Set(orgs.filter((o) => paths.get(o.region_code)!.startsWith(root)).map((o) => o.id));
}

describe.each(CASES)('%s (%s)', (username, _role, scope) => {
  it('lists exactly the organisations in scope and gets 404 for one outside it', async () => {
    const cookie = await t.login(username);
    const allowed = allowedOrgIds(scope);
    const listed = (await t.app.inject({ url: '/api/v1/organisations?pageSize=100', headers: { cookie } })).json();
    expect(new Set(listed.items.map((o: { id: string }) => o.id))).toEqual(allowed);
    const foreign = orgs.find((o) => !allowed.has(o.id));
    if (foreign) {
      const res = await t.app.inject({ url: `/api/v1/organisations/${foreign.id}`, headers: { cookie } });
      expect(res.statusCode).toBe(404);
    }
  });

  it('lists only people of organisations in scope, and gets 404 for a foreign person', async () => {
    const cookie = await t.login(username);
    const allowed = allowedOrgIds(scope);
    const listed = (await t.app.inject({ url: '/api/v1/users?pageSize=100', headers: { cookie } })).json();
    for (const u of listed.items) {
      if (scope.kind === 'all') continue;
      expect(allowed.has(u.organisationId)).toBe(true);
    }
    const expected = users.filter((u) => scope.kind === 'all' || (u.organisation_id !== null && allowed.has(u.organisation_id)));
    expect(listed.total).toBe(expected.length);
    const foreign = users.find((u) => scope.kind !== 'all' && (u.organisation_id === null || !allowed.has(u.organisation_id)));
    if (foreign) expect((await t.app.inject({ url: `/api/v1/users/${foreign.id}`, headers: { cookie } })).statusCode).toBe(404);
  });
});
