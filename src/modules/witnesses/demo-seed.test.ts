import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../kernel/auth/password.ts';
import type { OrganisationType, Role } from '../../kernel/auth/actor.ts';
import { ManualClock } from '../../kernel/clock.ts';
import { makeValidUscc } from '../registry/index.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { demoAuthorizationPdf, seedWitnesses } from '../../seed/registry-witnesses.ts';
import { sniffDocumentType } from '../documents/index.ts';
import { isWitnessRegisteredFor } from './service.ts';

process.env.PII_KEY = Buffer.alloc(32, 9).toString('base64');

let t: TestApp;
const clock = new ManualClock('2026-03-16T09:00:00+08:00');
const ids: Record<string, string> = {};
const PASSWORD = 'Seed#Test2026';

// Only what the seed needs, made here: the test does not depend on what the demo seeds around it.
beforeAll(async () => {
  t = await createTestApp({ clock, seed: false });
  const now = clock.now();
  const orgs: [string, string, OrganisationType, string][] = [
    ['super-jl', '吉林省华诚建设监理有限公司', 'supervision_unit', '220102'],
    ['builder-cc', '长春城市开发建设集团有限公司', 'construction_unit', '220102'],
    ['dept-nanguan', '长春市南关区住房和城乡建设局', 'department', '220102'],
  ];
  for (const [i, [key, name, type, region]] of orgs.entries()) {
    const row = await t.deps.db
      .insertInto('organisations')
      .values({ name, type, uscc: type === 'department' ? null : makeValidUscc(700 + i, region), region_code: region, contact_name: null, contact_phone: null, status: 'active', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[key] = row.id;
  }
  const users: [string, string, Role][] = [
    ['witness.sun', 'super-jl', 'witness'],
    ['officer.nanguan', 'dept-nanguan', 'dept_officer'],
  ];
  const password_hash = await hashPassword(PASSWORD);
  for (const [username, org, role] of users) {
    await t.deps.db
      .insertInto('users')
      .values({ username, display_name: username, organisation_id: ids[org]!, roles: [role], password_hash, must_change_password: false, status: 'active', created_at: now, updated_at: now, password_changed_at: now })
      .execute();
  }
});
afterAll(() => t.close());

const orgId = (key: string) => ids[key]!;

describe('demo witnesses', () => {
  it('the stand-in authorization is a well-formed PDF: every xref offset points at its object', () => {
    const pdf = demoAuthorizationPdf(['QTrace demo', 'a (bracketed) line']).toString('latin1');
    expect(sniffDocumentType(Buffer.from(pdf, 'latin1'))).toBe('application/pdf');
    const xrefAt = Number(/startxref\n(\d+)/.exec(pdf)![1]);
    expect(pdf.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const offsets = [...pdf.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(5);
    offsets.forEach((o, i) => expect(pdf.slice(o).startsWith(`${i + 1} 0 obj`)).toBe(true));
  });

  it('registers two witnesses of 华诚监理 for its projects, one signing in as witness.sun, with readable authorizations', async () => {
    const now = clock.now();
    const projects: string[] = [];
    for (const [i, region] of ['220102', '220104'].entries()) {
      const permit = `22010020260316000${i}`;
      const row = await t.deps.db
        .insertInto('projects')
        .values({
          name: `演示项目${i + 1}`,
          permit_number: permit,
          permit_number_key: permit,
          address: '长春市演示路1号',
          region_code: region,
          location_lng: 125.3,
          location_lat: 43.9,
          site: JSON.stringify({ type: 'circle', center: [125.3, 43.9], radiusMetres: 200 }),
          construction_unit_id: orgId('builder-cc'),
          supervision_unit_id: orgId('super-jl'),
          contractor_id: null,
          created_by: null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      projects.push(row.id);
    }
    await t.deps.db.transaction().execute((trx) => seedWitnesses(trx, ids, now, t.deps.blobs));

    const res = await t.app.inject({ url: '/api/v1/witnesses', headers: { cookie: await t.login('witness.sun', PASSWORD) } });
    const items = res.json().items as { name: string; user: { username: string } | null; projects: { projectId: string }[]; id: string }[];
    expect(items.map((w) => w.name).sort()).toEqual(['周雅琴', '孙立'].sort());
    const sun = items.find((w) => w.name === '孙立')!;
    expect(sun.user?.username).toBe('witness.sun');
    expect(sun.projects.map((p) => p.projectId).sort()).toEqual([...projects].sort());
    expect(items.find((w) => w.name === '周雅琴')!.projects).toHaveLength(1);
    expect(await isWitnessRegisteredFor(t.deps.db, sun.id, projects[1]!, now)).toBe(true);

    const history = (await t.app.inject({ url: `/api/v1/witnesses/${sun.id}/history`, headers: { cookie: await t.login('witness.sun', PASSWORD) } })).json();
    const doc = history.items[0].document;
    const content = await t.app.inject({ url: `/api/v1/documents/${doc.id}/content`, headers: { cookie: await t.login('officer.nanguan', PASSWORD) } });
    expect(content.statusCode).toBe(200);
    expect(content.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
