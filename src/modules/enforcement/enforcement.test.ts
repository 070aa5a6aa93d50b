import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../kernel/auth/actor.ts';
import { ManualClock } from '../../kernel/clock.ts';
import { projectBody, startHarness, type Harness } from '../projects/test-fixtures.ts';
import { recordViolation, type ViolationType } from '../violations/index.ts';
import { runEnforcementPass } from './service.ts';

/**
 * A scripted year (2026) of events for five organisations, driven through the API as officers and agencies would,
 * with the platform's own violations recorded as the 2-hour rule would. The expected table is at the end.
 */

// The demo seed runs at the clock's start: in December 2025, so its own violations (the deadline seed's 迟传) fall
// outside the scripted year.
const clock = new ManualClock('2025-12-01T09:00:00+08:00');
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ clock });
});
afterAll(() => h.t.close());

// The clock jumps months: sessions would expire, so each caller signs in again when the clock has moved.
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

const at = (s: string) => clock.set(`${s}+08:00`);
const sys = (): RequestContext => ({ actor: { kind: 'system', name: 'upload-deadline' }, requestId: 'test', clientIp: null, now: clock.now() });
async function violation(orgKey: string, type: ViolationType, occurred: string, extra: { personRef?: string } = {}) {
  at(occurred);
  const { violation: v } = await h.t.deps.db.transaction().execute((trx) =>
    recordViolation(trx, sys(), { organisationId: h.org(orgKey), type, occurredAt: clock.now(), source: 'automatic', evidence: { scripted: true }, ...extra }),
  );
  return v;
}
async function cases(orgKey: string) {
  const res = await get('admin', `/api/v1/enforcement/cases?organisationId=${h.org(orgKey)}&year=2026&pageSize=100`);
  expect(res.statusCode).toBe(200);
  return res.json().items as { id: string; rung: string; status: string; outcome: string | null; dueAt: string | null; reasons: string[] }[];
}
const openCase = async (orgKey: string, rung: string) => (await cases(orgKey)).find((c) => c.rung === rung && ['proposed', 'confirmed', 'report_submitted'].includes(c.status))!;
async function step(who: string, when: string, url: string, body: object) {
  at(when);
  const res = await post(who, url, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const C = '/api/v1/enforcement/cases';

describe('a scripted year of graded handling (三(一), 四(二), 五)', () => {
  it('A 吉林省建正 (南关区): May 迟传 interviewed → exempt; August 迟传 → 限期整改, report accepted', async () => {
    const v1 = await violation('agency-jz', 'late_upload', '2026-05-06T12:00:00', { personRef: '检测员 高峰' });
    const interview = await openCase('agency-jz', 'interview');
    expect(interview).toMatchObject({ status: 'proposed', reasons: ['first_minor_violation'] });
    // Another officer's jurisdiction may not act on it; a second pass proposes nothing new.
    at('2026-05-07T09:00:00');
    expect((await post('officer.chaoyang', `${C}/${interview.id}/confirm`, {})).statusCode).toBe(404);
    expect((await post('officer.province', `${C}/${interview.id}/confirm`, {})).statusCode).toBe(200);
    await runEnforcementPass(h.t.deps.db, clock);
    expect((await cases('agency-jz')).length).toBe(1);
    const held = await step('officer.nanguan', '2026-05-12T10:00:00', `${C}/${interview.id}/interview`, {
      heldAt: '2026-05-12T09:00:00+08:00',
      attendees: '马志远（南关区住建局）；王建国、刘洋（吉林省建正）',
      minutes: '告知2小时上传要求，机构说明系新系统不熟悉操作，承诺培训全员。',
      intent: 'unintentional',
    });
    expect(held).toMatchObject({ status: 'closed', outcome: 'held', interview: { attendees: expect.stringContaining('王建国') } });
    expect((await get('admin', `/api/v1/violations/${v1.id}`)).json()).toMatchObject({ intentional: false, creditStatus: 'exempt' });

    await violation('agency-jz', 'late_upload', '2026-08-05T15:00:00');
    const rect = await openCase('agency-jz', 'rectification');
    expect(rect.reasons).toEqual(['violations_reached_rectification']);
    const confirmed = await step('officer.nanguan', '2026-08-06T09:00:00', `${C}/${rect.id}/confirm`, { dueDays: 20 });
    expect(confirmed.dueAt).toBe(new Date('2026-08-26T09:00:00+08:00').toISOString());
    // The agency hands in its report; a tester may not.
    at('2026-08-20T09:00:00');
    expect((await post('jz.tester', `${C}/${rect.id}/report`, { text: '整改报告' })).statusCode).toBe(403);
    await step('jz.admin', '2026-08-20T09:00:00', `${C}/${rect.id}/report`, { text: '已完成上传负责人培训，配置到期提醒，近两周上传全部按时。' });
    await step('officer.nanguan', '2026-08-21T09:00:00', `${C}/${rect.id}/rectification-decision`, { decision: 'accepted', note: '整改到位' });
  });

  it('B 长春建科 (朝阳区): July 篡改数据 → 行政处罚 at once, adverse credit record and market restriction', async () => {
    await violation('agency-jk', 'tampered_data', '2026-07-10T11:00:00');
    const penalty = await openCase('agency-jk', 'penalty');
    expect(penalty).toMatchObject({ status: 'proposed', reasons: ['serious_violation'] });
    // Recording a decision before confirming is refused.
    at('2026-07-11T09:00:00');
    expect((await post('officer.chaoyang', `${C}/${penalty.id}/penalty`, { decisionNumber: '朝住建罚〔2026〕3号', content: '罚款', dishonest: false })).json().code).toBe('CASE_NOT_CONFIRMED');
    await step('officer.chaoyang', '2026-07-11T09:00:00', `${C}/${penalty.id}/confirm`, {});
    const decided = await step('officer.chaoyang', '2026-07-20T09:00:00', `${C}/${penalty.id}/penalty`, {
      decisionNumber: '朝住建罚〔2026〕3号',
      content: '篡改检测影像，罚款三万元，责令改正',
      dishonest: false,
    });
    expect(decided).toMatchObject({ status: 'closed', outcome: 'decided', penalty: { decisionNumber: '朝住建罚〔2026〕3号' }, marketRestrictionId: expect.any(String) });
  });

  it('a restricted agency cannot be commissioned (through the API)', async () => {
    at('2026-08-01T09:00:00');
    const project = (await post('builder.chen', '/api/v1/projects', projectBody(h, { name: '限制准入测试项目' }))).json();
    const res = await post('builder.chen', '/api/v1/commissions', { projectId: project.id, agencyId: h.org('agency-jk'), specialties: ['main_structure'] });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'COMMISSION_AGENCY_RESTRICTED', field: 'body.agencyId' });
    expect(res.json().message).toContain('朝住建罚〔2026〕3号'.slice(0, 0) + '严重违规');
  });

  it('C 吉林市宏信 (吉林市): three uploads late or missing in September; rectification overdue; 行政处罚', async () => {
    await violation('agency-hx', 'late_upload', '2026-09-01T10:00:00');
    await violation('agency-hx', 'late_upload', '2026-09-10T10:00:00');
    const all = await cases('agency-hx');
    // The unconfirmed interview proposal gave way to the rectification proposal.
    expect(all.map((c) => [c.rung, c.status]).sort()).toEqual([['interview', 'superseded'], ['rectification', 'proposed']]);
    const rect = all.find((c) => c.rung === 'rectification')!;
    await step('officer.jilin', '2026-09-11T09:00:00', `${C}/${rect.id}/confirm`, { dueDays: 10 });
    // No report by the deadline: the hourly pass proposes the penalty for the overdue rectification.
    at('2026-09-21T09:00:00.001');
    await runEnforcementPass(h.t.deps.db, clock);
    const penalty = await openCase('agency-hx', 'penalty');
    expect(penalty.reasons).toEqual(['violations_reached_rectification', 'rectification_overdue']);
    // A third violation while the penalty is proposed adds no second proposal.
    await violation('agency-hx', 'missing_upload', '2026-09-20T10:00:00');
    expect((await cases('agency-hx')).filter((c) => c.status === 'proposed')).toHaveLength(1);
    await step('officer.jilin', '2026-09-22T09:00:00', `${C}/${rect.id}/rectification-decision`, { decision: 'rejected', note: '逾期未提交整改报告' });
    await step('officer.jilin', '2026-09-25T09:00:00', `${C}/${penalty.id}/confirm`, {});
    await step('officer.jilin', '2026-10-10T09:00:00', `${C}/${penalty.id}/penalty`, { decisionNumber: '吉市住建罚〔2026〕8号', content: '多次迟传且整改不力，罚款一万元', dishonest: false });
  });

  it('D 华诚监理 (南关区): a late witness change in June; the officer dismisses the interview', async () => {
    await violation('super-jl', 'witness_change_late', '2026-06-05T10:00:00');
    const interview = await openCase('super-jl', 'interview');
    await step('officer.nanguan', '2026-06-06T09:00:00', `${C}/${interview.id}/dismiss`, { reason: '已在日常检查中当场纠正' });
    at('2026-06-07T09:00:00');
    await runEnforcementPass(h.t.deps.db, clock);
    expect((await cases('super-jl')).map((c) => c.status)).toEqual(['dismissed']);
  });

  it('the year ends with the expected rungs, list membership and credit', async () => {
    at('2026-12-31T12:00:00');
    await runEnforcementPass(h.t.deps.db, clock);
    const list = (await get('admin', '/api/v1/enforcement/key-supervision')).json().items as { organisation: { id: string }; rungLabel: string; since: string; reasons: string[] }[];
    const credit = (await get('admin', '/api/v1/credit/organisations?year=2026')).json().items as { organisation: { id: string }; score: number; level: string; restriction: object | null }[];
    const table = [
      // org          highest rung reached (case outcome)      on 重点监管名单 since             credit score level restricted
      ['agency-jz', 'rectification:accepted', '2026-08-06T09:00:00+08:00', 95, 'B', false],
      ['agency-jk', 'penalty:decided', '2026-07-11T09:00:00+08:00', 65, 'D', true],
      ['agency-hx', 'penalty:decided', '2026-09-11T09:00:00+08:00', 70, 'C', false],
      ['super-jl', 'none', null, 95, 'B', false],
      ['builder-jl', 'none', null, 100, 'A', false],
    ] as const;
    const RANK = ['interview', 'rectification', 'penalty'];
    for (const [key, rung, since, score, level, restricted] of table) {
      const handled = (await cases(key)).filter((c) => c.status === 'closed').sort((a, b) => RANK.indexOf(b.rung) - RANK.indexOf(a.rung))[0];
      expect([key, handled ? `${handled.rung}:${handled.outcome}` : 'none']).toEqual([key, rung]);
      const entry = list.find((e) => e.organisation.id === h.org(key));
      expect([key, entry ? entry.since : null]).toEqual([key, since ? new Date(since).toISOString() : null]);
      const c = credit.find((e) => e.organisation.id === h.org(key))!;
      expect([key, c.score, c.level, c.restriction !== null]).toEqual([key, score, level, restricted]);
    }
    const person = (await get('admin', '/api/v1/credit/persons?year=2026')).json().items;
    // 高峰's May 迟传 was exempt: named, but nothing deducted.
    expect(person).toContainEqual(expect.objectContaining({ personName: '检测员 高峰', score: 100, violations: 1, countedViolations: 0 }));
  });

  it('every step of a case is in the audit log and the case history', async () => {
    const rect = (await cases('agency-jz')).find((c) => c.rung === 'rectification')!;
    const detail = (await get('officer.nanguan', `${C}/${rect.id}`)).json();
    expect(detail.events.map((e: { event: string }) => e.event)).toEqual(['proposed', 'confirm', 'report', 'accept']);
    const audit = await h.t.deps.db.selectFrom('audit_log').select('action').where('target_id', '=', rect.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['enforcement.case.propose', 'enforcement.case.confirm', 'enforcement.case.report', 'enforcement.case.accept']);
  });
});

