/**
 * A JPEG's marker structure (ITU-T T.81 Annex B), read without decoding a pixel: the quantization tables (DQT), the
 * frame header, the number of scans, where the End Of Image marker is and what follows it. exifr does not read
 * quantization tables and sharp does not expose them, so this small walker does (docs/decisions.md "Image forensics").
 *
 * The walk goes marker segment by marker segment; after each Start Of Scan it skips the entropy-coded data, which
 * may contain 0xFF only as 0xFF00 (byte stuffing) or a restart marker 0xFFD0–D7, to the next marker. Data ending
 * before an EOI is truncated; bytes after the EOI are trailing data.
 */

/** Zig-zag position → natural (row-major) position of a coefficient (T.81 Figure A.6). DQT stores tables in zig-zag. */
export const ZIGZAG_TO_NATURAL = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36,
  29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
] as const;

export interface QuantTable {
  /** Table slot 0–3 (Tq). */
  id: number;
  /** 8-bit (0) or 16-bit (1) entries. */
  precision: 0 | 1;
  /** 64 values in natural (row-major) order. */
  values: number[];
}

export interface JpegComponent {
  id: number;
  h: number;
  v: number;
  /** The quantization table slot this component uses. */
  tq: number;
}

export interface JpegStructure {
  /** Every DQT table in file order (a later definition of a slot replaces an earlier one for the scans after it). */
  tables: QuantTable[];
  frame: { marker: number; progressive: boolean; width: number; height: number; components: JpegComponent[] } | null;
  scans: number;
  /** Byte offset of the EOI marker; null when the data ends before it. */
  eoiOffset: number | null;
  /** Bytes after the EOI marker. */
  trailingBytes: number;
  /** The data ended inside a segment or inside the entropy-coded data, with no EOI. */
  truncated: boolean;
  /** A byte where a marker must be and is not: the marker structure is broken at `malformedAt`. */
  malformedAt: number | null;
  /** The body of the first APP1 "Exif\0\0" segment: where its TIFF header starts and how long it is. */
  exif: { tiffOffset: number; length: number } | null;
  /** APP11 segments (JUMBF, C2PA manifests) present. */
  app11: number;
}

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const DQT = 0xdb;

const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
const isStandalone = (m: number) => m === 0x01 || (m >= 0xd0 && m <= 0xd7);

/** Whether the bytes start like a JPEG (SOI followed by a marker). */
export const isJpeg = (b: Uint8Array) => b.length >= 3 && b[0] === 0xff && b[1] === SOI && b[2] === 0xff;

export function parseJpeg(b: Buffer): JpegStructure {
  const s: JpegStructure = { tables: [], frame: null, scans: 0, eoiOffset: null, trailingBytes: 0, truncated: false, malformedAt: null, exif: null, app11: 0 };
  if (!isJpeg(b)) {
    s.malformedAt = 0;
    return s;
  }
  let i = 2;
  for (;;) {
    if (i >= b.length) {
      s.truncated = true;
      return s;
    }
    if (b[i] !== 0xff) {
      s.malformedAt = i;
      return s;
    }
    // Fill bytes (0xFF repeated) may precede a marker.
    while (i + 1 < b.length && b[i + 1] === 0xff) i++;
    if (i + 1 >= b.length) {
      s.truncated = true;
      return s;
    }
    const m = b[i + 1]!;
    if (m === EOI) {
      s.eoiOffset = i;
      s.trailingBytes = b.length - (i + 2);
      return s;
    }
    if (isStandalone(m) || m === SOI) {
      i += 2;
      continue;
    }
    if (i + 4 > b.length) {
      s.truncated = true;
      return s;
    }
    const len = b.readUInt16BE(i + 2);
    const body = i + 4;
    const end = i + 2 + len;
    if (len < 2) {
      s.malformedAt = i;
      return s;
    }
    if (end > b.length) {
      s.truncated = true;
      return s;
    }
    if (m === DQT) {
      let o = body;
      while (o < end) {
        const pq = b[o]! >> 4;
        const id = b[o]! & 0x0f;
        o++;
        const size = pq ? 128 : 64;
        if ((pq !== 0 && pq !== 1) || o + size > end) {
          s.malformedAt = i;
          return s;
        }
        const values = new Array<number>(64);
        for (let k = 0; k < 64; k++) values[ZIGZAG_TO_NATURAL[k]!] = pq ? b.readUInt16BE(o + 2 * k) : b[o + k]!;
        s.tables.push({ id, precision: pq as 0 | 1, values });
        o += size;
      }
    } else if (isSof(m) && !s.frame && len >= 8) {
      const n = b[body + 5]!;
      const components: JpegComponent[] = [];
      for (let c = 0; c < n && body + 6 + c * 3 + 2 < end; c++) {
        const o = body + 6 + c * 3;
        components.push({ id: b[o]!, h: b[o + 1]! >> 4, v: b[o + 1]! & 0x0f, tq: b[o + 2]! });
      }
      s.frame = { marker: m, progressive: m === 0xc2 || m === 0xc6 || m === 0xca || m === 0xce, width: b.readUInt16BE(body + 3), height: b.readUInt16BE(body + 1), components };
    } else if (m === 0xe1 && !s.exif && len >= 8 && b.toString('latin1', body, body + 6) === 'Exif\0\0') {
      s.exif = { tiffOffset: body + 6, length: end - body - 6 };
    } else if (m === 0xeb) {
      s.app11++;
    }
    i = end;
    if (m === SOS) {
      s.scans++;
      // Skip the entropy-coded data: the next 0xFF that is neither stuffing (FF00) nor a restart marker (FFD0–D7).
      let j = i;
      for (;;) {
        j = b.indexOf(0xff, j);
        if (j < 0 || j + 1 >= b.length) {
          s.truncated = true;
          return s;
        }
        const next = b[j + 1]!;
        if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) {
          j += 2;
          continue;
        }
        if (next === 0xff) {
          j++;
          continue;
        }
        break;
      }
      i = j;
    }
  }
}

/** What the bytes after the EOI look like: padding, a camera's own trailer, another picture, or something else. */
export type Trailer = 'zero_padding' | 'samsung_trailer' | 'motion_photo_video' | 'jpeg' | 'other';

export function classifyTrailer(b: Buffer, eoiOffset: number): Trailer {
  const t = b.subarray(eoiOffset + 2);
  if (t.every((x) => x === 0 || x === 0xff)) return 'zero_padding';
  if (t.length >= 3 && t[0] === 0xff && t[1] === SOI && t[2] === 0xff) return 'jpeg';
  // Samsung writes its SEF trailer ("SEFH" … "SEFT" at the very end); Google and Samsung motion photos append an MP4.
  if (t.length >= 8 && t.subarray(t.length - 4).toString('latin1') === 'SEFT') return 'samsung_trailer';
  if (t.length >= 12 && t.subarray(4, 8).toString('latin1') === 'ftyp') return 'motion_photo_video';
  return 'other';
}
