import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_JOB_LEASE_MS, IMAGE_THUMBNAIL_WIDTH } from '../../kernel/policy.ts';
import { startBatchHarness, type BatchHarness } from '../batches/test-fixtures.ts';
import { encodeMetadata } from './metadata.ts';
import { declaredFor, offsetFromSite, photoFor, signImage, uploadImage, beijingRfc3339 } from './test-helpers.ts';
import { claimImageJob, processImageJob, runImageJobs, startImageWorker } from './worker.ts';
import { makeCameraJpeg } from './test-images.ts';

let h: BatchHarness;
let batchId: string;
let firstImageId: string;
let openedAt: Date;
const MIN = 60_000;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const silent = { error() {}, warn() {} };
const run = () => runImageJobs(h.t.deps, { log: silent });

beforeAll(async () => {
  h = await startBatchHarness();
  const b = await h.open();
  batchId = b.id;
  openedAt = new Date(b.openedAt);
  h.clock.advance(30 * MIN);
  // The demo's own images (src/seed/batches.ts) are processed first, so each test counts only its own jobs.
  await run();
});
afterAll(() => h.t.close());

const at = (minutesAfterOpening: number) => new Date(openedAt.getTime() + minutesAfterOpening * MIN);
const kinds = (flags: { kind: string }[]) => flags.map((f) => f.kind).sort();

