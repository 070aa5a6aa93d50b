import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_GEOFENCE_TOLERANCE_METRES } from '../../kernel/policy.ts';
import { checkSite, isInsideSite, type SiteBoundary } from './rules/geo.ts';
import { handlingDepartmentRegion } from './service.ts';
import { projectBody, squareSite, startHarness, type Harness } from './test-fixtures.ts';

let h: Harness;
let nanguan: { id: string; rowVersion: number };
beforeAll(async () => {
  h = await startHarness();
  nanguan = await h.createProject({ name: '南关区测试住宅楼' });
});
afterAll(() => h.t.close());

const P = '/api/v1/projects';

describe('registering a project', () => {
  it('a construction-unit user registers their own unit\'s project, audited', async () => {
    const body = projectBody(h, { name: '南湖花园 3# 楼' });
    const res = await h.post('builder.chen', P, body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: '南湖花园 3# 楼',
      regionCode: '220102',
      regionName: '南关区',
      departmentRegionCode: '220102',
      constructionUnit: { id: h.org('builder-cc'), name: '长春城市开发建设集团有限公司' },
      supervisionUnit: { id: h.org('super-jl') },
      contractor: { id: h.org('contractor-jg') },
      location: body.location,
      site: body.site,
      rowVersion: 1,
    });
    const audit = await h.t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'project.create').where('target_id', '=', res.json().id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ organisation_id: h.org('builder-cc'), region_code: '220102' });
  });

  it('the platform admin registers for a named construction unit, and must name one', async () => {
    const ok = await h.post('admin', P, projectBody(h, { constructionUnitId: h.org('builder-cc') }));
    expect(ok.statusCode).toBe(201);
    const missing = await h.post('admin', P, projectBody(h));
    expect(missing.json()).toMatchObject({ code: 'CONSTRUCTION_UNIT_REQUIRED', field: 'body.constructionUnitId' });
  });

  it('nobody else registers: another unit\'s project, a contractor, an agency, a department', async () => {
    const other = await h.post('builder.chen', P, projectBody(h, { constructionUnitId: h.org('builder-jl') }));
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('PROJECT_OWNER_NOT_OWN');
    for (const who of ['contractor.zhou', 'jz.admin', 'officer.nanguan']) expect((await h.post(who, P, projectBody(h))).statusCode).toBe(403);
  });

  it.each<[string, (b: ReturnType<typeof projectBody>) => object, number, string, string]>([
    ['a city instead of a county', (b) => ({ ...b, regionCode: '220100' }), 400, 'PROJECT_REGION_NOT_COUNTY', 'body.regionCode'],
    ['an unknown region', (b) => ({ ...b, regionCode: '229999' }), 400, 'REGION_UNKNOWN', 'body.regionCode'],
    ['a longitude missing its first digit', (b) => ({ ...b, location: { lng: 25.3562, lat: 43.8468 } }), 400, 'LOCATION_OUTSIDE_CHINA', 'body.location'],
    ['latitude and longitude swapped', (b) => ({ ...b, location: { lng: 43.8468, lat: 125.3562 } }), 400, 'VALIDATION_FAILED', 'body.location.lat'],
    ['a location outside Jilin', (b) => ({ ...b, location: { lng: 116.397, lat: 39.909 } }), 400, 'LOCATION_OUTSIDE_JILIN', 'body.location'],
    ['a location 3 km from the site', (b) => ({ ...b, location: { lng: 125.3562, lat: 43.8738 } }), 400, 'PROJECT_LOCATION_OUTSIDE_SITE', 'body.location'],
    ['a site ring that is not closed', (b) => ({ ...b, site: { type: 'polygon', ring: (b as { site: { ring: number[][] } }).site.ring.slice(0, 4) } }), 400, 'SITE_RING_NOT_CLOSED', 'body.site.ring.3'],
    ['a radius of 5 m', (b) => ({ ...b, site: { type: 'circle', center: [125.3562, 43.8468], radiusMetres: 5 } }), 400, 'SITE_RADIUS_OUT_OF_RANGE', 'body.site.radiusMetres'],
    ['an agency as supervision unit', (b) => ({ ...b, supervisionUnitId: h.org('agency-jz') }), 400, 'PARTICIPANT_WRONG_TYPE', 'body.supervisionUnitId'],
    ['an unknown contractor', (b) => ({ ...b, contractorId: '00000000-0000-4000-8000-000000000000' }), 400, 'PARTICIPANT_UNKNOWN', 'body.contractorId'],
    ['a malformed permit number', (b) => ({ ...b, permitNumber: '2201<>' }), 400, 'PERMIT_NUMBER_INVALID', 'body.permitNumber'],
    ['an unknown field', (b) => ({ ...b, owner: 'x' }), 400, 'VALIDATION_FAILED', 'body.owner'],
  ])('refuses %s, naming the field, saving nothing', async (_what, make, status, code, field) => {
    const before = await h.t.deps.db.selectFrom('projects').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await h.post('builder.chen', P, make(projectBody(h)));
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({ code, field });
    const after = await h.t.deps.db.selectFrom('projects').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses a permit number already registered, however it is spaced or typed', async () => {
    const body = projectBody(h);
    expect((await h.post('builder.chen', P, body)).statusCode).toBe(201);
    const spaced = body.permitNumber.replace(/(\d{4})/g, '$1 ').replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const res = await h.post('builder.chen', P, projectBody(h, { permitNumber: spaced }));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'PERMIT_NUMBER_TAKEN', field: 'body.permitNumber' });
  });

  it('a project in a development zone is handled by its city\'s department', async () => {
    // 长春净月高新技术产业开发区 (220172) has no housing department of its own.
    const centre: [number, number] = [125.4509, 43.8021];
    const p = await h.createProject({ regionCode: '220172', location: { lng: centre[0], lat: centre[1] }, site: squareSite(centre) }, 'builder.chen');
    expect((await h.get('officer.changchun', `${P}/${p.id}`)).json()).toMatchObject({ regionCode: '220172', departmentRegionCode: '220100' });
    expect((await h.get('officer.nanguan', `${P}/${p.id}`)).statusCode).toBe(404);
  });
});

