import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBody, signedRecord, startBatchHarness, type BatchHarness } from '../batches/test-fixtures.ts';

let h: BatchHarness;
let signatory: string;
beforeAll(async () => {
  h = await startBatchHarness();
  signatory = await h.t.login('jz.signatory');
});
afterAll(() => h.t.close());

const B = '/api/v1/batches';
const MIN = 60_000;

/** A reviewed batch with one signed record, no images and no witness check-in: two blocking findings at its seal. */
async function reviewedBatch(): Promise<{ id: string; batchNumber: string }> {
  const b = await h.open(openBody(h.refs, { itemCodes: ['concrete_rebound'], equipmentIds: [h.refs.equipment.rebound] }));
  h.clock.advance(MIN);
  expect((await h.upload('lims', b.id, signedRecord(h.refs, b.id, new Date(h.clock.now().getTime() - 30_000)))).statusCode).toBe(201);
  h.clock.advance(MIN);
  expect((await h.post('lims', `${B}/${b.id}/complete`, { completedAt: h.clock.now().toISOString() })).statusCode).toBe(200);
  const records = (await h.get('jz.owner', `${B}/${b.id}/records`)).json() as { recordKey: string; version: number; contentSha256: string }[];
  const seal = await h.post('jz.owner', `${B}/${b.id}/seal`, { recordCount: records.length, imageCount: 0, records: records.map((r) => ({ recordKey: r.recordKey, version: r.version, sha256: r.contentSha256 })), images: [] });
  expect(seal.statusCode, seal.body).toBe(200);
  expect((await h.post('jz.reviewer', `${B}/${b.id}/review`, { decision: 'approve' })).statusCode).toBe(200);
  return b;
}

const generate = (batchId: string) => h.t.app.inject({ method: 'POST', url: `${B}/${batchId}/report`, headers: { cookie: signatory } });

describe('anomalies gate reports (issue 12 item 5)', () => {
  it('a batch with open blocking anomalies cannot be reported (409 with the list) until a department decides each', async () => {
    const b = await reviewedBatch();
    const refused = await generate(b.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'REPORT_BLOCKED_BY_ANOMALIES' });
    const listed = refused.json().details.anomalies as { id: string; kind: string; severity: string }[];
    expect(listed.map((a) => a.kind).sort()).toEqual(['record_missing_images', 'witness_no_checkin']);
    expect(listed.every((a) => a.severity === 'major')).toBe(true);
    // The minor one (no attestation) is not in the way.
    const all = (await h.get('officer.nanguan', `/api/v1/anomaly-desk?batchId=${b.id}`)).json();
    expect(all.items.map((a: { kind: string }) => a.kind).sort()).toEqual(['record_missing_images', 'witness_no_attestation', 'witness_no_checkin']);

    // Another county's officer neither sees nor decides it; the agency cannot decide its own.
    expect((await h.post('officer.chaoyang', `/api/v1/anomalies/${listed[0]!.id}/decide`, { decision: 'dismiss', reason: '核实无误' })).statusCode).toBe(404);
    expect((await h.post('jz.owner', `/api/v1/anomalies/${listed[0]!.id}/decide`, { decision: 'dismiss', reason: '核实无误' })).statusCode).toBe(403);
    // A reason is required.
    expect((await h.post('officer.nanguan', `/api/v1/anomalies/${listed[0]!.id}/decide`, { decision: 'dismiss', reason: '    ' })).json().code).toBe('DECISION_REASON_REQUIRED');

    const one = await h.post('officer.nanguan', `/api/v1/anomalies/${listed[0]!.id}/decide`, { decision: 'dismiss', reason: '现场照片已由见证人员另行提交，核实无误' });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({ status: 'acknowledged', decision: 'dismissed', decidedByName: expect.any(String) });
    expect((await h.post('officer.nanguan', `/api/v1/anomalies/${listed[0]!.id}/decide`, { decision: 'dismiss', reason: '再次' })).json().code).toBe('ANOMALY_ALREADY_DECIDED');
    const still = await generate(b.id);
    expect(still.statusCode).toBe(409);
    expect(still.json().details.anomalies).toHaveLength(1);

    const confirm = await h.post('officer.nanguan', `/api/v1/anomalies/${listed[1]!.id}/decide`, { decision: 'confirm', reason: '见证人员未到场，经约谈确认' });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json()).toMatchObject({ decision: 'confirmed', violationId: expect.any(String) });
    const violation = await h.t.deps.db.selectFrom('violations').selectAll().where('id', '=', confirm.json().violationId).executeTakeFirstOrThrow();
    expect(violation).toMatchObject({ organisation_id: h.refs.agencyId, source: 'officer', batch_ref: b.batchNumber });

    const audit = await h.t.deps.db.selectFrom('audit_log').select('action').where('target_id', 'in', [listed[0]!.id, listed[1]!.id]).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(expect.arrayContaining(['anomaly.confirm', 'anomaly.dismiss']));

    const report = await generate(b.id);
    expect(report.statusCode, report.body).toBe(201);
    const content = report.json().content as { anomalies: { kind: string; decision: string | null; reason: string | null }[] };
    expect(content.anomalies.map((a) => [a.kind, a.decision]).sort()).toEqual([
      ['record_missing_images', expect.any(String)],
      ['witness_no_attestation', null],
      ['witness_no_checkin', expect.any(String)],
    ].sort());
    // The public page lists what was found and what was decided, without the departments' reasons.
    const pub = await h.t.app.inject({ url: `/api/v1/public/reports/${encodeURIComponent(report.json().reportNumber)}?c=${report.json().checkCode}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().anomalies).toHaveLength(3);
    expect(pub.json().anomalies.map((a: { decisionLabel: string }) => a.decisionLabel).sort()).toEqual(['待住建部门核查', '排除', '确认违规'].sort());
    expect(JSON.stringify(pub.json())).not.toContain('经约谈确认');
  });

  it('a department decides a batch at once; the desk orders its queue by severity, then age', async () => {
    const b = await reviewedBatch();
    const queue = (await h.get('officer.nanguan', '/api/v1/anomaly-desk?pageSize=100')).json();
    const ranks = queue.items.map((a: { severity: string }) => ['critical', 'major', 'minor'].indexOf(a.severity));
    expect(ranks).toEqual([...ranks].sort((x: number, y: number) => x - y));
    expect(queue.blockingOpen).toBeGreaterThanOrEqual(2);
    const bulk = await h.post('officer.nanguan', `${B}/${b.id}/anomalies/decide`, { decision: 'dismiss', reason: '批量核查：均为测试数据' });
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect(bulk.json().decided).toBe(3);
    expect((await h.post('officer.nanguan', `${B}/${b.id}/anomalies/decide`, { decision: 'dismiss', reason: '再次' })).json().code).toBe('NO_OPEN_ANOMALIES');
    expect((await generate(b.id)).statusCode).toBe(201);
    const decided = (await h.get('officer.nanguan', `/api/v1/anomaly-desk?status=decided&batchId=${b.id}`)).json();
    expect(decided.total).toBe(3);
  });
});
