import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBatchHarness, type BatchHarness } from '../batches/test-fixtures.ts';
import { hashBands } from './rules/flags.ts';
import { nearHashes } from './reuse.ts';
import { beijingRfc3339, declaredFor, uploadImage } from './test-helpers.ts';
import { makeScene } from './test-images.ts';
import { runImageJobs } from './worker.ts';

/**
 * Reuse found by the image worker over every batch (issue 12 item 2), on the real database: each transform of an
 * original is flagged as its reuse, with the evidence where the departments can see it and only the fact of a match
 * where the uploader may not see the original.
 */

let h: BatchHarness;
const MIN = 60_000;
const silent = { error() {}, warn() {} };
const run = () => runImageJobs(h.t.deps, { log: silent });
type Flag = { kind: string; details: Record<string, unknown> };

beforeAll(async () => {
  h = await startBatchHarness();
  await run();
}, 300_000);
afterAll(() => h.t.close());

async function upload(batchId: string, bytes: Buffer) {
  const d = declaredFor(h, h.clock.now());
  const res = await uploadImage(h, 'jz.tester', batchId, await sharp(bytes).withExif({ IFD0: { Make: 'HUAWEI', Model: 'Mate 60 Pro' } }).toBuffer(), { ...d, capturedAt: beijingRfc3339(h.clock.now()) });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}
const reuseFlag = async (id: string) => ((await h.get('jz.tester', `/api/v1/images/${id}`)).json().flags as Flag[]).find((f) => f.kind === 'duplicate_image');

