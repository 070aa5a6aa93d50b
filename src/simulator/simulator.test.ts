import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQTraceClient, createUpload, patchUpload, recordContentSha256, sha256Hex, uploadStatus, type ImageMetadata } from '../client/index.ts';
import { startImageWorker, type ImageWorker } from '../modules/images/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { beijingRfc3339, beijingWallClock, makeSitePhoto } from './photos.ts';
import { simulate } from './simulate.ts';

/**
 * Issue 4 item 9's acceptance: the simulator's batch arrives whole (on PGlite and, with DATABASE_URL, on PostgreSQL),
 * and an upload killed halfway and resumed completes exactly once. The real server on a local port with its image
 * worker; the simulator and the client speak HTTP to it.
 */
let t: TestApp;
let worker: ImageWorker;
let url: string;
const dir = mkdtempSync(join(tmpdir(), 'qtrace-sim-test-'));

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address();
  if (!addr || typeof addr !== 'object') throw new Error('no address');
  url = `http://127.0.0.1:${addr.port}`;
  worker = startImageWorker(t.deps, { pollMs: 100, log: { error: () => {}, warn: () => {} } });
});

afterAll(async () => {
  await worker?.stop();
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const quiet = () => {};

describe('the simulator', () => {
  it('opens a batch, streams signed records and camera JPEGs, seals, and the batch arrives whole', async () => {
    const r = await simulate({ baseUrl: url, records: 3, images: 6, imageBytes: 300_000, statePath: join(dir, 'whole.json'), log: quiet });
    const q = createQTraceClient({ baseUrl: url, credential: r.credential });
    const batch = await q.getBatch(r.batchId);
    expect(batch.status).toBe('sealed');
    expect(batch.seals).toHaveLength(1);
    // The witness's check-in photo goes up through the witness's session without a phone capture key (the simulator
    // enrols none), so its photo is the one finding: unsigned, listed for review, not blocking.
    expect(batch.anomalies.map((a) => `${a.kind}:${a.subjectType}`)).toEqual(['unsigned_capture:image']);

    // Every record the manifest declares is on the platform with that hash, signed by the rotated device key.
    const records = await q.listRecords(r.batchId);
    expect(records).toHaveLength(r.manifest.recordCount);
    const state = JSON.parse(readFileSync(r.statePath, 'utf8')) as { device: { keyId: string } };
    for (const m of r.manifest.records) {
      const rec = records.find((x) => x.recordKey === m.recordKey && x.version === m.version)!;
      expect(rec.contentSha256).toBe(m.sha256);
      expect(rec.signature?.keyId).toBe(state.device.keyId);
      expect(rec.manual).toBe(false);
      // The client computes the same content hash as the platform (shared canonicalisation).
      expect(
        recordContentSha256({ ...rec, batchId: r.batchId, capturedAt: new Date(rec.capturedAt), source: rec.source, values: rec.values as Record<string, unknown> }),
      ).toBe(m.sha256);
    }

    // Every image: declared in the manifest, signed, processed by the worker (EXIF read, thumbnail made), no flags.
    const images = await q.listImages(r.batchId);
    expect(images).toHaveLength(r.manifest.imageCount);
    expect(images.map((i) => i.sha256).sort()).toEqual(r.manifest.images.map((i) => i.sha256).sort());
    for (const img of images) {
      expect(img.status).toBe('done');
      expect(img.signed).toBe(true);
      expect(img.thumbnail).not.toBeNull();
      expect(img.exif).toMatchObject({ make: 'HUAWEI', model: 'Mate 60 Pro' });
      expect(img.exif?.latitude).toBeCloseTo(img.declared.location.lat, 4);
      expect(img.flags).toEqual([]);
      expect(img.declared.recordKeys).toHaveLength(1);
    }
    const checkins = t.deps.db.selectFrom('images').select('id').where('batch_id', '=', r.batchId).where('kind', '=', 'witness_checkin');
    expect(await checkins.execute()).toHaveLength(1);
  }, 120_000);
});

describe('an upload killed halfway and resumed', () => {
  it('completes exactly once: HEAD gives the offset, the resumed upload attaches one image with the right SHA-256', async () => {
    // A simulator run stopped (as if killed) after its first record: the batch is open and takes uploads.
    const statePath = join(dir, 'killed.json');
    class Killed extends Error {}
    await expect(
      simulate({
        baseUrl: url,
        records: 2,
        images: 2,
        imageBytes: 300_000,
        resumable: true,
        statePath,
        log: quiet,
        afterStep: (s) => {
          if (s === 'record-1') throw new Killed();
        },
      }),
    ).rejects.toBeInstanceOf(Killed);
    const state = JSON.parse(readFileSync(statePath, 'utf8')) as {
      credential: string;
      batch: { id: string };
      records: { body: { recordKey: string; testerPersonId: string; equipmentId: string; componentId: string } }[];
      plan: { openBody: { componentIds: string[] } };
    };
    const batchId = state.batch.id;
    const q = createQTraceClient({ baseUrl: url, credential: state.credential });

    // A 3 MB camera JPEG (several 1 MiB segments), sent with tus; the connection is cut after 60 % of it.
    const at = new Date();
    const bytes = await makeSitePhoto({ targetBytes: 3_200_000, takenAtLocal: beijingWallClock(at), latitude: 43.8468, longitude: 125.3562, make: 'HUAWEI', model: 'Mate 60 Pro', seed: 4242 });
    const rec = state.records[0]!.body;
    const meta: ImageMetadata = { capturedAt: beijingRfc3339(at), location: { lat: 43.8468, lng: 125.3562 }, testerPersonId: rec.testerPersonId, equipmentId: rec.equipmentId, componentId: rec.componentId, recordKeys: [rec.recordKey] };
    const key = 'killed-halfway-0001';
    const upload = await createUpload(q.transport, batchId, bytes.length, meta, key);
    const cut = Math.floor(bytes.length * 0.6);
    const abort = new AbortController();
    const patch = patchUploadCut(url, upload.location, state.credential, bytes, cut, abort);
    // Wait until the platform has made at least one segment durable, then drop the connection.
    for (let i = 0; i < 200 && (await uploadStatus(q.transport, upload.location)).offset === 0; i++) await new Promise((res) => setTimeout(res, 25));
    abort.abort();
    await expect(patch).rejects.toThrow();
    let halfway = await uploadStatus(q.transport, upload.location);
    for (let i = 0; i < 40 && halfway.offset < cut; i++) {
      await new Promise((res) => setTimeout(res, 25));
      halfway = await uploadStatus(q.transport, upload.location);
    }
    expect(halfway.state).toBe('receiving');
    expect(halfway.offset).toBeGreaterThan(0);
    expect(halfway.offset).toBeLessThanOrEqual(cut);
    expect(await imagesWithSha(batchId, sha256Hex(bytes))).toBe(0);

    // Resumed from the offset HEAD gives: the image is attached once, with the SHA-256 of the whole file.
    const image = await q.resumableUpload(batchId, bytes, meta, { resume: upload, chunkBytes: 1024 * 1024 });
    expect(image.sha256).toBe(sha256Hex(bytes));
    expect(image.size).toBe(bytes.length);
    expect(image.channel).toBe('resumable');
    // Retries change nothing: the last PATCH again, the creation again with the same key, the resumable upload again.
    const again = await patchUpload(q.transport, upload.location, bytes, bytes.length, bytes.length);
    expect(again.imageId).toBe(image.id);
    const recreated = await createUpload(q.transport, batchId, bytes.length, meta, key);
    expect(recreated.location).toBe(upload.location);
    expect((await q.resumableUpload(batchId, bytes, meta, { resume: upload })).id).toBe(image.id);
    expect(await imagesWithSha(batchId, image.sha256)).toBe(1);

    // The killed simulator run, resumed from its state file, finishes the same batch without doing anything twice.
    const resumed = await simulate({ baseUrl: url, records: 2, images: 2, imageBytes: 300_000, resumable: true, statePath, log: quiet });
    expect(resumed.batchId).toBe(batchId);
    expect(resumed.batch.status).toBe('sealed');
    const records = await q.listRecords(batchId);
    expect(records.map((r) => r.recordKey).sort()).toEqual(resumed.manifest.records.map((r) => r.recordKey).sort());
    const images = await q.listImages(batchId);
    expect(images).toHaveLength(3);
    expect(new Set(images.map((i) => i.sha256)).size).toBe(3);
  }, 120_000);
});

async function imagesWithSha(batchId: string, sha256: string): Promise<number> {
  const rows = await t.deps.db.selectFrom('images').select('id').where('batch_id', '=', batchId).where('sha256', '=', sha256).execute();
  return rows.length;
}

/** A tus PATCH from offset 0 that sends `cut` bytes, then stalls until the caller aborts it (the dropped connection). */
function patchUploadCut(base: string, location: string, credential: string, bytes: Buffer, cut: number, abort: AbortController): Promise<Response> {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let o = 0; o < cut; o += 64 * 1024) controller.enqueue(bytes.subarray(o, Math.min(o + 64 * 1024, cut)));
      abort.signal.addEventListener('abort', () => controller.error(new Error('connection cut')));
    },
  });
  return fetch(new URL(location, base), {
    method: 'PATCH',
    headers: {
      authorization: `Bearer ${credential}`,
      'tus-resumable': '1.0.0',
      'upload-offset': '0',
      'content-type': 'application/offset+octet-stream',
      'content-length': String(bytes.length),
    },
    body,
    duplex: 'half',
    signal: abort.signal,
  } as RequestInit);
}
