import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../kernel/auth/actor.ts';
import { ManualClock } from '../../kernel/clock.ts';
import { projectBody, startHarness, type Harness } from '../projects/test-fixtures.ts';
import { recordViolation } from '../violations/index.ts';

// The demo seed runs at the clock's start, in December 2025, so its own 迟传 falls outside the year under test.
const clock = new ManualClock('2025-12-01T09:00:00+08:00');
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ clock });
});
afterAll(() => h.t.close());

const at = (s: string) => clock.set(`${s}+08:00`);
const sessions = new Map<string, { cookie: string; at: number }>();
async function cookieOf(who: string): Promise<string> {
  const s = sessions.get(who);
  if (s && Math.abs(clock.now().getTime() - s.at) < 3600_000) return s.cookie;
  const cookie = await h.t.login(who);
  sessions.set(who, { cookie, at: clock.now().getTime() });
  return cookie;
}
const get = async (who: string, url: string) => h.t.app.inject({ url, headers: { cookie: await cookieOf(who) } });
const post = async (who: string, url: string, payload: object = {}) => h.t.app.inject({ method: 'POST', url, headers: { cookie: await cookieOf(who) }, payload });
async function ok(who: string, when: string, url: string, body: object = {}) {
  at(when);
  const res = await post(who, url, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const C = '/api/v1/enforcement/cases';
const sys = (): RequestContext => ({ actor: { kind: 'system', name: 'upload-deadline' }, requestId: 'test', clientIp: null, now: clock.now() });
const late = (orgKey: string, when: string) => {
  at(when);
  return h.t.deps.db.transaction().execute((trx) =>
    recordViolation(trx, sys(), { organisationId: h.org(orgKey), type: 'late_upload', occurredAt: clock.now(), source: 'automatic', evidence: { batch: when } }),
  );
};
const openCase = async (orgKey: string, rung: string) =>
  ((await get('admin', `${C}?organisationId=${h.org(orgKey)}&open=true`)).json().items as { id: string; rung: string }[]).find((c) => c.rung === rung)!;
const adverse = (orgKey: string) =>
  h.t.deps.db.selectFrom('credit_entries').select(['kind', 'points']).where('organisation_id', '=', h.org(orgKey)).where('kind', 'in', ['violation', 'penalty']).execute();

/**
 * 五: two unintentional late uploads, interviewed and rectified on time — in May they stay out of the credit record,
 * in July they enter it. The same handling, month for month, by the same department (南关区 / 朝阳区).
 */
async function twoLateUploadsHandledOnTime(orgKey: string, officer: string, admin: string, month: string) {
  await late(orgKey, `2026-${month}-04T12:00:00`);
  const interview = await openCase(orgKey, 'interview');
  await ok(officer, `2026-${month}-05T09:00:00`, `${C}/${interview.id}/confirm`);
  await ok(officer, `2026-${month}-08T09:00:00`, `${C}/${interview.id}/interview`, {
    heldAt: `2026-${month}-08T09:00:00+08:00`,
    attendees: '区住建局监管人员；机构负责人',
    minutes: '约谈指导上传操作',
    intent: 'unintentional',
  });
  await late(orgKey, `2026-${month}-12T12:00:00`);
  const rect = await openCase(orgKey, 'rectification');
  await ok(officer, `2026-${month}-13T09:00:00`, `${C}/${rect.id}/confirm`, { dueDays: 10 });
  await ok(admin, `2026-${month}-20T09:00:00`, `${C}/${rect.id}/report`, { text: '完成培训并调整流程' });
  await ok(officer, `2026-${month}-21T09:00:00`, `${C}/${rect.id}/rectification-decision`, { decision: 'accepted', note: '整改到位' });
  // The second violation's intent is decided on its own (it had no interview).
  const v2 = (await get('admin', `/api/v1/violations?organisationId=${h.org(orgKey)}&pageSize=1`)).json().items[0];
  at(`2026-${month}-21T10:00:00`);
  const intent = await post(officer, `/api/v1/violations/${v2.id}/intent`, { intentional: false });
  expect(intent.statusCode, intent.body).toBe(200);
  // Decided once: a second decision is refused.
  expect((await post(officer, `/api/v1/violations/${v2.id}/intent`, { intentional: true })).json().code).toBe('INTENT_ALREADY_DECIDED');
}

describe('trial period (五)', () => {
  it('May 2026: two unintentional late uploads, interviewed and rectified on time, leave no adverse credit record', async () => {
    await twoLateUploadsHandledOnTime('agency-jz', 'officer.nanguan', 'jz.admin', '05');
    expect(await adverse('agency-jz')).toEqual([]);
    const list = (await get('officer.nanguan', `/api/v1/violations?organisationId=${h.org('agency-jz')}`)).json().items as { creditStatus: string; occurredAt: string }[];
    // They stay in the history (beside the demo seed's own 迟传 of December 2025).
    expect(list.filter((v) => v.occurredAt >= '2026').map((v) => v.creditStatus)).toEqual(['exempt', 'exempt']);
    const credit = (await get('officer.nanguan', '/api/v1/credit/organisations?year=2026&type=agency')).json().items;
    expect(credit.find((c: { organisation: { id: string } }) => c.organisation.id === h.org('agency-jz'))).toMatchObject({ score: 100, level: 'A', exemptViolations: 2, countedViolations: 0 });
  });

  it('July 2026: the same leaves an adverse credit record for each', async () => {
    await twoLateUploadsHandledOnTime('agency-jk', 'officer.chaoyang', 'jk.admin', '07');
    expect(await adverse('agency-jk')).toEqual([
      { kind: 'violation', points: 5 },
      { kind: 'violation', points: 5 },
    ]);
    const credit = (await get('officer.chaoyang', '/api/v1/credit/organisations?year=2026&type=agency')).json().items;
    expect(credit.find((c: { organisation: { id: string } }) => c.organisation.id === h.org('agency-jk'))).toMatchObject({ score: 90, level: 'B', countedViolations: 2 });
  });
});

describe('fraud reports from construction units (二(一))', () => {
  let project: { id: string };
  let reportId: string;

  it('a construction unit files a report on its project; it goes to the project\'s department', async () => {
    at('2026-08-03T09:00:00');
    project = (await post('builder.chen', '/api/v1/projects', projectBody(h, { name: '举报测试项目' }))).json();
    const res = await post('builder.chen', '/api/v1/fraud-reports', {
      projectId: project.id,
      subjectOrganisationId: h.org('agency-jz'),
      description: '发现3号楼回弹检测影像与现场构件编号不符，疑似补拍。',
    });
    expect(res.statusCode, res.body).toBe(201);
    reportId = res.json().id;
    expect(res.json()).toMatchObject({ status: 'open', regionCode: '220102', reporter: { id: h.org('builder-cc') } });
    // Only the project's construction unit reports; others get 403 or 404.
    expect((await post('contractor.zhou', '/api/v1/fraud-reports', { projectId: project.id, description: '测试举报内容不少于十个字。' })).statusCode).toBe(403);
    expect((await post('builder.chen', '/api/v1/fraud-reports', { projectId: project.id, description: '太短' })).json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body.description' });
  });

  it.each([
    ['officer.nanguan', true],
    ['officer.changchun', true],
    ['officer.chaoyang', false],
    ['builder.chen', true],
    ['jz.admin', false],
  ])('%s sees it: %s', async (who, sees) => {
    const ids = (await get(who, '/api/v1/fraud-reports')).json().items.map((r: { id: string }) => r.id);
    expect(ids.includes(reportId)).toBe(sees);
  });

  it('the county officer records a violation from it, once; it enters the ledger as the officer\'s finding', async () => {
    at('2026-08-04T09:00:00');
    const body = { organisationId: h.org('agency-jz'), type: 'synthesized_image', occurredAt: '2026-08-01T10:00:00+08:00', note: '经核查确系补拍', intentional: true };
    expect((await post('officer.chaoyang', `/api/v1/fraud-reports/${reportId}/record-violation`, body)).statusCode).toBe(404);
    const res = await post('officer.nanguan', `/api/v1/fraud-reports/${reportId}/record-violation`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'recorded', handledBy: '马志远', violationId: expect.any(String) });
    const v = (await get('officer.nanguan', `/api/v1/violations/${res.json().violationId}`)).json();
    expect(v).toMatchObject({ type: 'synthesized_image', severity: 'serious', source: 'officer', projectId: project.id, intentional: true, evidence: { fraudReportId: reportId } });
    expect((await post('officer.nanguan', `/api/v1/fraud-reports/${reportId}/dismiss`, { reason: '重复' })).json().code).toBe('FRAUD_REPORT_HANDLED');
    // The serious violation goes straight to a penalty proposal for 南关区.
    expect(await openCase('agency-jz', 'penalty')).toBeDefined();
  });

  it('an officer records a finding directly only within the jurisdiction', async () => {
    at('2026-08-05T09:00:00');
    const body = { organisationId: h.org('agency-hx'), type: 'no_double_review', occurredAt: '2026-08-04T10:00:00+08:00', description: '随机抽查发现未双人复核', personRef: '复核人 李某' };
    expect((await post('officer.nanguan', '/api/v1/violations', body)).json().code).toBe('FINDING_OUTSIDE_JURISDICTION');
    const res = await post('officer.jilin', '/api/v1/violations', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ source: 'officer', personRef: '复核人 李某', regionCode: '220202' });
    expect((await post('jz.admin', '/api/v1/violations', body)).statusCode).toBe(403);
  });
});
