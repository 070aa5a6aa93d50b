import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBody, signedRecord, startBatchHarness, type BatchHarness } from '../batches/test-fixtures.ts';
import { allocateReportNumber, type ReportDetail } from './service.ts';

let h: BatchHarness;
let signatory: { cookie: string };
beforeAll(async () => {
  h = await startBatchHarness();
  signatory = { cookie: await h.t.login('jz.signatory') };
});
afterAll(() => h.t.close());

const B = '/api/v1/batches';
const R = '/api/v1/reports';
const MIN = 60_000;
const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;

const asSignatory = (url: string, payload?: object) => h.t.app.inject({ method: payload ? 'POST' : 'GET', url, headers: signatory, ...(payload ? { payload } : {}) });
const generate = (batchId: string) => h.t.app.inject({ method: 'POST', url: `${B}/${batchId}/report`, headers: signatory });
const verify = (number: string, c: string) => h.t.app.inject({ url: `/api/v1/public/reports/${encodeURIComponent(number)}?c=${encodeURIComponent(c)}` });
const seqOf = (n: string) => Number(n.slice(-6));

/** A batch taken through the API to `upTo`: one signed record, completion, the owner's seal, the reviewer's approval. */
async function batchUpTo(upTo: 'completed' | 'sealed' | 'reviewed'): Promise<{ id: string; batchNumber: string }> {
  const b = await h.open(openBody(h.refs, { itemCodes: ['concrete_rebound'], equipmentIds: [h.refs.equipment.rebound] }));
  h.clock.advance(MIN);
  const rec = await h.upload('lims', b.id, signedRecord(h.refs, b.id, new Date(h.clock.now().getTime() - 30_000)));
  if (rec.statusCode !== 201) throw new Error(`record: ${rec.statusCode} ${rec.body}`);
  h.clock.advance(MIN);
  const done = await h.post('lims', `${B}/${b.id}/complete`, { completedAt: h.clock.now().toISOString() });
  if (done.statusCode !== 200) throw new Error(`complete: ${done.statusCode} ${done.body}`);
  if (upTo === 'completed') return b;
  const records = (await h.get('jz.owner', `${B}/${b.id}/records`)).json() as { recordKey: string; version: number; contentSha256: string }[];
  const sealed = await h.post('jz.owner', `${B}/${b.id}/seal`, { recordCount: records.length, imageCount: 0, records: records.map((r) => ({ recordKey: r.recordKey, version: r.version, sha256: r.contentSha256 })), images: [] });
  if (sealed.statusCode !== 200) throw new Error(`seal: ${sealed.statusCode} ${sealed.body}`);
  if (upTo === 'sealed') return b;
  const approved = await h.post('jz.reviewer', `${B}/${b.id}/review`, { decision: 'approve' });
  if (approved.statusCode !== 200) throw new Error(`review: ${approved.statusCode} ${approved.body}`);
  // No images and no witness check-in were uploaded: the department decides those findings before any report.
  const decided = await h.post('officer.nanguan', `${B}/${b.id}/anomalies/decide`, { decision: 'dismiss', reason: '测试批次：已电话核实现场情况' });
  if (decided.statusCode !== 200) throw new Error(`decide: ${decided.statusCode} ${decided.body}`);
  return b;
}

async function setLocked(batchId: string, locked: boolean) {
  await h.t.deps.db
    .updateTable('batches')
    .set(locked ? { locked: true, locked_at: h.clock.now(), lock_reason: '超过 2 小时上传时限未封存' } : { locked: false, unlocked_at: h.clock.now(), unlock_reason: '已约谈并补传' })
    .where('id', '=', batchId)
    .execute();
}

it('the demo has a valid report of its oldest batch, verifiable publicly, and a reviewed batch still waiting for one', async () => {
  const reports = (await asSignatory(R)).json() as { items: ReportDetail[] };
  const demo = reports.items.find((r) => r.batch.batchNumber === 'JC-2026-000001')!;
  expect(demo).toMatchObject({ status: 'valid', signatory: { name: '曹振宇' }, summary: { records: 2 } });
  expect(seqOf(demo.reportNumber)).toBe(1);
  expect((await verify(demo.reportNumber, demo.checkCode)).json()).toMatchObject({ status: 'valid' });
  expect((await h.get('jz.owner', `${B}?status=reviewed`)).json().items.map((b: { batchNumber: string }) => b.batchNumber)).toContain('JC-2026-000002');
});

