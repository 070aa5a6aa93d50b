import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { BodySender } from './body-transport.ts';
import type { components } from './api-types.ts';
import { apiError, backoffMs, isNetworkError, isRetryableStatus, newIdempotencyKey, QTraceApiError, sleep, type RetryOptions } from './http.ts';
import type { ImageMetadata } from './signing.ts';

export type Image = components['schemas']['Image'];
export type ImageUpload = components['schemas']['ImageUpload'];

/** An image to send: its bytes, or a file read as it streams (memory does not grow with its size). */
export type ImageSource = Uint8Array | { path: string };

export interface Transport {
  baseUrl: string;
  headers(): Record<string, string>;
  fetch: typeof fetch;
  /** Sends requests that carry image bytes (node:http by default, see body-transport.ts). */
  sendBody: BodySender;
  retry: RetryOptions;
}

const TUS = '1.0.0';
const META_HEADER = 'x-qtrace-metadata';

export const encodeMetadata = (m: ImageMetadata): string => Buffer.from(JSON.stringify(m), 'utf8').toString('base64url');

/** Size and SHA-256 of an image (the SHA-256 is what a device signs; a file is hashed as it streams). */
export async function describeSource(source: ImageSource): Promise<{ size: number; sha256: string }> {
  if (source instanceof Uint8Array) return { size: source.byteLength, sha256: createHash('sha256').update(source).digest('hex') };
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(source.path)) hash.update(chunk as Buffer);
  return { size: (await stat(source.path)).size, sha256: hash.digest('hex') };
}

/** The bytes [start, end) of the source (a file is read lazily, as a stream). */
function body(source: ImageSource, start: number, end: number): Readable | Uint8Array {
  if (source instanceof Uint8Array) return source.subarray(start, end);
  if (end <= start) return new Uint8Array(0);
  return createReadStream(source.path, { start, end: end - 1, highWaterMark: 256 * 1024 });
}

async function sizeOf(source: ImageSource): Promise<number> {
  return source instanceof Uint8Array ? source.byteLength : (await stat(source.path)).size;
}

/**
 * Sends a request whose body is re-made for each attempt (a stream can be sent once), retrying network failures and
 * retryable statuses with back-off. Answers are returned, failures thrown.
 */
async function send(t: Transport, make: () => { url: string; method: string; headers: Record<string, string>; body?: Readable | Uint8Array }): Promise<Response> {
  const attempts = t.retry.attempts ?? 5;
  for (let attempt = 0; ; attempt++) {
    const last = attempt + 1 >= attempts;
    const { url, method, headers, body } = make();
    try {
      const res = body === undefined ? await t.fetch(url, { method, headers }) : await t.sendBody(url, { method, headers, body });
      if (last || !isRetryableStatus(res.status)) return res;
      await res.body?.cancel();
      await sleep(backoffMs(attempt, t.retry, res.headers.get('retry-after')));
    } catch (err) {
      if (last || !isNetworkError(err)) throw err;
      await sleep(backoffMs(attempt, t.retry));
    }
  }
}

const url = (t: Transport, path: string) => new URL(path, t.baseUrl).toString();

/**
 * Direct upload (`POST /batches/{id}/images`): the image streams as the request body, the metadata in its header, one
 * Idempotency-Key for the upload and all its retries, so a retry of an upload that did arrive returns the same image.
 */
export async function uploadImage(
  t: Transport,
  batchId: string,
  source: ImageSource,
  metadata: ImageMetadata,
  opts: { idempotencyKey?: string; contentType?: string } = {},
): Promise<{ image: Image; replayed: boolean }> {
  const key = opts.idempotencyKey ?? newIdempotencyKey('img');
  const size = await sizeOf(source);
  const res = await send(t, () => ({
    url: url(t, `/api/v1/batches/${batchId}/images`),
    method: 'POST',
    headers: { ...t.headers(), 'content-type': opts.contentType ?? 'image/jpeg', 'content-length': String(size), 'idempotency-key': key, [META_HEADER]: encodeMetadata(metadata) },
    body: body(source, 0, size),
  }));
  if (res.status !== 201 && res.status !== 200) throw await apiError(res);
  return { image: (await res.json()) as Image, replayed: res.headers.get('idempotent-replayed') === 'true' };
}

/** Where a resumable upload stands (what a client keeps to resume after a restart). */
export interface ResumableState {
  location: string;
  idempotencyKey: string;
  length: number;
}

export interface UploadStatus {
  offset: number;
  length: number;
  state: ImageUpload['state'];
  imageId: string | null;
}

/** tus creation: `POST /batches/{id}/uploads` with Upload-Length and the metadata; the same key returns the same upload. */
export async function createUpload(t: Transport, batchId: string, length: number, metadata: ImageMetadata, idempotencyKey: string): Promise<ResumableState> {
  const res = await send(t, () => ({
    url: url(t, `/api/v1/batches/${batchId}/uploads`),
    method: 'POST',
    headers: { ...t.headers(), 'tus-resumable': TUS, 'upload-length': String(length), 'idempotency-key': idempotencyKey, [META_HEADER]: encodeMetadata(metadata) },
  }));
  if (res.status !== 201) throw await apiError(res);
  const upload = (await res.json()) as ImageUpload;
  return { location: upload.location, idempotencyKey, length };
}

