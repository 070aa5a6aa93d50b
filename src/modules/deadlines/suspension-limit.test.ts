import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedRecord, startBatchHarness, USERS, type BatchHarness } from '../batches/test-fixtures.ts';
import { sweepDeadlines } from './sweeper.ts';

/**
 * ⚙ FORCE_MAJEURE_MAX_SUSPENSION_MS through the API and the sweeper: an accepted filing never declared cleared holds
 * the lock back only until acceptance + 72 h, then the usual 2 hours run. Its own harness: the clock moves on by days.
 */
let h: BatchHarness;
beforeAll(async () => {
  h = await startBatchHarness();
});
afterAll(() => h.t.close());

const B = '/api/v1/batches';
const F = '/api/v1/force-majeure-filings';
const MIN = 60_000;
const H = 3_600_000;

const sweep = () => sweepDeadlines({ db: h.t.deps.db, clock: h.clock });

/** Moves the clock to `ms` in steps inside the sessions' idle limit, so that the signed-in users stay signed in. */
async function travelTo(ms: number) {
  const keepAlive = async () => {
    for (const u of USERS) await h.get(u, '/api/v1/notifications/unread-count');
  };
  await keepAlive();
  while (h.clock.now().getTime() < ms) {
    h.clock.set(Math.min(ms, h.clock.now().getTime() + 10 * H));
    await keepAlive();
  }
}

async function completedBatch(): Promise<{ id: string; T: Date }> {
  await travelTo(h.clock.now().getTime());
  const b = await h.open();
  h.clock.advance(MIN);
  expect((await h.upload('lims', b.id, signedRecord(h.refs, b.id, new Date(h.clock.now().getTime() - 30_000)))).statusCode).toBe(201);
  const T = h.clock.now();
  expect((await h.post('lims', `${B}/${b.id}/complete`, { completedAt: T.toISOString() })).statusCode).toBe(200);
  return { id: b.id, T };
}

const deadlineOf = async (id: string) => (await h.get('jz.owner', `${B}/${id}/deadline`)).json();
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

describe('⚙ force-majeure suspension limit', () => {
  it('⚙ accepted and never declared cleared: treated as cleared at acceptance + 72 h; warned, then locked 1 ms after + 2 h with one 迟传', async () => {
    const b = await completedBatch();
    h.clock.set(b.T.getTime() + 30 * MIN);
    const filingId = (await h.post('jz.owner', `${B}/${b.id}/force-majeure`, { reason: '区域光缆被挖断，网络中断' })).json().id as string;
    h.clock.set(b.T.getTime() + 4 * H);
    const A = h.clock.now();
    expect((await h.post('officer.nanguan', `${F}/${filingId}/decision`, { decision: 'accept', reason: '经核实属实' })).statusCode).toBe(200);
    const deadline = new Date(A.getTime() + 72 * H + 2 * H);
    const row = await h.t.deps.db.selectFrom('batches').select(['lock_due_at', 'warn_due_at']).where('id', '=', b.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ lock_due_at: deadline, warn_due_at: new Date(deadline.getTime() - 30 * MIN) });

    // Well into the suspension nothing happens; the approaching-deadline notice comes as for any deadline.
    await travelTo(A.getTime() + 72 * H);
    await sweep();
    expect((await deadlineOf(b.id)).lock.locked).toBe(false);
    expect(await notices('jz.owner', b.id, 'deadline_approaching')).toHaveLength(0);
    h.clock.set(deadline.getTime() - 30 * MIN);
    await sweep();
    expect(await notices('jz.owner', b.id, 'deadline_approaching')).toHaveLength(1);

    h.clock.set(deadline.getTime());
    await sweep();
    expect((await deadlineOf(b.id)).lock.locked).toBe(false);
    h.clock.set(deadline.getTime() + 1);
    await sweep();
    await sweep();
    expect((await deadlineOf(b.id)).lock).toMatchObject({ locked: true, lockedAt: h.clock.now().toISOString() });
    const v = await lateViolations(b.id);
    expect(v).toHaveLength(1);
    expect(v[0]!.evidence).toMatchObject({ deadlineBasis: 'force_majeure_limit', deadline: deadline.toISOString(), forceMajeure: { filingId, status: 'accepted', decidedAt: A.toISOString(), clearedAt: null } });
    expect(await lockEvents(b.id)).toHaveLength(1);
  });

  it('⚙ a clearing declared before the limit still wins over it', async () => {
    const b = await completedBatch();
    h.clock.set(b.T.getTime() + 30 * MIN);
    const filingId = (await h.post('jz.owner', `${B}/${b.id}/force-majeure`, { reason: '检测设备遭雷击损坏' })).json().id as string;
    const A = h.clock.now();
    await h.post('officer.nanguan', `${F}/${filingId}/decision`, { decision: 'accept' });
    h.clock.set(A.getTime() + 10 * H);
    const C = h.clock.now();
    expect((await h.post('jz.owner', `${F}/${filingId}/clearance`, { clearedAt: C.toISOString() })).statusCode).toBe(200);
    expect((await deadlineOf(b.id)).deadline).toMatchObject({ state: 'running', basis: 'force_majeure_cleared', deadline: new Date(C.getTime() + 2 * H).toISOString() });
    h.clock.set(C.getTime() + 2 * H + 1);
    await sweep();
    expect((await deadlineOf(b.id)).lock.locked).toBe(true);
    expect((await lateViolations(b.id))[0]!.evidence).toMatchObject({ deadlineBasis: 'force_majeure_cleared' });
  });

});
