import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../kernel/clock.ts';
import { verifyEd25519 } from '../../kernel/crypto/ed25519.ts';
import { seedBatches } from '../../seed/batches.ts';
import { demoDeviceKeyPair } from '../../seed/registry-agencies.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { ensureRegistrySeed } from '../agencies/testing.ts';
import { recordContentSha256 } from '../records/index.ts';

const clock = new ManualClock('2026-07-15T14:00:00+08:00');
let t: TestApp;
let owner: string;
let officer: string;

beforeAll(async () => {
  t = await createTestApp({ clock });
  const ids = await ensureRegistrySeed(t);
  // The demo calls the batch seed after the registries; where it does not (yet), the test does.
  if (!(await t.deps.db.selectFrom('batches').select('id').limit(1).executeTakeFirst())) {
    await t.deps.db.transaction().execute((trx) => seedBatches(trx, ids, clock.now(), t.deps.blobs));
  }
  owner = await t.login('jz.owner');
  officer = await t.login('officer.nanguan');
});
afterAll(() => t.close());

describe('demo batches', () => {
  it('fill the live board: reported, reviewed, sealed awaiting review, completed with its countdown, locked, under a filing, uploading (one in another county)', async () => {
    const res = await t.app.inject({ url: '/api/v1/batches?pageSize=100', headers: { cookie: owner } });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { status: string; batchNumber: string; regionCode: string; deadline: { state: string; remainingMs: number | null; sealedOnTime: boolean | null } }[];
    // With the deadline seed (src/seed/deadlines.ts): 000008 under a pending force-majeure filing, 000007 locked late.
    expect(items.map((b) => b.status)).toEqual(['uploading', 'uploading', 'completed', 'completed', 'sealed', 'completed', 'reviewed', 'reported']);
    expect(items.map((b) => b.batchNumber)).toEqual(['JC-2026-000005', 'JC-2026-000006', 'JC-2026-000008', 'JC-2026-000004', 'JC-2026-000003', 'JC-2026-000007', 'JC-2026-000002', 'JC-2026-000001']);
    expect(items.map((b) => b.regionCode)).toEqual(['220102', '220104', '220102', '220102', '220102', '220102', '220102', '220102']);
    expect(items[2]!.deadline.state).toBe('suspended');
    const completed = items[3]!;
    expect(completed.deadline).toMatchObject({ state: 'running', remainingMs: 70 * 60_000 });
    expect(items[4]!.deadline.sealedOnTime).toBe(true);
    expect(items[5]!).toMatchObject({ locked: true, deadline: { overdue: true } });
    expect(items[6]!.deadline.sealedOnTime).toBe(true);
    expect(items[7]!.deadline.sealedOnTime).toBe(true);
  });

  it('each department sees the batches of its own county only', async () => {
    const numbers = async (who: string) =>
      ((await t.app.inject({ url: '/api/v1/batches?pageSize=100', headers: { cookie: await t.login(who) } })).json().items as { batchNumber: string }[]).map((b) => b.batchNumber).sort();
    expect(await numbers('officer.nanguan')).toEqual(['JC-2026-000001', 'JC-2026-000002', 'JC-2026-000003', 'JC-2026-000004', 'JC-2026-000005', 'JC-2026-000007', 'JC-2026-000008']);
    expect(await numbers('officer.chaoyang')).toEqual(['JC-2026-000006']);
  });

  it('the completed batch holds two process images through the upload path, the one taken 12 km away flagged', async () => {
    const list = (await t.app.inject({ url: '/api/v1/batches?status=completed&q=JC-2026-000004', headers: { cookie: officer } })).json();
    const images = (await t.app.inject({ url: `/api/v1/batches/${list.items[0].id}/images`, headers: { cookie: officer } })).json();
    expect(images.total).toBe(2);
    const [near, far] = images.items as { declared: { recordKeys: string[] }; flags: { kind: string }[]; status: string }[];
    expect(near!.flags).toEqual([]);
    expect(far!.flags.map((f) => f.kind)).toEqual(['location_outside_site']);
    expect(far!.declared.recordKeys).toEqual(['JC-2026-000004-R002']);
    const anomalies = (await t.app.inject({ url: '/api/v1/anomalies?kind=location_outside_site', headers: { cookie: officer } })).json();
    expect(anomalies.total).toBe(1);
  });

  it('records are signed by the demo device key and hash to what their seal declares', async () => {
    const rows = await t.deps.db.selectFrom('batch_records').selectAll().execute();
    expect(rows.length).toBe(12);
    const key = demoDeviceKeyPair().publicKey;
    for (const r of rows) {
      expect(verifyEd25519(key, r.signed_payload!, r.signature_value!)).toBe(true);
      const values = typeof r.values === 'string' ? JSON.parse(r.values) : r.values;
      expect(recordContentSha256({ batchId: r.batch_id, recordKey: r.record_key, version: r.version, itemCode: r.item_code, componentId: r.component_code, values, capturedAt: r.captured_at, source: r.source, equipmentId: r.equipment_id, testerPersonId: r.tester_person_id })).toBe(r.content_sha256);
    }
  });

  it('the reviewed batch shows its timeline, seal, review and the findings of its seal to the department', async () => {
    const list = (await t.app.inject({ url: '/api/v1/batches?status=reviewed', headers: { cookie: officer } })).json();
    const detail = (await t.app.inject({ url: `/api/v1/batches/${list.items[0].id}`, headers: { cookie: officer } })).json();
    expect(detail.events.map((e: { event: string }) => e.event)).toEqual(['open', 'upload_started', 'witness.attest', 'complete', 'seal', 'review.approve']);
    expect(detail.reviews).toEqual([expect.objectContaining({ decision: 'approve', reviewer: expect.objectContaining({ name: '韩雪' }) })]);
    expect(detail.attestations).toHaveLength(1);
    expect(new Set(detail.anomalies.map((a: { kind: string }) => a.kind))).toEqual(new Set(['record_missing_images', 'witness_no_checkin']));
  });
});
