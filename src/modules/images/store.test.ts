import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { LocalBlobStore } from '../../kernel/blobs/local-blob-store.ts';
import { IMAGE_MAX_BYTES, IMAGE_SNIFF_MAX_BYTES } from '../../kernel/policy.ts';
import { ImageGate, storeImage } from './store.ts';
import { makeCameraJpeg } from './test-images.ts';

let blobs: LocalBlobStore;
beforeAll(async () => {
  blobs = await new LocalBlobStore(mkdtempSync(join(tmpdir(), 'qtrace-store-'))).init();
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** The bytes as a client sends them: many small chunks. */
const chunked = (b: Buffer, size = 16 * 1024) => Readable.from((function* () {
  for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
})());

/** A JPEG with `n` APP15 segments of 60 KB between SOI and the rest: its frame header lies far from the start. */
function withPadding(jpeg: Buffer, n: number): Buffer {
  const seg = Buffer.alloc(60_000 + 4);
  seg[0] = 0xff;
  seg[1] = 0xef;
  seg.writeUInt16BE(60_002, 2);
  return Buffer.concat([jpeg.subarray(0, 2), ...Array.from({ length: n }, () => seg), jpeg.subarray(2)]);
}

/** The same JPEG with its SOF0 dimensions rewritten (the header lies; the data does not match it). */
function withDimensions(jpeg: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(jpeg);
  for (let i = 2; i < out.length; ) {
    const marker = out[i + 1]!;
    if (marker === 0xc0 || marker === 0xc2) {
      out.writeUInt16BE(height, i + 5);
      out.writeUInt16BE(width, i + 7);
      return out;
    }
    i += 2 + out.readUInt16BE(i + 2);
  }
  throw new Error('no SOF');
}

describe('storeImage', () => {
  it('stores a streamed image content-addressed and reads its format and size from the header', async () => {
    const jpeg = await makeCameraJpeg({ width: 640, height: 480 });
    const stored = await storeImage(blobs, chunked(jpeg));
    expect(stored).toEqual({ sha256: sha(jpeg), size: jpeg.length, format: 'jpeg', contentType: 'image/jpeg', width: 640, height: 480 });
    expect((await blobs.read(stored.sha256)).equals(jpeg)).toBe(true);
  });

  it('decides from the stored file\'s header when the frame header lies beyond the bytes the gate keeps', async () => {
    const padded = withPadding(await makeCameraJpeg({ width: 320, height: 240 }), 10);
    expect(padded.length).toBeGreaterThan(IMAGE_SNIFF_MAX_BYTES);
    const stored = await storeImage(blobs, chunked(padded));
    expect(stored).toMatchObject({ format: 'jpeg', width: 320, height: 240 });
  });

  it('refuses a bomb whose header lies beyond the kept bytes from the stored header, before decoding', async () => {
    const bomb = withPadding(withDimensions(await makeCameraJpeg({ width: 320, height: 240 }), 20_000, 20_000), 10);
    await expect(storeImage(blobs, chunked(bomb))).rejects.toMatchObject({ statusCode: 422, code: 'IMAGE_TOO_MANY_PIXELS' });
  });

  it('refuses a bomb in the first bytes without storing it', async () => {
    const bomb = withDimensions(await makeCameraJpeg({ width: 320, height: 240 }), 20_000, 20_000);
    await expect(storeImage(blobs, chunked(bomb))).rejects.toMatchObject({ statusCode: 422, code: 'IMAGE_TOO_MANY_PIXELS' });
    expect(await blobs.has(sha(bomb))).toBe(false);
  });

  it('stops a body over the byte limit while it streams (413), storing nothing', async () => {
    const jpeg = await makeCameraJpeg({ width: 320, height: 240 });
    const huge = Buffer.concat([jpeg.subarray(0, jpeg.length - 2), Buffer.alloc(IMAGE_MAX_BYTES, 0x55), jpeg.subarray(jpeg.length - 2)]);
    await expect(storeImage(blobs, chunked(huge, 1024 * 1024))).rejects.toMatchObject({ statusCode: 413, code: 'IMAGE_TOO_LARGE' });
    expect(await blobs.has(sha(huge))).toBe(false);
  });

  it('refuses an empty body and a client that went away', async () => {
    await expect(storeImage(blobs, Readable.from([]))).rejects.toMatchObject({ statusCode: 400, code: 'IMAGE_EMPTY' });
    const jpeg = await makeCameraJpeg({ width: 320, height: 240 });
    const dropped = new Readable({ read() {} });
    dropped.push(jpeg.subarray(0, 5000));
    setTimeout(() => dropped.destroy(new Error('aborted')), 20);
    await expect(storeImage(blobs, dropped)).rejects.toThrow('aborted');
  });
});

describe('ImageGate', () => {
  it('passes every byte on, and decides without dimensions when the frame header lies beyond the kept bytes', async () => {
    const padded = withPadding(await makeCameraJpeg({ width: 320, height: 240 }), 30);
    const gate = new ImageGate();
    let passed = 0;
    gate.on('data', (c: Buffer) => {
      passed += c.length;
    });
    await new Promise<void>((resolve, reject) => {
      chunked(padded).pipe(gate).on('end', resolve).on('error', reject);
    });
    expect(passed).toBe(padded.length);
    expect(gate.sniffed).toMatchObject({ format: 'jpeg', width: null, height: null });
    expect(gate.bytes).toBe(padded.length);
  });
});
