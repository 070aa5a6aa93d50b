import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';

/**
 * Forensic test fixtures built at test time (issue 12 acceptance): this module's test support, importable by other
 * modules' tests (reuse detection, recomputation) and by images/test-images.ts (the phone-like EXIF of makeCameraJpeg): a camera-like photograph — its own non-standard quantization tables written with
 * ImageMagick's `jpeg:q-table`, EXIF written byte by byte (this file's small TIFF writer: make, model, capture time with
 * offset, ModifyDate, exposure, GPS with its UTC stamp, a MakerNote, the IFD1 thumbnail) — and the forgeries made
 * from it. ImageMagick (`convert`, Debian package imagemagick) must be on the PATH (.ci/run installs it).
 */

const run = promisify(execFile);

/** A structured scene (sky gradient, ground, a few blocks, fine noise): compresses and shrinks like a photograph. */
export function scene(width: number, height: number, seed = 1): Buffer {
  const raw = Buffer.alloc(width * height * 3);
  let r = (seed * 2654435761) >>> 0;
  const blocks = Array.from({ length: 6 }, (_, k) => {
    const s = (seed * 97 + k * 131) % 1000;
    return { x: (s * 7919) % width, y: Math.floor(height * 0.35) + ((s * 104729) % Math.floor(height * 0.5)), w: width / 8 + (s % 150), h: height / 6 + ((s * 3) % 120), c: [(s * 3) % 255, (s * 7) % 255, (s * 11) % 255] };
  });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      r = (r * 1103515245 + 12345) >>> 0;
      const noise = ((r >>> 24) & 0x1f) - 16;
      const i = (y * width + x) * 3;
      let c: number[] = y < height * 0.4 ? [120 + (y * 100) / height, 160 + (y * 60) / height, 230] : [110 + ((x + seed * 40) % 60), 95, 70 + (y * 40) / height];
      for (const b of blocks) if (x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h) c = b.c;
      raw[i] = Math.max(0, Math.min(255, c[0]! + noise));
      raw[i + 1] = Math.max(0, Math.min(255, c[1]! + noise));
      raw[i + 2] = Math.max(0, Math.min(255, c[2]! + noise));
    }
  }
  return raw;
}

/** Paints a filled rectangle (an edit: a label covered, an object removed) into raw RGB. */
export function paint(raw: Buffer, width: number, rect: { x: number; y: number; w: number; h: number }, rgb: [number, number, number]): Buffer {
  const out = Buffer.from(raw);
  for (let y = rect.y; y < rect.y + rect.h; y++) {
    for (let x = rect.x; x < rect.x + rect.w; x++) {
      const i = (y * width + x) * 3;
      out[i] = rgb[0];
      out[i + 1] = rgb[1];
      out[i + 2] = rgb[2];
    }
  }
  return out;
}

/**
 * Non-standard tables of the kind a camera's own encoder writes (fine steps, about IJG quality 95): they equal no
 * software encoder's table at any quality (forensics.test.ts checks it).
 */
export const CAMERA_LIKE_TABLES = {
  luma: [3, 2, 2, 2, 3, 5, 6, 7, 2, 2, 2, 2, 3, 7, 7, 7, 2, 2, 2, 3, 5, 7, 8, 7, 2, 2, 3, 3, 6, 10, 10, 7, 2, 3, 4, 7, 8, 13, 12, 9, 3, 4, 7, 8, 10, 12, 14, 11, 6, 8, 9, 10, 12, 15, 14, 12, 9, 11, 11, 12, 13, 12, 12, 12],
  chroma: [3, 3, 4, 6, 11, 12, 12, 12, 3, 3, 4, 8, 12, 12, 12, 12, 3, 3, 7, 12, 12, 12, 12, 12, 6, 8, 12, ...new Array<number>(37).fill(12)],
};

