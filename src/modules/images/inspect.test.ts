import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { exifInstant, ImageRejectedError, inspectImage, readExif, readHeader, sniffImageHead } from './inspect.ts';
import { hamming64 } from './rules/reuse-hash.ts';
import { makeCameraJpeg, makeScene } from './test-images.ts';

describe('inspectImage', () => {
  it('reads EXIF time, GPS, camera and makes a thumbnail and a perceptual hash', async () => {
    const jpeg = await makeCameraJpeg({ takenAtLocal: '2026-07-15T10:02:03', latitude: 43.8868, longitude: 125.3245, make: 'Canon', model: 'EOS R6' });
    const r = await inspectImage(jpeg);
    expect(r).toMatchObject({ format: 'jpeg', width: 1600, height: 1200 });
    expect(r.exif).toMatchObject({ takenAtLocal: '2026-07-15T10:02:03', make: 'Canon', model: 'EOS R6', software: null });
    expect(r.exif.latitude).toBeCloseTo(43.8868, 4);
    expect(r.exif.longitude).toBeCloseTo(125.3245, 4);
    expect(exifInstant(r.exif)?.toISOString()).toBe('2026-07-15T02:02:03.000Z');
    const thumb = await sharp(r.thumbnail).metadata();
    expect(thumb).toMatchObject({ format: 'jpeg', width: 320 });
    expect(r.perceptualHash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('sees editing software and missing camera data', async () => {
    const r = await inspectImage(await makeCameraJpeg({ software: 'Adobe Photoshop 25.0', width: 400, height: 300 }));
    expect(r.exif.software).toBe('Adobe Photoshop 25.0');
    expect(r.exif.takenAtLocal).toBeNull();
    expect(r.exif.latitude).toBeNull();
  });

  it('gives the same picture re-encoded or mirrored a near hash, and another scene a distant one', async () => {
    const a = await makeScene(3, 800, 600);
    const reencoded = await sharp(a).jpeg({ quality: 60 }).toBuffer();
    const mirrored = await sharp(a).flop().toBuffer();
    const other = await makeScene(4, 800, 600);
    const [ha, hb, hm, hc] = await Promise.all([a, reencoded, mirrored, other].map(async (b) => (await inspectImage(b)).perceptualHash));
    expect(hamming64(ha!, hb!)).toBeLessThanOrEqual(2);
    expect(hamming64(ha!, hm!)).toBeLessThanOrEqual(2);
    expect(hamming64(ha!, hc!)).toBeGreaterThan(10);
  });

  it('refuses a decompression bomb from its header, before decoding', async () => {
    // A 10000×10000 PNG of one colour is tiny on disk and 100 megapixels decoded.
    const bomb = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: '#808080' } }).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(1_000_000);
    await expect(readHeader(bomb)).rejects.toMatchObject({ code: 'IMAGE_TOO_MANY_PIXELS' });
    await expect(inspectImage(bomb)).rejects.toBeInstanceOf(ImageRejectedError);
  });

  it('refuses what is not an accepted image', async () => {
    await expect(readHeader(Buffer.from('%PDF-1.4 not an image'))).rejects.toMatchObject({ code: 'IMAGE_UNREADABLE' });
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).gif().toBuffer();
    await expect(readHeader(gif)).rejects.toMatchObject({ code: 'IMAGE_FORMAT_UNSUPPORTED' });
  });
});

