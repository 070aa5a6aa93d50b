import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../kernel/auth/password.ts';
import { ManualClock } from '../../kernel/clock.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { syncBundledCalendar } from '../calendar/index.ts';
import { makeValidResidentId, maskResidentId } from '../registry/index.ts';
import { assertWitnessRegistered, findWitnessByUser, isWitnessRegisteredFor } from './service.ts';

// A fixed key, so the test neither reads nor creates a key file.
process.env.PII_KEY = Buffer.alloc(32, 7).toString('base64');

let t: TestApp;
const clock = new ManualClock('2026-02-10T09:00:00+08:00');
const P: Record<string, string> = {};
const W: Record<string, string> = {};
const docs: Record<string, { id: string; sha256: string }> = {};
let linkedUserId = '';
let jzTesterId = '';

const orgId = (key: string) => t.seeded!.organisations[key]!;
const idNumber = (seq: number) => makeValidResidentId(seq, '19850312', '220102');
const headers = async (who: string) => ({ cookie: await t.login(who) });
const post = async (who: string, url: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: await headers(who), payload });
const get = async (who: string, url: string) => t.app.inject({ url: `/api/v1${url}`, headers: await headers(who) });
const change = (who: string, witness: string, payload: object) => post(who, `/witnesses/${W[witness]}/authorizations`, payload);

