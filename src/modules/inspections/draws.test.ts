import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyRecord, type DrawRecord } from './draws.ts';
import { populationDigest, runDraw } from './rules/random-draw.ts';
import { startHarness, type Harness } from './test-fixtures.ts';

let h: Harness;
let pool: string[];
/** 长春市's population in the period: the demo's own batches there, plus the 10 placed below. */
let population: number;
const D = '/api/v1/random-draws';

beforeAll(async () => {
  h = await startHarness();
  const demo = await h.t.deps.db
    .selectFrom('batches')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('region_code', 'like', '2201%')
    .where('opened_at', '>=', new Date('2026-07-01T00:00:00+08:00'))
    .where('opened_at', '<', new Date('2026-07-16T00:00:00+08:00'))
    .executeTakeFirstOrThrow();
  population = Number(demo.n) + 10;
  // 12 batches across 长春市 (10) and 吉林市 (2) in July, beside the demo's own (南关区, 朝阳区, 07-13 to 07-15).
  for (let i = 0; i < 6; i++) await h.batch({ region: '220102', openedAt: `2026-07-0${i + 1}T09:00:00+08:00`, completedAt: `2026-07-0${i + 1}T10:00:00+08:00`, sealedAt: `2026-07-0${i + 1}T11:00:00+08:00` });
  for (let i = 0; i < 4; i++) await h.batch({ region: '220104', openedAt: `2026-07-0${i + 1}T09:00:00+08:00`, specialty: i % 2 ? 'foundation' : 'main_structure' });
  for (let i = 0; i < 2; i++) await h.batch({ region: '220204', openedAt: `2026-07-0${i + 1}T09:00:00+08:00` });
  pool = [await h.userId('officer.changchun'), await h.userId('officer.nanguan'), await h.userId('officer.chaoyang')];
});
afterAll(() => h.t.close());

const body = (over: object = {}) => ({
  title: '2026年7月长春市现场检测随机抽查',
  regionCode: '220100',
  kind: 'batches',
  periodFrom: '2026-07-01',
  periodTo: '2026-07-15',
  sampleSize: 3,
  inspectorPool: pool,
  inspectorCount: 2,
  ...over,
});

describe('publishing and drawing (双随机)', () => {
  let draw: { id: string; seed: string; populationDigest: string; selection: { id: string }[]; inspectors: { id: string }[] };

  it('publishes the seed and the frozen population before anything is drawn', async () => {
    const res = await h.post('officer.changchun', D, body());
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({ status: 'published', kind: 'batches', regionCode: '220100', populationSize: population, sampleSize: 3, selection: null, inspectors: null, findings: [] });
    expect(d.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(d.inspectorPool.map((p: { name: string }) => p.name).sort()).toEqual(['张丽华', '杨晓东', '马志远'].sort());
    const record = (await h.get('officer.changchun', `${D}/${d.id}/record`)).json() as DrawRecord;
    expect(record.population).toHaveLength(population);
    expect(populationDigest(record.population)).toBe(d.populationDigest);
    const audit = await h.t.deps.db.selectFrom('audit_log').select('details').where('action', '=', 'random_draw.publish').where('target_id', '=', d.id).executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ seed: d.seed, populationDigest: d.populationDigest, populationSize: population });
    draw = d;
  });

  it('draws once, from the published seed and population; a second draw is refused', async () => {
    const res = await h.post('officer.changchun', `${D}/${draw.id}/draw`);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.status).toBe('drawn');
    expect(d.selection).toHaveLength(3);
    expect(d.inspectors).toHaveLength(2);
    const record = (await h.get('officer.changchun', `${D}/${draw.id}/record`)).json() as DrawRecord;
    const expected = runDraw({ population: record.population, sampleSize: 3, inspectorPool: pool, inspectorCount: 2, seed: draw.seed });
    expect(d.selection.map((s: { id: string }) => s.id)).toEqual(expected.selection);
    expect(d.inspectors.map((s: { id: string }) => s.id)).toEqual(expected.inspectors);
    expect(d.selection[0]).toMatchObject({ kind: 'batch', label: expect.stringMatching(/^JC-2026-\d{6}$/), agencyName: '吉林省建正工程质量检测有限公司' });
    const again = await h.post('officer.changchun', `${D}/${draw.id}/draw`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('RANDOM_DRAW_ALREADY_DRAWN');
    draw = d;
  });

  it('a re-run with the same seed and population gives the same selection: through the API and offline', async () => {
    const v = (await h.get('officer.province', `${D}/${draw.id}/verify`)).json();
    expect(v).toMatchObject({ matches: true, populationDigestMatches: true, poolDigestMatches: true });
    expect(v.selection).toEqual(draw.selection.map((s) => s.id));
    const record = (await h.get('officer.changchun', `${D}/${draw.id}/record`)).json() as DrawRecord;
    expect(verifyRecord(record).matches).toBe(true);
    // The population in another order re-runs to the same selection; an altered one is detected.
    expect(verifyRecord({ ...record, population: [...record.population].reverse() }).matches).toBe(true);
    expect(verifyRecord({ ...record, population: record.population.slice(1) }).matches).toBe(false);
    expect(verifyRecord({ ...record, seed: record.seed.replace(/.$/, (c) => (c === '0' ? '1' : '0')) }).matches).toBe(false);
  });

  it('the published facts cannot be changed in the database', async () => {
    await expect(h.t.deps.db.updateTable('random_draws').set({ seed: 'f'.repeat(64) }).where('id', '=', draw.id).execute()).rejects.toThrow(/cannot change/);
    await expect(h.t.deps.db.deleteFrom('random_draws').where('id', '=', draw.id).execute()).rejects.toThrow(/never deleted/);
  });

  it('filters the population by region, specialty and period; draws agencies too', async () => {
    const foundation = (await h.post('officer.chaoyang', D, body({ regionCode: '220104', specialty: 'foundation', inspectorPool: [pool[2]], inspectorCount: 1 }))).json();
    expect(foundation.populationSize).toBe(2);
    const early = (await h.post('officer.changchun', D, body({ periodFrom: '2026-07-01', periodTo: '2026-07-02' }))).json();
    expect(early.populationSize).toBe(4);
    const agencies = (await h.post('officer.changchun', D, body({ kind: 'agencies', sampleSize: 5 }))).json();
    expect(agencies.populationSize).toBe(1);
    const drawn = (await h.post('officer.changchun', `${D}/${agencies.id}/draw`)).json();
    expect(drawn.selection).toEqual([expect.objectContaining({ kind: 'agency', label: '吉林省建正工程质量检测有限公司' })]);
  });

  it.each([
    ['a region outside the jurisdiction', () => body({ regionCode: '220200' }), 404, 'REGION_NOT_FOUND'],
    ['more inspectors than the pool', () => body({ inspectorCount: 4 }), 422, 'INSPECTOR_COUNT_TOO_LARGE'],
  ])('refuses %s', async (_l, b, status, code) => {
    const res = await h.post('officer.changchun', D, b());
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
  });

  it('refuses an inspector from outside the jurisdiction', async () => {
    const res = await h.post('officer.nanguan', D, body({ regionCode: '220102', inspectorPool: [pool[1], pool[0]] }));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'INSPECTOR_NOT_IN_JURISDICTION', field: 'body.inspectorPool.1' });
  });

  it('another city does not see the draw; an agency may not publish', async () => {
    expect((await h.get('officer.jilin', `${D}/${draw.id}`)).statusCode).toBe(404);
    expect((await h.get('officer.jilin', `${D}/${draw.id}/verify`)).statusCode).toBe(404);
    expect((await h.post('jz.admin', D, body())).statusCode).toBe(403);
    const list = (await h.get('officer.jilin', D)).json();
    expect(list.items.map((d: { id: string }) => d.id)).not.toContain(draw.id);
  });
});

