import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signedRecord, startBatchHarness, USERS, type BatchHarness, type Who } from '../batches/test-fixtures.ts';
import { supplementaryUploads as supplementaryUploadCount } from '../violations/index.ts';
import { sweepDeadlines } from './sweeper.ts';

let h: BatchHarness;
beforeAll(async () => {
  h = await startBatchHarness();
});
afterAll(() => h.t.close());
// The tests move the clock on by hours; a request keeps each session inside its idle limit.
beforeEach(async () => {
  for (const u of USERS) await h.get(u, '/api/v1/notifications/unread-count');
});

const B = '/api/v1/batches';
const F = '/api/v1/force-majeure-filings';
const MIN = 60_000;
const H = 3_600_000;

const sweep = () => sweepDeadlines({ db: h.t.deps.db, clock: h.clock });

/** Opens a batch now with one signed record, and declares completion now: T = now. */
async function completedBatch(): Promise<{ id: string; batchNumber: string; T: Date }> {
  const b = await h.open();
  h.clock.advance(MIN);
  const r = await h.upload('lims', b.id, signedRecord(h.refs, b.id, new Date(h.clock.now().getTime() - 30_000)));
  expect(r.statusCode).toBe(201);
  const T = h.clock.now();
  const done = await h.post('lims', `${B}/${b.id}/complete`, { completedAt: T.toISOString() });
  expect(done.statusCode).toBe(200);
  return { id: b.id, batchNumber: b.batchNumber, T };
}

async function manifest(batchId: string) {
  const records = (await h.get('jz.owner', `${B}/${batchId}/records`)).json() as { recordKey: string; version: number; contentSha256: string }[];
  return { recordCount: records.length, imageCount: 0, records: records.map((r) => ({ recordKey: r.recordKey, version: r.version, sha256: r.contentSha256 })), images: [] };
}

const deadlineOf = async (who: Who, id: string) => (await h.get(who, `${B}/${id}/deadline`)).json();
const lateViolations = (batchId: string) =>
  h.t.deps.db.selectFrom('violations').selectAll().where('type', '=', 'late_upload').where('source_ref', 'like', `batch:${batchId}:late:%`).execute();
const lockEvents = (batchId: string) => h.t.deps.db.selectFrom('batch_events').selectAll().where('batch_id', '=', batchId).where('event', '=', 'lock').execute();
const notices = (username: string, batchId: string, kind: string) =>
  h.t.deps.db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .selectAll('n')
    .where('u.username', '=', username)
    .where('n.batch_id', '=', batchId)
    .where('n.kind', '=', kind)
    .execute();

