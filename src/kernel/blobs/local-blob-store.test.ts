import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { beforeEach, describe, expect, it } from 'vitest';
import { BlobHashMismatchError, BlobNotFoundError, BlobTooLargeError } from './blob-store.ts';
import { LocalBlobStore } from './local-blob-store.ts';

let root: string;
let store: LocalBlobStore;
beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'qtrace-blobs-'));
  store = await new LocalBlobStore(root).init();
});
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('LocalBlobStore', () => {
  it('stores by SHA-256 and answers a second put of the same content without writing again', async () => {
    const a = await store.put(Buffer.from('原始记录'));
    expect(a).toEqual({ sha256: sha('原始记录'), size: Buffer.byteLength('原始记录'), created: true });
    expect(await store.put(Readable.from([Buffer.from('原始'), Buffer.from('记录')]))).toEqual({ ...a, created: false });
    expect((await store.read(a.sha256)).toString()).toBe('原始记录');
    expect(await text(await store.open(a.sha256))).toBe('原始记录');
  });

  it('refuses content over the limit and leaves no temporary file', async () => {
    await expect(store.put(Buffer.alloc(2048), { maxBytes: 1024 })).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
  });

  it('refuses content whose hash differs from the declared one', async () => {
    await expect(store.put(Buffer.from('x'), { expectedSha256: sha('y') })).rejects.toBeInstanceOf(BlobHashMismatchError);
    expect(await store.has(sha('x'))).toBe(false);
  });

  it('detects a blob altered on disk, on read and on streaming', async () => {
    const { sha256 } = await store.put(Buffer.from('检测数据'));
    writeFileSync(store.pathOf(sha256), 'tampered');
    await expect(store.read(sha256)).rejects.toBeInstanceOf(BlobHashMismatchError);
    await expect(store.open(sha256)).rejects.toBeInstanceOf(BlobHashMismatchError);
  });

  it('reports a missing blob as such', async () => {
    await expect(store.read(sha('nothing'))).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(store.open('../../etc/passwd')).rejects.toBeInstanceOf(BlobNotFoundError);
  });
});
