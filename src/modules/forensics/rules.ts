import {
  IMAGE_EXPOSURE_LIMITS,
  IMAGE_FORENSIC_SEVERITY,
  IMAGE_GPS_TIME_TOLERANCE_MS,
  IMAGE_MODIFY_AFTER_CAPTURE_TOLERANCE_MS,
  IMAGE_RESAVE_FLAG_BELOW_QUALITY,
  IMAGE_THUMBNAIL_MAX_CHANGED_SHARE,
  SCREEN_SIZES,
} from '../../kernel/policy.ts';
import { classifyTrailer, type JpegStructure, type Trailer } from './jpeg.ts';
import { ENCODER_FAMILIES, matchEncoderTables, nearestIjgQuality, type EncoderMatch } from './quant-tables.ts';

/**
 * Forensic findings about one image file (issue 12 item 1) as pure functions over facts read from the file. Each
 * finding becomes an anomaly (src/modules/batches/anomalies.ts) whose details carry the evidence and a one-line Chinese
 * `summary` for the department; none refuses the image (DESIGN.md §4; docs/decisions.md "Image forensics").
 */

export type ForensicKind = keyof typeof IMAGE_FORENSIC_SEVERITY;

export interface ForensicFinding {
  kind: ForensicKind;
  details: { summary: string; severity: (typeof IMAGE_FORENSIC_SEVERITY)[ForensicKind] } & Record<string, unknown>;
}

const finding = (kind: ForensicKind, summary: string, evidence: Record<string, unknown>): ForensicFinding => ({
  kind,
  details: { summary, severity: IMAGE_FORENSIC_SEVERITY[kind], ...evidence },
});

/** What the EXIF says that the forensic checks use (from exifr, see `exifFacts`). Times as written: 'YYYY:MM:DD hh:mm:ss'. */
export interface ExifFacts {
  make: string | null;
  model: string | null;
  dateTimeOriginal: string | null;
  offsetTimeOriginal: string | null;
  /** IFD0 DateTime (ModifyDate) and its OffsetTime. */
  modifyDate: string | null;
  offsetTime: string | null;
  /** GPSDateStamp 'YYYY:MM:DD' and GPSTimeStamp [h, m, s] in UTC. */
  gpsDateStamp: string | null;
  gpsTimeStamp: readonly number[] | null;
  hasMakerNote: boolean;
  exposureTime: number | null;
  fNumber: number | null;
  iso: number | null;
  /** Every software tag present: IFD0 Software, ProcessingSoftware, XMP CreatorTool. */
  softwareTags: { software: string | null; processingSoftware: string | null; creatorTool: string | null };
  orientation: number | null;
  /** IFD1 JPEG thumbnail: offset from the TIFF header, length. */
  thumbnail: { offset: number; length: number } | null;
}

/** exifr options for one parse that serves both the image's summary and the forensic facts. */
export const EXIFR_OPTIONS = {
  tiff: true,
  exif: true,
  gps: true,
  xmp: true,
  ifd1: true,
  makerNote: true,
  reviveValues: false,
  translateValues: false,
  // Kept apart so that IFD1 (the thumbnail's position) is not dropped; `flattenExif` merges the rest.
  mergeOutput: false,
} as const;

/**
 * exifr's output with `mergeOutput: false` as one flat record, as exifr merges it by default (IFD0, EXIF, GPS with its
 * computed latitude/longitude, XMP namespaces), plus the IFD1 thumbnail's ThumbnailOffset and ThumbnailLength.
 */
export function flattenExif(out: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!out) return undefined;
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(out)) {
    if (key === 'ifd1' || value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || Array.isArray(value)) continue;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (!(k in flat)) flat[k] = v;
  }
  for (const [key, value] of Object.entries(out)) if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || Array.isArray(value)) flat[key] ??= value;
  const ifd1 = out.ifd1 as Record<string, unknown> | undefined;
  if (ifd1) {
    flat.ThumbnailOffset = ifd1.ThumbnailOffset ?? ifd1.JPEGInterchangeFormat;
    flat.ThumbnailLength = ifd1.ThumbnailLength ?? ifd1.JPEGInterchangeFormatLength;
  }
  return flat;
}

