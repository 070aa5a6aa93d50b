import sharp, { type JpegOptions } from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { readExifTags, readHeader, thumbnailAndHash } from '../images/index.ts';
import { CAMERA_LIKE_TABLES, forensicFixtures, type ForensicFixtures } from './testing.ts';
import { exifFacts, forensicChecks, matchEncoderTables, parseJpeg, type ExifFacts, type ForensicResult } from './index.ts';
import { metadataFindings, screenshotFinding, structureFindings } from './rules.ts';

const structureFindingsOf = (b: Buffer) => structureFindings(parseJpeg(b), b, null);

/** What the image worker does with a stored file: header, exifr's one parse, one decode, then the checks. */
async function examine(bytes: Buffer, signed = false): Promise<ForensicResult> {
  const header = await readHeader(bytes);
  const [tags, decoded] = await Promise.all([readExifTags(bytes), thumbnailAndHash(bytes)]);
  return forensicChecks({
    picture: { format: header.format, width: header.width, height: header.height, signed },
    exif: exifFacts(tags),
    jpegBytes: header.format === 'jpeg' ? bytes : null,
    signature: decoded.signature,
    decodeWarning: decoded.decodeWarning,
  });
}

const kinds = (r: ForensicResult) => r.findings.map((f) => f.kind).sort();

let fx: ForensicFixtures;
beforeAll(async () => {
  fx = await forensicFixtures();
}, 60_000);

describe('forensic checks on the fixture set', () => {
  it.each([
    ['genuine', []],
    ['resaved', ['jpeg_resaved']],
    ['staleThumbnail', ['exif_thumbnail_mismatch']],
    ['modifiedAfterCapture', ['exif_modified_after_capture']],
    ['gpsTimeOff', ['exif_gps_time_mismatch']],
    ['screenshotPng', ['screenshot_suspected']],
    ['screenshotJpeg', ['screenshot_suspected']],
    ['truncated', ['jpeg_truncated']],
    ['corrupt', ['jpeg_corrupt_data']],
    ['appended', ['jpeg_trailing_data']],
  ] as const)('%s → %j', async (name, expected) => {
    const r = await examine(fx[name]);
    expect(kinds(r)).toEqual([...expected].sort());
  });
});

describe('quantization tables', () => {
  const tiny = Buffer.alloc(64 * 48 * 3, 90);
  const encode = (o: JpegOptions) => sharp(tiny, { raw: { width: 64, height: 48, channels: 3 } }).jpeg(o).toBuffer();

  it.each([
    [{ quality: 75 }, 'annex_k', 75],
    [{ quality: 92 }, 'annex_k', 92],
    [{ quality: 30 }, 'annex_k', 30],
    [{ quality: 5 }, 'annex_k', 5],
    [{ quality: 80, mozjpeg: true }, 'imagemagick', 80],
    [{ quality: 60, mozjpeg: true, quantisationTable: 2 }, 'ms_ssim', 60],
    [{ quality: 70, mozjpeg: true, quantisationTable: 4 }, 'psnr_hvs_m', 70],
    [{ quality: 85, mozjpeg: true, quantisationTable: 5 }, 'klein', 85],
    [{ quality: 40, mozjpeg: true, quantisationTable: 6 }, 'watson', 40],
    [{ quality: 88, mozjpeg: true, quantisationTable: 7 }, 'ahumada', 88],
    [{ quality: 65, mozjpeg: true, quantisationTable: 8 }, 'peterson', 65],
    // Flat tables are the same at qualities 55–57: the highest is reported.
    [{ quality: 55, mozjpeg: true, quantisationTable: 1 }, 'flat', 57],
  ] as const)('sharp %j is recognised as %s at quality %i', async (opts, family, quality) => {
    expect(matchEncoderTables(parseJpeg(await encode(opts)).tables)).toEqual({ family, quality });
  });

  it('the fixture camera tables match no encoder at any quality, and parse back exactly', () => {
    const s = parseJpeg(fx.genuine);
    expect(s.tables.map((t) => t.values)).toEqual([CAMERA_LIKE_TABLES.luma, CAMERA_LIKE_TABLES.chroma]);
    expect(matchEncoderTables(s.tables)).toBeNull();
  });
});

describe('JPEG structure', () => {
  it('reads frame, scans, EOI and trailing data; classifies trailers', () => {
    const s = parseJpeg(fx.genuine);
    expect(s).toMatchObject({ scans: 1, truncated: false, malformedAt: null, trailingBytes: 0, frame: { width: 1200, height: 900, progressive: false } });
    expect(s.exif).not.toBeNull();
    const zeros = parseJpeg(Buffer.concat([fx.genuine, Buffer.alloc(300)]));
    expect(zeros.trailingBytes).toBe(300);
    const samsung = Buffer.concat([fx.genuine, Buffer.from('SEFH\0\0\0\x01 some data SEFT', 'latin1')]);
    const motion = Buffer.concat([fx.genuine, Buffer.from('\0\0\0\x18ftypmp42\0\0\0\0mp42isom', 'latin1')]);
    const text = Buffer.concat([fx.genuine, Buffer.from('PK\x03\x04 a zip archive', 'latin1')]);
    const trailerKinds = (b: Buffer) => structureFindingsOf(b).map((f) => f.details.trailer);
    expect(trailerKinds(Buffer.concat([fx.genuine, Buffer.alloc(300)]))).toEqual([]);
    expect(trailerKinds(samsung)).toEqual([]);
    expect(trailerKinds(motion)).toEqual([]);
    expect(trailerKinds(text)).toEqual(['other']);
    expect(trailerKinds(fx.appended)).toEqual(['jpeg']);
  });

  it('a progressive JPEG has several scans and its EOI is found', async () => {
    const p = await sharp(fx.genuine).jpeg({ progressive: true, quality: 90 }).toBuffer();
    const s = parseJpeg(p);
    expect(s.frame?.progressive).toBe(true);
    expect(s.scans).toBeGreaterThan(1);
    expect(s.eoiOffset).toBe(p.length - 2);
  });

  it('a file cut inside a segment, and one that is not a JPEG', () => {
    expect(parseJpeg(fx.genuine.subarray(0, 30))).toMatchObject({ truncated: true });
    expect(parseJpeg(Buffer.from('not a jpeg at all'))).toMatchObject({ malformedAt: 0 });
  });
});