describe('uploading a process image', () => {
  it('streams it into the blob store, acknowledges it as processing, then reads EXIF, makes a thumbnail and a hash', async () => {
    const d = declaredFor(h, at(5));
    const bytes = await photoFor(d, { make: 'Canon', model: 'EOS R6' });
    const res = await uploadImage(h, 'jz.tester', batchId, bytes, d);
    expect(res.statusCode).toBe(201);
    const img = res.json();
    expect(img).toMatchObject({
      batchId,
      kind: 'process',
      status: 'processing',
      sha256: sha(bytes),
      size: bytes.length,
      contentType: 'image/jpeg',
      format: 'jpeg',
      width: 800,
      height: 600,
      signed: false,
      supplementary: false,
      channel: 'direct',
      exif: null,
      capture: { status: 'unsigned' },
      // Uploaded as a file, not through a signed capture: accepted and flagged for the department (issue 11).
      flags: [expect.objectContaining({ kind: 'unsigned_capture' })],
      declared: { capturedAt: at(5).toISOString(), location: d.location, testerPersonId: d.testerPersonId, componentId: d.componentId, recordKeys: ['R-0001'] },
    });
    expect(res.headers.location).toBe(`/api/v1/images/${img.id}`);
    firstImageId = img.id;
    expect(await h.t.deps.blobs.has(img.sha256)).toBe(true);
    // The thumbnail is not there before processing.
    expect((await h.get('jz.tester', `/api/v1/images/${img.id}/thumbnail`)).json()).toMatchObject({ code: 'IMAGE_STILL_PROCESSING' });
    // The batch counts the upload: opened → uploading.
    expect((await h.get('jz.tester', `/api/v1/batches/${batchId}`)).json().status).toBe('uploading');

    expect(await run()).toBe(1);
    const done = (await h.get('jz.tester', `/api/v1/images/${img.id}`)).json();
    expect(done).toMatchObject({ status: 'done', exif: { make: 'Canon', model: 'EOS R6', takenAt: at(5).toISOString(), software: null }, flags: [expect.objectContaining({ kind: 'unsigned_capture' })], thumbnail: { width: IMAGE_THUMBNAIL_WIDTH, height: 240 } });
    expect(done.exif.latitude).toBeCloseTo(d.location.lat, 4);
    expect(done.perceptualHash).toMatch(/^[0-9a-f]{16}$/);
    const thumb = await h.get('jz.tester', `/api/v1/images/${img.id}/thumbnail`);
    expect(thumb.statusCode).toBe(200);
    expect(await sharp(thumb.rawPayload).metadata()).toMatchObject({ format: 'jpeg', width: IMAGE_THUMBNAIL_WIDTH });
    const content = await h.get('jz.tester', `/api/v1/images/${img.id}/content`);
    expect(content.headers['content-type']).toBe('image/jpeg');
    expect(content.rawPayload.equals(bytes)).toBe(true);

    const audit = await h.t.deps.db.selectFrom('audit_log').select('action').where('target_id', '=', img.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['image.upload', 'image.analyse']);
    const links = await h.t.deps.db.selectFrom('image_records').selectAll().where('image_id', '=', img.id).execute();
    expect(links).toEqual([{ image_id: img.id, batch_id: batchId, record_key: 'R-0001' }]);
  });

  it('answers a retry with the first answer and stores nothing twice; the same key with other content is refused', async () => {
    const d = declaredFor(h, at(6));
    const bytes = await photoFor(d, { seed: 11 });
    const key = 'lims-photo-000042';
    const first = await uploadImage(h, 'lims', batchId, bytes, d, { key });
    expect(first.statusCode).toBe(201);
    const again = await uploadImage(h, 'lims', batchId, bytes, d, { key });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    const rows = await h.t.deps.db.selectFrom('images').select('id').where('sha256', '=', sha(bytes)).execute();
    expect(rows).toHaveLength(1);
    // The machine credential uploads for its agency.
    expect(first.json().uploadedBy).toMatchObject({ type: 'machine', name: '建正 LIMS' });
    const other = await uploadImage(h, 'lims', batchId, await photoFor(d, { seed: 12 }), d, { key });
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('a crash between the stored blob and the transaction leaves an unreferenced blob only; the retry commits once', async () => {
    const d = declaredFor(h, at(7));
    const bytes = await photoFor(d, { seed: 21 });
    const key = 'crash-test-000001';
    // The database fails the insert once, as a crash between the blob and the commit would: the transaction is lost.
    await sql`create function qtrace_test_fail_image() returns trigger language plpgsql as $$
      begin raise exception 'simulated crash before commit'; end $$`.execute(h.t.deps.db);
    await sql`create trigger qtrace_test_fail_image before insert on images for each row execute function qtrace_test_fail_image()`.execute(h.t.deps.db);
    const failed = await uploadImage(h, 'jz.tester', batchId, bytes, d, { key });
    expect(failed.statusCode).toBe(500);
    expect(await h.t.deps.blobs.has(sha(bytes))).toBe(true);
    expect(await h.t.deps.db.selectFrom('images').select('id').where('sha256', '=', sha(bytes)).execute()).toEqual([]);
    expect(await h.t.deps.db.selectFrom('idempotency_keys').select('key').where('key', '=', key).execute()).toEqual([]);
    await sql`drop trigger qtrace_test_fail_image on images`.execute(h.t.deps.db);
    await sql`drop function qtrace_test_fail_image()`.execute(h.t.deps.db);

    const retry = await uploadImage(h, 'jz.tester', batchId, bytes, d, { key });
    expect(retry.statusCode).toBe(201);
    const again = await uploadImage(h, 'jz.tester', batchId, bytes, d, { key });
    expect(again.json().id).toBe(retry.json().id);
    expect(await h.t.deps.db.selectFrom('images').select('id').where('sha256', '=', sha(bytes)).execute()).toHaveLength(1);
  });

  it('refuses a decompression bomb from its header before storing or decoding it', async () => {
    const bomb = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: '#808080' } }).png({ compressionLevel: 9 }).toBuffer();
    const res = await uploadImage(h, 'jz.tester', batchId, bomb, declaredFor(h, at(8)), { contentType: 'image/png' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'IMAGE_TOO_MANY_PIXELS', field: 'body' });
    expect(await h.t.deps.blobs.has(sha(bomb))).toBe(false);
  });

  it('refuses what is not an image (415), whatever its declared type, and an oversized body (413)', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const res = await uploadImage(h, 'jz.tester', batchId, pdf, declaredFor(h, at(8)));
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'IMAGE_TYPE_UNSUPPORTED', field: 'body' });
    expect(await h.t.deps.blobs.has(sha(pdf))).toBe(false);
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).gif().toBuffer();
    expect((await uploadImage(h, 'jz.tester', batchId, gif, declaredFor(h, at(8)), { contentType: 'image/gif' })).json()).toMatchObject({
      code: 'IMAGE_TYPE_UNSUPPORTED',
      field: 'headers.content-type',
    });
    const big = await uploadImage(h, 'jz.tester', batchId, Buffer.alloc(31 * 1024 * 1024, 0xff), declaredFor(h, at(8)));
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('IMAGE_TOO_LARGE');
  });

  it('refuses incomplete or malformed metadata with the field at fault', async () => {
    const bytes = await photoFor(declaredFor(h, at(9)), { seed: 31, width: 200, height: 150 });
    const cases: [object, string, string][] = [
      [{ ...declaredFor(h, at(9)), capturedAt: '2026-07-15 10:00' }, 'IMAGE_CAPTURED_AT_INVALID', 'headers.x-qtrace-metadata.capturedAt'],
      [{ ...declaredFor(h, at(9)), location: { lat: 91, lng: 125 } }, 'IMAGE_LOCATION_INVALID', 'headers.x-qtrace-metadata.location.lat'],
      [{ ...declaredFor(h, at(9)), componentId: 'QC-NOT-VALID' }, 'COMPONENT_ID_INVALID', 'headers.x-qtrace-metadata.componentId'],
      [{ ...declaredFor(h, at(9)), extra: 1 }, 'IMAGE_METADATA_UNKNOWN_FIELD', 'headers.x-qtrace-metadata.extra'],
      [{ ...declaredFor(h, at(9)), recordKeys: ['a', 'a'] }, 'IMAGE_RECORD_KEY_REPEATED', 'headers.x-qtrace-metadata.recordKeys.1'],
    ];
    for (const [meta, code, field] of cases) {
      const res = await uploadImage(h, 'jz.tester', batchId, bytes, meta);
      expect(res.statusCode, code).toBe(400);
      expect(res.json()).toMatchObject({ code, field });
    }
    const noMeta = await h.post('jz.tester', `/api/v1/batches/${batchId}/images`, bytes as unknown as object, { 'content-type': 'image/jpeg', 'idempotency-key': 'no-meta-0001' });
    expect(noMeta.json()).toMatchObject({ code: 'IMAGE_METADATA_REQUIRED', field: 'headers.x-qtrace-metadata' });
    const noKey = await h.post('jz.tester', `/api/v1/batches/${batchId}/images`, bytes as unknown as object, { 'content-type': 'image/jpeg', 'x-qtrace-metadata': encodeMetadata(declaredFor(h, at(9))) });
    expect(noKey.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REQUIRED' });
    const future = await uploadImage(h, 'jz.tester', batchId, bytes, declaredFor(h, new Date(h.clock.now().getTime() + 10 * MIN)));
    expect(future.json()).toMatchObject({ code: 'IMAGE_CAPTURED_IN_FUTURE', field: 'headers.x-qtrace-metadata.capturedAt' });
  });
});

