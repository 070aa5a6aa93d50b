import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBatchHarness, type BatchHarness } from '../batches/test-fixtures.ts';
import { addProcessImage, encodeMetadata, runImageJobs } from '../images/index.ts';
import { beijingRfc3339, offsetFromSite, SITE_CENTRE } from '../images/test-helpers.ts';
import { makeCameraJpeg } from '../images/test-images.ts';
import { witnessCheckinCount } from '../batches/index.ts';
import type { UserActor } from '../../kernel/auth/actor.ts';
import { addCheckinFromBytes } from './service.ts';

let h: BatchHarness;
let batchId: string;
const MIN = 60_000;

beforeAll(async () => {
  h = await startBatchHarness();
  batchId = (await h.open()).id;
  h.clock.advance(20 * MIN);
});
afterAll(() => h.t.close());

async function checkIn(cookie: string, location: { lat: number; lng: number }, opts: { key?: string; capturedAt?: Date; seed?: number; batch?: string } = {}) {
  const capturedAt = opts.capturedAt ?? new Date(h.clock.now().getTime() - MIN);
  const photo = await makeCameraJpeg({ width: 640, height: 480, seed: opts.seed ?? 1, takenAtLocal: beijingRfc3339(capturedAt).slice(0, 19), latitude: location.lat, longitude: location.lng });
  return h.t.app.inject({
    method: 'POST',
    url: `/api/v1/batches/${opts.batch ?? batchId}/checkins`,
    headers: {
      cookie,
      'content-type': 'image/jpeg',
      'idempotency-key': opts.key ?? `checkin-${randomUUID()}`,
      'x-qtrace-metadata': encodeMetadata({ capturedAt: beijingRfc3339(capturedAt), location }),
    },
    payload: photo,
  });
}

describe('witness check-in', () => {
  it('the batch\'s registered witness checks in on site with a photo that goes through the image pipeline', async () => {
    const cookie = await h.t.login('witness.sun');
    expect(await witnessCheckinCount(h.t.deps.db, batchId)).toBe(0);
    const key = 'checkin-sun-0001';
    const res = await checkIn(cookie, SITE_CENTRE, { key });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      batchId,
      witness: { personId: h.refs.witness.sun, name: '孙立' },
      checkedInAt: h.clock.now().toISOString(),
      location: SITE_CENTRE,
      insideSite: true,
      namedOnBatch: true,
      flags: [],
      photo: { kind: 'witness_checkin', status: 'processing', declared: { testerPersonId: null, recordKeys: [] } },
    });
    // A retry is the same check-in.
    const again = await checkIn(cookie, SITE_CENTRE, { key });
    expect(again.json().id).toBe(c.id);
    expect(await witnessCheckinCount(h.t.deps.db, batchId)).toBe(1);

    await runImageJobs(h.t.deps, { log: { error() {}, warn() {} } });
    for (const who of ['jz.owner', 'officer.nanguan', 'witness.sun', 'builder.chen'] as const) {
      const list = await h.get(who, `/api/v1/batches/${batchId}/checkins`);
      expect(list.statusCode, who).toBe(200);
      expect(list.json()).toHaveLength(1);
      // An unsigned check-in photo (not taken through the signed capture page) is flagged for the department (issue 11).
      expect(list.json()[0].photo).toMatchObject({ status: 'done', exif: { make: 'HUAWEI' }, capture: { status: 'unsigned' }, flags: [expect.objectContaining({ kind: 'unsigned_capture' })] });
    }
    expect((await h.get('officer.chaoyang', `/api/v1/batches/${batchId}/checkins`)).statusCode).toBe(404);
    // The photo is a check-in photo, not one of the batch's process images.
    expect((await h.get('jz.owner', `/api/v1/batches/${batchId}/images`)).json().total).toBe(0);
    expect((await h.get('jz.owner', `/api/v1/batches/${batchId}/images?kind=witness_checkin`)).json().total).toBe(1);
    const audit = await h.t.deps.db.selectFrom('audit_log').select('action').where('target_id', '=', c.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['witness.checkin']);
  });

  it('a check-in 3 km from the site is accepted and flagged', async () => {
    const res = await checkIn(await h.t.login('witness.sun'), offsetFromSite(3000, 0), { seed: 2 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ insideSite: false, flags: [{ kind: 'witness_checkin_outside_site', label: '见证签到位置超出项目范围' }] });
    expect(res.json().flags[0].details.distanceFromProjectMetres).toBeGreaterThan(2900);
  });

  it('another witness registered for the project is accepted and flagged as suspected proxy witnessing', async () => {
    // 周雅琴 (also registered for the project) gets a platform account linked to her registration.
    const sun = await h.t.deps.db.selectFrom('users').selectAll().where('username', '=', 'witness.sun').executeTakeFirstOrThrow();
    const user = await h.t.deps.db
      .insertInto('users')
      .values({
        username: 'witness.zhou',
        display_name: '周雅琴',
        organisation_id: sun.organisation_id,
        roles: ['witness'],
        password_hash: sun.password_hash,
        must_change_password: false,
        status: 'active',
        created_at: h.clock.now(),
        updated_at: h.clock.now(),
        password_changed_at: h.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await h.t.deps.db.updateTable('witness_persons').set({ user_id: user.id }).where('id', '=', h.refs.witness.zhou).execute();
    const res = await checkIn(await h.t.login('witness.zhou'), SITE_CENTRE, { seed: 3 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ namedOnBatch: false, flags: [{ kind: 'witness_proxy_suspected', details: { batchWitnessPersonId: h.refs.witness.sun } }] });
  });

  it('a photo taken the day before is accepted and flagged on the photo', async () => {
    const res = await checkIn(await h.t.login('witness.sun'), SITE_CENTRE, { seed: 4, capturedAt: new Date(h.clock.now().getTime() - 24 * 3600_000) });
    expect(res.statusCode).toBe(201);
    expect(res.json().photo.flags).toEqual([expect.objectContaining({ kind: 'capture_outside_window', details: expect.objectContaining({ position: 'before_opening' }) }), expect.objectContaining({ kind: 'unsigned_capture' })]);
  });

  it('only a witness checks in, and only one registered for the project', async () => {
    const tester = await checkIn(await h.t.login('jz.tester'), SITE_CENTRE, { seed: 5 });
    expect(tester.statusCode).toBe(403);
    expect(tester.json().code).toBe('CHECKIN_WITNESS_ONLY');
    // 孙立's supervision unit revokes his authorization for the project (二(二) 变更登记): from then on he cannot check in there.
    const change = await h.post('witness.sun', `/api/v1/witnesses/${h.refs.witness.sun}/authorizations`, {
      kind: 'revocation',
      changedAt: h.clock.now().toISOString(),
      projectIds: [h.refs.projectId],
      reason: '调离该项目',
    });
    expect(change.statusCode, change.body).toBe(201);
    h.clock.advance(MIN);
    const revoked = await checkIn(await h.t.login('witness.sun'), SITE_CENTRE, { seed: 6 });
    expect(revoked.statusCode).toBe(422);
    expect(revoked.json()).toMatchObject({ code: 'WITNESS_NOT_REGISTERED', field: 'params.id' });
  });
});

