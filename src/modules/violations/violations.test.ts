import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../kernel/auth/actor.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { recordViolation, type NewViolation } from './service.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'officer.province', 'officer.changchun', 'officer.nanguan', 'officer.chaoyang', 'officer.jilin', 'jz.admin', 'jz.tester', 'jk.admin', 'witness.sun']) {
    cookies[u] = await t.login(u);
  }
});
afterAll(() => t.close());

const get = (who: string, url: string) => t.app.inject({ url, headers: { cookie: cookies[who]! } });
const orgId = (key: string) => t.seeded!.organisations[key]!;
const system: () => RequestContext = () => ({ actor: { kind: 'system', name: 'test-checks' }, requestId: 'test', clientIp: null, now: new Date('2026-05-10T10:00:00+08:00') });
const record = (v: NewViolation, ctx: RequestContext = system()) => t.deps.db.transaction().execute((trx) => recordViolation(trx, ctx, v));

const ids: Record<string, string> = {};

describe('recordViolation', () => {
  it('records with severity from policy, the handling region defaulting to the organisation\'s, and an audit row', async () => {
    const { violation, created } = await record({
      organisationId: orgId('agency-jz'),
      type: 'late_upload',
      occurredAt: new Date('2026-05-06T12:00:00+08:00'),
      source: 'automatic',
      evidence: { batchId: 'B-1', deadline: '2026-05-06T11:00:00+08:00' },
      batchRef: 'B-1',
      sourceRef: 'test:late:B-1',
    });
    ids.late = violation.id;
    expect(created).toBe(true);
    expect(violation).toMatchObject({
      organisationName: '吉林省建正工程质量检测有限公司',
      type: 'late_upload',
      typeLabel: '迟传',
      severity: 'minor',
      regionCode: '220102',
      regionName: '南关区',
      source: 'automatic',
      intentional: null,
      recordedBy: null,
      evidence: { batchId: 'B-1' },
    });
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'violation.record').where('target_id', '=', violation.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ organisation_id: orgId('agency-jz'), region_code: '220102', actor_type: 'system' });
  });

  it('records a cause once: the same sourceRef returns the first record', async () => {
    const again = await record({ organisationId: orgId('agency-jz'), type: 'late_upload', occurredAt: new Date(), source: 'automatic', evidence: {}, sourceRef: 'test:late:B-1' });
    expect(again).toMatchObject({ created: false, violation: { id: ids.late } });
    expect((await t.deps.db.selectFrom('violations').select('id').where('source_ref', '=', 'test:late:B-1').execute()).length).toBe(1);
  });

  it('serious types are serious; an explicit handling region is kept', async () => {
    const { violation } = await record({
      organisationId: orgId('agency-jk'),
      type: 'tampered_data',
      occurredAt: new Date('2026-08-01T09:00:00+08:00'),
      source: 'automatic',
      evidence: { imageSha256: 'ab'.repeat(32) },
      regionCode: '220104',
    });
    ids.tampered = violation.id;
    expect(violation).toMatchObject({ severity: 'serious', severityLabel: '严重', regionCode: '220104' });
  });

  it('an officer\'s finding names the officer; it needs a person', async () => {
    const officer = await t.deps.db.selectFrom('users').select(['id', 'display_name']).where('username', '=', 'officer.jilin').executeTakeFirstOrThrow();
    const ctx: RequestContext = {
      actor: { kind: 'user', id: officer.id, username: 'officer.jilin', displayName: officer.display_name, roles: ['dept_officer'], organisation: { id: orgId('dept-jilin'), name: '吉林市住房和城乡建设局', type: 'department', regionCode: '220200' }, sessionTokenHash: 'x' },
      requestId: 'test-officer',
      clientIp: null,
      now: new Date('2026-07-03T10:00:00+08:00'),
    };
    const { violation } = await record({ organisationId: orgId('agency-hx'), type: 'no_double_review', occurredAt: new Date('2026-07-02T15:00:00+08:00'), source: 'officer', evidence: { inspection: '随机抽查 2026-07' }, intentional: false, personRef: '检测员 张某' }, ctx);
    ids.officer = violation.id;
    expect(violation).toMatchObject({ source: 'officer', recordedBy: { id: officer.id, name: officer.display_name }, intentional: false, personRef: '检测员 张某', regionCode: '220202' });
    await expect(record({ organisationId: orgId('agency-hx'), type: 'other', occurredAt: new Date(), source: 'officer', evidence: {} })).rejects.toMatchObject({ statusCode: 401 });
  });

  it('the ledger is evidence: the database refuses to change or delete a record; only an undetermined intent may be decided, once', async () => {
    await expect(sql`update violations set evidence = '{}'::jsonb where id = ${ids.late!}`.execute(t.deps.db)).rejects.toThrow(/only an undetermined/);
    await expect(sql`update violations set severity = 'serious' where id = ${ids.late!}`.execute(t.deps.db)).rejects.toThrow(/only an undetermined/);
    await expect(sql`delete from violations where id = ${ids.late!}`.execute(t.deps.db)).rejects.toThrow(/append-only/);
    await sql`update violations set intentional = true where id = ${ids.tampered!}`.execute(t.deps.db);
    await expect(sql`update violations set intentional = false where id = ${ids.tampered!}`.execute(t.deps.db)).rejects.toThrow(/only an undetermined/);
    await expect(sql`update violations set intentional = null where id = ${ids.officer!}`.execute(t.deps.db)).rejects.toThrow(/only an undetermined/);
  });
});