describe('findings', () => {
  let drawId: string;
  let items: string[];
  let inspectors: string[];
  beforeAll(async () => {
    const d = (await h.post('officer.changchun', D, body({ regionCode: '220102', title: '南关区抽查' }))).json();
    const drawn = (await h.post('officer.changchun', `${D}/${d.id}/draw`)).json();
    drawId = d.id;
    items = drawn.selection.map((s: { id: string }) => s.id);
    inspectors = drawn.inspectors.map((s: { id: string }) => s.id);
  });

  it('a drawn inspector records a finding, which becomes a violation once', async () => {
    const who = inspectors.includes(pool[1]!) ? 'officer.nanguan' : inspectors.includes(pool[2]!) ? 'officer.chaoyang' : 'officer.changchun';
    // A county officer in the pool sees a city's draw to do the inspection.
    expect((await h.get(who, `${D}/${drawId}`)).statusCode).toBe(200);
    const f = await h.post(who, `${D}/${drawId}/findings`, { itemId: items[0], outcome: 'problem', note: '现场影像与原始记录时间不一致' });
    expect(f.statusCode).toBe(201);
    expect(f.json()).toMatchObject({ itemKind: 'batch', itemId: items[0], outcome: 'problem', violationId: null });
    const v = await h.post('officer.changchun', `/api/v1/inspection-findings/${f.json().id}/violation`, { type: 'other' });
    expect(v.statusCode).toBe(201);
    const violation = await h.t.deps.db.selectFrom('violations').selectAll().where('id', '=', v.json().violationId).executeTakeFirstOrThrow();
    const batch = await h.t.deps.db.selectFrom('batches').select(['agency_id', 'batch_number', 'project_id']).where('id', '=', items[0]!).executeTakeFirstOrThrow();
    expect(violation).toMatchObject({ source: 'officer', type: 'other', organisation_id: batch.agency_id, batch_ref: batch.batch_number, project_id: batch.project_id, region_code: '220102' });
    expect(violation.evidence).toMatchObject({ findingId: f.json().id, inspection: { kind: 'random_draw', id: drawId } });
    const again = await h.post('officer.changchun', `/api/v1/inspection-findings/${f.json().id}/violation`, { type: 'other' });
    expect(again.statusCode).toBe(409);
    const detail = (await h.get('officer.changchun', `${D}/${drawId}`)).json();
    expect(detail.findings).toEqual([expect.objectContaining({ id: f.json().id, violationId: v.json().violationId })]);
  });

  it('a finding without a problem cannot become a violation; an item not drawn is refused', async () => {
    const ok = await h.post('officer.changchun', `${D}/${drawId}/findings`, { itemId: items[1], outcome: 'compliant', note: '资料齐全' });
    expect(ok.statusCode).toBe(201);
    const v = await h.post('officer.changchun', `/api/v1/inspection-findings/${ok.json().id}/violation`, { type: 'other' });
    expect(v.statusCode).toBe(422);
    const other = (await h.t.deps.db.selectFrom('batches').select('id').where('region_code', '=', '220204').executeTakeFirstOrThrow()).id;
    const notDrawn = await h.post('officer.changchun', `${D}/${drawId}/findings`, { itemId: other, outcome: 'problem', note: '不在样本中' });
    expect(notDrawn.json().code).toBe('ITEM_NOT_DRAWN');
  });

  it('another city cannot turn the finding into a violation (404)', async () => {
    const f = (await h.post('officer.changchun', `${D}/${drawId}/findings`, { itemId: items[2], outcome: 'problem', note: '缺少见证记录' })).json();
    expect((await h.post('officer.jilin', `/api/v1/inspection-findings/${f.id}/violation`, { type: 'other' })).statusCode).toBe(404);
  });

  it('findings are append-only', async () => {
    await expect(h.t.deps.db.updateTable('inspection_findings').set({ note: '改' }).execute()).rejects.toThrow(/append-only/);
  });
});