describe('consistency flags (accepted, never refused)', () => {
  it('accepts an image taken 3 km from the site and one taken the day before, and flags them', async () => {
    const far = declaredFor(h, at(10), { location: offsetFromSite(3000, 0) });
    const resFar = await uploadImage(h, 'jz.tester', batchId, await photoFor(far, { seed: 41 }), far);
    expect(resFar.statusCode).toBe(201);
    expect(kinds(resFar.json().flags)).toEqual(['location_outside_site', 'unsigned_capture']);
    expect(resFar.json().flags.find((f: { kind: string }) => f.kind === 'location_outside_site').details.distanceFromProjectMetres).toBeGreaterThan(2900);

    const dayBefore = declaredFor(h, new Date(openedAt.getTime() - 24 * 3600_000));
    const resEarly = await uploadImage(h, 'jz.tester', batchId, await photoFor(dayBefore, { seed: 42 }), dayBefore);
    expect(resEarly.statusCode).toBe(201);
    expect(kinds(resEarly.json().flags)).toEqual(['capture_outside_window', 'unsigned_capture']);
    expect(resEarly.json().flags.find((f: { kind: string }) => f.kind === 'capture_outside_window')).toMatchObject({ label: '采集时间不在批次时间范围内', details: { position: 'before_opening', minutesOutside: 1440 } });

    const anomalies = await h.t.deps.db
      .selectFrom('anomalies')
      .select(['kind', 'subject_type', 'subject_id'])
      .where('subject_id', 'in', [resFar.json().id, resEarly.json().id])
      .where('kind', '<>', 'unsigned_capture')
      .orderBy('kind')
      .execute();
    expect(anomalies).toEqual([
      { kind: 'capture_outside_window', subject_type: 'image', subject_id: resEarly.json().id },
      { kind: 'location_outside_site', subject_type: 'image', subject_id: resFar.json().id },
    ]);
    // The department of the jurisdiction sees them among the batch's anomalies.
    const list = (await h.get('officer.nanguan', `/api/v1/batches/${batchId}/images?pageSize=100`)).json();
    expect(kinds(list.items.find((i: { id: string }) => i.id === resFar.json().id).flags)).toContain('location_outside_site');
  });

  it('flags a tester, equipment or component not on the batch, and an image linked to no record', async () => {
    const d = declaredFor(h, at(11), {
      testerPersonId: h.refs.person.owner,
      equipmentId: h.refs.equipment.rebarScanner,
      componentId: h.refs.components[0]!,
      recordKeys: [],
    });
    const res = await uploadImage(h, 'jz.tester', batchId, await photoFor(d, { seed: 43 }), d);
    expect(res.statusCode).toBe(201);
    expect(kinds(res.json().flags)).toEqual(['component_not_on_batch', 'equipment_not_on_batch', 'image_without_record', 'tester_not_on_batch', 'unsigned_capture']);
    // A person or device that is not the agency's at all is an error, not a finding.
    const stranger = declaredFor(h, at(11), { testerPersonId: '00000000-0000-4000-8000-000000000000' });
    expect((await uploadImage(h, 'jz.tester', batchId, await photoFor(stranger, { seed: 44 }), stranger)).json()).toMatchObject({
      code: 'IMAGE_TESTER_UNKNOWN',
      field: 'headers.x-qtrace-metadata.testerPersonId',
    });
  });

  it('after processing, flags EXIF that disagrees with the declaration, missing camera data and editing software', async () => {
    // sharp drops all metadata when it re-encodes without withMetadata(): a picture without any EXIF, like a screenshot.
    const stripped = async (b: Buffer) => sharp(b).jpeg().toBuffer();
    const same = async (b: Buffer) => b;
    const cases: [string, Parameters<typeof photoFor>[1], (b: Buffer) => Promise<Buffer>, string[]][] = [
      ['exif-time', { takenAtLocal: '2026-07-14T09:00:00' }, same, ['exif_time_mismatch']],
      ['exif-place', { latitude: offsetFromSite(0, 2000).lat }, same, ['exif_location_mismatch']],
      ['photoshop', { software: 'Adobe Photoshop 25.0 (Windows)' }, same, ['editing_software']],
      // Re-encoded by sharp at its default quality 80: the IJG tables show the re-save too.
      ['no-exif', {}, stripped, ['exif_missing', 'jpeg_resaved']],
    ];
    const ids: Record<string, string> = {};
    let seed = 50;
    for (const [name, photo, transform] of cases) {
      const d = declaredFor(h, at(12));
      const res = await uploadImage(h, 'jz.tester', batchId, await transform(await photoFor(d, { seed: seed++, ...photo })), d);
      expect(res.statusCode).toBe(201);
      ids[name] = res.json().id;
    }
    await run();
    for (const [name, , , expected] of cases) {
      const img = (await h.get('officer.changchun', `/api/v1/images/${ids[name]}`)).json();
      expect(img.status, name).toBe('done');
      expect(kinds(img.flags), name).toEqual([...expected, 'unsigned_capture'].sort());
    }
  });

  it('flags the same picture used again: the same bytes, a re-encoded copy in another batch, a twin in the same batch', async () => {
    const other = await h.open();
    h.clock.advance(MIN);
    const d = declaredFor(h, at(13));
    const original = await photoFor(d, { seed: 60 });
    const first = await uploadImage(h, 'jz.tester', batchId, original, d);
    await run();
    // Another copy of the picture in the same batch (补拍 with one photo twice) is found too.
    const sameBatch = await uploadImage(h, 'jz.tester', batchId, await sharp(original).jpeg({ quality: 80 }).withExif({ IFD0: { Make: 'HUAWEI', Model: 'Mate 60 Pro' } }).toBuffer(), d);
    await run();
    // Later than the first upload: of two equally near originals the older is named, and the image IDs (random) must
    // not be what decides it.
    h.clock.advance(MIN);
    const copy = await uploadImage(h, 'jz.tester', other.id, original, { ...d, capturedAt: beijingRfc3339(h.clock.now()) });
    const reencoded = await sharp(original).resize(640).jpeg({ quality: 70 }).withExif({ IFD0: { Make: 'HUAWEI', Model: 'Mate 60 Pro' } }).toBuffer();
    const similar = await uploadImage(h, 'jz.tester', other.id, reencoded, { ...d, capturedAt: beijingRfc3339(h.clock.now()) });
    const unrelated = await uploadImage(h, 'jz.tester', other.id, await photoFor(d, { seed: 61 }), { ...d, capturedAt: beijingRfc3339(h.clock.now()) });
    await run();
    const flagsOf = async (id: string) => ((await h.get('jz.tester', `/api/v1/images/${id}`)).json().flags as { kind: string; details: Record<string, unknown> }[]).filter((f) => f.kind === 'duplicate_image');
    const evidenceOf = async (id: string) => (await h.get('officer.changchun', `/api/v1/images/${id}/reuse`)).json().items as { role: string; other: { imageId: string; batchId: string } | null }[];
    expect(await flagsOf(copy.json().id)).toEqual([expect.objectContaining({ details: expect.objectContaining({ match: 'identical', originalIn: 'same_agency' }) })]);
    expect(await evidenceOf(copy.json().id)).toEqual([expect.objectContaining({ role: 'original', other: expect.objectContaining({ imageId: first.json().id, batchId }) })]);
    const similarFlags = await flagsOf(similar.json().id);
    expect(similarFlags).toHaveLength(1);
    expect(similarFlags[0]!.details).toMatchObject({ match: 'similar', originalIn: 'same_agency', transform: 'none' });
    expect((await flagsOf(sameBatch.json().id))[0]?.details).toMatchObject({ match: 'similar', originalIn: 'same_batch' });
    expect(await flagsOf(unrelated.json().id)).toEqual([]);
    expect(await flagsOf(first.json().id)).toEqual([]);
  });
});