/** The facts from exifr's output (`EXIFR_OPTIONS`); missing or malformed values become null. */
export function exifFacts(tags: Record<string, unknown> | undefined): ExifFacts {
  const t = tags ?? {};
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : Array.isArray(v) && typeof v[0] === 'number' ? (v[0] as number) : null);
  const mn = t.makerNote ?? t.MakerNote;
  const thOff = num(t.ThumbnailOffset ?? t.JPEGInterchangeFormat);
  const thLen = num(t.ThumbnailLength ?? t.JPEGInterchangeFormatLength);
  const gpsTime = Array.isArray(t.GPSTimeStamp) && t.GPSTimeStamp.length === 3 && t.GPSTimeStamp.every((x) => typeof x === 'number') ? (t.GPSTimeStamp as number[]) : null;
  return {
    make: str(t.Make),
    model: str(t.Model),
    dateTimeOriginal: str(t.DateTimeOriginal),
    offsetTimeOriginal: str(t.OffsetTimeOriginal),
    modifyDate: str(t.ModifyDate ?? t.DateTime),
    offsetTime: str(t.OffsetTime),
    gpsDateStamp: str(t.GPSDateStamp),
    gpsTimeStamp: gpsTime,
    hasMakerNote: mn != null && (typeof mn === 'string' ? mn.length > 0 : mn instanceof Uint8Array ? mn.length > 0 : typeof mn === 'object'),
    exposureTime: num(t.ExposureTime),
    fNumber: num(t.FNumber),
    iso: num(t.ISO ?? t.ISOSpeedRatings ?? t.PhotographicSensitivity),
    softwareTags: { software: str(t.Software), processingSoftware: str(t.ProcessingSoftware), creatorTool: str(t.CreatorTool) },
    orientation: num(t.Orientation),
    thumbnail: thOff !== null && thLen !== null && thLen > 0 ? { offset: thOff, length: thLen } : null,
  };
}

// ── JPEG structure ──

/**
 * Truncated data, a decode that did not complete cleanly, data after the end of the picture. A camera trailer
 * (Samsung's SEF, a motion photo's video) and zero padding after the EOI are normal and not flagged.
 */
export function structureFindings(s: JpegStructure, bytes: Buffer, decodeWarning: string | null): ForensicFinding[] {
  const out: ForensicFinding[] = [];
  if (s.truncated || s.malformedAt !== null) {
    out.push(
      finding('jpeg_truncated', s.truncated ? `文件在 ${bytes.length} 字节处中断，缺少 JPEG 结束标记（EOI），图像下部可能缺失或被截去` : `JPEG 标记结构在第 ${s.malformedAt} 字节处损坏`, {
        fileBytes: bytes.length,
        scans: s.scans,
        malformedAt: s.malformedAt,
        decodeWarning,
      }),
    );
  } else if (decodeWarning) {
    out.push(finding('jpeg_corrupt_data', `解码图像数据时出错：${decodeWarning}`, { decodeWarning, scans: s.scans }));
  }
  if (s.eoiOffset !== null && s.trailingBytes > 0) {
    const trailer: Trailer = classifyTrailer(bytes, s.eoiOffset);
    if (trailer === 'jpeg' || trailer === 'other') {
      const what = trailer === 'jpeg' ? '另一张 JPEG 图像' : '无法识别的数据';
      out.push(finding('jpeg_trailing_data', `JPEG 结束标记之后附有 ${s.trailingBytes} 字节${what}`, { trailingBytes: s.trailingBytes, trailer, eoiOffset: s.eoiOffset }));
    }
  }
  return out;
}

// ── Re-save evidence ──

export interface TablesEvidence {
  /** Luma and chroma tables found (natural order), for the department to compare. */
  tables: { id: number; values: number[] }[];
  encoder: (EncoderMatch & { label: string }) | null;
  /** For tables matching no encoder: the nearest IJG quality, as an indication of the level. */
  approximateQuality: number | null;
}

export function tablesEvidence(s: JpegStructure): TablesEvidence {
  const match = matchEncoderTables(s.tables);
  const luma = s.tables.findLast((t) => t.id === 0);
  return {
    tables: s.tables.map((t) => ({ id: t.id, values: t.values })),
    encoder: match ? { ...match, label: ENCODER_FAMILIES[match.family].label } : null,
    approximateQuality: match || !luma ? null : nearestIjgQuality(luma.values),
  };
}

