import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import type { CatalogueDocumentDef } from './schema.ts';
import { catalogueChecksum, ensureCatalogueLoaded, findItem, getCatalogueVersion, getCurrentCatalogue, validateRecordValues } from './service.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'officer.province', 'jz.tester']) cookies[u] = await t.login(u);
});
afterAll(() => t.close());

const get = (who: string, url: string) => t.app.inject({ url, headers: { cookie: cookies[who]! } });
const publish = (who: string, payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/catalogue/versions', headers: { cookie: cookies[who]! }, payload });

async function currentDocument(): Promise<CatalogueDocumentDef> {
  return structuredClone((await get('admin', '/api/v1/catalogue')).json().document) as CatalogueDocumentDef;
}

describe('the catalogue as loaded at start', () => {
  it('is version 1 with the nine specialties, for every signed-in user, not for anonymous callers', async () => {
    const res = await get('jz.tester', '/api/v1/catalogue');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ version: 1, authorName: '平台（随软件发布）' });
    expect(body.document.specialties).toHaveLength(9);
    expect(body.itemCount).toBeGreaterThanOrEqual(40);
    expect(body.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect((await t.app.inject({ url: '/api/v1/catalogue' })).statusCode).toBe(401);
  });

  it('keeps a checksum that anyone can recompute from the stored document', async () => {
    const row = await t.deps.db.selectFrom('catalogue_versions').select(['document', 'checksum']).where('version', '=', 1).executeTakeFirstOrThrow();
    expect(catalogueChecksum(row.document as unknown as CatalogueDocumentDef)).toBe(row.checksum);
  });

  it('is loaded once: a second start finds it and adds nothing', async () => {
    expect(await ensureCatalogueLoaded(t.deps.db, t.clock.now())).toBe(false);
    const rows = await t.deps.db.selectFrom('catalogue_versions').select('version').execute();
    expect(rows.map((r) => r.version)).toContain(1);
    const loads = await t.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'catalogue.load').execute();
    expect(loads).toHaveLength(1);
  });

  it('serves other modules: find an item and check a raw record against it', async () => {
    const c = await getCurrentCatalogue(t.deps.db);
    const ref = findItem(c, 'rebar_cover')!;
    expect(ref.specialty).toBe('main_structure');
    expect(validateRecordValues(ref.item, { memberType: 'beam', rebarDiameter: 20, designCover: 25, measuredCover: 27 })).toEqual([]);
    expect(validateRecordValues(ref.item, { memberType: 'beam', rebarDiameter: 20, designCover: 25, measuredCover: 250 })).toEqual([
      expect.objectContaining({ field: 'measuredCover', code: 'RECORD_FIELD_ABOVE_MAX' }),
    ]);
    expect(await getCatalogueVersion(t.deps.db, 999)).toBeNull();
  });
});

describe('publishing a new version', () => {
  it('only the platform admin publishes', async () => {
    const res = await publish('officer.province', { basedOnVersion: 1, note: '增加项目', document: await currentDocument() });
    expect(res.statusCode).toBe(403);
  });

  it('refuses a document that breaks a rule, naming the field, and publishes nothing', async () => {
    const doc = await currentDocument();
    doc.specialties[7]!.items[1]!.code = doc.specialties[7]!.items[0]!.code;
    const res = await publish('admin', { basedOnVersion: 1, note: '重复代码', document: doc });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'CATALOGUE_ITEM_CODE_DUPLICATE', field: 'body.document.specialties.7.items.1.code' });
    const range = await currentDocument();
    Object.assign(range.specialties[1]!.items[0]!.fields[1]!, { min: 70, max: 60 });
    const r2 = await publish('admin', { basedOnVersion: 1, note: '范围颠倒', document: range });
    expect(r2.json()).toMatchObject({ code: 'CATALOGUE_FIELD_RANGE_INVERTED', field: 'body.document.specialties.1.items.0.fields.1.max' });
    expect((await get('admin', '/api/v1/catalogue')).json().version).toBe(1);
  });

  it('refuses a structurally invalid document through the schema, naming the field', async () => {
    const doc = await currentDocument();
    doc.specialties[1]!.items[0]!.minImages = -1;
    const res = await publish('admin', { basedOnVersion: 1, note: '负数', document: doc });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body.document.specialties.1.items.0.minImages' });
  });

  it('refuses a document identical to the current one', async () => {
    const res = await publish('admin', { basedOnVersion: 1, note: '无修改', document: await currentDocument() });
    expect(res.json()).toMatchObject({ code: 'CATALOGUE_UNCHANGED', field: 'body.document' });
  });

  it('publishes version 2 beside an unchanged version 1, audited; a stale edit gets 409', async () => {
    const doc = await currentDocument();
    const road = doc.specialties.find((s) => s.code === 'road')!;
    road.items.push({
      code: 'roadbed_cbr_site',
      name: '路基现场CBR试验',
      standard: 'JTG 3450-2019《公路路基路面现场测试规程》',
      autoCollected: false,
      minImages: 2,
      fields: [{ key: 'cbr', label: 'CBR值', type: 'number', unit: '%', min: 0, max: 200, required: true }],
    });
    const res = await publish('admin', { basedOnVersion: 1, note: '道路工程增加现场CBR试验', document: doc });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ version: 2, authorName: '平台管理员', changes: { added: ['roadbed_cbr_site'], removed: [], changed: [] } });

    expect((await get('jz.tester', '/api/v1/catalogue')).json().version).toBe(2);
    const v1 = (await get('jz.tester', '/api/v1/catalogue/versions/1')).json();
    expect(findItem(v1, 'roadbed_cbr_site')).toBeNull();
    expect(findItem((await getCatalogueVersion(t.deps.db, 2))!, 'roadbed_cbr_site')).not.toBeNull();
    const versions = (await get('jz.tester', '/api/v1/catalogue/versions')).json();
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[0].itemCount).toBe(versions[1].itemCount + 1);

    const audit = await t.deps.db.selectFrom('audit_log').select(['details', 'actor_name']).where('action', '=', 'catalogue.publish').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ version: 2, basedOn: 1, changes: { added: ['roadbed_cbr_site'] } });

    const stale = await publish('admin', { basedOnVersion: 1, note: '基于旧版本的修改', document: doc });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'EDIT_CONFLICT', field: 'body.basedOnVersion' });
  });

  it('answers 404 for a version that does not exist', async () => {
    const res = await get('jz.tester', '/api/v1/catalogue/versions/99');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('CATALOGUE_VERSION_NOT_FOUND');
  });

  it('a published version cannot be changed or deleted, even in the database', async () => {
    await expect(sql`update catalogue_versions set note = 'x' where version = 1`.execute(t.deps.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from catalogue_versions where version = 1`.execute(t.deps.db)).rejects.toThrow(/append-only/);
  });
});