describe('signed capture', () => {
  it('verifies a signature by the equipment key in force at the capture time; a wrong one is refused with 422', async () => {
    const d = declaredFor(h, at(14));
    const bytes = await photoFor(d, { seed: 70 });
    const signed = { ...d, signature: signImage(batchId, sha(bytes), d) };
    const ok = await uploadImage(h, 'lims', batchId, bytes, signed);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ signed: true, signatureKeyId: h.refs.deviceKeyId });

    // The same signature over other bytes (the content hash is signed) or other metadata does not verify.
    const tamperedBytes = await photoFor(d, { seed: 71 });
    const bad = await uploadImage(h, 'lims', batchId, tamperedBytes, signed);
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'IMAGE_SIGNATURE_INVALID', field: 'headers.x-qtrace-metadata.signature.value' });
    const moved = await uploadImage(h, 'lims', batchId, bytes, { ...signed, location: offsetFromSite(10, 0) });
    expect(moved.json().code).toBe('IMAGE_SIGNATURE_INVALID');
    // Equipment without a registered key cannot sign.
    const scanner = { ...d, equipmentId: h.refs.equipment.flawDetector };
    const noKey = await uploadImage(h, 'lims', batchId, bytes, { ...scanner, signature: signImage(batchId, sha(bytes), scanner) });
    expect(noKey.json()).toMatchObject({ code: 'IMAGE_SIGNATURE_INVALID', message: expect.stringContaining('没有有效的登记密钥') });
  });
});