/** Encodes raw RGB with ImageMagick and the camera-like tables (4:2:2 like many cameras); JFIF APP0 is removed. */
export async function encodeCameraLike(raw: Buffer, width: number, height: number): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'qtrace-fx-'));
  try {
    const xml = (slot: number, alias: string, v: number[]) =>
      `<table slot="${slot}" alias="${alias}"><description>${alias}</description><levels width="8" height="8" divisor="1">${v.join(',')}</levels></table>`;
    await writeFile(join(dir, 'q.xml'), `<?xml version="1.0"?><quantization-tables>${xml(0, 'luma', CAMERA_LIKE_TABLES.luma)}${xml(1, 'chroma', CAMERA_LIKE_TABLES.chroma)}</quantization-tables>`);
    await writeFile(join(dir, 'in.rgb'), raw);
    // Quality 50 scales the given tables by 100 %: the file carries them exactly.
    await run('convert', ['-size', `${width}x${height}`, '-depth', '8', `rgb:${join(dir, 'in.rgb')}`, '-define', `jpeg:q-table=${join(dir, 'q.xml')}`, '-quality', '50', '-sampling-factor', '2x1', join(dir, 'out.jpg')]);
    return withoutAppSegments(await readFile(join(dir, 'out.jpg')));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The JPEG without its APP0–APP15 and COM segments (what a camera's file has instead is our EXIF). */
export function withoutAppSegments(jpeg: Buffer): Buffer {
  const parts: Buffer[] = [jpeg.subarray(0, 2)];
  let i = 2;
  while (i + 4 <= jpeg.length && jpeg[i] === 0xff) {
    const m = jpeg[i + 1]!;
    if (m === 0xda) break;
    const end = i + 2 + jpeg.readUInt16BE(i + 2);
    if (!((m >= 0xe0 && m <= 0xef) || m === 0xfe)) parts.push(jpeg.subarray(i, end));
    i = end;
  }
  parts.push(jpeg.subarray(i));
  return Buffer.concat(parts);
}

/** Puts an APP1 segment right after SOI (where EXIF belongs), replacing any APP segments. */
export function withApp1(jpeg: Buffer, app1Body: Buffer): Buffer {
  const bare = withoutAppSegments(jpeg);
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xffe1, 0);
  head.writeUInt16BE(app1Body.length + 2, 2);
  return Buffer.concat([bare.subarray(0, 2), head, app1Body, bare.subarray(2)]);
}

/** The APP1 body (from "Exif\0\0") of a JPEG's first EXIF segment, to carry it over to another file. */
export function exifApp1Of(jpeg: Buffer): Buffer | null {
  let i = 2;
  while (i + 4 <= jpeg.length && jpeg[i] === 0xff && jpeg[i + 1] !== 0xda) {
    const end = i + 2 + jpeg.readUInt16BE(i + 2);
    if (jpeg[i + 1] === 0xe1 && jpeg.toString('latin1', i + 4, i + 10) === 'Exif\0\0') return jpeg.subarray(i + 4, end);
    i = end;
  }
  return null;
}

// ── A small TIFF/EXIF writer (big-endian) ──

type Entry = { tag: number; type: 1 | 2 | 3 | 4 | 5 | 7; data: Buffer; count: number };
const ascii = (tag: number, s: string): Entry => ({ tag, type: 2, data: Buffer.from(`${s}\0`, 'latin1'), count: s.length + 1 });
const short = (tag: number, v: number): Entry => {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(v);
  return { tag, type: 3, data: b, count: 1 };
};
const long = (tag: number, v: number): Entry => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(v);
  return { tag, type: 4, data: b, count: 1 };
};
const rationals = (tag: number, values: [number, number][]): Entry => {
  const b = Buffer.alloc(8 * values.length);
  values.forEach(([n, d], k) => {
    b.writeUInt32BE(n, 8 * k);
    b.writeUInt32BE(d, 8 * k + 4);
  });
  return { tag, type: 5, data: b, count: values.length };
};
const bytes = (tag: number, type: 1 | 7, data: Buffer): Entry => ({ tag, type, data, count: data.length });

const ifdSize = (entries: Entry[]) => 2 + 12 * entries.length + 4 + entries.reduce((n, e) => n + (e.data.length > 4 ? e.data.length + (e.data.length % 2) : 0), 0);

function writeIfd(out: Buffer, at: number, entries: Entry[], next: number): void {
  const sorted = [...entries].sort((a, b) => a.tag - b.tag);
  out.writeUInt16BE(sorted.length, at);
  let data = at + 2 + 12 * sorted.length + 4;
  sorted.forEach((e, k) => {
    const o = at + 2 + 12 * k;
    out.writeUInt16BE(e.tag, o);
    out.writeUInt16BE(e.type, o + 2);
    out.writeUInt32BE(e.count, o + 4);
    if (e.data.length <= 4) e.data.copy(out, o + 8);
    else {
      out.writeUInt32BE(data, o + 8);
      e.data.copy(out, data);
      data += e.data.length + (e.data.length % 2);
    }
  });
  out.writeUInt32BE(next, at + 2 + 12 * sorted.length);
}