describe('GET /violations (scoped in the query)', () => {
  const listIds = async (who: string, query = '') => {
    const res = await get(who, `/api/v1/violations?pageSize=100${query}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(body.items.length);
    // Only this test's records: the demo seed may bring its own.
    const mine = new Set(Object.values(ids));
    return (body.items as { id: string }[]).map((v) => v.id).filter((id) => mine.has(id)).sort();
  };

  it.each([
    ['admin', ['late', 'tampered', 'officer']],
    ['officer.province', ['late', 'tampered', 'officer']],
    ['officer.changchun', ['late', 'tampered']],
    ['officer.nanguan', ['late']],
    ['officer.chaoyang', ['tampered']],
    ['officer.jilin', ['officer']],
    ['jz.tester', ['late']],
    ['jk.admin', ['tampered']],
    ['witness.sun', []],
  ])('%s sees %j', async (who, keys) => {
    expect(await listIds(who)).toEqual(keys.map((k) => ids[k]!).sort());
  });

  it('a department sees its own firms\' records handled elsewhere', async () => {
    // agency-jz is in 南关区; this record is handled by 朝阳区.
    const { violation } = await record({ organisationId: orgId('agency-jz'), type: 'missing_upload', occurredAt: new Date('2026-08-05T10:00:00+08:00'), source: 'automatic', evidence: {}, regionCode: '220104' });
    ids.elsewhere = violation.id;
    expect(await listIds('officer.nanguan')).toContain(violation.id);
    expect(await listIds('officer.chaoyang')).toContain(violation.id);
    expect(await listIds('officer.jilin')).not.toContain(violation.id);
  });

  it('filters by type, severity, organisation and period [from, to)', async () => {
    expect(await listIds('admin', '&type=tampered_data')).toEqual([ids.tampered]);
    expect(await listIds('admin', '&severity=serious')).toEqual([ids.tampered]);
    expect(await listIds('admin', `&organisationId=${orgId('agency-jz')}`)).toEqual([ids.late!, ids.elsewhere!].sort());
    expect(await listIds('admin', '&from=2026-07-02T15:00:00%2B08:00&to=2026-08-01T09:00:00%2B08:00')).toEqual([ids.officer]);
    expect(await listIds('admin', '&from=2026-07-02T15:00:00.001%2B08:00&to=2026-08-01T09:00:00.001%2B08:00')).toEqual([ids.tampered]);
  });

  it('a filter outside one\'s scope returns nothing rather than leaking', async () => {
    expect(await listIds('jz.tester', `&organisationId=${orgId('agency-jk')}`)).toEqual([]);
  });

  it('refuses a bad filter, naming it', async () => {
    expect((await get('admin', '/api/v1/violations?type=speeding')).json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'querystring.type' });
    expect((await get('admin', '/api/v1/violations?from=2026-08-01T00:00:00Z&to=2026-07-01T00:00:00Z')).json()).toMatchObject({ code: 'PERIOD_INVALID', field: 'querystring.to' });
    expect((await t.app.inject({ url: '/api/v1/violations' })).statusCode).toBe(401);
  });

  it('GET /violations/:id: 404 outside the scope, the record inside it', async () => {
    expect((await get('officer.jilin', `/api/v1/violations/${ids.late}`)).statusCode).toBe(404);
    expect((await get('jk.admin', `/api/v1/violations/${ids.late}`)).json().code).toBe('VIOLATION_NOT_FOUND');
    const res = await get('officer.nanguan', `/api/v1/violations/${ids.late}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: ids.late, type: 'late_upload', evidence: { batchId: 'B-1', deadline: '2026-05-06T11:00:00+08:00' } });
  });
});