/**
 * Tables equal to a software encoder's at a quality below the policy's threshold: the file was written (re-saved) by
 * software such as libjpeg, ImageMagick, sharp or an app using them, not by a camera — whatever the EXIF claims.
 */
export function resaveFinding(ev: TablesEvidence, exif: ExifFacts): ForensicFinding | null {
  const e = ev.encoder;
  if (!e || e.quality >= IMAGE_RESAVE_FLAG_BELOW_QUALITY) return null;
  const camera = [exif.make, exif.model].filter(Boolean).join(' ') || null;
  return finding(
    'jpeg_resaved',
    `量化表与软件编码器的${e.label}（质量 ${e.quality}）完全一致，影像经软件重新压缩保存${camera ? `，与 EXIF 所称相机 ${camera} 不符` : ''}`,
    { encoderFamily: e.family, encoderQuality: e.quality, thresholdQuality: IMAGE_RESAVE_FLAG_BELOW_QUALITY, camera, tables: ev.tables },
  );
}

// ── Metadata consistency ──

/** 'YYYY:MM:DD hh:mm:ss' with an offset ('+08:00'; Beijing time when absent or malformed) → instant. */
export function exifDateTime(local: string | null, offset: string | null): Date | null {
  if (!local) return null;
  const m = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(local);
  if (!m) return null;
  const off = offset && /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : '+08:00';
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${off}`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** GPSDateStamp + GPSTimeStamp (UTC) → instant. */
export function gpsInstant(date: string | null, time: readonly number[] | null): Date | null {
  if (!date || !time) return null;
  const m = /^(\d{4})[:-](\d{2})[:-](\d{2})/.exec(date);
  if (!m) return null;
  const [h, min, s] = time as [number, number, number];
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 0, 0, 0) + ((h * 60 + min) * 60 + s) * 1000;
  return Number.isFinite(ms) ? new Date(Math.round(ms)) : null;
}

const inRange = (v: number, [lo, hi]: readonly [number, number]) => v >= lo && v <= hi;

export function metadataFindings(exif: ExifFacts): ForensicFinding[] {
  const out: ForensicFinding[] = [];
  const taken = exifDateTime(exif.dateTimeOriginal, exif.offsetTimeOriginal);
  // ModifyDate: read with its own offset, or with the capture's when the camera wrote only that one.
  const modified = exifDateTime(exif.modifyDate, exif.offsetTime ?? exif.offsetTimeOriginal);
  if (taken && modified && modified.getTime() - taken.getTime() > IMAGE_MODIFY_AFTER_CAPTURE_TOLERANCE_MS) {
    const minutes = Math.round((modified.getTime() - taken.getTime()) / 60_000);
    out.push(
      finding('exif_modified_after_capture', `EXIF 修改时间 ${exif.modifyDate} 晚于拍摄时间 ${exif.dateTimeOriginal} 约 ${minutes} 分钟，影像在拍摄后被改写过`, {
        dateTimeOriginal: exif.dateTimeOriginal,
        modifyDate: exif.modifyDate,
        differenceSeconds: Math.round((modified.getTime() - taken.getTime()) / 1000),
        toleranceSeconds: IMAGE_MODIFY_AFTER_CAPTURE_TOLERANCE_MS / 1000,
      }),
    );
  }
  const gps = gpsInstant(exif.gpsDateStamp, exif.gpsTimeStamp);
  if (taken && gps && Math.abs(gps.getTime() - taken.getTime()) > IMAGE_GPS_TIME_TOLERANCE_MS) {
    const diff = gps.getTime() - taken.getTime();
    out.push(
      finding('exif_gps_time_mismatch', `GPS 时间（UTC ${gps.toISOString().slice(0, 19).replace('T', ' ')}）与拍摄时间 ${exif.dateTimeOriginal}${exif.offsetTimeOriginal ?? '（按北京时间）'}相差约 ${Math.round(Math.abs(diff) / 60_000)} 分钟`, {
        dateTimeOriginal: exif.dateTimeOriginal,
        offsetTimeOriginal: exif.offsetTimeOriginal,
        gpsUtc: gps.toISOString(),
        differenceSeconds: Math.round(diff / 1000),
        toleranceSeconds: IMAGE_GPS_TIME_TOLERANCE_MS / 1000,
      }),
    );
  }
  const camera = exif.make || exif.model;
  if (camera && !exif.hasMakerNote) {
    out.push(finding('exif_makernote_missing', `EXIF 写有相机 ${[exif.make, exif.model].filter(Boolean).join(' ')}，但没有相机厂商数据（MakerNote）；相机直出影像通常都有`, { make: exif.make, model: exif.model }));
  }
  if (camera) {
    const missing = [...(exif.exposureTime === null ? ['exposureTime'] : []), ...(exif.fNumber === null ? ['fNumber'] : []), ...(exif.iso === null ? ['iso'] : [])];
    const implausible = [
      ...(exif.exposureTime !== null && !inRange(exif.exposureTime, IMAGE_EXPOSURE_LIMITS.exposureTime) ? ['exposureTime'] : []),
      ...(exif.fNumber !== null && !inRange(exif.fNumber, IMAGE_EXPOSURE_LIMITS.fNumber) ? ['fNumber'] : []),
      ...(exif.iso !== null && !inRange(exif.iso, IMAGE_EXPOSURE_LIMITS.iso) ? ['iso'] : []),
    ];
    if (missing.length === 3 || implausible.length > 0) {
      const names: Record<string, string> = { exposureTime: '曝光时间', fNumber: '光圈', iso: '感光度' };
      out.push(
        finding('exif_exposure_implausible', missing.length === 3 ? '写有相机型号但没有任何曝光参数（曝光时间、光圈、感光度）' : `曝光参数超出相机可能的范围：${implausible.map((k) => names[k]).join('、')}`, {
          exposureTime: exif.exposureTime,
          fNumber: exif.fNumber,
          iso: exif.iso,
          missing,
          implausible,
          limits: IMAGE_EXPOSURE_LIMITS,
        }),
      );
    }
  }
  return out;
}

/** The thumbnail in the EXIF against the picture: the share of the frame that differs (see policy). */
export function thumbnailFinding(d: { mean: number; changedShare: number } | null): ForensicFinding | null {
  if (d === null || d.changedShare <= IMAGE_THUMBNAIL_MAX_CHANGED_SHARE) return null;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return finding('exif_thumbnail_mismatch', `EXIF 内嵌缩略图与影像内容不符：画面约 ${pct(d.changedShare)} 的区域不同（阈值 ${pct(IMAGE_THUMBNAIL_MAX_CHANGED_SHARE)}），影像在相机生成缩略图之后被修改过`, {
    changedShare: Math.round(d.changedShare * 1000) / 1000,
    meanDifference: Math.round(d.mean * 10) / 10,
    maxChangedShare: IMAGE_THUMBNAIL_MAX_CHANGED_SHARE,
  });
}

// ── Screenshots ──

export interface PictureFacts {
  format: 'jpeg' | 'png' | 'webp' | 'heif';
  width: number;
  height: number;
  /** Signed by a registered device: its origin is proven by the key (an instrument's PNG export). */
  signed: boolean;
}

/** A PNG, or a picture of a screen's exact size, without any camera data: a screenshot rather than a photograph. */
export function screenshotFinding(p: PictureFacts, exif: ExifFacts): ForensicFinding | null {
  if (p.signed || exif.make || exif.model || exif.dateTimeOriginal) return null;
  const screen = SCREEN_SIZES.some(([w, h]) => (p.width === w && p.height === h) || (p.width === h && p.height === w));
  if (p.format !== 'png' && !screen) return null;
  const reason = p.format === 'png' ? 'png_without_camera' : 'screen_size_without_camera';
  const summary = p.format === 'png' ? `PNG 图像（${p.width}×${p.height}）没有任何相机数据，疑似截屏` : `图像尺寸 ${p.width}×${p.height} 与常见屏幕分辨率相同且没有任何相机数据，疑似截屏`;
  return finding('screenshot_suspected', summary, { reason, format: p.format, width: p.width, height: p.height, screenSize: screen });
}