describe('access', () => {
  it('the agency, the jurisdiction and the project participants see the images; others get 404; only operators upload', async () => {
    const d = declaredFor(h, at(15));
    const res = await uploadImage(h, 'jz.owner', batchId, await photoFor(d, { seed: 80 }), d);
    const id = res.json().id;
    for (const who of ['jz.admin', 'jz.reviewer', 'lims', 'officer.nanguan', 'officer.province', 'builder.chen', 'witness.sun', 'contractor.zhou', 'admin'] as const) {
      expect((await h.get(who, `/api/v1/images/${id}`)).statusCode, who).toBe(200);
      expect((await h.get(who, `/api/v1/batches/${batchId}/images`)).statusCode, who).toBe(200);
    }
    for (const who of ['jk.tester', 'jk.lims', 'officer.chaoyang'] as const) {
      expect((await h.get(who, `/api/v1/images/${id}`)).statusCode, who).toBe(404);
      expect((await h.get(who, `/api/v1/images/${id}/content`)).statusCode, who).toBe(404);
      expect((await h.get(who, `/api/v1/batches/${batchId}/images`)).statusCode, who).toBe(404);
    }
    const bytes = await photoFor(d, { seed: 81 });
    expect((await uploadImage(h, 'jk.lims', batchId, bytes, d)).statusCode).toBe(404);
    expect((await uploadImage(h, 'officer.nanguan', batchId, bytes, d)).statusCode).toBe(403);
    expect((await uploadImage(h, 'jz.reviewer', batchId, bytes, d)).json().code).toBe('BATCH_OPERATOR_ROLE_REQUIRED');
    // Refused before the body was stored.
    expect(await h.t.deps.blobs.has(sha(bytes))).toBe(false);
  });

  it('lists the batch\'s images with declared and EXIF values side by side', async () => {
    await run();
    const list = (await h.get('builder.chen', `/api/v1/batches/${batchId}/images?pageSize=100`)).json();
    expect(list.total).toBe(list.items.length);
    expect(list.total).toBeGreaterThan(5);
    const first = list.items.find((i: { id: string }) => i.id === firstImageId);
    expect(first.declared.capturedAt).toBe(at(5).toISOString());
    expect(first.exif.takenAt).toBe(at(5).toISOString());
  });
});