async function upload(who: string, name: string): Promise<{ id: string; sha256: string }> {
  const boundary = '----qtrace-witness-test';
  const content = Buffer.from(`%PDF-1.4\n% ${name}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/documents', payload, headers: { ...(await headers(who)), 'content-type': `multipart/form-data; boundary=${boundary}` } });
  expect(res.statusCode).toBe(201);
  return res.json();
}

let permitSeq = 0;
async function project(name: string, unitKey: string, region: string): Promise<string> {
  permitSeq++;
  const permit = `220100202602${String(permitSeq).padStart(4, '0')}0101`;
  const now = clock.now();
  const row = await t.deps.db
    .insertInto('projects')
    .values({
      name,
      permit_number: permit,
      permit_number_key: permit,
      address: `长春市测试路${permitSeq}号`,
      region_code: region,
      location_lng: 125.32,
      location_lat: 43.88,
      site: JSON.stringify({ type: 'circle', center: [125.32, 43.88], radiusMetres: 300 }),
      construction_unit_id: orgId('builder-cc'),
      supervision_unit_id: orgId(unitKey),
      contractor_id: null,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const lateViolations = () =>
  t.deps.db.selectFrom('violations').selectAll().where('organisation_id', '=', orgId('super-jl')).where('type', '=', 'witness_change_late').orderBy('occurred_at').execute();

beforeAll(async () => {
  t = await createTestApp({ clock });
  await syncBundledCalendar(t.deps.db, clock);
  P.A = await project('南关区测试住宅项目', 'super-jl', '220102');
  P.B = await project('朝阳区测试商业综合体', 'super-jl', '220104');
  P.C = await project('恒信监理的朝阳区项目', 'super-cc', '220104');
  P.D = await project('南关区测试学校项目', 'super-jl', '220102');
  docs.sun = await upload('witness.sun', '见证人员授权书');
  docs.sun2 = await upload('witness.sun', '见证人员授权书（新增项目）');
  docs.jz = await upload('jz.admin', '检测机构文件');
  // An account of our own to link, so the test holds whatever witnesses the demo seed brings.
  linkedUserId = (
    await t.deps.db
      .insertInto('users')
      .values({ username: 'witness.test', display_name: '孙立', organisation_id: orgId('super-jl'), roles: ['witness'], password_hash: await hashPassword('Unused#2026'), must_change_password: false, status: 'active', created_at: clock.now(), updated_at: clock.now(), password_changed_at: clock.now() })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  jzTesterId = (await t.deps.db.selectFrom('users').select('id').where('username', '=', 'jz.tester').executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

const witnessBody = (over: Record<string, unknown> = {}, auth: Record<string, unknown> = {}) => ({
  name: '孙立',
  idNumber: idNumber(101),
  phone: '13804310001',
  ...over,
  authorization: { documentId: docs.sun!.id, signedOn: '2026-02-09', projectIds: [P.A, P.B], ...auth },
});

describe('registering a witness with the written authorization', () => {
  it('the supervision unit registers a person; the 身份证号 is kept only as a keyed hash and a masked form', async () => {
    const res = await post('witness.sun', '/witnesses', witnessBody({ userId: linkedUserId }));
    expect(res.statusCode).toBe(201);
    const { witness, registration } = res.json();
    W.one = witness.id;
    expect(witness).toMatchObject({
      supervisionUnitId: orgId('super-jl'),
      supervisionUnitName: '吉林省华诚建设监理有限公司',
      name: '孙立',
      idNumberMasked: maskResidentId(idNumber(101)),
      user: { id: linkedUserId, username: 'witness.test' },
      active: true,
    });
    expect(witness.projects.map((p: { projectId: string }) => p.projectId).sort()).toEqual([P.A, P.B].sort());
    expect(witness.projects[0].since).toBe(clock.now().toISOString());
    expect(registration).toMatchObject({ kind: 'initial', kindLabel: '首次授权登记', deadline: null, late: null, violationId: null, document: { id: docs.sun!.id, sha256: docs.sun!.sha256 }, signedOn: '2026-02-09', changedAt: null });
    expect(registration.effects).toHaveLength(2);

    const stored = JSON.stringify(await t.deps.db.selectFrom('witness_persons').selectAll().execute());
    expect(stored).not.toContain(idNumber(101));
    expect(stored).not.toContain(idNumber(101).slice(6, 14));
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'witness.register').where('target_id', '=', W.one!).execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(idNumber(101));
    expect(audit[0]).toMatchObject({ organisation_id: orgId('super-jl'), actor_type: 'user' });
  });

  it.each([
    ['an ID number with a wrong check digit', () => witnessBody({ idNumber: idNumber(102).slice(0, 17) + (idNumber(102).endsWith('1') ? '2' : '1') }), 400, 'ID_NUMBER_INVALID', 'body.idNumber'],
    ['a project another unit supervises', () => witnessBody({ idNumber: idNumber(103) }, { projectIds: [P.A, P.C] }), 400, 'PROJECT_NOT_SUPERVISED_BY_UNIT', 'body.authorization.projectIds.1'],
    ['a project that does not exist', () => witnessBody({ idNumber: idNumber(103) }, { projectIds: ['00000000-0000-4000-8000-000000000000'] }), 400, 'PROJECT_NOT_SUPERVISED_BY_UNIT', 'body.authorization.projectIds.0'],
    ['another organisation\'s document', () => witnessBody({ idNumber: idNumber(103) }, { documentId: docs.jz!.id }), 400, 'DOCUMENT_INVALID', 'body.authorization.documentId'],
    ['an authorization signed tomorrow', () => witnessBody({ idNumber: idNumber(103) }, { signedOn: '2026-02-11' }), 400, 'SIGNED_ON_IN_FUTURE', 'body.authorization.signedOn'],
    ['a change time without a replaced witness', () => witnessBody({ idNumber: idNumber(103) }, { changedAt: '2026-02-09T09:00:00+08:00' }), 400, 'CHANGED_AT_ONLY_FOR_REPLACEMENT', 'body.authorization.replacesWitnessId'],
    ['an account that is not a witness of the unit', () => witnessBody({ idNumber: idNumber(103), userId: jzTesterId }), 400, 'USER_NOT_WITNESS_OF_UNIT', 'body.userId'],
    ['an unknown field', () => ({ ...witnessBody({ idNumber: idNumber(103) }), gender: '男' }), 400, 'VALIDATION_FAILED', 'body.gender'],
    ['no project', () => witnessBody({ idNumber: idNumber(103) }, { projectIds: [] }), 400, 'VALIDATION_FAILED', 'body.authorization.projectIds'],
    ['a malformed phone number', () => witnessBody({ idNumber: idNumber(103), phone: 'call me' }), 400, 'PHONE_INVALID', 'body.phone'],
    ['the same person twice', () => witnessBody(), 409, 'WITNESS_EXISTS', 'body.idNumber'],
    ['an account already linked', () => witnessBody({ idNumber: idNumber(103), userId: linkedUserId }), 409, 'USER_ALREADY_LINKED', 'body.userId'],
  ])('refuses %s, naming the field, and saves nothing', async (_label, body, status, code, field) => {
    const before = await t.deps.db.selectFrom('witness_persons').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await post('witness.sun', '/witnesses', body());
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({ code, field });
    const after = await t.deps.db.selectFrom('witness_persons').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('only the supervision unit itself or the platform admin registers', async () => {
    expect((await post('officer.nanguan', '/witnesses', witnessBody({ idNumber: idNumber(104) }))).statusCode).toBe(403);
    expect((await post('jz.admin', '/witnesses', witnessBody({ idNumber: idNumber(104) }))).statusCode).toBe(403);
    expect((await post('witness.sun', '/witnesses', witnessBody({ idNumber: idNumber(104), supervisionUnitId: orgId('super-cc') }))).statusCode).toBe(403);
    expect((await post('admin', '/witnesses', witnessBody({ idNumber: idNumber(104) }))).json()).toMatchObject({ code: 'SUPERVISION_UNIT_REQUIRED', field: 'body.supervisionUnitId' });
    expect((await post('admin', '/witnesses', witnessBody({ idNumber: idNumber(104), supervisionUnitId: orgId('agency-jz') }))).json()).toMatchObject({
      code: 'NOT_SUPERVISION_UNIT',
      field: 'body.supervisionUnitId',
    });
    const byAdmin = await post('admin', '/witnesses', witnessBody({ name: '李娜', idNumber: idNumber(104), supervisionUnitId: orgId('super-jl') }, { projectIds: [P.B] }));
    expect(byAdmin.statusCode).toBe(201);
    W.two = byAdmin.json().witness.id;
    const four = await post('witness.sun', '/witnesses', witnessBody({ name: '王强', idNumber: idNumber(105) }, { projectIds: [P.A] }));
    expect(four.statusCode).toBe(201);
    W.four = four.json().witness.id;
  });
});

describe('acceptance: a change on Friday 2026-02-13, across the 2026 Spring Festival', () => {
  it('registered 2026-02-25 23:59:59.999+08:00 (end of the third working day) is on time', async () => {
    clock.set('2026-02-25T23:59:59.999+08:00');
    const res = await change('witness.sun', 'one', { kind: 'revocation', changedAt: '2026-02-13T10:00:00+08:00', projectIds: [P.A], reason: '调离该项目' });
    expect(res.statusCode).toBe(201);
    expect(res.json().registration).toMatchObject({
      kind: 'revocation',
      changedAt: '2026-02-13T02:00:00.000Z',
      registeredAt: '2026-02-25T15:59:59.999Z',
      deadline: { dueDate: '2026-02-25', dueAt: '2026-02-25T15:59:59.999Z', provisional: false, uncoveredYears: [], workingDays: 3 },
      late: false,
      violationId: null,
      reason: '调离该项目',
    });
    expect(await lateViolations()).toEqual([]);
  });

  it('registered 2026-02-26 00:00:00+08:00 is late and creates exactly one violation of the supervision unit', async () => {
    clock.set('2026-02-26T00:00:00+08:00');
    const res = await change('witness.sun', 'two', { kind: 'new_authorization', changedAt: '2026-02-13T16:00:00+08:00', documentId: docs.sun2!.id, signedOn: '2026-02-13', projectIds: [P.A] });
    expect(res.statusCode).toBe(201);
    const { registration } = res.json();
    expect(registration).toMatchObject({ late: true, deadline: { dueDate: '2026-02-25', provisional: false } });
    const violations = await lateViolations();
    expect(violations).toHaveLength(1);
    const v = violations[0]!;
    expect(v.id).toBe(registration.violationId);
    expect(v).toMatchObject({ severity: 'minor', source: 'automatic', project_id: P.A, region_code: '220102', recorded_by: null, intentional: null });
    expect(v.occurred_at.toISOString()).toBe('2026-02-25T16:00:00.000Z');
    expect(v.evidence).toMatchObject({
      registrationId: registration.id,
      witnessId: W.two,
      changedAt: '2026-02-13T08:00:00.000Z',
      dueDate: '2026-02-25',
      dueAt: '2026-02-25T15:59:59.999Z',
      registeredAt: '2026-02-25T16:00:00.000Z',
      provisional: false,
      calendarVersions: { 2026: 1 },
    });
    const shown = (await get('witness.sun', `/violations/${v.id}`)).json();
    expect(shown).toMatchObject({ type: 'witness_change_late', typeLabel: '见证变更逾期', organisationName: '吉林省华诚建设监理有限公司' });
    const audits = await t.deps.db.selectFrom('audit_log').select('action').where('request_id', '=', (await t.deps.db.selectFrom('audit_log').select('request_id').where('target_id', '=', v.id).executeTakeFirstOrThrow()).request_id).execute();
    // Recording a violation runs the enforcement ladder in the same transaction: an interview is proposed and, outside
    // the trial clause, the violation enters the credit record.
    expect(audits.map((a) => a.action).sort()).toEqual(['credit.entry.violation', 'enforcement.case.propose', 'violation.record', 'witness.authorization.new_authorization']);
  });

  it('what a witness may witness follows the registrations: grants from registration, ends from the change', async () => {
    const at = (s: string) => new Date(s);
    expect(await isWitnessRegisteredFor(t.deps.db, W.one!, P.A!, at('2026-02-13T09:59:59.999+08:00'))).toBe(true);
    expect(await isWitnessRegisteredFor(t.deps.db, W.one!, P.A!, at('2026-02-13T10:00:00+08:00'))).toBe(false);
    expect(await isWitnessRegisteredFor(t.deps.db, W.one!, P.B!, clock.now())).toBe(true);
    expect(await isWitnessRegisteredFor(t.deps.db, W.two!, P.A!, at('2026-02-25T23:59:59.999+08:00'))).toBe(false);
    expect(await isWitnessRegisteredFor(t.deps.db, W.two!, P.A!, at('2026-02-26T00:00:00+08:00'))).toBe(true);
    expect(await isWitnessRegisteredFor(t.deps.db, W.one!, P.C!, clock.now())).toBe(false);
    await expect(assertWitnessRegistered(t.deps.db, W.one!, P.A!, clock.now(), 'body.witnessId')).rejects.toMatchObject({ statusCode: 422, code: 'WITNESS_NOT_REGISTERED', field: 'body.witnessId' });
    await expect(assertWitnessRegistered(t.deps.db, W.one!, P.B!, clock.now(), 'body.witnessId')).resolves.toBeUndefined();
    const one = (await get('officer.nanguan', `/witnesses/${W.one}`)).json();
    expect(one.projects.map((p: { projectId: string }) => p.projectId)).toEqual([P.B]);
    expect(await findWitnessByUser(t.deps.db, linkedUserId)).toEqual({ id: W.one, supervisionUnitId: orgId('super-jl') });
    expect(await findWitnessByUser(t.deps.db, jzTesterId)).toBeNull();
  });

  it('a project handed to another supervision unit ends its witnesses\' registration there', async () => {
    const moved = await project('移交监理的项目', 'super-jl', '220102');
    const res = await change('witness.sun', 'one', { kind: 'new_authorization', changedAt: '2026-02-25T09:00:00+08:00', documentId: docs.sun2!.id, signedOn: '2026-02-25', projectIds: [moved] });
    expect(res.statusCode).toBe(201);
    expect(await isWitnessRegisteredFor(t.deps.db, W.one!, moved, clock.now())).toBe(true);
    await t.deps.db.updateTable('projects').set({ supervision_unit_id: orgId('super-cc') }).where('id', '=', moved).execute();
    expect(await isWitnessRegisteredFor(t.deps.db, W.one!, moved, clock.now())).toBe(false);
    expect((await get('witness.sun', `/witnesses/${W.one}`)).json().projects.map((p: { projectId: string }) => p.projectId)).toEqual([P.B]);
    await t.deps.db.updateTable('projects').set({ supervision_unit_id: orgId('super-jl') }).where('id', '=', moved).execute();
    // Leave W.one as the later tests expect it: registered for B only.
    const revoked = await change('witness.sun', 'one', { kind: 'revocation', changedAt: clock.now().toISOString(), projectIds: [moved] });
    expect(revoked.statusCode).toBe(201);
  });

  it.each([
    ['a revocation of a project no longer held', 'witness.sun', () => ({ kind: 'revocation', changedAt: '2026-02-20T10:00:00+08:00', projectIds: [P.A] }), 422, 'WITNESS_NOT_AUTHORIZED_FOR_PROJECT', 'body.projectIds.0'],
    ['a change in the future', 'witness.sun', () => ({ kind: 'revocation', changedAt: '2026-02-26T00:00:00.001+08:00' }), 400, 'CHANGED_AT_IN_FUTURE', 'body.changedAt'],
    ['a change before the registration it ends', 'witness.sun', () => ({ kind: 'revocation', changedAt: '2026-02-01T10:00:00+08:00', projectIds: [P.B] }), 400, 'CHANGED_AT_BEFORE_REGISTRATION', 'body.changedAt'],
    ['a new authorization without its document', 'witness.sun', () => ({ kind: 'new_authorization', changedAt: '2026-02-24T10:00:00+08:00', projectIds: [P.D] }), 400, 'DOCUMENT_REQUIRED', 'body.documentId'],
    ['a replacement naming nobody', 'witness.sun', () => ({ kind: 'replacement', changedAt: '2026-02-24T10:00:00+08:00', documentId: docs.sun!.id, signedOn: '2026-02-24', projectIds: [P.D] }), 400, 'REPLACED_WITNESS_REQUIRED', 'body.replacesWitnessId'],
    ['a department officer (visible, not allowed)', 'officer.nanguan', () => ({ kind: 'revocation', changedAt: '2026-02-24T10:00:00+08:00' }), 403, 'WITNESS_CHANGE_FORBIDDEN', undefined],
    ['another organisation (not visible)', 'jz.admin', () => ({ kind: 'revocation', changedAt: '2026-02-24T10:00:00+08:00' }), 404, 'WITNESS_NOT_FOUND', undefined],
  ])('refuses %s and saves nothing', async (_label, who, body, status, code, field) => {
    const count = async () => Number((await t.deps.db.selectFrom('witness_authorizations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const res = await change(who, 'one', body());
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject(field ? { code, field } : { code });
    expect(await count()).toBe(before);
    expect(await lateViolations()).toHaveLength(1);
  });

  it('registrations are evidence: the database refuses to change them', async () => {
    await expect(sql`update witness_authorizations set late = false where witness_id = ${W.two!}`.execute(t.deps.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from witness_authorization_effects where witness_id = ${W.one!}`.execute(t.deps.db)).rejects.toThrow(/append-only/);
  });
});

