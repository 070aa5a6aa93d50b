import { createHash } from 'node:crypto';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_MAX_BYTES, RESUMABLE_SEGMENT_BYTES } from '../../kernel/policy.ts';
import { startBatchHarness, type BatchHarness } from '../batches/test-fixtures.ts';
import { encodeMetadata } from './metadata.ts';
import { declaredFor, photoFor, type Declared } from './test-helpers.ts';

let h: BatchHarness;
let batchId: string;
let openedAt: Date;
let bearer: string;
let port: number;
const MIN = 60_000;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const TUS = { 'tus-resumable': '1.0.0' };

beforeAll(async () => {
  h = await startBatchHarness();
  const b = await h.open();
  batchId = b.id;
  openedAt = new Date(b.openedAt);
  h.clock.advance(30 * MIN);
  const cred = await h.post('jz.admin', '/api/v1/machine-credentials', { name: '工地续传客户端' });
  bearer = `Bearer ${cred.json().secret}`;
  await h.t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (h.t.app.server.address() as AddressInfo).port;
});
afterAll(() => h.t.close());

const at = (m: number) => new Date(openedAt.getTime() + m * MIN);
const inject = (method: 'POST' | 'HEAD' | 'PATCH' | 'DELETE' | 'GET' | 'OPTIONS', url: string, headers: Record<string, string>, payload?: Buffer) =>
  h.t.app.inject({ method, url, headers: { authorization: bearer, ...headers }, ...(payload ? { payload } : {}) });

async function create(d: Declared, length: number, key: string, viaTusMetadata = false) {
  const meta: Record<string, string> = viaTusMetadata
    ? { 'upload-metadata': `filename ${Buffer.from('IMG_0001.jpg').toString('base64')},metadata ${Buffer.from(JSON.stringify(d)).toString('base64')}` }
    : { 'x-qtrace-metadata': encodeMetadata(d) };
  return inject('POST', `/api/v1/batches/${batchId}/uploads`, { ...TUS, 'upload-length': String(length), 'idempotency-key': key, ...meta });
}

const patch = (location: string, offset: number, body: Buffer) =>
  inject('PATCH', location, { ...TUS, 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset) }, body);

/** Sends `part` of a PATCH whose Content-Length announces `announced` bytes, then drops the connection. */
function patchAndDrop(location: string, offset: number, announced: number, part: Buffer): Promise<void> {
  return new Promise((resolve) => {
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'PATCH',
      path: location,
      headers: { ...TUS, authorization: bearer, 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset), 'content-length': String(announced) },
    });
    req.on('error', () => resolve());
    req.write(part, () => {
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 300);
    });
  });
}

async function waitForOffset(location: string, atLeast: number): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const head = await inject('HEAD', location, TUS);
    const offset = Number(head.headers['upload-offset']);
    if (offset >= atLeast) return offset;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the server never stored the bytes that arrived');
}