describe('generating a report', () => {
  let report: ReportDetail;
  let batchId: string;

  it('the signatory generates the report of a reviewed batch: numbered, stored once, the batch reported with an event and audit rows', async () => {
    const b = await batchUpTo('reviewed');
    batchId = b.id;
    const res = await generate(b.id);
    expect(res.statusCode, res.body).toBe(201);
    report = res.json();
    const org = await h.t.deps.db.selectFrom('organisations').select('uscc').where('id', '=', h.refs.agencyId).executeTakeFirstOrThrow();
    expect(report.reportNumber).toMatch(new RegExp(`^${org.uscc!.slice(8, 17)}-2026-\\d{6}$`));
    expect(report).toMatchObject({
      status: 'valid',
      statusLabel: '有效',
      batch: { id: b.id, batchNumber: b.batchNumber },
      agency: { id: h.refs.agencyId, name: '吉林省建正工程质量检测有限公司' },
      signatory: { name: '曹振宇' },
      reportDate: '2026-07-15',
      summary: { records: 1, pass: 0, fail: 0, undetermined: 1 },
      supersedes: null,
      supersededBy: null,
    });
    expect(report.verifyPath).toBe(`/r/${report.reportNumber}?c=${report.checkCode}`);
    expect(report.content).toMatchObject({
      number: report.reportNumber,
      people: { testers: ['高峰'], reviewer: '韩雪', signatory: '曹振宇', witness: '孙立', witnessUnit: '吉林省华诚建设监理有限公司' },
      evidence: { recordCount: 1, imageCount: 0 },
      batch: { number: b.batchNumber, specialtyName: '主体结构及装饰装修' },
    });
    expect(report.content.records[0]!.values).toContainEqual({ label: '混凝土强度推定值', value: expect.any(String), unit: 'MPa' });
    expect(report.content.equipment[0]).toMatchObject({ inCalibration: true });

    const batch = (await h.get('jz.owner', `${B}/${b.id}`)).json();
    expect(batch.status).toBe('reported');
    expect(batch.reportedAt).toBe(h.clock.now().toISOString());
    expect(batch.events.at(-1)).toMatchObject({ event: 'report', fromStatus: 'reviewed', toStatus: 'reported', actorName: '曹振宇', details: { reportNumber: report.reportNumber } });
    const audit = await h.t.deps.db.selectFrom('audit_log').select('action').where('target_id', 'in', [report.id, b.id]).where('action', 'in', ['report.generate', 'batch.report']).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['batch.report', 'report.generate']);
  });

  it('the PDF is the stored bytes, the same on every download, and its hash is the one the report names', async () => {
    const first = await asSignatory(`${R}/${report.id}/pdf`);
    const second = await h.get('officer.nanguan', `${R}/${report.id}/pdf`);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(first.headers['content-disposition']).toContain(encodeURIComponent(`检测报告-${report.reportNumber}.pdf`));
    expect(first.rawPayload.equals(second.rawPayload)).toBe(true);
    expect(createHash('sha256').update(first.rawPayload).digest('hex')).toBe(report.pdfSha256);
  });

  it.runIf(hasPdftotext)('the PDF says, in Chinese, what the report is: number, check code, parties, results, people, evidence, QR address, content hash', async () => {
    const pdf = (await asSignatory(`${R}/${report.id}/pdf`)).rawPayload;
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
    for (const s of [
      '检测报告',
      `报告编号：${report.reportNumber}`,
      `验证码：${report.checkCode}`,
      '吉林省建正工程质量检测有限公司',
      '长春城市开发建设集团有限公司',
      '回弹法检测混凝土抗压强度',
      '混凝土强度推定值',
      'MPa',
      '高峰',
      '韩雪',
      '曹振宇',
      '孙立',
      '授权签字人',
      report.content.batch.number,
      report.content.evidence.manifestSha256,
      `/r/${report.reportNumber}?c=${report.checkCode}`,
      report.contentSha256,
      '七、平台发现的异常及住建部门核查决定',
      '见证人员未现场签到',
      '排除',
    ]) {
      expect(text.replace(/\s+/g, ' '), s).toContain(s);
    }
  });

  it('is refused when the batch is already reported', async () => {
    const again = await generate(batchId);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'BATCH_ALREADY_REPORTED' });
  });

  it('is refused with the reason when the batch is not sealed, not reviewed, or locked — until a department unlocks it', async () => {
    const completed = await batchUpTo('completed');
    expect((await generate(completed.id)).json()).toMatchObject({ code: 'BATCH_NOT_SEALED', message: '批次尚未封存，不能出具检测报告' });
    const sealed = await batchUpTo('sealed');
    expect((await generate(sealed.id)).json()).toMatchObject({ code: 'BATCH_NOT_REVIEWED' });
    const late = await batchUpTo('reviewed');
    await setLocked(late.id, true);
    const locked = await generate(late.id);
    expect(locked.statusCode).toBe(409);
    expect(locked.json()).toEqual({ code: 'BATCH_LOCKED', message: '批次报告生成权限已锁定，须经住建部门处理解锁' });
    expect((await h.get('jz.owner', `${B}/${late.id}`)).json().status).toBe('reviewed');
    await setLocked(late.id, false);
    expect((await generate(late.id)).statusCode).toBe(201);
  });

  it('is refused while the agency is not connected (its certificates have lapsed)', async () => {
    const b = await batchUpTo('reviewed');
    const now = h.clock.now();
    h.clock.advance(3000 * 24 * 60 * MIN);
    try {
      // A session does not outlive years; the signatory signs in again then.
      const res = await h.t.app.inject({ method: 'POST', url: `${B}/${b.id}/report`, headers: { cookie: await h.t.login('jz.signatory') } });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'AGENCY_NOT_CONNECTED', message: expect.stringContaining('检测机构尚未完成监管平台对接') });
    } finally {
      h.clock.set(now);
    }
    expect((await generate(b.id)).statusCode).toBe(201);
  });

  it('only the agency\'s signatory may generate; others who see the batch get 403, others 404', async () => {
    const b = await batchUpTo('reviewed');
    for (const who of ['jz.owner', 'jz.reviewer', 'jz.admin', 'officer.nanguan', 'builder.chen', 'lims'] as const) {
      const res = await h.post(who, `${B}/${b.id}/report`);
      expect(res.statusCode, who).toBe(403);
    }
    for (const who of ['jk.tester', 'officer.chaoyang'] as const) {
      expect((await h.post(who, `${B}/${b.id}/report`)).statusCode, who).toBe(404);
    }
  });
});