describe('replacing a witness', () => {
  it('a new person takes over a project: the new one is registered from now, the old one ends at the change', async () => {
    clock.set('2026-03-02T10:00:00+08:00');
    const res = await post(
      'witness.sun',
      '/witnesses',
      witnessBody({ name: '赵敏', idNumber: idNumber(106) }, { signedOn: '2026-02-27', projectIds: [P.B], replacesWitnessId: W.one, changedAt: '2026-02-27T09:00:00+08:00' }),
    );
    expect(res.statusCode).toBe(201);
    const { witness, registration } = res.json();
    W.three = witness.id;
    expect(registration).toMatchObject({
      kind: 'replacement',
      replacesWitness: { id: W.one, name: '孙立' },
      // Fri 02-27 → Sat 02-28 make-up (1), Mon 03-02 (2), Tue 03-03 (3).
      deadline: { dueDate: '2026-03-03', provisional: false },
      late: false,
    });
    expect(registration.effects.map((e: { witnessId: string; effect: string; effectiveAt: string }) => [e.witnessId, e.effect, e.effectiveAt]).sort()).toEqual(
      [
        [W.one, 'end', '2026-02-27T01:00:00.000Z'],
        [W.three, 'grant', '2026-03-02T02:00:00.000Z'],
      ].sort(),
    );
    const one = (await get('witness.sun', `/witnesses/${W.one}`)).json();
    expect(one).toMatchObject({ active: false, projects: [] });
    const history = (await get('witness.sun', `/witnesses/${W.one}/history`)).json();
    expect(history.items.map((r: { kind: string }) => r.kind)).toEqual(['initial', 'revocation', 'new_authorization', 'revocation', 'replacement']);
  });

  it('refuses to replace someone not registered on the project', async () => {
    const res = await post(
      'witness.sun',
      '/witnesses',
      witnessBody({ name: '钱进', idNumber: idNumber(107) }, { signedOn: '2026-03-01', projectIds: [P.A], replacesWitnessId: W.one, changedAt: '2026-03-01T09:00:00+08:00' }),
    );
    expect(res.json()).toMatchObject({ code: 'WITNESS_NOT_AUTHORIZED_FOR_PROJECT', field: 'body.authorization.projectIds.0' });
    expect(res.statusCode).toBe(422);
  });
});