describe('the 2-hour deadline', () => {
  it('a seal at exactly T + 2 h is on time; nothing is locked or recorded', async () => {
    const b = await completedBatch();
    h.clock.set(b.T.getTime() + 2 * H);
    const sealed = await h.post('jz.owner', `${B}/${b.id}/seal`, await manifest(b.id));
    expect(sealed.statusCode).toBe(200);
    expect(sealed.json()).toMatchObject({ locked: false, deadline: { sealedOnTime: true } });
    h.clock.advance(H);
    await sweep();
    expect((await deadlineOf('jz.owner', b.id)).lock.locked).toBe(false);
    expect(await lateViolations(b.id)).toHaveLength(0);
  });

  it('a seal 1 ms after T + 2 h, before the sweeper came, locks in the seal itself and records one 迟传', async () => {
    const b = await completedBatch();
    h.clock.set(b.T.getTime() + 2 * H + 1);
    const sealed = await h.post('jz.owner', `${B}/${b.id}/seal`, await manifest(b.id));
    expect(sealed.statusCode).toBe(200);
    expect(sealed.json()).toMatchObject({ status: 'sealed', locked: true, deadline: { sealedOnTime: false } });
    await sweep();
    expect(await lateViolations(b.id)).toHaveLength(1);
    expect(await lockEvents(b.id)).toHaveLength(1);
  });

  it('the sweeper does not lock at T + 2 h exactly, locks 1 ms later, once, with event, audit, violation evidence and notices', async () => {
    const b = await completedBatch();
    h.clock.set(b.T.getTime() + 2 * H);
    await sweep();
    expect((await deadlineOf('jz.owner', b.id)).lock.locked).toBe(false);
    h.clock.set(b.T.getTime() + 2 * H + 1);
    await sweep();
    await sweep();
    const d = await deadlineOf('jz.owner', b.id);
    expect(d.lock).toMatchObject({ locked: true, lockedAt: new Date(b.T.getTime() + 2 * H + 1).toISOString() });
    expect(d.lock.lockReason).toContain('迟传');
    expect(d.deadline).toMatchObject({ state: 'running', overdue: true });
    const events = await lockEvents(b.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_type: 'system', actor_name: 'deadline-sweeper' });
    const violations = await lateViolations(b.id);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ organisation_id: h.refs.agencyId, source: 'automatic', severity: 'minor', batch_ref: b.batchNumber, region_code: '220102' });
    expect(violations[0]!.occurred_at.toISOString()).toBe(new Date(b.T.getTime() + 2 * H).toISOString());
    expect(violations[0]!.evidence).toMatchObject({
      completedAt: b.T.toISOString(),
      deadline: new Date(b.T.getTime() + 2 * H).toISOString(),
      deadlineBasis: 'completion',
      arrived: { records: 1, recordVersions: 1, images: 0 },
      forceMajeure: null,
    });
    const audit = await h.t.deps.db.selectFrom('audit_log').select('action').where('target_id', 'in', [b.id, violations[0]!.id]).where('action', 'in', ['batch.lock', 'violation.record']).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['batch.lock', 'violation.record']);
    expect(await notices('jz.owner', b.id, 'batch_locked')).toHaveLength(1);
    expect(await notices('jz.admin', b.id, 'batch_locked')).toHaveLength(1);
    // The officers see it in the batch list as locked.
    const list = (await h.get('officer.nanguan', `${B}?locked=true&pageSize=100`)).json();
    expect(list.items.map((x: { id: string }) => x.id)).toContain(b.id);
  });

  it('warns the agency 30 min before the deadline, once', async () => {
    const b = await completedBatch();
    h.clock.set(b.T.getTime() + 90 * MIN - 1);
    await sweep();
    expect(await notices('jz.owner', b.id, 'deadline_approaching')).toHaveLength(0);
    h.clock.set(b.T.getTime() + 90 * MIN);
    await sweep();
    await sweep();
    const n = await notices('jz.owner', b.id, 'deadline_approaching');
    expect(n).toHaveLength(1);
    expect(n[0]!.title).toContain('30 分钟');
  });

  it('a completion declared more than 2 h back is late at once', async () => {
    const b = await h.open();
    h.clock.advance(3 * H);
    const done = await h.post('lims', `${B}/${b.id}/complete`, { completedAt: new Date(h.clock.now().getTime() - 2 * H - 1).toISOString() });
    expect(done.statusCode).toBe(200);
    expect(done.json().locked).toBe(true);
    expect(await lateViolations(b.id)).toHaveLength(1);
  });

  it('a sweep that dies midway writes nothing; the next sweep locks every batch exactly once', async () => {
    const batches = [await completedBatch(), await completedBatch(), await completedBatch()];
    h.clock.set(batches[2]!.T.getTime() + 2 * H + 1);
    await expect(
      sweepDeadlines(
        { db: h.t.deps.db, clock: h.clock },
        {
          chunkSize: 2,
          hooks: {
            afterClaim: async () => {
              throw new Error('process killed');
            },
          },
        },
      ),
    ).rejects.toThrow('process killed');
    for (const b of batches) expect((await deadlineOf('jz.owner', b.id)).lock.locked).toBe(false);
    const r = await sweepDeadlines({ db: h.t.deps.db, clock: h.clock }, { chunkSize: 2 });
    expect(r.locked).toBeGreaterThanOrEqual(3);
    for (const b of batches) {
      expect((await deadlineOf('jz.owner', b.id)).lock.locked).toBe(true);
      expect(await lateViolations(b.id)).toHaveLength(1);
      expect(await lockEvents(b.id)).toHaveLength(1);
    }
  });
});