export interface FixtureExif {
  make?: string;
  model?: string;
  software?: string;
  /** 'YYYY:MM:DD hh:mm:ss' */
  dateTimeOriginal?: string;
  offsetTimeOriginal?: string;
  modifyDate?: string;
  exposure?: { time: [number, number]; fNumber: [number, number]; iso: number };
  gps?: { lat: number; lng: number; date: string; time: [number, number, number] };
  makerNote?: Buffer;
  orientation?: number;
  thumbnail?: Buffer;
}

const dms = (deg: number): [number, number][] => {
  const d = Math.floor(deg);
  const m = Math.floor((deg - d) * 60);
  const s = Math.round(((deg - d) * 60 - m) * 60 * 1000);
  return [[d, 1], [m, 1], [s, 1000]];
};

/** The APP1 body ("Exif\0\0" + TIFF) for the given tags. */
export function exifApp1(x: FixtureExif): Buffer {
  const ifd0: Entry[] = [];
  if (x.make) ifd0.push(ascii(0x010f, x.make));
  if (x.model) ifd0.push(ascii(0x0110, x.model));
  if (x.orientation) ifd0.push(short(0x0112, x.orientation));
  if (x.software) ifd0.push(ascii(0x0131, x.software));
  if (x.modifyDate) ifd0.push(ascii(0x0132, x.modifyDate));
  const exif: Entry[] = [];
  if (x.exposure) {
    exif.push(rationals(0x829a, [x.exposure.time]), rationals(0x829d, [x.exposure.fNumber]), short(0x8827, x.exposure.iso));
  }
  if (x.dateTimeOriginal) exif.push(ascii(0x9003, x.dateTimeOriginal));
  if (x.offsetTimeOriginal) exif.push(ascii(0x9011, x.offsetTimeOriginal));
  if (x.makerNote) exif.push(bytes(0x927c, 7, x.makerNote));
  const gps: Entry[] = [];
  if (x.gps) {
    gps.push(bytes(0x0000, 1, Buffer.from([2, 3, 0, 0])), ascii(0x0001, x.gps.lat >= 0 ? 'N' : 'S'), rationals(0x0002, dms(Math.abs(x.gps.lat))));
    gps.push(ascii(0x0003, x.gps.lng >= 0 ? 'E' : 'W'), rationals(0x0004, dms(Math.abs(x.gps.lng))));
    if (x.gps.date) gps.push(rationals(0x0007, x.gps.time.map((v) => [v, 1] as [number, number])), ascii(0x001d, x.gps.date));
  }
  // Pointers are LONGs whose values are known once the layout is: placeholders now, the same size.
  if (exif.length) ifd0.push(long(0x8769, 0));
  if (gps.length) ifd0.push(long(0x8825, 0));
  const ifd1: Entry[] = x.thumbnail ? [short(0x0103, 6), long(0x0201, 0), long(0x0202, x.thumbnail.length)] : [];
  const at0 = 8;
  const atExif = at0 + ifdSize(ifd0);
  const atGps = atExif + (exif.length ? ifdSize(exif) : 0);
  const at1 = atGps + (gps.length ? ifdSize(gps) : 0);
  const atThumb = at1 + (ifd1.length ? ifdSize(ifd1) : 0);
  const total = atThumb + (x.thumbnail?.length ?? 0);
  const set = (list: Entry[], tag: number, v: number) => list.find((e) => e.tag === tag)?.data.writeUInt32BE(v);
  set(ifd0, 0x8769, atExif);
  set(ifd0, 0x8825, atGps);
  set(ifd1, 0x0201, atThumb);
  const tiff = Buffer.alloc(total);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(at0, 4);
  writeIfd(tiff, at0, ifd0, ifd1.length ? at1 : 0);
  if (exif.length) writeIfd(tiff, atExif, exif, 0);
  if (gps.length) writeIfd(tiff, atGps, gps, 0);
  if (ifd1.length) writeIfd(tiff, at1, ifd1, 0);
  x.thumbnail?.copy(tiff, atThumb);
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
}

// ── The fixture set ──

export const FIXTURE_SIZE = { width: 1200, height: 900 } as const;