/** tus HEAD: the bytes the platform holds, and whether the image is attached. */
export async function uploadStatus(t: Transport, location: string): Promise<UploadStatus> {
  const res = await send(t, () => ({ url: url(t, location), method: 'HEAD', headers: { ...t.headers(), 'tus-resumable': TUS } }));
  if (res.status !== 200) {
    // HEAD has no body: ask GET for the error's code and message.
    const detail = await t.fetch(url(t, location), { headers: t.headers() });
    throw detail.ok ? new QTraceApiError(res.status, { code: `HTTP_${res.status}` }) : await apiError(detail);
  }
  return {
    offset: Number(res.headers.get('upload-offset')),
    length: Number(res.headers.get('upload-length')),
    state: (res.headers.get('x-qtrace-upload-state') ?? 'receiving') as ImageUpload['state'],
    imageId: res.headers.get('x-qtrace-image-id'),
  };
}

/** tus PATCH of the bytes [offset, end): the new offset, and the image id once the last byte attached it. */
export async function patchUpload(t: Transport, location: string, source: ImageSource, offset: number, end: number, signal?: AbortSignal): Promise<{ offset: number; imageId: string | null }> {
  const res = await t.sendBody(url(t, location), {
    method: 'PATCH',
    headers: { ...t.headers(), 'tus-resumable': TUS, 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream', 'content-length': String(end - offset) },
    body: body(source, offset, end),
    ...(signal ? { signal } : {}),
  });
  if (res.status !== 204) throw await apiError(res);
  return { offset: Number(res.headers.get('upload-offset')), imageId: res.headers.get('x-qtrace-image-id') };
}

export interface ResumableOptions {
  idempotencyKey?: string;
  /** Bytes per PATCH (default 4 MiB): a dropped connection costs at most what the platform had not yet made durable. */
  chunkBytes?: number;
  /** Resume this upload (from a state saved earlier) instead of creating one. */
  resume?: ResumableState;
  /** Called once the upload exists, with what to save to resume it after a restart. */
  onCreated?: (state: ResumableState) => void | Promise<void>;
  onProgress?: (offset: number, length: number) => void;
}

/**
 * A resumable upload (tus 1.0): create (or resume), then PATCH chunk by chunk; after a dropped connection or a
 * platform restart, HEAD says how many bytes arrived and the upload goes on from there. The platform attaches the
 * image once, however often the last PATCH is repeated.
 */
export async function resumableUpload(t: Transport, batchId: string, source: ImageSource, metadata: ImageMetadata, opts: ResumableOptions = {}): Promise<Image> {
  const length = await sizeOf(source);
  let state = opts.resume;
  if (!state) {
    state = await createUpload(t, batchId, length, metadata, opts.idempotencyKey ?? newIdempotencyKey('tus'));
    await opts.onCreated?.(state);
  }
  if (state.length !== length) throw new Error(`resumable upload ${state.location} is ${state.length} bytes long, the file ${length}`);
  const chunk = opts.chunkBytes ?? 4 * 1024 * 1024;
  const attempts = t.retry.attempts ?? 5;
  let failures = 0;
  let status = await uploadStatus(t, state.location);
  while (status.state === 'receiving') {
    try {
      const done = await patchUpload(t, state.location, source, status.offset, Math.min(status.offset + chunk, length));
      status = { ...status, offset: done.offset, imageId: done.imageId, state: done.imageId ? 'attached' : 'receiving' };
      opts.onProgress?.(status.offset, length);
      failures = 0;
    } catch (err) {
      const conflict = err instanceof QTraceApiError && err.code === 'UPLOAD_OFFSET_MISMATCH';
      const transient = isNetworkError(err) || (err instanceof QTraceApiError && (isRetryableStatus(err.status) || err.code === 'UPLOAD_INCOMPLETE'));
      if (!conflict && !transient) throw err;
      if (!conflict && ++failures >= attempts) throw err;
      if (!conflict) await sleep(backoffMs(failures - 1, t.retry));
      status = await uploadStatus(t, state.location);
    }
  }
  if (status.state !== 'attached' || !status.imageId) {
    const res = await t.fetch(url(t, state.location), { headers: t.headers() });
    const view = (await res.json()) as ImageUpload;
    if (view.refusal) throw new QTraceApiError(view.refusal.status, view.refusal as unknown as Record<string, unknown>);
    throw new QTraceApiError(410, { code: 'UPLOAD_GONE', message: `upload is ${view.state}` });
  }
  const res = await send(t, () => ({ url: url(t, `/api/v1/images/${status.imageId}`), method: 'GET', headers: t.headers() }));
  if (!res.ok) throw await apiError(res);
  return (await res.json()) as Image;
}
