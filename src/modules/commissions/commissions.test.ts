import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../kernel/auth/actor.ts';
import { ManualClock } from '../../kernel/clock.ts';
import { addDays, beijingDate, validityEnd } from '../../kernel/time.ts';
import { startHarness, type Harness } from '../projects/test-fixtures.ts';
import { activeMarketRestriction, commissionCovers, liftMarketRestriction, recordMarketRestriction } from './service.ts';

let h: Harness;
let project: { id: string };
beforeAll(async () => {
  h = await startHarness();
  project = await h.createProject({ name: '委托测试项目' });
});
afterAll(() => h.t.close());

const C = '/api/v1/commissions';
const commission = (payload: object, who = 'builder.chen') => h.post(who, C, payload);
const system = (now: Date): RequestContext => ({ actor: { kind: 'system', name: 'enforcement-test' }, requestId: 'test', clientIp: null, now });

describe('commissioning an agency', () => {
  it('the construction unit commissions a connected agency within its qualification, audited', async () => {
    const res = await commission({ projectId: project.id, agencyId: h.org('agency-jz'), specialties: ['foundation', 'main_structure'], contractNumber: 'WT-2026-001' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      project: { id: project.id, name: '委托测试项目' },
      agency: { id: h.org('agency-jz'), name: '吉林省建正工程质量检测有限公司' },
      constructionUnit: { id: h.org('builder-cc') },
      // Stored in the standard's order.
      specialties: ['main_structure', 'foundation'],
      status: 'active',
      contractNumber: 'WT-2026-001',
    });
    const audit = await h.t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'commission.create').where('target_id', '=', res.json().id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ region_code: '220102', organisation_id: h.org('builder-cc') });
  });

  it('refuses a specialty outside the agency\'s qualification, naming which one', async () => {
    const res = await commission({ projectId: project.id, agencyId: h.org('agency-jz'), specialties: ['building_energy', 'road'] });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'COMMISSION_SPECIALTY_NOT_QUALIFIED', field: 'body.specialties.1' });
    expect(res.json().message).toContain('道路工程');
  });

  it('refuses a specialty whose qualification has lapsed, with that reason', async () => {
    // A second, verified certificate of 建正 for 桥梁及地下工程 that ran out yesterday.
    const today = beijingDate(h.t.clock.now());
    await h.t.deps.db
      .insertInto('agency_qualifications')
      .values({
        agency_id: h.org('agency-jz'),
        certificate_number: '吉建检资字第 220011 号',
        grade: 'specialised',
        specialties: ['bridge_underground'],
        valid_from: addDays(today, -1000),
        valid_to: addDays(today, -1),
        issuer: '吉林省住房和城乡建设厅',
        document_id: null,
        replaces_id: null,
        status: 'verified',
        submitted_by: null,
        submitted_at: h.t.clock.now(),
        decided_by: null,
        decided_at: h.t.clock.now(),
        decision_reason: null,
      })
      .execute();
    const res = await commission({ projectId: project.id, agencyId: h.org('agency-jz'), specialties: ['bridge_underground'] });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'COMMISSION_QUALIFICATION_LAPSED', field: 'body.specialties.0' });
  });

  it.each([
    ['an agency without verified equipment (长春建科)', 'agency-jk'],
    ['an out-of-province agency whose 入吉备案 has expired (沈阳华建)', 'agency-ln'],
  ])('refuses %s as not connected', async (_what, key) => {
    const res = await commission({ projectId: project.id, agencyId: h.org(key), specialties: ['main_structure'] });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'AGENCY_NOT_CONNECTED', field: 'body.agencyId' });
  });

  it('refuses a market-restricted agency while the restriction is in force, and accepts it once lifted', async () => {
    const now = h.t.clock.now();
    const other = await h.createProject();
    const restriction = await h.t.deps.db.transaction().execute((trx) =>
      recordMarketRestriction(trx, system(now), {
        organisationId: h.org('agency-jz'),
        reason: '伪造检测数据，信用降级',
        restrictedFrom: new Date(now.getTime() - 60_000),
        restrictedUntil: new Date(now.getTime() + 180 * 86_400_000),
        decidedBy: h.org('dept-nanguan'),
        caseReference: '南住建罚〔2026〕12号',
      }),
    );
    const res = await commission({ projectId: other.id, agencyId: h.org('agency-jz'), specialties: ['main_structure'] });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'COMMISSION_AGENCY_RESTRICTED', field: 'body.agencyId' });
    expect(res.json().message).toContain('伪造检测数据');
    const liftedAt = h.t.clock.now();
    await h.t.deps.db.transaction().execute((trx) => liftMarketRestriction(trx, system(liftedAt), restriction.id, '复核后撤销'));
    expect(await activeMarketRestriction(h.t.deps.db, h.org('agency-jz'), liftedAt)).toBeNull();
    expect(await activeMarketRestriction(h.t.deps.db, h.org('agency-jz'), new Date(liftedAt.getTime() - 1))).toMatchObject({ id: restriction.id, caseReference: '南住建罚〔2026〕12号' });
    const after = await commission({ projectId: other.id, agencyId: h.org('agency-jz'), specialties: ['main_structure'] });
    expect(after.statusCode).toBe(201);
    const trail = await h.t.deps.db.selectFrom('audit_log').select('action').where('target_id', '=', restriction.id).orderBy('id').execute();
    expect(trail.map((a) => a.action)).toEqual(['market_restriction.create', 'market_restriction.lift']);
  });

  it('refuses a commission the agency already holds, naming the specialty', async () => {
    const res = await commission({ projectId: project.id, agencyId: h.org('agency-jz'), specialties: ['building_energy', 'foundation'] });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'COMMISSION_DUPLICATE', field: 'body.specialties.1' });
  });

  it.each<[string, () => object, number, string, string | undefined]>([
    ['an organisation that is not an agency', () => ({ projectId: project.id, agencyId: h.org('super-jl'), specialties: ['main_structure'] }), 400, 'AGENCY_UNKNOWN', 'body.agencyId'],
    ['an unknown specialty', () => ({ projectId: project.id, agencyId: h.org('agency-jz'), specialties: ['landscaping'] }), 400, 'VALIDATION_FAILED', 'body.specialties.0'],
    ['a specialty twice', () => ({ projectId: project.id, agencyId: h.org('agency-jz'), specialties: ['steel_structure', 'steel_structure'] }), 400, 'VALIDATION_FAILED', 'body.specialties'],
    ['no specialty', () => ({ projectId: project.id, agencyId: h.org('agency-jz'), specialties: [] }), 400, 'VALIDATION_FAILED', 'body.specialties'],
  ])('refuses %s', async (_what, body, status, code, field) => {
    const res = await commission(body());
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({ code, field });
  });

  it('only the project\'s construction unit commissions: others who see it get 403, others 404', async () => {
    const body = { projectId: project.id, agencyId: h.org('agency-jz'), specialties: ['steel_structure'] };
    for (const who of ['contractor.zhou', 'jz.admin', 'officer.nanguan', 'admin']) expect((await commission(body, who)).statusCode).toBe(403);
    const foreign = await h.createProject({ constructionUnitId: h.org('builder-jl') }, 'admin');
    const res = await commission({ ...body, projectId: foreign.id });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('PROJECT_NOT_FOUND');
  });
});