describe('resumable uploads (tus 1.0)', () => {
  it('advertises the protocol', async () => {
    const res = await inject('OPTIONS', '/api/v1/uploads', {});
    expect(res.statusCode).toBe(204);
    expect(res.headers).toMatchObject({ 'tus-version': '1.0.0', 'tus-extension': 'creation,termination,expiration', 'tus-max-size': String(IMAGE_MAX_BYTES) });
  });

  it('an upload killed halfway and resumed completes exactly once', async () => {
    const d = declaredFor(h, at(5));
    const bytes = await photoFor(d, { width: 2000, height: 1500, seed: 7, quality: 97 });
    expect(bytes.length).toBeGreaterThan(2 * RESUMABLE_SEGMENT_BYTES);
    const created = await create(d, bytes.length, 'site-tablet-upload-0001', true);
    expect(created.statusCode).toBe(201);
    const location = created.headers.location as string;
    expect(location).toMatch(/^\/api\/v1\/uploads\/[0-9a-f-]{36}$/);
    expect(created.headers['tus-resumable']).toBe('1.0.0');
    expect(created.headers['upload-offset']).toBe('0');
    // A retried creation (the answer was lost) gets the same upload.
    const again = await create(d, bytes.length, 'site-tablet-upload-0001', true);
    expect(again.headers.location).toBe(location);

    // Half of the image goes out over a connection that then drops.
    const half = Math.floor(bytes.length / 2);
    await patchAndDrop(location, 0, bytes.length, bytes.subarray(0, half));
    // Every byte that arrived was kept, not only whole segments (the half is not a multiple of the segment size).
    expect(half % RESUMABLE_SEGMENT_BYTES).not.toBe(0);
    const offset = await waitForOffset(location, half);
    expect(offset).toBe(half);
    expect((await inject('GET', location, {})).json()).toMatchObject({ state: 'receiving', offset, length: bytes.length, imageId: null });
    expect(await h.t.deps.db.selectFrom('images').select('id').where('sha256', '=', sha(bytes)).execute()).toEqual([]);

    // A PATCH from a stale offset is refused with the real one.
    const stale = await patch(location, 0, bytes.subarray(0, 10));
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['upload-offset']).toBe(String(offset));

    // The client asks where to go on and sends the rest.
    const head = await inject('HEAD', location, TUS);
    expect(head.statusCode).toBe(200);
    expect(head.headers).toMatchObject({ 'upload-offset': String(offset), 'upload-length': String(bytes.length), 'cache-control': 'no-store' });
    const rest = await patch(location, offset, bytes.subarray(offset));
    expect(rest.statusCode, rest.body).toBe(204);
    expect(rest.headers['upload-offset']).toBe(String(bytes.length));
    const imageId = rest.headers['x-qtrace-image-id'] as string;
    expect(imageId).toMatch(/^[0-9a-f-]{36}$/);

    // The last PATCH retried (its answer was lost): the same image, nothing new.
    const retry = await patch(location, bytes.length, Buffer.alloc(0));
    expect(retry.statusCode).toBe(204);
    expect(retry.headers['x-qtrace-image-id']).toBe(imageId);

    const rows = await h.t.deps.db.selectFrom('images').select(['id', 'channel']).where('sha256', '=', sha(bytes)).execute();
    expect(rows).toEqual([{ id: imageId, channel: 'resumable' }]);
    const content = await h.get('jz.tester', `/api/v1/images/${imageId}/content`);
    expect(content.rawPayload.equals(bytes)).toBe(true);
    expect((await inject('GET', location, {})).json()).toMatchObject({ state: 'attached', imageId, offset: bytes.length });
    const img = (await h.get('jz.tester', `/api/v1/images/${imageId}`)).json();
    expect(img).toMatchObject({ channel: 'resumable', status: 'processing', declared: { recordKeys: ['R-0001'] } });
  });

  it('refuses a complete upload that is not an image, and answers every retry with the same refusal', async () => {
    const d = declaredFor(h, at(6));
    const notImage = Buffer.from('%PDF-1.4 a scanned report is not a process image\n%%EOF\n');
    const created = await create(d, notImage.length, 'site-tablet-upload-0002');
    const location = created.headers.location as string;
    const res = await patch(location, 0, notImage);
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'IMAGE_TYPE_UNSUPPORTED' });
    const again = await patch(location, notImage.length, Buffer.alloc(0));
    expect(again.json()).toMatchObject({ code: 'IMAGE_TYPE_UNSUPPORTED' });
    expect((await inject('GET', location, {})).json()).toMatchObject({ state: 'refused', refusal: { status: 415, code: 'IMAGE_TYPE_UNSUPPORTED' } });
  });

  it('terminates an unfinished upload (kept, marked terminated: 410 afterwards)', async () => {
    const d = declaredFor(h, at(7));
    const created = await create(d, 1000, 'site-tablet-upload-0003');
    const location = created.headers.location as string;
    expect((await inject('DELETE', location, TUS)).statusCode).toBe(204);
    expect((await inject('HEAD', location, TUS)).statusCode).toBe(410);
    expect((await patch(location, 0, Buffer.alloc(10))).statusCode).toBe(410);
    const audit = await h.t.deps.db.selectFrom('audit_log').select('action').where('target_id', '=', created.json().id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['image_upload.create', 'image_upload.terminate']);
  });

  it('checks the protocol, the length, the owner and the batch at creation', async () => {
    const d = declaredFor(h, at(8));
    const noTus = await inject('HEAD', '/api/v1/uploads/00000000-0000-4000-8000-000000000000', {});
    expect(noTus.statusCode).toBe(412);
    expect(noTus.headers['tus-version']).toBe('1.0.0');
    const tooBig = await create(d, IMAGE_MAX_BYTES + 1, 'site-tablet-upload-0004');
    expect(tooBig.statusCode).toBe(413);
    const noLength = await inject('POST', `/api/v1/batches/${batchId}/uploads`, { ...TUS, 'idempotency-key': 'site-tablet-upload-0005', 'x-qtrace-metadata': encodeMetadata(d) });
    expect(noLength.json()).toMatchObject({ code: 'UPLOAD_LENGTH_INVALID', field: 'headers.upload-length' });
    const created = await create(d, 5000, 'site-tablet-upload-0006');
    const location = created.headers.location as string;
    // Another agency's systems and people do not see it.
    expect((await h.t.app.inject({ method: 'HEAD', url: location, headers: { ...TUS, cookie: await h.t.login('jk.tester') } })).statusCode).toBe(404);
    // Too many bytes for the declared length.
    const over = await patch(location, 0, Buffer.alloc(6000, 1));
    expect(over.json()).toMatchObject({ code: 'UPLOAD_LENGTH_EXCEEDED' });
    const wrongType = await inject('PATCH', location, { ...TUS, 'content-type': 'image/jpeg', 'upload-offset': '0' }, Buffer.alloc(10));
    expect(wrongType.statusCode).toBe(415);
  });
});
