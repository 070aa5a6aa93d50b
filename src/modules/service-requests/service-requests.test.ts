import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../inspections/test-fixtures.ts';

let h: Harness;
const S = '/api/v1/service-requests';
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.t.close());

describe('靠前服务 (service requests)', () => {
  let id: string;

  it('an agency files a request; its department sees it, another district does not', async () => {
    const res = await h.post('jz.tester', S, { type: 'equipment_connection', description: '新购回弹仪无法接入平台，请协助对接', contactPhone: '0431-88561234' });
    expect(res.statusCode).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({ status: 'requested', statusLabel: '待安排', type: 'equipment_connection', typeLabel: '设备对接', regionCode: '220102', agency: { name: '吉林省建正工程质量检测有限公司' }, createdByName: '高峰', project: null });
    id = r.id;
    expect((await h.get('officer.nanguan', `${S}/${id}`)).statusCode).toBe(200);
    expect((await h.get('officer.changchun', `${S}/${id}`)).statusCode).toBe(200);
    expect((await h.get('officer.chaoyang', `${S}/${id}`)).statusCode).toBe(404);
    expect((await h.get('jk.admin', `${S}/${id}`)).statusCode).toBe(404);
    expect((await h.get('jz.admin', S)).json().items.map((x: { id: string }) => x.id)).toContain(id);
    expect((await h.get('officer.chaoyang', S)).json().items.map((x: { id: string }) => x.id)).not.toContain(id);
  });

  it("a request about a project goes to the project's department; an unknown project is refused", async () => {
    const project = await h.t.deps.db.selectFrom('batches').select('project_id').where('agency_id', '=', h.t.seeded!.organisations['agency-jz']!).executeTakeFirstOrThrow();
    const res = await h.post('jz.tester', S, { type: 'image_capture', description: '现场影像采集终端定位异常', projectId: project.project_id });
    expect(res.json()).toMatchObject({ project: { id: project.project_id }, regionCode: '220102' });
    const bad = await h.post('jz.tester', S, { type: 'other', description: '其他问题', projectId: '00000000-0000-4000-8000-000000000000' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().field).toBe('body.projectId');
  });

  it('only an agency files', async () => {
    expect((await h.post('officer.nanguan', S, { type: 'other', description: '测试' })).statusCode).toBe(403);
  });

  it('the department schedules a visit (a date not past, an officer over the region) and closes it', async () => {
    const nanguan = await h.userId('officer.nanguan');
    const past = await h.post('officer.nanguan', `${S}/${id}/schedule`, { visitDate: '2026-07-14', officerId: nanguan });
    expect(past.json()).toMatchObject({ code: 'VISIT_DATE_PAST', field: 'body.visitDate' });
    const foreign = await h.post('officer.nanguan', `${S}/${id}/schedule`, { visitDate: '2026-07-16', officerId: await h.userId('officer.chaoyang') });
    expect(foreign.json()).toMatchObject({ code: 'VISIT_OFFICER_INVALID', field: 'body.officerId' });
    // The city's officer is over 南关区, but not within the county's jurisdiction.
    const above = await h.post('officer.nanguan', `${S}/${id}/schedule`, { visitDate: '2026-07-16', officerId: await h.userId('officer.changchun') });
    expect(above.statusCode).toBe(422);
    expect((await h.post('jz.admin', `${S}/${id}/schedule`, { visitDate: '2026-07-16', officerId: nanguan })).statusCode).toBe(403);
    expect((await h.post('officer.chaoyang', `${S}/${id}/schedule`, { visitDate: '2026-07-16', officerId: nanguan })).statusCode).toBe(404);

    const scheduled = await h.post('officer.nanguan', `${S}/${id}/schedule`, { visitDate: '2026-07-15', officerId: nanguan });
    expect(scheduled.json()).toMatchObject({ status: 'scheduled', visitDate: '2026-07-15', visitOfficer: { id: nanguan, name: '马志远' } });
    // The city may send one of its own officers instead.
    const moved = await h.post('officer.changchun', `${S}/${id}/schedule`, { visitDate: '2026-07-17', officerId: await h.userId('officer.changchun') });
    expect(moved.json()).toMatchObject({ status: 'scheduled', visitDate: '2026-07-17', visitOfficer: { name: '张丽华' } });

    h.clock.advance(3_600_000);
    const closed = await h.post('officer.nanguan', `${S}/${id}/close`, { note: '已现场指导完成设备对接，数据上传正常' });
    expect(closed.json()).toMatchObject({ status: 'closed', statusLabel: '已办结', closeNote: '已现场指导完成设备对接，数据上传正常' });
    expect((await h.post('officer.nanguan', `${S}/${id}/close`, { note: '再次' })).statusCode).toBe(409);
    expect((await h.post('officer.nanguan', `${S}/${id}/schedule`, { visitDate: '2026-07-20', officerId: nanguan })).statusCode).toBe(409);
    const audit = await h.t.deps.db.selectFrom('audit_log').select('action').where('target_id', '=', id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['service_request.file', 'service_request.schedule', 'service_request.reschedule', 'service_request.close']);
  });

  it('the daily check counts requests opened and closed', async () => {
    const r = await h.post('officer.nanguan', '/api/v1/daily-checks/recompute', {});
    expect(r.statusCode).toBe(200);
    const row = (await h.get('officer.nanguan', '/api/v1/daily-checks?from=2026-07-15&to=2026-07-15')).json().rows[0];
    // With the demo's request filed this morning.
    expect(row).toMatchObject({ regionCode: '220102', serviceRequestsOpened: 3, serviceRequestsClosed: 1 });
  });
});