describe('reuse across batches and inside one', () => {
  it('finds each transform of an original as its reuse, with the transform and the distance', async () => {
    const a = await h.open();
    h.clock.advance(MIN);
    const W = 1000;
    const H = 750;
    const original = await makeScene(31, W, H);
    const originalId = await upload(a.id, original);
    await run();
    const b = await h.open();
    h.clock.advance(MIN);
    const cases: [string, Buffer, object][] = [
      ['crop 80 %', await sharp(original).extract({ left: 100, top: 75, width: 800, height: 600 }).jpeg().toBuffer(), { transform: 'none', crop: 'crop_of_original' }],
      ['mirror', await sharp(original).flop().jpeg().toBuffer(), { transform: 'mirror' }],
      ['rotation 90°', await sharp(original).rotate(90).jpeg().toBuffer(), { transform: 'rotate90' }],
      ['50 % scale', await sharp(original).resize(W / 2).jpeg().toBuffer(), { transform: 'none' }],
      ['quality 60', await sharp(original).jpeg({ quality: 60 }).toBuffer(), { transform: 'none' }],
      ['brightness +20 %', await sharp(original).modulate({ brightness: 1.2 }).jpeg().toBuffer(), { transform: 'none' }],
    ];
    const ids: string[] = [];
    for (const [, bytes] of cases) {
      ids.push(await upload(b.id, bytes));
      // One at a time: each is compared with the original, not with the previous copy.
      await run();
    }
    for (const [i, [name, , expected]] of cases.entries()) {
      const flag = await reuseFlag(ids[i]!);
      expect(flag?.details, name).toMatchObject({ match: 'similar', originalIn: 'same_agency', ...expected });
      const evidence = (await h.get('officer.nanguan', `/api/v1/images/${ids[i]}/reuse`)).json().items;
      expect(evidence, name).toHaveLength(1);
      expect(evidence[0], name).toMatchObject({ role: 'original', otherIn: 'same_agency', other: { imageId: originalId, batchId: a.id, batchNumber: a.batchNumber } });
      // The earliest matching image is the original, so the copies name it rather than each other.
    }
    // The original lists its copies.
    const copies = (await h.get('officer.nanguan', `/api/v1/images/${originalId}/reuse`)).json().items as { role: string }[];
    expect(copies.filter((c) => c.role === 'copy')).toHaveLength(cases.length);
    expect(await reuseFlag(originalId)).toBeUndefined();

    // A twin in the same batch (补拍 with one photo twice): found, and said to be in the same batch.
    const twin = await upload(a.id, await sharp(original).rotate(270).jpeg({ quality: 70 }).toBuffer());
    await run();
    expect((await reuseFlag(twin))?.details).toMatchObject({ match: 'similar', transform: 'rotate270', originalIn: 'same_batch' });
    // A different picture in the same batch is not.
    const other = await upload(a.id, await makeScene(32, W, H));
    await run();
    expect(await reuseFlag(other)).toBeUndefined();
  }, 180_000);

  it("shows another project's original to the department, and to a party of the copy's project only the fact", async () => {
    // A picture taken for a batch on the 湖西路 works (朝阳区) is uploaded again to a 幸福里 (南关区) batch.
    const db = h.t.deps.db;
    const commission = await db
      .selectFrom('commissions as c')
      .select(['c.id', 'c.project_id'])
      .where('c.agency_id', '=', h.refs.agencyId)
      .where('c.project_id', '<>', h.refs.projectId)
      .orderBy('c.id')
      .executeTakeFirstOrThrow();
    const components = (await db.selectFrom('components').select('code').where('project_id', '=', commission.project_id).orderBy('created_at').orderBy('id').limit(2).execute()).map((c) => c.code);
    const witness = await db.selectFrom('witness_persons').select('id').where('supervision_unit_id', '=', h.org('super-cc')).orderBy('name').executeTakeFirstOrThrow();
    const huxilu = await h.open({ projectId: commission.project_id, commissionId: commission.id, componentIds: components, witnessPersonId: witness.id });
    h.clock.advance(MIN);
    const picture = await makeScene(41, 800, 600);
    const d0 = declaredFor(h, h.clock.now(), { componentId: components[0]! });
    const theirsRes = await uploadImage(h, 'jz.tester', huxilu.id, picture, d0);
    expect(theirsRes.statusCode).toBe(201);
    const theirs = { id: theirsRes.json().id as string, batch_id: huxilu.id };
    await run();
    const bytes = picture;
    const batch = await h.open();
    h.clock.advance(MIN);
    const d = declaredFor(h, h.clock.now());
    const res = await uploadImage(h, 'jz.tester', batch.id, bytes, d);
    const copyId = res.json().id as string;
    await run();
    const flag = await reuseFlag(copyId);
    expect(flag?.details).toMatchObject({ match: 'identical', originalIn: 'same_agency' });
    // The anomaly itself names no other image, batch or agency: only how the match was made.
    expect(Object.keys(flag!.details).sort()).toEqual(['hammingDistance', 'match', 'maxDistance', 'originalIn', 'transform']);

    // 南关区's department reviews the copy and sees the original from 朝阳区 beside it.
    const dept = (await h.get('officer.nanguan', `/api/v1/images/${copyId}/reuse`)).json().items;
    expect(dept[0]).toMatchObject({ match: 'identical', other: { imageId: theirs.id, batchId: theirs.batch_id } });
    const thumb = await h.get('officer.nanguan', `/api/v1/images/${copyId}/reuse/${dept[0].matchId}/thumbnail`);
    expect(thumb.statusCode).toBe(200);
    expect((await sharp(thumb.rawPayload).metadata()).format).toBe('jpeg');

    // 幸福里's supervision unit (the witness) sees the copy but not 湖西路's batches: the match, not the picture.
    const party = await h.get('witness.sun', `/api/v1/images/${copyId}/reuse`);
    expect(party.statusCode).toBe(200);
    expect(party.json().items[0]).toMatchObject({ match: 'identical', other: null });
    expect((await h.get('witness.sun', `/api/v1/images/${copyId}/reuse/${dept[0].matchId}/thumbnail`)).statusCode).toBe(404);
    expect((await h.get('witness.sun', `/api/v1/images/${theirs.id}`)).statusCode).toBe(404);
    // Someone who does not see the copy learns nothing.
    expect((await h.get('jk.tester', `/api/v1/images/${copyId}/reuse`)).statusCode).toBe(404);
  }, 120_000);
});

describe('the multi-index lookup', () => {
  it('returns exactly the stored hashes within the threshold, through the chunk indexes', async () => {
    const db = h.t.deps.db;
    const row = await db.selectFrom('image_reuse_hashes').select(['image_id', 'c0', 'c1', 'c2', 'c3']).where('region', '=', 'whole').executeTakeFirstOrThrow();
    const hex = [row.c0, row.c1, row.c2, row.c3].map((c) => c.toString(16).padStart(4, '0')).join('');
    expect(hashBands(hex)).toEqual([row.c0, row.c1, row.c2, row.c3]);
    // Six bits changed, spread over the four chunks (two chunks with two): still found; seven bits over all four beyond.
    const flipBits = (bits: number[]) => (BigInt(`0x${hex}`) ^ bits.reduce((v, b) => v | (1n << BigInt(b)), 0n)).toString(16).padStart(16, '0');
    const six = flipBits([1, 2, 17, 18, 33, 49]);
    const found = await nearHashes(db, [six], { maxDistance: 6 });
    expect(found.find((f) => f.imageId === row.image_id)).toMatchObject({ distance: 6, region: 'whole' });
    const seven = flipBits([1, 2, 17, 18, 33, 34, 49]);
    expect((await nearHashes(db, [seven], { maxDistance: 6 })).find((f) => f.imageId === row.image_id)).toBeUndefined();
  });
});