describe('sniffImageHead', () => {
  const camera = makeCameraJpeg({ width: 640, height: 480, takenAtLocal: '2026-07-15T10:02:03', latitude: 43.85, longitude: 125.35 });
  let made: ReturnType<typeof make> | undefined;
  const fixtures = () => (made ??= make());
  const make = async () => {
    const jpeg = await camera;
    const png = await sharp(jpeg).png().toBuffer();
    const webpLossy = await sharp(jpeg).webp().toBuffer();
    const webpLossless = await sharp(jpeg).resize(320).webp({ lossless: true }).toBuffer();
    const webpExtended = await sharp(jpeg).webp().withExif({ IFD0: { Make: 'HUAWEI' } }).toBuffer();
    const avif = await sharp(jpeg).heif({ compression: 'av1' }).toBuffer();
    return { jpeg, png, webpLossy, webpLossless, webpExtended, avif };
  };

  it.each([
    ['JPEG', 'jpeg', 'jpeg', 'image/jpeg', 640, 480],
    ['PNG', 'png', 'png', 'image/png', 640, 480],
    ['lossy WebP (VP8)', 'webpLossy', 'webp', 'image/webp', 640, 480],
    ['lossless WebP (VP8L)', 'webpLossless', 'webp', 'image/webp', 320, 240],
    ['extended WebP (VP8X)', 'webpExtended', 'webp', 'image/webp', 640, 480],
    ['AVIF in HEIF', 'avif', 'heif', 'image/avif', 640, 480],
  ] as const)('reads %s format and size from the first bytes', async (_n, key, format, contentType, width, height) => {
    const all = await fixtures();
    const bytes = all[key];
    expect(sniffImageHead(bytes.subarray(0, 4096), false)).toEqual({ kind: 'image', format, contentType, width, height });
    // The same answer from the stored file's header, which decides when the first bytes do not.
    expect(await readHeader(bytes)).toEqual({ format, width, height });
  });

  it('asks for more bytes until the JPEG frame header arrives, and decides without dimensions at the end', async () => {
    const jpeg = await camera;
    expect(sniffImageHead(jpeg.subarray(0, 20), false)).toEqual({ kind: 'need_more' });
    expect(sniffImageHead(jpeg.subarray(0, 20), true)).toEqual({ kind: 'image', format: 'jpeg', contentType: 'image/jpeg', width: null, height: null });
  });

  it('refuses what is not one of the accepted images from its first bytes', async () => {
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).gif().toBuffer();
    const tiff = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).tiff().toBuffer();
    for (const bytes of [gif, tiff, Buffer.from('%PDF-1.4 this is a report, not a photograph')]) {
      expect(sniffImageHead(bytes, true)).toEqual({ kind: 'not_image' });
    }
    // An MP4 is an ISO-BMFF file too; its brands are not HEIF image brands.
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypisom\0\0\x02\0isomiso2', 'latin1')]);
    expect(sniffImageHead(mp4, true)).toEqual({ kind: 'not_image' });
    expect(sniffImageHead(Buffer.from('short'), true)).toEqual({ kind: 'not_image' });
  });

  it('reads a decompression bomb\'s size from its first 24 bytes', async () => {
    const bomb = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: '#808080' } }).png({ compressionLevel: 9 }).toBuffer();
    expect(sniffImageHead(bomb.subarray(0, 24), false)).toMatchObject({ kind: 'image', format: 'png', width: 10_000, height: 10_000 });
  });
});

describe('readExif', () => {
  it('finds an editor named only in XMP CreatorTool', async () => {
    const xmp =
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
      '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="Adobe Photoshop 25.0 (Windows)"/></rdf:RDF></x:xmpmeta>';
    const jpeg = await sharp(await makeCameraJpeg({ width: 200, height: 150 })).withExif({ IFD0: { Make: 'Canon', Model: 'EOS R6' } }).withXmp(xmp).toBuffer();
    expect(await readExif(jpeg)).toMatchObject({ make: 'Canon', software: 'Adobe Photoshop 25.0 (Windows)' });
  });

  it('reads from a file path as from a buffer', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const path = join(mkdtempSync(join(tmpdir(), 'qtrace-exif-')), 'photo.jpg');
    const jpeg = await makeCameraJpeg({ width: 200, height: 150, takenAtLocal: '2026-07-15T10:02:03', make: 'Canon' });
    writeFileSync(path, jpeg);
    expect(await readExif(path)).toEqual(await readExif(jpeg));
    expect(await readHeader(path)).toEqual({ format: 'jpeg', width: 200, height: 150 });
  });
});
