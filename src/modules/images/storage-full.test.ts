import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBatchHarness, type BatchHarness } from '../batches/test-fixtures.ts';
import { declaredFor, photoFor, uploadImage } from './test-helpers.ts';

/**
 * Disk full on the blob store (issue 15 item 8): a store whose writes fail with ENOSPC after taking part of the body.
 * The upload is answered 507 STORAGE_FULL, no image row refers to it, and the server stays ready.
 */
let h: BatchHarness;
let batchId: string;
let openedAt: Date;
const MIN = 60_000;

beforeAll(async () => {
  h = await startBatchHarness();
  const b = await h.open();
  batchId = b.id;
  openedAt = new Date(b.openedAt);
  h.clock.advance(30 * MIN);
});
afterAll(() => h.t.close());

describe('a blob store whose writes fail with ENOSPC', () => {
  it('answers a direct upload 507 STORAGE_FULL, writes no row, and stays ready; uploads succeed once there is room', async () => {
    const blobs = h.t.deps.blobs;
    const put = blobs.put.bind(blobs);
    // Fault injection: the store reads the first chunk of the body, then the disk is full.
    blobs.put = async (content: Readable | Buffer) => {
      if (!Buffer.isBuffer(content)) for await (const _ of content) break;
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    };
    const d = declaredFor(h, new Date(openedAt.getTime() + 5 * MIN));
    const bytes = await photoFor(d);
    const before = await h.t.deps.db.selectFrom('images').select((eb) => eb.fn.countAll<number>().as('n')).where('batch_id', '=', batchId).executeTakeFirstOrThrow();
    try {
      const res = await uploadImage(h, 'lims', batchId, bytes, d);
      expect(res.statusCode).toBe(507);
      expect(res.json()).toMatchObject({ code: 'STORAGE_FULL' });
    } finally {
      blobs.put = put;
    }
    const after = await h.t.deps.db.selectFrom('images').select((eb) => eb.fn.countAll<number>().as('n')).where('batch_id', '=', batchId).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await h.t.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    const again = await uploadImage(h, 'lims', batchId, bytes, d);
    expect(again.statusCode).toBe(201);
  });
});