describe('handlingDepartmentRegion', () => {
  it.each([
    ['220102', '220102'],
    ['220171', '220100'],
    ['220581', '220581'],
    ['229901', '229901'],
    ['220100', '220100'],
    ['999999', null],
  ])('%s → %s', async (region, expected) => {
    expect(await handlingDepartmentRegion(h.t.deps.db, region)).toBe(expected);
  });
});

describe('who sees a project', () => {
  it.each([
    ['officer.nanguan', 200],
    ['officer.changchun', 200],
    ['officer.province', 200],
    ['officer.chaoyang', 404],
    ['officer.jilin', 404],
    ['builder.chen', 200],
    ['witness.sun', 200],
    ['contractor.zhou', 200],
    ['jz.tester', 404],
    ['jk.admin', 404],
  ])('%s → %s', async (who, status) => {
    const res = await h.get(who, `${P}/${nanguan.id}`);
    expect(res.statusCode).toBe(status);
    if (status === 404) expect(res.json().code).toBe('PROJECT_NOT_FOUND');
    const listed = (await h.get(who, `${P}?pageSize=100`)).json().items.map((p: { id: string }) => p.id);
    expect(listed.includes(nanguan.id)).toBe(status === 200);
  });

  it('an agency sees the project once commissioned on it, and still after the commission ends', async () => {
    const p = await h.createProject();
    expect((await h.get('jz.tester', `${P}/${p.id}`)).statusCode).toBe(404);
    const c = await h.post('builder.chen', '/api/v1/commissions', { projectId: p.id, agencyId: h.org('agency-jz'), specialties: ['main_structure'] });
    expect(c.statusCode).toBe(201);
    expect((await h.get('jz.tester', `${P}/${p.id}`)).statusCode).toBe(200);
    expect((await h.post('builder.chen', `/api/v1/commissions/${c.json().id}/terminate`, { reason: '合同履行完毕' })).statusCode).toBe(200);
    expect((await h.get('jz.tester', `${P}/${p.id}`)).statusCode).toBe(200);
    expect((await h.get('jk.admin', `${P}/${p.id}`)).statusCode).toBe(404);
  });

  it('a county officer\'s list holds only their county; a filter for another county returns nothing', async () => {
    const list = (await h.get('officer.chaoyang', `${P}?pageSize=100`)).json();
    for (const p of list.items) expect(p.regionCode).toBe('220104');
    expect((await h.get('officer.nanguan', `${P}?regionCode=220104`)).json()).toEqual({ items: [], total: 0 });
  });
});

