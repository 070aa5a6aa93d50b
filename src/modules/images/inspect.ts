import exifr from 'exifr';
import sharp, { type Metadata } from 'sharp';
import { IMAGE_EDITING_SOFTWARE_PATTERNS, IMAGE_MAX_PIXELS, IMAGE_THUMBNAIL_WIDTH } from '../../kernel/policy.ts';
import { EXIFR_OPTIONS, flattenExif, greySignature } from '../forensics/index.ts';

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
  thumbnailWidth: number;
  thumbnailHeight: number;
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

/** What the first bytes of an upload say, read while it streams (no decoding, no native call). */
export type HeadSniff =
  | { kind: 'image'; format: ImageInspection['format']; contentType: ImageContentType; width: number | null; height: number | null }
  | { kind: 'need_more' }
  | { kind: 'not_image' };

export type ImageContentType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic' | 'image/avif';

/** HEIF brands (ISO/IEC 23008-12 and AV1 in HEIF), major or compatible, that make a file an image we accept. */
const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs', 'mif1', 'msf1', 'avif', 'avis']);

/**
 * Format and, where the bytes so far hold it, pixel dimensions: JPEG from its SOF segment, PNG from IHDR, WebP from its
 * VP8/VP8L/VP8X chunk, HEIF from the largest `ispe` property in its meta box (a grid's full size is the largest).
 * `final` says that no more bytes will come. Dimensions stay null where the header lies beyond what was read; the
 * stored file's header (readHeader) then decides before anything decodes it.
 */
export function sniffImageHead(head: Buffer, final: boolean): HeadSniff {
  const more = (): HeadSniff => (final ? { kind: 'not_image' } : { kind: 'need_more' });
  if (head.length < 16) return more();
  const image = (format: ImageInspection['format'], contentType: ImageContentType, dims: [number, number] | null | 'need_more'): HeadSniff => {
    if (dims === 'need_more') return final ? { kind: 'image', format, contentType, width: null, height: null } : { kind: 'need_more' };
    return { kind: 'image', format, contentType, width: dims?.[0] ?? null, height: dims?.[1] ?? null };
  };
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return image('jpeg', 'image/jpeg', jpegDimensions(head));
  if (head.subarray(0, 8).equals(PNG_SIGNATURE)) {
    return image('png', 'image/png', head.subarray(12, 16).toString('latin1') === 'IHDR' && head.length >= 24 ? [head.readUInt32BE(16), head.readUInt32BE(20)] : null);
  }
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') {
    return image('webp', 'image/webp', webpDimensions(head));
  }
  if (head.subarray(4, 8).toString('latin1') === 'ftyp') {
    const size = head.readUInt32BE(0);
    const end = Math.min(size, head.length);
    const brands = [head.subarray(8, 12).toString('latin1')];
    for (let o = 16; o + 4 <= end; o += 4) brands.push(head.subarray(o, o + 4).toString('latin1'));
    if (!brands.some((b) => HEIF_BRANDS.has(b))) return { kind: 'not_image' };
    const avif = brands[0] === 'avif' || brands[0] === 'avis';
    return image('heif', avif ? 'image/avif' : 'image/heic', heifDimensions(head, size));
  }
  return { kind: 'not_image' };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Walks the JPEG's marker segments up to the first SOFn; 'need_more' while the bytes end before it. */
function jpegDimensions(b: Buffer): [number, number] | null | 'need_more' {
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image or start of scan before any frame header
    const len = b.readUInt16BE(i + 2);
    if (len < 2) return null;
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      if (i + 9 > b.length) return 'need_more';
      return [b.readUInt16BE(i + 7), b.readUInt16BE(i + 5)];
    }
    i += 2 + len;
  }
  return 'need_more';
}