describe('special inspections (专项检查)', () => {
  const C = '/api/v1/special-campaigns';
  it('freezes the worklist at the start, records findings, closes with a summary', async () => {
    const res = await h.post('officer.nanguan', C, { title: '南关区7月主体结构专项检查', regionCode: '220102', specialty: 'main_structure', periodFrom: '2026-07-01', periodTo: '2026-07-06' });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ status: 'open', worklistSize: 6, inspectedCount: 0 });
    // A batch opened in the period later does not join the frozen worklist.
    await h.batch({ region: '220102', openedAt: '2026-07-03T15:00:00+08:00' });
    const f = await h.post('officer.nanguan', `${C}/${c.id}/findings`, { batchId: c.worklist[0].batchId, outcome: 'problem', note: '回弹测区数量不足' });
    expect(f.statusCode).toBe(201);
    const v = await h.post('officer.nanguan', `/api/v1/inspection-findings/${f.json().id}/violation`, { type: 'other', intentional: false });
    expect(v.statusCode).toBe(201);
    const detail = (await h.get('officer.nanguan', `${C}/${c.id}`)).json();
    expect(detail).toMatchObject({ worklistSize: 6, inspectedCount: 1, problemCount: 1 });
    expect(detail.worklist[0]).toMatchObject({ position: 1, latestOutcome: 'problem' });
    // The city sees the county's campaign but only the county closes it.
    expect((await h.post('officer.changchun', `${C}/${c.id}/close`, { summary: '总结' })).statusCode).toBe(403);
    const closed = await h.post('officer.nanguan', `${C}/${c.id}/close`, { summary: '抽查6个批次，发现1个问题，已立案处理。' });
    expect(closed.json()).toMatchObject({ status: 'closed', summary: '抽查6个批次，发现1个问题，已立案处理。' });
    const late = await h.post('officer.nanguan', `${C}/${c.id}/findings`, { batchId: c.worklist[1].batchId, outcome: 'compliant', note: '结束后' });
    expect(late.statusCode).toBe(409);
    expect((await h.get('officer.chaoyang', `${C}/${c.id}`)).statusCode).toBe(404);
    const audit = await h.t.deps.db.selectFrom('audit_log').select('action').where('target_id', '=', c.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['special_campaign.open', 'special_campaign.close']);
  });

  it('an anomaly type narrows the worklist to batches with that anomaly', async () => {
    const c = (await h.post('officer.nanguan', C, { title: '见证专项', regionCode: '220102', periodFrom: '2026-07-14', periodTo: '2026-07-15', anomalyKind: 'witness_no_checkin' })).json();
    // Batches opened in the period (Beijing dates) with that anomaly.
    const expected = await h.t.deps.db
      .selectFrom('anomalies as a')
      .innerJoin('batches as b', 'b.id', 'a.batch_id')
      .select('a.batch_id')
      .distinct()
      .where('a.kind', '=', 'witness_no_checkin')
      .where('a.region_code', '=', '220102')
      .where('b.opened_at', '>=', new Date('2026-07-14T00:00:00+08:00'))
      .where('b.opened_at', '<', new Date('2026-07-16T00:00:00+08:00'))
      .execute();
    expect(c.worklistSize).toBe(expected.length);
    expect(c.worklistSize).toBeGreaterThan(0);
  });
});