describe('editing a project', () => {
  it('the owner edits with the row version; a stale edit gets 409 and changes nothing', async () => {
    const p = await h.createProject();
    const url = `${P}/${p.id}`;
    const site: SiteBoundary = { type: 'circle', center: [125.3562, 43.8468], radiusMetres: 150 };
    const first = await h.patch('builder.chen', url, { rowVersion: 1, name: '改名后的项目', site });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ name: '改名后的项目', site, rowVersion: 2 });
    const stale = await h.patch('builder.chen', url, { rowVersion: 1, name: '又一次改名' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'EDIT_CONFLICT', field: 'body.rowVersion' });
    expect((await h.get('builder.chen', url)).json().name).toBe('改名后的项目');
    const audit = await h.t.deps.db.selectFrom('audit_log').select('details').where('action', '=', 'project.update').where('target_id', '=', p.id).executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ changes: { name: { to: '改名后的项目' }, site: { to: site } } });
  });

  it('refuses a location the edited site does not contain, and a participant of the wrong type', async () => {
    const p = await h.createProject();
    const far = await h.patch('builder.chen', `${P}/${p.id}`, { rowVersion: 1, location: { lng: 125.3562, lat: 43.8738 } });
    expect(far.json()).toMatchObject({ code: 'PROJECT_LOCATION_OUTSIDE_SITE', field: 'body.location' });
    const wrong = await h.patch('builder.chen', `${P}/${p.id}`, { rowVersion: 1, contractorId: h.org('super-cc') });
    expect(wrong.json()).toMatchObject({ code: 'PARTICIPANT_WRONG_TYPE', field: 'body.contractorId' });
  });

  it('participants and departments who see it may not edit it (403); others do not see it (404)', async () => {
    for (const who of ['contractor.zhou', 'witness.sun', 'officer.nanguan']) {
      expect((await h.patch(who, `${P}/${nanguan.id}`, { rowVersion: 1, name: '越权修改' })).statusCode).toBe(403);
    }
    expect((await h.patch('officer.chaoyang', `${P}/${nanguan.id}`, { rowVersion: 1, name: '越权修改' })).statusCode).toBe(404);
  });
});

describe('participant options', () => {
  it('lists active organisations of the asked type for the people who register projects', async () => {
    const res = await h.get('builder.chen', `${P}/participant-options?type=supervision_unit&q=华诚`);
    expect(res.json()).toEqual([{ id: h.org('super-jl'), name: '吉林省华诚建设监理有限公司', uscc: expect.any(String), regionName: '南关区' }]);
    expect((await h.get('jz.admin', `${P}/participant-options?type=contractor`)).statusCode).toBe(403);
  });
});

describe('the demo projects', () => {
  it('have sites that contain their location, and geofence points as expected', async () => {
    const { seedRegistryProjects } = await import('../../seed/registry-projects.ts');
    const ids = { ...h.t.seeded!.organisations };
    const seeded = await h.t.deps.db.selectFrom('projects').select('id').where('name', 'like', '长春市%').execute();
    if (seeded.length === 0) await h.t.deps.db.transaction().execute((trx) => seedRegistryProjects(trx, ids, h.t.clock.now()));
    const rows = await h.t.deps.db.selectFrom('projects').selectAll().where('name', 'like', '长春市%').execute();
    expect(rows.map((r) => r.region_code).sort()).toEqual(['220102', '220104']);
    for (const r of rows) {
      expect(checkSite(r.site, [r.location_lng, r.location_lat])).toEqual([]);
      expect(isInsideSite(r.site, [r.location_lng + 0.03, r.location_lat], SITE_GEOFENCE_TOLERANCE_METRES)).toBe(false);
    }
    const components = await h.t.deps.db.selectFrom('components').select('code').where('project_id', 'in', rows.map((r) => r.id)).execute();
    expect(components.length).toBeGreaterThanOrEqual(12);
    const commissions = await h.t.deps.db.selectFrom('commissions').selectAll().where('project_id', 'in', rows.map((r) => r.id)).execute();
    expect(commissions.every((c) => c.agency_id === h.org('agency-jz'))).toBe(true);
    expect((await h.get('jz.tester', `${P}?pageSize=100`)).json().items.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(rows.map((r) => r.id)));
  });
});
