import exifr from 'exifr';
import sharp, { type Metadata } from 'sharp';
import { IMAGE_MAX_PIXELS, IMAGE_THUMBNAIL_WIDTH } from '../../kernel/policy.ts';

/**
 * What the platform itself reads from a process image, kept beside what the client declared (DESIGN.md §4):
 * header facts, EXIF (time, position, camera, editing software), a thumbnail and a perceptual hash for spotting a
 * picture already seen in another batch. One shrink-on-load decode gives both the thumbnail and the hash.
 */

export interface ImageExif {
  /** DateTimeOriginal as written by the camera: a wall-clock time without zone, unless OffsetTimeOriginal says. */
  takenAtLocal: string | null;
  offset: string | null;
  latitude: number | null;
  longitude: number | null;
  make: string | null;
  model: string | null;
  software: string | null;
}

export interface ImageInspection {
  format: 'jpeg' | 'png' | 'webp' | 'heif';
  width: number;
  height: number;
  exif: ImageExif;
  thumbnail: Buffer;
  /** 64-bit difference hash (dHash) as 16 hex characters. */
  perceptualHash: string;
}

export class ImageRejectedError extends Error {
  readonly code: 'IMAGE_UNREADABLE' | 'IMAGE_FORMAT_UNSUPPORTED' | 'IMAGE_TOO_MANY_PIXELS';
  constructor(code: ImageRejectedError['code'], message: string) {
    super(message);
    this.code = code;
  }
}

const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'heif']);

/** Reads the header only (no pixel decoding), so oversized images are refused before they cost memory. */
export async function readHeader(input: Buffer | string): Promise<{ format: ImageInspection['format']; width: number; height: number }> {
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw new ImageRejectedError('IMAGE_UNREADABLE', '无法识别的图像文件');
  }
  if (!meta.format || !ACCEPTED.has(meta.format)) throw new ImageRejectedError('IMAGE_FORMAT_UNSUPPORTED', '只接受 JPEG、PNG、WebP 或 HEIF 图像');
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  if (!width || !height) throw new ImageRejectedError('IMAGE_UNREADABLE', '图像尺寸无法读取');
  if (width * height > IMAGE_MAX_PIXELS) {
    throw new ImageRejectedError('IMAGE_TOO_MANY_PIXELS', `图像像素过多（${width}×${height}），上限 ${IMAGE_MAX_PIXELS / 1_000_000} 百万像素`);
  }
  return { format: meta.format as ImageInspection['format'], width, height };
}

export async function readExif(input: Buffer | string): Promise<ImageExif> {
  const none: ImageExif = { takenAtLocal: null, offset: null, latitude: null, longitude: null, make: null, model: null, software: null };
  let tags: Record<string, unknown> | undefined;
  try {
    tags = (await exifr.parse(input, { tiff: true, exif: true, gps: true, reviveValues: false, translateValues: false })) as Record<string, unknown> | undefined;
  } catch {
    return none;
  }
  if (!tags) return none;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return {
    takenAtLocal: normaliseExifDate(str(tags.DateTimeOriginal) ?? str(tags.CreateDate)),
    offset: str(tags.OffsetTimeOriginal) ?? str(tags.OffsetTime),
    latitude: num(tags.latitude),
    longitude: num(tags.longitude),
    make: str(tags.Make),
    model: str(tags.Model),
    software: str(tags.Software),
  };
}

/** EXIF writes '2026:07:15 10:02:03'; we keep ISO-like '2026-07-15T10:02:03'. */
function normaliseExifDate(s: string | null): string | null {
  if (!s) return null;
  const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(s);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}` : null;
}

/**
 * The capture instant EXIF claims: with its offset if the camera wrote one, else read as Beijing time (cameras on
 * Jilin sites are set to local time). Null when EXIF has no time.
 */
export function exifInstant(exif: ImageExif): Date | null {
  if (!exif.takenAtLocal) return null;
  const offset = exif.offset && /^[+-]\d{2}:\d{2}$/.test(exif.offset) ? exif.offset : '+08:00';
  const d = new Date(`${exif.takenAtLocal}${offset}`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Thumbnail and dHash from one decode; JPEGs are shrunk while decoding (libjpeg scaling), never decoded at full size. */
export async function thumbnailAndHash(input: Buffer | string): Promise<{ thumbnail: Buffer; perceptualHash: string }> {
  const small = await sharp(input, { limitInputPixels: IMAGE_MAX_PIXELS, failOn: 'error' })
    .autoOrient()
    .resize({ width: IMAGE_THUMBNAIL_WIDTH, withoutEnlargement: true })
    .toBuffer({ resolveWithObject: false });
  const [thumbnail, grey] = await Promise.all([
    sharp(small).jpeg({ quality: 78, mozjpeg: true }).toBuffer(),
    sharp(small).greyscale().resize(9, 8, { fit: 'fill' }).raw().toBuffer(),
  ]);
  let bits = 0n;
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) {
      bits = (bits << 1n) | (grey[y * 9 + x]! > grey[y * 9 + x + 1]! ? 1n : 0n);
    }
  }
  return { thumbnail, perceptualHash: bits.toString(16).padStart(16, '0') };
}

export async function inspectImage(input: Buffer | string): Promise<ImageInspection> {
  const header = await readHeader(input);
  const [exif, th] = await Promise.all([readExif(input), thumbnailAndHash(input)]);
  return { ...header, exif, ...th };
}

/** Bits that differ between two perceptual hashes (0 = the same picture, small = very likely the same scene). */
export function hammingDistance(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let n = 0;
  while (x) {
    n += Number(x & 1n);
    x >>= 1n;
  }
  return n;
}