describe('image jobs', () => {
  it('a job is claimed once; a crashed worker\'s job is claimable again after its lease, and the lost claim cannot finish', async () => {
    const d = declaredFor(h, at(16));
    await uploadImage(h, 'jz.tester', batchId, await photoFor(d, { seed: 90, width: 320, height: 240 }), d);
    const now = h.clock.now();
    const [a, b] = await Promise.all([claimImageJob(h.t.deps.db, now, 'worker-a'), claimImageJob(h.t.deps.db, now, 'worker-b')]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const crashed = (a ?? b)!;
    expect(await claimImageJob(h.t.deps.db, now, 'worker-c')).toBeNull();
    h.clock.advance(IMAGE_JOB_LEASE_MS + 1000);
    const again = await claimImageJob(h.t.deps.db, h.clock.now(), 'worker-c');
    expect(again).toMatchObject({ imageId: crashed.imageId, attempts: 2 });
    // The first worker wakes up and tries to finish: its claim is gone, it writes nothing.
    expect(await processImageJob(h.t.deps, crashed, silent)).toBe('lost');
    expect(await h.t.deps.db.selectFrom('image_analyses').select('image_id').where('image_id', '=', crashed.imageId).execute()).toEqual([]);
    expect(await processImageJob(h.t.deps, again!, silent)).toBe('done');
    const job = await h.t.deps.db.selectFrom('image_jobs').selectAll().where('image_id', '=', crashed.imageId).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ state: 'done', attempts: 2, claim_token: null });
  });

  it('an image whose data is cut short is decoded as far as it goes, shown, and flagged as truncated', async () => {
    const d = declaredFor(h, at(17));
    const good = await makeCameraJpeg({ width: 640, height: 480, seed: 91, takenAtLocal: d.capturedAt.slice(0, 19), latitude: d.location.lat, longitude: d.location.lng });
    // Header and EXIF intact, the entropy-coded data cut short and garbled.
    const broken = Buffer.concat([good.subarray(0, Math.floor(good.length / 3)), Buffer.alloc(2000, 0x00)]);
    const res = await uploadImage(h, 'jz.tester', batchId, broken, d);
    expect(res.statusCode).toBe(201);
    await run();
    const img = (await h.get('jz.tester', `/api/v1/images/${res.json().id}`)).json();
    // The strict decode fails, the lenient one shows what is there; the forensic check says why it looks so.
    expect(img).toMatchObject({ status: 'done', previewNote: null });
    expect(img.perceptualHash).toMatch(/^[0-9a-f]{16}$/);
    expect(kinds(img.flags)).toContain('jpeg_truncated');
    const flag = img.flags.find((f: { kind: string }) => f.kind === 'jpeg_truncated');
    expect(flag.details).toMatchObject({ severity: 'high', fileBytes: broken.length });
    expect(flag.details.summary).toContain('缺少 JPEG 结束标记');
  });
});