describe('acceptance: National Day 2026', () => {
  it('a change on 2026-09-30 is due by the make-up Saturday 2026-10-10: registered 10-10 23:00 is on time', async () => {
    clock.set('2026-10-10T23:00:00+08:00');
    const res = await change('witness.sun', 'three', { kind: 'new_authorization', changedAt: '2026-09-30T17:00:00+08:00', documentId: docs.sun2!.id, signedOn: '2026-09-30', projectIds: [P.D] });
    expect(res.statusCode).toBe(201);
    expect(res.json().registration).toMatchObject({ deadline: { dueDate: '2026-10-10', dueAt: '2026-10-10T15:59:59.999Z', provisional: false }, late: false, violationId: null });
  });

  it('registered 2026-10-11 00:00:00+08:00 is late: a second violation', async () => {
    clock.set('2026-10-11T00:00:00+08:00');
    const res = await change('witness.sun', 'two', { kind: 'revocation', changedAt: '2026-09-30T10:00:00+08:00', projectIds: [P.B] });
    expect(res.json().registration).toMatchObject({ deadline: { dueDate: '2026-10-10' }, late: true });
    const violations = await lateViolations();
    expect(violations).toHaveLength(2);
    expect(violations[1]).toMatchObject({ project_id: P.B, region_code: '220104' });
  });
});