describe('for seeds and tools inside a transaction', () => {
  it('adds a process image and a check-in through the same rules as the API', async () => {
    const b = await h.open({ witnessPersonId: h.refs.witness.zhou });
    h.clock.advance(MIN);
    const actorOf = async (username: string): Promise<UserActor> => {
      const u = await h.t.deps.db
        .selectFrom('users as u')
        .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
        .select(['u.id', 'u.display_name', 'u.roles', 'o.id as org_id', 'o.name as org_name', 'o.type as org_type', 'o.region_code'])
        .where('u.username', '=', username)
        .executeTakeFirstOrThrow();
      return {
        kind: 'user',
        id: u.id,
        username,
        displayName: u.display_name,
        roles: u.roles,
        organisation: { id: u.org_id, name: u.org_name, type: u.org_type, regionCode: u.region_code },
        sessionTokenHash: '',
      };
    };
    const ctx = async (username: string) => ({ actor: await actorOf(username), requestId: 'seed', clientIp: null, now: h.clock.now() });
    const capturedAt = new Date(h.clock.now().getTime() - 30_000);
    const photo = await makeCameraJpeg({ width: 320, height: 240, seed: 8, takenAtLocal: beijingRfc3339(capturedAt).slice(0, 19), latitude: SITE_CENTRE.lat, longitude: SITE_CENTRE.lng });
    const tester = await ctx('jz.tester');
    const witness = await ctx('witness.zhou');
    const { image, checkin } = await h.t.deps.db.transaction().execute(async (trx) => ({
      image: await addProcessImage(trx, h.t.deps.blobs, tester, b.id, photo, {
        capturedAt: beijingRfc3339(capturedAt),
        location: SITE_CENTRE,
        testerPersonId: h.refs.person.tester,
        equipmentId: h.refs.equipment.rebound,
        componentId: h.refs.components[2],
        recordKeys: [],
      }),
      checkin: await addCheckinFromBytes(trx, h.t.deps.blobs, witness, b.id, photo, { capturedAt: beijingRfc3339(capturedAt), location: SITE_CENTRE }),
    }));
    expect(image).toMatchObject({ kind: 'process', status: 'processing', flags: [expect.objectContaining({ kind: 'image_without_record' }), expect.objectContaining({ kind: 'unsigned_capture' })] });
    expect(checkin).toMatchObject({ namedOnBatch: true, insideSite: true, flags: [], photo: { kind: 'witness_checkin' } });
    expect((await h.get('jz.owner', `/api/v1/batches/${b.id}/checkins`)).json()).toHaveLength(1);
  });
});