describe('sealed batches', () => {
  it('a sealed batch takes no more images (409), but a retry of an answered upload is still answered', async () => {
    const b = await h.open();
    h.clock.advance(MIN);
    const d = declaredFor(h, new Date(h.clock.now().getTime() - 30_000));
    const bytes = await photoFor(d, { seed: 95, width: 320, height: 240 });
    const key = 'before-seal-0001';
    const first = await uploadImage(h, 'jz.owner', b.id, bytes, d, { key });
    expect(first.statusCode).toBe(201);
    const completed = await h.post('jz.owner', `/api/v1/batches/${b.id}/complete`, { completedAt: h.clock.now().toISOString() });
    expect(completed.statusCode).toBe(200);
    const sealed = await h.post('jz.owner', `/api/v1/batches/${b.id}/seal`, { recordCount: 0, imageCount: 1, records: [], images: [{ sha256: sha(bytes) }] });
    expect(sealed.statusCode, sealed.body).toBe(200);
    const late = await uploadImage(h, 'jz.owner', b.id, await photoFor(d, { seed: 96, width: 320, height: 240 }), d);
    expect(late.json()).toMatchObject({ code: 'BATCH_SEALED' });
    const retry = await uploadImage(h, 'jz.owner', b.id, bytes, d, { key });
    expect(retry.statusCode).toBe(201);
    expect(retry.json().id).toBe(first.json().id);
  });
});

describe('the worker in the server process', () => {
  it('starts, is woken by an upload, processes it, and stops', async () => {
    const worker = startImageWorker(h.t.deps, { pollMs: 60_000, log: silent });
    try {
      const d = declaredFor(h, at(18));
      const avif = await sharp(await photoFor(d, { seed: 99, width: 480, height: 360 })).heif({ compression: 'av1' }).toBuffer();
      const res = await uploadImage(h, 'jz.tester', batchId, avif, d, { contentType: 'image/avif' });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ format: 'heif', contentType: 'image/avif', width: 480, height: 360 });
      let img = res.json();
      for (let i = 0; i < 100 && img.status !== 'done'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        img = (await h.get('jz.tester', `/api/v1/images/${img.id}`)).json();
      }
      expect(img.status).toBe('done');
      expect(img.thumbnail).toEqual({ width: IMAGE_THUMBNAIL_WIDTH, height: 240 });
    } finally {
      await worker.stop();
    }
  });
});