/** The genuine photograph's EXIF: Huawei phone at a Changchun site, 2026-07-15 10:02:03 Beijing time. */
export const GENUINE_EXIF: FixtureExif = {
  make: 'HUAWEI',
  model: 'ALN-AL00',
  dateTimeOriginal: '2026:07:15 10:02:03',
  offsetTimeOriginal: '+08:00',
  modifyDate: '2026:07:15 10:02:03',
  exposure: { time: [1, 250], fNumber: [18, 10], iso: 100 },
  gps: { lat: 43.8171, lng: 125.3235, date: '2026:07:15', time: [2, 1, 58] },
  makerNote: Buffer.from('HUAWEI\0\0\x01\0\x4d\x4d\0\x2a\0\0\0\x08\0\0\0\0', 'latin1'),
  orientation: 1,
};

/** A camera's 160×120 thumbnail of raw RGB. */
export const cameraThumbnail = (raw: Buffer, width: number, height: number) =>
  sharp(raw, { raw: { width, height, channels: 3 } }).resize(160, 120, { fit: 'fill' }).jpeg({ quality: 90 }).toBuffer();

export interface ForensicFixtures {
  genuine: Buffer;
  /** The genuine file decoded and re-saved by sharp at quality 85, its EXIF (and thumbnail) carried over, no Software tag. */
  resaved: Buffer;
  /** A region painted over and saved with camera-like tables, the original EXIF and thumbnail kept. */
  staleThumbnail: Buffer;
  modifiedAfterCapture: Buffer;
  /** The GPS time stamp written as Beijing time instead of UTC (8 h off). */
  gpsTimeOff: Buffer;
  /** A phone screenshot: PNG at 2340×1080, no EXIF. */
  screenshotPng: Buffer;
  /** A desktop screenshot saved as JPEG at 1920×1080, no EXIF. */
  screenshotJpeg: Buffer;
  /** The genuine file cut at 60 % of its bytes. */
  truncated: Buffer;
  /** 4000 bytes of the entropy-coded data replaced by a stray restart marker in the middle of the scan (a spliced or damaged file). */
  corrupt: Buffer;
  /** Another JPEG appended after the EOI. */
  appended: Buffer;
}

/** A genuine photo of `seed`'s scene with `exif` (defaults: GENUINE_EXIF with a matching thumbnail). */
export async function genuinePhoto(seed = 1, exif: FixtureExif = {}): Promise<{ jpeg: Buffer; raw: Buffer }> {
  const { width, height } = FIXTURE_SIZE;
  const raw = scene(width, height, seed);
  const body = await encodeCameraLike(raw, width, height);
  const thumbnail = await cameraThumbnail(raw, width, height);
  return { jpeg: withApp1(body, exifApp1({ ...GENUINE_EXIF, thumbnail, ...exif })), raw };
}

export async function forensicFixtures(seed = 1): Promise<ForensicFixtures> {
  const { width, height } = FIXTURE_SIZE;
  const { jpeg: genuine, raw } = await genuinePhoto(seed);
  const app1 = exifApp1Of(genuine)!;
  const thumbnail = await cameraThumbnail(raw, width, height);
  const resavedBody = await sharp(genuine).jpeg({ quality: 85 }).toBuffer();
  const edited = paint(raw, width, { x: 300, y: 420, w: 420, h: 300 }, [128, 128, 128]);
  const staleBody = await encodeCameraLike(edited, width, height);
  const other = await sharp(scene(320, 240, seed + 1), { raw: { width: 320, height: 240, channels: 3 } }).jpeg().toBuffer();
  const mid = Math.floor(genuine.length * 0.5);
  const corrupt = Buffer.concat([genuine.subarray(0, mid), Buffer.from([0xff, 0xd5]), genuine.subarray(mid + 4000)]);
  return {
    genuine,
    resaved: withApp1(resavedBody, app1),
    staleThumbnail: withApp1(staleBody, app1),
    modifiedAfterCapture: withApp1(genuine, exifApp1({ ...GENUINE_EXIF, thumbnail, modifyDate: '2026:07:15 13:40:12' })),
    gpsTimeOff: withApp1(genuine, exifApp1({ ...GENUINE_EXIF, thumbnail, gps: { ...GENUINE_EXIF.gps!, time: [10, 1, 58] } })),
    screenshotPng: await sharp(scene(1080, 2340, seed + 2), { raw: { width: 1080, height: 2340, channels: 3 } }).png({ compressionLevel: 1 }).toBuffer(),
    screenshotJpeg: await sharp(scene(1920, 1080, seed + 3), { raw: { width: 1920, height: 1080, channels: 3 } }).jpeg({ quality: 92 }).toBuffer(),
    truncated: genuine.subarray(0, Math.floor(genuine.length * 0.6)),
    corrupt,
    appended: Buffer.concat([genuine, other]),
  };
}