function webpDimensions(b: Buffer): [number, number] | null | 'need_more' {
  if (b.length < 30) return 'need_more';
  const chunk = b.subarray(12, 16).toString('latin1');
  if (chunk === 'VP8 ') return [b.readUInt16LE(26) & 0x3fff, b.readUInt16LE(28) & 0x3fff];
  if (chunk === 'VP8L') {
    const bits = b.readUInt32LE(21);
    return [(bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1];
  }
  if (chunk === 'VP8X') return [b.readUIntLE(24, 3) + 1, b.readUIntLE(27, 3) + 1];
  return null;
}

/**
 * The largest `ispe` (image spatial extent) in meta → iprp → ipco; 'need_more' while the meta box is incomplete, null
 * when the meta box follows the image data (then the stored file's header decides).
 */
function heifDimensions(b: Buffer, ftypSize: number): [number, number] | null | 'need_more' {
  const children = (start: number, end: number) => {
    const out: { type: string; body: number; end: number }[] = [];
    let o = start;
    while (o + 8 <= end) {
      let size = b.readUInt32BE(o);
      let body = o + 8;
      if (size === 1) {
        if (o + 16 > end) break;
        size = Number(b.readBigUInt64BE(o + 8));
        body = o + 16;
      } else if (size === 0) {
        size = end - o;
      }
      if (size < body - o || o + size > end) break;
      out.push({ type: b.toString('latin1', o + 4, o + 8), body, end: o + size });
      o += size;
    }
    return out;
  };
  let o = ftypSize;
  for (;;) {
    if (o + 8 > b.length) return 'need_more';
    let size = b.readUInt32BE(o);
    const type = b.toString('latin1', o + 4, o + 8);
    let body = o + 8;
    if (size === 1) {
      if (o + 16 > b.length) return 'need_more';
      size = Number(b.readBigUInt64BE(o + 8));
      body = o + 16;
    }
    if (size === 0 || size < body - o || type === 'mdat') return null;
    if (type === 'meta') {
      if (o + size > b.length) return 'need_more';
      let best: [number, number] | null = null;
      for (const iprp of children(body + 4, o + size)) {
        if (iprp.type !== 'iprp') continue;
        for (const ipco of children(iprp.body, iprp.end)) {
          if (ipco.type !== 'ipco') continue;
          for (const ispe of children(ipco.body, ipco.end)) {
            if (ispe.type !== 'ispe' || ispe.body + 12 > ispe.end) continue;
            const w = b.readUInt32BE(ispe.body + 4);
            const h = b.readUInt32BE(ispe.body + 8);
            if (!best || w * h > best[0] * best[1]) best = [w, h];
          }
        }
      }
      return best;
    }
    o += size;
  }
}

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

/**
 * exifr's one parse of the file (tiff, exif, gps, xmp, the IFD1 thumbnail's position, the MakerNote's presence), read
 * both for the image's EXIF summary and for the forensic checks. Undefined when the file has none or it is unreadable.
 */
export async function readExifTags(input: Buffer | string): Promise<Record<string, unknown> | undefined> {
  try {
    return flattenExif((await exifr.parse(input, EXIFR_OPTIONS)) as Record<string, unknown> | undefined);
  } catch {
    return undefined;
  }
}

export async function readExif(input: Buffer | string): Promise<ImageExif> {
  return summariseExif(await readExifTags(input));
}

/** The EXIF summary kept with an image (what the consistency flags compare with the declared values). */
export function summariseExif(tags: Record<string, unknown> | undefined): ImageExif {
  const none: ImageExif = { takenAtLocal: null, offset: null, latitude: null, longitude: null, make: null, model: null, software: null };
  if (!tags) return none;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  // Editors write IFD0 Software, and often only XMP CreatorTool (Photoshop, Lightroom) or ProcessingSoftware. All three
  // are read: the one naming an editor wins, so a phone's firmware string in Software cannot hide an editor elsewhere.
  const softwares = [str(tags.Software), str(tags.ProcessingSoftware), str(tags.CreatorTool)].filter((x): x is string => x !== null);
  return {
    takenAtLocal: normaliseExifDate(str(tags.DateTimeOriginal) ?? str(tags.CreateDate)),
    offset: str(tags.OffsetTimeOriginal) ?? str(tags.OffsetTime),
    latitude: num(tags.latitude),
    longitude: num(tags.longitude),
    make: str(tags.Make),
    model: str(tags.Model),
    software: softwares.find((x) => IMAGE_EDITING_SOFTWARE_PATTERNS.some((p) => x.toLowerCase().includes(p))) ?? softwares[0] ?? null,
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

export interface DecodedPicture {
  thumbnail: Buffer;
  thumbnailWidth: number;
  thumbnailHeight: number;
  /** 64-bit difference hash (dHash) as 16 hex characters. */
  perceptualHash: string;
  /** Small normalised grey signature of the oriented picture (forensics: compared with the EXIF thumbnail). */
  signature: Uint8Array;
  /**
   * The decoder's complaint when the strict decode failed (corrupt or short entropy-coded data) and the lenient one
   * succeeded: the picture is shown and hashed as far as it decodes, and the forensic checks flag it.
   */
  decodeWarning: string | null;
}

/**
 * Thumbnail, dHash and the forensic signature from one decode; JPEGs are shrunk while decoding (libjpeg scaling),
 * never decoded at full size. The decode is strict (any decoder warning fails it); only when that fails is it repeated
 * leniently, so a clean file is decoded once.
 */
export async function thumbnailAndHash(input: Buffer | string): Promise<DecodedPicture> {
  const decode = (failOn: 'warning' | 'none') =>
    sharp(input, { limitInputPixels: IMAGE_MAX_PIXELS, failOn })
      .autoOrient()
      .resize({ width: IMAGE_THUMBNAIL_WIDTH, withoutEnlargement: true })
      .toBuffer({ resolveWithObject: true });
  let decoded: Awaited<ReturnType<typeof decode>>;
  let decodeWarning: string | null = null;
  try {
    decoded = await decode('warning');
  } catch (err) {
    decoded = await decode('none');
    decodeWarning = ((err as Error).message ?? String(err)).split('\n')[0]!.slice(0, 200);
  }
  const { data: small, info } = decoded;
  const [thumbnail, grey, signature] = await Promise.all([
    sharp(small).jpeg({ quality: 78, mozjpeg: true }).toBuffer(),
    sharp(small).greyscale().resize(9, 8, { fit: 'fill' }).raw().toBuffer(),
    greySignature(sharp(small)),
  ]);
  let bits = 0n;
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) {
      bits = (bits << 1n) | (grey[y * 9 + x]! > grey[y * 9 + x + 1]! ? 1n : 0n);
    }
  }
  return { thumbnail, thumbnailWidth: info.width, thumbnailHeight: info.height, perceptualHash: bits.toString(16).padStart(16, '0'), signature, decodeWarning };
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
