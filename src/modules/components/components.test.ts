import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatComponentId, parseComponentId } from './rules/component-id.ts';
import { startHarness, type Harness } from '../projects/test-fixtures.ts';

let h: Harness;
let project: { id: string; name: string };
beforeAll(async () => {
  h = await startHarness({ config: { publicBaseUrl: 'https://qtrace.jl.gov.cn' } });
  project = await h.createProject({ name: '南关区幸福里测试楼' });
});
afterAll(() => h.t.close());

const url = (id = project.id) => `/api/v1/projects/${id}/components`;
const register = (who: string, items: object[], id = project.id) => h.post(who, url(id), { items });
const count = async () =>
  Number((await h.t.deps.db.selectFrom('components').select((eb) => eb.fn.countAll<number>().as('n')).where('project_id', '=', project.id).executeTakeFirstOrThrow()).n);

describe('registering components', () => {
  it('the project\'s contractor registers components; each gets a platform-wide ID with a check character', async () => {
    const res = await register('contractor.zhou', [
      { building: '5#楼', floor: '3层', position: 'A-3轴', componentType: '柱' },
      { building: '5#楼', floor: '3层', position: 'A-B/3轴', componentType: '梁' },
      { building: '5#楼', position: '桩基 ZH-017', componentType: '灌注桩' },
    ]);
    expect(res.statusCode).toBe(201);
    const items = res.json().items;
    expect(items).toHaveLength(3);
    expect(items[2]).toMatchObject({ projectId: project.id, building: '5#楼', floor: null, position: '桩基 ZH-017', componentType: '灌注桩' });
    for (const c of items) expect(parseComponentId(c.code)).toBe(c.code);
    expect(new Set(items.map((c: { code: string }) => c.code)).size).toBe(3);
    const audit = await h.t.deps.db.selectFrom('audit_log').select('target_id').where('action', '=', 'component.register').execute();
    expect(audit.map((a) => a.target_id)).toEqual(expect.arrayContaining(items.map((c: { id: string }) => c.id)));
  });

  it('refuses a component already registered, even typed with full-width characters and extra blanks: 409 naming the item', async () => {
    const before = await count();
    const res = await register('contractor.zhou', [
      { building: '5#楼', floor: '4层', position: 'A-3轴', componentType: '柱' },
      { building: '５＃楼 ', floor: ' ３层', position: 'A-3轴', componentType: ' 柱' },
    ]);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'COMPONENT_DUPLICATE', field: 'body.items.1.position' });
    expect(res.json().message).toContain('QC ');
    // All or nothing: the new first item was not saved either.
    expect(await count()).toBe(before);
  });

  it('refuses the same component twice in one request', async () => {
    const item = { building: '6#楼', floor: '2层', position: '南立面 2-5轴', componentType: '外墙保温' };
    const res = await register('contractor.zhou', [item, { ...item, position: '南立面  2-5轴' }]);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'COMPONENT_DUPLICATE', field: 'body.items.1.position' });
  });

  it('the same description in another project is another component', async () => {
    const other = await h.createProject();
    const a = await register('contractor.zhou', [{ building: '1#楼', floor: '1层', position: 'A-1轴', componentType: '柱' }], other.id);
    const b = await register('contractor.zhou', [{ building: '1#楼', floor: '1层', position: 'A-1轴', componentType: '柱' }]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().items[0].code).not.toBe(b.json().items[0].code);
  });

  it('the database itself refuses a second component with one ID', async () => {
    const row = await h.t.deps.db.selectFrom('components').selectAll().where('project_id', '=', project.id).executeTakeFirstOrThrow();
    await expect(
      h.t.deps.db.insertInto('components').values({ code: row.code, project_id: project.id, building: 'X', floor: null, position: 'Y', component_type: 'Z', note: null, created_by: null, created_at: new Date() }).execute(),
    ).rejects.toThrow(/unique|duplicate/i);
  });

  it('refuses blank description fields, naming them', async () => {
    const res = await register('contractor.zhou', [{ building: '5#楼', position: '   ', componentType: '柱' }]);
    expect(res.json()).toMatchObject({ code: 'COMPONENT_FIELD_REQUIRED', field: 'body.items.0.position' });
  });

  it('only the project\'s contractor or the platform admin registers', async () => {
    const item = [{ building: '9#楼', floor: '1层', position: 'A-9轴', componentType: '柱' }];
    for (const who of ['builder.chen', 'witness.sun', 'officer.nanguan']) expect((await register(who, item)).statusCode).toBe(403);
    expect((await register('jz.tester', item)).statusCode).toBe(404);
    expect((await register('officer.chaoyang', item)).statusCode).toBe(404);
    expect((await register('admin', item)).statusCode).toBe(201);
  });
});

