import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { exifInstant, hammingDistance, ImageRejectedError, inspectImage, readHeader } from './inspect.ts';
import { makeCameraJpeg } from './test-images.ts';

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

  it('gives the same picture re-encoded a near hash, and another scene a distant one', async () => {
    const a = await makeCameraJpeg({ seed: 3, width: 800, height: 600 });
    const reencoded = await sharp(a).jpeg({ quality: 60 }).toBuffer();
    const other = await sharp(a).flop().toBuffer();
    const [ha, hb, hc] = await Promise.all([a, reencoded, other].map(async (b) => (await inspectImage(b)).perceptualHash));
    expect(hammingDistance(ha!, hb!)).toBeLessThanOrEqual(4);
    expect(hammingDistance(ha!, hc!)).toBeGreaterThan(10);
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
