import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { readExifTags, readHeader, thumbnailAndHash } from '../images/inspect.ts';
import { CAMERA_LIKE_TABLES, forensicFixtures, type ForensicFixtures } from './fixtures.ts';
import { exifFacts, forensicChecks, matchEncoderTables, parseJpeg, type ForensicResult } from './index.ts';

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
    console.log(name, JSON.stringify(r.findings.map((f) => [f.kind, f.details.summary])), 'thumbDiff', r.evidence.thumbnailDifference, r.evidence.cpuMicros);
    expect(kinds(r)).toEqual([...expected].sort());
  });
});