describe('who sees a commission', () => {
  it.each([
    ['builder.chen', true],
    ['jz.admin', true],
    ['witness.sun', true],
    ['contractor.zhou', true],
    ['officer.nanguan', true],
    ['officer.changchun', true],
    ['officer.chaoyang', false],
    ['jk.admin', false],
  ])('%s → %s', async (who, sees) => {
    const list = (await h.get(who, `${C}?projectId=${project.id}`)).json();
    expect(list.total > 0).toBe(sees);
    const one = (await h.get('builder.chen', `${C}?projectId=${project.id}`)).json().items[0];
    expect((await h.get(who, `${C}/${one.id}`)).statusCode).toBe(sees ? 200 : 404);
  });
});

describe('terminating and coverage', () => {
  it('the commissioning unit terminates with a reason; the record stays; coverage ends at that instant', async () => {
    const p = await h.createProject();
    const made = await commission({ projectId: p.id, agencyId: h.org('agency-jz'), specialties: ['steel_structure'] });
    const id = made.json().id;
    const at = h.t.clock.now();
    expect(await commissionCovers(h.t.deps.db, id, h.org('agency-jz'), 'steel_structure', at)).toEqual({ covers: true, projectId: p.id });
    expect(await commissionCovers(h.t.deps.db, id, h.org('agency-jz'), 'foundation', at)).toMatchObject({ covers: false, code: 'COMMISSION_SPECIALTY_NOT_COVERED' });
    expect(await commissionCovers(h.t.deps.db, id, h.org('agency-jk'), 'steel_structure', at)).toMatchObject({ covers: false, code: 'COMMISSION_OTHER_AGENCY' });
    expect(await commissionCovers(h.t.deps.db, '00000000-0000-4000-8000-000000000000', h.org('agency-jz'), 'steel_structure', at)).toMatchObject({ covers: false, code: 'COMMISSION_NOT_FOUND' });

    expect((await h.post('jz.admin', `${C}/${id}/terminate`, { reason: '机构单方终止' })).statusCode).toBe(403);
    expect((await h.post('builder.chen', `${C}/${id}/terminate`, {})).json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body.reason' });
    const res = await h.post('builder.chen', `${C}/${id}/terminate`, { reason: '施工合同解除' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'terminated', terminationReason: '施工合同解除' });
    const terminatedAt = new Date(res.json().terminatedAt);
    expect(await commissionCovers(h.t.deps.db, id, h.org('agency-jz'), 'steel_structure', terminatedAt)).toMatchObject({ covers: false, code: 'COMMISSION_TERMINATED' });
    expect(await commissionCovers(h.t.deps.db, id, h.org('agency-jz'), 'steel_structure', new Date(terminatedAt.getTime() - 1))).toMatchObject({ covers: true });
    const again = await h.post('builder.chen', `${C}/${id}/terminate`, { reason: '再次终止' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('COMMISSION_ALREADY_TERMINATED');
    expect((await h.get('jz.admin', `${C}?projectId=${p.id}&status=terminated`)).json().total).toBe(1);
    // A new commission for the same specialty is possible once the old one has ended.
    expect((await commission({ projectId: p.id, agencyId: h.org('agency-jz'), specialties: ['steel_structure'] })).statusCode).toBe(201);
  });
});

describe('a qualification lapsing at midnight', () => {
  let m: Harness;
  // Sessions stay alive: the clock starts an hour before the lapse (the idle timeout is longer).
  const clock = new ManualClock('2026-05-12T23:00:00+08:00');
  beforeAll(async () => {
    m = await startHarness({ clock });
  });
  afterAll(() => m.t.close());

  it('a connected agency is commissioned one second before and refused one second after', async () => {
    // 建正's only qualification runs to the end of 2026-05-12 (Beijing): it lapses at 2026-05-13T00:00:00+08:00.
    await m.t.deps.db.updateTable('agency_qualifications').set({ valid_to: '2026-05-12' }).where('agency_id', '=', m.org('agency-jz')).execute();
    const lapse = validityEnd('2026-05-12');
    expect(lapse.toISOString()).toBe('2026-05-12T16:00:00.000Z');
    const a = await m.createProject();
    const b = await m.createProject();
    clock.set(lapse.getTime() - 1000);
    const before = await m.post('builder.chen', C, { projectId: a.id, agencyId: m.org('agency-jz'), specialties: ['foundation'] });
    expect(before.statusCode).toBe(201);
    clock.set(lapse.getTime() + 1000);
    const after = await m.post('builder.chen', C, { projectId: b.id, agencyId: m.org('agency-jz'), specialties: ['foundation'] });
    expect(after.statusCode).toBe(422);
    expect(after.json()).toMatchObject({ code: 'AGENCY_NOT_CONNECTED', field: 'body.agencyId' });
    // The commission made in time stays, but no longer covers testing after the lapse.
    expect(await commissionCovers(m.t.deps.db, before.json().id, m.org('agency-jz'), 'foundation', clock.now())).toMatchObject({ covers: false, code: 'COMMISSION_QUALIFICATION_LAPSED' });
  });
});