describe('acceptance: a deadline in a year not loaded', () => {
  it('is provisional (weekends only) and flagged in the response', async () => {
    clock.set('2026-12-31T10:00:00+08:00');
    const res = await change('witness.sun', 'two', { kind: 'new_authorization', changedAt: '2026-12-30T10:00:00+08:00', documentId: docs.sun2!.id, signedOn: '2026-12-30', projectIds: [P.B] });
    expect(res.statusCode).toBe(201);
    // Thu 12-31 (1), Fri 2027-01-01 (2, not known to be a holiday yet), Mon 01-04 (3).
    expect(res.json().registration).toMatchObject({ deadline: { dueDate: '2027-01-04', provisional: true, uncoveredYears: [2027] }, late: false });
    const status = (await get('witness.sun', '/calendar/status')).json();
    expect(status.warnings.map((w: { code: string }) => w.code)).toEqual(['CALENDAR_NEXT_YEAR_MISSING']);
  });

  it('a late registration on a provisional deadline is recorded with the flag in its evidence', async () => {
    clock.set('2027-01-05T00:00:00+08:00');
    const res = await change('witness.sun', 'three', { kind: 'revocation', changedAt: '2026-12-30T11:00:00+08:00', projectIds: [P.D] });
    expect(res.json().registration).toMatchObject({ deadline: { dueDate: '2027-01-04', provisional: true }, late: true });
    const v = (await lateViolations())[2]!;
    expect(v.evidence).toMatchObject({ provisional: true, uncoveredYears: [2027], dueDate: '2027-01-04' });
  });

  it('once the year is loaded, the deadline is final (New Year 01-01…03 off: due 01-05)', async () => {
    clock.set('2027-01-05T10:00:00+08:00');
    const load = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/years/2027',
      headers: await headers('admin'),
      payload: { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], makeupWorkdays: [], source: '测试：2027年元旦安排' },
    });
    expect(load.statusCode).toBe(200);
    const res = await change('witness.sun', 'two', { kind: 'revocation', changedAt: '2026-12-30T12:00:00+08:00', projectIds: [P.A] });
    expect(res.json().registration).toMatchObject({ deadline: { dueDate: '2027-01-05', provisional: false, uncoveredYears: [] }, late: false, violationId: null });
    expect(await lateViolations()).toHaveLength(3);
  });
});

