import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobTooLargeError, type BlobStore } from '../../kernel/blobs/blob-store.ts';
import { AppError, badRequest, unprocessable } from '../../kernel/errors.ts';
import { IMAGE_MAX_BYTES, IMAGE_MAX_PIXELS, IMAGE_SNIFF_MAX_BYTES } from '../../kernel/policy.ts';
import { ImageRejectedError, readHeader, sniffImageHead, type ImageContentType, type ImageInspection } from './inspect.ts';

/**
 * The acknowledgement path of an image upload: the body streams straight into the content-addressed blob store
 * (SHA-256 computed and the file fsynced by the store), through a gate that holds at most IMAGE_SNIFF_MAX_BYTES of it
 * to read the format and the pixel dimensions from the header while it passes. Nothing is decoded here.
 */

export interface StoredImage {
  sha256: string;
  size: number;
  format: ImageInspection['format'];
  contentType: ImageContentType;
  width: number;
  height: number;
}

/** The client went away before the body was complete: there is nobody to answer. */
export class ClientAbortedError extends Error {
  constructor() {
    super('client aborted the upload');
    this.name = 'ClientAbortedError';
  }
}

export const imageTooLarge = () => new AppError(413, 'IMAGE_TOO_LARGE', `影像文件不能超过 ${IMAGE_MAX_BYTES / 1024 / 1024} MB`, 'body');
const notAnImage = () => new AppError(415, 'IMAGE_TYPE_UNSUPPORTED', '只接受 JPEG、PNG、WebP 或 HEIF（HEIC/AVIF）图像', 'body');
const tooManyPixels = (w: number, h: number) =>
  unprocessable('IMAGE_TOO_MANY_PIXELS', `图像像素过多（${w}×${h}），上限 ${IMAGE_MAX_PIXELS / 1_000_000} 百万像素`, 'body');

/** ImageRejectedError (from inspect.ts) as the API's error. */
export function rejectionToAppError(err: ImageRejectedError): AppError {
  if (err.code === 'IMAGE_FORMAT_UNSUPPORTED') return notAnImage();
  if (err.code === 'IMAGE_TOO_MANY_PIXELS') return new AppError(422, err.code, err.message, 'body');
  return unprocessable('IMAGE_UNREADABLE', '图像文件头无法读取（文件损坏或不完整）', 'body');
}

/**
 * Passes the bytes on unchanged, refusing as early as the bytes allow: not an accepted image (415), over the byte limit
 * (413), over the pixel limit per the header (422). Remembers what the head said.
 */
export class ImageGate extends Transform {
  #head: Buffer[] = [];
  #headLength = 0;
  #total = 0;
  #sniff: Extract<ReturnType<typeof sniffImageHead>, { kind: 'image' }> | null = null;

  get sniffed() {
    return this.#sniff;
  }

  get bytes() {
    return this.#total;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.#total += chunk.length;
    if (this.#total > IMAGE_MAX_BYTES) return cb(imageTooLarge());
    if (!this.#sniff) {
      const room = IMAGE_SNIFF_MAX_BYTES - this.#headLength;
      if (room > 0) {
        const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
        this.#head.push(part);
        this.#headLength += part.length;
      }
      const err = this.#decide(this.#headLength >= IMAGE_SNIFF_MAX_BYTES);
      if (err) return cb(err);
    }
    cb(null, chunk);
  }

  override _flush(cb: TransformCallback): void {
    if (this.#total === 0) return cb(badRequest('IMAGE_EMPTY', '影像文件为空', 'body'));
    if (!this.#sniff) {
      const err = this.#decide(true);
      if (err) return cb(err);
    }
    cb();
  }

  #decide(final: boolean): AppError | null {
    const head = this.#head.length === 1 ? this.#head[0]! : Buffer.concat(this.#head);
    this.#head = [head];
    const s = sniffImageHead(head, final);
    if (s.kind === 'not_image') return notAnImage();
    if (s.kind === 'need_more') return null;
    if (s.width !== null && s.height !== null && s.width * s.height > IMAGE_MAX_PIXELS) return tooManyPixels(s.width, s.height);
    this.#sniff = s;
    this.#head = [];
    return null;
  }
}

/**
 * The request body as a stream that fails when the client goes away. The request is read by us, never destroyed on
 * our errors: an early refusal (413/415/422) is still answered (with `Connection: close`, see the routes).
 */
export function requestBody(req: IncomingMessage): Readable {
  const out = new PassThrough();
  // 'close' before 'end' (or an error) means the body never arrived whole.
  const onAbort = () => {
    if (!req.readableEnded) out.destroy(new ClientAbortedError());
  };
  req.on('error', onAbort);
  req.on('close', onAbort);
  out.on('close', () => {
    req.off('error', onAbort);
    req.off('close', onAbort);
    req.unpipe(out);
  });
  req.pipe(out);
  return out;
}

/**
 * Streams `source` into the blob store through the gate, then reads the stored file's header (sharp, header only) for
 * the authoritative format and dimensions: anything the first bytes did not settle is settled before any decoding.
 * A refused image may leave an unreferenced blob behind; no row ever points at it.
 */
export async function storeImage(blobs: BlobStore, source: Readable): Promise<StoredImage> {
  const gate = new ImageGate();
  source.on('error', (err) => gate.destroy(err));
  source.pipe(gate);
  let stored;
  try {
    stored = await blobs.put(gate, { maxBytes: IMAGE_MAX_BYTES });
  } catch (err) {
    if (err instanceof BlobTooLargeError) throw imageTooLarge();
    throw err;
  }
  const sniffed = gate.sniffed;
  if (!sniffed) throw notAnImage();
  let header;
  try {
    header = await withBlobFile(blobs, stored.sha256, (path) => readHeader(path));
  } catch (err) {
    if (err instanceof ImageRejectedError) throw rejectionToAppError(err);
    throw err;
  }
  if (header.format !== sniffed.format) throw unprocessable('IMAGE_UNREADABLE', '图像文件头无法读取（文件损坏或不完整）', 'body');
  return { sha256: stored.sha256, size: stored.size, format: header.format, contentType: sniffed.contentType, width: header.width, height: header.height };
}

/**
 * Runs `fn` with a local file holding the blob: the store's own file where it has one (the local folder store), else
 * a temporary copy streamed from the store (an object store), removed afterwards. sharp and exifr then read from the
 * file as they need, so memory does not grow with the file's size.
 */
export async function withBlobFile<T>(blobs: BlobStore, sha256: string, fn: (path: string) => Promise<T>): Promise<T> {
  const local = (blobs as BlobStore & { pathOf?: (sha: string) => string }).pathOf;
  if (typeof local === 'function') return fn(local.call(blobs, sha256));
  const dir = await mkdtemp(join(tmpdir(), 'qtrace-image-'));
  try {
    const path = join(dir, sha256);
    await pipeline(await blobs.open(sha256), createWriteStream(path));
    return await fn(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