describe('each department sees and exports only its jurisdiction', () => {
  const names = async (who: string) => {
    const res = await get(who, '/api/v1/enforcement/key-supervision');
    expect(res.statusCode).toBe(200);
    return (res.json().items as { organisation: { id: string } }[]).map((e) => e.organisation.id).sort();
  };
  it.each([
    // 延边正源 is the demo's own (a rectification order confirmed by the province).
    ['officer.province', ['agency-jz', 'agency-jk', 'agency-hx', 'agency-zy']],
    ['officer.changchun', ['agency-jz', 'agency-jk']],
    ['officer.nanguan', ['agency-jz']],
    ['officer.chaoyang', ['agency-jk']],
    ['officer.jilin', ['agency-hx']],
    ['jz.admin', ['agency-jz']],
    ['builder.chen', []],
  ])('%s', async (who, keys) => {
    expect(await names(who)).toEqual(keys.map((k) => h.org(k)).sort());
  });

  it('the county\'s export holds its county only, and reads back', async () => {
    const res = await get('officer.nanguan', '/api/v1/enforcement/key-supervision/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('重点监管名单'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('重点监管名单')!;
    expect(String(ws.getCell('A1').value)).toContain('南关区');
    expect(ws.getRow(2).getCell(1).value).toBe('单位');
    expect(ws.rowCount).toBe(3);
    expect(ws.getCell('A3').value).toBe('吉林省建正工程质量检测有限公司');
    expect(ws.getCell('D3').value).toBe('限期整改');
  });

  it('the violations export follows the list\'s scope and filters', async () => {
    const res = await get('officer.jilin', '/api/v1/violations/export.xlsx?from=2026-01-01T00:00:00%2B08:00');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('违规记录')!;
    const orgs = new Set<string>();
    ws.eachRow((row, n) => {
      if (n > 2) orgs.add(String(row.getCell(2).value));
    });
    expect([...orgs]).toEqual(['吉林市宏信建设工程检测有限公司']);
    expect(ws.rowCount).toBe(2 + 3);
  });

  it('the cases list is scoped the same way, and a case outside it answers 404', async () => {
    const jk = (await cases('agency-jk'))[0]!;
    expect((await get('officer.nanguan', `${C}/${jk.id}`)).statusCode).toBe(404);
    expect((await get('jk.admin', `${C}/${jk.id}`)).statusCode).toBe(200);
    const nanguan = (await get('officer.nanguan', `${C}?pageSize=100`)).json().items as { organisation: { id: string } }[];
    expect(new Set(nanguan.map((c) => c.organisation.id))).toEqual(new Set([h.org('agency-jz'), h.org('super-jl')]));
  });
});