describe('force majeure (不可抗力报备)', () => {
  it('a filing at 1:59:59 after completion is accepted; at 2:00:01 it is refused', async () => {
    const a = await completedBatch();
    h.clock.set(a.T.getTime() + 2 * H - 1000);
    const ok = await h.post('jz.owner', `${B}/${a.id}/force-majeure`, { reason: '现场突发停电，采集终端无法上传' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ status: 'pending', department: { regionCode: '220102' }, batchNumber: a.batchNumber });
    const b = await completedBatch();
    h.clock.set(b.T.getTime() + 2 * H + 1000);
    const late = await h.post('jz.owner', `${B}/${b.id}/force-majeure`, { reason: '现场突发停电，采集终端无法上传' });
    expect(late.statusCode).toBe(422);
    expect(late.json().code).toBe('FORCE_MAJEURE_WINDOW_CLOSED');
  });

  it('routes to the county department, suspends the lock, and after acceptance the deadline is clearing + 2 h (exact at the bound)', async () => {
    const b = await completedBatch();
    h.clock.set(b.T.getTime() + 60 * MIN);
    const filed = await h.post('lims', `${B}/${b.id}/force-majeure`, { reason: '暴雨导致现场网络中断' });
    expect(filed.statusCode).toBe(201);
    const filingId = filed.json().id as string;
    expect((await notices('officer.nanguan', b.id, 'force_majeure_filed')).length).toBe(1);

    // Pending: well past the original deadline nothing is locked.
    h.clock.set(b.T.getTime() + 5 * H);
    await sweep();
    expect((await deadlineOf('jz.owner', b.id)).deadline.state).toBe('suspended');
    expect((await deadlineOf('jz.owner', b.id)).lock.locked).toBe(false);

    // The county's inbox holds it; another county does not see it; the city sees it but does not decide it.
    const inbox = (await h.get('officer.nanguan', `${F}?inbox=true&status=pending&pageSize=100`)).json();
    expect(inbox.items.map((x: { id: string }) => x.id)).toContain(filingId);
    expect((await h.get('officer.chaoyang', `${F}/${filingId}`)).statusCode).toBe(404);
    const byCity = await h.post('officer.changchun', `${F}/${filingId}/decision`, { decision: 'accept' });
    expect(byCity.statusCode).toBe(403);
    expect(byCity.json().code).toBe('FORCE_MAJEURE_OTHER_DEPARTMENT');
    expect((await h.post('jz.owner', `${F}/${filingId}/decision`, { decision: 'accept' })).statusCode).toBe(403);

    const accepted = await h.post('officer.nanguan', `${F}/${filingId}/decision`, { decision: 'accept', reason: '经核实属实' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', decidedByName: expect.any(String) });
    expect(await notices('jz.owner', b.id, 'force_majeure_decided')).toHaveLength(1);
    expect((await h.post('officer.nanguan', `${F}/${filingId}/decision`, { decision: 'reject', reason: '改判' })).statusCode).toBe(409);
    await sweep();
    // Accepted and not yet cleared: the latest deadline (acceptance + 72 h + 2 h) already applies.
    expect((await deadlineOf('jz.owner', b.id)).deadline).toMatchObject({ state: 'running', basis: 'force_majeure_limit', deadline: new Date(h.clock.now().getTime() + 74 * H).toISOString() });
    expect((await deadlineOf('jz.owner', b.id)).lock.locked).toBe(false);

    const C = new Date(h.clock.now().getTime() - 10 * MIN);
    expect((await h.post('jz.owner', `${F}/${filingId}/clearance`, { clearedAt: new Date(b.T.getTime()).toISOString() })).json().code).toBe('CLEARED_BEFORE_FILING');
    const cleared = await h.post('jz.owner', `${F}/${filingId}/clearance`, { clearedAt: C.toISOString(), note: '网络已恢复' });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toMatchObject({ clearedAt: C.toISOString(), clearedDeadline: new Date(C.getTime() + 2 * H).toISOString() });
    expect((await deadlineOf('jz.owner', b.id)).deadline).toMatchObject({ state: 'running', basis: 'force_majeure_cleared', deadline: new Date(C.getTime() + 2 * H).toISOString() });

    h.clock.set(C.getTime() + 2 * H);
    await sweep();
    expect((await deadlineOf('jz.owner', b.id)).lock.locked).toBe(false);
    h.clock.set(C.getTime() + 2 * H + 1);
    await sweep();
    expect((await deadlineOf('jz.owner', b.id)).lock.locked).toBe(true);
    const v = await lateViolations(b.id);
    expect(v).toHaveLength(1);
    expect(v[0]!.evidence).toMatchObject({ deadlineBasis: 'force_majeure_cleared', forceMajeure: { filingId, status: 'accepted', clearedAt: C.toISOString() } });
    expect(v[0]!.source_ref).toBe(`batch:${b.id}:late:${new Date(C.getTime() + 2 * H).toISOString()}`);
  });

  it('a seal at exactly clearing + 2 h is on time', async () => {
    const b = await completedBatch();
    h.clock.set(b.T.getTime() + 30 * MIN);
    const filingId = (await h.post('jz.owner', `${B}/${b.id}/force-majeure`, { reason: '检测设备遭雷击损坏' })).json().id;
    await h.post('officer.nanguan', `${F}/${filingId}/decision`, { decision: 'accept' });
    const C = h.clock.now();
    expect((await h.post('jz.owner', `${F}/${filingId}/clearance`, { clearedAt: C.toISOString() })).statusCode).toBe(200);
    h.clock.set(C.getTime() + 2 * H);
    const sealed = await h.post('jz.owner', `${B}/${b.id}/seal`, await manifest(b.id));
    expect(sealed.json()).toMatchObject({ locked: false, deadline: { sealedOnTime: true, basis: 'force_majeure_cleared' } });
  });

  it('a filing rejected after the original deadline locks the batch at once; one rejected before restores the deadline', async () => {
    const late = await completedBatch();
    h.clock.set(late.T.getTime() + 90 * MIN);
    const f1 = (await h.post('jz.owner', `${B}/${late.id}/force-majeure`, { reason: '现场停电无法上传' })).json().id;
    h.clock.set(late.T.getTime() + 3 * H);
    expect((await h.post('officer.nanguan', `${F}/${f1}/decision`, { decision: 'reject' })).json().code).toBe('REASON_REQUIRED');
    const rejected = await h.post('officer.nanguan', `${F}/${f1}/decision`, { decision: 'reject', reason: '停电证明不足' });
    expect(rejected.statusCode).toBe(200);
    const d = await deadlineOf('jz.owner', late.id);
    expect(d.lock).toMatchObject({ locked: true, lockedAt: h.clock.now().toISOString() });
    const v = await lateViolations(late.id);
    expect(v).toHaveLength(1);
    expect(v[0]!.evidence).toMatchObject({ deadlineBasis: 'completion', forceMajeure: { filingId: f1, status: 'rejected' } });

    const early = await completedBatch();
    h.clock.set(early.T.getTime() + 20 * MIN);
    const f2 = (await h.post('jz.owner', `${B}/${early.id}/force-majeure`, { reason: '现场停电无法上传' })).json().id;
    h.clock.set(early.T.getTime() + 40 * MIN);
    await h.post('officer.nanguan', `${F}/${f2}/decision`, { decision: 'reject', reason: '不属于不可抗力' });
    expect((await deadlineOf('jz.owner', early.id)).deadline).toMatchObject({ state: 'running', deadline: new Date(early.T.getTime() + 2 * H).toISOString() });
    h.clock.set(early.T.getTime() + 2 * H + 1);
    await sweep();
    expect((await deadlineOf('jz.owner', early.id)).lock.locked).toBe(true);
  });

  it('refuses filings without a completion, a second one in force, and foreign callers', async () => {
    const open = await h.open();
    expect((await h.post('jz.owner', `${B}/${open.id}/force-majeure`, { reason: '现场停电无法上传' })).json().code).toBe('BATCH_NOT_COMPLETED');
    const b = await completedBatch();
    expect((await h.post('jz.owner', `${B}/${b.id}/force-majeure`, { reason: '现场停电无法上传' })).statusCode).toBe(201);
    expect((await h.post('jz.owner', `${B}/${b.id}/force-majeure`, { reason: '现场停电无法上传' })).json().code).toBe('FORCE_MAJEURE_EXISTS');
    expect((await h.post('jk.tester', `${B}/${b.id}/force-majeure`, { reason: '现场停电无法上传' })).statusCode).toBe(404);
    expect((await h.post('officer.nanguan', `${B}/${b.id}/force-majeure`, { reason: '现场停电无法上传' })).statusCode).toBe(403);
    expect((await h.post('jz.owner', `${B}/${b.id}/force-majeure`, { reason: 'x' })).json().code).toBe('REASON_REQUIRED');
  });
});

describe('supplementary uploads and unlocking', () => {
  it('uploads to a locked batch are accepted as 补传 and counted per agency per year, by batch', async () => {
    const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(h.clock.now()));
    const before = await supplementaryUploadCount(h.t.deps.db, h.refs.agencyId, year);
    const b = await completedBatch();
    h.clock.set(b.T.getTime() + 2 * H + 1);
    await sweep();
    for (let i = 0; i < 2; i++) {
      const up = await h.upload('lims', b.id, signedRecord(h.refs, b.id, new Date(b.T.getTime() - 10_000)));
      expect(up.statusCode).toBe(201);
      expect(up.json().supplementary).toBe(true);
    }
    const after = await supplementaryUploadCount(h.t.deps.db, h.refs.agencyId, year);
    expect(after).toEqual({ batches: before.batches + 1, uploads: before.uploads + 2 });
    const api = await h.get('officer.nanguan', `/api/v1/supplementary-uploads?agencyId=${h.refs.agencyId}&year=${year}`);
    expect(api.json()).toMatchObject({ agencyId: h.refs.agencyId, year, batches: after.batches, uploads: after.uploads });
    expect((await h.get('jk.tester', `/api/v1/supplementary-uploads?agencyId=${h.refs.agencyId}`)).statusCode).toBe(404);
    expect(await supplementaryUploadCount(h.t.deps.db, h.refs.agencyId, year + 1)).toEqual({ batches: 0, uploads: 0 });
  });

  it('an officer of the jurisdiction unlocks with a reason, audited, notified; others cannot', async () => {
    const b = await completedBatch();
    h.clock.set(b.T.getTime() + 2 * H + 1);
    await sweep();
    expect((await h.post('jz.owner', `${B}/${b.id}/unlock`, { reason: '已处理' })).statusCode).toBe(403);
    expect((await h.post('officer.chaoyang', `${B}/${b.id}/unlock`, { reason: '已处理' })).statusCode).toBe(404);
    expect((await h.post('officer.nanguan', `${B}/${b.id}/unlock`, { reason: ' ' })).json().code).toBe('REASON_REQUIRED');
    const owner = await deadlineOf('jz.owner', b.id);
    expect(owner.can).toEqual({ file: false, clear: false, unlock: false });
    expect((await deadlineOf('officer.nanguan', b.id)).can.unlock).toBe(true);
    const res = await h.post('officer.nanguan', `${B}/${b.id}/unlock`, { reason: '已约谈，补传完成' });
    expect(res.statusCode).toBe(200);
    expect(res.json().lock).toMatchObject({ locked: false, unlockReason: '已约谈，补传完成' });
    expect((await h.post('officer.nanguan', `${B}/${b.id}/unlock`, { reason: '再次' })).json().code).toBe('BATCH_NOT_LOCKED');
    const events = (await h.get('jz.owner', `${B}/${b.id}/events`)).json().map((e: { event: string }) => e.event);
    expect(events.slice(-2)).toEqual(['lock', 'unlock']);
    const audit = await h.t.deps.db.selectFrom('audit_log').selectAll().where('target_id', '=', b.id).where('action', '=', 'batch.unlock').execute();
    expect(audit).toHaveLength(1);
    expect(await notices('jz.owner', b.id, 'batch_unlocked')).toHaveLength(1);
    // Never locked twice by the rule: the sweeper leaves an unlocked batch alone, and later uploads stay 补传.
    h.clock.advance(H);
    await sweep();
    expect((await deadlineOf('jz.owner', b.id)).lock.locked).toBe(false);
    const up = await h.upload('lims', b.id, signedRecord(h.refs, b.id, new Date(b.T.getTime() - 10_000)));
    expect(up.json().supplementary).toBe(true);
  });
});

describe('notifications', () => {
  it('lists mine with the unread count, marks one and all read; another person’s is 404', async () => {
    const list = (await h.get('jz.owner', '/api/v1/notifications?pageSize=100')).json();
    expect(list.total).toBeGreaterThan(0);
    expect(list.unread).toBe((await h.get('jz.owner', '/api/v1/notifications/unread-count')).json().unread);
    const first = list.items[0];
    expect(first).toMatchObject({ kindLabel: expect.any(String), readAt: null });
    expect((await h.post('officer.nanguan', `/api/v1/notifications/${first.id}/read`)).statusCode).toBe(404);
    const read = await h.post('jz.owner', `/api/v1/notifications/${first.id}/read`);
    expect(read.json().readAt).toBe(h.clock.now().toISOString());
    expect((await h.get('jz.owner', '/api/v1/notifications/unread-count')).json().unread).toBe(list.unread - 1);
    await h.post('jz.owner', '/api/v1/notifications/read-all');
    expect((await h.get('jz.owner', '/api/v1/notifications/unread-count')).json().unread).toBe(0);
  });
});

// Last: it moves the clock a day on, past the sessions' idle limit.
describe('missing uploads (漏传)', () => {
  it('flags a batch opened 24 h ago and never completed as possibly missing (漏传), once', async () => {
    const b = await h.open();
    const opened = new Date(b.openedAt);
    h.clock.set(opened.getTime() + 24 * H);
    await sweep();
    const anomalies = () => h.t.deps.db.selectFrom('anomalies').selectAll().where('batch_id', '=', b.id).where('kind', '=', 'possibly_missing').execute();
    expect(await anomalies()).toHaveLength(0);
    h.clock.set(opened.getTime() + 24 * H + 1);
    await sweep();
    await sweep();
    expect(await anomalies()).toHaveLength(1);
    expect(await notices('jz.owner', b.id, 'batch_possibly_missing')).toHaveLength(1);
    expect(await h.t.deps.db.selectFrom('batch_events').select('event').where('batch_id', '=', b.id).where('event', '=', 'flag_missing').execute()).toHaveLength(1);
  });
});