describe('who sees witnesses (enforced in the query)', () => {
  const listIds = async (who: string, query = '') => {
    const res = await get(who, `/witnesses?pageSize=100${query}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(body.items.length);
    // Only this test's witnesses: the demo seed may bring its own.
    const mine = new Set(Object.values(W));
    return (body.items as { id: string }[]).map((w) => w.id).filter((id) => mine.has(id)).sort();
  };
  const ids = (...keys: string[]) => keys.map((k) => W[k]!).sort();

  it.each([
    ['witness.sun', ['one', 'two', 'three', 'four']],
    ['admin', ['one', 'two', 'three', 'four']],
    ['officer.changchun', ['one', 'two', 'three', 'four']],
    // The unit is in 南关区.
    ['officer.nanguan', ['one', 'two', 'three', 'four']],
    // 朝阳区 sees those ever registered on project B, which lies there.
    ['officer.chaoyang', ['one', 'two', 'three']],
    ['officer.jilin', []],
    ['jz.admin', []],
  ])('%s sees %j', async (who, keys) => {
    expect(await listIds(who)).toEqual(ids(...keys));
  });

  it('404 outside the scope, for the witness and for its history', async () => {
    expect((await get('officer.chaoyang', `/witnesses/${W.four}`)).statusCode).toBe(404);
    expect((await get('officer.jilin', `/witnesses/${W.one}/history`)).statusCode).toBe(404);
    expect((await get('jz.admin', `/witnesses/${W.one}`)).json().code).toBe('WITNESS_NOT_FOUND');
  });

  it('filters by project and name', async () => {
    expect(await listIds('admin', `&projectId=${P.D}`)).toEqual(ids('three'));
    expect(await listIds('admin', `&q=${encodeURIComponent('赵')}`)).toEqual(ids('three'));
  });
});