const baseExif = exifFacts({
  Make: 'HUAWEI',
  Model: 'ALN-AL00',
  DateTimeOriginal: '2026:07:15 10:02:03',
  OffsetTimeOriginal: '+08:00',
  ModifyDate: '2026:07:15 10:02:03',
  GPSDateStamp: '2026:07:15',
  GPSTimeStamp: [2, 1, 58],
  makerNote: new Uint8Array([1, 2, 3]),
  ExposureTime: 0.004,
  FNumber: 1.8,
  ISO: 100,
});

describe('metadata consistency', () => {
  it.each([
    ['consistent', {}, []],
    ['modified 1 minute later (camera processing)', { modifyDate: '2026:07:15 10:03:03' }, []],
    ['modified 3 hours later', { modifyDate: '2026:07:15 13:02:03' }, ['exif_modified_after_capture']],
    ['modified earlier', { modifyDate: '2026:07:15 09:00:00' }, []],
    ['GPS fix 10 minutes stale', { gpsTimeStamp: [1, 52, 0] }, []],
    ['GPS time written as local time', { gpsTimeStamp: [10, 1, 58] }, ['exif_gps_time_mismatch']],
    ['GPS a day off', { gpsDateStamp: '2026:07:14' }, ['exif_gps_time_mismatch']],
    ['capture offset absent: read as Beijing time', { offsetTimeOriginal: null }, []],
    ['capture offset UTC, GPS matches UTC reading', { offsetTimeOriginal: '+00:00', gpsTimeStamp: [10, 2, 0] }, []],
    ['no MakerNote', { hasMakerNote: false }, ['exif_makernote_missing']],
    ['no exposure data at all', { exposureTime: null, fNumber: null, iso: null }, ['exif_exposure_implausible']],
    ['f/0.1', { fNumber: 0.1 }, ['exif_exposure_implausible']],
    ['ISO 5 000 000', { iso: 5_000_000 }, ['exif_exposure_implausible']],
    ['exposure 10 minutes', { exposureTime: 600 }, ['exif_exposure_implausible']],
    ['only ISO missing', { iso: null }, []],
    ['no camera named: no MakerNote or exposure expected', { make: null, model: null, hasMakerNote: false, exposureTime: null, fNumber: null, iso: null }, []],
  ] as const)('%s', (_name, change, expected) => {
    const r = metadataFindings({ ...baseExif, ...change } as ExifFacts);
    expect(r.map((f) => f.kind)).toEqual(expected);
    for (const f of r) expect(f.details.summary.length).toBeGreaterThan(5);
  });

  it('keeps the two dates as evidence', () => {
    const [f] = metadataFindings({ ...baseExif, modifyDate: '2026:07:15 13:02:03' });
    expect(f!.details).toMatchObject({ dateTimeOriginal: '2026:07:15 10:02:03', modifyDate: '2026:07:15 13:02:03', differenceSeconds: 3 * 3600 });
  });
});

describe('screenshots', () => {
  const none = exifFacts({});
  it.each([
    ['PNG without camera data', { format: 'png', width: 800, height: 600, signed: false }, none, true],
    ['PNG signed by a registered instrument', { format: 'png', width: 800, height: 600, signed: true }, none, false],
    ['JPEG at a phone screen size, no camera data', { format: 'jpeg', width: 1080, height: 2400, signed: false }, none, true],
    ['JPEG at an ordinary camera size, no camera data', { format: 'jpeg', width: 4000, height: 3000, signed: false }, none, false],
    ['JPEG at a screen size from a camera', { format: 'jpeg', width: 1920, height: 1080, signed: false }, baseExif, false],
  ] as const)('%s', (_n, picture, exif, flagged) => {
    expect(screenshotFinding(picture, exif) !== null).toBe(flagged);
  });
});

describe('CPU cost of each check per image', () => {
  it('prints the CPU time (process.cpuUsage) of each check over the fixture set', async () => {
    const totals: Record<string, number[]> = {};
    for (const name of Object.keys(fx) as (keyof ForensicFixtures)[]) {
      for (let k = 0; k < 3; k++) {
        const r = await examine(fx[name]);
        for (const [check, us] of Object.entries(r.evidence.cpuMicros)) (totals[check] ??= []).push(us);
      }
    }
    const rows = Object.entries(totals).map(([check, us]) => {
      const sorted = [...us].sort((a, b) => a - b);
      return { check, images: us.length, medianMs: sorted[Math.floor(sorted.length / 2)]! / 1000, maxMs: sorted[sorted.length - 1]! / 1000 };
    });
    console.table(rows);
    expect(rows.map((r) => r.check)).toEqual(expect.arrayContaining(['structure', 'quantization', 'metadata', 'thumbnail', 'screenshot']));
  }, 120_000);
});