describe('resolving a scanned label', () => {
  it('returns the component and its project, from the ID in any typed form', async () => {
    const c = (await h.get('contractor.zhou', `${url()}?q=A-3轴`)).json().items[0];
    for (const form of [c.code, formatComponentId(c.code).toLowerCase().replace(/ /g, '-')]) {
      const res = await h.get('officer.nanguan', `/api/v1/components/resolve/${encodeURIComponent(form)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ code: c.code, position: 'A-3轴', project: { id: project.id, name: project.name, regionName: '南关区' } });
    }
  });

  it('is scoped: another county\'s officer and an uncommissioned agency get 404', async () => {
    const c = (await h.get('contractor.zhou', url())).json().items[0];
    for (const who of ['officer.chaoyang', 'jz.tester', 'jk.admin']) {
      const res = await h.get(who, `/api/v1/components/resolve/${c.code}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('COMPONENT_NOT_FOUND');
    }
  });

  it('refuses a mistyped ID by its check character, naming the parameter', async () => {
    const c = (await h.get('contractor.zhou', url())).json().items[0];
    const last = c.code.at(-1) === '0' ? '1' : '0';
    const res = await h.get('officer.nanguan', `/api/v1/components/resolve/${c.code.slice(0, -1)}${last}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'COMPONENT_ID_INVALID', field: 'params.componentId' });
  });
});

describe('the label sheet', () => {
  it('is an A4 PDF of the project\'s labels with extractable Chinese text', async () => {
    const res = await h.get('contractor.zhou', `${url()}/labels.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((res.rawPayload.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length).toBe(1);
    if (spawnSync('pdftotext', ['-v']).status === 0) {
      const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: res.rawPayload }).toString('utf8');
      expect(text).toContain('南关区幸福里测试楼');
      expect(text).toContain('桩基 ZH-017');
      const c = (await h.get('contractor.zhou', `${url()}?q=ZH-017`)).json().items[0];
      expect(text).toContain(formatComponentId(c.code));
    }
  });

  it('prints only the listed IDs, and refuses a malformed one naming its position', async () => {
    const items = (await h.get('contractor.zhou', url())).json().items;
    const one = await h.get('contractor.zhou', `${url()}/labels.pdf?codes=${items[0].code}`);
    expect(one.statusCode).toBe(200);
    const bad = await h.get('contractor.zhou', `${url()}/labels.pdf?codes=${items[0].code},QC123`);
    expect(bad.json()).toMatchObject({ code: 'COMPONENT_ID_INVALID', field: 'querystring.codes.1' });
    const otherProject = await h.createProject();
    expect((await h.get('contractor.zhou', `${url(otherProject.id)}/labels.pdf?codes=${items[0].code}`)).statusCode).toBe(404);
  });

  it('is not printed for a project the caller does not see', async () => {
    expect((await h.get('officer.chaoyang', `${url()}/labels.pdf`)).statusCode).toBe(404);
  });
});

describe('listing components', () => {
  it('filters by building and by text, and is scoped by the project', async () => {
    const all = (await h.get('witness.sun', `${url()}?pageSize=100`)).json();
    expect(all.total).toBeGreaterThanOrEqual(4);
    const piles = (await h.get('witness.sun', `${url()}?q=灌注桩`)).json();
    expect(piles.items.map((c: { componentType: string }) => c.componentType)).toEqual(['灌注桩']);
    const byBuilding = (await h.get('witness.sun', `${url()}?building=９＃楼`)).json();
    expect(byBuilding.items.map((c: { building: string }) => c.building)).toEqual(['9#楼']);
    expect((await h.get('officer.chaoyang', url())).statusCode).toBe(404);
  });
});