describe('numbering', () => {
  it('is consecutive per agency, also when generations race and when one fails after taking its number', async () => {
    const before = await h.t.deps.db.selectFrom('report_number_counters').select('last_value').where('agency_id', '=', h.refs.agencyId).where('year', '=', 2026).executeTakeFirst();
    const start = before?.last_value ?? 0;

    // A failure after the number was taken (the PDF cannot be stored) rolls the number back with everything else.
    const failing = await batchUpTo('reviewed');
    const blobs = h.t.deps.blobs;
    const put = blobs.put.bind(blobs);
    blobs.put = async () => {
      throw new Error('disk full');
    };
    try {
      expect((await generate(failing.id)).statusCode).toBe(500);
    } finally {
      blobs.put = put;
    }
    expect((await h.get('jz.owner', `${B}/${failing.id}`)).json().status).toBe('reviewed');
    expect(await h.t.deps.db.selectFrom('reports').select('id').where('batch_id', '=', failing.id).execute()).toEqual([]);

    const batches = [failing, ...(await Promise.all([0, 1, 2].map(() => batchUpTo('reviewed'))))];
    const raced = await Promise.all(batches.map((b) => generate(b.id)));
    expect(raced.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    const seqs = raced.map((r) => seqOf(r.json().reportNumber)).sort((a, b) => a - b);
    expect(seqs).toEqual([1, 2, 3, 4].map((i) => start + i));
  });

  it('restarts at 1 each Beijing calendar year and is independent per agency', async () => {
    const ids = [h.refs.agencyId, h.org('agency-jk')];
    const take = (agencyId: string, at: string) => h.t.deps.db.transaction().execute((trx) => allocateReportNumber(trx, agencyId, '12345678X', new Date(at)));
    // 2027-12-31 23:59:59.999 Beijing is still 2027; one millisecond later is 2028.
    expect(await take(ids[0]!, '2027-12-31T15:59:59.999Z')).toEqual({ number: '12345678X-2027-000001', year: 2027, seq: 1 });
    expect(await take(ids[0]!, '2027-12-31T15:59:59.999Z')).toMatchObject({ seq: 2 });
    expect(await take(ids[0]!, '2027-12-31T16:00:00.000Z')).toEqual({ number: '12345678X-2028-000001', year: 2028, seq: 1 });
    expect(await take(ids[1]!, '2027-06-01T00:00:00Z')).toMatchObject({ year: 2027, seq: 1 });
    await expect(
      h.t.deps.db.transaction().execute(async (trx) => {
        await allocateReportNumber(trx, ids[1]!, '12345678X', new Date('2027-06-01T00:00:00Z'));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await take(ids[1]!, '2027-06-01T00:00:00Z')).toMatchObject({ seq: 2 });
  });
});

describe('public verification, corrections and revocation', () => {
  let r: ReportDetail;

  beforeAll(async () => {
    const b = await batchUpTo('reviewed');
    r = (await generate(b.id)).json();
  });

  it('answers anyone, without login, with only the number, agency, project, date, status, hashes and the anomalies with their decisions', async () => {
    const res = await verify(r.reportNumber, r.checkCode);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({
      reportNumber: r.reportNumber,
      agencyName: '吉林省建正工程质量检测有限公司',
      projectName: r.project.name,
      reportDate: r.reportDate,
      status: 'valid',
      statusLabel: '有效',
      statusChangedAt: null,
      supersededBy: null,
      contentSha256: r.contentSha256,
      pdfSha256: r.pdfSha256,
      // The batch's seal found no images and no check-in; the department dismissed those before the report.
      anomalies: expect.arrayContaining([expect.objectContaining({ kindLabel: '见证人员未现场签到', severityLabel: '较重', decisionLabel: '排除' })]),
    });
    // A code typed from paper, in lower case with a dash, is the same code.
    expect((await verify(r.reportNumber.toLowerCase(), `${r.checkCode.slice(0, 4)}-${r.checkCode.slice(4)}`.toLowerCase())).statusCode).toBe(200);
  });

  it('rejects an altered or unknown number, or a wrong code, plainly and alike', async () => {
    const other = String(seqOf(r.reportNumber) - 1).padStart(6, '0');
    const altered = `${r.reportNumber.slice(0, -6)}${other}`;
    const wrongCode = r.checkCode === '00000000' ? '11111111' : '00000000';
    for (const [n, c] of [
      [altered, r.checkCode],
      [r.reportNumber, wrongCode],
      [`${r.reportNumber.slice(0, -6)}999999`, r.checkCode],
      ['JC-2026-000001', r.checkCode],
      [r.reportNumber, 'xyz'],
    ] as const) {
      const res = await verify(n, c);
      expect(res.statusCode, `${n} ${c}`).toBe(404);
      expect(res.json()).toEqual({ code: 'REPORT_NOT_VERIFIED', message: '报告编号不存在或已被篡改' });
    }
    const missingCode = await h.t.app.inject({ url: `/api/v1/public/reports/${r.reportNumber}` });
    expect(missingCode.statusCode).toBe(400);
  });

  it('a corrected report gets the next number and supersedes the old one, which says by which', async () => {
    const res = await asSignatory(`${R}/${r.id}/supersede`, { reason: '委托合同编号更正' });
    expect(res.statusCode, res.body).toBe(201);
    const next = res.json();
    expect(seqOf(next.reportNumber)).toBe(seqOf(r.reportNumber) + 1);
    expect(next).toMatchObject({ status: 'valid', supersedes: { id: r.id, reportNumber: r.reportNumber, reason: '委托合同编号更正' } });
    expect(next.content.supersedes).toEqual({ number: r.reportNumber, reason: '委托合同编号更正' });
    const old = (await asSignatory(`${R}/${r.id}`)).json();
    expect(old).toMatchObject({ status: 'superseded', supersededBy: { id: next.id, reportNumber: next.reportNumber } });
    expect((await verify(r.reportNumber, r.checkCode)).json()).toMatchObject({ status: 'superseded', statusLabel: '已被更正报告替代', supersededBy: next.reportNumber, statusChangedAt: h.clock.now().toISOString() });
    const twice = await asSignatory(`${R}/${r.id}/supersede`, { reason: '再次更正' });
    expect(twice.json()).toMatchObject({ code: 'REPORT_SUPERSEDED' });
    r = next;
  });

  it('the department of the jurisdiction revokes a report with a reason; others may not', async () => {
    expect((await h.post('officer.chaoyang', `${R}/${r.id}/revoke`, { reason: '报告数据造假' })).statusCode).toBe(404);
    expect((await asSignatory(`${R}/${r.id}/revoke`, { reason: '报告数据造假' })).statusCode).toBe(403);
    expect((await h.post('officer.nanguan', `${R}/${r.id}/revoke`, { reason: '' })).statusCode).toBe(400);
    const res = await h.post('officer.nanguan', `${R}/${r.id}/revoke`, { reason: '经查检测数据与现场不符' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'revoked', revokedByName: '马志远', revokeReason: '经查检测数据与现场不符' });
    expect((await verify(r.reportNumber, r.checkCode)).json()).toMatchObject({ status: 'revoked', statusLabel: '已撤销' });
    expect((await h.post('jz.admin', `${R}/${r.id}/revoke`, { reason: '重复撤销' })).json()).toMatchObject({ code: 'REPORT_NOT_VALID' });
    const audit = await h.t.deps.db.selectFrom('audit_log').select('details').where('action', '=', 'report.revoke').where('target_id', '=', r.id).execute();
    expect(audit).toHaveLength(1);
  });

  it('is scoped like its batch: the agency, the jurisdiction and the project\'s parties see it; others get 404', async () => {
    for (const who of ['jz.owner', 'officer.nanguan', 'officer.changchun', 'officer.province', 'builder.chen', 'admin'] as const) {
      expect((await h.get(who, `${R}/${r.id}`)).statusCode, who).toBe(200);
      expect((await h.get(who, `${R}?batchId=${r.batch.id}`)).json().total, who).toBe(2);
    }
    for (const who of ['jk.tester', 'officer.chaoyang'] as const) {
      expect((await h.get(who, `${R}/${r.id}`)).statusCode, who).toBe(404);
      expect((await h.get(who, `${R}/${r.id}/pdf`)).statusCode, who).toBe(404);
      expect((await h.get(who, `${R}?batchId=${r.batch.id}`)).json().total, who).toBe(0);
    }
    expect((await h.t.app.inject({ url: `${R}/${r.id}` })).statusCode).toBe(401);
  });

  it('the database refuses to change a report\'s content or to delete it', async () => {
    const db = h.t.deps.db;
    await expect(db.updateTable('reports').set({ signatory_name: '他人' }).where('id', '=', r.id).execute()).rejects.toThrow(/cannot change/);
    await expect(db.updateTable('reports').set({ status: 'valid', revoked_at: null, revoked_by: null, revoke_reason: null, revoked_by_name: null }).where('id', '=', r.id).execute()).rejects.toThrow(/cannot change/);
    await expect(db.deleteFrom('reports').where('id', '=', r.id).execute()).rejects.toThrow(/never deleted/);
  });
});
