import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, mkdir, open, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import {
  BlobHashMismatchError,
  BlobNotFoundError,
  BlobTooLargeError,
  isSha256Hex,
  type BlobStore,
  type Sha256Hex,
  type StoredBlob,
} from './blob-store.ts';

/**
 * Blobs in a local folder: `<root>/sha256/ab/cd/<hash>`. A write goes to `<root>/tmp`, is fsynced, renamed into
 * place (atomic on one filesystem) and the directory fsynced, so a crash leaves either nothing or the whole file.
 */
export class LocalBlobStore implements BlobStore {
  readonly #root: string;
  constructor(root: string) {
    this.#root = root;
  }

  async init(): Promise<this> {
    await mkdir(join(this.#root, 'tmp'), { recursive: true });
    await mkdir(join(this.#root, 'sha256'), { recursive: true });
    return this;
  }

  pathOf(sha256: Sha256Hex): string {
    if (!isSha256Hex(sha256)) throw new BlobNotFoundError(`not a sha256: ${sha256}`);
    return join(this.#root, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(content: Readable | Buffer, opts: { maxBytes?: number; expectedSha256?: Sha256Hex } = {}): Promise<StoredBlob> {
    const tmp = join(this.#root, 'tmp', `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const max = opts.maxBytes ?? Number.POSITIVE_INFINITY;
    const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
    // The source may fail while the file is being opened, before the loop below listens: its error must not go
    // unhandled; the loop meets it (a stream that failed stays failed).
    const ignoreUntilRead = () => {};
    source.on('error', ignoreUntilRead);
    try {
      const fh = await open(tmp, 'wx');
      try {
        // Chunks (64 KiB off a socket) are gathered up to WRITE_BATCH_BYTES and written with one writev: a write per
        // chunk costs a thread-pool round trip each, which for camera-sized images was most of the upload's I/O cost.
        let batch: Buffer[] = [];
        let batched = 0;
        source.off('error', ignoreUntilRead);
        for await (const chunk of source as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > max) throw new BlobTooLargeError(max);
          hash.update(chunk);
          batch.push(chunk);
          batched += chunk.length;
          if (batched >= WRITE_BATCH_BYTES) {
            await writeAll(fh, batch, batched);
            batch = [];
            batched = 0;
          }
        }
        if (batched > 0) await writeAll(fh, batch, batched);
        await fh.sync();
      } finally {
        await fh.close();
      }
      const sha256 = hash.digest('hex');
      if (opts.expectedSha256 && opts.expectedSha256 !== sha256) {
        throw new BlobHashMismatchError(`content hash ${sha256} differs from the declared ${opts.expectedSha256}`);
      }
      const dest = this.pathOf(sha256);
      if (await exists(dest)) {
        await rm(tmp, { force: true });
        return { sha256, size, created: false };
      }
      await mkdir(dirname(dest), { recursive: true });
      await rename(tmp, dest);
      await fsyncDir(dirname(dest));
      return { sha256, size, created: true };
    } catch (err) {
      source.destroy();
      await rm(tmp, { force: true });
      throw err;
    }
  }

  async has(sha256: Sha256Hex): Promise<boolean> {
    return isSha256Hex(sha256) && exists(this.pathOf(sha256));
  }

  async open(sha256: Sha256Hex): Promise<Readable> {
    const path = this.pathOf(sha256);
    try {
      await stat(path);
    } catch {
      throw new BlobNotFoundError(sha256);
    }
    // Fail closed before anyone sends a header: the whole file is hashed first (a second, streaming check below
    // catches a change between the two reads).
    const first = createHash('sha256');
    for await (const chunk of createReadStream(path)) first.update(chunk as Buffer);
    const now = first.digest('hex');
    if (now !== sha256) throw new BlobHashMismatchError(`stored blob ${sha256} now hashes to ${now}`, sha256, now);
    const hash = createHash('sha256');
    const verify = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        hash.update(chunk);
        cb(null, chunk);
      },
      flush(cb) {
        const actual = hash.digest('hex');
        cb(actual === sha256 ? null : new BlobHashMismatchError(`stored blob ${sha256} now hashes to ${actual}`, sha256, actual));
      },
    });
    return createReadStream(path).pipe(verify);
  }

  async read(sha256: Sha256Hex): Promise<Buffer> {
    let buf: Buffer;
    try {
      buf = await readFile(this.pathOf(sha256));
    } catch {
      throw new BlobNotFoundError(sha256);
    }
    const actual = createHash('sha256').update(buf).digest('hex');
    if (actual !== sha256) throw new BlobHashMismatchError(`stored blob ${sha256} now hashes to ${actual}`, sha256, actual);
    return buf;
  }

  async ping(): Promise<void> {
    await access(join(this.#root, 'tmp'));
  }
}

/** At most this much of a blob is held in memory on its way to the file (per upload in flight). */
const WRITE_BATCH_BYTES = 1024 * 1024;

/** Writes all of `chunks` (`bytes` long) at the file's position; a short write (rare on files) goes on where it stopped. */
async function writeAll(fh: FileHandle, chunks: Buffer[], bytes: number): Promise<void> {
  let rest = chunks;
  let left = bytes;
  while (left > 0) {
    const { bytesWritten } = await fh.writev(rest);
    left -= bytesWritten;
    if (left === 0) return;
    let skip = bytesWritten;
    const next: Buffer[] = [];
    for (const c of rest) {
      if (skip >= c.length) {
        skip -= c.length;
        continue;
      }
      next.push(skip > 0 ? c.subarray(skip) : c);
      skip = 0;
    }
    rest = next;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function fsyncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
