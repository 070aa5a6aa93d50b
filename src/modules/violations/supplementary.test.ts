import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedRecord, startBatchHarness, type BatchHarness } from '../batches/test-fixtures.ts';
import { reassessOrganisation, supplementaryUploadCount } from './reassess.ts';

let h: BatchHarness;
beforeAll(async () => {
  h = await startBatchHarness();
});
afterAll(() => h.t.close());

const MIN = 60_000;

/** A batch locked as the 2-hour rule will lock it (issue 5), then `n` records uploaded to it: each one 补传. */
async function lateBatch(n: number) {
  h.clock.advance(5 * MIN);
  const b = await h.open();
  await h.t.deps.db.updateTable('batches').set({ locked: true, locked_at: h.clock.now(), lock_reason: '超过上传时限' }).where('id', '=', b.id).execute();
  for (let i = 1; i <= n; i++) {
    h.clock.advance(MIN);
    const res = await h.upload('lims', b.id, signedRecord(h.refs, b.id, new Date(h.clock.now().getTime() - MIN), {}, i));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().supplementary).toBe(true);
  }
}

describe('补传超1次 (counted per batch)', () => {
  const reassess = () =>
    h.t.deps.db.transaction().execute((trx) => reassessOrganisation(trx, { actor: { kind: 'system', name: 'test' }, requestId: 't', clientIp: null, now: h.clock.now() }, h.org('agency-jz'), 2026));

  it('one late batch with three supplementary records is one 补传: no rung', async () => {
    await lateBatch(3);
    expect(await supplementaryUploadCount(h.t.deps.db, h.org('agency-jz'), 2026)).toBe(1);
    expect(await supplementaryUploadCount(h.t.deps.db, h.org('agency-jz'), 2025)).toBe(0);
    // The demo seed's own 迟传 of 吉林省建正 may already stand at 约谈提醒; one 补传 adds no 限期整改.
    expect((await reassess()).proposed?.rung ?? 'none').not.toBe('rectification');
  });

  it('a second late batch is "超1次": 限期整改 is proposed, once', async () => {
    await lateBatch(1);
    expect(await supplementaryUploadCount(h.t.deps.db, h.org('agency-jz'), 2026)).toBe(2);
    expect((await reassess()).proposed).toMatchObject({ rung: 'rectification' });
    expect((await reassess()).proposed).toBeNull();
    const c = await h.t.deps.db.selectFrom('enforcement_cases').selectAll().where('organisation_id', '=', h.org('agency-jz')).where('rung', '=', 'rectification').execute();
    expect(c.map((x) => [x.rung, x.status, x.reasons, x.supplementary_uploads])).toEqual([['rectification', 'proposed', ['supplementary_uploads_exceeded'], 2]]);
  });
});
